/*
 * METR's hierarchical bootstrap (METHOD section 5): families, then tasks, then
 * runs, one joint resample of the whole table per sample, sample i drawn from
 * numpy's default_rng(seed + i).  Samples run on a pool of threads; each
 * sample's numbers depend only on its seed, never on the thread count.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "fit_design.h"
#include "fit_math.h"
#include "fit_rng.h"
#include "fit_strtab.h"
#include "horizon/error.h"

int fit_resample_scratch_init(fit_resample_scratch *s, const fit_design *d)
{
	uint32_t most = d->nfam;

	for (uint32_t k = 0; k < d->nfam; k++)
		if (d->fam_t0[k + 1] - d->fam_t0[k] > most)
			most = d->fam_t0[k + 1] - d->fam_t0[k];
	s->draws = malloc(((size_t)most + d->nfam + 1) * sizeof(*s->draws));
	s->mult = malloc((d->t->tasks.n + 1) * sizeof(*s->mult));
	if (!s->draws || !s->mult) {
		fit_resample_scratch_release(s);
		return hz_error_set(HZ_ENOMEM, "out of memory");
	}
	return 0;
}

void fit_resample_scratch_release(fit_resample_scratch *s)
{
	free(s->draws);
	free(s->mult);
	s->draws = NULL;
	s->mult = NULL;
}

/* Steps 1-2: the family draws, then each family copy's task draws, as task multiplicities. */
static void draw_tasks(const fit_design *d, fit_rng *r, fit_resample_scratch *s)
{
	uint32_t *fam = s->draws, *task = s->draws + d->nfam;

	memset(s->mult, 0, (d->t->tasks.n + 1) * sizeof(*s->mult));
	fit_rng_choice(r, d->nfam, fam);
	for (uint32_t j = 0; j < d->nfam; j++) {
		uint32_t k = fam[j], t0 = d->fam_t0[k], nv = d->fam_t0[k + 1] - t0;
		fit_rng_choice(r, nv, task);
		for (uint32_t e = 0; e < nv; e++)
			s->mult[d->fam_tasks[t0 + task[e]]]++;
	}
}

/*
 * Step 3.  A task drawn m times contributes, for each of its task|||alias
 * keys, the key's rows R repeated m times; METR's pooled group M_k is exactly
 * that, so M_k[i] = R[i mod |R|] and the uniforms can be consumed key by key.
 * run_sample() below walks the same loop with the same draws, inlined.
 */
size_t fit_resample(const fit_design *d, uint32_t seed, fit_resample_scratch *s,
		    void (*emit)(void *ud, uint32_t row), void *ud)
{
	size_t rows = 0;
	fit_rng r;

	fit_rng_seed(&r, seed);
	draw_tasks(d, &r, s);
	for (size_t k = 0; k < d->nkeys; k++) {
		uint32_t m = s->mult[d->key_task[k]], r0 = d->key_r0[k], nr = d->key_r0[k + 1] - r0;
		size_t c = (size_t)m * nr;
		for (size_t t = 0; t < c; t++) {
			size_t i = (size_t)(fit_rng_random(&r) * (double)c);
			emit(ud, d->key_rows[r0 + i % nr]);
		}
		rows += c;
	}
	return rows;
}

typedef struct pool {
	const fit_design *d;
	const double *percents;
	size_t np, nsamples;
	const double *lambda;
	uint32_t seed;
	double *out;
	pthread_mutex_t lock;
	size_t next, done;
	int err;
	hz_fit_progress_fn progress;
	void *ud;
} pool;

typedef struct worker {
	const fit_design *d;
	double *w1, *w0;
	double *ymin, *ymax;
	size_t *count;
	fit_resample_scratch scratch;
} worker;

static void note_y(worker *wk, uint32_t a, size_t n, double ymin, double ymax)
{
	if (!wk->count[a]) {
		wk->ymin[a] = ymin;
		wk->ymax[a] = ymax;
	} else {
		wk->ymin[a] = ymin < wk->ymin[a] ? ymin : wk->ymin[a];
		wk->ymax[a] = ymax > wk->ymax[a] ? ymax : wk->ymax[a];
	}
	wk->count[a] += n;
}

