/*
 * The `openai` backend: the OpenAI chat-completions wire format
 * (POST {base}/chat/completions), spoken by OpenAI and by DeepSeek, Qwen,
 * Kimi, GLM, OpenRouter, Gemini's compatible endpoint, vLLM, Ollama and
 * llama.cpp.  Only this file knows the format.
 */
#include <stdlib.h>
#include <string.h>

#include "horizon/error.h"
#include "llm_loop.h"

int llm_bearer_headers(const llm_settings *s, const char *key, hz_buf *out)
{
	(void)s;
	if (!key)
		return 0;
	return hz_buf_printf(out, "Authorization: Bearer %s\n", key);
}

static json_t *tool_def(const char *name, const char *desc, json_t *schema)
{
	return json_pack("{s:s, s:{s:s, s:s, s:o}}", "type", "function", "function", "name", name, "description",
			 desc, "parameters", schema);
}

static int oa_build(const llm_settings *s, llm_conv *conv, int native, hz_buf *body)
{
	json_t *req = NULL, *sys = NULL;
	int rc = HZ_ENOMEM;

	if (!(req = json_object()) || !(sys = json_pack("{s:s, s:s}", "role", "system", "content", conv->system)))
		goto done;
	if (json_object_set_new(req, "model", json_string(s->model)) ||
	    json_object_set_new(req, s->max_tokens_field, json_integer(s->max_tokens)))
		goto done;
	if (s->has_temperature && json_object_set_new(req, "temperature", json_real(s->temperature)))
		goto done;
	if (s->reasoning_effort && json_object_set_new(req, "reasoning_effort", json_string(s->reasoning_effort)))
		goto done;
	if (native &&
	    json_object_set_new(req, "tools",
				json_pack("[o, o]", tool_def("bash", llm_bash_description, llm_bash_schema()),
					  tool_def("submit", llm_submit_description, llm_submit_schema()))))
		goto done;
	/* Streamed, with the usage in a last chunk (servers without the option ignore it). */
	if (s->stream && (json_object_set_new(req, "stream", json_true()) ||
			  json_object_set_new(req, "stream_options", json_pack("{s:b}", "include_usage", 1))))
		goto done;
	if (llm_add_extra(req, s->extra_body))
		goto done;
	rc = llm_dump_request(req, sys, conv, NULL, body);
done:
	if (rc == HZ_ENOMEM)
		hz_error_set(rc, "out of memory building a request");
	json_decref(sys);
	json_decref(req);
	return rc;
}

static int malformed(const char *what)
{
	return hz_error_set(HZ_EINVALID, "malformed chat-completions reply: %s", what);
}

/* One entry of message.tool_calls into *call and the history's copy. */
static int parse_call(json_t *tc, llm_conv *conv, llm_toolcall *call, json_t *hist)
{
	json_t *fn = json_object_get(tc, "function"), *id = json_object_get(tc, "id");
	const char *name = json_string_value(json_object_get(fn, "name"));
	json_t *args = json_object_get(fn, "arguments");
	char gen[32];

	if (!json_is_object(fn) || !name)
		return malformed("a tool call without a function name");
	/* Made-up ids count through the conversation: one id never answers two calls. */
	if (!json_is_string(id) || !*json_string_value(id))
		snprintf(gen, sizeof(gen), "call_hz%lu", ++conv->ncalls_made);
	call->id = json_is_string(id) && *json_string_value(id) ? llm_json_text(id) : strdup(gen);
	call->name = llm_json_text(json_object_get(fn, "name"));
	/* Arguments are a JSON string by the spec; some servers send the object itself. */
	if (json_is_string(args))
		call->raw_args = llm_json_text(args);
	else if (json_is_object(args))
		call->raw_args = json_dumps(args, JSON_COMPACT);
	else
		call->raw_args = strdup("");
	if (!call->id || !call->name || !call->raw_args)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	call->args = json_loads(call->raw_args, 0, NULL);
	if (call->args && !json_is_object(call->args)) {
		json_decref(call->args);
		call->args = NULL;
	}
	if (json_array_append_new(hist, json_pack("{s:s, s:s, s:{s:s, s:s}}", "id", call->id, "type", "function",
						  "function", "name", call->name, "arguments", call->raw_args)))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	return 0;
}

