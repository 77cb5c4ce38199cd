/*
 * The replay simulator (horizon adaptive-sim, docs/adaptive.md): the
 * selection rule run in-process, many times, on outcomes that are known in
 * advance, to measure what an adaptive sweep saves and whether its
 * intervals hold.
 *
 * - Replay: an agent's full-sweep log.  The tasks are the log's; a task can
 *   be run as often as the log has runs of it, and repeat r of a task gives
 *   the r-th of its logged runs in an order shuffled per simulated sweep.
 *   The reference is the fit of every logged run.
 * - Sim: a `sim` agent (known h50 and slope) over a list of tasks; sweep i
 *   has sweep seed seed + i, and both the full sweep (every task x repeats)
 *   and the adaptive one use the sim agent's own coin (hz_sim_success), so
 *   they see the same outcomes a real `horizon run` would record.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adaptive_internal.h"
#include "horizon/error.h"
#include "strutil.h"

void hz_adaptive_sim_rows_free(hz_adaptive_sim_row *rows, size_t n)
{
	for (size_t i = 0; rows && i < n; i++)
		free(rows[i].agent);
	free(rows);
}

static double ratio_of(const hz_fit_lik *h)
{
	return h->low > 0 && isfinite(h->high) ? h->high / h->low : INFINITY;
}

static int covers(const hz_fit_lik *h, double v)
{
	return isfinite(v) && h->low <= v && v <= h->high;
}

/* One simulated sweep's figures, summed into the row by finish(). */
typedef struct tally {
	double *runs, *ratio, *full_ratio;
	size_t n, reached, cover_full, cover_truth, cover_plain;
} tally;

static int tally_init(tally *t, size_t sweeps)
{
	memset(t, 0, sizeof(*t));
	t->runs = calloc(sweeps, sizeof(double));
	t->ratio = calloc(sweeps, sizeof(double));
	t->full_ratio = calloc(sweeps, sizeof(double));
	return t->runs && t->ratio && t->full_ratio ? 0 : hz_error_set(HZ_ENOMEM, "out of memory");
}

static void tally_release(tally *t)
{
	free(t->runs);
	free(t->ratio);
	free(t->full_ratio);
}

static void add(tally *t, const hz_adaptive_state *st, double full_est, double full_ratio, double truth)
{
	t->runs[t->n] = (double)st->runs;
	t->ratio[t->n] = ratio_of(&st->p50);
	t->full_ratio[t->n] = full_ratio;
	t->n++;
	t->reached += st->stop && !strcmp(st->stop, "target");
	t->cover_full += covers(&st->p50, full_est);
	t->cover_truth += covers(&st->p50, truth);
	t->cover_plain += covers(&st->p50_lr, truth);
}

static void finish(const tally *t, hz_adaptive_sim_row *row)
{
	double sum = 0;

	for (size_t i = 0; i < t->n; i++)
		sum += t->runs[i];
	qsort(t->ratio, t->n, sizeof(double), adaptive_cmp_double);
	qsort(t->full_ratio, t->n, sizeof(double), adaptive_cmp_double);
	row->sweeps = t->n;
	row->runs_mean = t->n ? sum / (double)t->n : NAN;
	row->saved = row->full_runs > 0 ? 1 - row->runs_mean / row->full_runs : NAN;
	row->ratio_median = t->n ? t->ratio[t->n / 2] : NAN;
	row->full_ratio = t->n ? t->full_ratio[t->n / 2] : NAN;
	row->reached = t->n ? (double)t->reached / (double)t->n : NAN;
	row->cover_full = t->n ? (double)t->cover_full / (double)t->n : NAN;
	row->cover_truth = t->n && isfinite(row->truth) ? (double)t->cover_truth / (double)t->n : NAN;
	row->cover_truth_plain = t->n && isfinite(row->truth) ? (double)t->cover_plain / (double)t->n : NAN;
}

/* The p50 fit of a full sweep from per-task counts. */
static void full_fit(const hz_adaptive_task *tasks, size_t n, const double *n1, const double *n0, double lambda,
		     hz_fit_lik *out, double *x)
{
	for (size_t i = 0; i < n; i++)
		x[i] = log2(tasks[i].minutes);
	if (hz_fit_lik_horizon(x, n1, n0, n, lambda, 50, out) != 0)
		out->estimate = out->low = out->high = NAN;
}

/* ---- replay ---- */

typedef struct replay {
	hz_adaptive_task *tasks;
	size_t ntasks;
	double **scores;      /* per task: its logged scores */
	int *count;
	size_t *perm;         /* per task (offset by first[]): the order for this sweep */
	size_t *first;
	uint64_t seed;
} replay;

