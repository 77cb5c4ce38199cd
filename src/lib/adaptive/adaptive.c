/*
 * The adaptive design's selection rule (docs/adaptive.md).
 *
 * Batch 1 spreads over the catalogue: the tasks sorted by length are cut into
 * `initial` bins of equal count and one task is taken from each, preferring
 * families the batch has not used yet (ties broken by a hash of the seed and
 * the task id).  Every later batch refits the agent and chooses runs one at a
 * time by the expected relative drop of the variance of log2 p50 and log2
 * p80 (weight w80), a c-optimal design criterion: with the current fit's
 * information matrix M and a run at x with success probability q, the
 * variance of log2 h_p = (L_p - b)/a falls in proportion to
 *
 *     s (v' M^-1 u)^2 / (1 + s u' M^-1 u),   u = (x, 1), v = (log2 h_p, 1), s = q (1 - q)
 *
 * (Sherman-Morrison).  The score is discounted by 1/sqrt(1 + runs of the task)
 * and 1/sqrt(1 + runs of its family / mean runs per family), so that the
 * design spreads over tasks and families, and M is updated after each pick.
 * The fit that guides the choice has half a success below the shortest task
 * and half a failure above the longest, so that it is finite from the first
 * batch on (all successes push the next runs longer, all failures shorter).
 * The interval that decides when to stop is the profile-likelihood interval
 * of the real runs only.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adaptive_internal.h"
#include "horizon/error.h"
#include "strutil.h"

static uint64_t tie_hash(uint64_t seed, const char *id)
{
	char buf[512];
	int n = snprintf(buf, sizeof(buf), "%llu/%s", (unsigned long long)seed, id);

	return hz_hash64(buf, n < 0 ? 0 : (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

void hz_adaptive_free(hz_adaptive *ad)
{
	if (!ad)
		return;
	for (size_t i = 0; i < ad->nbatches; i++) {
		free(ad->batches[i].picks);
		free(ad->batches[i].outcome);
	}
	free(ad->batches);
	free(ad->tasks);
	free(ad->x);
	free(ad->n1);
	free(ad->n0);
	free(ad->runs);
	free(ad->pend);
	free(ad->maxrep);
	free(ad->fam);
	free(ad->fam_runs);
	free(ad->order);
	free(ad);
}

static int check_opts(const hz_adaptive_opts *o)
{
	if (!(o->target_ci > 1) || !isfinite(o->target_ci))
		return hz_error_set(HZ_EUSAGE, "the target interval ratio must be a number above 1, not %g", o->target_ci);
	if (o->initial < 2 || o->batch < 1)
		return hz_error_set(HZ_EUSAGE, "the first batch needs at least 2 runs and later ones at least 1");
	if (o->calibrate > 100000)
		return hz_error_set(HZ_EUSAGE, "calibration replays must be at most 100000, not %zu", o->calibrate);
	if (o->confirm < 0 || o->confirm > 100)
		return hz_error_set(HZ_EUSAGE, "confirm must be from 0 to 100 refits, not %d", o->confirm);
	if (o->max_repeats < 1)
		return hz_error_set(HZ_EUSAGE, "repeats per task must be at least 1");
	if (!(o->budget_usd >= 0) || !(o->lambda >= 0) || !(o->w80 >= 0))
		return hz_error_set(HZ_EUSAGE, "budget, penalty and p80 weight must not be negative");
	return 0;
}

static int by_length(const void *pa, const void *pb, void *ud)
{
	const hz_adaptive *ad = ud;
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;

	if (ad->x[a] != ad->x[b])
		return ad->x[a] < ad->x[b] ? -1 : 1;
	return strcmp(ad->tasks[a].id, ad->tasks[b].id);
}

int hz_adaptive_new(hz_adaptive **out, const hz_adaptive_task *tasks, size_t n, const hz_adaptive_opts *o)
{
	hz_adaptive *ad;
	int rc;

	*out = NULL;
	if ((rc = check_opts(o)) != 0)
		return rc;
	if (n < 2)
		return hz_error_set(HZ_EUSAGE, "an adaptive sweep needs at least 2 tasks, not %zu", n);
	if (!(ad = calloc(1, sizeof(*ad))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	ad->o = *o;
	ad->ntasks = n;
	ad->tasks = calloc(n, sizeof(*ad->tasks));
	ad->x = calloc(n + 2, sizeof(double));
	ad->n1 = calloc(n + 2, sizeof(double));
	ad->n0 = calloc(n + 2, sizeof(double));
	ad->runs = calloc(n, sizeof(int));
	ad->pend = calloc(n, sizeof(int));
	ad->maxrep = calloc(n, sizeof(int));
	ad->fam = calloc(n, sizeof(size_t));
	ad->fam_runs = calloc(n, sizeof(double));
	ad->order = calloc(n, sizeof(size_t));
	if (!ad->tasks || !ad->x || !ad->n1 || !ad->n0 || !ad->runs || !ad->pend || !ad->maxrep || !ad->fam ||
	    !ad->fam_runs || !ad->order) {
		hz_adaptive_free(ad);
		return hz_error_set(HZ_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		const hz_adaptive_task *t = &tasks[i];
		size_t f;
		if (!t->id || !t->family || !(t->minutes > 0) || !isfinite(t->minutes)) {
			hz_adaptive_free(ad);
			return hz_error_set(HZ_EINVALID, "task %zu ('%s') needs an id, a family and positive minutes", i + 1,
					    t->id ? t->id : "?");
		}
		ad->tasks[i] = *t;
		ad->x[i] = log2(t->minutes);
		ad->maxrep[i] = t->max_repeats > 0 && t->max_repeats < o->max_repeats ? t->max_repeats : o->max_repeats;
		for (f = 0; f < i && strcmp(tasks[f].family, t->family); f++)
			;
		ad->fam[i] = f < i ? ad->fam[f] : ad->nfam++;
		ad->order[i] = i;
	}
	qsort_r(ad->order, n, sizeof(size_t), by_length, ad);
	ad->xmin = ad->x[ad->order[0]];
	ad->xmax = ad->x[ad->order[n - 1]];
	/* The guide's pseudo-runs (see the top of the file). */
	ad->x[n] = ad->xmin - 1;
	ad->n1[n] = 0.5;
	ad->x[n + 1] = ad->xmax + 1;
	ad->n0[n + 1] = 0.5;
	adaptive_refit(ad);
	*out = ad;
	return 0;
}

