/*
 * hz_fit_runs: the whole fit from run logs.  Reads the inputs into the run
 * table, settles weights and release dates, fits every agent on the full data,
 * runs the bootstrap, takes METR's CIs and hands the result to the trend.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fit_cost.h"
#include "fit_design.h"
#include "fit_math.h"
#include "fit_method.h"
#include "fit_release.h"
#include "fit_result.h"
#include "fit_strtab.h"
#include "fit_table.h"
#include "horizon/error.h"
#include "fsutil.h"
#include "strutil.h"

static int check_opts(const hz_fit_opts *o)
{
	if (o->nsuccess < 1 || o->nsuccess > HZ_FIT_MAX_PERCENTS)
		return hz_error_set(HZ_EUSAGE, "between 1 and %d success percents are needed", HZ_FIT_MAX_PERCENTS);
	for (size_t k = 0; k < o->nsuccess; k++)
		if (!(o->success_percents[k] > 0 && o->success_percents[k] < 100))
			return hz_error_set(HZ_EUSAGE, "success percent %g must be strictly between 0 and 100",
					    o->success_percents[k]);
	if (!(o->regularization >= 0) || !isfinite(o->regularization))
		return hz_error_set(HZ_EUSAGE, "regularization must be a number >= 0");
	if ((unsigned)o->method > HZ_FIT_METHOD_METR2026)
		return hz_error_set(HZ_EUSAGE, "unknown method version %d", (int)o->method);
	if (o->score_col && strcmp(o->score_col, "score_binarized") && strcmp(o->score_col, "score_cont") &&
	    strcmp(o->score_col, "score"))
		return hz_error_set(HZ_EUSAGE, "score column '%s' is not one of score_binarized, score_cont, score",
				    o->score_col);
	if ((uint64_t)o->seed + o->bootstrap > (uint64_t)UINT32_MAX + 1)
		return hz_error_set(HZ_EUSAGE, "seed + bootstrap samples must stay below 2^32 (numpy seeds)");
	if (!(o->budget_usd >= 0) || !(o->budget_tokens >= 0) || !(o->budget_minutes >= 0))
		return hz_error_set(HZ_EUSAGE, "budgets must be numbers >= 0");
	if (!(o->length_noise_sd >= 0) || !isfinite(o->length_noise_sd) || !(o->simex_sd >= 0) || !isfinite(o->simex_sd))
		return hz_error_set(HZ_EUSAGE, "length noise SDs must be numbers >= 0");
	if (o->after_days >= o->before_days)
		return hz_error_set(HZ_EUSAGE, "the trend window is empty (after must be before 'before')");
	return 0;
}

static int ncpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

typedef struct order_ctx {
	const fit_table *t;
	const long *days;
} order_ctx;

static int cmp_agents(const void *pa, const void *pb, void *ctx)
{
	const order_ctx *c = ctx;
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	const char *sa = c->t->aliases.str[a], *sb = c->t->aliases.str[b];
	int ha = !strcmp(sa, "human"), hb = !strcmp(sb, "human");

	if (ha != hb)
		return ha - hb; /* the human baseline last */
	if (c->days[a] != c->days[b])
		return c->days[a] < c->days[b] ? -1 : 1;
	return strcmp(sa, sb);
}

/* Release dates: the file's, else the records' own; LONG_MAX when unknown. */
static int settle_dates(hz_fit *fit, const fit_table *t, const fit_release_dates *rd, long *days,
			const char **text)
{
	for (size_t a = 0; a < t->aliases.n; a++) {
		uint32_t id = rd->days ? fit_strtab_find(&rd->names, t->aliases.str[a]) : FIT_NONE;
		char buf[11];
		days[a] = LONG_MAX;
		text[a] = NULL;
		if (id != FIT_NONE) {
			days[a] = rd->days[id];
		} else if (t->meta[a].release_date) {
			if (hz_parse_date(t->meta[a].release_date, &days[a]) < 0)
				days[a] = LONG_MAX;
		}
		if (days[a] != LONG_MAX) {
			hz_fmt_date(days[a], buf);
			if (!(text[a] = fit_keep(fit, buf)))
				return hz_error_set(HZ_ENOMEM, "out of memory");
		}
	}
	return 0;
}

