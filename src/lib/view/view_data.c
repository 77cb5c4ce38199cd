/*
 * The data keys of the viewer (docs/view.md), each a JSON document: the
 * sweeps, a sweep's runs as compact rows, its fit, one run with its patch and
 * logs, and a transcript one page at a time (a transcript of thousands of
 * turns is never sent whole).  Text from files is cut at VIEW_TEXT_MAX and
 * cleaned to valid UTF-8; it stays text for the page to show as text.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "strutil.h"
#include "view_internal.h"

#define TR_MAX ((size_t)256 << 20) /* largest transcript read */

static const char *const run_fields[] = {
	"run_id", "task_id", "task_family", "alias", "status", "exit_reason", "verdict", "human_minutes",
	"score_cont", "wall_s", "total_tokens", "dollar_equivalent", "turns", "repeat", "started_at",
};
#define NRUN_FIELDS (sizeof(run_fields) / sizeof(run_fields[0]))

static int oom(void)
{
	return hz_error_set(HZ_ENOMEM, "out of memory");
}

json_t *view_text_file(const char *path, size_t max)
{
	hz_buf clean = HZ_BUF_INIT;
	struct stat st;
	char *raw = NULL;
	size_t got = 0;
	json_t *out = NULL;
	FILE *f;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || !(f = fopen(path, "rb")))
		return json_null();
	if ((raw = malloc(max + 1)))
		got = fread(raw, 1, max, f);
	fclose(f);
	if (raw && hz_buf_put_utf8(&clean, raw, got) == 0)
		out = json_pack("{s:I, s:s%, s:b}", "bytes", (json_int_t)st.st_size, "text", hz_buf_cstr(&clean),
				clean.len, "truncated", (size_t)st.st_size > got);
	free(raw);
	hz_buf_release(&clean);
	return out ? out : json_null();
}

static char *run_path(const view_sweep *s, const char *id, const char *file)
{
	hz_buf b = HZ_BUF_INIT;

	if (hz_buf_printf(&b, "%s/runs/%s/%s", s->dir, id, file)) {
		hz_buf_release(&b);
		return NULL;
	}
	return hz_buf_detach(&b);
}

static int dump(json_t *doc, char **json)
{
	if (!doc)
		return oom();
	*json = json_dumps(doc, JSON_COMPACT | JSON_REAL_PRECISION(12));
	json_decref(doc);
	return *json ? 0 : oom();
}

static json_t *sweep_summary(const view_sweep *s, size_t id)
{
	json_t *agents = json_object(), *tasks = json_object(), *fam = json_object(), *names = json_array();
	size_t n[3] = { 0, 0, 0 };
	json_t *rec, *doc = NULL;
	size_t i;
	const char *k;
	json_t *val;

	if (!agents || !tasks || !fam || !names)
		goto done;
	json_array_foreach(s->records, i, rec) {
		const char *st = json_string_value(json_object_get(rec, "status"));
		const char *a = json_string_value(json_object_get(rec, "alias"));
		const char *t = json_string_value(json_object_get(rec, "task_id"));
		const char *f = json_string_value(json_object_get(rec, "task_family"));
		n[st && !strcmp(st, "success") ? 0 : st && !strcmp(st, "failure") ? 1 : 2]++;
		if (a)
			json_object_set_new(agents, a, json_true());
		if (t)
			json_object_set_new(tasks, t, json_true());
		if (f)
			json_object_set_new(fam, f, json_true());
	}
	json_object_foreach(agents, k, val)
		json_array_append_new(names, json_string(k));
	doc = json_pack("{s:I, s:s, s:s, s:I, s:O, s:I, s:I, s:I, s:I, s:I, s:I, s:O?, s:s?}", "id", (json_int_t)id,
			"name", s->name, "dir", s->dir, "runs", (json_int_t)json_array_size(s->records), "agents", names,
			"tasks", (json_int_t)json_object_size(tasks), "families", (json_int_t)json_object_size(fam),
			"success", (json_int_t)n[0], "failure", (json_int_t)n[1], "error", (json_int_t)n[2], "skipped",
			(json_int_t)s->skipped, "sweep", s->sweep, "fit_error", s->fit_error);
done:
	json_decref(agents);
	json_decref(tasks);
	json_decref(fam);
	json_decref(names);
	return doc;
}

