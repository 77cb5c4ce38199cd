/*
 * An adaptive sweep over the run engine (horizon/adaptive.h, docs/adaptive.md):
 * one design per agent, each round one hz_sweep_run of exactly the runs the
 * designs chose, their outcomes read back from DIR/runs.jsonl, and
 * DIR/adaptive.json rewritten after each round.
 *
 * Resuming needs nothing of adaptive.json: the selection rule only looks at
 * the seed and the outcomes so far, so replaying it over the log chooses the
 * same runs, the engine finds them recorded and skips them, and the sweep
 * goes on from the first run not in the log.  adaptive.json is the record a
 * person reads (which run was chosen when, and why) and the guard that a
 * resumed sweep uses the same rule (check_resume).
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "adaptive_internal.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "strutil.h"

typedef struct asweep {
	const hz_adaptive_sweep_opts *o;
	hz_adaptive_sweep_result *res;
	hz_catalog *own_catalog;
	hz_task **tasks;
	size_t ntasks;
	hz_adaptive_task *atasks;
	hz_adaptive **ads;
	hz_sweep_item *items;
	size_t *item_task;         /* per item: the task index in its agent's design */
} asweep;

void hz_adaptive_sweep_result_release(hz_adaptive_sweep_result *res)
{
	for (size_t i = 0; res->agents && i < res->nagents; i++)
		free(res->agents[i].alias);
	free(res->agents);
	free(res->design_path);
	free(res->warnings);
	memset(res, 0, sizeof(*res));
}