/* Per-agent counts, sums and log-spaced success bins (buckets [4^k, 4^(k+1)) minutes). */
static int summarise(hz_fit *fit, const fit_table *t, const fit_design *d, const double *w, const uint32_t *order)
{
	size_t nal = t->aliases.n, nbk;
	int kmin = 1 << 20, kmax = -(1 << 20);
	double *acc = NULL;  /* per agent: runs, succ, sw, swy, tok x4, tokn x4 */
	double *bk = NULL;   /* per agent and bucket: runs, succ, sw, swy */
	uint32_t *stamp = NULL;
	int err = 0;

	for (size_t i = 0; i < t->n; i++) {
		int k = (int)floor(t->x[i] / 2.0);
		kmin = k < kmin ? k : kmin;
		kmax = k > kmax ? k : kmax;
	}
	nbk = (size_t)(kmax - kmin + 1);
	acc = calloc(nal * 12, sizeof(*acc));
	bk = calloc(nal * nbk * 4, sizeof(*bk));
	stamp = malloc((t->families.n + 1) * sizeof(*stamp));
	fit->bin0 = calloc(fit->nagents + 1, sizeof(*fit->bin0));
	fit->bins = calloc(nal * nbk + 1, sizeof(*fit->bins));
	if (!acc || !bk || !stamp || !fit->bin0 || !fit->bins) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < t->n; i++) {
		double *A = acc + t->alias[i] * 12, *B;
		int k = (int)floor(t->x[i] / 2.0);
		A[0] += 1;
		A[1] += t->y[i];
		A[2] += w[i];
		A[3] += w[i] * t->y[i];
		for (int j = 0; j < 4 && t->tok_idx[i] != FIT_NONE; j++)
			if (!isnan(t->tok[4 * (size_t)t->tok_idx[i] + j])) {
				A[4 + j] += t->tok[4 * (size_t)t->tok_idx[i] + j];
				A[8 + j] += 1;
			}
		B = bk + (t->alias[i] * nbk + (size_t)(k - kmin)) * 4;
		B[0] += 1;
		B[1] += t->y[i];
		B[2] += w[i];
		B[3] += w[i] * t->y[i];
	}
	for (size_t o = 0; o < fit->nagents; o++) {
		hz_fit_agent *ag = &fit->agents[o];
		uint32_t a = order[o];
		const double *A = acc + a * 12;
		size_t nb = fit->bin0[o];
		ag->runs = (size_t)A[0];
		ag->successes = A[1];
		ag->weighted_success_rate = A[2] > 0 ? A[3] / A[2] : NAN;
		ag->input_tokens = A[8] > 0 ? A[4] : NAN;
		ag->output_tokens = A[9] > 0 ? A[5] : NAN;
		ag->total_tokens = A[10] > 0 ? A[6] : NAN;
		ag->cost_usd = A[11] > 0 ? A[7] : NAN;
		for (size_t k = 0; k < nbk; k++) {
			const double *B = bk + (a * nbk + k) * 4;
			hz_fit_bin *b = &fit->bins[nb];
			if (B[0] == 0)
				continue;
			b->lo = pow(4.0, (double)((int)k + kmin));
			b->hi = b->lo * 4.0;
			b->runs = (size_t)B[0];
			b->successes = B[1];
			b->weighted_rate = B[2] > 0 ? B[3] / B[2] : NAN;
			nb++;
		}
		fit->bin0[o + 1] = nb;
		ag->bins = &fit->bins[fit->bin0[o]];
		ag->nbins = nb - fit->bin0[o];
	}
	/* distinct tasks and families from the task|||alias keys */
	memset(stamp, 0xff, (t->families.n + 1) * sizeof(*stamp));
	for (size_t o = 0; o < fit->nagents; o++) {
		uint32_t a = order[o];
		for (size_t k = 0; k < d->nkeys; k++) {
			uint32_t r = d->key_rows[d->key_r0[k]], f;
			if (t->alias[r] != a)
				continue;
			fit->agents[o].tasks++;
			f = t->task_family[d->key_task[k]];
			if (stamp[f] != a) {
				stamp[f] = a;
				fit->agents[o].families++;
			}
		}
	}
done:
	free(acc);
	free(bk);
	free(stamp);
	return err;
}

