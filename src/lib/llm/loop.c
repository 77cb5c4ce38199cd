/*
 * The tool loop of the LLM backends, run in the runner (never in the
 * sandbox): send the conversation, read the model's actions, run bash
 * commands through env->exec, send the results back, until the model
 * submits or a limit (time, tokens, cost, turns) ends the run.  The API key
 * lives only here and in the HTTP headers.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "horizon/error.h"
#include "llm_loop.h"
#include "strutil.h"

typedef struct run_state {
	const llm_settings *s;
	const llm_wire *wire;
	const hz_agent_env *env;
	hz_agent_outcome *out;
	llm_transcript tr;
	llm_conv conv;
	llm_http *http;
	llm_host *host;
	char *key;
	llm_reply reply;   /* filled by check_body */
	char problem[160];    /* why the last body was refused */
	hz_buf body;
	unsigned long long rng;
	int json_mode;
	int native_used;      /* a request with tools was answered */
	long format_errors;
	double started;
	llm_sse sse;       /* the event stream of the request in flight */
	int streaming;
	long window;          /* the context window in use (tokens), 0: no management */
	double tok_per_byte;  /* input tokens per request byte, from the last usage */
	long shortenings;     /* times the history was shortened */
} run_state;

int llm_init(hz_agent *agent)
{
	llm_settings *s;
	char host[256];
	int rc;

	if ((rc = llm_preset_apply(&agent->config)) != 0)
		return rc;
	if (!(s = calloc(1, sizeof(*s))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if ((rc = llm_settings_load(s, &agent->config)) != 0 ||
	    (rc = llm_url_host(s->base_url, host, sizeof(host))) != 0) {
		llm_settings_release(s);
		free(s);
		return rc;
	}
	agent->state = s;
	return 0;
}

void llm_free(hz_agent *agent)
{
	if (agent->state)
		llm_settings_release(agent->state);
	free(agent->state);
	agent->state = NULL;
}

void llm_settings_of(const hz_agent *agent, hz_agent_setting_fn fn, void *ctx)
{
	llm_settings_each(agent->state, fn, ctx);
}

/* End the run: reason, infra flag, and a message (secrets masked). */
static void finish(run_state *st, const char *reason, int infra, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void finish(run_state *st, const char *reason, int infra, const char *fmt, ...)
{
	hz_buf msg = HZ_BUF_INIT;
	va_list ap;

	agent_outcome_reason(st->out, reason);
	st->out->infra_error = infra;
	if (fmt) {
		hz_buf_init(&msg, 2048);
		va_start(ap, fmt);
		hz_buf_vprintf(&msg, fmt, ap);
		va_end(ap);
		free(st->out->error_message);
		st->out->error_message = hz_buf_detach(&msg);
		llm_redact(st->out->error_message, st->key);
	}
}

static int check_body(void *ctx, const char *body, size_t len)
{
	run_state *st = ctx;

	llm_reply_release(&st->reply);
	if (st->wire->parse(&st->conv, body, len, &st->reply) == 0)
		return 0;
	snprintf(st->problem, sizeof(st->problem), "%s", hz_error_message());
	return -1;
}

static void on_attempt(void *ctx, int attempt, const llm_http_response *r, const char *problem, double backoff)
{
	run_state *st = ctx;
	json_t *ev;

	if (!problem && attempt == 1)
		return; /* the common case says nothing new */
	if (problem && !strcmp(problem, "malformed response body"))
		problem = st->problem;
	ev = json_pack("{s:s, s:I, s:i, s:I, s:f}", "type", "http", "turn", (json_int_t)st->out->turns + 1, "attempt",
		       attempt, "status", (json_int_t)r->status, "elapsed_s", r->elapsed_s);
	if (ev && problem)
		json_object_set_new(ev, "error", json_string(problem));
	if (ev && backoff > 0)
		json_object_set_new(ev, "backoff_s", json_real(backoff));
	llm_transcript_event(&st->tr, ev);
}

static int set_system(run_state *st)
{
	hz_buf p = HZ_BUF_INIT;
	int rc;

	if ((rc = llm_system_prompt(&p, st->json_mode)) != 0) {
		hz_buf_release(&p);
		return rc;
	}
	free(st->conv.system);
	st->conv.system = hz_buf_detach(&p);
	return 0;
}

/*
 * context_window=auto: ask the server.  llama-server answers GET /props
 * (n_ctx per slot), vLLM GET /v1/models (max_model_len).  No answer leaves
 * the window unknown (no shortening; an overflow still ends as context_limit).
 */
static void probe_context(run_state *st)
{
	const char *base = st->s->base_url;
	size_t n = strlen(base);
	llm_http_response r;
	hz_buf url = HZ_BUF_INIT;
	const char *how = NULL;

	memset(&r, 0, sizeof(r));
	hz_buf_init(&r.body, (size_t)1 << 20);
	while (n && base[n - 1] == '/')
		n--;
	for (int i = 0; i < 2 && !st->window; i++) {
		size_t m = n;
		hz_buf_clear(&url);
		if (i == 0 && m >= 3 && !strncmp(base + m - 3, "/v1", 3))
			m -= 3; /* llama-server's /props is beside /v1, not under it */
		if (hz_buf_put(&url, base, m) || hz_buf_puts(&url, i == 0 ? "/props" : "/models"))
			break;
		llm_http_get(st->http, url.ptr, 5, &r);
		if (r.curl_code == 0 && r.status == 200 &&
		    (st->window = llm_context_from_server(hz_buf_cstr(&r.body), r.body.len)) > 0)
			how = i == 0 ? "/props n_ctx" : "/models max_model_len";
	}
	llm_transcript_event(&st->tr, json_pack("{s:s, s:I, s:s?}", "type", "context_probe", "context_window",
						   (json_int_t)st->window, "source", how));
	hz_buf_release(&url);
	llm_http_response_release(&r);
}

static int start(run_state *st, hz_agent *agent)
{
	const hz_agent_env *env = st->env;
	hz_buf url = HZ_BUF_INIT, hdr = HZ_BUF_INIT, task = HZ_BUF_INIT;
	char host[256];
	size_t blen = strlen(st->s->base_url);
	int rc;

	st->json_mode = st->s->tool_mode == LLM_TOOLS_JSON;
	st->rng = env->seed ^ (unsigned long long)hz_time_ms() ^ (unsigned long long)(uintptr_t)st;
	hz_buf_init(&st->body, (size_t)64 << 20);
	hz_buf_init(&hdr, 4096);
	if (!(st->conv.messages = json_array()))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	while (blen && st->s->base_url[blen - 1] == '/')
		blen--;
	if ((rc = hz_buf_put(&url, st->s->base_url, blen)) || (rc = hz_buf_puts(&url, st->wire->path)) ||
	    (rc = llm_url_host(url.ptr, host, sizeof(host))) || (rc = st->wire->headers(st->s, st->key, &hdr)) ||
	    (rc = llm_http_new(&st->http, url.ptr, hz_buf_cstr(&hdr), st->s)) || (rc = set_system(st)))
		goto done;
	st->host = llm_host_get(host, st->s->concurrency);
	st->streaming = st->s->stream && st->wire->stream;
	if (st->streaming)
		llm_http_set_sink(st->http, llm_sse_feed, &st->sse);
	st->window = st->s->context_window;
	st->tok_per_byte = 1.0 / 3; /* until the API has counted a request: dense code is ~3 bytes a token */
	if (st->s->context_probe)
		probe_context(st);
	rc = hz_buf_printf(&task, "%s\n\n(Time limit for this task: %.0f seconds of wall time.)\n",
			   env->instructions ? env->instructions : "", env->deadline - hz_clock_now());
	if (!rc)
		rc = st->wire->add_user(&st->conv, task.ptr);
	llm_transcript_event(&st->tr, json_pack("{s:s, s:s?, s:s, s:s, s:s, s:s, s:s, s:s}", "type", "start", "run_id",
						   env->run_id, "agent", agent->config.alias, "backend",
						   st->wire->name, "model", st->s->model, "url", url.ptr, "tool_mode",
						   st->json_mode ? "json" : "native", "system", st->conv.system));
	llm_transcript_event(&st->tr, json_pack("{s:s, s:s}", "type", "user", "text", hz_buf_cstr(&task)));
done:
	if (hdr.ptr)
		explicit_bzero(hdr.ptr, hdr.cap);
	hz_buf_release(&hdr);
	hz_buf_release(&url);
	hz_buf_release(&task);
	return rc;
}

/* Run one bash call; *text gets what the model will read. */
static int run_bash(run_state *st, const llm_toolcall *call, hz_buf *text)
{
	json_t *cmd = json_object_get(call->args, "command"), *to = json_object_get(call->args, "timeout_s");
	double timeout = st->s->command_timeout_s, left = st->env->deadline - hz_clock_now();
	hz_exec_result res = { 0 };
	int rc;

	if (!json_is_string(cmd) || !*json_string_value(cmd))
		return hz_buf_puts(text, "error: bash needs a non-empty \"command\" string") ? -1 : 1;
	if (json_is_number(to) && json_number_value(to) > 0)
		timeout = json_number_value(to);
	if (timeout > left)
		timeout = left > 0.1 ? left : 0.1;
	if ((rc = st->env->exec(st->env->exec_ctx, json_string_value(cmd), timeout, &res)) != 0) {
		finish(st, "sandbox_error", 1, "running a command in the sandbox: %s", hz_error_message());
		hz_exec_result_release(&res);
		return rc;
	}
	if (res.timed_out)
		hz_buf_printf(text, "[command killed: timed out after %.0f s]\n", timeout);
	else if (res.term_signal)
		hz_buf_printf(text, "[command killed by signal %d]\n", res.term_signal);
	else
		hz_buf_printf(text, "[exit code %d]\n", res.exit_code);
	llm_clip_output(text, res.output ? res.output : "", res.output_len, st->s->observation_max,
			   res.output_truncated);
	llm_transcript_event(&st->tr, json_pack("{s:s, s:I, s:s, s:s, s:i, s:i, s:b, s:b, s:f, s:s}", "type", "tool",
						   "turn", (json_int_t)st->out->turns, "id", call->id, "command",
						   json_string_value(cmd), "exit_code", res.exit_code, "signal",
						   res.term_signal, "timed_out", res.timed_out, "truncated",
						   res.output_truncated, "wall_s", res.wall_s, "output", hz_buf_cstr(text)));
	hz_exec_result_release(&res);
	return 0;
}

/*
 * Act on the reply's calls.  Returns 1 when the run ended (submit, infra
 * error), 0 to continue, negative on allocation failure.
 */
static int act(run_state *st, llm_toolcall *calls, size_t n, int native)
{
	llm_result *res = calloc(n ? n : 1, sizeof(*res));
	hz_buf *texts = calloc(n ? n : 1, sizeof(*texts));
	int rc = 0, bad = 0, ended = 0;
	size_t i;

	if (!res || !texts) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < n && !ended; i++) {
		llm_toolcall *c = &calls[i];
		/* Room for the header, the markers, and invalid bytes that grow into U+FFFD. */
		hz_buf_init(&texts[i], 3 * st->s->observation_max + 4096);
		res[i].call_id = c->id;
		if (!c->args) {
			hz_buf_printf(&texts[i], "error: the arguments of '%s' are not a JSON object", c->name);
			res[i].is_error = bad = 1;
		} else if (!strcmp(c->name, "submit")) {
			json_t *a = json_object_get(c->args, "answer");
			st->out->answer = json_is_string(a) ? strdup(json_string_value(a))
							    : json_dumps(a ? a : c->args, JSON_COMPACT | JSON_ENCODE_ANY);
			finish(st, "submitted", 0, NULL);
			llm_transcript_event(&st->tr, json_pack("{s:s, s:I, s:s?}", "type", "submit", "turn",
								   (json_int_t)st->out->turns, "answer",
								   st->out->answer));
			ended = 1;
		} else if (!strcmp(c->name, "bash")) {
			int r = run_bash(st, c, &texts[i]);
			if (r < 0 && st->out->exit_reason[0]) {
				ended = 1;
			} else if (r != 0) {
				res[i].is_error = bad = 1;
			}
		} else {
			hz_buf_printf(&texts[i], "error: there is no tool '%s'; use bash or submit", c->name);
			res[i].is_error = bad = 1;
		}
		res[i].text = hz_buf_cstr(&texts[i]);
	}
	if (ended) {
		rc = 1;
		goto done;
	}
	st->format_errors = bad ? st->format_errors + 1 : 0;
	if (bad && st->format_errors >= st->s->max_format_errors) {
		finish(st, "format_error", 0, "%ld replies in a row without a usable action", st->format_errors);
		rc = 1;
		goto done;
	}
	if (native) {
		rc = st->wire->add_results(&st->conv, res, n, NULL);
	} else {
		hz_buf obs = HZ_BUF_INIT;
		hz_buf_printf(&obs, "Output of %s:\n%s", calls[0].name, res[0].text);
		rc = st->wire->add_user(&st->conv, hz_buf_cstr(&obs));
		hz_buf_release(&obs);
	}
done:
	for (i = 0; texts && i < n; i++)
		hz_buf_release(&texts[i]);
	free(texts);
	free(res);
	return rc;
}

/* A reply arrived: account for it, check limits, act.  Returns 1 when the run ended. */
static int handle_reply(run_state *st)
{
	llm_reply *r = &st->reply;
	const llm_settings *s = st->s;
	hz_agent_outcome *out = st->out;
	llm_toolcall text_call;
	json_t *calls = json_array();
	int rc;

	out->turns++;
	out->input_tokens += r->input_tokens;
	out->output_tokens += r->output_tokens;
	out->cost_usd += llm_reply_cost(s, r);
	for (size_t i = 0; calls && i < r->ncalls; i++)
		json_array_append_new(calls, json_pack("{s:s, s:s, s:s}", "id", r->calls[i].id, "name", r->calls[i].name,
						       "arguments", r->calls[i].raw_args));
	llm_transcript_event(&st->tr, json_pack("{s:s, s:I, s:s, s:o, s:s, s:{s:I, s:I, s:I, s:I}, s:f}", "type",
						   "assistant", "turn", (json_int_t)out->turns, "text", r->text,
						   "tool_calls", calls, "stop", r->stop, "usage", "input_tokens",
						   (json_int_t)r->input_tokens, "cache_read_tokens",
						   (json_int_t)r->cache_read_tokens, "cache_write_tokens",
						   (json_int_t)r->cache_write_tokens, "output_tokens",
						   (json_int_t)r->output_tokens, "cost_usd", out->cost_usd));
	if (!s->keep_reasoning)
		json_object_del(r->message, "reasoning_content");
	if (r->input_tokens > 0 && st->body.len > 0)
		st->tok_per_byte = (double)r->input_tokens / (double)st->body.len;
	if (llm_conv_add_reply(&st->conv, r->message))
		return -1;
	/* A reply that takes the run past a budget is not acted on. */
	if (s->max_total_tokens && out->input_tokens + out->output_tokens >= s->max_total_tokens) {
		finish(st, "token_limit", 0, "%ld tokens used (limit %ld)", out->input_tokens + out->output_tokens,
		       s->max_total_tokens);
		return 1;
	}
	if (s->max_cost_usd > 0 && out->cost_usd >= s->max_cost_usd) {
		finish(st, "cost_limit", 0, "$%.4f spent (limit $%.4f)", out->cost_usd, s->max_cost_usd);
		return 1;
	}
	if (llm_stop_is_context(r->stop) && !r->ncalls) {
		finish(st, "context_limit", 0, "the reply stopped at the end of the context window (%s)", r->stop);
		return 1;
	}
	if (r->ncalls)
		return act(st, r->calls, r->ncalls, 1);
	/* No native call: look for a JSON-in-text action (the fallback format). */
	if (llm_parse_text_action(r->text, &text_call) == 0) {
		rc = act(st, &text_call, 1, 0);
		llm_toolcall_release(&text_call);
		return rc;
	}
	st->format_errors++;
	if (st->format_errors >= s->max_format_errors) {
		finish(st, "format_error", 0, "%ld replies in a row without a usable action", st->format_errors);
		return 1;
	}
	return st->wire->add_user(&st->conv, !strcmp(r->stop, "length") || !strcmp(r->stop, "max_tokens")
						     ? "Your reply was cut off at the output token limit. Act with "
						       "one short tool call."
					     : st->json_mode ? hz_error_message()
							     : "Please act with a tool call: bash to run a "
							       "command, or submit when you are done.");
}

/* A request was refused with a 4xx other than auth.  Returns 1 when the run ended. */
static int handle_rejected(run_state *st, const llm_http_response *r)
{
	char *msg = llm_error_text(hz_buf_cstr(&r->body), r->body.len);
	const char *m = msg ? msg : "";
	int ended = 1;

	if (st->s->tool_mode == LLM_TOOLS_AUTO && !st->json_mode && !st->native_used && r->status == 400 &&
	    r->error_class == LLM_ERR_TOOLS) {
		/* The server or model refuses tool definitions: fall back to JSON-in-text actions. */
		st->json_mode = 1;
		ended = set_system(st) != 0;
		llm_transcript_event(&st->tr, json_pack("{s:s, s:s, s:s}", "type", "fallback", "tool_mode", "json",
							   "reason", m));
	} else if ((r->status == 400 || r->status == 413) &&
		   (strstr(m, "context") || strstr(m, "too long") || strstr(m, "too many tokens"))) {
		finish(st, "context_limit", 0, "the conversation no longer fits the model: HTTP %ld: %s", r->status, m);
	} else {
		finish(st, "api_error", 1, "the API refused the request: HTTP %ld: %s", r->status, m);
	}
	free(msg);
	return ended;
}

/*
 * Before a request would exceed the context budget (the window less room
 * for the reply), shorten the history to about 3/4 of the budget, so that
 * it happens once in a while rather than every turn (each shortening costs
 * the provider's prompt cache).  The estimate scales the request's bytes by
 * the tokens per byte the API counted for the last one.
 */
static int fit_context(run_state *st)
{
	long reserve = st->s->max_tokens < st->window / 4 ? st->s->max_tokens : st->window / 4;
	double budget = (double)(st->window - reserve), est = (double)st->body.len * st->tok_per_byte, after;
	llm_shortening sh;
	int rc;

	if (st->window <= 0 || est <= budget)
		return 0;
	rc = llm_context_shorten(&st->conv, (size_t)((est - 0.75 * budget) / st->tok_per_byte),
				    (size_t)((est - budget) / st->tok_per_byte) + 1, (size_t)st->s->context_keep_turns, &sh);
	if (rc == 0 && (sh.outputs || sh.turns_dropped))
		rc = st->wire->build(st->s, &st->conv, !st->json_mode, &st->body);
	after = (double)st->body.len * st->tok_per_byte;
	st->shortenings += sh.outputs || sh.turns_dropped;
	llm_transcript_event(&st->tr, json_pack("{s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:o, s:b}", "type",
						   "context", "turn", (json_int_t)st->out->turns + 1, "context_window",
						   (json_int_t)st->window, "budget_tokens", (json_int_t)budget,
						   "estimate_tokens", (json_int_t)est, "after_tokens", (json_int_t)after,
						   "outputs_elided", (json_int_t)sh.outputs, "turns_dropped",
						   (json_int_t)sh.turns_dropped, "elided", sh.elided ? sh.elided : json_array(),
						   "fits", after <= budget));
	return rc;
}

static void loop(run_state *st)
{
	const llm_settings *s = st->s;
	llm_call_opts o = { s, st->host, st->env->deadline, &st->rng, check_body, on_attempt, st,
			       st->streaming ? st->wire->stream : NULL, &st->sse };
	llm_http_response r;

	memset(&r, 0, sizeof(r));
	hz_buf_init(&r.body, s->max_response);
	for (;;) {
		llm_call_status cs;
		char *msg;

		if (s->max_turns && st->out->turns >= s->max_turns) {
			finish(st, "turn_limit", 0, "%ld turns (limit %ld)", st->out->turns, s->max_turns);
			break;
		}
		if (hz_clock_now() >= st->env->deadline) {
			finish(st, "time_limit", 0, NULL);
			break;
		}
		if (st->wire->build(s, &st->conv, !st->json_mode, &st->body) != 0 || fit_context(st) != 0) {
			finish(st, "harness_error", 1, "%s", hz_error_message());
			break;
		}
		cs = llm_call(st->http, &o, st->body.ptr, st->body.len, &r, &st->out->wait_s);
		if (cs == LLM_CALL_OK) {
			st->native_used |= !st->json_mode;
			int ended = handle_reply(st);
			llm_reply_release(&st->reply);
			if (ended < 0)
				finish(st, "harness_error", 1, "%s", hz_error_message());
			if (ended)
				break;
			continue;
		}
		if (cs == LLM_CALL_TIME_LIMIT) {
			finish(st, "time_limit", 0, NULL);
			break;
		}
		msg = llm_error_text(hz_buf_cstr(&r.body), r.body.len);
		if (cs == LLM_CALL_CONTEXT) {
			finish(st, "context_limit", 0, "the conversation no longer fits the model: HTTP %ld%s%s", r.status,
			       msg ? ": " : "", msg ? msg : "");
		} else if (cs == LLM_CALL_QUOTA) {
			finish(st, "quota_error", 1, "the API account's quota or balance is exhausted: HTTP %ld%s%s",
			       r.status, msg ? ": " : "", msg ? msg : "");
		} else if (cs == LLM_CALL_AUTH) {
			finish(st, "auth_error", 1, "the API refused the credentials: HTTP %ld%s%s", r.status,
			       msg ? ": " : "", msg ? msg : "");
		} else if (cs == LLM_CALL_EXHAUSTED) {
			if (r.curl_code)
				finish(st, "api_error", 1, "API unavailable (%d attempts): %s", r.attempts, r.error);
			else if (r.status >= 200 && r.status < 300)
				finish(st, "api_error", 1, "API unavailable (%d attempts): %s", r.attempts,
				       r.streamed && st->sse.problem[0] ? st->sse.problem : msg ? msg : st->problem);
			else
				finish(st, "api_error", 1, "API unavailable (%d attempts): HTTP %ld%s%s", r.attempts,
				       r.status, msg ? ": " : "", msg ? msg : "");
		} else if (handle_rejected(st, &r) == 0) {
			free(msg);
			continue;
		}
		free(msg);
		break;
	}
	llm_http_response_release(&r);
}

int llm_run(hz_agent *agent, const llm_wire *wire, const hz_agent_env *env, hz_agent_outcome *out)
{
	run_state st;
	const char *key = NULL;
	int rc;

	memset(&st, 0, sizeof(st));
	st.s = agent->state;
	st.wire = wire;
	st.env = env;
	st.out = out;
	st.started = hz_clock_now();
	if (st.s->api_key_env) {
		key = getenv(st.s->api_key_env);
		if (key && *key && !(st.key = strdup(key))) {
			rc = hz_error_set(HZ_ENOMEM, "out of memory");
			goto done;
		}
	}
	if ((rc = llm_transcript_open(&st.tr, env->transcript_path, st.key)) != 0)
		goto done;
	if (st.s->api_key_env && !st.key) {
		finish(&st, "auth_error", 1, "environment variable '%s' (the API key) is not set", st.s->api_key_env);
	} else if (st.key && st.key[strcspn(st.key, "\r\n\t\x7f")]) {
		/* A line break would let the value forge further HTTP headers. */
		finish(&st, "auth_error", 1, "environment variable '%s' holds control characters", st.s->api_key_env);
	} else if ((rc = start(&st, agent)) != 0) {
		finish(&st, "harness_error", 1, "%s", hz_error_message());
		rc = 0;
	} else {
		loop(&st);
	}
	llm_transcript_event(&st.tr, json_pack("{s:s, s:s, s:b, s:s?, s:I, s:I, s:I, s:f, s:f, s:f, s:I, s:b}", "type",
						  "end", "exit_reason", out->exit_reason, "infra_error", out->infra_error,
						  "error", out->error_message, "turns", (json_int_t)out->turns,
						  "input_tokens", (json_int_t)out->input_tokens, "output_tokens",
						  (json_int_t)out->output_tokens, "cost_usd", out->cost_usd, "wait_s",
						  out->wait_s, "wall_s", hz_clock_now() - st.started, "context_shortenings",
						  (json_int_t)st.shortenings, "streamed", st.streaming));
done:
	llm_transcript_close(&st.tr);
	llm_reply_release(&st.reply);
	llm_http_free(st.http);
	llm_sse_release(&st.sse);
	llm_conv_release(&st.conv);
	hz_buf_release(&st.body);
	if (st.key) {
		explicit_bzero(st.key, strlen(st.key));
		free(st.key);
	}
	return rc;
}