static int load_tasks(asweep *w)
{
	const hz_sweep_opts *so = &w->o->sweep;
	const hz_catalog *cat = so->catalog;
	hz_selector all = HZ_SELECTOR_INIT;
	int rc;

	if (!cat) {
		if ((rc = hz_catalog_load(&w->own_catalog, so->tasks_root ? so->tasks_root : hz_catalog_default_root())) != 0)
			return rc;
		cat = w->own_catalog;
	}
	if ((rc = hz_catalog_select(cat, so->selector ? so->selector : &all, &w->tasks, &w->ntasks)) != 0)
		return rc;
	if (w->ntasks < 2)
		return hz_error_set(HZ_EUSAGE, "an adaptive sweep needs at least 2 tasks; the selection has %zu",
				    w->ntasks);
	if (!(w->atasks = calloc(w->ntasks, sizeof(*w->atasks))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	for (size_t i = 0; i < w->ntasks; i++) {
		w->atasks[i].id = hz_task_id(w->tasks[i]);
		w->atasks[i].family = hz_task_family(w->tasks[i]);
		w->atasks[i].minutes = hz_task_human_minutes(w->tasks[i]);
	}
	return 0;
}

/* The options that decide which runs the rule chooses: a resumed sweep must keep them. */
static const char *const rule_fields[] = { "initial", "batch", "max_repeats", "seed", "lambda", "w80", "confirm", "calibrate" };

/*
 * A DIR with an adaptive.json resumes only with the same rule over the same
 * tasks and agents; target, run cap and budget may change (a finished sweep
 * can be taken further).
 */
static int check_resume(asweep *w, const char *path)
{
	json_error_t jerr;
	json_t *root, *opts, *agents, *mine = NULL;
	int rc = 0;

	if (!hz_fs_is_file(path))
		return 0;
	if (!(root = json_load_file(path, 0, &jerr)))
		return hz_error_set(HZ_EINVALID, "%s:%d: %s (move it away to start a new sweep)", path, jerr.line,
				    jerr.text);
	opts = json_object_get(root, "options");
	agents = json_object_get(root, "agents");
	if (!json_is_object(opts) || !json_is_array(agents)) {
		rc = hz_error_set(HZ_EINVALID, "%s: no \"options\" object or \"agents\" list", path);
		goto done;
	}
	if (!(mine = adaptive_opts_json(&w->o->design))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < sizeof(rule_fields) / sizeof(rule_fields[0]); i++)
		if (!json_equal(json_object_get(opts, rule_fields[i]), json_object_get(mine, rule_fields[i]))) {
			char *had = json_dumps(json_object_get(opts, rule_fields[i]), JSON_ENCODE_ANY);
			char *now = json_dumps(json_object_get(mine, rule_fields[i]), JSON_ENCODE_ANY);
			rc = hz_error_set(HZ_EUSAGE,
					  "%s: options.%s is %s, this sweep's is %s: resuming needs the same selection "
					  "rule (give the same options, or another --out)", path, rule_fields[i],
					  had ? had : "missing", now ? now : "?");
			free(had);
			free(now);
			goto done;
		}
	if (json_integer_value(json_object_get(root, "tasks")) != (json_int_t)w->ntasks) {
		rc = hz_error_set(HZ_EUSAGE, "%s: the sweep had %lld tasks, this selection has %zu: resuming needs the "
				  "same tasks", path, (long long)json_integer_value(json_object_get(root, "tasks")),
				  w->ntasks);
		goto done;
	}
	if (json_array_size(agents) != w->o->sweep.nagents) {
		rc = hz_error_set(HZ_EUSAGE, "%s: the sweep had %zu agents, this one %zu: resuming needs the same "
				  "agents", path, json_array_size(agents), w->o->sweep.nagents);
		goto done;
	}
	for (size_t a = 0; a < json_array_size(agents); a++) {
		const char *al = json_string_value(json_object_get(json_array_get(agents, a), "alias"));
		if (!al || strcmp(al, w->o->sweep.agents[a].alias)) {
			rc = hz_error_set(HZ_EUSAGE, "%s: agent %zu was '%s', this sweep's is '%s'", path, a + 1,
					  al ? al : "?", w->o->sweep.agents[a].alias);
			goto done;
		}
	}
done:
	json_decref(mine);
	json_decref(root);
	return rc;
}

static int write_design(asweep *w)
{
	json_t *root = json_object(), *agents = json_array();
	char *text = NULL;
	int rc = 0;

	if (!root || !agents) {
		json_decref(agents);
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	json_object_set_new(root, "design", json_string(HZ_SWEEP_DESIGN_ADAPTIVE));
	json_object_set_new(root, "interval",
			    json_string(w->o->design.calibrate ? HZ_ADAPTIVE_INTERVAL : HZ_FIT_LIK_INTERVAL));
	json_object_set_new(root, "options", adaptive_opts_json(&w->o->design));
	json_object_set_new(root, "tasks", json_integer((json_int_t)w->ntasks));
	json_object_set_new(root, "sweep_seed",
			    json_integer((json_int_t)(w->o->sweep.seed & 0x7fffffffffffffffULL)));
	json_object_set_new(root, "agents", agents);
	for (size_t a = 0; a < w->o->sweep.nagents; a++) {
		json_t *d = adaptive_design(w->ads[a]);
		if (!d) {
			rc = hz_error_set(HZ_ENOMEM, "out of memory");
			goto done;
		}
		/* per agent: its alias first, then its design without the fields shared above */
		json_object_del(d, "design");
		json_object_del(d, "interval");
		json_object_del(d, "options");
		json_object_del(d, "tasks");
		json_array_append_new(agents, json_pack("{s:s}", "alias", w->o->sweep.agents[a].alias));
		json_object_update(json_array_get(agents, a), d);
		json_decref(d);
	}
	if (!(text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10)))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	rc = hz_fs_write_atomic(w->res->design_path, text, strlen(text));
done:
	free(text);
	json_decref(root);
	return rc;
}

/* Choose every unfinished agent's next batch into w->items; *n = 0 when all have stopped. */
static int choose(asweep *w, size_t round, size_t *n)
{
	const hz_sweep_opts *so = &w->o->sweep;
	int rc;

	*n = 0;
	for (size_t a = 0; a < so->nagents; a++) {
		const hz_adaptive_pick *p;
		size_t k;
		hz_adaptive_state st;
		if ((rc = hz_adaptive_next(w->ads[a], &p, &k)) != 0)
			return rc;
		hz_adaptive_get_state(w->ads[a], &st);
		if (w->o->on_round) {
			hz_adaptive_round r = { round, so->agents[a].alias, k, &st, 0 };
			w->o->on_round(&r, w->o->round_arg);
		}
		for (size_t i = 0; i < k; i++) {
			w->items[*n].agent = a;
			w->items[*n].task_id = w->atasks[p[i].task].id;
			w->items[*n].repeat = p[i].repeat;
			w->item_task[*n] = p[i].task;
			(*n)++;
		}
	}
	return 0;
}

/* Run the chosen batch and record each outcome; *stopped when the engine was stopped. */
static int run_batch(asweep *w, size_t n, int *stopped)
{
	hz_sweep_opts so = w->o->sweep;
	hz_sweep_result sr;
	int rc;

	so.items = w->items;
	so.nitems = n;
	so.design = HZ_SWEEP_DESIGN_ADAPTIVE;
	so.repeats = 1;
	so.catalog = w->own_catalog ? w->own_catalog : w->o->sweep.catalog;
	rc = hz_sweep_run(&so, &sr);
	*stopped = sr.stopped;
	w->res->ran += sr.success + sr.failure + sr.error;
	w->res->error += sr.error;
	if (sr.warnings && !w->res->warnings)
		w->res->warnings = strdup(sr.warnings);
	if (rc != 0 || sr.stopped)
		goto done;
	if (sr.nitems != n) {
		rc = hz_error_set(HZ_ERROR, "the engine gave %zu outcomes for a batch of %zu runs", sr.nitems, n);
		goto done;
	}
	for (size_t i = 0; i < n && !rc; i++) {
		hz_adaptive *ad = w->ads[w->items[i].agent];
		const hz_sweep_item_result *it = &sr.items[i];
		if (it->status)
			rc = hz_adaptive_record(ad, w->item_task[i], it->status == 2 ? 1.0 : 0.0, it->cost_usd);
		else
			rc = hz_adaptive_lost(ad, w->item_task[i], it->cost_usd);
	}
done:
	hz_sweep_result_release(&sr);
	return rc;
}

int hz_adaptive_sweep_run(const hz_adaptive_sweep_opts *o, hz_adaptive_sweep_result *res)
{
	const hz_sweep_opts *so = &o->sweep;
	asweep w;
	double t0 = hz_clock_now();
	size_t cap;
	int rc;

	memset(res, 0, sizeof(*res));
	memset(&w, 0, sizeof(w));
	w.o = o;
	w.res = res;
	if (!so->out_dir || !*so->out_dir || so->nagents == 0)
		return hz_error_set(HZ_EUSAGE, "an adaptive sweep needs an output directory and at least one agent");
	if (so->dry_run || so->shard_n > 1)
		return hz_error_set(HZ_EUSAGE, "an adaptive sweep cannot be a dry run or a shard: each batch depends "
				    "on the outcomes of the last");
	if (!(res->agents = calloc(so->nagents, sizeof(*res->agents))) ||
	    !(res->design_path = hz_path_join(so->out_dir, "adaptive.json")) ||
	    !(w.ads = calloc(so->nagents, sizeof(*w.ads)))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	res->nagents = so->nagents;
	for (size_t a = 0; a < so->nagents; a++)
		if (!(res->agents[a].alias = strdup(so->agents[a].alias))) {
			rc = hz_error_set(HZ_ENOMEM, "out of memory");
			goto done;
		}
	if ((rc = load_tasks(&w)) != 0 || (rc = check_resume(&w, res->design_path)) != 0)
		goto done;
	res->ntasks = w.ntasks;
	for (size_t a = 0; a < so->nagents; a++)
		if ((rc = hz_adaptive_new(&w.ads[a], w.atasks, w.ntasks, &o->design)) != 0)
			goto done;
	cap = so->nagents * (o->design.initial > o->design.batch ? o->design.initial : o->design.batch);
	if (!(w.items = calloc(cap, sizeof(*w.items))) || !(w.item_task = calloc(cap, sizeof(size_t)))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (;;) {
		size_t n;
		int stopped = 0;
		if ((rc = choose(&w, res->rounds + 1, &n)) != 0)
			goto done;
		if (n == 0)
			break;
		res->rounds++;
		if ((rc = run_batch(&w, n, &stopped)) != 0)
			goto done;
		if (stopped || (so->stop && *so->stop)) {
			res->stopped = 1;
			break;
		}
		if ((rc = write_design(&w)) != 0)
			goto done;
	}
	rc = write_design(&w);
done:
	for (size_t a = 0; w.ads && a < so->nagents; a++)
		if (w.ads[a])
			hz_adaptive_get_state(w.ads[a], &res->agents[a].state);
	for (size_t a = 0; w.ads && a < so->nagents; a++)
		hz_adaptive_free(w.ads[a]);
	free(w.ads);
	free(w.items);
	free(w.item_task);
	free(w.atasks);
	free(w.tasks);
	hz_catalog_free(w.own_catalog);
	res->wall_s = hz_clock_now() - t0;
	return rc;
}