/* Full-data fits (METHOD sections 3-4) for every agent, in output order. */
static int point_fits(hz_fit *fit, const fit_table *t, const fit_design *d, const double *w, const uint32_t *order,
		      const double *lambda)
{
	size_t np = fit->opts.nsuccess;
	double *w1 = calloc(d->npoints + 1, sizeof(*w1)), *w0 = calloc(d->npoints + 1, sizeof(*w0));
	double *ymin = malloc((t->aliases.n + 1) * sizeof(*ymin)), *ymax = malloc((t->aliases.n + 1) * sizeof(*ymax));
	int err = 0;

	if (!w1 || !w0 || !ymin || !ymax) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t a = 0; a < t->aliases.n; a++) {
		ymin[a] = INFINITY;
		ymax[a] = -INFINITY;
	}
	for (size_t i = 0; i < t->n; i++) {
		w1[d->point[i]] += w[i] * t->y[i];
		w0[d->point[i]] += w[i] * (1.0 - t->y[i]);
		ymin[t->alias[i]] = fmin(ymin[t->alias[i]], t->y[i]);
		ymax[t->alias[i]] = fmax(ymax[t->alias[i]], t->y[i]);
	}
	for (size_t o = 0; o < fit->nagents; o++) {
		hz_fit_agent *ag = &fit->agents[o];
		uint32_t a = order[o];
		size_t p0 = d->agent_p0[a], p1 = d->agent_p0[a + 1];
		hz_fit_horizon *h = &fit->horizons[o * np];
		char note[256];
		fit_logit lg;
		ag->slope = ag->intercept = NAN;
		for (size_t k = 0; k < np; k++) {
			h[k].percent = fit->opts.success_percents[k];
			h[k].estimate = h[k].ci_low = h[k].ci_high = NAN;
		}
		if (ag->runs == 0) {
			ag->status = HZ_FIT_NO_SUCCESS;
			ag->note = "no runs left after de-duplication by run_id";
			continue;
		}
		if (ymax[a] == 0) {
			ag->status = HZ_FIT_NO_SUCCESS;
			for (size_t k = 0; k < np; k++)
				h[k].estimate = h[k].ci_low = h[k].ci_high = 0;
			snprintf(note, sizeof(note), "all %zu runs failed: horizon 0, not fitted", ag->runs);
			ag->note = fit_keep(fit, note);
			continue;
		}
		if (ymin[a] == 1) {
			ag->status = HZ_FIT_ALL_SUCCESS;
			snprintf(note, sizeof(note), "all %zu runs succeeded: no finite horizon can be estimated",
				 ag->runs);
			ag->note = fit_keep(fit, note);
			continue;
		}
		fit_logistic(d->px + p0, w1 + p0, w0 + p0, p1 - p0, lambda[a], &lg);
		ag->slope = lg.a;
		ag->intercept = lg.b;
		for (size_t k = 0; k < np; k++)
			h[k].estimate = fit_horizon(lg.a, lg.b, h[k].percent);
		if (!lg.converged) {
			snprintf(note, sizeof(note), "the solver stopped after %d iterations short of |gradient| < 1e-12",
				 lg.iters);
			ag->note = fit_keep(fit, note);
		} else if (lg.a >= 0) {
			snprintf(note, sizeof(note), "slope %.3g >= 0: success does not fall with task length, "
				 "so the horizons are not meaningful", lg.a);
			ag->note = fit_keep(fit, note);
		}
	}
done:
	free(w1);
	free(w0);
	free(ymin);
	free(ymax);
	return err;
}

