/*
 * horizon merge, the plan half: every input's sweep.json must describe the
 * same plan (agents, tasks and their versions, repeats, shard count); the
 * merged sweep.json lists the shards found, the shards absent, and the
 * planned runs that have no verdict yet.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "horizon/run.h"
#include "horizon/error.h"
#include "merge_internal.h"
#include "strutil.h"

/* The plan part of a sweep.json: sweep["plan"] when present, else the sweep itself. */
static json_t *plan_of(json_t *sweep)
{
	json_t *p = json_object_get(sweep, "plan");
	return json_is_object(p) ? p : sweep;
}

/* Shard "K/N" of a sweep.json: "shard": "K/N" | {"k":K,"n":N} | {"index":K,"count":N}. */
static void shard_of(json_t *sweep, long *k, long *n)
{
	json_t *s = json_object_get(sweep, "shard");

	*k = 1;
	*n = 1;
	if (json_is_true(json_object_get(sweep, "merged"))) {
		/* An earlier merge: it stands for every shard it did not list as absent. */
		json_t *shards = json_object_get(sweep, "shards");
		*k = 0;
		if (json_is_integer(shards) && json_integer_value(shards) >= 1)
			*n = (long)json_integer_value(shards);
		return;
	}
	if (!s)
		s = json_object_get(plan_of(sweep), "shard");
	if (json_is_string(s)) {
		long a, b;
		char tail;
		if (sscanf(json_string_value(s), "%ld/%ld%c", &a, &b, &tail) == 2 && a >= 1 && b >= a) {
			*k = a;
			*n = b;
		}
	} else if (json_is_object(s)) {
		json_t *a = json_object_get(s, "k"), *b = json_object_get(s, "n");
		if (!a)
			a = json_object_get(s, "index");
		if (!b)
			b = json_object_get(s, "count");
		if (json_is_integer(a) && json_is_integer(b)) {
			*k = (long)json_integer_value(a);
			*n = (long)json_integer_value(b);
		}
	}
}

int mg_plan_size_check(json_t *sweep, const char *path)
{
	json_t *plan = plan_of(sweep), *rep = json_object_get(plan, "repeats"), *sh = json_object_get(sweep, "shards");
	double runs = (double)json_array_size(json_object_get(plan, "agents")) *
		      (double)json_array_size(json_object_get(plan, "tasks"));
	long k, n;

	shard_of(sweep, &k, &n);
	if (n > MG_SHARDS_MAX || n < 1 || k < 0 || k > n ||
	    (json_is_integer(sh) && (json_integer_value(sh) < 1 || json_integer_value(sh) > MG_SHARDS_MAX)))
		return hz_error_set(HZ_ELIMIT, "%s: 'shard' is not K/N with 1 <= K <= N <= %ld", path, MG_SHARDS_MAX);
	if (json_is_integer(rep))
		runs *= (double)json_integer_value(rep);
	if (json_is_integer(rep) && json_integer_value(rep) < 1)
		return hz_error_set(HZ_EINVALID, "%s: 'repeats' must be a positive integer", path);
	if (runs > MG_PLAN_RUNS_MAX)
		return hz_error_set(HZ_ELIMIT, "%s: the plan has %.0f runs (agents x tasks x repeats), more than %.0f",
				    path, runs, MG_PLAN_RUNS_MAX);
	return 0;
}

/* "alias" of an agent entry (a string, or an object with "alias"). */
static const char *agent_alias(json_t *a)
{
	if (json_is_string(a))
		return json_string_value(a);
	return json_string_value(json_object_get(a, "alias"));
}

static const char *task_field(json_t *t, const char *k1, const char *k2)
{
	const char *v = json_string_value(json_object_get(t, k1));
	return v ? v : json_string_value(json_object_get(t, k2));
}

/*
 * Normalise a plan for comparison: {"agents": [alias...], "agent_settings":
 * [agent object...], "tasks": ["id@version"...], "task_contents":
 * ["id@sha256"...], "repeats", "seed", "time_limit_scale", "shards"};
 * members that the sweep.json lacks are absent (and not compared).
 */
