/*
 * The run table: runs.jsonl files read as a stream, one bounded line at a
 * time, into compact columns with interned strings.  Raw text is never kept.
 * Records with status "error" are infrastructure losses; when a run_id comes
 * again, the last non-error record wins (shard logs plus a merged log, retries).
 */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "buf.h"
#include "fit_strtab.h"
#include "fit_table.h"
#include "horizon/error.h"
#include "jfield.h"
#include "record_schema.h"
#include "strutil.h"

#define LINE_MAX_BYTES (8u << 20)
#define READ_CHUNK (256 * 1024)

static int grow_rows(fit_table *t)
{
	size_t cap = hz_array_next_cap(t->cap ? t->cap : 1024, t->n + 1, sizeof(double)); /* doubles are the widest */
	int err;

	if (!cap)
		return hz_error_set(HZ_ENOMEM, "out of memory (%zu rows)", t->n);
#define GROW(field)                                                              \
	do {                                                                     \
		if ((err = HZ_ARRAY_RESIZE(t->field, cap)) != 0)                 \
			return err;                                              \
	} while (0)
	GROW(alias);
	GROW(task);
	GROW(x);
	GROW(y);
	GROW(w_equal);
	GROW(w_invsqrt);
	GROW(dead);
	GROW(tok_idx);
#undef GROW
	t->cap = cap;
	return 0;
}

/* Make an id-indexed array of `size`-byte items hold index id, zero-filling new items. */
static int ensure_index(void **arr, size_t *cap, size_t id, size_t size)
{
	if (id < *cap)
		return 0;
	return hz_array_reserve_(arr, cap, id + 1, size, 1);
}

static int ferr(const char *path, long line, const char *field, const char *what)
{
	hz_jfield at = { .file = path, .line = line };

	return hz_jf_error(&at, field, "%s", what);
}

/* A required non-empty string field. */
static int get_str(const fit_record *r, int f, const char *path, long line, const char *field, const char **out)
{
	const fit_value *v = &r->v[f];

	if (v->kind == FIT_V_MISSING)
		return ferr(path, line, field, HZ_JF_MISSING);
	if (v->kind != FIT_V_STRING || v->len == 0)
		return ferr(path, line, field, HZ_JF_NOT_STRING);
	*out = v->s;
	return 0;
}

/* An optional number: NaN when absent or null; `min` is the smallest value allowed. */
static int get_opt_num(const fit_record *r, int f, const char *path, long line, const char *field, double min,
		       double *out)
{
	const fit_value *v = &r->v[f];

	*out = NAN;
	if (v->kind == FIT_V_MISSING || v->kind == FIT_V_NULL)
		return 0;
	if (v->kind != FIT_V_NUMBER || !isfinite(v->num) || v->num < min)
		return ferr(path, line, field, min > 0 ? HZ_JF_NOT_POSITIVE : HZ_JF_NOT_NONNEGATIVE);
	*out = v->num;
	return 0;
}

/*
 * An informational number (token counts, cost): NaN when absent, null or
 * nonsense.  A provider's bad usage report must not keep a sweep from being
 * fitted, so nonsense is counted (for a note) instead of refused.
 */
static void get_info_num(fit_table *t, const fit_record *r, int f, const char *path, long line, const char *field,
			 double *out)
{
	const fit_value *v = &r->v[f];

	*out = NAN;
	if (v->kind == FIT_V_MISSING || v->kind == FIT_V_NULL)
		return;
	if (v->kind == FIT_V_NUMBER && isfinite(v->num) && v->num >= 0) {
		*out = v->num;
		return;
	}
	if (t->n_bad_usage++ == 0)
		snprintf(t->bad_usage_at, sizeof(t->bad_usage_at), "%s:%ld '%s'", path, line, field);
}

