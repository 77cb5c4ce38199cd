/*
 * The sweep: a pool of worker threads takes runs from the plan, claims each
 * (so a concurrent sweep into the same DIR never runs it too), runs it and
 * appends its record; the caller's thread waits, hands finished runs and a
 * tick every second to the progress callback, and adds up the counts.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "horizon/error.h"
#include "record.h"
#include "record_schema.h"
#include "results.h"
#include "strutil.h"
#include "sweep_internal.h"

/* A finished run, queued for the progress callback. */
typedef struct event {
	size_t plan;
	const char *status;
	char exit_reason[64];
	char error[256];
} event;

typedef struct sweep {
	const hz_sweep_opts *o;
	sweep_setup *s;
	hz_sweep_result *res;
	results_log *log;
	hz_sandbox *sb;
	char (*fp)[17];      /* per agent: its agent_fingerprint */
	size_t *changed_at;  /* per agent: a plan index recorded with another configuration */
	char **stopped;      /* per agent: why its remaining runs are not started (auth, quota), or NULL */
	size_t *todo;        /* indexes into s->plan */
	size_t ntodo, next;
	event *events;
	size_t nevents;
	size_t running;
	int workers_left;
	int fatal;
	char fatal_msg[512];
	pthread_mutex_t mu;
	pthread_cond_t cv;
} sweep;

static size_t task_index(const sweep_setup *s, const hz_task *t)
{
	for (size_t i = 0; i < s->ntasks; i++)
		if (s->tasks[i] == t)
			return i;
	return 0;
}

static void fail(sweep *w, const char *msg)
{
	pthread_mutex_lock(&w->mu);
	if (!w->fatal) {
		w->fatal = 1;
		snprintf(w->fatal_msg, sizeof(w->fatal_msg), "%s", msg);
	}
	pthread_mutex_unlock(&w->mu);
}

/* Errors that every later run of the agent would meet too: its runs stop at the first. */
static int stops_agent(const run_summary *sum)
{
	return sum->status == RUN_VERDICT_ERROR &&
	       (!strcmp(sum->exit_reason, "auth_error") || !strcmp(sum->exit_reason, "quota_error"));
}

/*
 * Before anything is set up: every agent with runs to do passes its
 * preflight (an LLM agent's key is set and its API answers).
 */
static int preflight(const hz_sweep_opts *o, const sweep_setup *s, const sweep *w)
{
	int rc = 0;

	for (size_t a = 0; a < o->nagents && !rc; a++) {
		hz_agent *agent = NULL;
		size_t i = 0;
		while (i < w->ntodo && s->plan[w->todo[i]].agent != a)
			i++;
		if (i == w->ntodo)
			continue; /* nothing to run for it */
		if ((rc = o->agent_new(&agent, &o->agents[a])) == 0)
			rc = hz_agent_preflight(agent);
		hz_agent_free(agent);
	}
	return rc;
}

/*
 * Recorded runs of an agent were made with another configuration: say which
 * agent, how many runs, what differs, and the two ways out.
 */
static int refuse_changed(const hz_sweep_opts *o, const sweep_setup *s, const hz_sweep_result *res,
			  results_log *log, const size_t *changed_at)
{
	hz_buf diff = HZ_BUF_INIT;
	int rc;

	for (size_t a = 0; a < res->nagents; a++) {
		const hz_sweep_agent *ag = &res->agents[a];
		json_t *was, *now;
		if (!ag->changed)
			continue;
		was = results_find_config(log, s->plan[changed_at[a]].run_id);
		now = record_agent_config(&o->agents[a], o->seed);
		if (was && now)
			record_config_diff(was, now, &diff);
		json_decref(was);
		json_decref(now);
		rc = hz_error_set(HZ_ECONFLICT,
				  "agent '%s': %zu of its %zu recorded runs in %s were made with another configuration "
				  "(%s); give this configuration a new alias (alias=NAME) to keep both, or run again "
				  "with --rerun-changed to run those again with it",
				  ag->alias, ag->changed, ag->changed + ag->recorded, results_log_path(log),
				  diff.len ? hz_buf_cstr(&diff) : "its records say so");
		hz_buf_release(&diff);
		return rc;
	}
	return 0;
}

