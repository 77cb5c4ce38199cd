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

static int get_positive(const hz_agent_config *cfg, const char *key, double def, double *out)
{
	const char *v = hz_agent_config_param(cfg, key);

	*out = def;
	if (!v)
		return def > 0 ? 0 : hz_error_set(HZ_EINVALID, "agent '%s': sim needs '%s' (e.g. sim,%s=30)",
						   cfg->alias, key, key);
	if (hz_parse_double(v, out) || !(*out > 0) || !isfinite(*out))
		return hz_error_set(HZ_EINVALID, "agent '%s': '%s' must be a positive number, not '%s'", cfg->alias,
				    key, v);
	return 0;
}

int hz_sim_model_from_config(hz_sim_model *m, const hz_agent_config *cfg)
{
	const char *seed;
	int rc;

	memset(m, 0, sizeof(*m));
	if ((rc = get_positive(cfg, "h50", 0, &m->h50)) || (rc = get_positive(cfg, "slope", 1.0, &m->slope)))
		return rc;
	if ((seed = hz_agent_config_param(cfg, "seed")) != NULL) {
		long v;
		if (hz_parse_long(seed, &v) || v < 0)
			return hz_error_set(HZ_EINVALID, "agent '%s': 'seed' must be a non-negative integer, not '%s'",
					    cfg->alias, seed);
		m->seed = (unsigned long long)v;
	}
	return 0;
}

double hz_sim_probability(const hz_sim_model *m, double minutes)
{
	return 1.0 / (1.0 + exp(-m->slope * (log2(m->h50) - log2(minutes))));
}

/* The coin of a run whose env seed is env_seed. */
static int coin(const hz_sim_model *m, uint64_t env_seed, double minutes)
{
	unsigned long long mix[2] = { (unsigned long long)env_seed, m->seed };
	double u = (double)(hz_hash64(mix, sizeof(mix)) >> 11) * 0x1.0p-53;

	return u < hz_sim_probability(m, minutes);
}

int hz_sim_success(const hz_sim_model *m, const char *alias, uint64_t sweep_seed, const char *task_id,
		   double minutes, int repeat)
{
	return coin(m, run_seed(sweep_seed, alias, task_id, repeat), minutes);
}

static int sim_init(hz_agent *agent)
{
	hz_sim_model *m = calloc(1, sizeof(*m));
	int rc;

	if (!m)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if ((rc = hz_sim_model_from_config(m, &agent->config)) != 0) {
		free(m);
		return rc;
	}
	agent->state = m;
	return 0;
}

static int sim_run(hz_agent *agent, const hz_agent_env *env, hz_agent_outcome *out)
{
	if (coin(agent->state, env->seed, hz_task_human_minutes(env->task)))
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