static int get_score(const fit_record *r, const fit_table *t, const char *path, long line, double *y)
{
	const char *f = t->score_col;
	const fit_value *v = &r->v[FIT_F_SCORE];

	if (v->kind == FIT_V_MISSING)
		return ferr(path, line, f, HZ_JF_MISSING);
	if (v->kind == FIT_V_BOOL) {
		*y = v->b ? 1.0 : 0.0;
		return 0;
	}
	if (v->kind != FIT_V_NUMBER)
		return ferr(path, line, f, v->kind == FIT_V_NULL ? "is null (a score is needed)" : "must be a number");
	*y = v->num;
	if (!strcmp(f, "score_binarized")) {
		if (*y != 0.0 && *y != 1.0)
			return ferr(path, line, f, "must be 0 or 1");
	} else if (!(*y >= 0.0 && *y <= 1.0)) {
		return ferr(path, line, f, "must be a number between 0 and 1");
	}
	return 0;
}

static int is_excluded(fit_table *t, const char *alias)
{
	for (size_t i = 0; i < t->nexclude; i++)
		if (!strcmp(t->exclude[i], alias)) {
			if (i < FIT_MAX_EXCLUDE_HITS)
				t->exclude_hits[i]++;
			return 1;
		}
	return 0;
}

/* A run left out by --exclude-family or, without total_tokens, by --budget-tokens (counted). */
static int is_filtered(fit_table *t, const fit_record *r)
{
	const fit_value *fam = &r->v[FIT_F_TASK_FAMILY];

	if (fam->kind == FIT_V_STRING)
		for (size_t i = 0; i < t->nexclude_families; i++)
			if (!strcmp(t->exclude_families[i], fam->s)) {
				t->n_excluded_family++;
				return 1;
			}
	if (t->budget_tokens > 0) {
		const fit_value *tk = &r->v[FIT_F_TOTAL_TOKENS];
		if (tk->kind != FIT_V_NUMBER || !(tk->num > 0)) {
			t->n_no_tokens++;
			return 1;
		}
	}
	return 0;
}

static double num_or_nan(const fit_value *v)
{
	return v->kind == FIT_V_NUMBER && isfinite(v->num) ? v->num : NAN;
}

/*
 * Budgets (METR's score_over_resource_horizon): a run scores only when its
 * usage is within every budget given; unknown usage is not within (NaN <= x
 * is false in METR's code).  Working time: working_s (horizon's logs), else
 * completed_at - started_at in milliseconds (METR's).
 */
static void apply_budgets(fit_table *t, const fit_record *r, const double *usage, double *y)
{
	double minutes = num_or_nan(&r->v[FIT_F_WORKING_S]) / 60.0;
	int over = 0;

	if (isnan(minutes))
		minutes = (num_or_nan(&r->v[FIT_F_COMPLETED_AT]) - num_or_nan(&r->v[FIT_F_STARTED_AT])) / 60000.0;
	if (t->budget_usd > 0 && !(usage[3] <= t->budget_usd))
		over = 1;
	if (t->budget_tokens > 0 && !(usage[2] <= t->budget_tokens))
		over = 1;
	if (t->budget_minutes > 0 && !(minutes <= t->budget_minutes))
		over = 1;
	if (over && *y > 0) {
		*y = 0;
		t->n_over_budget++;
	}
}

/* The run_id as text: a string, or an integer printed in decimal. */
static int get_run_id(const fit_record *r, const char *path, long line, char *tmp, size_t tmpsize, const char **out)
{
	const fit_value *v = &r->v[FIT_F_RUN_ID];

	if (v->kind == FIT_V_MISSING)
		return ferr(path, line, "run_id", HZ_JF_MISSING);
	if (v->kind == FIT_V_NUMBER && v->is_int) {
		snprintf(tmp, tmpsize, "%lld", v->ival);
		*out = tmp;
		return 0;
	}
	if (v->kind != FIT_V_STRING || v->len == 0)
		return ferr(path, line, "run_id", "must be a non-empty string");
	*out = v->s;
	return 0;
}