static int data_sweeps(hz_view *v, char **json)
{
	json_t *arr = json_array(), *notes = json_array();

	for (size_t i = 0; arr && i < v->nsweeps; i++)
		json_array_append_new(arr, sweep_summary(&v->sweeps[i], i));
	for (size_t i = 0; notes && i < v->nnotes; i++)
		json_array_append_new(notes, json_string(v->notes[i]));
	return dump(json_pack("{s:o?, s:o?, s:s}", "sweeps", arr, "notes", notes, "version", HZ_VERSION), json);
}

static int data_runs(const view_sweep *s, char **json)
{
	json_t *fields = json_array(), *rows = json_array(), *rec;
	size_t i;

	for (size_t f = 0; fields && f < NRUN_FIELDS; f++)
		json_array_append_new(fields, json_string(run_fields[f]));
	json_array_append_new(fields, json_string("attempts"));
	json_array_append_new(fields, json_string("tags"));
	json_array_foreach(s->records, i, rec) {
		json_t *row = json_array(), *tags;
		for (size_t f = 0; row && f < NRUN_FIELDS; f++) {
			json_t *x = json_object_get(rec, run_fields[f]);
			json_array_append(row, x ? x : json_null());
		}
		json_array_append(row, json_array_get(s->attempts, i));
		tags = s->tags ? json_object_get(s->tags, json_string_value(json_object_get(rec, "task_id"))) : NULL;
		json_array_append_new(row, tags ? json_incref(tags) : json_array());
		json_array_append_new(rows, row);
	}
	return dump(json_pack("{s:o?, s:o?}", "fields", fields, "rows", rows), json);
}

/* The transcript of a run: its lines (pointers into *text), or *n = 0 when there is none. */
static int tr_lines(const view_sweep *s, const char *id, char **text, char ***lines, size_t **lens, size_t *n)
{
	char *path = run_path(s, id, "transcript.jsonl");
	size_t len = 0, cap = 0;
	int rc;

	*text = NULL, *lines = NULL, *lens = NULL, *n = 0;
	if (!path)
		return oom();
	rc = hz_fs_read(path, TR_MAX, text, &len);
	free(path);
	if (rc == HZ_ENOTFOUND) {
		hz_error_clear();
		return 0;
	}
	if (rc)
		return rc;
	for (size_t at = 0; at < len;) {
		char *nl = memchr(*text + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - *text) : len;
		if (end > at) {
			if (*n == cap) {
				size_t nc = cap ? cap * 2 : 256;
				char **l = realloc(*lines, nc * sizeof(*l));
				size_t *z = l ? realloc(*lens, nc * sizeof(*z)) : NULL;
				if (l)
					*lines = l;
				if (!z)
					return oom();
				*lens = z, cap = nc;
			}
			(*lines)[*n] = *text + at;
			(*lens)[(*n)++] = end - at;
		}
		at = end + 1;
	}
	return 0;
}

static int data_transcript(const view_sweep *s, const char *id, long page, char **json)
{
	char *text = NULL, **lines = NULL;
	size_t *lens = NULL, n = 0, pages;
	json_t *events;
	int rc;

	if ((rc = tr_lines(s, id, &text, &lines, &lens, &n)) != 0)
		goto done;
	pages = (n + VIEW_TR_PAGE - 1) / VIEW_TR_PAGE;
	if (page < 0 || (size_t)page >= pages) {
		rc = hz_error_set(HZ_ENOTFOUND, "run %s has no transcript page %ld", id, page);
		goto done;
	}
	events = json_array();
	for (size_t i = (size_t)page * VIEW_TR_PAGE; events && i < n && i < (size_t)(page + 1) * VIEW_TR_PAGE; i++) {
		json_error_t jerr;
		json_t *e = json_loadb(lines[i], lens[i], 0, &jerr);
		if (!e || !json_is_object(e)) {
			hz_buf b = HZ_BUF_INIT;
			json_decref(e);
			hz_buf_put_utf8(&b, lines[i], lens[i]);
			e = json_pack("{s:s, s:s%}", "type", "raw", "text", hz_buf_cstr(&b), b.len);
			hz_buf_release(&b);
		}
		json_object_set_new(e, "n", json_integer((json_int_t)i));
		json_array_append_new(events, e);
	}
	rc = dump(json_pack("{s:s, s:I, s:I, s:I, s:o?}", "run_id", id, "page", (json_int_t)page, "pages",
			    (json_int_t)pages, "count", (json_int_t)n, "events", events),
		  json);
done:
	free(text);
	free(lines);
	free(lens);
	return rc;
}

