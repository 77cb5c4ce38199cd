/*
 * The viewer's model: each sweep directory read once into memory, the record
 * that counts for each run (the last one, unless an error record follows a
 * verdict: then the verdict stays, as the fit counts it), sweep.json, the
 * catalogue's tags when the sweep's tasks_root still exists, and an
 * in-process fit serialised as fit.json.
 */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fsutil.h"
#include "horizon/catalog.h"
#include "horizon/error.h"
#include "horizon/fit.h"
#include "horizon/task.h"
#include "view_internal.h"

int view_note(hz_view *v, const char *fmt, ...)
{
	hz_buf b = HZ_BUF_INIT;
	va_list ap;
	char **p;
	int rc;

	va_start(ap, fmt);
	rc = hz_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (rc || !(p = realloc(v->notes, (v->nnotes + 1) * sizeof(*p)))) {
		hz_buf_release(&b);
		return rc ? rc : hz_error_set(HZ_ENOMEM, "out of memory");
	}
	v->notes = p;
	v->notes[v->nnotes++] = hz_buf_detach(&b);
	return 0;
}

int view_id_ok(const char *id)
{
	size_t n = 0;

	if (!id || !*id || *id == '.')
		return 0;
	for (const char *p = id; *p; p++, n++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_' ||
		      *p == '-' || *p == '.'))
			return 0;
	}
	return n <= 64;
}

static const char *status_of(const json_t *rec)
{
	const char *s = json_string_value(json_object_get(rec, "status"));

	return s ? s : "";
}

/* One line of runs.jsonl into the sweep. */
static int add_record(view_sweep *s, const char *line, size_t len)
{
	json_error_t jerr;
	json_t *rec = json_loadb(line, len, 0, &jerr), *at, *list = NULL;
	const char *id, *task;
	int rc = 0;

	if (!rec || !json_is_object(rec) || !view_id_ok(id = json_string_value(json_object_get(rec, "run_id")))) {
		s->skipped++;
		json_decref(rec);
		return 0;
	}
	at = json_object_get(s->byid, id);
	if (at) {
		size_t i = (size_t)json_integer_value(at);
		json_t *n = json_array_get(s->attempts, i);
		json_array_set_new(s->attempts, i, json_integer(json_integer_value(n) + 1));
		if (strcmp(status_of(rec), "error") == 0 && strcmp(status_of(json_array_get(s->records, i)), "error") != 0)
			json_decref(rec);
		else
			json_array_set_new(s->records, i, rec);
		return 0;
	}
	task = json_string_value(json_object_get(rec, "task_id"));
	if (task && !(list = json_object_get(s->bytask, task))) {
		if (json_object_set_new(s->bytask, task, json_array()))
			return hz_error_set(HZ_ENOMEM, "out of memory");
		list = json_object_get(s->bytask, task);
	}
	if ((list && json_array_append_new(list, json_integer((json_int_t)json_array_size(s->records)))) ||
	    json_object_set_new(s->byid, id, json_integer((json_int_t)json_array_size(s->records))) ||
	    json_array_append_new(s->records, rec) || json_array_append_new(s->attempts, json_integer(1)))
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
	return rc;
}

static int load_runs(view_sweep *s)
{
	char *path = hz_path_join(s->dir, "runs.jsonl"), *text = NULL;
	size_t len = 0;
	int rc;

	if (!path)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if ((rc = hz_fs_read(path, VIEW_RUNS_MAX, &text, &len)) != 0) {
		if (rc == HZ_ENOTFOUND)
			hz_error_set(HZ_ENOTFOUND, "'%s' is not a sweep directory: it has no runs.jsonl", s->dir);
		goto done;
	}
	for (size_t at = 0; at < len && !rc;) {
		char *nl = memchr(text + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - text) : len;
		if (end > at)
			rc = add_record(s, text + at, end - at);
		at = end + 1;
	}
done:
	free(text);
	free(path);
	return rc;
}

/* Tags of the tasks in the sweep, from the catalogue named by sweep.json (if it is still there). */
static void load_tags(view_sweep *s)
{
	const char *root = json_string_value(json_object_get(s->sweep, "tasks_root"));
	hz_catalog *cat = NULL;

	if (!root || !hz_fs_is_dir(root) || hz_catalog_load(&cat, root) != 0) {
		hz_error_clear();
		return;
	}
	s->tags = json_object();
	for (size_t i = 0; s->tags && i < hz_catalog_count(cat); i++) {
		hz_task *t = hz_catalog_get(cat, i);
		json_t *a = json_array();
		for (size_t k = 0; a && k < hz_task_tags_count(t); k++)
			json_array_append_new(a, json_string(hz_task_tag(t, k)));
		json_object_set_new(s->tags, hz_task_id(t), a ? a : json_array());
	}
	hz_catalog_free(cat);
}