static int agent_meta(fit_table *t, uint32_t a, const char *path, long line, const fit_record *r,
		      fit_alias_meta **out)
{
	const fit_value *rd = &r->v[FIT_F_RELEASE_DATE];
	fit_alias_meta *m;
	long days;

	if (ensure_index((void **)&t->meta, &t->meta_cap, a, sizeof(*t->meta)) < 0)
		return HZ_ENOMEM;
	m = &t->meta[a];
	if (!m->first_file) {
		m->first_file = path;
		m->first_line = line;
	}
	*out = m;
	if (r->v[FIT_F_DESIGN].kind == FIT_V_STRING && !strcmp(r->v[FIT_F_DESIGN].s, "adaptive")) {
		if (!m->adaptive_file) {
			m->adaptive_file = path;
			m->adaptive_line = line;
		}
	} else if (!m->full_file) {
		m->full_file = path;
		m->full_line = line;
	}
	if (m->adaptive_file && m->full_file)
		return hz_error_set(HZ_EINVALID,
				    "agent '%s': %s:%ld is a record of an adaptive sweep and %s:%ld one of a full sweep: "
				    "their intervals differ, so they are not fitted together (fit them apart, or "
				    "--exclude-agent; docs/adaptive.md)", t->aliases.str[a], m->adaptive_file,
				    m->adaptive_line, m->full_file, m->full_line);
	if (rd->kind == FIT_V_MISSING || rd->kind == FIT_V_NULL)
		return 0;
	if (rd->kind != FIT_V_STRING || hz_parse_date(rd->s, &days) < 0)
		return ferr(path, line, "release_date", "must be a date YYYY-MM-DD or null");
	if (!m->release_date) {
		if (!(m->release_date = strdup(rd->s)))
			return hz_error_set(HZ_ENOMEM, "out of memory");
		m->release_line = line;
	} else if (strcmp(m->release_date, rd->s)) {
		return hz_error_set(HZ_EINVALID, "%s:%ld: 'release_date' %s differs from %s given for the same agent at line %ld",
				    path, line, rd->s, m->release_date, m->release_line);
	}
	return 0;
}

/* A record's verdict for messages: success, failure, or the partial-credit score. */
static void verdict_name(double y, char *out, size_t size)
{
	if (y == 1 || y == 0)
		snprintf(out, size, "%s", y == 1 ? "success" : "failure");
	else
		snprintf(out, size, "score %.3g", y);
}