/* Runs of the same task in every sweep (other agents, other repeats). */
static json_t *same_task(hz_view *v, const char *task, const char *self)
{
	json_t *out = json_array(), *ix;
	size_t i;

	for (size_t k = 0; out && task && k < v->nsweeps; k++) {
		json_array_foreach(json_object_get(v->sweeps[k].bytask, task), i, ix) {
			json_t *rec = json_array_get(v->sweeps[k].records, (size_t)json_integer_value(ix));
			const char *id = json_string_value(json_object_get(rec, "run_id"));
			if (self && !strcmp(id, self))
				continue;
			json_array_append_new(out, json_pack("{s:I, s:s, s:O?, s:O?, s:O?, s:O?}", "sweep", (json_int_t)k,
							     "run_id", id, "alias", json_object_get(rec, "alias"),
							     "status", json_object_get(rec, "status"), "repeat",
							     json_object_get(rec, "repeat"), "exit_reason",
							     json_object_get(rec, "exit_reason")));
		}
	}
	return out;
}

static int data_run(hz_view *v, size_t sk, const char *id, char **json)
{
	view_sweep *s = &v->sweeps[sk];
	json_t *at = json_object_get(s->byid, id), *rec, *doc;
	static const char *const files[][2] = { { "patch", "patch.diff" }, { "scorer_log", "scorer.log" },
						{ "agent_log", "agent.log" } };
	char *text = NULL, **lines = NULL;
	size_t *lens = NULL, n = 0;
	int rc;

	if (!at)
		return hz_error_set(HZ_ENOTFOUND, "no run '%s' in %s", id, s->dir);
	rec = json_array_get(s->records, (size_t)json_integer_value(at));
	if ((rc = tr_lines(s, id, &text, &lines, &lens, &n)) != 0)
		return rc;
	free(text);
	free(lines);
	free(lens);
	doc = json_pack("{s:I, s:O, s:O, s:o?}", "sweep", (json_int_t)sk, "record", rec, "attempts",
			json_array_get(s->attempts, (size_t)json_integer_value(at)), "others",
			same_task(v, json_string_value(json_object_get(rec, "task_id")), id));
	for (size_t i = 0; doc && i < sizeof(files) / sizeof(files[0]); i++) {
		char *p = run_path(s, id, files[i][1]);
		json_object_set_new(doc, files[i][0], p ? view_text_file(p, VIEW_TEXT_MAX) : json_null());
		free(p);
	}
	if (doc)
		json_object_set_new(doc, "transcript",
				    n ? json_pack("{s:I, s:I, s:I}", "count", (json_int_t)n, "pages",
						  (json_int_t)((n + VIEW_TR_PAGE - 1) / VIEW_TR_PAGE), "page_size",
						  (json_int_t)VIEW_TR_PAGE)
				      : json_null());
	return dump(doc, json);
}

/* "s/N/REST": the sweep N (decimal, no sign or leading zero) and REST. */
static int parse_sweep(const hz_view *v, const char *key, size_t *sk, const char **rest)
{
	char *end;
	unsigned long n;

	if (strncmp(key, "s/", 2) || key[2] < '0' || key[2] > '9' || (key[2] == '0' && key[3] != '/'))
		return 0;
	errno = 0;
	n = strtoul(key + 2, &end, 10);
	if (errno || *end != '/' || n >= v->nsweeps)
		return 0;
	*sk = (size_t)n;
	*rest = end + 1;
	return 1;
}

