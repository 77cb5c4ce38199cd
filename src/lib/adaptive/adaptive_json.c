/* The adaptive design as JSON: what DIR/adaptive.json holds (docs/adaptive.md). */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "adaptive_internal.h"
#include "horizon/error.h"

static json_t *num(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

json_t *adaptive_horizon_json(const hz_fit_lik *h)
{
	/* inf (every run succeeded, or an open interval) is written as null, with "unbounded" saying so */
	return json_pack("{s:o,s:o,s:o,s:b}", "estimate", num(h->estimate), "low", num(h->low), "high",
			 num(h->high), "unbounded", !(h->low > 0) || !isfinite(h->high));
}

json_t *adaptive_opts_json(const hz_adaptive_opts *o)
{
	return json_pack("{s:f,s:I,s:f,s:I,s:I,s:i,s:I,s:f,s:f,s:i,s:I}", "target_ci", o->target_ci, "max_runs",
			 (json_int_t)o->max_runs, "budget_usd", o->budget_usd, "initial", (json_int_t)o->initial,
			 "batch", (json_int_t)o->batch, "max_repeats", o->max_repeats, "seed",
			 (json_int_t)(o->seed & 0x7fffffffffffffffULL), "lambda", o->lambda, "w80", o->w80, "confirm",
			 o->confirm, "calibrate", (json_int_t)o->calibrate);
}

json_t *adaptive_design(const hz_adaptive *ad)
{
	json_t *root = json_object(), *batches = json_array();

	if (!root || !batches) {
		json_decref(root);
		json_decref(batches);
		return NULL;
	}
	json_object_set_new(root, "design", json_string("adaptive"));
	json_object_set_new(root, "interval", json_string(ad->o.calibrate ? HZ_ADAPTIVE_INTERVAL : HZ_FIT_LIK_INTERVAL));
	json_object_set_new(root, "options", adaptive_opts_json(&ad->o));
	json_object_set_new(root, "tasks", json_integer((json_int_t)ad->ntasks));
	for (size_t i = 0; i < ad->nbatches; i++) {
		const adaptive_batch *b = &ad->batches[i];
		json_t *runs = json_array();
		for (size_t j = 0; j < b->npicks; j++) {
			const hz_adaptive_pick *p = &b->picks[j];
			double y = b->outcome[j];
			json_array_append_new(runs, json_pack("{s:s,s:i,s:o,s:s,s:o,s:b}", "task_id", ad->tasks[p->task].id,
							      "repeat", p->repeat, "score", num(p->score), "why",
							      p->why, "outcome", num(y < 0 ? NAN : y), "lost",
							      y == ADAPTIVE_LOST));
		}
		json_array_append_new(batches,
				      json_pack("{s:I,s:I,s:f,s:o,s:o,s:o}", "batch", (json_int_t)(i + 1), "runs_before",
						(json_int_t)b->runs_before, "cost_before", b->cost_before, "p50",
						adaptive_horizon_json(&b->p50), "p80", adaptive_horizon_json(&b->p80),
						"runs", runs));
	}
	json_object_set_new(root, "batches", batches);
	json_object_set_new(root, "runs", json_integer((json_int_t)ad->nruns));
	json_object_set_new(root, "lost", json_integer((json_int_t)ad->nlost));
	json_object_set_new(root, "cost_usd", json_real(ad->cost));
	json_object_set_new(root, "p50", adaptive_horizon_json(&ad->p50));
	json_object_set_new(root, "p80", adaptive_horizon_json(&ad->p80));
	if (ad->stop) {
		/* the plain intervals the stop looked at, and the levels the replays gave */
		json_object_set_new(root, "p50_plain", adaptive_horizon_json(&ad->p50_lr));
		json_object_set_new(root, "p80_plain", adaptive_horizon_json(&ad->p80_lr));
		json_object_set_new(root, "calibration", json_pack("{s:I,s:f,s:f}", "replays", (json_int_t)ad->calibrated,
								   "deviance_p50", ad->crit50, "deviance_p80",
								   ad->crit80));
	}
	json_object_set_new(root, "stop", ad->stop ? json_string(ad->stop) : json_null());
	return root;
}

int hz_adaptive_design_json(const hz_adaptive *ad, char **out)
{
	json_t *root = adaptive_design(ad);

	*out = root ? json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10)) : NULL;
	json_decref(root);
	return *out ? 0 : hz_error_set(HZ_ENOMEM, "out of memory");
}
