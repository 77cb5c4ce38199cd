/*
 * horizon merge, the records half: read every record of the inputs' logs
 * (found by merge_inputs.c), collapse duplicates, let verdicts replace errors, detect conflicting
 * verdicts and task-version mismatches, write OUT/runs.jsonl.  The plan half
 * (sweep.json, missing runs) is merge_plan.c.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "buf.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "merge_internal.h"
#include "record_schema.h"

#define LINE_MAX_BYTES ((size_t)4 << 20)
#define MAX_CONFLICTS_SHOWN 5

int mg_note(mg_state *st, const char *fmt, ...)
{
	hz_buf b = HZ_BUF_INIT;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = hz_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (rc || (rc = HZ_ARRAY_RESIZE(st->res->notes, st->res->nnotes + 1)) != 0)
		goto done;
	st->res->notes[st->res->nnotes++] = hz_buf_detach(&b);
done:
	hz_buf_release(&b);
	return rc;
}

const char *mg_record_status(json_t *rec)
{
	return record_status_name(record_verdict_of(rec, NULL));
}

static mg_entry *entry_for(mg_state *st, const char *run_id)
{
	json_t *ix = json_object_get(st->index, run_id);
	mg_entry *e;

	if (ix)
		return &st->entries[json_integer_value(ix)];
	if (HZ_ARRAY_RESERVE(st->entries, st->entries_cap, st->nentries + 1) != 0)
		return NULL;
	e = &st->entries[st->nentries];
	memset(e, 0, sizeof(*e));
	if (!(e->run_id = strdup(run_id)) || !(e->errors = json_array()) ||
	    json_object_set_new(st->index, run_id, json_integer((json_int_t)st->nentries))) {
		free(e->run_id);
		json_decref(e->errors);
		return NULL;
	}
	st->nentries++;
	return e;
}

/* A task's version must be the same in every log (a shard run with other tasks). */
static int check_version(mg_state *st, size_t logi, json_t *rec, const char *src)
{
	const char *task = json_string_value(json_object_get(rec, "task_id"));
	json_t *ver = json_object_get(rec, "task_version"), *seen;

	if (!task || !ver)
		return 0;
	seen = json_object_get(st->versions, task);
	if (!seen)
		return json_object_set_new(st->versions, task,
					   json_pack("[OsI]", ver, src, (json_int_t)logi)) ? hz_error_set(HZ_ENOMEM, "out of memory") : 0;
	if (json_equal(json_array_get(seen, 0), ver) || (size_t)json_integer_value(json_array_get(seen, 2)) == logi)
		return 0;
	{
		char *a = json_dumps(ver, JSON_ENCODE_ANY), *b = json_dumps(json_array_get(seen, 0), JSON_ENCODE_ANY);
		int rc = hz_error_set(HZ_ECONFLICT,
				      "plan mismatch: task '%s' is version %s in %s but version %s in %s: "
				      "the inputs were run with different task catalogues; re-run the odd shard "
				      "with the same tasks",
				      task, a ? a : "?", src, b ? b : "?", json_string_value(json_array_get(seen, 1)));
		free(a);
		free(b);
		return rc;
	}
}

static int add_record(mg_state *st, size_t logi, json_t *rec, const char *line, const char *src)
{
	const char *run_id = json_string_value(json_object_get(rec, "run_id"));
	const char *why = NULL, *status = record_status_name(record_verdict_of(rec, &why));
	mg_entry *e;
	int rc;

	if (!run_id || !*run_id)
		return hz_error_set(HZ_EINVALID, "%s: 'run_id' must be a non-empty string", src);
	if (!status)
		return hz_error_set(HZ_EINVALID, "%s: %s", src, why);
	if ((rc = check_version(st, logi, rec, src)) != 0)
		return rc;
	if (!(e = entry_for(st, run_id)))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if (!strcmp(status, "error")) {
		size_t i;
		json_t *pair;
		if (e->verdict) {
			st->res->replaced_errors++;
			return 0;
		}
		json_array_foreach(e->errors, i, pair) {
			if (json_equal(json_array_get(pair, 0), rec)) {
				st->res->duplicates++;
				st->res->identical++;
				return 0;
			}
		}
		return json_array_append_new(e->errors, json_pack("[Os]", rec, line)) ? hz_error_set(HZ_ENOMEM, "out of memory") : 0;
	}
	if (!e->verdict) {
		st->res->replaced_errors += json_array_size(e->errors);
		json_array_clear(e->errors);
		e->verdict = json_incref(rec);
		if (!(e->verdict_line = strdup(line)) || !(e->verdict_src = strdup(src)))
			return hz_error_set(HZ_ENOMEM, "out of memory");
		return 0;
	}
	if (!strcmp(mg_record_status(e->verdict), status)) {
		st->res->duplicates++;
		if (json_equal(e->verdict, rec))
			st->res->identical++;
		return 0;
	}
	if (!e->conflict) {
		e->conflict = 1;
		st->res->conflicts++;
		if (json_array_append_new(st->conflicts,
					  json_pack("{s:s, s:s?, s:s?, s:O?, s:[{s:s,s:s},{s:s,s:s}]}", "run_id", run_id,
						    "alias", json_string_value(json_object_get(rec, "alias")),
						    "task_id", json_string_value(json_object_get(rec, "task_id")),
						    "repeat", json_object_get(rec, "repeat"), "verdicts",
						    "status", mg_record_status(e->verdict), "source", e->verdict_src,
						    "status", status, "source", src)))
			return hz_error_set(HZ_ENOMEM, "out of memory");
	}
	return 0;
}