void adaptive_refit(hz_adaptive *ad)
{
	int narrow;

	if (hz_fit_lik_horizon(ad->x, ad->n1, ad->n0, ad->ntasks, ad->o.lambda, 50, &ad->p50) ||
	    (!ad->replay && hz_fit_lik_horizon(ad->x, ad->n1, ad->n0, ad->ntasks, ad->o.lambda, 80, &ad->p80))) {
		/* no run yet */
		ad->p50.estimate = ad->p50.low = ad->p50.high = ad->p50.a = ad->p50.b = NAN;
		ad->p80 = ad->p50;
	}
	narrow = ad->p50.low > 0 && isfinite(ad->p50.high) && ad->p50.high / ad->p50.low <= ad->o.target_ci;
	ad->at_target = ad->nruns && narrow ? ad->at_target + 1 : 0;
}

static int add_pick(hz_adaptive *ad, size_t task, double score, const char *why)
{
	adaptive_batch *b = &ad->batches[ad->nbatches - 1];
	hz_adaptive_pick *p = &b->picks[b->npicks];

	p->task = task;
	p->repeat = ad->runs[task] + ad->pend[task] + 1;
	p->score = score;
	snprintf(p->why, sizeof(p->why), "%s", why);
	b->outcome[b->npicks] = NAN;
	b->npicks++;
	ad->pend[task]++;
	ad->fam_runs[ad->fam[task]] += 1;
	ad->pending++;
	return 0;
}

