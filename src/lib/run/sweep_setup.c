/*
 * Setting a sweep up: option checks, the catalogue and selection, the plan
 * (agent x task x repeat, filtered to this shard), sweep.json, the work root
 * and the staged copies of each task's tests/ and solution/ that the
 * sandbox uid can read.
 */
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <jansson.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "workspace.h"
#include "record.h"
#include "strutil.h"
#include "sweep_internal.h"

void sweep_setup_release(sweep_setup *s)
{
	if (s->private_dir)
		hz_fs_remove_tree(s->private_dir);
	if (s->work_root && s->work_root_tmp)
		rmdir(s->work_root); /* only when empty: kept workspaces stay */
	for (size_t i = 0; s->stages && i < s->ntasks; i++)
		free(s->stages[i]);
	for (size_t i = 0; s->bases && i < s->ntasks; i++)
		workspace_base_free(s->bases[i]);
	free(s->stages);
	free(s->bases);
	free(s->tasks);
	free(s->plan);
	free(s->work_root);
	free(s->private_dir);
	hz_catalog_free(s->own_catalog);
	hz_buf_release(&s->warnings);
	memset(s, 0, sizeof(*s));
}

static int check_opts(const hz_sweep_opts *o)
{
	if (!o->out_dir || !*o->out_dir)
		return hz_error_set(HZ_EUSAGE, "no output directory given");
	if (o->nagents == 0)
		return hz_error_set(HZ_EUSAGE, "no agent given");
	if (o->repeats < 1)
		return hz_error_set(HZ_EUSAGE, "repeats must be at least 1, not %d", o->repeats);
	if (o->jobs < 1 || o->jobs > 256)
		return hz_error_set(HZ_EUSAGE, "jobs must be from 1 to 256, not %d", o->jobs);
	if (o->shard_n < 1 || o->shard_k < 1 || o->shard_k > o->shard_n)
		return hz_error_set(HZ_EUSAGE, "shard %d/%d: K must be from 1 to N", o->shard_k, o->shard_n);
	if (!(o->time_limit_scale > 0) || o->time_limit_scale > 1000)
		return hz_error_set(HZ_EUSAGE, "time limit scale must be a positive number up to 1000");
	if (o->max_retries < 0)
		return hz_error_set(HZ_EUSAGE, "max retries must be at least 0");
	if (o->items && o->shard_n > 1)
		return hz_error_set(HZ_EUSAGE, "an adaptive sweep's batches cannot be sharded (each depends on the last)");
	if (o->nagents && !o->agent_new)
		return hz_error_set(HZ_EUSAGE, "sweep options have no agent_new (hz_agent_new of horizon/agents.h)");
	for (size_t i = 0; i < o->nagents; i++) {
		hz_agent *a = NULL;
		int rc;
		if (!o->agents[i].alias || !o->agents[i].backend)
			return hz_error_set(HZ_EUSAGE, "agent %zu has no alias or backend", i + 1);
		for (size_t j = 0; j < i; j++)
			if (!strcmp(o->agents[i].alias, o->agents[j].alias))
				return hz_error_set(HZ_EUSAGE,
						    "two agents are called '%s': give one another name with alias=NAME",
						    o->agents[i].alias);
		/* Make each agent once now, so a bad setting stops the sweep before it starts. */
		if ((rc = o->agent_new(&a, &o->agents[i])) != 0)
			return rc;
		hz_agent_free(a);
	}
	return 0;
}

/*
 * Every tool a selected task `requires` should be installed where the
 * sandbox looks (its PATH), or the oracle would fail for the wrong reason:
 * a warning per missing tool (the catalogue's validator says the same).
 */
static void check_requires(hz_task *const *tasks, size_t n, hz_buf *warnings)
{
	for (size_t t = 0; t < n; t++)
		for (size_t i = 0; i < hz_task_requires_count(tasks[t]); i++) {
			const char *tool = hz_task_requires(tasks[t], i);
			if (!hz_task_tool_installed(tool))
				hz_buf_printf(warnings, "task '%s' requires '%s', which is not installed in /usr or /bin: "
							"its runs may fail for that reason\n", hz_task_id(tasks[t]), tool);
		}
}

/*
 * An adaptive sweep and a full sweep never share a DIR: the fit would mix two
 * designs whose intervals differ (docs/adaptive.md).  DIR/sweep.json says
 * which design the directory holds.
 */
static int check_design(const hz_sweep_opts *o)
{
	char *path = hz_path_join(o->out_dir, "sweep.json");
	json_t *root = path ? json_load_file(path, 0, NULL) : NULL;
	const char *had = root ? json_string_value(json_object_get(root, "design")) : NULL;
	int rc = 0;

	if (!path)
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
	else if (root && !o->design != !had)
		rc = hz_error_set(HZ_EUSAGE,
				  "'%s' holds %s sweep: %s sweep into the same directory would mix the two designs "
				  "(use another --out)", path, had ? "an adaptive" : "a full",
				  o->design ? "an adaptive" : "a full");
	json_decref(root);
	free(path);
	return rc;
}

