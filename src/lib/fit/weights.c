/*
 * Task weights, per agent (METHOD section 2): equal = 1/(n(A,t) T_A) and
 * invsqrt = 1/(n(A,t) sqrt(F(A,f))) / Σ_f sqrt(F(A,f)), where n counts A's
 * runs on task t, T_A A's distinct tasks and F(A,f) A's distinct tasks in
 * family f.  "none" gives each of A's runs 1/N_A.
 */
#include <math.h>
#include <stdlib.h>

#include "fit_math.h"
#include "fit_table.h"
#include "horizon/error.h"

typedef struct keyed {
	uint64_t key;
	uint32_t idx;
} keyed;

typedef struct pair_info {
	uint32_t alias, family;
	size_t n;        /* runs of this agent on this task */
	size_t F;        /* the agent's distinct tasks in this family */
} pair_info;

static int cmp_keyed(const void *pa, const void *pb)
{
	const keyed *a = pa, *b = pb;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

int fit_weights_compute(const fit_table *t, hz_fit_weighting how, double *w)
{
	keyed *rows = NULL, *fam = NULL;
	pair_info *pairs = NULL;
	uint32_t *row_pair = NULL;
	size_t npairs = 0, nal = t->aliases.n;
	double *norm = NULL, *runs = NULL, *ntasks = NULL;
	int err = 0;

	rows = malloc(t->n * sizeof(*rows));
	row_pair = malloc(t->n * sizeof(*row_pair));
	pairs = malloc(t->n * sizeof(*pairs));
	norm = calloc(nal, sizeof(*norm));
	runs = calloc(nal, sizeof(*runs));
	ntasks = calloc(nal, sizeof(*ntasks));
	if (!rows || !row_pair || !pairs || !norm || !runs || !ntasks) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < t->n; i++) {
		rows[i].key = (uint64_t)t->alias[i] << 32 | t->task[i];
		rows[i].idx = (uint32_t)i;
	}
	qsort(rows, t->n, sizeof(*rows), cmp_keyed);
	for (size_t i = 0; i < t->n; i++) {
		if (i == 0 || rows[i].key != rows[i - 1].key) {
			uint32_t a = (uint32_t)(rows[i].key >> 32), task = (uint32_t)rows[i].key;
			pairs[npairs].alias = a;
			pairs[npairs].family = t->task_family[task];
			pairs[npairs].n = 0;
			npairs++;
		}
		pairs[npairs - 1].n++;
		row_pair[rows[i].idx] = (uint32_t)(npairs - 1);
		runs[t->alias[rows[i].idx]] += 1;
	}
	if (!(fam = malloc(npairs * sizeof(*fam)))) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t p = 0; p < npairs; p++) {
		fam[p].key = (uint64_t)pairs[p].alias << 32 | pairs[p].family;
		fam[p].idx = (uint32_t)p;
	}
	qsort(fam, npairs, sizeof(*fam), cmp_keyed);
	for (size_t i = 0, j; i < npairs; i = j) {
		for (j = i; j < npairs && fam[j].key == fam[i].key; j++)
			;
		for (size_t k = i; k < j; k++)
			pairs[fam[k].idx].F = j - i;
		norm[fam[i].key >> 32] += sqrt((double)(j - i));
	}
	for (size_t p = 0; p < npairs; p++)
		ntasks[pairs[p].alias] += 1;
	for (size_t i = 0; i < t->n; i++) {
		const pair_info *pi = &pairs[row_pair[i]];
		uint32_t a = t->alias[i];
		switch (how) {
		case HZ_FIT_WEIGHT_EQUAL:
			w[i] = 1.0 / ((double)pi->n * ntasks[a]);
			break;
		case HZ_FIT_WEIGHT_NONE:
			w[i] = 1.0 / runs[a];
			break;
		default:
			w[i] = 1.0 / ((double)pi->n * sqrt((double)pi->F)) / norm[a];
			break;
		}
	}
done:
	free(rows);
	free(fam);
	free(pairs);
	free(row_pair);
	free(norm);
	free(runs);
	free(ntasks);
	return err;
}
