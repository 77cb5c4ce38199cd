/*
 * Agents measured by an adaptive sweep (docs/adaptive.md): the hierarchical
 * bootstrap assumes tasks drawn independently of the agent, which an
 * adaptive design breaks, so their horizons, intervals and curve are the
 * unweighted per-run profile-likelihood fit (profile.c) instead.  Records of
 * both designs for one agent never get here (runs.c refuses them).  Every
 * agent is told its design and the interval its horizons have.
 */
#include <math.h>
#include <stdlib.h>

#include "fit_result.h"
#include "fit_table.h"
#include "horizon/error.h"
#include "horizon/fit_lik.h"

#define BOOTSTRAP_INTERVAL "hierarchical-bootstrap"

/* Per-task success and failure counts of alias a. */
static void counts(const fit_table *t, uint32_t a, double *x, double *n1, double *n0)
{
	for (size_t i = 0; i < t->tasks.n; i++)
		x[i] = n1[i] = n0[i] = 0;
	for (size_t r = 0; r < t->n; r++)
		if (t->alias[r] == a) {
			x[t->task[r]] = t->x[r];
			n1[t->task[r]] += t->y[r];
			n0[t->task[r]] += 1 - t->y[r];
		}
}

int fit_lik_agents(hz_fit *fit, const fit_table *t, const uint32_t *order)
{
	size_t n = t->tasks.n ? t->tasks.n : 1, nadaptive = 0;
	double *x = NULL, *n1 = NULL, *n0 = NULL;
	int err = 0;

	for (size_t o = 0; o < fit->nagents; o++) {
		hz_fit_agent *ag = &fit->agents[o];
		const fit_alias_meta *m = &t->meta[order[o]];
		ag->design = m->adaptive_file ? "adaptive" : "full";
		ag->interval = fit->opts.bootstrap ? BOOTSTRAP_INTERVAL : "none";
		if (!m->adaptive_file)
			continue;
		if (!x && (!(x = calloc(n, sizeof(double))) || !(n1 = calloc(n, sizeof(double))) ||
			   !(n0 = calloc(n, sizeof(double))))) {
			err = hz_error_set(HZ_ENOMEM, "out of memory");
			goto done;
		}
		counts(t, order[o], x, n1, n0);
		ag->interval = HZ_FIT_LIK_INTERVAL;
		for (size_t k = 0; k < ag->nhorizons; k++) {
			hz_fit_horizon *h = (hz_fit_horizon *)&ag->horizons[k];
			hz_fit_lik l;
			if (hz_fit_lik_horizon(x, n1, n0, t->tasks.n, fit->opts.regularization, h->percent, &l) != 0)
				continue;
			h->estimate = l.estimate;
			h->ci_low = l.low;
			h->ci_high = l.high;
			h->bootstrap_n = 0;
			ag->slope = l.a;
			ag->intercept = l.b;
		}
		nadaptive++;
	}
	if (nadaptive)
		err = fit_add_note(fit, &fit->notes, &fit->nnotes,
				   "%zu agent%s measured by an adaptive sweep: horizons and 95%% intervals are %s "
				   "(unweighted per-run fit), not the hierarchical bootstrap; the trend's bootstrap "
				   "still resamples their runs (docs/adaptive.md)", nadaptive, nadaptive > 1 ? "s" : "",
				   HZ_FIT_LIK_INTERVAL);
done:
	free(x);
	free(n1);
	free(n0);
	return err;
}
