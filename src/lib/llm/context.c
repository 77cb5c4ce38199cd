/*
 * Context management for long tasks: each agent has a context budget (the
 * model's window, from the providers' documented limits or what the server
 * reports), the size of the next request is estimated from the tokens the
 * API counted for the last one, and before a request would exceed the
 * budget the history is shortened the way good scaffolds do it: the system
 * prompt, the task and the most recent turns stay as they are; old tool
 * outputs are replaced by a short note saying what was elided; if that is
 * not enough, the oldest whole turns go (a tool call always with its
 * result).
 */
#include <stdlib.h>
#include <string.h>

#include "horizon/error.h"
#include "llm_wire.h"

/* Documented context windows (input + output tokens), longest prefix first within a family. */
static const struct {
	const char *prefix;
	long tokens;
} windows[] = {
	{ "gpt-4.1", 1047576 },        { "gpt-4o", 128000 },          { "gpt-4-turbo", 128000 },
	{ "gpt-5", 400000 },           { "gpt-oss", 131072 },         { "o1", 200000 },
	{ "o3", 200000 },              { "o4-mini", 200000 },         { "codex-mini", 200000 },
	{ "claude", 200000 },          { "deepseek", 131072 },        { "qwen3-coder-plus", 1000000 },
	{ "qwen3-coder-flash", 1000000 }, { "qwen3-max", 262144 },    { "qwen-max", 32768 },
	{ "qwen-plus", 131072 },       { "qwen-turbo", 1000000 },     { "qwen-flash", 1000000 },
	{ "kimi-k2-0711", 131072 },    { "kimi-k2", 262144 },         { "kimi-latest", 131072 },
	{ "moonshot-v1-8k", 8192 },    { "moonshot-v1-32k", 32768 },  { "moonshot-v1-128k", 131072 },
	{ "glm-4.6", 200000 },         { "glm-4.5", 131072 },         { "glm-4-plus", 128000 },
	{ "gemini", 1048576 },
};

long llm_context_default(const char *preset, const char *model)
{
	const char *m = model ? model : "";
	const char *slash = strrchr(m, '/');
	size_t best = 0;
	long tokens = 0;

	(void)preset;
	if (slash) /* OpenRouter's "anthropic/claude-sonnet-4.5" */
		m = slash + 1;
	for (size_t i = 0; i < sizeof(windows) / sizeof(windows[0]); i++) {
		size_t n = strlen(windows[i].prefix);
		if (n > best && !strncmp(m, windows[i].prefix, n)) {
			best = n;
			tokens = windows[i].tokens;
		}
	}
	return tokens;
}

long llm_context_from_server(const char *body, size_t len)
{
	json_t *root = llm_json_load(body, len), *v;
	long n = 0;

	/* llama-server /props: the per-slot window. */
	v = json_object_get(json_object_get(root, "default_generation_settings"), "n_ctx");
	if (!json_is_integer(v))
		v = json_object_get(root, "n_ctx");
	/* vLLM /v1/models: data[0].max_model_len. */
	if (!json_is_integer(v))
		v = json_object_get(json_array_get(json_object_get(root, "data"), 0), "max_model_len");
	if (json_is_integer(v) && json_integer_value(v) > 0)
		n = (long)json_integer_value(v);
	json_decref(root);
	return n;
}

int llm_conv_add_reply(llm_conv *conv, json_t *message)
{
	size_t at = json_array_size(conv->messages);

	if (conv->nturns == conv->turns_cap) {
		size_t cap = conv->turns_cap ? 2 * conv->turns_cap : 64;
		size_t *t = realloc(conv->turns, cap * sizeof(*t));
		if (!t)
			return hz_error_set(HZ_ENOMEM, "out of memory");
		conv->turns = t;
		conv->turns_cap = cap;
	}
	if (json_is_array(message) ? json_array_extend(conv->messages, message) : json_array_append(conv->messages, message))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	conv->turns[conv->nturns++] = at;
	return 0;
}

void llm_conv_release(llm_conv *conv)
{
	json_decref(conv->messages);
	hz_buf_release(&conv->cache);
	free(conv->system);
	free(conv->turns);
	memset(conv, 0, sizeof(*conv));
}