/* Run the bootstrap and take each agent's CIs; keeps the samples in output order. */
static int bootstrap(hz_fit *fit, const fit_design *d, const uint32_t *order, const hz_fit_opts *opts,
		     const double *lambda)
{
	size_t np = opts->nsuccess, nal = d->nagents, ns = opts->bootstrap;
	double *raw = malloc((ns * nal * np + 1) * sizeof(*raw));
	int err;

	fit->samples = malloc((ns * fit->nagents * np + 1) * sizeof(*fit->samples));
	if (!raw || !fit->samples) {
		free(raw);
		return hz_error_set(HZ_ENOMEM, "out of memory for %zu bootstrap samples", ns);
	}
	err = fit_bootstrap_run(d, opts->success_percents, np, lambda, ns, opts->seed,
				opts->jobs > 0 ? opts->jobs : ncpus(), opts->progress, opts->progress_ud, raw);
	if (err < 0) {
		free(raw);
		return err;
	}
	for (size_t s = 0; s < ns; s++)
		for (size_t o = 0; o < fit->nagents; o++)
			memcpy(&fit->samples[(s * fit->nagents + o) * np], &raw[(s * nal + order[o]) * np],
			       np * sizeof(double));
	free(raw);
	fit->nsamples = ns;
	for (size_t o = 0; o < fit->nagents; o++) {
		if (fit->agents[o].status == HZ_FIT_NO_SUCCESS)
			continue; /* METHOD: never fitted, no bootstrap column, CIs 0 */
		for (size_t k = 0; k < np; k++) {
			hz_fit_horizon *h = &fit->horizons[o * np + k];
			const double *col = &fit->samples[o * np + k];
			size_t stride = fit->nagents * np;
			h->ci_low = fit_nanquantile(col, ns, stride, 0.5 * (1 - 0.95), &h->bootstrap_n);
			h->ci_high = fit_nanquantile(col, ns, stride, 1 - 0.5 * (1 - 0.95), NULL);
		}
	}
	return 0;
}

/*
 * The files' weight columns are per-agent distributions (METHOD section 2:
 * each agent's sum is 1, to ~1e-9 after METR's rounding).  When records were
 * superseded, excluded or merged from several files they no longer are: then
 * the weights are recomputed, with a note.
 */
static int check_weight_sums(hz_fit *fit, const fit_table *t, const double *w, int *recompute)
{
	double *sum = calloc(t->aliases.n + 1, sizeof(*sum));
	int err = 0;

	if (!sum)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	for (size_t i = 0; i < t->n; i++)
		sum[t->alias[i]] += w[i];
	for (size_t a = 0; a < t->aliases.n && !*recompute; a++)
		if (fabs(sum[a] - 1.0) > 1e-6) {
			*recompute = 1;
			err = fit_add_note(fit, &fit->notes, &fit->nnotes,
					   "weights recomputed: the files' weight columns for '%s' sum to %.6g, not 1 "
					   "(records superseded, excluded or merged)", t->aliases.str[a], sum[a]);
		}
	free(sum);
	return err;
}

/*
 * Without a release dates file, one named release_dates.yaml (or .yml, .json)
 * in an input directory is used, with a note: METR's data folders carry one.
 */
static int find_release_dates(hz_fit *fit, const char *const *inputs, size_t ninputs)
{
	static const char *const names[] = { "release_dates.yaml", "release_dates.yml", "release_dates.json" };

	for (size_t i = 0; i < ninputs; i++) {
		if (!hz_fs_is_dir(inputs[i]))
			continue;
		for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
			char *p = hz_path_join(inputs[i], names[k]);
			if (!p)
				return hz_error_set(HZ_ENOMEM, "out of memory");
			if (hz_fs_is_file(p)) {
				fit->release_dates_path = p;
				fit->opts.release_dates = p;
				return fit_add_note(fit, &fit->notes, &fit->nnotes, "release dates from %s", p);
			}
			free(p);
		}
	}
	return 0;
}