/* Plan exactly opts->items (an adaptive sweep's batch), in their order: never sharded. */
static int plan_items(const hz_sweep_opts *o, sweep_setup *s)
{
	for (size_t i = 0; i < o->nitems; i++) {
		const hz_sweep_item *it = &o->items[i];
		run_plan *p = &s->plan[s->nplan];
		size_t t;
		for (t = 0; t < s->ntasks && strcmp(hz_task_id(s->tasks[t]), it->task_id); t++)
			;
		if (t == s->ntasks || it->agent >= o->nagents || it->repeat < 1)
			return hz_error_set(HZ_EUSAGE, "run %zu of the batch (%s #%d) is not in the selection", i + 1,
					    it->task_id, it->repeat);
		hz_run_id(o->agents[it->agent].alias, it->task_id, hz_task_version(s->tasks[t]), it->repeat,
			  p->run_id);
		s->unsharded++;
		p->agent = it->agent;
		p->task = s->tasks[t];
		p->repeat = it->repeat;
		s->nplan++;
	}
	return 0;
}

int sweep_plan(const hz_sweep_opts *o, sweep_setup *s)
{
	hz_selector all = HZ_SELECTOR_INIT;
	size_t cap;
	int rc;

	memset(s, 0, sizeof(*s));
	if ((rc = check_opts(o)) != 0 || (rc = check_design(o)) != 0)
		return rc;
	if (o->catalog) {
		s->catalog = o->catalog;
	} else {
		const char *root = o->tasks_root ? o->tasks_root : hz_catalog_default_root();
		if ((rc = hz_catalog_load(&s->own_catalog, root)) != 0)
			return rc;
		s->catalog = s->own_catalog;
	}
	if ((rc = hz_catalog_select(s->catalog, o->selector ? o->selector : &all, &s->tasks, &s->ntasks)) != 0)
		return rc;
	if (s->ntasks == 0)
		return hz_error_set(HZ_ENOTFOUND, "no task of the catalogue in '%s' matches the selection",
				    hz_catalog_root(s->catalog));
	hz_buf_init(&s->warnings, 64 << 10);
	check_requires(s->tasks, s->ntasks, &s->warnings);
	/* Hash every task now: workers read the cached value concurrently later. */
	for (size_t t = 0; t < s->ntasks; t++)
		hz_task_sha256(s->tasks[t]);
	cap = o->items ? o->nitems : o->nagents * s->ntasks * (size_t)o->repeats;
	if (!(s->plan = calloc(cap ? cap : 1, sizeof(*s->plan))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if (o->items)
		return plan_items(o, s);
	for (size_t a = 0; a < o->nagents; a++)
		for (size_t t = 0; t < s->ntasks; t++)
			for (int r = 1; r <= o->repeats; r++) {
				run_plan *p = &s->plan[s->nplan];
				hz_run_id(o->agents[a].alias, hz_task_id(s->tasks[t]), hz_task_version(s->tasks[t]), r,
					  p->run_id);
				s->unsharded++;
				if (hz_run_shard(p->run_id, o->shard_n) != o->shard_k)
					continue;
				p->agent = a;
				p->task = s->tasks[t];
				p->repeat = r;
				s->nplan++;
			}
	return 0;
}

/* Can `uid` walk down to `path` (every directory on the way searchable by others or owned by it)? */
static int reachable_by(const char *path, long uid)
{
	char real[PATH_MAX], *p;
	struct stat st;

	if (uid < 0)
		return 1;
	if (!realpath(path, real))
		return 0;
	for (p = real;; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			*p = '\0';
			if (stat(real[0] ? real : "/", &st) < 0)
				return 0;
			if (!(st.st_mode & S_IXOTH) && st.st_uid != (uid_t)uid)
				return 0;
			*p = c;
			if (!c)
				break;
		}
	}
	return 1;
}

static int chmod_readable(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)ftw;
	if (flag == FTW_SL)
		return 0;
	return chmod(path, (st->st_mode & 07777) | (S_ISDIR(st->st_mode) ? 0555 : 0444)) < 0 ? -1 : 0;
}

/*
 * A copy of the task's tests/, solution/ and instructions.md that everybody
 * can read, and the task's baseline repository (dest/base).
 */