/* One sample: the resample of fit_resample(), accumulated into per-point weights, then every agent's fit. */
static void run_sample(pool *pl, worker *wk, size_t i)
{
	const fit_design *d = pl->d;
	double *out = pl->out + i * d->nagents * pl->np;
	fit_rng r;

	memset(wk->w1, 0, d->npoints * sizeof(double));
	memset(wk->w0, 0, d->npoints * sizeof(double));
	memset(wk->count, 0, d->nagents * sizeof(size_t));
	fit_rng_seed(&r, pl->seed + (uint32_t)i);
	draw_tasks(d, &r, &wk->scratch);
	for (size_t k = 0; k < d->nkeys; k++) {
		uint32_t m = wk->scratch.mult[d->key_task[k]], r0, nr;
		const fit_krow *kr;
		double dc, wy = 0, wn = 0, ymin = INFINITY, ymax = -INFINITY;
		size_t c;
		if (!m)
			continue;
		r0 = d->key_r0[k];
		nr = d->key_r0[k + 1] - r0;
		kr = d->krow + r0;
		c = (size_t)m * nr;
		dc = (double)c;
		if (!isnan(d->key_w[k])) {
			/* the usual case: one weight per key and 0/1 outcomes, so count successes */
			const uint8_t *ky = d->ky + r0;
			size_t ones = 0;
			for (size_t t = 0; t < c; t++) {
				size_t j = (size_t)(fit_rng_random(&r) * dc);
				if (j >= nr) /* only when the task was drawn more than once */
					j %= nr;
				ones += ky[j];
			}
			wk->w1[d->key_point[k]] += d->key_w[k] * (double)ones;
			wk->w0[d->key_point[k]] += d->key_w[k] * (double)(c - ones);
			ymin = ones == c ? 1.0 : 0.0;
			ymax = ones ? 1.0 : 0.0;
		} else if (d->key_point[k] != FIT_NONE) {
			/* one point per key: sum in registers */
			for (size_t t = 0; t < c; t++) {
				size_t j = (size_t)(fit_rng_random(&r) * dc);
				if (j >= nr) /* only when the task was drawn more than once */
					j %= nr;
				wy += kr[j].wy;
				wn += kr[j].wn;
				ymin = kr[j].y < ymin ? kr[j].y : ymin; /* not fmin(): a libm call here */
				ymax = kr[j].y > ymax ? kr[j].y : ymax;
			}
			wk->w1[d->key_point[k]] += wy;
			wk->w0[d->key_point[k]] += wn;
		} else {
			for (size_t t = 0; t < c; t++) {
				size_t j = (size_t)(fit_rng_random(&r) * dc);
				uint32_t p;
				if (j >= nr)
					j %= nr;
				p = d->point[d->key_rows[r0 + j]];
				wk->w1[p] += kr[j].wy;
				wk->w0[p] += kr[j].wn;
				ymin = kr[j].y < ymin ? kr[j].y : ymin; /* not fmin(): a libm call here */
				ymax = kr[j].y > ymax ? kr[j].y : ymax;
			}
		}
		note_y(wk, d->key_alias[k], c, ymin, ymax);
	}
	for (size_t a = 0; a < d->nagents; a++) {
		size_t p0 = d->agent_p0[a], p1 = d->agent_p0[a + 1];
		fit_logit lg;
		if (!wk->count[a] || wk->ymin[a] == wk->ymax[a]) {
			for (size_t k = 0; k < pl->np; k++)
				out[a * pl->np + k] = NAN;
			continue;
		}
		fit_logistic(d->px + p0, wk->w1 + p0, wk->w0 + p0, p1 - p0, pl->lambda[a], &lg);
		for (size_t k = 0; k < pl->np; k++)
			out[a * pl->np + k] = fit_horizon(lg.a, lg.b, pl->percents[k]);
	}
}

static void *thread_main(void *arg)
{
	pool *pl = arg;
	const fit_design *d = pl->d;
	worker wk = { 0 };
	int ok;

	wk.d = d;
	wk.w1 = malloc((d->npoints + 1) * sizeof(double));
	wk.w0 = malloc((d->npoints + 1) * sizeof(double));
	wk.ymin = malloc((d->nagents + 1) * sizeof(double));
	wk.ymax = malloc((d->nagents + 1) * sizeof(double));
	wk.count = malloc((d->nagents + 1) * sizeof(size_t));
	ok = wk.w1 && wk.w0 && wk.ymin && wk.ymax && wk.count && fit_resample_scratch_init(&wk.scratch, d) == 0;
	for (;;) {
		size_t i;
		pthread_mutex_lock(&pl->lock);
		if (!ok)
			pl->err = 1;
		if (pl->err || pl->next >= pl->nsamples) {
			pthread_mutex_unlock(&pl->lock);
			break;
		}
		i = pl->next++;
		pthread_mutex_unlock(&pl->lock);
		run_sample(pl, &wk, i);
		pthread_mutex_lock(&pl->lock);
		pl->done++;
		if (pl->progress)
			pl->progress(pl->ud, pl->done, pl->nsamples);
		pthread_mutex_unlock(&pl->lock);
	}
	fit_resample_scratch_release(&wk.scratch);
	free(wk.w1);
	free(wk.w0);
	free(wk.ymin);
	free(wk.ymax);
	free(wk.count);
	return NULL;
}

int fit_bootstrap_run(const fit_design *d, const double *percents, size_t np, const double *lambda, size_t nsamples,
		      uint32_t seed, int jobs, hz_fit_progress_fn progress, void *ud, double *out)
{
	pool pl = { 0 };
	pthread_t *th = NULL;
	int started = 0;

	if (jobs < 1)
		jobs = 1;
	if ((size_t)jobs > nsamples)
		jobs = nsamples ? (int)nsamples : 1;
	pl.d = d;
	pl.percents = percents;
	pl.np = np;
	pl.nsamples = nsamples;
	pl.lambda = lambda;
	pl.seed = seed;
	pl.out = out;
	pl.progress = progress;
	pl.ud = ud;
	pthread_mutex_init(&pl.lock, NULL);
	if (!(th = calloc((size_t)jobs, sizeof(*th)))) {
		pthread_mutex_destroy(&pl.lock);
		return hz_error_set(HZ_ENOMEM, "out of memory");
	}
	for (int j = 0; j < jobs; j++) {
		if (pthread_create(&th[j], NULL, thread_main, &pl) != 0)
			break;
		started++;
	}
	if (started == 0)
		thread_main(&pl); /* no thread could be started: do the work here */
	for (int j = 0; j < started; j++)
		pthread_join(th[j], NULL);
	free(th);
	pthread_mutex_destroy(&pl.lock);
	if (pl.err)
		return hz_error_set(HZ_ENOMEM, "out of memory in the bootstrap");
	return 0;
}
