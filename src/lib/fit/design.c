/*
 * The design shared by the point fits and the bootstrap: rows aggregated into
 * points (distinct agent, x, weight), and the index structures METR's
 * hierarchical resample walks (families and their tasks sorted by code point,
 * the task|||alias keys sorted as strings, each key's rows in file order).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fit_design.h"
#include "fit_strtab.h"
#include "fit_table.h"
#include "horizon/error.h"

static uint64_t mix64(uint64_t v)
{
	v ^= v >> 33;
	v *= 0xff51afd7ed558ccdULL;
	v ^= v >> 33;
	v *= 0xc4ceb9fe1a85ec53ULL;
	v ^= v >> 33;
	return v;
}

static uint64_t bits(double d)
{
	uint64_t u;

	memcpy(&u, &d, sizeof(u));
	return u;
}

static size_t pow2_at_least(size_t n)
{
	size_t s = 16;

	while (s < n)
		s *= 2;
	return s;
}

/* Assign each row a point id, then renumber points so that each agent's are contiguous. */
static int build_points(fit_design *d)
{
	const fit_table *t = d->t;
	size_t nslot = pow2_at_least(2 * t->n), np = 0;
	uint32_t *slot = calloc(nslot, sizeof(*slot)), *first = malloc(t->n * sizeof(*first));
	uint32_t *remap = NULL;
	size_t *fill = NULL;
	int err = 0;

	if (!slot || !first) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < t->n; i++) {
		uint64_t h = mix64(t->alias[i] ^ mix64(bits(t->x[i]) ^ mix64(bits(d->w[i]))));
		size_t s = h & (nslot - 1);
		for (;; s = (s + 1) & (nslot - 1)) {
			uint32_t r;
			if (!slot[s]) {
				first[np] = (uint32_t)i;
				slot[s] = (uint32_t)++np;
				break;
			}
			r = first[slot[s] - 1];
			if (t->alias[r] == t->alias[i] && bits(t->x[r]) == bits(t->x[i]) && bits(d->w[r]) == bits(d->w[i]))
				break;
		}
		d->point[i] = slot[s] - 1;
	}
	d->npoints = np;
	remap = malloc(np * sizeof(*remap));
	fill = calloc(d->nagents + 1, sizeof(*fill));
	d->px = malloc(np * sizeof(*d->px));
	if (!remap || !fill || !d->px) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t p = 0; p < np; p++)
		d->agent_p0[t->alias[first[p]] + 1]++;
	for (size_t a = 0; a < d->nagents; a++)
		d->agent_p0[a + 1] += d->agent_p0[a];
	memcpy(fill, d->agent_p0, (d->nagents + 1) * sizeof(*fill));
	for (size_t p = 0; p < np; p++) {
		uint32_t a = t->alias[first[p]];
		remap[p] = (uint32_t)fill[a]++;
		d->px[remap[p]] = t->x[first[p]];
	}
	for (size_t i = 0; i < t->n; i++)
		d->point[i] = remap[d->point[i]];
done:
	free(slot);
	free(first);
	free(remap);
	free(fill);
	return err;
}

/* strcmp on UTF-8 orders by code point, as Python's sorted() does */
static int cmp_family(const void *a, const void *b, void *ctx)
{
	const fit_table *t = ctx;

	return strcmp(t->families.str[*(const uint32_t *)a], t->families.str[*(const uint32_t *)b]);
}

static int cmp_task(const void *a, const void *b, void *ctx)
{
	const fit_table *t = ctx;

	return strcmp(t->tasks.str[*(const uint32_t *)a], t->tasks.str[*(const uint32_t *)b]);
}

static int cmp_key(const void *a, const void *b, void *ctx)
{
	const char **keys = ctx;

	return strcmp(keys[*(const uint32_t *)a], keys[*(const uint32_t *)b]);
}