static json_t *normalise(json_t *sweep)
{
	static const char *const scalars[] = { "repeats", "seed", "time_limit_scale" };
	json_t *plan = plan_of(sweep), *out = json_object(), *arr, *v;
	long k, n;
	size_t i;

	if (!out)
		return NULL;
	if (json_is_array(arr = json_object_get(plan, "agents"))) {
		json_t *a = json_array();
		json_array_foreach(arr, i, v)
			if (agent_alias(v))
				json_array_append_new(a, json_string(agent_alias(v)));
		json_object_set_new(out, "agents", a);
		json_object_set(out, "agent_settings", arr);
	}
	if (json_is_array(arr = json_object_get(plan, "tasks"))) {
		json_t *t = json_array(), *c = json_array();
		json_array_foreach(arr, i, v) {
			const char *id = json_is_string(v) ? json_string_value(v) : task_field(v, "id", "task_id");
			const char *ver = task_field(v, "version", "task_version");
			const char *sha = task_field(v, "sha256", "task_sha256");
			if (!id)
				continue;
			json_array_append_new(t, ver ? json_sprintf("%s@%s", id, ver) : json_string(id));
			if (sha)
				json_array_append_new(c, json_sprintf("%s@%.12s", id, sha));
		}
		json_object_set_new(out, "tasks", t);
		json_object_set_new(out, "task_contents", c);
	}
	for (i = 0; i < sizeof(scalars) / sizeof(scalars[0]); i++)
		if ((v = json_object_get(plan, scalars[i])) && !json_is_null(v))
			json_object_set(out, scalars[i], v);
	shard_of(sweep, &k, &n);
	json_object_set_new(out, "shards", json_integer(n));
	return out;
}

/* Describe how two string arrays differ: "adds 'x', lacks 'y'". */
static void describe_diff(hz_buf *b, json_t *mine, json_t *ref)
{
	size_t i, j, shown = 0;
	json_t *v, *w;

	json_array_foreach(mine, i, v) {
		int found = 0;
		json_array_foreach(ref, j, w)
			found |= json_equal(v, w);
		if (!found && shown++ < 3)
			hz_buf_printf(b, "%s has '%s'", shown > 1 ? "," : "", json_string_value(v));
	}
	json_array_foreach(ref, i, v) {
		int found = 0;
		json_array_foreach(mine, j, w)
			found |= json_equal(v, w);
		if (!found && shown++ < 6)
			hz_buf_printf(b, "%s lacks '%s'", shown > 1 ? "," : "", json_string_value(v));
	}
	if (!shown)
		hz_buf_puts(b, " same members in another order");
}

static int mismatch(mg_state *st, size_t a, size_t b, const char *what, json_t *pa, json_t *pb)
{
	hz_buf msg = HZ_BUF_INIT;
	int rc;

	hz_buf_printf(&msg, "plan mismatch: '%s' and '%s' were run with different %s", st->logs[b].path,
		      st->logs[a].path, what);
	if (json_is_array(pa) && json_is_array(pb) && json_is_string(json_array_get(pa, 0))) {
		hz_buf_puts(&msg, " (the second");
		describe_diff(&msg, pb, pa);
		hz_buf_puts(&msg, ")");
	} else {
		size_t i = 0;
		char *x, *y;
		if (json_is_array(pa) && json_is_array(pb)) {
			/* Show the first element that differs, not the whole lists. */
			while (i < json_array_size(pa) && json_equal(json_array_get(pa, i), json_array_get(pb, i)))
				i++;
			pa = json_array_get(pa, i);
			pb = json_array_get(pb, i);
		}
		x = json_dumps(pa, JSON_ENCODE_ANY | JSON_COMPACT);
		y = json_dumps(pb, JSON_ENCODE_ANY | JSON_COMPACT);
		hz_buf_printf(&msg, " (%s vs %s)", x ? x : "none", y ? y : "none");
		free(x);
		free(y);
	}
	hz_buf_puts(&msg, ": shards of one sweep must share agents, tasks, task versions and repeats");
	rc = hz_error_set(HZ_ECONFLICT, "%s", hz_buf_cstr(&msg));
	hz_buf_release(&msg);
	return rc;
}