static void initial_spread(hz_adaptive *ad, size_t k)
{
	char lo[32], hi[32], why[200];
	unsigned char *used = calloc(ad->nfam, 1);

	for (size_t j = 0; j < k; j++) {
		size_t a = j * ad->ntasks / k, e = (j + 1) * ad->ntasks / k, best = a;
		uint64_t bh = UINT64_MAX;
		int bused = 2;
		for (size_t i = a; i < e; i++) {
			size_t t = ad->order[i];
			uint64_t h = tie_hash(ad->o.seed, ad->tasks[t].id);
			int u = used ? used[ad->fam[t]] : 0;
			if (u < bused || (u == bused && h < bh)) {
				best = i;
				bh = h;
				bused = u;
			}
		}
		if (used)
			used[ad->fam[ad->order[best]]] = 1;
		hz_fmt_minutes(ad->tasks[ad->order[a]].minutes, lo, sizeof(lo));
		hz_fmt_minutes(ad->tasks[ad->order[e - 1]].minutes, hi, sizeof(hi));
		snprintf(why, sizeof(why), "initial spread: length bin %zu of %zu (%s to %s)", j + 1, k, lo, hi);
		add_pick(ad, ad->order[best], 0, why);
	}
	free(used);
}

/* v' A u for the symmetric 2x2 inverse stored as (i00, i01, i11). */
static double quad(const double inv[3], double v0, double v1, double u0, double u1)
{
	return v0 * (inv[0] * u0 + inv[1] * u1) + v1 * (inv[1] * u0 + inv[2] * u1);
}

static void invert(const double m[3], double inv[3])
{
	double det = m[0] * m[2] - m[1] * m[1];

	inv[0] = m[2] / det;
	inv[1] = -m[1] / det;
	inv[2] = m[0] / det;
}

static double sig(double z)
{
	return z >= 0 ? 1.0 / (1.0 + exp(-z)) : exp(z) / (1.0 + exp(z));
}

/* How much a task's repeats and a family's runs discount a candidate's score (see the top of the file). */
#define REPEAT_DISCOUNT 0.03
#define FAMILY_DISCOUNT 0.03

/* The 2x2 information matrix (m00, m01, m11) of the logistic fit (a, b) over the first n points, plus lambda on a. */
static void info_matrix(const hz_adaptive *ad, size_t n, double a, double b, double m[3])
{
	m[0] = ad->o.lambda + 1e-9;
	m[1] = 0;
	m[2] = 1e-9;
	for (size_t i = 0; i < n; i++) {
		double nt = ad->n1[i] + ad->n0[i], q = sig(a * ad->x[i] + b), s = nt * q * (1 - q);
		m[0] += s * ad->x[i] * ad->x[i];
		m[1] += s * ad->x[i];
		m[2] += s;
	}
}