/* The tool-output strings of one history message (any protocol), appended to out (borrowed). */
static size_t outputs(json_t *msg, json_t **out, size_t max)
{
	const char *role = json_string_value(json_object_get(msg, "role"));
	json_t *content = json_object_get(msg, "content"), *block;
	size_t n = 0, i;

	if (role && !strcmp(role, "tool") && json_is_string(content))
		out[n++] = msg; /* openai chat completions */
	else if (!strcmp(json_string_value(json_object_get(msg, "type")) ? json_string_value(json_object_get(msg, "type")) : "",
			 "function_call_output"))
		out[n++] = msg; /* responses API */
	else if (role && !strcmp(role, "user") && json_is_string(content) &&
		 !strncmp(json_string_value(content), "Output of ", 10))
		out[n++] = msg; /* JSON-in-text mode */
	else if (role && !strcmp(role, "user") && json_is_array(content))
		json_array_foreach(content, i, block)
			if (n < max && !strcmp(json_string_value(json_object_get(block, "type")) ? json_string_value(json_object_get(block, "type")) : "",
					       "tool_result"))
				out[n++] = block; /* anthropic */
	return n;
}

/* The key holding the output text in an object outputs() returned. */
static const char *text_key(json_t *obj)
{
	return json_is_string(json_object_get(obj, "output")) ? "output" : "content";
}

#define ELIDED_MARK "[elided to fit the context window:"

/* Replace one output with a note; returns the bytes saved. */
static size_t elide(json_t *obj, size_t turn)
{
	const char *key = text_key(obj);
	json_t *v = json_object_get(obj, key);
	size_t len = json_string_length(v);
	char note[256];
	int n;

	if (!json_is_string(v) || !strncmp(json_string_value(v), ELIDED_MARK, strlen(ELIDED_MARK)))
		return 0;
	n = snprintf(note, sizeof(note),
		     ELIDED_MARK " the %zu-byte output of this command (turn %zu) was removed from the history; run it "
				 "again if you need it]",
		     len, turn + 1);
	if (n < 0 || (size_t)n + 64 >= len)
		return 0;
	if (!strcmp(key, "content") && json_is_string(json_object_get(obj, "role")) &&
	    !strcmp(json_string_value(json_object_get(obj, "role")), "user")) {
		/* JSON-in-text: keep the "Output of bash:" line. */
		char buf[300];
		snprintf(buf, sizeof(buf), "Output of bash:\n%s", note);
		json_object_set_new(obj, key, json_string(buf));
	} else {
		json_object_set_new(obj, key, json_string(note));
	}
	return len - (size_t)n;
}

static void uncache(llm_conv *conv)
{
	conv->ncached = 0;
	hz_buf_clear(&conv->cache);
}

int llm_context_shorten(llm_conv *conv, size_t want, size_t need, size_t keep_turns, llm_shortening *out)
{
	size_t saved = 0, t;
	json_t *elided = json_array();

	memset(out, 0, sizeof(*out));
	if (!elided)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	out->elided = elided;
	/* 1: old tool outputs, oldest first. */
	for (t = 0; t + keep_turns < conv->nturns && saved < want; t++) {
		size_t end = t + 1 < conv->nturns ? conv->turns[t + 1] : json_array_size(conv->messages);
		for (size_t i = conv->turns[t]; i < end && saved < want; i++) {
			json_t *objs[64];
			size_t n = outputs(json_array_get(conv->messages, i), objs, 64);
			for (size_t k = 0; k < n && saved < want; k++) {
				size_t s = elide(objs[k], t + conv->turns_dropped);
				if (s) {
					saved += s;
					out->outputs++;
					json_array_append_new(elided, json_pack("{s:I, s:I}", "turn",
										(json_int_t)(t + conv->turns_dropped + 1),
										"bytes", (json_int_t)s));
				}
			}
		}
	}
	/* 2: whole old turns (an assistant message with the results that answer it), only as needed. */
	while (saved < need && conv->nturns > keep_turns && conv->nturns > 1) {
		size_t from = conv->turns[0], to = conv->turns[1], n = to - from;
		for (size_t i = from; i < to; i++) {
			char *s = json_dumps(json_array_get(conv->messages, from), JSON_COMPACT);
			saved += s ? strlen(s) : 0;
			free(s);
			json_array_remove(conv->messages, from);
		}
		memmove(conv->turns, conv->turns + 1, (conv->nturns - 1) * sizeof(*conv->turns));
		conv->nturns--;
		for (size_t i = 0; i < conv->nturns; i++)
			conv->turns[i] -= n;
		out->turns_dropped++;
		conv->turns_dropped++;
	}
	out->bytes_saved = saved;
	out->enough = saved >= need;
	if (saved)
		uncache(conv);
	return 0;
}
