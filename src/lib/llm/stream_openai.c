/*
 * The chat-completions event stream ("stream": true with
 * stream_options.include_usage) added up into the body a non-streamed
 * request would have got: content and reasoning deltas joined, tool calls
 * assembled by index (id, name, argument pieces), the finish reason, and
 * the usage of the final chunk.  The stream ends with "data: [DONE]".
 */
#include <stdlib.h>
#include <string.h>

#include "horizon/error.h"
#include "llm_loop.h"

#define MAX_CALLS 128

typedef struct oa_call {
	hz_buf id, name, args;
} oa_call;

typedef struct oa_acc {
	size_t max;
	hz_buf text, reasoning;
	oa_call calls[MAX_CALLS];
	size_t ncalls;
	char finish[32];
	json_t *usage;
	json_t *error;
	int done;
} oa_acc;

static void *oa_begin(size_t max)
{
	oa_acc *a = calloc(1, sizeof(*a));

	if (!a)
		return NULL;
	a->max = max;
	hz_buf_init(&a->text, max);
	hz_buf_init(&a->reasoning, max);
	return a;
}

static void oa_free(void *p)
{
	oa_acc *a = p;

	hz_buf_release(&a->text);
	hz_buf_release(&a->reasoning);
	for (size_t i = 0; i < a->ncalls; i++) {
		hz_buf_release(&a->calls[i].id);
		hz_buf_release(&a->calls[i].name);
		hz_buf_release(&a->calls[i].args);
	}
	json_decref(a->usage);
	json_decref(a->error);
	free(a);
}

/* Append a delta string (NULs and all: the body is assembled as JSON again). */
static int put(hz_buf *b, json_t *v)
{
	if (!json_is_string(v))
		return 0;
	if (hz_buf_put(b, json_string_value(v), json_string_length(v)) != 0)
		return hz_error_set(HZ_EINVALID, "a reply larger than the response limit");
	return 0;
}

static int add_call_delta(oa_acc *a, json_t *tc, size_t pos)
{
	json_t *idx = json_object_get(tc, "index"), *fn = json_object_get(tc, "function");
	size_t i = json_is_integer(idx) ? (size_t)json_integer_value(idx) : pos;
	oa_call *c;

	if (json_is_integer(idx) && json_integer_value(idx) < 0)
		return hz_error_set(HZ_EINVALID, "a tool call with a negative index");
	if (i >= MAX_CALLS)
		return hz_error_set(HZ_EINVALID, "more than %d tool calls", MAX_CALLS);
	while (a->ncalls <= i) {
		c = &a->calls[a->ncalls++];
		hz_buf_init(&c->id, 1024);
		hz_buf_init(&c->name, 1024);
		hz_buf_init(&c->args, a->max);
	}
	c = &a->calls[i];
	/* The id and name come once, in the call's first delta; some servers repeat them whole. */
	if (json_is_string(json_object_get(tc, "id")) && !c->id.len && put(&c->id, json_object_get(tc, "id")))
		return -1;
	if (json_is_string(json_object_get(fn, "name")) && !c->name.len && put(&c->name, json_object_get(fn, "name")))
		return -1;
	return put(&c->args, json_object_get(fn, "arguments"));
}

static int oa_event(void *p, const char *name, const char *data, size_t len)
{
	oa_acc *a = p;
	json_t *root, *choice, *delta, *calls, *tc, *fr;
	size_t i;
	int rc = 0;

	(void)name;
	if (len == 6 && !memcmp(data, "[DONE]", 6)) {
		a->done = 1;
		return 0;
	}
	if (!(root = llm_json_load(data, len)) || !json_is_object(root)) {
		json_decref(root);
		return hz_error_set(HZ_EINVALID, "an event whose data is not a JSON object");
	}
	if (json_is_object(json_object_get(root, "error")) || json_is_string(json_object_get(root, "error"))) {
		json_decref(a->error);
		a->error = json_incref(root);
		goto done;
	}
	if (json_is_object(json_object_get(root, "usage"))) {
		json_decref(a->usage);
		a->usage = json_incref(json_object_get(root, "usage"));
	}
	choice = json_array_get(json_object_get(root, "choices"), 0);
	delta = json_object_get(choice, "delta");
	if ((rc = put(&a->text, json_object_get(delta, "content"))) ||
	    (rc = put(&a->reasoning, json_object_get(delta, "reasoning_content"))))
		goto done;
	calls = json_object_get(delta, "tool_calls");
	json_array_foreach(calls, i, tc)
		if ((rc = add_call_delta(a, tc, i)) != 0)
			goto done;
	fr = json_object_get(choice, "finish_reason");
	if (json_is_string(fr))
		snprintf(a->finish, sizeof(a->finish), "%s", json_string_value(fr));
done:
	json_decref(root);
	return rc;
}

static json_t *str(const hz_buf *b)
{
	json_t *v = json_stringn(hz_buf_cstr(b), b->len);

	return v ? v : json_string("\xef\xbf\xbd");
}

static int oa_end(void *p, hz_buf *body)
{
	oa_acc *a = p;
	json_t *msg = NULL, *root = NULL, *calls;
	int rc = HZ_ENOMEM;

	if (a->error) {
		llm_dump(a->error, body);
		return hz_error_set(HZ_EHTTP, "the stream carried an error");
	}
	if (!a->done && !a->finish[0])
		return hz_error_set(HZ_EINVALID, "the stream ended before the reply did");
	if (!(msg = json_pack("{s:s, s:o}", "role", "assistant", "content", a->text.len ? str(&a->text) : json_null())))
		goto done;
	if (a->reasoning.len && json_object_set_new(msg, "reasoning_content", str(&a->reasoning)))
		goto done;
	if (a->ncalls) {
		if (!(calls = json_array()) || json_object_set_new(msg, "tool_calls", calls))
			goto done;
		for (size_t i = 0; i < a->ncalls; i++) {
			json_t *c = json_pack("{s:s, s:{s:o, s:o}}", "type", "function", "function", "name",
					      str(&a->calls[i].name), "arguments", str(&a->calls[i].args));
			if (!c || (a->calls[i].id.len && json_object_set_new(c, "id", str(&a->calls[i].id))) ||
			    json_array_append_new(calls, c))
				goto done;
		}
	}
	if (!(root = json_pack("{s:[{s:i, s:O, s:s}]}", "choices", "index", 0, "message", msg, "finish_reason",
			       a->finish[0] ? a->finish : "stop")))
		goto done;
	if (a->usage && json_object_set(root, "usage", a->usage))
		goto done;
	rc = llm_dump(root, body);
done:
	if (rc == HZ_ENOMEM)
		hz_error_set(rc, "out of memory assembling a streamed reply");
	json_decref(msg);
	json_decref(root);
	return rc;
}

const llm_stream_ops llm_stream_openai = {
	.begin = oa_begin,
	.event = oa_event,
	.end = oa_end,
	.free = oa_free,
};