static void informative(hz_adaptive *ad, size_t k)
{
	hz_fit_lik g;
	double a, b, m[3], inv[3], th[2], sd50;
	/* three-point Gauss-Hermite quadrature of a normal: nodes in standard deviations, weights */
	static const double node[3] = { -1.7320508075688772, 0, 1.7320508075688772 }, nw[3] = { 1.0 / 6, 2.0 / 3, 1.0 / 6 };
	const double logit[2] = { 0, log(4.0) }, wt[2] = { 1, ad->o.w80 };
	char e50[32], e80[32], at[32], why[200];
	size_t total = 0;

	/* The guide: the real runs plus the two pseudo-runs. */
	hz_fit_lik_horizon(ad->x, ad->n1, ad->n0, ad->ntasks + 2, ad->o.lambda, 50, &g);
	a = g.a;
	b = g.b;
	if (!(a < 0) || !isfinite(b)) { /* no decreasing trend yet: a typical slope through the middle */
		a = -0.7;
		b = 0.7 * 0.5 * (ad->xmin + ad->xmax);
	}
	info_matrix(ad, ad->ntasks + 2, a, b, m);
	for (size_t i = 0; i < ad->ntasks; i++)
		total += (size_t)ad->runs[i];
	hz_fmt_minutes(exp2(-b / a), e50, sizeof(e50));
	hz_fmt_minutes(exp2((logit[1] - b) / a), e80, sizeof(e80));
	for (int p = 0; p < 2; p++)
		th[p] = (logit[p] - b) / a;
	/* x50's standard deviation under the guide: the criterion is averaged over it (see the top of the file) */
	invert(m, inv);
	sd50 = sqrt(fmax(quad(inv, th[0], 1, th[0], 1), 0)) / fabs(a);
	sd50 = fmin(sd50, 0.5 * (ad->xmax - ad->xmin) + 1);
	for (size_t pick = 0; pick < k; pick++) {
		double best = -1, bgain[2] = { 0, 0 }, fam_mean = (double)(total + pick) / (double)ad->nfam;
		size_t bt = ad->ntasks;
		uint64_t bh = 0;
		invert(m, inv);
		for (size_t t = 0; t < ad->ntasks; t++) {
			double d, score = 0, gain[2] = { 0, 0 }, pen;
			uint64_t h;
			if (ad->runs[t] + ad->pend[t] >= ad->maxrep[t])
				continue;
			d = quad(inv, ad->x[t], 1, ad->x[t], 1);
			for (int nd = 0; nd < 3; nd++) {
				double dx = node[nd] * sd50, q = sig(a * ad->x[t] + b - a * dx), s = q * (1 - q);
				for (int p = 0; p < 2; p++) {
					double tp = th[p] + dx, c = quad(inv, tp, 1, ad->x[t], 1);
					double gn = s * c * c / (1 + s * d) / quad(inv, tp, 1, tp, 1);
					gain[p] += nw[nd] * gn;
					score += nw[nd] * wt[p] * gn;
				}
			}
			pen = 1.0 / (1.0 + REPEAT_DISCOUNT * (ad->runs[t] + ad->pend[t])) /
			      (1.0 + FAMILY_DISCOUNT * ad->fam_runs[ad->fam[t]] / (fam_mean > 1 ? fam_mean : 1));
			score *= pen;
			h = tie_hash(ad->o.seed, ad->tasks[t].id);
			if (score > best || (score == best && h < bh)) {
				best = score;
				bt = t;
				bh = h;
				bgain[0] = gain[0];
				bgain[1] = gain[1];
			}
		}
		if (bt == ad->ntasks)
			break; /* every task has had its repeats */
		{
			double q = sig(a * ad->x[bt] + b), s = q * (1 - q);
			m[0] += s * ad->x[bt] * ad->x[bt];
			m[1] += s * ad->x[bt];
			m[2] += s;
			hz_fmt_minutes(ad->tasks[bt].minutes, at, sizeof(at));
			snprintf(why, sizeof(why),
				 "p=%.2f at %s under the guide fit (p50 %s, p80 %s); variance drop p50 %.1f%%, "
				 "p80 %.1f%%", q, at, e50, e80, 100 * bgain[0], 100 * bgain[1]);
		}
		add_pick(ad, bt, best, why);
	}
}

static const char *stop_reason(const hz_adaptive *ad)
{
	size_t left = 0;

	if (ad->at_target >= (ad->o.confirm > 0 ? ad->o.confirm : 1))
		return "target";
	if (ad->o.max_runs && ad->nruns >= ad->o.max_runs)
		return "max-runs";
	if (ad->o.budget_usd > 0 && ad->cost >= ad->o.budget_usd)
		return "budget";
	for (size_t t = 0; t < ad->ntasks; t++)
		left += (size_t)(ad->maxrep[t] - ad->runs[t]);
	return left ? NULL : "exhausted";
}

int hz_adaptive_next(hz_adaptive *ad, const hz_adaptive_pick **picks, size_t *n)
{
	adaptive_batch *b;
	size_t k;

	*picks = NULL;
	*n = 0;
	if (ad->pending)
		return hz_error_set(HZ_EUSAGE, "%zu runs of batch %zu have no outcome yet", ad->pending, ad->nbatches);
	if (ad->stop)
		return 0;
	if ((ad->stop = stop_reason(ad)) != NULL)
		return adaptive_calibrate(ad);
	k = ad->nbatches ? ad->o.batch : ad->o.initial < ad->ntasks ? ad->o.initial : ad->ntasks;
	if (ad->o.max_runs && k > ad->o.max_runs - ad->nruns)
		k = ad->o.max_runs - ad->nruns;
	if (ad->o.budget_usd > 0 && ad->cost > 0) {
		/* as many runs as the budget left pays for at the mean cost so far, at least one */
		double per = ad->cost / (double)ad->nruns, left = (ad->o.budget_usd - ad->cost) / per;
		if (left < (double)k)
			k = left >= 1 ? (size_t)left : 1;
	}
	if (ad->nbatches == ad->capbatches) {
		size_t cap = ad->capbatches ? 2 * ad->capbatches : 16;
		void *p = realloc(ad->batches, cap * sizeof(*ad->batches));
		if (!p)
			return hz_error_set(HZ_ENOMEM, "out of memory");
		ad->batches = p;
		ad->capbatches = cap;
	}
	b = &ad->batches[ad->nbatches];
	memset(b, 0, sizeof(*b));
	b->runs_before = ad->nruns;
	b->cost_before = ad->cost;
	b->p50 = ad->p50;
	b->p80 = ad->p80;
	if (!(b->picks = calloc(k, sizeof(*b->picks))) || !(b->outcome = calloc(k, sizeof(double)))) {
		free(b->picks);
		return hz_error_set(HZ_ENOMEM, "out of memory");
	}
	ad->nbatches++;
	if (ad->nbatches == 1)
		initial_spread(ad, k);
	else
		informative(ad, k);
	if (b->npicks == 0) {
		ad->stop = "exhausted";
		return adaptive_calibrate(ad);
	}
	*picks = b->picks;
	*n = b->npicks;
	return 0;
}