static int replay_outcome(void *ud, size_t task, int repeat, double *score, double *cost)
{
	replay *r = ud;

	*cost = 0;
	if (repeat < 1 || repeat > r->count[task])
		return hz_error_set(HZ_ERROR, "task '%s' has no logged run #%d", r->tasks[task].id, repeat);
	*score = r->scores[task][r->perm[r->first[task] + (size_t)repeat - 1]];
	return 0;
}

/* The order in which sweep `seed` meets a task's logged runs: by a hash of (seed, task, index). */
static void shuffle(replay *r)
{
	for (size_t t = 0; t < r->ntasks; t++) {
		size_t *p = r->perm + r->first[t];
		uint64_t key[64];
		int k = r->count[t] < 64 ? r->count[t] : 64;
		for (int i = 0; i < r->count[t]; i++) {
			unsigned long long mix[3] = { (unsigned long long)r->seed, t, (unsigned long long)i };
			p[i] = (size_t)i;
			if (i < k)
				key[i] = hz_hash64(mix, sizeof(mix));
		}
		for (int i = 1; i < k; i++) /* insertion sort by key: few runs per task */
			for (int j = i; j > 0 && key[j] < key[j - 1]; j--) {
				uint64_t tk = key[j];
				size_t tp = p[j];
				key[j] = key[j - 1];
				p[j] = p[j - 1];
				key[j - 1] = tk;
				p[j - 1] = tp;
			}
	}
}

static void replay_release(replay *r)
{
	for (size_t t = 0; r->scores && t < r->ntasks; t++)
		free(r->scores[t]);
	free(r->scores);
	free(r->tasks);
	free(r->count);
	free(r->perm);
	free(r->first);
}

/* The agent's tasks (in first-seen order) and their logged scores. */
static int replay_build(replay *r, const hz_fit_run *runs, size_t nruns)
{
	size_t total = 0;

	memset(r, 0, sizeof(*r));
	r->tasks = calloc(nruns, sizeof(*r->tasks));
	r->scores = calloc(nruns, sizeof(*r->scores));
	r->count = calloc(nruns, sizeof(int));
	r->first = calloc(nruns, sizeof(size_t));
	r->perm = calloc(nruns, sizeof(size_t));
	if (!r->tasks || !r->scores || !r->count || !r->first || !r->perm)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	for (size_t i = 0; i < nruns; i++) {
		size_t t;
		for (t = 0; t < r->ntasks && strcmp(r->tasks[t].id, runs[i].task_id); t++)
			;
		if (t == r->ntasks) {
			r->tasks[t].id = runs[i].task_id;
			r->tasks[t].family = runs[i].family;
			r->tasks[t].minutes = runs[i].minutes;
			if (!(r->scores[t] = calloc(nruns, sizeof(double))))
				return hz_error_set(HZ_ENOMEM, "out of memory");
			r->ntasks++;
		}
		r->scores[t][r->count[t]++] = runs[i].score;
	}
	for (size_t t = 0; t < r->ntasks; t++) {
		r->first[t] = total;
		r->tasks[t].max_repeats = r->count[t];
		total += (size_t)r->count[t];
	}
	return 0;
}