/*
 * Read one line into b without its newline, at most LINE_MAX_BYTES: 1 when a
 * line was read (*complete = 0 when the file ended before its newline), 0 at
 * the end of the file, HZ_ELIMIT for a longer line.
 */
static int read_line(FILE *f, hz_buf *b, int *complete)
{
	char chunk[65536];
	int rc;

	hz_buf_clear(b);
	*complete = 0;
	while (fgets(chunk, sizeof(chunk), f)) {
		size_t n = strlen(chunk);
		if (n && chunk[n - 1] == '\n') {
			*complete = 1;
			n--;
		}
		if ((rc = hz_buf_put(b, chunk, n)) != 0)
			return rc;
		if (*complete)
			return 1;
	}
	return b->len ? 1 : 0;
}

/* Read one log: complete lines are records; a partial last line is skipped. */
static int read_log(mg_state *st, size_t logi)
{
	mg_log *log = &st->logs[logi];
	hz_buf line = HZ_BUF_INIT;
	char src[4096 + 32];
	size_t lineno = 0;
	int complete, got, rc = 0;
	FILE *f;

	if (!(f = fopen(log->path, "r")))
		return hz_error_set_errno("cannot open '%s'", log->path);
	hz_buf_init(&line, LINE_MAX_BYTES);
	while ((got = read_line(f, &line, &complete)) == 1) {
		const char *text = hz_buf_cstr(&line);
		json_error_t jerr;
		json_t *rec;

		lineno++;
		snprintf(src, sizeof(src), "%s:%zu", log->path, lineno);
		if (line.len == 0 || strspn(text, " \t\r") == line.len)
			continue;
		rec = json_loadb(text, line.len, 0, &jerr);
		if (!json_is_object(rec)) {
			json_decref(rec);
			if (!complete) {
				/* A writer killed mid-line: the run is simply not recorded. */
				log->partial = 1;
				st->res->partial_lines++;
				rc = mg_note(st, "%s: partial last line (%zu bytes) skipped", src, line.len);
				goto done;
			}
			rc = hz_error_set(HZ_EINVALID, "%s: not a JSON object: %s", src, rec ? "other JSON" : jerr.text);
			goto done;
		}
		log->records++;
		st->res->records++;
		rc = add_record(st, logi, rec, text, src);
		json_decref(rec);
		if (rc)
			goto done;
	}
	if (got < 0)
		rc = hz_error_set(got, "%s:%zu: record longer than %zu bytes", log->path, lineno + 1, LINE_MAX_BYTES);
	else if (ferror(f))
		rc = hz_error_set_errno("cannot read '%s'", log->path);
done:
	hz_buf_release(&line);
	fclose(f);
	return rc;
}

static int conflicts_error(mg_state *st)
{
	hz_buf b = HZ_BUF_INIT;
	size_t i;
	json_t *c;
	int rc;

	hz_buf_printf(&b, "%zu run%s with conflicting verdicts", st->res->conflicts, st->res->conflicts == 1 ? "" : "s");
	json_array_foreach(st->conflicts, i, c) {
		json_t *v = json_object_get(c, "verdicts");
		if (i == MAX_CONFLICTS_SHOWN) {
			hz_buf_printf(&b, "; ...");
			break;
		}
		hz_buf_printf(&b, "%s run_id '%s' (%s, %s): %s in %s but %s in %s", i ? ";" : ":",
			      json_string_value(json_object_get(c, "run_id")),
			      json_string_value(json_object_get(c, "alias")) ? json_string_value(json_object_get(c, "alias")) : "?",
			      json_string_value(json_object_get(c, "task_id")) ? json_string_value(json_object_get(c, "task_id")) : "?",
			      json_string_value(json_object_get(json_array_get(v, 0), "status")),
			      json_string_value(json_object_get(json_array_get(v, 0), "source")),
			      json_string_value(json_object_get(json_array_get(v, 1), "status")),
			      json_string_value(json_object_get(json_array_get(v, 1), "source")));
	}
	hz_buf_printf(&b, " (nothing written; --keep-first keeps the first verdict of each)");
	rc = hz_error_set(HZ_ECONFLICT, "%s", hz_buf_cstr(&b));
	hz_buf_release(&b);
	return rc;
}

