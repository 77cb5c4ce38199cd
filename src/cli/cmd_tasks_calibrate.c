/*
 * horizon tasks calibrate: task lengths from timed human baselines.  Per
 * task, the successful baselines (alias `human`, from `horizon baseline`)
 * give the geometric mean of their working times (METR's rule); --write puts
 * it into task.json as human_minutes with human_source "baseline" and the
 * provenance in human_notes, changing nothing else in the file.
 */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "cli.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "horizon/task.h"
#include "strutil.h"
#include "tasks_cli.h"

#define CMD "tasks"
#define MAX_TASKS 100000

typedef struct cal_task {
	char *id;
	double *minutes;
	size_t n, cap;
	size_t failed;      /* unsuccessful baselines (not used for the length) */
	size_t other_version;
} cal_task;

typedef struct cal_set {
	cal_task *t;
	size_t n, cap;
} cal_set;

static cal_task *find_or_add(cal_set *s, const char *id)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->t[i].id, id))
			return &s->t[i];
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		cal_task *nt = cap > MAX_TASKS ? NULL : realloc(s->t, cap * sizeof(*nt));
		if (!nt)
			return NULL;
		s->t = nt;
		s->cap = cap;
	}
	memset(&s->t[s->n], 0, sizeof(s->t[0]));
	if (!(s->t[s->n].id = strdup(id)))
		return NULL;
	return &s->t[s->n++];
}

static int add_minutes(cal_task *t, double m)
{
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 8;
		double *nm = realloc(t->minutes, cap * sizeof(*nm));
		if (!nm)
			return -1;
		t->minutes = nm;
		t->cap = cap;
	}
	t->minutes[t->n++] = m;
	return 0;
}

/* Read the human records of one log into s. */
static int read_log(const char *path, const hz_catalog *cat, cal_set *s)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long lineno = 0;
	int rc = HZ_EXIT_OK;

	if (!f)
		return hz_cli_error(CMD, "cannot read '%s'", path);
	while ((n = getline(&line, &cap, f)) > 0) {
		json_error_t je;
		json_t *r;
		const char *alias, *id, *status, *version;
		hz_task *task;
		cal_task *t;
		double working;
		lineno++;
		if (line[n - 1] != '\n')
			break; /* a last line cut short by a crash: not a record yet */
		if (!(r = json_loadb(line, (size_t)n, 0, &je)) || !json_is_object(r)) {
			json_decref(r);
			rc = hz_cli_error(CMD, "%s:%ld: not a JSON record: %s", path, lineno, je.text);
			break;
		}
		alias = json_string_value(json_object_get(r, "alias"));
		id = json_string_value(json_object_get(r, "task_id"));
		status = json_string_value(json_object_get(r, "status"));
		version = json_string_value(json_object_get(r, "task_version"));
		working = json_number_value(json_object_get(r, "working_s"));
		if (!alias || strcmp(alias, "human") || !id || !status || !strcmp(status, "error")) {
			json_decref(r);
			continue;
		}
		if (!(t = find_or_add(s, id))) {
			json_decref(r);
			rc = hz_cli_error(CMD, "out of memory");
			break;
		}
		task = hz_catalog_find(cat, id);
		if (task && version && strcmp(version, hz_task_version(task)))
			t->other_version++;
		else if (strcmp(status, "success"))
			t->failed++;
		else if (!(working > 0) || !isfinite(working)) {
			json_decref(r);
			rc = hz_cli_error(CMD, "%s:%ld: 'working_s' must be a positive number of seconds", path, lineno);
			break;
		} else if (add_minutes(t, working / 60) != 0) {
			json_decref(r);
			rc = hz_cli_error(CMD, "out of memory");
			break;
		}
		json_decref(r);
	}
	free(line);
	fclose(f);
	return rc;
}

/* A runs.jsonl file, or a directory holding one. */
static int read_input(const char *arg, const hz_catalog *cat, cal_set *s)
{
	char *p;
	int rc;

	if (!hz_fs_is_dir(arg))
		return read_log(arg, cat, s);
	if (!(p = hz_path_join(arg, "runs.jsonl")))
		return hz_cli_error(CMD, "out of memory");
	rc = hz_fs_is_file(p) ? read_log(p, cat, s) : hz_cli_error(CMD, "'%s' holds no runs.jsonl", arg);
	free(p);
	return rc;
}