int hz_adaptive_sim_replay(const char *alias, const hz_fit_run *runs, size_t nruns, const hz_adaptive_sim_opts *o,
			   hz_adaptive_sim_row *row)
{
	replay r;
	tally t;
	hz_adaptive_opts d = o->design;
	hz_fit_lik full;
	double *n1 = NULL, *n0 = NULL, *x = NULL;
	int rc, maxc = 1;

	memset(row, 0, sizeof(*row));
	row->truth = NAN;
	if ((rc = replay_build(&r, runs, nruns)) != 0 || (rc = tally_init(&t, o->sweeps)) != 0)
		goto done;
	if (!(row->agent = strdup(alias)) || !(n1 = calloc(r.ntasks + 1, sizeof(double))) ||
	    !(n0 = calloc(r.ntasks + 1, sizeof(double))) || !(x = calloc(r.ntasks + 1, sizeof(double)))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < r.ntasks; i++) {
		for (int j = 0; j < r.count[i]; j++) {
			n1[i] += r.scores[i][j];
			n0[i] += 1 - r.scores[i][j];
		}
		maxc = r.count[i] > maxc ? r.count[i] : maxc;
	}
	full_fit(r.tasks, r.ntasks, n1, n0, d.lambda, &full, x);
	row->ntasks = r.ntasks;
	row->full_runs = (double)nruns;
	row->full_estimate = full.estimate;
	d.max_repeats = maxc; /* each task's own cap is its logged runs */
	if (r.ntasks < 2) {
		rc = hz_error_set(HZ_EUSAGE, "agent '%s' has runs of %zu task: replay needs at least 2", alias, r.ntasks);
		goto done;
	}
	for (size_t s = 0; s < o->sweeps; s++) {
		hz_adaptive *ad = NULL;
		hz_adaptive_state st;
		d.seed = o->design.seed + s;
		r.seed = d.seed;
		if (o->match_full)
			d.target_ci = ratio_of(&full) > 1 && isfinite(ratio_of(&full)) ? ratio_of(&full) : o->design.target_ci;
		shuffle(&r);
		if ((rc = hz_adaptive_new(&ad, r.tasks, r.ntasks, &d)) != 0 ||
		    (rc = hz_adaptive_drive(ad, replay_outcome, &r)) != 0) {
			hz_adaptive_free(ad);
			goto done;
		}
		hz_adaptive_get_state(ad, &st);
		add(&t, &st, full.estimate, ratio_of(&full), NAN);
		hz_adaptive_free(ad);
	}
	finish(&t, row);
done:
	free(n1);
	free(n0);
	free(x);
	tally_release(&t);
	replay_release(&r);
	return rc;
}

/* ---- sim agents ---- */

typedef struct simctx {
	const hz_sim_model *m;
	const char *alias;
	const hz_adaptive_task *tasks;
	uint64_t seed;
} simctx;

static int sim_outcome(void *ud, size_t task, int repeat, double *score, double *cost)
{
	const simctx *c = ud;

	*score = hz_sim_success(c->m, c->alias, c->seed, c->tasks[task].id, c->tasks[task].minutes, repeat);
	*cost = 0;
	return 0;
}

int hz_adaptive_sim_agent(const hz_sim_model *m, const char *name, const hz_adaptive_task *tasks, size_t ntasks,
			  const hz_adaptive_sim_opts *o, hz_adaptive_sim_row *row)
{
	tally t;
	hz_adaptive_opts d = o->design;
	int full_rep = o->full_repeats > 0 ? o->full_repeats : HZ_ADAPTIVE_FULL_REPEATS;
	double *n1 = calloc(ntasks + 1, sizeof(double)), *n0 = calloc(ntasks + 1, sizeof(double));
	double *x = calloc(ntasks + 1, sizeof(double)), est_sum = 0;
	size_t nest = 0;
	int rc;

	memset(row, 0, sizeof(*row));
	if ((rc = tally_init(&t, o->sweeps)) != 0)
		goto done;
	if (!n1 || !n0 || !x || !(row->agent = strdup(name))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	row->is_sim = 1;
	row->truth = m->h50;
	row->ntasks = ntasks;
	row->full_runs = (double)ntasks * full_rep;
	for (size_t s = 0; s < o->sweeps; s++) {
		simctx c = { m, name, tasks, o->design.seed + s };
		hz_adaptive *ad = NULL;
		hz_adaptive_state st;
		hz_fit_lik full;
		for (size_t i = 0; i < ntasks; i++) {
			n1[i] = n0[i] = 0;
			for (int r = 1; r <= full_rep; r++)
				*(hz_sim_success(m, name, c.seed, tasks[i].id, tasks[i].minutes, r) ? &n1[i] : &n0[i]) += 1;
		}
		full_fit(tasks, ntasks, n1, n0, d.lambda, &full, x);
		if (isfinite(full.estimate)) {
			est_sum += full.estimate;
			nest++;
		}
		d.seed = c.seed;
		if (o->match_full)
			d.target_ci = ratio_of(&full) > 1 && isfinite(ratio_of(&full)) ? ratio_of(&full) : o->design.target_ci;
		if ((rc = hz_adaptive_new(&ad, tasks, ntasks, &d)) != 0 || (rc = hz_adaptive_drive(ad, sim_outcome, &c)) != 0) {
			hz_adaptive_free(ad);
			goto done;
		}
		hz_adaptive_get_state(ad, &st);
		add(&t, &st, full.estimate, ratio_of(&full), m->h50);
		row->cover_truth_full += covers(&full, m->h50);
		hz_adaptive_free(ad);
	}
	row->full_estimate = nest ? est_sum / (double)nest : NAN;
	finish(&t, row);
	row->cover_truth_full = t.n ? row->cover_truth_full / (double)t.n : NAN;
done:
	free(n1);
	free(n0);
	free(x);
	tally_release(&t);
	return rc;
}