static void load_fit(hz_view *v, view_sweep *s, const hz_view_opts *o)
{
	hz_fit_opts fo = HZ_FIT_OPTS_INIT;
	const char *in[1] = { s->dir };
	hz_fit *fit = NULL;
	char *text = NULL;
	int rc;

	fo.bootstrap = o->bootstrap;
	fo.seed = o->seed;
	fo.jobs = o->jobs;
	fo.release_dates = o->release_dates;
	rc = hz_fit_runs(&fit, in, 1, &fo);
	if (rc) { /* most often: agents without release dates; the horizons still fit */
		fo.trend = 0;
		rc = hz_fit_runs(&fit, in, 1, &fo);
	}
	if (!rc && (rc = hz_fit_to_json(fit, &text)) == 0) { /* compact: the page downloads it */
		json_error_t jerr;
		json_t *doc = json_loads(text, 0, &jerr);
		s->fit_json = doc ? json_dumps(doc, JSON_COMPACT | JSON_REAL_PRECISION(12)) : NULL;
		json_decref(doc);
		if (!s->fit_json)
			rc = hz_error_set(HZ_ENOMEM, "out of memory");
	}
	free(text);
	if (rc) {
		s->fit_error = strdup(hz_error_message());
		view_note(v, "%s: no fit: %s", s->dir, hz_error_message());
		hz_error_clear();
	}
	hz_fit_free(fit);
}

static int load_sweep(hz_view *v, view_sweep *s, const char *dir, const hz_view_opts *o)
{
	char *sj = NULL, *text = NULL;
	const char *base;
	size_t end = strlen(dir);
	int rc = 0;

	while (end > 1 && dir[end - 1] == '/')
		end--;
	s->dir = strndup(dir, end);
	base = s->dir ? strrchr(s->dir, '/') : NULL;
	s->name = s->dir ? strdup(base && base[1] ? base + 1 : s->dir) : NULL;
	s->records = json_array();
	s->attempts = json_array();
	s->byid = json_object();
	s->bytask = json_object();
	if (!s->dir || !s->name || !s->records || !s->attempts || !s->byid || !s->bytask)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if ((rc = load_runs(s)) != 0)
		return rc;
	if (s->skipped)
		view_note(v, "%s/runs.jsonl: %zu line%s that are not run records skipped", s->dir, s->skipped,
			  s->skipped == 1 ? "" : "s");
	if (!(sj = hz_path_join(s->dir, "sweep.json")))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if (hz_fs_read(sj, (size_t)64 << 20, &text, NULL) == 0) {
		json_error_t jerr;
		if (!(s->sweep = json_loads(text, 0, &jerr)) || !json_is_object(s->sweep)) {
			view_note(v, "%s:%d: sweep.json ignored: %s", sj, jerr.line, jerr.text);
			json_decref(s->sweep);
			s->sweep = NULL;
		}
	}
	hz_error_clear();
	free(text);
	free(sj);
	load_tags(s);
	load_fit(v, s, o);
	return 0;
}

int hz_view_open(hz_view **out, const char *const *dirs, size_t ndirs, const hz_view_opts *opts)
{
	hz_view_opts defaults = HZ_VIEW_OPTS_INIT;
	hz_view *v;
	int rc = 0;

	*out = NULL;
	if (!ndirs)
		return hz_error_set(HZ_EUSAGE, "no sweep directory given");
	if (!opts)
		opts = &defaults;
	if (!(v = calloc(1, sizeof(*v))) || !(v->sweeps = calloc(ndirs, sizeof(*v->sweeps)))) {
		free(v);
		return hz_error_set(HZ_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < ndirs && !rc; i++) {
		v->nsweeps = i + 1;
		if (!hz_fs_is_dir(dirs[i]))
			rc = hz_error_set(HZ_ENOTFOUND, "'%s' is not a directory", dirs[i]);
		else
			rc = load_sweep(v, &v->sweeps[i], dirs[i], opts);
	}
	if (rc) {
		hz_view_free(v);
		return rc;
	}
	*out = v;
	return 0;
}

void hz_view_free(hz_view *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->nsweeps; i++) {
		view_sweep *s = &v->sweeps[i];
		free(s->dir);
		free(s->name);
		json_decref(s->records);
		json_decref(s->attempts);
		json_decref(s->byid);
		json_decref(s->bytask);
		free(s->runs_json);
		json_decref(s->sweep);
		json_decref(s->tags);
		free(s->fit_json);
		free(s->fit_error);
	}
	for (size_t i = 0; i < v->nnotes; i++)
		free(v->notes[i]);
	free(v->notes);
	free(v->sweeps_json);
	free(v->sweeps);
	free(v);
}

size_t hz_view_nsweeps(const hz_view *v)
{
	return v->nsweeps;
}

size_t hz_view_nruns(const hz_view *v, size_t sweep)
{
	return sweep < v->nsweeps ? json_array_size(v->sweeps[sweep].records) : 0;
}

size_t hz_view_nnotes(const hz_view *v)
{
	return v->nnotes;
}

const char *hz_view_note(const hz_view *v, size_t i)
{
	return i < v->nnotes ? v->notes[i] : NULL;
}

const view_asset *view_asset_find(const char *name)
{
	for (size_t i = 0; i < view_nassets; i++)
		if (!strcmp(view_assets[i].name, name))
			return &view_assets[i];
	return NULL;
}
