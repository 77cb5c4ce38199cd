/*
 * OpenAI's Responses API (POST {base}/responses) for the openai backend
 * with api=responses (or the openai-responses preset): the same tool loop
 * over "input" items instead of messages.  Requests are stateless
 * ("store": false, the whole history sent each turn, as with chat
 * completions), so retries and resumes never depend on server state;
 * reasoning items come back encrypted and are sent back as they came.
 * Only this file knows the format.
 */
#include <stdlib.h>
#include <string.h>

#include "horizon/error.h"
#include "llm_loop.h"

static json_t *tool_def(const char *name, const char *desc, json_t *schema)
{
	return json_pack("{s:s, s:s, s:s, s:o}", "type", "function", "name", name, "description", desc, "parameters",
			 schema);
}

static int rs_build(const llm_settings *s, llm_conv *conv, int native, hz_buf *body)
{
	json_t *req = NULL;
	int rc = HZ_ENOMEM;

	conv->list_key = "input";
	if (!(req = json_pack("{s:s, s:s, s:I, s:b}", "model", s->model, "instructions", conv->system,
			      "max_output_tokens", (json_int_t)s->max_tokens, "store", 0)))
		goto done;
	if (s->has_temperature && json_object_set_new(req, "temperature", json_real(s->temperature)))
		goto done;
	if (s->reasoning_effort &&
	    (json_object_set_new(req, "reasoning", json_pack("{s:s}", "effort", s->reasoning_effort)) ||
	     json_object_set_new(req, "include", json_pack("[s]", "reasoning.encrypted_content"))))
		goto done;
	if (native &&
	    json_object_set_new(req, "tools",
				json_pack("[o, o]", tool_def("bash", llm_bash_description, llm_bash_schema()),
					  tool_def("submit", llm_submit_description, llm_submit_schema()))))
		goto done;
	if (s->stream && json_object_set_new(req, "stream", json_true()))
		goto done;
	if (llm_add_extra(req, s->extra_body))
		goto done;
	rc = llm_dump_request(req, NULL, conv, NULL, body);
done:
	if (rc == HZ_ENOMEM)
		hz_error_set(rc, "out of memory building a request");
	json_decref(req);
	return rc;
}

static int malformed(const char *what)
{
	return hz_error_set(HZ_EINVALID, "malformed Responses reply: %s", what);
}

static const char *type_of(json_t *item)
{
	const char *t = json_string_value(json_object_get(item, "type"));

	return t ? t : "";
}

static int parse_call(json_t *item, llm_conv *conv, llm_toolcall *call)
{
	json_t *id = json_object_get(item, "call_id"), *args = json_object_get(item, "arguments");
	char gen[32];

	if (!json_is_string(json_object_get(item, "name")))
		return malformed("a function_call without a name");
	if (!json_is_string(id) || !*json_string_value(id)) {
		snprintf(gen, sizeof(gen), "call_hz%lu", ++conv->ncalls_made);
		json_object_set_new(item, "call_id", json_string(gen));
		id = json_object_get(item, "call_id");
	}
	call->id = llm_json_text(id);
	call->name = llm_json_text(json_object_get(item, "name"));
	call->raw_args = json_is_string(args) ? llm_json_text(args) : strdup("");
	if (!call->id || !call->name || !call->raw_args)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	call->args = json_loads(call->raw_args, 0, NULL);
	if (call->args && !json_is_object(call->args)) {
		json_decref(call->args);
		call->args = NULL;
	}
	if (!json_is_string(args))
		json_object_set_new(item, "arguments", json_string(""));
	return 0;
}