static int add_data_notes(hz_fit *fit, const fit_table *t, int recomputed_for_missing)
{
	int err = 0;

	if (t->n_error)
		err = fit_add_note(fit, &fit->notes, &fit->nnotes,
				   "%zu run%s with status \"error\" (infrastructure losses, no retry) excluded", t->n_error,
				   t->n_error == 1 ? "" : "s");
	if (!err && t->n_superseded)
		err = fit_add_note(fit, &fit->notes, &fit->nnotes,
				   "%zu record%s superseded by a later record with the same run_id", t->n_superseded,
				   t->n_superseded == 1 ? "" : "s");
	if (!err && t->n_bad_usage)
		err = fit_add_note(fit, &fit->notes, &fit->nnotes,
				   "%zu record%s with a token count or cost that is not a non-negative number (first: %s): "
				   "read as unknown", t->n_bad_usage, t->n_bad_usage == 1 ? "" : "s", t->bad_usage_at);
	if (!err && t->n_verdict_changed)
		err = fit_add_note(fit, &fit->notes, &fit->nnotes,
				   "%zu of the superseded records had a different verdict: the later record won "
				   "(%s%s)", t->n_verdict_changed, t->n_verdict_changed > 1 ? "the first: " : "",
				   t->verdict_example);
	if (!err && t->n_partial)
		err = fit_add_note(fit, &fit->notes, &fit->nnotes,
				   "%s: partial last line skipped (a writer killed mid-line; that run is not recorded)%s",
				   t->partial_example, t->n_partial > 1 ? "; and in other files" : "");
	if (!err && t->baseline_only)
		err = fit_add_note(fit, &fit->notes, &fit->nnotes,
				   "--lengths baseline-only: %zu run%s on tasks whose length is an estimate left out",
				   t->n_estimated, t->n_estimated == 1 ? "" : "s");
	if (!err && t->n_excluded_family)
		err = fit_add_note(fit, &fit->notes, &fit->nnotes, "%zu run%s of excluded task families dropped",
				   t->n_excluded_family, t->n_excluded_family == 1 ? "" : "s");
	if (!err && t->n_over_budget)
		err = fit_add_note(fit, &fit->notes, &fit->nnotes,
				   "%zu successful run%s counted as failures: over the budget or usage not recorded",
				   t->n_over_budget, t->n_over_budget == 1 ? "" : "s");
	if (!err && t->n_no_tokens)
		err = fit_add_note(fit, &fit->notes, &fit->nnotes, "%zu run%s without total_tokens dropped (token budget)",
				   t->n_no_tokens, t->n_no_tokens == 1 ? "" : "s");
	if (!err && t->n_excluded_agent)
		err = fit_add_note(fit, &fit->notes, &fit->nnotes, "%zu run%s of excluded agents dropped",
				   t->n_excluded_agent, t->n_excluded_agent == 1 ? "" : "s");
	for (size_t i = 0; i < t->nexclude && i < FIT_MAX_EXCLUDE_HITS && !err; i++)
		if (!t->exclude_hits[i])
			err = fit_add_note(fit, &fit->notes, &fit->nnotes,
					   "excluded agent '%s' matched no run (aliases are case-sensitive)", t->exclude[i]);
	if (!err && recomputed_for_missing)
		err = fit_add_note(fit, &fit->notes, &fit->nnotes,
				   "weights recomputed: some records have no equal_task_weight/invsqrt_task_weight");
	return err;
}