/* Run one planned run; returns the event's status ("elsewhere" when another sweep has it). */
static const char *do_run(sweep *w, hz_agent *agent, const run_plan *p, run_summary *sum, hz_buf *line)
{
	run_env re;
	run_claim *claim = NULL;
	results_run rr;
	int appended = 0, rc;

	rc = results_claim(w->log, p->run_id, &claim);
	if (rc == HZ_EEXISTS)
		return "elsewhere";
	if (rc) {
		fail(w, hz_error_message());
		return NULL;
	}
	/* Recorded meanwhile (with this configuration: an other one is here only for --rerun-changed). */
	if ((rc = results_lookup(w->log, p->run_id, &rr)) != 0 ||
	    (rr.done && (!rr.fp[0] || !strcmp(rr.fp, w->fp[p->agent]) || !w->o->rerun_changed))) {
		if (rc)
			fail(w, hz_error_message());
		run_claim_release(claim);
		return rc ? NULL : "elsewhere";
	}
	re.sb = w->sb;
	re.out_dir = w->o->out_dir;
	re.work_root = w->s->work_root;
	re.task_stage = w->s->stages[task_index(w->s, p->task)];
	re.base = w->s->bases[task_index(w->s, p->task)];
	re.time_limit_scale = w->o->time_limit_scale;
	re.seed = w->o->seed;
	re.design = w->o->design;
	re.keep_workspace = w->o->keep_workspaces;
	re.term_in = w->o->term_in;
	re.term_out = w->o->term_out;
	if ((rc = run_one(&re, agent, p, line, sum)) != 0 ||
	    (rc = results_append(w->log, p->run_id, w->fp[p->agent], line->ptr, line->len, &appended)) != 0) {
		fail(w, hz_error_message());
		run_claim_release(claim);
		return NULL;
	}
	run_claim_release(claim);
	if (!appended)
		return "elsewhere";
	return sum->status == RUN_VERDICT_SUCCESS ? "success" : sum->status == RUN_VERDICT_FAILURE ? "failure" : "error";
}

