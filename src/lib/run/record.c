/*
 * The run record: one JSON object per run, METR's fields with METR's names
 * and types plus horizon's own (docs/results.md), and the run_id.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "horizon/run.h"
#include "record.h"
#include "record_schema.h"
#include "strutil.h"

long hz_run_shard(const char *run_id, long n)
{
	return n > 1 ? (long)(hz_hash64(run_id, strlen(run_id)) % (uint64_t)n) + 1 : 1;
}

void hz_run_id(const char *alias, const char *task_id, const char *task_version, int repeat, char out[17])
{
	hz_buf b = HZ_BUF_INIT;
	char hex[65];

	hz_buf_puts(&b, alias);
	hz_buf_putc(&b, '\0');
	hz_buf_puts(&b, task_id);
	hz_buf_putc(&b, '\0');
	hz_buf_puts(&b, task_version);
	hz_buf_putc(&b, '\0');
	hz_buf_printf(&b, "%d", repeat);
	hz_sha256_hex(b.ptr ? b.ptr : "", b.len, hex);
	memcpy(out, hex, 16);
	out[16] = '\0';
	hz_buf_release(&b);
}

char *record_spec_string(const hz_agent_config *cfg)
{
	hz_buf b = HZ_BUF_INIT;

	hz_buf_puts(&b, cfg->backend ? cfg->backend : "?");
	if (cfg->model)
		hz_buf_printf(&b, ":%s", cfg->model);
	for (size_t i = 0; i < cfg->nparams; i++)
		hz_buf_printf(&b, ",%s=%s", cfg->params[i].key, cfg->params[i].value);
	if (cfg->base_url)
		hz_buf_printf(&b, ",base_url=%s", cfg->base_url);
	if (cfg->release_date)
		hz_buf_printf(&b, ",release=%s", cfg->release_date);
	return hz_buf_detach(&b);
}

/*
 * Settings that change nothing an agent does: prices (display metadata), client-side throughput,
 * and which person a `human` baseline run had (every baseliner's runs are the agent "human").
 */
static int fingerprint_skips(const char *key)
{
	static const char *const skip[] = { "price_cache_read", "price_cache_write", "concurrency", "who", NULL };

	for (size_t i = 0; skip[i]; i++)
		if (!strcmp(skip[i], key))
			return 1;
	return 0;
}

json_t *record_agent_config(const hz_agent_config *cfg, uint64_t seed)
{
	json_t *o = json_object(), *set = json_object();

	if (!o || !set) {
		json_decref(o);
		json_decref(set);
		return NULL;
	}
	for (size_t i = 0; i < cfg->nparams; i++)
		if (!fingerprint_skips(cfg->params[i].key))
			json_object_set_new(set, cfg->params[i].key, json_string(cfg->params[i].value));
	json_object_set_new(o, "backend", json_string(cfg->backend ? cfg->backend : ""));
	json_object_set_new(o, "model", cfg->model ? json_string(cfg->model) : json_null());
	json_object_set_new(o, "base_url", cfg->base_url ? json_string(cfg->base_url) : json_null());
	json_object_set_new(o, "settings", set);
	json_object_set_new(o, "seed", json_integer((json_int_t)(seed & 0x7fffffffffffffffULL)));
	return o;
}

int record_fingerprint(const json_t *agent_config, char out[17])
{
	char *text = json_dumps(agent_config, JSON_COMPACT | JSON_SORT_KEYS);
	char hex[65];

	out[0] = '\0';
	if (!text)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	hz_sha256_hex(text, strlen(text), hex);
	memcpy(out, hex, 16);
	out[16] = '\0';
	free(text);
	return 0;
}

int record_config_fingerprint(const hz_agent_config *cfg, uint64_t seed, char out[17])
{
	json_t *conf = record_agent_config(cfg, seed);
	int rc = conf ? record_fingerprint(conf, out) : hz_error_set(HZ_ENOMEM, "out of memory");

	json_decref(conf);
	return rc;
}

