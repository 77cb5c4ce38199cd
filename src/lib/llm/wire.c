/*
 * Pieces shared by the wire formats: tool schemas, bounded serialisation of
 * a request, provider error messages, and replies.
 */
#include <stdlib.h>
#include <string.h>

#include "horizon/error.h"
#include "llm_loop.h"

json_t *llm_bash_schema(void)
{
	return json_pack("{s:s, s:{s:{s:s, s:s}, s:{s:s, s:s}}, s:[s]}", "type", "object", "properties", "command",
			 "type", "string", "description", "the command, run with bash -c in the workspace",
			 "timeout_s", "type", "number", "description", "seconds before the command is killed (optional)",
			 "required", "command");
}

json_t *llm_submit_schema(void)
{
	return json_pack("{s:s, s:{s:{s:s, s:s}}, s:[s]}", "type", "object", "properties", "answer", "type",
			 "string", "description", "the final answer, or a one-line summary of the work", "required",
			 "answer");
}

int llm_add_extra(json_t *req, const json_t *extra)
{
	const char *key;
	json_t *v;

	json_object_foreach((json_t *)extra, key, v)
		if (json_object_set_new(req, key, json_deep_copy(v)))
			return -1;
	return 0;
}

static int dump_cb(const char *data, size_t size, void *ud)
{
	return hz_buf_put(ud, data, size) ? -1 : 0;
}

int llm_dump(json_t *v, hz_buf *body)
{
	hz_buf_clear(body);
	if (json_dump_callback(v, dump_cb, body, JSON_COMPACT) != 0)
		return hz_error_set(HZ_ELIMIT, "request body larger than %zu bytes", body->max);
	return 0;
}

static int append_json(hz_buf *b, json_t *v)
{
	return json_dump_callback(v, dump_cb, b, JSON_COMPACT) ? hz_error_set(HZ_ELIMIT, "request body too large") : 0;
}

int llm_dump_request(json_t *head, json_t *first, llm_conv *conv, json_t *last, hz_buf *body)
{
	size_t n = json_array_size(conv->messages) - (last ? 1 : 0);
	int rc;

	if (!conv->cache.max)
		hz_buf_init(&conv->cache, body->max);
	for (; conv->ncached < n; conv->ncached++) {
		if (conv->cache.len && (rc = hz_buf_putc(&conv->cache, ',')) != 0)
			return rc;
		if ((rc = append_json(&conv->cache, json_array_get(conv->messages, conv->ncached))) != 0)
			return rc;
	}
	if ((rc = llm_dump(head, body)) != 0)
		return rc;
	/* Reopen the object: "{...}" becomes "{...,"messages":[...]}". */
	body->len--;
	if ((rc = hz_buf_printf(body, "%s\"%s\":[", body->len > 1 ? "," : "", conv->list_key ? conv->list_key : "messages")) != 0)
		return rc;
	if (first && ((rc = append_json(body, first)) != 0 || (conv->cache.len && (rc = hz_buf_putc(body, ',')) != 0)))
		return rc;
	if ((rc = hz_buf_put(body, hz_buf_cstr(&conv->cache), conv->cache.len)) != 0)
		return rc;
	if (last && ((conv->cache.len && (rc = hz_buf_putc(body, ',')) != 0) || (rc = append_json(body, last)) != 0))
		return rc;
	return hz_buf_puts(body, "]}");
}

char *llm_error_text(const char *body, size_t len)
{
	json_t *root = json_loadb(body, len, 0, NULL), *err;
	const char *msg = NULL;
	char *s = NULL;

	err = json_object_get(root, "error");
	if (json_is_string(err))
		msg = json_string_value(err);
	else
		msg = json_string_value(json_object_get(err, "message"));
	if (!msg)
		msg = json_string_value(json_object_get(root, "message"));
	if (msg) {
		size_t n = strlen(msg) > 300 ? 300 : strlen(msg);
		while (n && msg[n] && ((unsigned char)msg[n] & 0xc0) == 0x80)
			n--; /* cut on a UTF-8 character boundary */
		if ((s = malloc(n + 1)) != NULL) {
			memcpy(s, msg, n);
			s[n] = '\0';
		}
	}
	json_decref(root);
	return s;
}

void llm_reply_release(llm_reply *r)
{
	for (size_t i = 0; i < r->ncalls; i++)
		llm_toolcall_release(&r->calls[i]);
	free(r->calls);
	free(r->text);
	json_decref(r->message);
	memset(r, 0, sizeof(*r));
}