static int oa_parse(llm_conv *conv, const char *body, size_t len, llm_reply *out)
{
	json_t *root = llm_json_load(body, len), *choice, *msg, *content, *calls, *usage, *hist = NULL;
	const char *fr;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	choice = json_array_get(json_object_get(root, "choices"), 0);
	msg = json_object_get(choice, "message");
	if (!json_is_object(msg)) {
		rc = malformed(root ? "no choices[0].message" : "not JSON");
		goto done;
	}
	content = json_object_get(msg, "content");
	/* Some servers send content as a list of {"type":"text","text":...} parts. */
	if (json_is_array(content)) {
		hz_buf t = HZ_BUF_INIT;
		size_t i;
		json_t *part;
		json_array_foreach(content, i, part)
			if (json_is_string(json_object_get(part, "text")))
				llm_put_clean(&t, json_string_value(json_object_get(part, "text")),
						 json_string_length(json_object_get(part, "text")));
		out->text = hz_buf_detach(&t);
	} else {
		out->text = llm_json_text(content);
	}
	if (!out->text || !(out->message = json_object()) ||
	    json_object_set_new(out->message, "role", json_string("assistant")) ||
	    json_object_set_new(out->message, "content", *out->text ? json_string(out->text) : json_null())) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	calls = json_object_get(msg, "tool_calls");
	if (calls && !json_is_null(calls) && !json_is_array(calls)) {
		rc = malformed("tool_calls is not a list");
		goto done;
	}
	if (json_array_size(calls) > 0) {
		size_t n = json_array_size(calls);
		if (!(out->calls = calloc(n, sizeof(*out->calls))) || !(hist = json_array())) {
			rc = hz_error_set(HZ_ENOMEM, "out of memory");
			goto done;
		}
		for (size_t i = 0; i < n; i++) {
			out->ncalls++;
			if ((rc = parse_call(json_array_get(calls, i), conv, &out->calls[i], hist)) != 0)
				goto done;
		}
		json_object_set(out->message, "tool_calls", hist);
	} else if (!*out->text) {
		/* null content is valid only beside tool calls; some servers refuse it otherwise. */
		json_object_set_new(out->message, "content", json_string(""));
	}
	/* Kept for servers that want it back (keep_reasoning); the loop drops it otherwise. */
	if (json_is_string(json_object_get(msg, "reasoning_content"))) {
		char *rs = llm_json_text(json_object_get(msg, "reasoning_content"));
		json_object_set_new(out->message, "reasoning_content", json_string(rs ? rs : ""));
		free(rs);
	}
	fr = json_string_value(json_object_get(choice, "finish_reason"));
	snprintf(out->stop, sizeof(out->stop), "%s", fr ? fr : "");
	usage = json_object_get(root, "usage");
	out->input_tokens = (long)json_integer_value(json_object_get(usage, "prompt_tokens"));
	out->output_tokens = (long)json_integer_value(json_object_get(usage, "completion_tokens"));
	/* Cached prompt tokens: OpenAI's (and most servers') field, or DeepSeek's. */
	out->cache_read_tokens = (long)json_integer_value(
		json_object_get(json_object_get(usage, "prompt_tokens_details"), "cached_tokens"));
	if (!out->cache_read_tokens)
		out->cache_read_tokens = (long)json_integer_value(json_object_get(usage, "prompt_cache_hit_tokens"));
done:
	json_decref(hist);
	json_decref(root);
	if (rc)
		llm_reply_release(out);
	return rc;
}

static int oa_add_user(llm_conv *conv, const char *text)
{
	if (json_array_append_new(conv->messages, json_pack("{s:s, s:s}", "role", "user", "content", text)))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	return 0;
}

static int oa_add_results(llm_conv *conv, const llm_result *res, size_t n, const char *note)
{
	for (size_t i = 0; i < n; i++)
		if (json_array_append_new(conv->messages, json_pack("{s:s, s:s, s:s}", "role", "tool", "tool_call_id",
								    res[i].call_id, "content", res[i].text)))
			return hz_error_set(HZ_ENOMEM, "out of memory");
	return note ? oa_add_user(conv, note) : 0;
}

const llm_wire llm_wire_openai = {
	.name = "openai",
	.path = "/chat/completions",
	.headers = llm_bearer_headers,
	.build = oa_build,
	.parse = oa_parse,
	.add_user = oa_add_user,
	.add_results = oa_add_results,
	.stream = &llm_stream_openai,
};

static int openai_run(hz_agent *agent, const hz_agent_env *env, hz_agent_outcome *out)
{
	const llm_settings *s = agent->state;

	return llm_run(agent, s->responses_api ? &llm_wire_responses : &llm_wire_openai, env, out);
}

const agent_backend hz_llm_openai_backend = {
	.name = "openai",
	.summary = "OpenAI-compatible chat completions (or api=responses) with a bash/submit tool loop (and presets: deepseek, qwen, ...)",
	.init = llm_init,
	.run = openai_run,
	.free = llm_free,
	.settings = llm_settings_of,
};
