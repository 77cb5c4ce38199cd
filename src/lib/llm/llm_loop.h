/*
 * The tool loop of the LLM backends (loop.c): actions and prompts (action.c),
 * the backends' init and run, request bodies, and the transcript
 * (transcript.c).
 * Internal to src/lib/llm.
 */
#ifndef HZ_LLM_LOOP_H
#define HZ_LLM_LOOP_H

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

#include "agent_internal.h"
#include "buf.h"
#include "llm_wire.h"

/* ---- actions, prompts (action.c) ---- */

extern const char hz_llm_bash_description[];
extern const char hz_llm_submit_description[];

/* The system prompt; `json_mode` appends the JSON-in-text action format. */
int hz_llm_system_prompt(hz_buf *out, int json_mode);

/*
 * Find an action in free text (JSON-in-text mode): the last JSON object with
 * "tool" ("bash" with "command", or "submit" with "answer").  On success
 * *call is filled (owned by the caller); HZ_ENOTFOUND otherwise, with a
 * message fit to show the model.
 */
int hz_llm_parse_text_action(const char *text, hz_llm_toolcall *call);

void hz_llm_toolcall_release(hz_llm_toolcall *c);

/*
 * Shorten command output for the model: keep the head and the tail, with a
 * marker saying how much was cut.  Appends to out.
 */
int hz_llm_clip_output(hz_buf *out, const char *text, size_t len, size_t max, int already_truncated);

/* ---- the tool loop (loop.c) and transcript (transcript.c) ---- */

/* The backends' init (presets applied, settings checked into agent->state) and free. */
int hz_llm_init(hz_agent *agent);
void hz_llm_free(hz_agent *agent);

/* The backends' settings(): hz_llm_settings_each of agent->state. */
void hz_llm_settings_of(const hz_agent *agent, hz_agent_setting_fn fn, void *ctx);

/* Run one attempt with the given wire format; the backends' run(). */
int hz_llm_run(hz_agent *agent, const hz_llm_wire *wire, const hz_agent_env *env, hz_agent_outcome *out);

/*
 * Copy the body.KEY settings into a request.  Deep copies: the settings are
 * shared by runs in other threads, and even reference counts are not touched.
 */
int hz_llm_add_extra(json_t *req, const json_t *extra);

/* Serialise v into body (bounded by body->max). */
int hz_llm_dump(json_t *v, hz_buf *body);

/*
 * The request body: the object `head` with "messages": [first, conversation...]
 * added at its end.  `first` (or NULL) is put before the conversation;
 * `last` (or NULL) stands in for the conversation's final message (a copy
 * with a cache marker, say).
 */
int hz_llm_dump_request(json_t *head, json_t *first, hz_llm_conv *conv, json_t *last, hz_buf *body);

/* The JSON schema objects of the two tools' parameters (new references). */
json_t *hz_llm_bash_schema(void);
json_t *hz_llm_submit_schema(void);

typedef struct hz_llm_transcript {
	FILE *fp;
	const char *secret; /* redacted from every line, when set */
	size_t max_line;
} hz_llm_transcript;

int hz_llm_transcript_open(hz_llm_transcript *t, const char *path, const char *secret);

/* Append one event (the object is consumed: json_decref'd); failures are ignored after the first. */
void hz_llm_transcript_event(hz_llm_transcript *t, json_t *event);
void hz_llm_transcript_close(hz_llm_transcript *t);

/* Replace every occurrence of secret in s (in place) with '*'s; no-op for NULL/empty secret. */
void hz_llm_redact(char *s, const char *secret);

#endif