int mg_plan_check(mg_state *st)
{
	static const char *const keys[] = { "agents", "agent_settings", "tasks", "task_contents", "repeats",
					     "seed", "time_limit_scale", "shards" };
	static const char *const names[] = { "agents", "agent settings", "tasks or task versions",
					     "task contents (same versions, different files)", "repeats", "seeds",
					     "time-limit scales", "shard counts" };
	json_t *ref = NULL, *cur = NULL;
	size_t refi = 0;
	int rc = 0;

	for (size_t i = 0; i < st->nlogs && !rc; i++) {
		long k, n;
		if (!st->logs[i].sweep)
			continue;
		if (!(cur = normalise(st->logs[i].sweep))) {
			rc = hz_error_set(HZ_ENOMEM, "out of memory");
			break;
		}
		if (!ref) {
			ref = cur;
			cur = NULL;
			refi = i;
			/* The merged sweep.json's plan: the first one, less what is per shard. */
			if (!(st->plan = json_deep_copy(plan_of(st->logs[i].sweep)))) {
				rc = hz_error_set(HZ_ENOMEM, "out of memory");
				break;
			}
			json_object_del(st->plan, "shard");
			json_object_del(st->plan, "runs_planned");
			json_object_del(st->plan, "written_at");
			json_object_del(st->plan, "jobs");
			continue;
		}
		for (size_t j = 0; j < sizeof(keys) / sizeof(keys[0]) && !rc; j++) {
			json_t *x = json_object_get(ref, keys[j]), *y = json_object_get(cur, keys[j]);
			if (x && y && !json_equal(x, y))
				rc = mismatch(st, refi, i, names[j], x, y);
		}
		shard_of(st->logs[i].sweep, &k, &n);
		for (size_t j = 0; j < i && !rc; j++) {
			long k2, n2;
			if (!st->logs[j].sweep)
				continue;
			shard_of(st->logs[j].sweep, &k2, &n2);
			if (n > 1 && k && k == k2 && n == n2)
				rc = mg_note(st, "'%s' and '%s' are both shard %ld/%ld", st->logs[j].path,
					     st->logs[i].path, k, n);
		}
		json_decref(cur);
		cur = NULL;
	}
	json_decref(ref);
	json_decref(cur);
	return rc;
}

/*
 * The shard (1-based) that `horizon run --shard K/N` gives a run_id: the
 * partition of src/lib/run/sweep_setup.c, FNV-1a of the 16 hex digits mod N.
 */
static int has_verdict(mg_state *st, const char *run_id)
{
	json_t *ix = json_object_get(st->index, run_id);
	return ix && st->entries[json_integer_value(ix)].verdict;
}

/* The shard count of the plan: the largest N any input names. */
static long plan_shards(mg_state *st)
{
	long n = 1;

	for (size_t i = 0; i < st->nlogs; i++) {
		long k, nn;
		if (!st->logs[i].sweep)
			continue;
		shard_of(st->logs[i].sweep, &k, &nn);
		if (nn > n)
			n = nn;
	}
	return n;
}