int hz_fit_runs(hz_fit **out, const char *const *inputs, size_t ninputs, const hz_fit_opts *opts)
{
	fit_table t = { 0 };
	fit_release_dates rd = { 0 };
	fit_design d = { 0 };
	hz_fit *fit = NULL;
	double *w = NULL, *lambda = NULL;
	long *days = NULL;
	const char **dtext = NULL;
	uint32_t *order = NULL;
	int err, recompute;

	*out = NULL;
	if ((err = check_opts(opts)) < 0)
		return err;
	if (ninputs == 0)
		return hz_error_set(HZ_EUSAGE, "no input runs.jsonl file given");
	if (!(fit = fit_new(opts))) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	t.score_col = fit->score_col;
	t.baseline_only = opts->baseline_lengths_only;
	t.exclude = opts->exclude_agents;
	t.nexclude = opts->nexclude;
	t.exclude_families = opts->exclude_families;
	t.nexclude_families = opts->nexclude_families;
	t.budget_usd = opts->budget_usd;
	t.budget_tokens = opts->budget_tokens;
	t.budget_minutes = opts->budget_minutes;
	for (size_t i = 0; i < ninputs; i++)
		if ((err = fit_table_load_input(&t, inputs[i])) < 0)
			goto done;
	if ((err = fit_table_finish(&t)) < 0 || (err = fit_length_noise(&t, opts)) < 0)
		goto done;
	if (!opts->release_dates && opts->trend && (err = find_release_dates(fit, inputs, ninputs)) < 0)
		goto done;
	if (fit->release_dates_path && (err = fit_release_dates_load(&rd, fit->release_dates_path)) < 0)
		goto done;
	w = malloc(t.n * sizeof(*w));
	days = malloc(t.aliases.n * sizeof(*days));
	dtext = malloc(t.aliases.n * sizeof(*dtext));
	order = malloc(t.aliases.n * sizeof(*order));
	lambda = malloc(t.aliases.n * sizeof(*lambda));
	fit->agents = calloc(t.aliases.n, sizeof(*fit->agents));
	fit->horizons = calloc(t.aliases.n * opts->nsuccess, sizeof(*fit->horizons));
	if (!w || !days || !dtext || !order || !lambda || !fit->agents || !fit->horizons) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	recompute = opts->recompute_weights || t.missing_weights || opts->weighting == HZ_FIT_WEIGHT_NONE;
	if (!recompute) {
		memcpy(w, opts->weighting == HZ_FIT_WEIGHT_EQUAL ? t.w_equal : t.w_invsqrt, t.n * sizeof(*w));
		if ((err = check_weight_sums(fit, &t, w, &recompute)) < 0)
			goto done;
	}
	if (recompute && (err = fit_weights_compute(&t, opts->weighting, w)) < 0)
		goto done;
	fit->weights_from_file = !recompute;
	if ((err = fit_design_build(&d, &t, w)) < 0 || (err = settle_dates(fit, &t, &rd, days, dtext)) < 0)
		goto done;
	for (size_t a = 0; a < t.aliases.n; a++)
		order[a] = (uint32_t)a;
	{
		order_ctx oc = { &t, days };
		qsort_r(order, t.aliases.n, sizeof(*order), cmp_agents, &oc);
	}
	fit->nagents = t.aliases.n;
	for (size_t o = 0; o < fit->nagents; o++) {
		hz_fit_agent *ag = &fit->agents[o];
		uint32_t a = order[o];
		if (!(ag->alias = fit_keep(fit, t.aliases.str[a]))) {
			err = hz_error_set(HZ_ENOMEM, "out of memory");
			goto done;
		}
		ag->release_date = dtext[a];
		ag->release_days = days[a] == LONG_MAX ? 0 : days[a];
		ag->is_human = !strcmp(ag->alias, "human");
		ag->horizons = &fit->horizons[o * opts->nsuccess];
		ag->nhorizons = opts->nsuccess;
		if (opts->trend && !ag->is_human && !ag->release_date) {
			err = hz_error_set(HZ_EINVALID, "%s:%ld: 'release_date': agent '%s' has no release date, which the "
					   "trend needs (name it in a release dates file, or fit without a trend)",
					   t.meta[a].first_file, t.meta[a].first_line, ag->alias);
			goto done;
		}
	}
	fit_lambdas(&t, opts, lambda);
	if ((err = summarise(fit, &t, &d, w, order)) < 0 || (err = point_fits(fit, &t, &d, w, order, lambda)) < 0 ||
	    (err = fit_metr_buckets(fit, &t, w, order)) < 0)
		goto done;
	if (opts->bootstrap && (err = bootstrap(fit, &d, order, opts, lambda)) < 0)
		goto done;
	if ((err = fit_cost_doubling(fit, &t, &d, w, order, opts)) < 0)
		goto done;
	if ((err = fit_lik_agents(fit, &t, order)) < 0)
		goto done;
	fit->nruns = t.n;
	fit->n_error = t.n_error;
	fit->n_superseded = t.n_superseded;
	fit->n_excluded_agent = t.n_excluded_agent;
	fit->n_excluded_family = t.n_excluded_family;
	fit->n_over_budget = t.n_over_budget;
	fit->n_no_tokens = t.n_no_tokens;
	if ((err = add_data_notes(fit, &t, t.missing_weights && !opts->recompute_weights)) < 0)
		goto done;
	fit->inputs = t.inputs;
	fit->ninputs = t.ninputs;
	t.inputs = NULL;
	t.ninputs = 0;
	if (opts->trend && (err = fit_trend_compute(fit, 0, INFINITY)) < 0)
		goto done;
	if (opts->sensitivity && (err = fit_sensitivity(fit, &t, inputs, ninputs, opts)) < 0)
		goto done;
	if (!opts->keep_samples) {
		free(fit->samples);
		fit->samples = NULL;
	}
	*out = fit;
	fit = NULL;
done:
	hz_fit_free(fit);
	fit_design_release(&d);
	fit_release_dates_release(&rd);
	fit_table_release(&t);
	free(w);
	free(lambda);
	free(days);
	free(dtext);
	free(order);
	return err;
}