/* One record: validate, dedupe by run_id, append. */
static int add_record(fit_table *t, const char *path, long line, const fit_record *r)
{
	const char *run_id = NULL, *alias = NULL, *task = NULL, *family = NULL, *status = NULL;
	const fit_value *st = &r->v[FIT_F_STATUS], *hm = &r->v[FIT_F_HUMAN_MINUTES];
	char idtmp[32];
	uint32_t rid, a, tid, fid;
	int added, rid_new, err;
	size_t row;
	fit_alias_meta *meta;
	double minutes, y = 0, usage[4];

	if ((err = get_run_id(r, path, line, idtmp, sizeof(idtmp), &run_id)) < 0 ||
	    (err = get_str(r, FIT_F_ALIAS, path, line, "alias", &alias)) < 0)
		return err;
	if (st->kind != FIT_V_MISSING && st->kind != FIT_V_NULL) {
		status = st->kind == FIT_V_STRING ? st->s : NULL;
		if (record_status_parse(status) == RECORD_INVALID)
			return ferr(path, line, "status", "must be \"success\", \"failure\" or \"error\"");
	}
	if (is_excluded(t, alias)) {
		t->n_excluded_agent++;
		return 0;
	}
	if (t->baseline_only) {
		const fit_value *hs = &r->v[FIT_F_HUMAN_SOURCE];
		if (hs->kind != FIT_V_STRING || strcmp(hs->s, "baseline")) {
			t->n_estimated++; /* error records included */
			return 0;
		}
	}
	if (is_filtered(t, r))
		return 0;
	if ((err = fit_strtab_intern(&t->runids, run_id, strlen(run_id), &rid, &rid_new)) < 0 ||
	    (err = ensure_index((void **)&t->runid_row, &t->runid_row_cap, rid, sizeof(uint32_t))) < 0)
		return err;
	if (rid_new)
		t->runid_row[rid] = FIT_NONE;
	if (status && record_status_parse(status) == RECORD_ERROR) {
		if (!rid_new)
			t->n_superseded++; /* an earlier record of this run stands */
		return 0;
	}
	if ((err = get_str(r, FIT_F_TASK_ID, path, line, "task_id", &task)) < 0 ||
	    (err = get_str(r, FIT_F_TASK_FAMILY, path, line, "task_family", &family)) < 0)
		return err;
	if (hm->kind == FIT_V_MISSING)
		return ferr(path, line, "human_minutes", HZ_JF_MISSING);
	if (hm->kind != FIT_V_NUMBER || !isfinite(hm->num) || hm->num <= 0)
		return ferr(path, line, "human_minutes", HZ_JF_NOT_POSITIVE);
	minutes = hm->num;
	if ((err = get_score(r, t, path, line, &y)) < 0)
		return err;
	if (t->n == t->cap && (err = grow_rows(t)) < 0)
		return err;
	row = t->n;
	if ((err = get_opt_num(r, FIT_F_W_EQUAL, path, line, "equal_task_weight", 0, &t->w_equal[row])) < 0 ||
	    (err = get_opt_num(r, FIT_F_W_INVSQRT, path, line, "invsqrt_task_weight", 0, &t->w_invsqrt[row])) < 0)
		return err;
	{
		size_t bad = t->n_bad_usage;
		get_info_num(t, r, FIT_F_INPUT_TOKENS, path, line, "input_tokens", &usage[0]);
		get_info_num(t, r, FIT_F_OUTPUT_TOKENS, path, line, "output_tokens", &usage[1]);
		get_info_num(t, r, FIT_F_TOTAL_TOKENS, path, line, "total_tokens", &usage[2]);
		get_info_num(t, r, FIT_F_DOLLARS, path, line, "dollar_equivalent", &usage[3]);
		if (t->n_bad_usage > bad)
			t->n_bad_usage = bad + 1; /* records, not fields */
	}
	apply_budgets(t, r, usage, &y);
	t->tok_idx[row] = FIT_NONE;
	if (!isnan(usage[0]) || !isnan(usage[1]) || !isnan(usage[2]) || !isnan(usage[3])) {
		/* usage is stored only for records that have some (METR's files mostly do not) */
		if (t->ntok == t->tok_cap) { /* four doubles a record */
			size_t cap = hz_array_next_cap(t->tok_cap, t->ntok + 1, 4 * sizeof(double));
			if (!cap || (err = HZ_ARRAY_RESIZE(t->tok, cap * 4)) != 0)
				return cap ? err : hz_error_set(HZ_ENOMEM, "out of memory");
			t->tok_cap = cap;
		}
		memcpy(&t->tok[4 * t->ntok], usage, sizeof(usage));
		t->tok_idx[row] = (uint32_t)t->ntok++;
	}
	if ((err = fit_strtab_intern(&t->aliases, alias, strlen(alias), &a, NULL)) < 0 ||
	    (err = agent_meta(t, a, path, line, r, &meta)) < 0 ||
	    (err = fit_strtab_intern(&t->families, family, strlen(family), &fid, NULL)) < 0 ||
	    (err = fit_strtab_intern(&t->tasks, task, strlen(task), &tid, &added)) < 0 ||
	    (err = ensure_index((void **)&t->task_family, &t->task_family_cap, tid, sizeof(uint32_t))) < 0)
		return err;
	if (added)
		t->task_family[tid] = fid;
	else if (t->task_family[tid] != fid)
		return hz_error_set(HZ_EINVALID, "%s:%ld: 'task_family' '%s' differs from '%s' given earlier for task '%s' "
				    "(a task belongs to one family)", path, line, family,
				    t->families.str[t->task_family[tid]], task);
	if (t->runid_row[rid] != FIT_NONE) {
		double old = t->y[t->runid_row[rid]];
		t->dead[t->runid_row[rid]] = 1; /* the last non-error record wins */
		if (old != y && t->n_verdict_changed++ == 0) {
			char was[32], now[32];
			verdict_name(old, was, sizeof(was));
			verdict_name(y, now, sizeof(now));
			snprintf(t->verdict_example, sizeof(t->verdict_example), "run %s: %s, then %s at %s:%ld", run_id,
				 was, now, path, line);
		}
	}
	if (!rid_new)
		t->n_superseded++;
	t->runid_row[rid] = (uint32_t)row;
	t->alias[row] = a;
	t->task[row] = tid;
	t->x[row] = log2(minutes);
	t->y[row] = y;
	t->dead[row] = 0;
	if (isnan(t->w_equal[row]) || isnan(t->w_invsqrt[row]))
		t->missing_weights = 1;
	t->n++;
	return 0;
}