int mg_plan_missing(mg_state *st)
{
	json_t *plan = st->plan, *agents, *tasks, *list = NULL, *a, *t;
	long repeats = 1, n = plan_shards(st), *per_shard = NULL;
	size_t i, j;
	int rc = 0;

	if (!plan)
		return 0;
	agents = json_object_get(plan, "agents");
	tasks = json_object_get(plan, "tasks");
	if (json_is_integer(json_object_get(plan, "repeats")))
		repeats = (long)json_integer_value(json_object_get(plan, "repeats"));
	if (!json_is_array(agents) || !json_is_array(tasks) || repeats < 1)
		return 0;
	if (!(list = json_array()) || !(per_shard = calloc((size_t)n + 1, sizeof(*per_shard)))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	st->res->plan_known = 1;
	json_array_foreach(agents, i, a) {
		json_array_foreach(tasks, j, t) {
			const char *id = json_is_string(t) ? json_string_value(t) : task_field(t, "id", "task_id");
			const char *ver = task_field(t, "version", "task_version");
			if (!agent_alias(a) || !id || !ver) {
				st->res->plan_known = 0;
				continue;
			}
			/* Repeats count from 1, as in hz_sweep_run. */
			for (int r = 1; r <= repeats; r++) {
				char run_id[17];
				long k;
				hz_run_id(agent_alias(a), id, ver, r, run_id);
				st->res->planned++;
				if (has_verdict(st, run_id))
					continue;
				k = hz_run_shard(run_id, n);
				per_shard[k]++;
				st->res->missing++;
				json_array_append_new(list, json_pack("{s:s,s:s,s:s,s:i,s:o}", "run_id", run_id, "alias",
								      agent_alias(a), "task_id", id, "repeat", r, "shard",
								      json_sprintf("%ld/%ld", k, n)));
			}
		}
	}
	for (long k = 1, shown = 0, more = 0; n > 1 && k <= n && !rc; k++) {
		if (per_shard[k] && shown++ < MG_SHARD_NOTES_MAX)
			rc = mg_note(st, "shard %ld/%ld: %ld run%s without a verdict", k, n, per_shard[k],
				     per_shard[k] == 1 ? "" : "s");
		else if (per_shard[k])
			more++;
		if (k == n && more && !rc)
			rc = mg_note(st, "... and %ld more shards with runs without a verdict", more);
	}
	st->missing = list;
	list = NULL;
done:
	free(per_shard);
	json_decref(list);
	return rc;
}

int mg_sweep_json(mg_state *st, char **out)
{
	json_t *root = NULL, *inputs = NULL, *seen = NULL;
	long n = 1;
	char now[21];
	int rc = 0;

	*out = NULL;
	hz_fmt_iso8601(hz_time_ms(), now);
	if (!(inputs = json_array()) || !(seen = json_object())) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < st->nlogs; i++) {
		mg_log *log = &st->logs[i];
		long k = 1, nn = 1;
		if (log->sweep) {
			shard_of(log->sweep, &k, &nn);
			if (nn > n)
				n = nn;
			char key[32];
			for (long s = k ? k : 1; s <= (k ? k : nn); s++) {
				size_t ai;
				json_t *abs;
				int absent = 0;
				snprintf(key, sizeof(key), "%ld/%ld", s, nn);
				json_array_foreach(json_object_get(log->sweep, "shards_absent"), ai, abs)
					absent |= !k && json_is_string(abs) && !strcmp(json_string_value(abs), key);
				snprintf(key, sizeof(key), "%ld", s);
				if (!absent)
					json_object_set_new(seen, key, json_true());
			}
		}
		json_array_append_new(inputs, json_pack("{s:s, s:I, s:b, s:o}", "path", log->path, "records",
							(json_int_t)log->records, "partial_last_line", log->partial,
							"shard", !log->sweep ? json_null() : k ? json_sprintf("%ld/%ld", k, nn) : json_string("merged")));
	}
	root = json_pack("{s:b, s:s, s:s, s:O?, s:o, s:{s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I}, s:O}", "merged", 1,
			 "horizon_version", HZ_VERSION, "merged_at", now, "plan", st->plan, "inputs", inputs,
			 "counts", "records_read", (json_int_t)st->res->records, "records_written",
			 (json_int_t)st->res->written, "runs", (json_int_t)st->res->runs, "success",
			 (json_int_t)st->res->success, "failure", (json_int_t)st->res->failure, "error",
			 (json_int_t)st->res->error, "duplicates", (json_int_t)st->res->duplicates,
			 "replaced_errors", (json_int_t)st->res->replaced_errors, "partial_lines",
			 (json_int_t)st->res->partial_lines, "conflicts", st->conflicts);
	inputs = NULL;
	if (!root) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory building sweep.json");
		goto done;
	}
	/* A shard whose log came in a shared directory shows in its records' run_ids. */
	for (size_t i = 0; n > 1 && i < st->nentries; i++) {
		char key[32];
		snprintf(key, sizeof(key), "%ld", hz_run_shard(st->entries[i].run_id, n));
		json_object_set_new(seen, key, json_true());
	}
	{
		json_t *absent = json_array();
		json_object_set_new(root, "shards", json_integer(n));
		json_object_set_new(root, "shards_absent", absent);
		for (long k = 1; absent && k <= n; k++) {
			char key[32];
			snprintf(key, sizeof(key), "%ld", k);
			if (json_object_get(seen, key) || n == 1)
				continue;
			json_array_append_new(absent, json_sprintf("%ld/%ld", k, n));
			/* one note per shard for the first few: a plan of 100000 shards must not make 100000 */
			if (st->res->shards_absent++ < MG_SHARD_NOTES_MAX &&
			    (rc = mg_note(st, "shard %ld/%ld: no log among the inputs", k, n)) != 0)
				goto done;
		}
		if (st->res->shards_absent > MG_SHARD_NOTES_MAX &&
		    (rc = mg_note(st, "... and %zu more shards with no log among the inputs (listed in sweep.json)",
				  st->res->shards_absent - MG_SHARD_NOTES_MAX)) != 0)
			goto done;
	}
	if (st->missing && st->res->missing &&
	    (rc = mg_note(st, "%zu of %zu planned runs have no verdict yet (listed under \"missing\" in sweep.json)",
			  st->res->missing, st->res->planned)) != 0)
		goto done;
	if (st->missing)
		json_object_set_new(root, "missing", json_pack("{s:I, s:I, s:O}", "planned", (json_int_t)st->res->planned,
							       "count", (json_int_t)st->res->missing, "runs", st->missing));
	else
		json_object_set_new(root, "missing", json_null());
	if (!(*out = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER)))
		rc = hz_error_set(HZ_ENOMEM, "out of memory writing sweep.json");
done:
	json_decref(root);
	json_decref(inputs);
	json_decref(seen);
	return rc;
}
