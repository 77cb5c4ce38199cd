/*
 * The `anthropic` backend: the Anthropic Messages wire format
 * (POST {base}/v1/messages, x-api-key and anthropic-version headers, content
 * blocks text / tool_use / tool_result).  Only this file knows the format.
 */
#include <stdlib.h>
#include <string.h>

#include "horizon/error.h"
#include "llm_loop.h"

static int an_headers(const llm_settings *s, const char *key, hz_buf *out)
{
	int rc = hz_buf_printf(out, "anthropic-version: %s\n", s->anthropic_version);

	if (!rc && key)
		rc = hz_buf_printf(out, "x-api-key: %s\n", key);
	return rc;
}

/* Extended thinking budget for a reasoning effort, or 0 for none. */
static long thinking_budget(const char *effort)
{
	if (!effort || !strcmp(effort, "none") || !strcmp(effort, "minimal"))
		return 0;
	if (!strcmp(effort, "low"))
		return 2048;
	if (!strcmp(effort, "medium"))
		return 8192;
	return 24576;
}

/*
 * Prompt caching: a copy of the conversation's last message (always the
 * user's) with a cache breakpoint on its last block.  The breakpoint moves
 * forward every turn; the provider finds the previous turn's prefix in its
 * cache, so each turn pays full price only for what is new.
 */
static json_t *cache_marked(json_t *msg)
{
	json_t *copy = json_deep_copy(msg), *content, *block;

	if (!copy)
		return NULL;
	content = json_object_get(copy, "content");
	if (json_is_string(content)) {
		json_t *blocks = json_pack("[{s:s, s:O}]", "type", "text", "text", content);
		if (!blocks || json_object_set_new(copy, "content", blocks)) {
			json_decref(copy);
			return NULL;
		}
		content = blocks;
	}
	block = json_array_get(content, json_array_size(content) - 1);
	if (json_is_object(block) && json_object_set_new(block, "cache_control", json_pack("{s:s}", "type", "ephemeral"))) {
		json_decref(copy);
		return NULL;
	}
	return copy;
}

static int an_build(const llm_settings *s, llm_conv *conv, int native, hz_buf *body)
{
	long budget = thinking_budget(s->reasoning_effort), max_tokens = s->max_tokens;
	json_t *req = NULL, *last = NULL;
	int rc = HZ_ENOMEM;

	if (budget && max_tokens <= budget)
		max_tokens += budget;
	if (!(req = json_object()))
		goto done;
	if (json_object_set_new(req, "model", json_string(s->model)) ||
	    json_object_set_new(req, "max_tokens", json_integer(max_tokens)) ||
	    json_object_set_new(req, "system",
				s->prompt_cache ? json_pack("[{s:s, s:s, s:{s:s}}]", "type", "text", "text", conv->system,
							    "cache_control", "type", "ephemeral")
						: json_string(conv->system)))
		goto done;
	/* Temperature may not be set together with extended thinking. */
	if (s->has_temperature && !budget && json_object_set_new(req, "temperature", json_real(s->temperature)))
		goto done;
	if (budget && json_object_set_new(req, "thinking", json_pack("{s:s, s:I}", "type", "enabled", "budget_tokens",
								     (json_int_t)budget)))
		goto done;
	if (native &&
	    json_object_set_new(req, "tools",
				json_pack("[{s:s, s:s, s:o}, {s:s, s:s, s:o}]", "name", "bash", "description",
					  llm_bash_description, "input_schema", llm_bash_schema(), "name",
					  "submit", "description", llm_submit_description, "input_schema",
					  llm_submit_schema())))
		goto done;
	if (s->stream && json_object_set_new(req, "stream", json_true()))
		goto done;
	if (llm_add_extra(req, s->extra_body))
		goto done;
	if (s->prompt_cache && !(last = cache_marked(json_array_get(conv->messages, json_array_size(conv->messages) - 1))))
		goto done;
	rc = llm_dump_request(req, NULL, conv, last, body);
done:
	if (rc == HZ_ENOMEM)
		hz_error_set(rc, "out of memory building a request");
	json_decref(last);
	json_decref(req);
	return rc;
}

static int malformed(const char *what)
{
	return hz_error_set(HZ_EINVALID, "malformed Messages reply: %s", what);
}

static int parse_tool_use(json_t *block, llm_toolcall *call)
{
	const char *id = json_string_value(json_object_get(block, "id"));
	const char *name = json_string_value(json_object_get(block, "name"));
	json_t *input = json_object_get(block, "input");

	if (!id || !name)
		return malformed("a tool_use block without id or name");
	call->id = llm_json_text(json_object_get(block, "id"));
	call->name = llm_json_text(json_object_get(block, "name"));
	call->raw_args = input ? json_dumps(input, JSON_COMPACT | JSON_ENCODE_ANY) : strdup("");
	if (!call->id || !call->name || !call->raw_args)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if (json_is_object(input))
		call->args = json_incref(input);
	return 0;
}