/* Families in code-point order, each with its distinct tasks in code-point order. */
static int build_families(fit_design *d, const uint8_t *task_present)
{
	const fit_table *t = d->t;
	uint32_t *fam_present = calloc(t->families.n + 1, sizeof(*fam_present)), *order = NULL;
	uint32_t *pos = NULL;
	int err = 0;

	order = malloc((t->families.n + 1) * sizeof(*order));
	d->fam_t0 = calloc(t->families.n + 1, sizeof(*d->fam_t0));
	d->fam_tasks = malloc((t->tasks.n + 1) * sizeof(*d->fam_tasks));
	pos = malloc((t->families.n + 1) * sizeof(*pos));
	if (!fam_present || !order || !d->fam_t0 || !d->fam_tasks || !pos) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	d->nfam = 0;
	d->ntasks = 0;
	for (size_t k = 0; k < t->tasks.n; k++)
		if (task_present[k] && !fam_present[t->task_family[k]]++)
			order[d->nfam++] = t->task_family[k];
	qsort_r(order, d->nfam, sizeof(*order), cmp_family, (void *)t);
	/* family f's slot in the sorted order, then its tasks */
	for (uint32_t k = 0; k < d->nfam; k++)
		pos[order[k]] = k;
	for (uint32_t k = 0; k < d->nfam; k++)
		d->fam_t0[k + 1] = d->fam_t0[k] + fam_present[order[k]];
	memset(fam_present, 0, (t->families.n + 1) * sizeof(*fam_present));
	for (size_t k = 0; k < t->tasks.n; k++) {
		uint32_t slotk;
		if (!task_present[k])
			continue;
		slotk = pos[t->task_family[k]];
		d->fam_tasks[d->fam_t0[slotk] + fam_present[slotk]++] = (uint32_t)k;
		d->ntasks++;
	}
	for (uint32_t k = 0; k < d->nfam; k++)
		qsort_r(d->fam_tasks + d->fam_t0[k], d->fam_t0[k + 1] - d->fam_t0[k], sizeof(uint32_t), cmp_task,
			(void *)t);
done:
	free(fam_present);
	free(order);
	free(pos);
	return err;
}