static void *worker(void *arg)
{
	sweep *w = arg;
	hz_agent **agents = calloc(w->o->nagents, sizeof(hz_agent *));
	hz_buf line = HZ_BUF_INIT;

	if (!agents)
		fail(w, "out of memory");
	for (size_t i = 0; agents && i < w->o->nagents; i++)
		if (w->o->agent_new(&agents[i], &w->o->agents[i]) != 0)
			fail(w, hz_error_message());
	for (;;) {
		run_summary sum;
		const run_plan *p;
		const char *st;
		size_t i;

		pthread_mutex_lock(&w->mu);
		if (w->fatal || (w->o->stop && *w->o->stop) || w->next >= w->ntodo) {
			pthread_mutex_unlock(&w->mu);
			break;
		}
		i = w->todo[w->next++];
		p = &w->s->plan[i];
		if (w->stopped[p->agent]) {
			/* Its agent met an auth or quota error: not run, not recorded; a resume runs it. */
			w->res->agents[p->agent].not_run++;
			w->res->not_run++;
			pthread_mutex_unlock(&w->mu);
			continue;
		}
		w->running++;
		pthread_mutex_unlock(&w->mu);
		memset(&sum, 0, sizeof(sum));
		st = do_run(w, agents[p->agent], p, &sum, &line);
		pthread_mutex_lock(&w->mu);
		w->running--;
		if (st) {
			hz_sweep_agent *ag = &w->res->agents[p->agent];
			event *e = &w->events[w->nevents++];
			e->plan = i;
			e->status = st;
			snprintf(e->exit_reason, sizeof(e->exit_reason), "%s", sum.exit_reason);
			snprintf(e->error, sizeof(e->error), "%s", sum.error);
			if (!strcmp(st, "error") && stops_agent(&sum) && !w->stopped[p->agent]) {
				hz_buf why = HZ_BUF_INIT;
				hz_buf_printf(&why, "%s: %s", sum.exit_reason, sum.error);
				w->stopped[p->agent] = hz_buf_detach(&why);
				free(ag->stop_reason);
				ag->stop_reason = w->stopped[p->agent] ? strdup(w->stopped[p->agent]) : NULL;
			}
			if (!strcmp(st, "success"))
				ag->success++, w->res->success++;
			else if (!strcmp(st, "failure"))
				ag->failure++, w->res->failure++;
			else if (!strcmp(st, "error"))
				ag->error++, w->res->error++;
			else
				ag->elsewhere++, w->res->elsewhere++;
			ag->wall_s += sum.wall_s;
			ag->tokens += sum.tokens;
			ag->cost_usd += sum.cost_usd;
		}
		pthread_cond_signal(&w->cv);
		pthread_mutex_unlock(&w->mu);
	}
	for (size_t i = 0; agents && i < w->o->nagents; i++)
		hz_agent_free(agents[i]);
	free(agents);
	hz_buf_release(&line);
	pthread_mutex_lock(&w->mu);
	w->workers_left--;
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

static void report(sweep *w, const event *e, double t0)
{
	hz_sweep_progress p;
	size_t done;

	memset(&p, 0, sizeof(p));
	p.total = w->ntodo;
	p.success = w->res->success;
	p.failure = w->res->failure;
	p.error = w->res->error;
	p.elsewhere = w->res->elsewhere;
	done = p.success + p.failure + p.error + p.elsewhere + w->res->not_run; /* not_run: never started */
	p.done = done;
	p.running = w->running;
	p.elapsed_s = hz_clock_now() - t0;
	p.eta_s = done ? p.elapsed_s / (double)done * (double)(p.total - done) : -1;
	if (e) {
		const run_plan *pl = &w->s->plan[e->plan];
		p.run_id = pl->run_id;
		p.alias = w->o->agents[pl->agent].alias;
		p.task_id = hz_task_id(pl->task);
		p.repeat = pl->repeat;
		p.status = e->status;
		p.exit_reason = e->exit_reason;
		p.message = e->error[0] ? e->error : NULL;
	}
	w->o->progress(&p, w->o->progress_arg);
}

/* Wait for the workers, reporting progress on this thread. */
static void supervise(sweep *w, double t0)
{
	size_t reported = 0;
	double last = 0;

	pthread_mutex_lock(&w->mu);
	if (w->o->progress) {
		report(w, NULL, t0); /* a first report, before any run ends */
		last = hz_clock_now();
	}
	while (w->workers_left > 0 || reported < w->nevents) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_sec += 1;
		if (reported == w->nevents && w->workers_left > 0)
			pthread_cond_timedwait(&w->cv, &w->mu, &ts);
		if (!w->o->progress) {
			reported = w->nevents;
			continue;
		}
		while (reported < w->nevents) {
			report(w, &w->events[reported++], t0);
			last = hz_clock_now();
		}
		if (hz_clock_now() - last >= 1.0 && w->workers_left > 0) {
			report(w, NULL, t0);
			last = hz_clock_now();
		}
	}
	pthread_mutex_unlock(&w->mu);
}

