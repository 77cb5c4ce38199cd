/*
 * horizon merge, the records half: find the inputs' logs, read every record,
 * collapse duplicates, let verdicts replace errors, detect conflicting
 * verdicts and task-version mismatches, write OUT/runs.jsonl.  The plan half
 * (sweep.json, missing runs) is merge_plan.c.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "merge_internal.h"

#define LINE_MAX_BYTES ((size_t)4 << 20)
#define SWEEP_MAX_BYTES ((size_t)64 << 20)
#define MAX_CONFLICTS_SHOWN 5

int mg_note(mg_state *st, const char *fmt, ...)
{
	hz_buf b = HZ_BUF_INIT;
	char **notes;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = hz_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (rc)
		goto done;
	notes = realloc(st->res->notes, (st->res->nnotes + 1) * sizeof(*notes));
	if (!notes) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	st->res->notes = notes;
	notes[st->res->nnotes++] = hz_buf_detach(&b);
done:
	hz_buf_release(&b);
	return rc;
}

const char *mg_record_status(json_t *rec)
{
	const char *s = json_string_value(json_object_get(rec, "status"));
	json_t *score;

	if (s) {
		if (!strcmp(s, "success"))
			return "success";
		if (!strcmp(s, "failure"))
			return "failure";
		if (!strcmp(s, "error"))
			return "error";
		return NULL;
	}
	/* METR's records have no status: the binarized score decides. */
	score = json_object_get(rec, "score_binarized");
	if (json_is_number(score))
		return json_number_value(score) > 0 ? "success" : "failure";
	return "error";
}