/* OUT/runs.jsonl may be replaced only when horizon merge wrote it. */
static int check_out(mg_state *st)
{
	char *log = hz_path_join(st->opts->out_dir, "runs.jsonl");
	int rc = 0;

	if (!log)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if (hz_fs_is_file(log) && !mg_is_merge_output(st->opts->out_dir))
		rc = hz_error_set(HZ_EEXISTS, "'%s' exists and was not written by horizon merge: "
				  "choose another output directory", log);
	free(log);
	return rc;
}

static int write_out(mg_state *st)
{
	hz_buf b = HZ_BUF_INIT;
	char *path = NULL, *sweep_text = NULL;
	int rc;

	for (size_t i = 0; i < st->nentries; i++) {
		mg_entry *e = &st->entries[i];
		size_t k;
		json_t *pair;
		if (e->verdict) {
			if ((rc = hz_buf_printf(&b, "%s\n", e->verdict_line)) != 0)
				goto done;
			st->res->written++;
			continue;
		}
		json_array_foreach(e->errors, k, pair) {
			if ((rc = hz_buf_printf(&b, "%s\n", json_string_value(json_array_get(pair, 1)))) != 0)
				goto done;
			st->res->written++;
		}
	}
	if ((rc = mg_sweep_json(st, &sweep_text)) != 0 || st->opts->dry_run)
		goto done;
	if ((rc = hz_fs_mkdir_p(st->opts->out_dir, 0755)) != 0)
		goto done;
	if (!(path = hz_path_join(st->opts->out_dir, "runs.jsonl"))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = hz_fs_write_atomic(path, b.ptr ? b.ptr : "", b.len)) != 0)
		goto done;
	free(path);
	if (!(path = hz_path_join(st->opts->out_dir, "sweep.json"))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	rc = hz_fs_write_atomic(path, sweep_text, strlen(sweep_text));
done:
	free(path);
	free(sweep_text);
	hz_buf_release(&b);
	return rc;
}

int hz_merge_run(const hz_merge_opts *opts, hz_merge_result *out)
{
	mg_state st;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	memset(&st, 0, sizeof(st));
	st.opts = opts;
	st.res = out;
	if (!opts->out_dir || !opts->ninputs)
		return hz_error_set(HZ_EUSAGE, "merge needs an output directory and at least one input");
	st.index = json_object();
	st.versions = json_object();
	st.conflicts = json_array();
	st.shards = json_array();
	if (!st.index || !st.versions || !st.conflicts || !st.shards) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = check_out(&st)) != 0)
		goto done;
	for (size_t i = 0; i < opts->ninputs && !rc; i++)
		rc = mg_add_input(&st, opts->inputs[i]);
	if (rc || (rc = mg_plan_check(&st)) != 0)
		goto done;
	out->nlogs = st.nlogs;
	for (size_t i = 0; i < st.nlogs && !rc; i++)
		rc = read_log(&st, i);
	if (rc)
		goto done;
	if (out->conflicts && !opts->keep_first) {
		rc = conflicts_error(&st);
		goto done;
	}
	out->runs = st.nentries;
	for (size_t i = 0; i < st.nentries; i++) {
		const char *s = st.entries[i].verdict ? mg_record_status(st.entries[i].verdict) : "error";
		if (!strcmp(s, "success"))
			out->success++;
		else if (!strcmp(s, "failure"))
			out->failure++;
		else
			out->error++;
	}
	if ((rc = mg_plan_missing(&st)) != 0)
		goto done;
	rc = write_out(&st);
done:
	for (size_t i = 0; i < st.nlogs; i++) {
		free(st.logs[i].path);
		json_decref(st.logs[i].sweep);
	}
	free(st.logs);
	for (size_t i = 0; i < st.nentries; i++) {
		free(st.entries[i].run_id);
		json_decref(st.entries[i].verdict);
		free(st.entries[i].verdict_line);
		free(st.entries[i].verdict_src);
		json_decref(st.entries[i].errors);
	}
	free(st.entries);
	json_decref(st.index);
	json_decref(st.versions);
	json_decref(st.conflicts);
	json_decref(st.shards);
	json_decref(st.missing);
	json_decref(st.plan);
	return rc;
}

void hz_merge_result_release(hz_merge_result *res)
{
	for (size_t i = 0; i < res->nnotes; i++)
		free(res->notes[i]);
	free(res->notes);
	memset(res, 0, sizeof(*res));
}