/* Keys task|||alias sorted as strings, each with its rows in ascending order. */
static int build_keys(fit_design *d)
{
	const fit_table *t = d->t;
	size_t nslot = pow2_at_least(2 * t->n), nk = 0;
	uint64_t *slot_key = malloc(nslot * sizeof(*slot_key));
	uint32_t *slot_id = calloc(nslot, sizeof(*slot_id)), *row_key = malloc(t->n * sizeof(*row_key));
	uint32_t *order = NULL, *rank = NULL, *fill = NULL;
	uint64_t *key_pair = malloc(t->n * sizeof(*key_pair));
	const char **names = NULL;
	int err = 0;

	if (!slot_key || !slot_id || !row_key || !key_pair) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < t->n; i++) {
		uint64_t k = (uint64_t)t->task[i] << 32 | t->alias[i];
		size_t s = mix64(k) & (nslot - 1);
		while (slot_id[s] && slot_key[s] != k)
			s = (s + 1) & (nslot - 1);
		if (!slot_id[s]) {
			slot_key[s] = k;
			key_pair[nk] = k;
			slot_id[s] = (uint32_t)++nk;
		}
		row_key[i] = slot_id[s] - 1;
	}
	names = calloc(nk, sizeof(*names));
	order = malloc(nk * sizeof(*order));
	rank = malloc(nk * sizeof(*rank));
	d->key_task = malloc(nk * sizeof(*d->key_task));
	d->key_r0 = calloc(nk + 1, sizeof(*d->key_r0));
	d->key_rows = malloc(t->n * sizeof(*d->key_rows));
	fill = malloc((nk + 1) * sizeof(*fill));
	if (!names || !order || !rank || !d->key_task || !d->key_r0 || !d->key_rows || !fill) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t k = 0; k < nk; k++) {
		const char *task = t->tasks.str[key_pair[k] >> 32], *alias = t->aliases.str[(uint32_t)key_pair[k]];
		size_t lt = strlen(task), la = strlen(alias);
		char *s = malloc(lt + la + 4);
		if (!s) {
			err = hz_error_set(HZ_ENOMEM, "out of memory");
			goto done;
		}
		memcpy(s, task, lt);
		memcpy(s + lt, "|||", 3);
		memcpy(s + lt + 3, alias, la + 1);
		names[k] = s;
		order[k] = (uint32_t)k;
	}
	qsort_r(order, nk, sizeof(*order), cmp_key, (void *)names);
	for (size_t r = 0; r < nk; r++) {
		rank[order[r]] = (uint32_t)r;
		d->key_task[r] = (uint32_t)(key_pair[order[r]] >> 32);
	}
	for (size_t i = 0; i < t->n; i++)
		d->key_r0[rank[row_key[i]] + 1]++;
	for (size_t r = 0; r < nk; r++)
		d->key_r0[r + 1] += d->key_r0[r];
	memcpy(fill, d->key_r0, (nk + 1) * sizeof(*fill));
	for (size_t i = 0; i < t->n; i++)
		d->key_rows[fill[rank[row_key[i]]]++] = (uint32_t)i;
	d->nkeys = nk;
	d->krow = malloc((t->n + 1) * sizeof(*d->krow));
	d->key_alias = malloc((nk + 1) * sizeof(*d->key_alias));
	d->key_point = malloc((nk + 1) * sizeof(*d->key_point));
	if (!d->krow || !d->key_alias || !d->key_point) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t j = 0; j < t->n; j++) {
		uint32_t r = d->key_rows[j];
		d->krow[j].wy = d->w[r] * t->y[r];
		d->krow[j].wn = d->w[r] * (1.0 - t->y[r]);
		d->krow[j].y = t->y[r];
	}
	d->key_w = malloc((nk + 1) * sizeof(*d->key_w));
	d->ky = malloc(t->n + 1);
	if (!d->key_w || !d->ky) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t k = 0; k < nk; k++) {
		uint32_t first = d->key_rows[d->key_r0[k]];
		int binary = 1;
		d->key_alias[k] = t->alias[first];
		d->key_point[k] = d->point[first];
		for (uint32_t j = d->key_r0[k]; j < d->key_r0[k + 1]; j++) {
			uint32_t r = d->key_rows[j];
			if (d->point[r] != d->point[first])
				d->key_point[k] = FIT_NONE; /* weights differ within the key */
			if (t->y[r] != 0.0 && t->y[r] != 1.0)
				binary = 0;
			d->ky[j] = t->y[r] == 1.0;
		}
		d->key_w[k] = d->key_point[k] != FIT_NONE && binary ? d->w[first] : NAN;
	}
done:
	if (names)
		for (size_t k = 0; k < nk; k++)
			free((void *)names[k]);
	free(names);
	free(order);
	free(rank);
	free(fill);
	free(slot_key);
	free(slot_id);
	free(row_key);
	free(key_pair);
	return err;
}

int fit_design_build(fit_design *d, const fit_table *t, const double *w)
{
	uint8_t *present = NULL;
	int err;

	memset(d, 0, sizeof(*d));
	d->t = t;
	d->w = w;
	d->nagents = t->aliases.n;
	if (t->n >= UINT32_MAX)
		return hz_error_set(HZ_ELIMIT, "more than 2^32 runs");
	d->point = malloc(t->n * sizeof(*d->point));
	d->agent_p0 = calloc(d->nagents + 1, sizeof(*d->agent_p0));
	present = calloc(t->tasks.n + 1, 1);
	if (!d->point || !d->agent_p0 || !present) {
		free(present);
		return hz_error_set(HZ_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < t->n; i++)
		present[t->task[i]] = 1;
	if ((err = build_points(d)) < 0 || (err = build_families(d, present)) < 0 || (err = build_keys(d)) < 0) {
		free(present);
		return err;
	}
	free(present);
	return 0;
}

void fit_design_release(fit_design *d)
{
	free(d->point);
	free(d->px);
	free(d->agent_p0);
	free(d->fam_t0);
	free(d->fam_tasks);
	free(d->key_task);
	free(d->key_r0);
	free(d->key_rows);
	free(d->krow);
	free(d->key_alias);
	free(d->key_point);
	free(d->key_w);
	free(d->ky);
	memset(d, 0, sizeof(*d));
}