int hz_view_data(hz_view *v, const char *key, char **json)
{
	char id[65];
	const char *rest, *slash;
	size_t sk;
	int rc;

	*json = NULL;
	if (!strcmp(key, "sweeps")) {
		if (!v->sweeps_json && (rc = data_sweeps(v, &v->sweeps_json)) != 0)
			return rc;
		return (*json = strdup(v->sweeps_json)) ? 0 : oom();
	}
	if (!parse_sweep(v, key, &sk, &rest))
		return hz_error_set(HZ_ENOTFOUND, "no data '%s'", key);
	if (!strcmp(rest, "runs")) {
		view_sweep *s = &v->sweeps[sk];
		if (!s->runs_json && (rc = data_runs(s, &s->runs_json)) != 0)
			return rc;
		return (*json = strdup(s->runs_json)) ? 0 : oom();
	}
	if (!strcmp(rest, "fit")) {
		if (v->sweeps[sk].fit_json)
			return (*json = strdup(v->sweeps[sk].fit_json)) ? 0 : oom();
		return dump(json_pack("{s:s}", "error", v->sweeps[sk].fit_error ? v->sweeps[sk].fit_error : "no fit"),
			    json);
	}
	if (!strncmp(rest, "run/", 4) && view_id_ok(rest + 4))
		return data_run(v, sk, rest + 4, json);
	if (!strncmp(rest, "tr/", 3) && (slash = strchr(rest + 3, '/')) && (size_t)(slash - rest - 3) < sizeof(id)) {
		long page;
		memcpy(id, rest + 3, (size_t)(slash - rest - 3));
		id[slash - rest - 3] = '\0';
		if (view_id_ok(id) && json_object_get(v->sweeps[sk].byid, id) && slash[1] >= '0' && slash[1] <= '9' &&
		    !(slash[1] == '0' && slash[2]) && hz_parse_long(slash + 1, &page) == 0)
			return data_transcript(&v->sweeps[sk], id, page, json);
	}
	return hz_error_set(HZ_ENOTFOUND, "no data '%s'", key);
}

int view_keys(hz_view *v, char ***keys, size_t *nkeys)
{
	hz_buf b = HZ_BUF_INIT;
	char **k = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;

#define ADD(...)                                                                                 \
	do {                                                                                     \
		if (n == cap) {                                                                  \
			char **nk = realloc(k, (cap = cap ? cap * 2 : 64) * sizeof(*nk));          \
			if (!nk) {                                                               \
				rc = oom();                                                      \
				goto done;                                                       \
			}                                                                        \
			k = nk;                                                                  \
		}                                                                                \
		hz_buf_clear(&b);                                                                \
		if ((rc = hz_buf_printf(&b, __VA_ARGS__)) != 0)                                 \
			goto done;                                                               \
		if (!(k[n] = strdup(b.ptr))) {                                                   \
			rc = oom();                                                              \
			goto done;                                                               \
		}                                                                                \
		n++;                                                                             \
	} while (0)
	ADD("sweeps");
	for (size_t i = 0; i < v->nsweeps; i++) {
		view_sweep *s = &v->sweeps[i];
		json_t *rec;
		size_t r;
		ADD("s/%zu/runs", i);
		ADD("s/%zu/fit", i);
		json_array_foreach(s->records, r, rec) {
			const char *id = json_string_value(json_object_get(rec, "run_id"));
			char *text = NULL, **lines = NULL;
			size_t *lens = NULL, nl = 0;
			ADD("s/%zu/run/%s", i, id);
			rc = tr_lines(s, id, &text, &lines, &lens, &nl);
			free(text);
			free(lines);
			free(lens);
			if (rc)
				goto done;
			for (size_t p = 0; p * VIEW_TR_PAGE < nl; p++)
				ADD("s/%zu/tr/%s/%zu", i, id, p);
		}
	}
#undef ADD
done:
	hz_buf_release(&b);
	if (rc) {
		for (size_t i = 0; i < n; i++)
			free(k[i]);
		free(k);
		k = NULL, n = 0;
	}
	*keys = k;
	*nkeys = n;
	return rc;
}