static int an_parse(llm_conv *conv, const char *body, size_t len, llm_reply *out)
{
	json_t *root = llm_json_load(body, len), *content, *block, *usage, *copy = NULL;
	hz_buf text = HZ_BUF_INIT;
	const char *sr;
	size_t i, ncalls = 0;
	int rc = 0;

	(void)conv; /* tool_use blocks always carry their id */
	memset(out, 0, sizeof(*out));
	content = json_object_get(root, "content");
	if (!json_is_array(content)) {
		rc = malformed(root ? "no content list" : "not JSON");
		goto done;
	}
	json_array_foreach(content, i, block) {
		const char *type = json_string_value(json_object_get(block, "type"));
		if (!type) {
			rc = malformed("a content block without a type");
			goto done;
		}
		if (!strcmp(type, "tool_use"))
			ncalls++;
		else if (!strcmp(type, "text") && json_is_string(json_object_get(block, "text")))
			llm_put_clean(&text, json_string_value(json_object_get(block, "text")),
					 json_string_length(json_object_get(block, "text")));
	}
	if (ncalls && !(out->calls = calloc(ncalls, sizeof(*out->calls)))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	json_array_foreach(content, i, block) {
		if (strcmp(json_string_value(json_object_get(block, "type")), "tool_use"))
			continue;
		if ((rc = parse_tool_use(block, &out->calls[out->ncalls++])) != 0)
			goto done;
	}
	/* The history keeps every block as sent (thinking blocks must go back verbatim). */
	copy = json_array_size(content) ? json_deep_copy(content) : json_pack("[{s:s, s:s}]", "type", "text", "text", "(no reply)");
	/* A tool_use whose input is not an object could not be sent back: keep {} in the history. */
	json_array_foreach(copy, i, block)
		if (json_is_object(block) && !json_is_object(json_object_get(block, "input")) &&
		    !strcmp(json_string_value(json_object_get(block, "type")), "tool_use"))
			json_object_set_new(block, "input", json_object());
	out->text = hz_buf_detach(&text);
	if (!copy || !out->text || !(out->message = json_pack("{s:s, s:O}", "role", "assistant", "content", copy))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	sr = json_string_value(json_object_get(root, "stop_reason"));
	snprintf(out->stop, sizeof(out->stop), "%s", sr ? sr : "");
	usage = json_object_get(root, "usage");
	out->input_tokens = (long)(json_integer_value(json_object_get(usage, "input_tokens")) +
				   json_integer_value(json_object_get(usage, "cache_creation_input_tokens")) +
				   json_integer_value(json_object_get(usage, "cache_read_input_tokens")));
	out->cache_read_tokens = (long)json_integer_value(json_object_get(usage, "cache_read_input_tokens"));
	out->cache_write_tokens = (long)json_integer_value(json_object_get(usage, "cache_creation_input_tokens"));
	out->output_tokens = (long)json_integer_value(json_object_get(usage, "output_tokens"));
done:
	hz_buf_release(&text);
	json_decref(copy);
	json_decref(root);
	if (rc)
		llm_reply_release(out);
	return rc;
}

static int an_add_user(llm_conv *conv, const char *text)
{
	if (json_array_append_new(conv->messages, json_pack("{s:s, s:s}", "role", "user", "content", text)))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	return 0;
}

static int an_add_results(llm_conv *conv, const llm_result *res, size_t n, const char *note)
{
	json_t *blocks = json_array();

	if (!blocks)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++)
		if (json_array_append_new(blocks, json_pack("{s:s, s:s, s:s, s:b}", "type", "tool_result", "tool_use_id",
							    res[i].call_id, "content", res[i].text, "is_error",
							    res[i].is_error)))
			goto fail;
	if (note && json_array_append_new(blocks, json_pack("{s:s, s:s}", "type", "text", "text", note)))
		goto fail;
	if (json_array_append_new(conv->messages, json_pack("{s:s, s:o}", "role", "user", "content", blocks)))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	return 0;
fail:
	json_decref(blocks);
	return hz_error_set(HZ_ENOMEM, "out of memory");
}

const llm_wire llm_wire_anthropic = {
	.name = "anthropic",
	.path = "/v1/messages",
	.headers = an_headers,
	.build = an_build,
	.parse = an_parse,
	.add_user = an_add_user,
	.add_results = an_add_results,
	.stream = &llm_stream_anthropic,
};

static int anthropic_run(hz_agent *agent, const hz_agent_env *env, hz_agent_outcome *out)
{
	return llm_run(agent, &llm_wire_anthropic, env, out);
}

const agent_backend hz_llm_anthropic_backend = {
	.name = "anthropic",
	.summary = "Anthropic Messages API with a bash/submit tool loop",
	.init = llm_init,
	.run = anthropic_run,
	.free = llm_free,
	.settings = llm_settings_of,
};