static int stage_task(const hz_task *task, const char *dest, run_workspace_base **base)
{
	static const char *const parts[] = { "tests", "solution" };
	char *ins = NULL, *p = NULL;
	int rc;

	if ((rc = hz_fs_mkdir_p(dest, 0755)) != 0)
		return rc;
	if ((rc = hz_task_instructions(task, &ins)) == 0) {
		if (!(p = hz_path_join(dest, "instructions.md")))
			rc = hz_error_set(HZ_ENOMEM, "out of memory");
		else if ((rc = hz_fs_write_atomic(p, ins, strlen(ins))) == 0)
			chmod(p, 0644);
		free(p);
		p = NULL;
	}
	free(ins);
	if (rc)
		return rc;
	{
		char *src = hz_path_join(hz_task_dir(task), "workspace"), *dir = hz_path_join(dest, "base");
		rc = src && dir ? workspace_base_new(base, dir, src) : hz_error_set(HZ_ENOMEM, "out of memory");
		free(src);
		free(dir);
		if (rc)
			return rc;
	}
	for (size_t i = 0; i < 2; i++) {
		char *src = hz_path_join(hz_task_dir(task), parts[i]), *dst = hz_path_join(dest, parts[i]);
		if (!src || !dst)
			rc = hz_error_set(HZ_ENOMEM, "out of memory");
		else if ((rc = hz_fs_copy_tree(src, dst)) == 0 && nftw(dst, chmod_readable, 16, FTW_PHYS) != 0)
			rc = hz_error_set_errno("cannot make '%s' readable", dst);
		free(src);
		free(dst);
		if (rc)
			return rc;
	}
	return 0;
}

/* Remove the private directories (.horizon-<pid>) of sweeps that were killed. */
static void remove_stale(const char *work_root)
{
	DIR *d = opendir(work_root);
	struct dirent *de;

	if (!d)
		return;
	while ((de = readdir(d)) != NULL) {
		long pid;
		char *path;
		if (strncmp(de->d_name, ".horizon-", 9) != 0 || (pid = strtol(de->d_name + 9, NULL, 10)) <= 0)
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		if ((path = hz_path_join(work_root, de->d_name)) != NULL)
			hz_fs_remove_tree(path);
		free(path);
	}
	closedir(d);
}

