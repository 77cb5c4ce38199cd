/*
 * The `sim` agent: a simulated model with a known 50% time horizon h50 (in
 * minutes) and slope.  On a task of m human minutes it succeeds with
 *
 *     p = 1 / (1 + exp(-slope * (log2(h50) - log2(m))))
 *
 * by really applying the task's solution (like the oracle), and otherwise
 * does nothing.  The coin is a hash of (sweep seed, alias, task id, repeat)
 * and the agent's own seed, so a sweep is reproducible.  Fitting sim agents
 * must give back their h50: an end-to-end check of the fit.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "agent_internal.h"
#include "horizon/error.h"
#include "run_internal.h"
#include "strutil.h"

typedef struct sim_state {
	double h50;
	double slope;
	unsigned long long seed;
} sim_state;

static int get_positive(hz_agent *agent, const char *key, double def, double *out)
{
	const char *v = hz_agent_config_param(&agent->config, key);

	*out = def;
	if (!v)
		return def > 0 ? 0 : hz_error_set(HZ_EINVALID, "agent '%s': sim needs '%s' (e.g. sim,%s=30)",
						   agent->config.alias, key, key);
	if (hz_parse_double(v, out) || !(*out > 0) || !isfinite(*out))
		return hz_error_set(HZ_EINVALID, "agent '%s': '%s' must be a positive number, not '%s'",
				    agent->config.alias, key, v);
	return 0;
}

static int sim_init(hz_agent *agent)
{
	sim_state *s = calloc(1, sizeof(*s));
	const char *seed;
	int rc;

	if (!s)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if ((rc = get_positive(agent, "h50", 0, &s->h50)) || (rc = get_positive(agent, "slope", 1.0, &s->slope))) {
		free(s);
		return rc;
	}
	if ((seed = hz_agent_config_param(&agent->config, "seed")) != NULL) {
		long v;
		if (hz_parse_long(seed, &v) || v < 0) {
			free(s);
			return hz_error_set(HZ_EINVALID, "agent '%s': 'seed' must be a non-negative integer, not '%s'",
					    agent->config.alias, seed);
		}
		s->seed = (unsigned long long)v;
	}
	agent->state = s;
	return 0;
}

static int sim_run(hz_agent *agent, const hz_agent_env *env, hz_agent_outcome *out)
{
	const sim_state *s = agent->state;
	double m = hz_task_human_minutes(env->task);
	double p = 1.0 / (1.0 + exp(-s->slope * (log2(s->h50) - log2(m))));
	unsigned long long mix[2] = { (unsigned long long)env->seed, s->seed };
	double u = (double)(hz_hash64(mix, sizeof(mix)) >> 11) * 0x1.0p-53;

	if (u < p)
		return run_apply_solution(env, out);
	agent_outcome_reason(out, "agent_exit");
	return 0;
}

static void sim_free(hz_agent *agent)
{
	free(agent->state);
	agent->state = NULL;
}

static const char *const sim_keys[] = { "h50", "slope", "seed", NULL };

const agent_backend hz_agent_sim_backend = {
	.name = "sim",
	.summary = "simulated agent with a latent 50% horizon: sim,h50=MINUTES,slope=S,seed=N",
	.init = sim_init,
	.run = sim_run,
	.free = sim_free,
	.keys = sim_keys,
};