/* Scratch space for the scanner's unescaped strings: at least len + 1 bytes. */
static int scratch_for(hz_buf *scratch, size_t len)
{
	hz_buf_clear(scratch);
	return hz_buf_grow(scratch, len + 1);
}

static int parse_line(fit_table *t, const char *path, long line, const char *s, size_t len, hz_buf *scratch,
		      size_t *records)
{
	json_error_t jerr;
	json_t *o = NULL;
	fit_record rec;
	int err;
	size_t i = 0;

	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
		i++;
	if (i == len)
		return 0; /* blank line */
	if ((err = scratch_for(scratch, len)) < 0)
		return err;
	if (!fit_record_scan(s, len, t->score_col, scratch->ptr, &rec)) {
		/* the general parser: unusual but valid JSON, or the error message */
		if (!(o = json_loadb(s, len, JSON_DECODE_ANY, &jerr)))
			return hz_error_set(HZ_EINVALID, "%s:%ld: malformed JSON at column %d: %s", path, line,
					    jerr.column, jerr.text);
		if (!json_is_object(o)) {
			json_decref(o);
			return hz_error_set(HZ_EINVALID, "%s:%ld: a run record must be a JSON object", path, line);
		}
		fit_record_from_json(o, t->score_col, &rec);
	}
	err = add_record(t, path, line, &rec);
	json_decref(o);
	if (err == 0)
		(*records)++;
	return err;
}

/* An unterminated last line that is not a JSON object: a record cut short. */
static int partial_line(const char *s, size_t len)
{
	json_t *o = json_loadb(s, len, 0, NULL);
	int partial = !json_is_object(o);

	json_decref(o);
	return partial;
}