/* The pending pick of `task` in the current batch, or NULL. */
static size_t pending_pick(const hz_adaptive *ad, size_t task)
{
	const adaptive_batch *b = ad->nbatches ? &ad->batches[ad->nbatches - 1] : NULL;
	size_t i;

	for (i = 0; b && i < b->npicks && !(b->picks[i].task == task && isnan(b->outcome[i])); i++)
		;
	return b ? i : 0;
}

static int settle(hz_adaptive *ad, size_t task, double outcome, double cost_usd)
{
	adaptive_batch *b = ad->nbatches ? &ad->batches[ad->nbatches - 1] : NULL;
	size_t i = pending_pick(ad, task);

	if (!b || i == b->npicks)
		return hz_error_set(HZ_EUSAGE, "task %zu has no run waiting for an outcome in this batch", task);
	b->outcome[i] = outcome;
	ad->pend[task]--;
	ad->runs[task]++;
	ad->nruns++;
	ad->cost += cost_usd > 0 ? cost_usd : 0;
	if (outcome >= 0) {
		ad->n1[task] += outcome;
		ad->n0[task] += 1 - outcome;
	} else {
		ad->nlost++;
	}
	if (--ad->pending == 0)
		adaptive_refit(ad);
	return 0;
}

int hz_adaptive_record(hz_adaptive *ad, size_t task, double score, double cost_usd)
{
	if (!(score >= 0 && score <= 1))
		return hz_error_set(HZ_EINVALID, "a score must be from 0 to 1, not %g", score);
	return settle(ad, task, score, cost_usd);
}

int hz_adaptive_lost(hz_adaptive *ad, size_t task, double cost_usd)
{
	return settle(ad, task, ADAPTIVE_LOST, cost_usd);
}

void hz_adaptive_get_state(const hz_adaptive *ad, hz_adaptive_state *st)
{
	st->runs = ad->nruns;
	st->lost = ad->nlost;
	st->batches = ad->nbatches;
	st->cost_usd = ad->cost;
	st->p50 = ad->p50;
	st->p80 = ad->p80;
	st->stop = ad->stop;
	st->calibrated = ad->calibrated;
	st->crit50 = ad->crit50;
	st->crit80 = ad->crit80;
	st->p50_lr = ad->stop ? ad->p50_lr : ad->p50;
	st->p80_lr = ad->stop ? ad->p80_lr : ad->p80;
}

int hz_adaptive_drive(hz_adaptive *ad, hz_adaptive_outcome_fn fn, void *ud)
{
	for (;;) {
		const hz_adaptive_pick *p;
		size_t n;
		int rc;
		if ((rc = hz_adaptive_next(ad, &p, &n)) != 0)
			return rc;
		if (n == 0)
			return 0;
		for (size_t i = 0; i < n; i++) {
			double y, cost = 0;
			if ((rc = fn(ud, p[i].task, p[i].repeat, &y, &cost)) != 0 ||
			    (rc = hz_adaptive_record(ad, p[i].task, y, cost)) != 0)
				return rc;
		}
	}
}