/* Replace the value of a top-level one-line member "key": ... in text; 0, or -1 when it is not there. */
static int replace_member(hz_buf *text, const char *key, const char *value_json)
{
	char pat[64];
	const char *p, *v, *end;
	hz_buf out = HZ_BUF_INIT;

	snprintf(pat, sizeof(pat), "\n  \"%s\": ", key);
	if (!(p = strstr(hz_buf_cstr(text), pat)))
		return -1;
	v = p + strlen(pat);
	end = strchr(v, '\n');
	if (!end)
		return -1;
	if (end > v && end[-1] == ',')
		end--;
	hz_buf_put(&out, text->ptr, (size_t)(v - text->ptr));
	hz_buf_puts(&out, value_json);
	hz_buf_puts(&out, end);
	hz_buf_release(text);
	*text = out;
	return 0;
}

static char *json_text(json_t *v)
{
	char *s = json_dumps(v, JSON_ENCODE_ANY | JSON_REAL_PRECISION(6));
	json_decref(v);
	return s;
}

/* Write the calibrated length into task.json, changing only the three fields. */
static int write_task(const hz_task *task, double minutes, size_t n, double lo, double hi)
{
	char *path = hz_path_join(hz_task_dir(task), "task.json"), *data = NULL, *vals[3] = { NULL, NULL, NULL };
	static const char *const keys[] = { "human_minutes", "human_source", "human_notes" };
	char date[16], notes[512];
	hz_buf text = HZ_BUF_INIT;
	json_t *check = NULL;
	time_t now = time(NULL);
	struct tm tm;
	size_t len;
	int rc = HZ_EXIT_OK;

	gmtime_r(&now, &tm);
	strftime(date, sizeof(date), "%Y-%m-%d", &tm);
	snprintf(notes, sizeof(notes),
		 "geometric mean of %zu successful timed baseline%s (%.3g-%.3g min), horizon tasks calibrate, %s; "
		 "before: %.4g min (%s)",
		 n, n == 1 ? "" : "s", lo, hi, date, hz_task_human_minutes(task), hz_task_human_source(task));
	vals[0] = json_text(json_real(round(minutes * 100) / 100));
	vals[1] = json_text(json_string("baseline"));
	vals[2] = json_text(json_string(notes));
	if (!path || !vals[0] || !vals[1] || !vals[2]) {
		rc = hz_cli_error(CMD, "out of memory");
		goto done;
	}
	if (hz_fs_read(path, (size_t)1 << 20, &data, &len) != 0) {
		rc = hz_cli_lib_error(CMD);
		goto done;
	}
	hz_buf_put(&text, data, len);
	for (int i = 0; i < 3; i++)
		if (replace_member(&text, keys[i], vals[i]) != 0) {
			rc = hz_cli_error(CMD, "%s: no one-line top-level '%s' member to update (edit it by hand)", path,
					  keys[i]);
			goto done;
		}
	if (!(check = json_loadb(text.ptr, text.len, 0, NULL))) {
		rc = hz_cli_error(CMD, "%s: the updated file would not be JSON; left unchanged", path);
		goto done;
	}
	if (hz_fs_write_atomic(path, text.ptr, text.len) != 0)
		rc = hz_cli_lib_error(CMD);
done:
	json_decref(check);
	for (int i = 0; i < 3; i++)
		free(vals[i]);
	hz_buf_release(&text);
	free(data);
	free(path);
	return rc;
}

static int cmp_id(const void *a, const void *b)
{
	return strcmp(((const cal_task *)a)->id, ((const cal_task *)b)->id);
}

