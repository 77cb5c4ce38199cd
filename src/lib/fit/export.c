/*
 * hz_fit_export_metr: runs.jsonl files as METR's pipeline loads them
 * (docs/export.md).  The records are validated, de-duplicated and filtered
 * exactly as `horizon fit` reads them (the run table); the kept records are
 * then read again whole, so every field survives, and written in the table's
 * order with METR's two weight columns computed from the kept runs.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fit_math.h"
#include "fit_release.h"
#include "fit_table.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "strutil.h"

#define EXPORT_MAX_FILE ((size_t)1 << 32)

typedef struct kept {
	json_t *obj;
	size_t pos;   /* position in the input stream of the record that stands */
} kept;

typedef struct reread {
	fit_strtab ids;
	kept *rec;
	size_t n, cap;
	size_t pos;
} reread;

static int cmp_pos(const void *a, const void *b)
{
	const kept *x = a, *y = b;

	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* One record: the last non-error record of a run_id stands, at its own position (as fit_table). */
static int take(reread *rr, json_t *obj)
{
	json_t *id = json_object_get(obj, "run_id"), *st = json_object_get(obj, "status");
	char tmp[32];
	const char *s;
	uint32_t k;
	int added, err;

	if (json_is_integer(id)) {
		snprintf(tmp, sizeof(tmp), "%lld", (long long)json_integer_value(id));
		s = tmp;
	} else {
		s = json_string_value(id); /* the table has checked it is a non-empty string */
	}
	rr->pos++;
	if (json_is_string(st) && !strcmp(json_string_value(st), "error")) {
		json_decref(obj);
		return 0;
	}
	if ((err = fit_strtab_intern(&rr->ids, s, strlen(s), &k, &added)) < 0) {
		json_decref(obj);
		return err;
	}
	if (added) {
		if (rr->n == rr->cap) {
			size_t cap = rr->cap ? rr->cap * 2 : 1024;
			kept *p = realloc(rr->rec, cap * sizeof(*p));
			if (!p) {
				json_decref(obj);
				return hz_error_set(HZ_ENOMEM, "out of memory");
			}
			rr->rec = p;
			rr->cap = cap;
		}
		rr->rec[rr->n].obj = NULL;
		rr->n++;
	}
	json_decref(rr->rec[k].obj);
	rr->rec[k].obj = obj;
	rr->rec[k].pos = rr->pos;
	return 0;
}

static int reread_file(reread *rr, const char *path)
{
	char *text = NULL, *p, *end;
	size_t len;
	int err;

	if ((err = hz_fs_read(path, EXPORT_MAX_FILE, &text, &len)) < 0)
		return err;
	for (p = text; p < text + len && !err; p = end + 1) {
		json_error_t je;
		json_t *obj;
		size_t n;
		end = memchr(p, '\n', (size_t)(text + len - p));
		if (!end)
			end = text + len;
		n = (size_t)(end - p);
		while (n && (p[n - 1] == '\r' || p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (strspn(p, " \t") >= n)
			continue; /* blank line */
		if (!(obj = json_loadb(p, n, 0, &je)) || !json_is_object(obj)) {
			json_decref(obj);
			err = hz_error_set(HZ_EIO, "%s: changed while it was being exported", path);
			break;
		}
		err = take(rr, obj);
	}
	free(text);
	return err;
}

static int yaml_quoted(hz_buf *b, const char *s)
{
	int err = hz_buf_puts(b, "\"");

	for (; *s && !err; s++) {
		if (*s == '"' || *s == '\\')
			err = hz_buf_printf(b, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			err = hz_buf_printf(b, "\\x%02x", (unsigned char)*s);
		else
			err = hz_buf_putc(b, *s);
	}
	return err < 0 ? err : hz_buf_puts(b, "\"");
}

/* METR's release_dates.yaml: a `date:` mapping of alias to YYYY-MM-DD, for agents with a date. */
static int write_dates(const fit_table *t, const fit_release_dates *rd, const char *path, size_t *ndates)
{
	hz_buf b = HZ_BUF_INIT;
	int err;

	*ndates = 0;
	hz_buf_init(&b, (size_t)1 << 24);
	err = hz_buf_puts(&b, "# release dates of the agents in the export (horizon export --format metr)\ndate:\n");
	for (size_t a = 0; a < t->aliases.n && err >= 0; a++) {
		uint32_t id = rd->days ? fit_strtab_find(&rd->names, t->aliases.str[a]) : FIT_NONE;
		char day[11];
		const char *date = t->meta[a].release_date;
		if (id != FIT_NONE) {
			hz_fmt_date(rd->days[id], day);
			date = day;
		}
		if (!date)
			continue;
		if ((err = hz_buf_puts(&b, "  ")) >= 0 && (err = yaml_quoted(&b, t->aliases.str[a])) >= 0)
			err = hz_buf_printf(&b, ": %s\n", date);
		(*ndates)++;
	}
	if (err >= 0)
		err = hz_fs_write_atomic(path, hz_buf_cstr(&b), b.len);
	hz_buf_release(&b);
	return err < 0 ? err : 0;
}

int hz_fit_export_metr(const char *const *inputs, size_t ninputs, const char *out_path, const char *dates_path,
		       const char *release_dates_in, hz_fit_export_stats *st)
{
	fit_release_dates rd = { 0 };
	fit_table t = { 0 };
	reread rr = { 0 };
	double *weq = NULL, *winv = NULL;
	hz_buf b = HZ_BUF_INIT;
	int err = 0;

	memset(st, 0, sizeof(*st));
	for (size_t i = 0; i < ninputs; i++)
		if (!strcmp(inputs[i], "-"))
			return hz_error_set(HZ_EUSAGE, "export reads its inputs twice: give files, not standard input");
	t.score_col = "score_binarized";
	for (size_t i = 0; i < ninputs && !err; i++)
		err = fit_table_load_input(&t, inputs[i]);
	if (err < 0 || (err = fit_table_finish(&t)) < 0)
		goto done;
	if (release_dates_in && (err = fit_release_dates_load(&rd, release_dates_in)) < 0)
		goto done;
	weq = malloc(t.n * sizeof(*weq));
	winv = malloc(t.n * sizeof(*winv));
	if (!weq || !winv) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	if ((err = fit_weights_compute(&t, HZ_FIT_WEIGHT_EQUAL, weq)) < 0 ||
	    (err = fit_weights_compute(&t, HZ_FIT_WEIGHT_INVSQRT, winv)) < 0)
		goto done;
	for (size_t i = 0; i < t.ninputs && !err; i++)
		err = reread_file(&rr, t.inputs[i].path);
	if (err < 0)
		goto done;
	qsort(rr.rec, rr.n, sizeof(*rr.rec), cmp_pos);
	if (rr.n != t.n) {
		err = hz_error_set(HZ_EIO, "the inputs changed while they were being exported (%zu runs, then %zu)", t.n,
				   rr.n);
		goto done;
	}
	hz_buf_init(&b, (size_t)1 << 34);
	for (size_t i = 0; i < rr.n && err >= 0; i++) {
		char *line;
		json_object_set_new(rr.rec[i].obj, "equal_task_weight", json_real(weq[i]));
		json_object_set_new(rr.rec[i].obj, "invsqrt_task_weight", json_real(winv[i]));
		if (!(line = json_dumps(rr.rec[i].obj, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17)))) {
			err = hz_error_set(HZ_ENOMEM, "out of memory");
			break;
		}
		if ((err = hz_buf_puts(&b, line)) >= 0)
			err = hz_buf_puts(&b, "\n");
		free(line);
	}
	if (err < 0 || (err = hz_fs_write_atomic(out_path, hz_buf_cstr(&b), b.len)) < 0)
		goto done;
	if (dates_path && (err = write_dates(&t, &rd, dates_path, &st->agents_dated)) < 0)
		goto done;
	st->runs = t.n;
	st->agents = t.aliases.n;
	st->error_runs = t.n_error;
	st->superseded = t.n_superseded;
	err = 0;
done:
	for (size_t i = 0; i < rr.n; i++)
		json_decref(rr.rec[i].obj);
	free(rr.rec);
	fit_strtab_release(&rr.ids);
	hz_buf_release(&b);
	free(weq);
	free(winv);
	fit_table_release(&t);
	fit_release_dates_release(&rd);
	return err;
}
