/*
 * The Messages event stream added up into the body a non-streamed request
 * would have got: message_start (usage of the input), content blocks
 * started, grown by deltas (text, a tool call's input as JSON pieces,
 * thinking and its signature) and stopped, message_delta (stop reason,
 * output usage), message_stop.  ping is ignored; an error event is the
 * reply's error.
 */
#include <stdlib.h>
#include <string.h>

#include "horizon/error.h"
#include "llm_loop.h"

#define MAX_BLOCKS 256

typedef struct an_block {
	json_t *block;      /* as content_block_start gave it */
	hz_buf text;        /* text, thinking, or the tool input's JSON */
	hz_buf signature;
} an_block;

typedef struct an_acc {
	size_t max;
	an_block blocks[MAX_BLOCKS];
	size_t nblocks;
	json_t *usage;
	char stop[48];
	json_t *error;
	int done;
} an_acc;

static void *an_begin(size_t max)
{
	an_acc *a = calloc(1, sizeof(*a));

	if (a && !(a->usage = json_object())) {
		free(a);
		return NULL;
	}
	if (a)
		a->max = max;
	return a;
}

static void an_free(void *p)
{
	an_acc *a = p;

	for (size_t i = 0; i < a->nblocks; i++) {
		json_decref(a->blocks[i].block);
		hz_buf_release(&a->blocks[i].text);
		hz_buf_release(&a->blocks[i].signature);
	}
	json_decref(a->usage);
	json_decref(a->error);
	free(a);
}

static int put(hz_buf *b, json_t *v)
{
	if (!json_is_string(v))
		return 0;
	if (hz_buf_put(b, json_string_value(v), json_string_length(v)) != 0)
		return hz_error_set(HZ_EINVALID, "a reply larger than the response limit");
	return 0;
}

/* Usage fields: message_start's, then message_delta's (cumulative) on top. */
static void merge_usage(an_acc *a, json_t *u)
{
	const char *k;
	json_t *v;

	json_object_foreach(u, k, v)
		if (json_is_integer(v))
			json_object_set(a->usage, k, v);
}

static an_block *block_at(an_acc *a, json_t *root)
{
	json_t *idx = json_object_get(root, "index");

	if (!json_is_integer(idx) || json_integer_value(idx) < 0 || (size_t)json_integer_value(idx) >= a->nblocks) {
		hz_error_set(HZ_EINVALID, "a delta for a content block that was not started");
		return NULL;
	}
	return &a->blocks[json_integer_value(idx)];
}

static int on_event(an_acc *a, const char *type, json_t *root)
{
	an_block *b;
	json_t *d;

	if (!strcmp(type, "message_start")) {
		merge_usage(a, json_object_get(json_object_get(root, "message"), "usage"));
	} else if (!strcmp(type, "content_block_start")) {
		json_t *idx = json_object_get(root, "index"), *cb = json_object_get(root, "content_block");
		if (!json_is_object(cb) || !json_is_integer(idx) || (size_t)json_integer_value(idx) != a->nblocks)
			return hz_error_set(HZ_EINVALID, "content blocks out of order");
		if (a->nblocks == MAX_BLOCKS)
			return hz_error_set(HZ_EINVALID, "more than %d content blocks", MAX_BLOCKS);
		b = &a->blocks[a->nblocks++];
		b->block = json_deep_copy(cb);
		hz_buf_init(&b->text, a->max);
		hz_buf_init(&b->signature, 4096 * 16);
		if (!b->block)
			return hz_error_set(HZ_ENOMEM, "out of memory");
	} else if (!strcmp(type, "content_block_delta")) {
		if (!(b = block_at(a, root)))
			return HZ_EINVALID;
		d = json_object_get(root, "delta");
		if (put(&b->text, json_object_get(d, "text")) || put(&b->text, json_object_get(d, "partial_json")) ||
		    put(&b->text, json_object_get(d, "thinking")) || put(&b->signature, json_object_get(d, "signature")))
			return HZ_EINVALID;
	} else if (!strcmp(type, "message_delta")) {
		json_t *sr = json_object_get(json_object_get(root, "delta"), "stop_reason");
		if (json_is_string(sr))
			snprintf(a->stop, sizeof(a->stop), "%s", json_string_value(sr));
		merge_usage(a, json_object_get(root, "usage"));
	} else if (!strcmp(type, "message_stop")) {
		a->done = 1;
	} else if (!strcmp(type, "error")) {
		json_decref(a->error);
		a->error = json_incref(root);
	}
	/* ping, content_block_stop and event types added later need nothing. */
	return 0;
}

static int an_event(void *p, const char *name, const char *data, size_t len)
{
	an_acc *a = p;
	json_t *root = llm_json_load(data, len);
	const char *type = json_string_value(json_object_get(root, "type"));
	int rc;

	(void)name; /* the data's "type" says the same */
	if (!type) {
		json_decref(root);
		return hz_error_set(HZ_EINVALID, "an event whose data is not a JSON object with a type");
	}
	rc = on_event(a, type, root);
	json_decref(root);
	return rc;
}

static json_t *str(const hz_buf *b)
{
	json_t *v = json_stringn(hz_buf_cstr(b), b->len);

	return v ? v : json_string("\xef\xbf\xbd");
}

/* A block's final form, from its start and its deltas. */
static int finish_block(an_block *b)
{
	const char *type = json_string_value(json_object_get(b->block, "type"));

	if (!type)
		return hz_error_set(HZ_EINVALID, "a content block without a type");
	if (!strcmp(type, "text"))
		return json_object_set_new(b->block, "text", str(&b->text));
	if (!strcmp(type, "thinking"))
		return json_object_set_new(b->block, "thinking", str(&b->text)) ||
		       json_object_set_new(b->block, "signature", str(&b->signature));
	if (!strcmp(type, "tool_use") && b->text.len) {
		/* Input that is not JSON is kept as a string: the loop tells the model its arguments were bad. */
		json_t *in = llm_json_load(b->text.ptr, b->text.len);
		return json_object_set_new(b->block, "input", in ? in : str(&b->text));
	}
	return 0;
}

static int an_end(void *p, hz_buf *body)
{
	an_acc *a = p;
	json_t *root = NULL, *content;
	int rc = HZ_ENOMEM;

	if (a->error) {
		llm_dump(a->error, body);
		return hz_error_set(HZ_EHTTP, "the stream carried an error");
	}
	if (!a->done)
		return hz_error_set(HZ_EINVALID, "the stream ended before message_stop");
	if (!(content = json_array()) ||
	    !(root = json_pack("{s:s, s:s, s:o, s:s, s:O}", "type", "message", "role", "assistant", "content", content,
			       "stop_reason", a->stop, "usage", a->usage)))
		goto done;
	for (size_t i = 0; i < a->nblocks; i++) {
		if (finish_block(&a->blocks[i]) != 0) {
			rc = HZ_EINVALID;
			goto done;
		}
		if (json_array_append(content, a->blocks[i].block))
			goto done;
	}
	rc = llm_dump(root, body);
done:
	if (rc == HZ_ENOMEM)
		hz_error_set(rc, "out of memory assembling a streamed reply");
	json_decref(root);
	return rc;
}

const llm_stream_ops llm_stream_anthropic = {
	.begin = an_begin,
	.event = an_event,
	.end = an_end,
	.free = an_free,
};