/* An item's outcome from the log (plan_items planned the items in order, unsharded). */
static int item_results(results_log *log, const hz_sweep_opts *o, const sweep_setup *s, hz_sweep_result *res)
{
	if (!(res->items = calloc(o->nitems ? o->nitems : 1, sizeof(*res->items))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	res->nitems = o->nitems;
	for (size_t i = 0; i < s->nplan && i < o->nitems; i++) {
		hz_sweep_item_result *it = &res->items[i];
		results_run rr;
		int rc = results_lookup(log, s->plan[i].run_id, &rr);
		if (rc != 0)
			return rc;
		it->status = rr.done;
		it->errors = rr.errors;
		it->cost_usd = rr.cost_usd;
	}
	return 0;
}

_Static_assert(HZ_SWEEP_NLIMITS == RECORD_NLIMITS, "one table of limits");

const char *hz_sweep_limit_name(size_t i)
{
	return i < HZ_SWEEP_NLIMITS ? record_limit_name((int)i) : NULL;
}

void hz_sweep_result_release(hz_sweep_result *res)
{
	for (size_t i = 0; res->agents && i < res->nagents; i++) {
		free(res->agents[i].alias);
		free(res->agents[i].stop_reason);
	}
	free(res->agents);
	free(res->isolation);
	free(res->work_dir);
	free(res->warnings);
	free(res->items);
	memset(res, 0, sizeof(*res));
}

int hz_sweep_run(const hz_sweep_opts *o, hz_sweep_result *res)
{
	hz_sandbox_opts so = HZ_SANDBOX_OPTS_INIT;
	sweep_setup s;
	sweep w;
	pthread_t *threads = NULL;
	double t0 = hz_clock_now();
	int rc, nthreads = 0;

	memset(res, 0, sizeof(*res));
	memset(&w, 0, sizeof(w));
	pthread_mutex_init(&w.mu, NULL);
	pthread_cond_init(&w.cv, NULL);
	if ((rc = sweep_plan(o, &s)) != 0)
		goto done;
	if (!(res->agents = calloc(o->nagents, sizeof(*res->agents)))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	res->nagents = o->nagents;
	for (size_t i = 0; i < o->nagents; i++)
		if (!(res->agents[i].alias = strdup(o->agents[i].alias))) {
			rc = hz_error_set(HZ_ENOMEM, "out of memory");
			goto done;
		}
	if (s.warnings.len)
		res->warnings = strdup(s.warnings.ptr);
	res->planned = s.nplan;
	res->unsharded = s.unsharded;
	res->ntasks = s.ntasks;
	if (!o->dry_run && (rc = results_open(&w.log, o->out_dir)) != 0)
		goto done;
	if (o->dry_run && (rc = results_open_readonly(&w.log, o->out_dir)) != 0) {
		if (rc != HZ_ENOTFOUND)
			goto done;
		rc = 0; /* nothing recorded yet */
		hz_error_clear();
	}
	if (!(w.todo = calloc(s.nplan ? s.nplan : 1, sizeof(size_t))) ||
	    !(w.events = calloc(s.nplan ? s.nplan : 1, sizeof(event)))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	if (!(w.fp = calloc(o->nagents, sizeof(*w.fp))) || !(w.changed_at = calloc(o->nagents, sizeof(size_t))) ||
	    !(w.stopped = calloc(o->nagents, sizeof(char *)))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t a = 0; a < o->nagents; a++)
		if ((rc = record_config_fingerprint(&o->agents[a], o->seed, w.fp[a])) != 0)
			goto done;
	for (size_t i = 0; i < s.nplan; i++) {
		hz_sweep_agent *ag = &res->agents[s.plan[i].agent];
		results_run rr = { .limit = -1 };
		ag->planned++;
		if (w.log && (rc = results_lookup(w.log, s.plan[i].run_id, &rr)) != 0)
			goto done;
		if (rr.done && rr.fp[0] && strcmp(rr.fp, w.fp[s.plan[i].agent])) {
			/* Recorded, but by another configuration under this alias. */
			if (!ag->changed++)
				w.changed_at[s.plan[i].agent] = i;
			res->changed++;
			if (o->rerun_changed)
				w.todo[w.ntodo++] = i;
		} else if (rr.done) {
			ag->recorded++;
			*(rr.done == 2 ? &ag->total_success : &ag->total_failure) += 1;
		} else if (rr.errors > o->max_retries) {
			ag->given_up++;
			res->given_up++;
		} else {
			w.todo[w.ntodo++] = i;
		}
	}
	res->to_run = w.ntodo;
	if (res->changed && !o->rerun_changed && !o->dry_run) {
		rc = refuse_changed(o, &s, res, w.log, w.changed_at);
		goto done;
	}
	if (!o->dry_run && (rc = preflight(o, &s, &w)) != 0)
		goto done;
	res->repaired_bytes = w.log ? results_repaired_bytes(w.log) : 0;
	res->repaired_line = w.log ? results_repaired_line(w.log) : 0;
	if (o->dry_run)
		goto done;
	for (size_t a = 0; a < o->nagents; a++)
		w.changed_at[a] = res->agents[a].changed; /* from here on: how many are left to re-run */
	if (w.ntodo == 0) {
		rc = sweep_write_json(o, &s, NULL);
		goto done;
	}
	so.mode = o->sandbox;
	so.uid = o->sandbox_uid;
	if ((rc = sweep_prepare(o, &s, geteuid() == 0 && o->sandbox == HZ_SANDBOX_BWRAP
						  ? (o->sandbox_uid >= 0 ? o->sandbox_uid : HZ_SANDBOX_DEFAULT_UID) : -1)) != 0)
		goto done;
	res->work_dir = strdup(s.work_root);
	so.state_dir = s.private_dir;
	if ((rc = hz_sandbox_new(&w.sb, &so)) != 0)
		goto done;
	/* sweep.json only once the sweep can really run (a sandbox that does not work stops it first). */
	if ((rc = sweep_write_json(o, &s, w.changed_at)) != 0)
		goto done;
	res->isolation = hz_sandbox_isolation(w.sb, NULL, 0);
	w.o = o;
	w.s = &s;
	w.res = res;
	nthreads = o->jobs < (int)w.ntodo ? o->jobs : (int)w.ntodo;
	if (!(threads = calloc((size_t)nthreads, sizeof(pthread_t)))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	w.workers_left = nthreads;
	for (int i = 0; i < nthreads; i++)
		if (pthread_create(&threads[i], NULL, worker, &w) != 0) {
			w.workers_left = i;
			fail(&w, "cannot start a worker thread");
			nthreads = i;
			break;
		}
	res->started = 1;
	supervise(&w, t0);
	for (int i = 0; i < nthreads; i++)
		pthread_join(threads[i], NULL);
	res->stopped = o->stop && *o->stop && w.next < w.ntodo;
	if (w.fatal)
		rc = HZ_ERROR;
done:
	/* Totals over the log for the planned runs, this sweep's included (also when it stopped on an error). */
	if (w.log && (!rc || res->started) && !o->dry_run) {
		for (size_t a = 0; a < res->nagents; a++) {
			hz_sweep_agent *ag = &res->agents[a];
			ag->total_success = ag->total_failure = 0;
			memset(ag->at_limit, 0, sizeof(ag->at_limit));
		}
		for (size_t a = 0; a < o->nagents; a++)
			w.changed_at[a] = 0;
		for (size_t i = 0; i < s.nplan; i++) {
			hz_sweep_agent *ag = &res->agents[s.plan[i].agent];
			results_run rr;
			if (results_lookup(w.log, s.plan[i].run_id, &rr) != 0 || !rr.done)
				continue;
			*(rr.done == 2 ? &ag->total_success : &ag->total_failure) += 1;
			if (rr.limit >= 0 && rr.limit < HZ_SWEEP_NLIMITS)
				ag->at_limit[rr.limit]++;
			if (rr.fp[0] && strcmp(rr.fp, w.fp[s.plan[i].agent]))
				w.changed_at[s.plan[i].agent]++;
		}
		/* A sweep that re-ran changed runs ends with sweep.json saying how many are left. */
		if (res->changed && res->started && sweep_write_json(o, &s, w.changed_at) != 0 && !rc)
			rc = HZ_EIO;
		res->repaired_bytes = results_repaired_bytes(w.log);
		res->repaired_line = results_repaired_line(w.log);
		if (o->items && !rc)
			rc = item_results(w.log, o, &s, res);
	}
	if (w.fatal)
		rc = hz_error_set(HZ_ERROR, "%s", w.fatal_msg);
	res->wall_s = hz_clock_now() - t0;
	free(threads);
	free(w.fp);
	free(w.changed_at);
	for (size_t a = 0; w.stopped && a < o->nagents; a++)
		free(w.stopped[a]);
	free(w.stopped);
	free(w.todo);
	free(w.events);
	hz_sandbox_free(w.sb);
	results_free(w.log);
	sweep_setup_release(&s);
	pthread_mutex_destroy(&w.mu);
	pthread_cond_destroy(&w.cv);
	return rc;
}