static void show_diff(hz_buf *out, size_t *n, const char *key, const json_t *was, const json_t *now)
{
	char *a = was && !json_is_null(was) && !json_is_string(was) ? json_dumps(was, JSON_ENCODE_ANY) : NULL;
	char *b = now && !json_is_null(now) && !json_is_string(now) ? json_dumps(now, JSON_ENCODE_ANY) : NULL;
	const char *sa = json_is_string(was) ? json_string_value(was) : a ? a : "unset";
	const char *sb = json_is_string(now) ? json_string_value(now) : b ? b : "unset";

	hz_buf_printf(out, "%s%s: recorded %s, now %s", (*n)++ ? "; " : "", key, sa, sb);
	free(a);
	free(b);
}

/* Every way two agent configurations differ, as "key: recorded A, now B; ..." into *out. */
void record_config_diff(const json_t *recorded, const json_t *now, hz_buf *out)
{
	static const char *const top[] = { "backend", "model", "base_url", "seed", NULL };
	json_t *rs = json_object_get(recorded, "settings"), *ns = json_object_get(now, "settings"), *v;
	const char *key;
	size_t n = 0;

	for (size_t i = 0; top[i]; i++) {
		json_t *a = json_object_get(recorded, top[i]), *b = json_object_get(now, top[i]);
		if (!json_equal(a, b) && !((!a || json_is_null(a)) && (!b || json_is_null(b))))
			show_diff(out, &n, top[i], a, b);
	}
	json_object_foreach(rs, key, v)
		if (!json_equal(v, json_object_get(ns, key)))
			show_diff(out, &n, key, v, json_object_get(ns, key));
	json_object_foreach(ns, key, v)
		if (!json_object_get(rs, key))
			show_diff(out, &n, key, NULL, v);
	if (!n)
		hz_buf_puts(out, "the same settings written differently");
}

/* A JSON string of s, with any byte that is not valid UTF-8 replaced by '?' (messages may carry any bytes). */
static json_t *json_text(const char *s)
{
	json_t *v = json_string(s);
	char *copy;

	if (v || !(copy = strdup(s)))
		return v;
	for (unsigned char *p = (unsigned char *)copy; *p; p++)
		if (*p >= 0x80)
			*p = '?';
	v = json_string(copy);
	free(copy);
	return v;
}

static json_t *str_or_null(const char *s)
{
	return s ? json_text(s) : json_null();
}

/* A path under DIR for the record, or null when the file does not exist. */
static json_t *rel_file(const record_in *in, const char *name)
{
	hz_buf rel = HZ_BUF_INIT, abs = HZ_BUF_INIT;
	json_t *v;

	hz_buf_printf(&rel, "runs/%s/%s", in->run_id, name);
	hz_buf_printf(&abs, "%s/%s", in->out_dir, hz_buf_cstr(&rel));
	v = hz_fs_is_file(hz_buf_cstr(&abs)) ? json_string(hz_buf_cstr(&rel)) : json_null();
	hz_buf_release(&rel);
	hz_buf_release(&abs);
	return v;
}

/* METR marks runs stopped by a limit with fatal_error_from "usageLimits". */
static const char *fatal_error_from(const record_in *in)
{
	int limit = record_limit_of(in->exit_reason);

	if (!strcmp(in->status, "error"))
		return in->exit_reason;
	return limit >= 0 && limit < RECORD_USAGE_LIMITS ? "usageLimits" : NULL;
}