/* Add one log file; a sweep.json beside it is read too. */
static int add_log(mg_state *st, const char *path)
{
	char *dir = NULL, *sweep_path = NULL, *text = NULL, *slash;
	json_error_t jerr;
	mg_log *log;
	int rc = 0;

	for (size_t i = 0; i < st->nlogs; i++)
		if (!strcmp(st->logs[i].path, path))
			return 0; /* named twice */
	if (st->nlogs == st->logs_cap) {
		size_t cap = st->logs_cap ? st->logs_cap * 2 : 8;
		mg_log *p = realloc(st->logs, cap * sizeof(*p));
		if (!p)
			return hz_error_set(HZ_ENOMEM, "out of memory");
		st->logs = p;
		st->logs_cap = cap;
	}
	log = &st->logs[st->nlogs];
	memset(log, 0, sizeof(*log));
	if (!(log->path = strdup(path)) || !(dir = strdup(path))) {
		free(log->path);
		return hz_error_set(HZ_ENOMEM, "out of memory");
	}
	st->nlogs++;
	slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	if (!(sweep_path = hz_path_join(slash ? dir : ".", "sweep.json"))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	if (!hz_fs_is_file(sweep_path))
		goto done;
	if ((rc = hz_fs_read(sweep_path, SWEEP_MAX_BYTES, &text, NULL)) != 0)
		goto done;
	log->sweep = json_loads(text, 0, &jerr);
	if (!json_is_object(log->sweep))
		rc = hz_error_set(HZ_EINVALID, "%s:%d: not a JSON object: %s", sweep_path, jerr.line,
				  log->sweep ? "not an object" : jerr.text);
done:
	free(dir);
	free(sweep_path);
	free(text);
	return rc;
}

/* Did horizon merge write DIR (its sweep.json says "merged": true)? */
static int is_merge_output(const char *dir)
{
	char *sweep = hz_path_join(dir, "sweep.json"), *text = NULL;
	json_t *j = NULL;
	int yes;

	if (sweep && hz_fs_is_file(sweep) && hz_fs_read(sweep, SWEEP_MAX_BYTES, &text, NULL) == 0)
		j = json_loads(text, 0, NULL);
	yes = json_is_true(json_object_get(j, "merged"));
	json_decref(j);
	free(text);
	free(sweep);
	return yes;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A directory: its runs.jsonl, or else those of its subdirectories (sorted). */
static int add_dir(mg_state *st, const char *dir)
{
	char *log = hz_path_join(dir, "runs.jsonl"), **subs = NULL;
	size_t nsubs = 0, cap = 0, before = st->nlogs;
	DIR *d = NULL;
	struct dirent *de;
	int rc = 0;

	if (!log)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if (hz_fs_is_file(log)) {
		rc = add_log(st, log);
		goto done;
	}
	if (!(d = opendir(dir))) {
		rc = hz_error_set_errno("cannot open '%s'", dir);
		goto done;
	}
	while ((de = readdir(d))) {
		char *sub, *sublog;
		if (de->d_name[0] == '.')
			continue;
		if (!(sub = hz_path_join(dir, de->d_name)) || !(sublog = hz_path_join(sub, "runs.jsonl"))) {
			free(sub);
			rc = hz_error_set(HZ_ENOMEM, "out of memory");
			goto done;
		}
		/* OUT/merged beside OUT/shard-K is an earlier merge, not a shard. */
		if (!hz_fs_is_file(sublog) || is_merge_output(sub)) {
			free(sub);
			free(sublog);
			continue;
		}
		free(sub);
		if (nsubs == cap) {
			char **p = realloc(subs, (cap = cap ? cap * 2 : 16) * sizeof(*p));
			if (!p) {
				free(sublog);
				rc = hz_error_set(HZ_ENOMEM, "out of memory");
				goto done;
			}
			subs = p;
		}
		subs[nsubs++] = sublog;
	}
	qsort(subs, nsubs, sizeof(*subs), cmp_str);
	for (size_t i = 0; i < nsubs && !rc; i++)
		rc = add_log(st, subs[i]);
	if (!rc && st->nlogs == before)
		rc = hz_error_set(HZ_ENOTFOUND, "'%s' holds no runs.jsonl, nor do its subdirectories", dir);
done:
	if (d)
		closedir(d);
	for (size_t i = 0; i < nsubs; i++)
		free(subs[i]);
	free(subs);
	free(log);
	return rc;
}

static mg_entry *entry_for(mg_state *st, const char *run_id)
{
	json_t *ix = json_object_get(st->index, run_id);
	mg_entry *e;

	if (ix)
		return &st->entries[json_integer_value(ix)];
	if (st->nentries == st->entries_cap) {
		size_t cap = st->entries_cap ? st->entries_cap * 2 : 256;
		mg_entry *p = realloc(st->entries, cap * sizeof(*p));
		if (!p)
			return NULL;
		st->entries = p;
		st->entries_cap = cap;
	}
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
	const char *status = mg_record_status(rec);
	mg_entry *e;
	int rc;

	if (!run_id || !*run_id)
		return hz_error_set(HZ_EINVALID, "%s: 'run_id' must be a non-empty string", src);
	if (!status)
		return hz_error_set(HZ_EINVALID, "%s: 'status' must be \"success\", \"failure\" or \"error\"", src);
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

/* Read one log: complete lines are records; a partial last line is skipped. */
static int read_log(mg_state *st, size_t logi)
{
	mg_log *log = &st->logs[logi];
	char *line = NULL, src[4096 + 32];
	size_t cap = 0, lineno = 0;
	ssize_t n;
	FILE *f;
	int rc = 0;

	if (!(f = fopen(log->path, "r")))
		return hz_error_set_errno("cannot open '%s'", log->path);
	while ((n = getline(&line, &cap, f)) > 0) {
		int complete = line[n - 1] == '\n';
		json_error_t jerr;
		json_t *rec;

		lineno++;
		snprintf(src, sizeof(src), "%s:%zu", log->path, lineno);
		if ((size_t)n > LINE_MAX_BYTES) {
			rc = hz_error_set(HZ_ELIMIT, "%s: record longer than %zu bytes", src, LINE_MAX_BYTES);
			goto done;
		}
		if (complete)
			line[--n] = '\0';
		if (n == 0 || strspn(line, " \t\r") == (size_t)n)
			continue;
		rec = json_loadb(line, (size_t)n, 0, &jerr);
		if (!json_is_object(rec)) {
			json_decref(rec);
			if (!complete) {
				/* A writer killed mid-line: the run is simply not recorded. */
				log->partial = 1;
				st->res->partial_lines++;
				rc = mg_note(st, "%s: partial last line (%zd bytes) skipped", src, n);
				goto done;
			}
			rc = hz_error_set(HZ_EINVALID, "%s: not a JSON object: %s", src, rec ? "other JSON" : jerr.text);
			goto done;
		}
		log->records++;
		st->res->records++;
		rc = add_record(st, logi, rec, line, src);
		json_decref(rec);
		if (rc)
			goto done;
	}
	if (ferror(f))
		rc = hz_error_set_errno("cannot read '%s'", log->path);
done:
	free(line);
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
	if (hz_fs_is_file(log) && !is_merge_output(st->opts->out_dir))
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
	for (size_t i = 0; i < opts->ninputs && !rc; i++) {
		const char *in = opts->inputs[i];
		if (hz_fs_is_dir(in))
			rc = add_dir(&st, in);
		else if (hz_fs_is_file(in))
			rc = add_log(&st, in);
		else
			rc = hz_error_set(HZ_ENOTFOUND, "'%s' does not exist", in);
	}
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