int fit_table_load_file(fit_table *t, const char *path)
{
	FILE *f = NULL;
	char *chunk = NULL, *kept = NULL;
	hz_buf line = HZ_BUF_INIT, scratch = HZ_BUF_INIT;
	long lineno = 0;
	size_t n, records = 0;
	int err = 0;

	if (!strcmp(path, "-")) {
		f = stdin; /* "-" reads standard input; messages call it "-" */
	} else if (!(f = fopen(path, "rb"))) {
		err = errno == ENOENT ? hz_error_set(HZ_ENOTFOUND, "%s: no such file", path)
				      : hz_error_set_errno("%s: cannot open", path);
		goto done;
	}
	if ((err = HZ_ARRAY_RESIZE(t->inputs, t->ninputs + 1)) != 0)
		goto done;
	if (!(kept = strdup(path))) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	t->inputs[t->ninputs].path = kept;
	t->inputs[t->ninputs].records = 0;
	t->ninputs++;
	path = kept; /* messages and agent metadata point at the kept copy */
	kept = NULL;
	hz_buf_init(&line, LINE_MAX_BYTES);
	if (!(chunk = malloc(READ_CHUNK))) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	while ((n = fread(chunk, 1, READ_CHUNK, f)) > 0) {
		size_t start = 0;
		for (size_t i = 0; i < n; i++) {
			if (chunk[i] != '\n')
				continue;
			lineno++;
			if (line.len) {
				if ((err = hz_buf_put(&line, chunk + start, i - start)) < 0)
					goto toolong;
				err = parse_line(t, path, lineno, line.ptr, line.len, &scratch, &records);
				hz_buf_clear(&line);
			} else {
				err = parse_line(t, path, lineno, chunk + start, i - start, &scratch, &records);
			}
			if (err < 0)
				goto done;
			start = i + 1;
		}
		if (start < n && (err = hz_buf_put(&line, chunk + start, n - start)) < 0)
			goto toolong;
	}
	if (ferror(f)) {
		err = hz_error_set_errno("%s: read error", path);
		goto done;
	}
	if (line.len && partial_line(line.ptr, line.len)) {
		/* The rule of run and merge too: a writer killed mid-line left it; that run is not recorded. */
		if (t->n_partial++ == 0)
			snprintf(t->partial_example, sizeof(t->partial_example), "%s:%ld (%zu bytes)", path, lineno + 1,
				 line.len);
	} else if (line.len && (err = parse_line(t, path, lineno + 1, line.ptr, line.len, &scratch, &records)) < 0) {
		goto done;
	}
	if (records == 0) {
		err = hz_error_set(HZ_EINVALID, "%s: no run records (the file is empty)", path);
		goto done;
	}
	t->inputs[t->ninputs - 1].records = records;
	goto done;
toolong:
	err = hz_error_set(HZ_ELIMIT, "%s:%ld: line longer than %u bytes", path, lineno + 1, LINE_MAX_BYTES);
done:
	if (f && f != stdin)
		fclose(f);
	free(chunk);
	free(kept);
	hz_buf_release(&line);
	hz_buf_release(&scratch);
	return err;
}

int fit_table_finish(fit_table *t)
{
	size_t j = 0;

	for (size_t i = 0; i < t->n; i++) {
		if (t->dead[i])
			continue;
		if (i != j) {
			t->alias[j] = t->alias[i];
			t->task[j] = t->task[i];
			t->x[j] = t->x[i];
			t->y[j] = t->y[i];
			t->w_equal[j] = t->w_equal[i];
			t->w_invsqrt[j] = t->w_invsqrt[i];
			t->tok_idx[j] = t->tok_idx[i];
		}
		t->dead[j++] = 0;
	}
	t->n = j;
	for (size_t r = 0; r < t->runids.n; r++)
		if (t->runid_row[r] == FIT_NONE)
			t->n_error++;
	/* run ids are only needed while reading */
	free(t->runid_row);
	t->runid_row = NULL;
	t->runid_row_cap = 0;
	fit_strtab_release(&t->runids);
	if (t->n == 0)
		return hz_error_set(HZ_EINVALID, "no usable run records in the input (%zu error records, %zu excluded)",
				    t->n_error, t->n_excluded_agent + t->n_excluded_family + t->n_estimated);
	return 0;
}

void fit_table_release(fit_table *t)
{
	free(t->alias);
	free(t->task);
	free(t->x);
	free(t->y);
	free(t->w_equal);
	free(t->w_invsqrt);
	free(t->tok);
	free(t->tok_idx);
	free(t->dead);
	free(t->task_family);
	free(t->runid_row);
	for (size_t a = 0; a < t->aliases.n && a < t->meta_cap; a++)
		free(t->meta[a].release_date);
	free(t->meta);
	for (size_t i = 0; i < t->ninputs; i++)
		free(t->inputs[i].path);
	free(t->inputs);
	fit_strtab_release(&t->aliases);
	fit_strtab_release(&t->tasks);
	fit_strtab_release(&t->families);
	fit_strtab_release(&t->runids);
	memset(t, 0, sizeof(*t));
}