int sweep_prepare(const hz_sweep_opts *o, sweep_setup *s, long uid)
{
	hz_buf b = HZ_BUF_INIT;
	int rc;

	if (!(s->work_root = o->work_dir ? strdup(o->work_dir) : hz_path_join(o->out_dir, "work")))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if ((rc = hz_fs_mkdir_p(s->work_root, 0711)) != 0)
		return rc;
	{
		/* bwrap takes mount sources relative to its own cwd: make every path absolute. */
		char *abs = realpath(s->work_root, NULL);
		if (!abs)
			return hz_error_set_errno("work directory '%s'", s->work_root);
		free(s->work_root);
		s->work_root = abs;
	}
	if (o->work_dir && !reachable_by(s->work_root, uid))
		return hz_error_set(HZ_ESANDBOX, "work directory '%s': the sandbox uid %ld cannot reach it (every "
						 "directory on the way must be searchable by others)", o->work_dir, uid);
	if (!o->work_dir)
		chmod(s->work_root, 0711);
	if (!reachable_by(s->work_root, uid)) {
		/* The sandbox uid cannot get to DIR (e.g. under /root): work in /tmp instead. */
		const char *tmp = getenv("TMPDIR");
		hz_buf_printf(&b, "%s/horizon-work-XXXXXX", tmp && *tmp == '/' ? tmp : "/tmp");
		free(s->work_root);
		s->work_root = NULL;
		if (!b.ptr || !mkdtemp(b.ptr) || chmod(b.ptr, 0711) < 0 || !reachable_by(b.ptr, uid)) {
			rc = hz_error_set(HZ_ESANDBOX, "the sandbox uid %ld can reach neither '%s/work' nor '%s'", uid,
					  o->out_dir, hz_buf_cstr(&b));
			hz_buf_release(&b);
			return rc;
		}
		s->work_root = hz_buf_detach(&b);
		s->work_root_tmp = 1;
	}
	remove_stale(s->work_root);
	hz_buf_printf(&b, "%s/.horizon-%ld", s->work_root, (long)getpid());
	s->private_dir = hz_buf_detach(&b);
	hz_fs_remove_tree(s->private_dir);
	if ((rc = hz_fs_mkdir_p(s->private_dir, 0755)) != 0)
		return rc;
	chmod(s->private_dir, 0755);
	if (!(s->stages = calloc(s->ntasks, sizeof(char *))) || !(s->bases = calloc(s->ntasks, sizeof(*s->bases))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	for (size_t i = 0; i < s->ntasks; i++) {
		hz_buf_printf(&b, "%s/task-%zu", s->private_dir, i);
		s->stages[i] = hz_buf_detach(&b);
		if ((rc = stage_task(s->tasks[i], s->stages[i], &s->bases[i])) != 0)
			return hz_error_prefix("staging task '%s': ", hz_task_id(s->tasks[i]));
	}
	return 0;
}

static json_t *agent_json(const hz_agent_config *c, uint64_t seed, size_t other)
{
	char *spec = record_spec_string(c);
	json_t *conf = record_agent_config(c, seed);
	char fp[17] = "";
	json_t *o = json_pack("{s:s,s:s,s:o,s:s,s:o,s:o}", "alias", c->alias, "backend", c->backend, "model",
			      c->model ? json_string(c->model) : json_null(), "spec", spec ? spec : "",
			      "release_date", c->release_date ? json_string(c->release_date) : json_null(),
			      "params", json_object());

	for (size_t i = 0; o && i < c->nparams; i++)
		json_object_set_new(json_object_get(o, "params"), c->params[i].key, json_string(c->params[i].value));
	if (o && c->base_url)
		json_object_set_new(o, "base_url", json_string(c->base_url));
	if (o && c->api_key_env) /* the variable's name, never its value */
		json_object_set_new(o, "api_key_env", json_string(c->api_key_env));
	if (o && (c->price_in > 0 || c->price_out > 0)) {
		json_object_set_new(o, "price_in", json_real(c->price_in));
		json_object_set_new(o, "price_out", json_real(c->price_out));
	}
	if (o && conf && record_fingerprint(conf, fp) == 0) {
		/* What this sweep's records of the agent carry; `other` of them still hold an older one. */
		json_object_set_new(o, "agent_fingerprint", json_string(fp));
		json_object_set_new(o, "agent_config", json_incref(conf));
		json_object_set_new(o, "runs_recorded_with_other_config", json_integer((json_int_t)other));
	}
	json_decref(conf);
	free(spec);
	return o;
}

int sweep_write_json(const hz_sweep_opts *o, const sweep_setup *s, const size_t *other)
{
	json_t *root = json_object(), *agents = json_array(), *tasks = json_array(), *sel = json_array();
	char when[21], *text = NULL, *path = NULL;
	int rc = 0;

	if (!root || !agents || !tasks || !sel) {
		json_decref(root);
		json_decref(agents);
		json_decref(tasks);
		json_decref(sel);
		return hz_error_set(HZ_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < o->nagents; i++)
		json_array_append_new(agents, agent_json(&o->agents[i], o->seed, other ? other[i] : 0));
	for (size_t i = 0; i < s->ntasks; i++)
		json_array_append_new(tasks, json_pack("{s:s,s:s,s:s,s:f}", "id", hz_task_id(s->tasks[i]), "version",
						       hz_task_version(s->tasks[i]), "sha256",
						       hz_task_sha256(s->tasks[i]), "human_minutes",
						       hz_task_human_minutes(s->tasks[i])));
	for (size_t i = 0; o->selector && i < o->selector->nterms; i++)
		json_array_append_new(sel, json_string(o->selector->terms[i]));
	hz_fmt_iso8601(hz_time_ms(), when);
	json_object_set_new(root, "horizon_version", json_string(HZ_VERSION));
	json_object_set_new(root, "written_at", json_string(when));
	json_object_set_new(root, "tasks_root", json_string(hz_catalog_root(s->catalog)));
	json_object_set_new(root, "selector", sel);
	json_object_set_new(root, "min_minutes", json_real(o->selector ? o->selector->min_minutes : 0));
	json_object_set_new(root, "max_minutes", json_real(o->selector ? o->selector->max_minutes : 0));
	json_object_set_new(root, "agents", agents);
	json_object_set_new(root, "tasks", tasks);
	json_object_set_new(root, "repeats", json_integer(o->repeats));
	json_object_set_new(root, "shard", json_pack("{s:i,s:i}", "k", o->shard_k, "n", o->shard_n));
	json_object_set_new(root, "runs_planned", json_integer((json_int_t)s->nplan));
	json_object_set_new(root, "runs_all_shards", json_integer((json_int_t)s->unsharded));
	json_object_set_new(root, "seed", json_integer((json_int_t)(o->seed & 0x7fffffffffffffffULL)));
	json_object_set_new(root, "sandbox", json_string(hz_sandbox_mode_name(o->sandbox)));
	json_object_set_new(root, "time_limit_scale", json_real(o->time_limit_scale));
	json_object_set_new(root, "max_retries", json_integer(o->max_retries));
	json_object_set_new(root, "jobs", json_integer(o->jobs));
	if (o->design) /* the batch of an adaptive sweep: DIR/adaptive.json has the whole design */
		json_object_set_new(root, "design", json_string(o->design));
	if (!(text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER)) ||
	    !(path = hz_path_join(o->out_dir, "sweep.json"))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
	} else {
		size_t n = strlen(text);
		text[n] = '\n'; /* json_dumps leaves room for the NUL: reuse it for a final newline */
		rc = hz_fs_write_atomic(path, text, n + 1);
	}
	free(text);
	free(path);
	json_decref(root);
	return rc;
}