int tasks_calibrate(tasks_opts *o)
{
	hz_catalog *cat = NULL;
	cal_set s = { 0 };
	json_t *rows = json_array();
	size_t written = 0, kept = 0;
	int rc = HZ_EXIT_OK;

	if (hz_catalog_load(&cat, o->catalog) != 0) {
		rc = hz_cli_lib_error(CMD);
		goto done;
	}
	for (size_t i = 0; i < o->nargs && rc == HZ_EXIT_OK; i++)
		rc = read_input(o->args[i], cat, &s);
	if (rc != HZ_EXIT_OK)
		goto done;
	qsort(s.t, s.n, sizeof(*s.t), cmp_id);
	if (!o->json)
		printf("%-34s %5s %10s %17s %10s %7s  %s\n", "TASK", "N", "BASELINE", "RANGE (min)", "ESTIMATE", "RATIO",
		       o->write ? "ACTION" : "");
	for (size_t i = 0; i < s.n; i++) {
		cal_task *t = &s.t[i];
		hz_task *task = hz_catalog_find(cat, t->id);
		double sum = 0, ss = 0, lo = INFINITY, hi = 0, gm, gsd, est;
		const char *action;
		json_t *row;
		for (size_t k = 0; k < t->n; k++) {
			double l = log(t->minutes[k]);
			sum += l;
			lo = fmin(lo, t->minutes[k]);
			hi = fmax(hi, t->minutes[k]);
		}
		gm = t->n ? exp(sum / (double)t->n) : 0;
		for (size_t k = 0; k < t->n; k++)
			ss += pow(log(t->minutes[k]) - sum / (double)t->n, 2);
		gsd = t->n > 1 ? exp(sqrt(ss / (double)(t->n - 1))) : 1;
		est = task ? hz_task_human_minutes(task) : 0;
		if (!task)
			action = "not in the catalogue";
		else if (t->n < (size_t)o->min_baselines)
			action = "kept: too few successful baselines", kept++;
		else if (!o->write)
			action = "";
		else if ((rc = write_task(task, gm, t->n, lo, hi)) != HZ_EXIT_OK)
			goto done;
		else
			action = "written", written++;
		row = json_pack("{s:s, s:I, s:I, s:I}", "task", t->id, "baselines", (json_int_t)t->n, "failed",
				(json_int_t)t->failed, "other_version", (json_int_t)t->other_version);
		json_object_set_new(row, "geomean_minutes", t->n ? json_real(gm) : json_null());
		json_object_set_new(row, "min_minutes", t->n ? json_real(lo) : json_null());
		json_object_set_new(row, "max_minutes", t->n ? json_real(hi) : json_null());
		json_object_set_new(row, "geometric_sd", t->n ? json_real(gsd) : json_null());
		json_object_set_new(row, "estimate_minutes", task ? json_real(est) : json_null());
		json_object_set_new(row, "estimate_source", task ? json_string(hz_task_human_source(task)) : json_null());
		json_object_set_new(row, "ratio", task && t->n && est > 0 ? json_real(gm / est) : json_null());
		json_object_set_new(row, "action", json_string(*action ? action : "none"));
		json_array_append_new(rows, row);
		if (!o->json) {
			char range[32] = "-", base[16] = "-", ratio[16] = "-";
			if (t->n) {
				snprintf(base, sizeof(base), "%.4g", gm);
				snprintf(range, sizeof(range), "%.3g-%.3g", lo, hi);
				if (est > 0)
					snprintf(ratio, sizeof(ratio), "%.2fx", gm / est);
			}
			printf("%-34s %5zu %10s %17s %10.4g %7s  %s\n", t->id, t->n, base, range, est, ratio, action);
		}
	}
	if (o->json)
		rc = tasks_print_json(json_pack("{s:O, s:I, s:I, s:I}", "tasks", rows, "min_baselines",
						(json_int_t)o->min_baselines, "written", (json_int_t)written, "kept",
						(json_int_t)kept));
	else if (!s.n)
		printf("(no human baselines in the input)\n");
	else if (o->write)
		printf("%zu task%s written, %zu kept their estimate (fewer than %d successful baselines)\n", written,
		       written == 1 ? "" : "s", kept, o->min_baselines);
done:
	for (size_t i = 0; i < s.n; i++) {
		free(s.t[i].id);
		free(s.t[i].minutes);
	}
	free(s.t);
	json_decref(rows);
	hz_catalog_free(cat);
	return rc;
}