static int rs_parse(llm_conv *conv, const char *body, size_t len, llm_reply *out)
{
	json_t *root = llm_json_load(body, len), *output, *item, *part, *usage, *hist = NULL;
	hz_buf text = HZ_BUF_INIT;
	const char *status;
	size_t i, j, ncalls = 0;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	output = json_object_get(root, "output");
	if (!json_is_array(output)) {
		rc = malformed(root ? "no output list" : "not JSON");
		goto done;
	}
	/* The history keeps the items (ids dropped: with store=false the server keeps none to refer to). */
	if (!(hist = json_deep_copy(output))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < json_array_size(hist);) {
		item = json_array_get(hist, i);
		if (!strcmp(type_of(item), "reasoning") && !json_object_get(item, "encrypted_content")) {
			json_array_remove(hist, i); /* cannot be sent back without its encrypted form */
			continue;
		}
		json_object_del(item, "id");
		ncalls += !strcmp(type_of(item), "function_call");
		i++;
	}
	if (ncalls && !(out->calls = calloc(ncalls, sizeof(*out->calls)))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	json_array_foreach(hist, i, item) {
		if (!strcmp(type_of(item), "message"))
			json_array_foreach(json_object_get(item, "content"), j, part)
				if (!strcmp(type_of(part), "output_text") && json_is_string(json_object_get(part, "text")))
					llm_put_clean(&text, json_string_value(json_object_get(part, "text")),
							 json_string_length(json_object_get(part, "text")));
		if (!strcmp(type_of(item), "function_call") &&
		    (rc = parse_call(item, conv, &out->calls[out->ncalls++])) != 0)
			goto done;
	}
	if (!json_array_size(hist) &&
	    json_array_append_new(hist, json_pack("{s:s, s:s}", "role", "assistant", "content", "(no reply)"))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	out->text = hz_buf_detach(&text);
	out->message = json_incref(hist);
	status = json_string_value(json_object_get(root, "status"));
	if (status && !strcmp(status, "incomplete")) {
		const char *why = json_string_value(json_object_get(json_object_get(root, "incomplete_details"), "reason"));
		/* The loop knows "length" as "cut off at the output limit". */
		snprintf(out->stop, sizeof(out->stop), "%s",
			 why && !strcmp(why, "max_output_tokens") ? "length" : why ? why : "incomplete");
	} else {
		snprintf(out->stop, sizeof(out->stop), "%s", ncalls ? "tool_calls" : "stop");
	}
	usage = json_object_get(root, "usage");
	out->input_tokens = (long)json_integer_value(json_object_get(usage, "input_tokens"));
	out->output_tokens = (long)json_integer_value(json_object_get(usage, "output_tokens"));
	out->cache_read_tokens =
		(long)json_integer_value(json_object_get(json_object_get(usage, "input_tokens_details"), "cached_tokens"));
done:
	hz_buf_release(&text);
	json_decref(hist);
	json_decref(root);
	if (rc)
		llm_reply_release(out);
	return rc;
}

static int rs_add_user(llm_conv *conv, const char *text)
{
	if (json_array_append_new(conv->messages, json_pack("{s:s, s:s}", "role", "user", "content", text)))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	return 0;
}

static int rs_add_results(llm_conv *conv, const llm_result *res, size_t n, const char *note)
{
	for (size_t i = 0; i < n; i++)
		if (json_array_append_new(conv->messages, json_pack("{s:s, s:s, s:s}", "type", "function_call_output",
								    "call_id", res[i].call_id, "output", res[i].text)))
			return hz_error_set(HZ_ENOMEM, "out of memory");
	return note ? rs_add_user(conv, note) : 0;
}

/* ---- the event stream: response.completed carries the whole response ---- */

typedef struct rs_acc {
	json_t *response;
	json_t *error;
} rs_acc;

static void *rs_begin(size_t max)
{
	(void)max;
	return calloc(1, sizeof(rs_acc));
}

static void rs_free(void *p)
{
	rs_acc *a = p;

	json_decref(a->response);
	json_decref(a->error);
	free(a);
}

static int rs_event(void *p, const char *name, const char *data, size_t len)
{
	rs_acc *a = p;
	json_t *root = llm_json_load(data, len), *resp;
	const char *type = json_string_value(json_object_get(root, "type"));

	(void)name;
	if (!type) {
		json_decref(root);
		return hz_error_set(HZ_EINVALID, "an event whose data is not a JSON object with a type");
	}
	resp = json_object_get(root, "response");
	if ((!strcmp(type, "response.completed") || !strcmp(type, "response.incomplete")) && json_is_object(resp)) {
		json_decref(a->response);
		a->response = json_incref(resp);
	} else if (!strcmp(type, "response.failed")) {
		json_decref(a->error);
		a->error = json_pack("{s:O}", "error",
				     json_object_get(resp, "error") ? json_object_get(resp, "error") : root);
	} else if (!strcmp(type, "error")) {
		json_decref(a->error);
		a->error = json_pack("{s:O}", "error", root);
	}
	/* Deltas (text, arguments) need nothing: the completed response has them whole. */
	json_decref(root);
	return 0;
}

static int rs_end(void *p, hz_buf *body)
{
	rs_acc *a = p;

	if (a->error) {
		llm_dump(a->error, body);
		return hz_error_set(HZ_EHTTP, "the stream carried an error");
	}
	if (!a->response)
		return hz_error_set(HZ_EINVALID, "the stream ended before response.completed");
	return llm_dump(a->response, body);
}

const llm_stream_ops llm_stream_responses = {
	.begin = rs_begin,
	.event = rs_event,
	.end = rs_end,
	.free = rs_free,
};

const llm_wire llm_wire_responses = {
	.name = "openai-responses",
	.path = "/responses",
	.headers = llm_bearer_headers,
	.build = rs_build,
	.parse = rs_parse,
	.add_user = rs_add_user,
	.add_results = rs_add_results,
	.stream = &llm_stream_responses,
};