int record_build(const record_in *in, hz_buf *line)
{
	const hz_agent_config *cfg = in->config;
	const hz_agent_outcome *oc = in->outcome;
	long tokens = oc ? oc->input_tokens + oc->output_tokens : 0;
	double wait = oc ? oc->wait_s : 0;
	json_t *o, *iso = NULL;
	char *spec = record_spec_string(cfg), *text = NULL;
	int human = cfg->backend && !strcmp(cfg->backend, "human"), rc = 0;

	if (in->isolation)
		iso = json_loads(in->isolation, JSON_DECODE_ANY, NULL);
	o = json_object();
	if (!o || !spec) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
#define SET(k, v) json_object_set_new(o, k, v)
	SET("run_id", json_string(in->run_id));
	SET("task_id", json_string(hz_task_id(in->task)));
	SET("task_family", json_string(hz_task_family(in->task)));
	SET("task_version", json_string(hz_task_version(in->task)));
	SET("task_sha256", json_string(hz_task_sha256(in->task)));
	SET("alias", json_text(cfg->alias));
	SET("model", str_or_null(cfg->model ? cfg->model : cfg->backend));
	SET("backend", json_text(cfg->backend));
	SET("agent_spec", json_text(spec));
	SET("release_date", str_or_null(cfg->release_date));
	SET("repeat", json_integer(in->repeat));
	SET("status", json_text(in->status));
	SET("score_binarized", json_integer(!strcmp(in->status, "success") ? 1 : 0));
	SET("score_cont", json_real(in->score));
	SET("score", json_real(in->score));
	SET("human_minutes", json_real(hz_task_human_minutes(in->task)));
	/* A person's timed attempt (horizon baseline) is itself a baseline of the task's length. */
	SET("human_source", json_string(human ? "baseline" : hz_task_human_source(in->task)));
	if (human) {
		const char *who = hz_agent_config_param(cfg, "who");
		SET("baseliner", json_text(who ? who : ""));
		SET("typescript", rel_file(in, "session.cast"));
	}
	SET("time_limit", json_integer((json_int_t)llround(in->time_limit_s)));
	SET("started_at", json_integer(in->started_at));
	SET("completed_at", json_integer(in->completed_at));
	SET("fatal_error_from", str_or_null(fatal_error_from(in)));
	SET("exit_reason", json_text(in->exit_reason));
	SET("verdict", str_or_null(in->verdict[0] ? in->verdict : NULL));
	SET("error", str_or_null(in->error && in->error[0] ? in->error : NULL));
	SET("wall_s", json_real(round(in->wall_s * 1000) / 1000));
	SET("working_s", json_real(round(fmax(0, in->wall_s - wait) * 1000) / 1000));
	SET("wait_s", json_real(round(wait * 1000) / 1000));
	SET("score_wall_s", json_real(round(in->score_wall_s * 1000) / 1000));
	SET("setup_s", json_real(round(in->setup_s * 10000) / 10000));
	SET("patch_s", json_real(round(in->patch_s * 10000) / 10000));
	SET("total_tokens", tokens > 0 ? json_integer(tokens) : json_null());
	SET("input_tokens", json_integer(oc ? oc->input_tokens : 0));
	SET("output_tokens", json_integer(oc ? oc->output_tokens : 0));
	SET("dollar_equivalent", oc && (oc->cost_usd > 0 || tokens > 0) ? json_real(oc->cost_usd) : json_null());
	SET("turns", json_integer(oc ? oc->turns : 0));
	SET("isolation", iso ? iso : json_string("unknown"));
	iso = NULL;
	SET("baseline_commit", str_or_null(in->baseline[0] ? in->baseline : NULL));
	SET("final_commit", str_or_null(in->final[0] ? in->final : NULL));
	SET("patch", rel_file(in, "patch.diff"));
	SET("patch_bytes", json_integer((json_int_t)in->patch_bytes));
	SET("transcript", rel_file(in, "transcript.jsonl"));
	SET("agent_log", rel_file(in, "agent.log"));
	SET("scorer_log", rel_file(in, "scorer.log"));
	SET("seed", json_integer((json_int_t)(in->sweep_seed & 0x7fffffffffffffffULL)));
	{
		/* What made the run behave as it did: a resume compares it with the agent it is given. */
		json_t *conf = record_agent_config(cfg, in->sweep_seed);
		char fp[17];
		if (!conf || (rc = record_fingerprint(conf, fp)) != 0) {
			json_decref(conf);
			rc = rc ? rc : hz_error_set(HZ_ENOMEM, "out of memory");
			goto done;
		}
		SET("agent_config", conf);
		SET("agent_fingerprint", json_string(fp));
	}
	if (in->design)
		SET("design", json_string(in->design));
	SET("horizon_version", json_string(HZ_VERSION));
#undef SET
	if (!(text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10)))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	hz_buf_clear(line);
	rc = hz_buf_puts(line, text);
done:
	free(text);
	free(spec);
	json_decref(iso);
	json_decref(o);
	return rc;
}
