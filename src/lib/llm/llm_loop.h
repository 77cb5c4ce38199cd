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

extern const char llm_bash_description[];
extern const char llm_submit_description[];

/* The system prompt; `json_mode` appends the JSON-in-text action format. */
int llm_system_prompt(hz_buf *out, int json_mode);

/*
 * Find an action in free text (JSON-in-text mode): the last JSON object with
 * "tool" ("bash" with "command", or "submit" with "answer").  On success
 * *call is filled (owned by the caller); HZ_ENOTFOUND otherwise, with a
 * message fit to show the model.
 */
int llm_parse_text_action(const char *text, llm_toolcall *call);

void llm_toolcall_release(llm_toolcall *c);

/*
 * Shorten command output for the model: keep the head and the tail, with a
 * marker saying how much was cut.  Appends to out.
 */
int llm_clip_output(hz_buf *out, const char *text, size_t len, size_t max, int already_truncated);

/* ---- the tool loop (loop.c) and transcript (transcript.c) ---- */

/* The backends' init (presets applied, settings checked into agent->state) and free. */
int llm_init(hz_agent *agent);
void llm_free(hz_agent *agent);

/* The backends' settings(): llm_settings_each of agent->state. */
void llm_settings_of(const hz_agent *agent, hz_agent_setting_fn fn, void *ctx);

/* Run one attempt with the given wire format; the backends' run(). */
int llm_run(hz_agent *agent, const llm_wire *wire, const hz_agent_env *env, hz_agent_outcome *out);

/*
 * Copy the body.KEY settings into a request.  Deep copies: the settings are
 * shared by runs in other threads, and even reference counts are not touched.
 */
int llm_add_extra(json_t *req, const json_t *extra);

/* Serialise v into body (bounded by body->max). */
int llm_dump(json_t *v, hz_buf *body);

/*
 * The request body: the object `head` with "messages": [first, conversation...]
 * added at its end.  `first` (or NULL) is put before the conversation;
 * `last` (or NULL) stands in for the conversation's final message (a copy
 * with a cache marker, say).
 */
int llm_dump_request(json_t *head, json_t *first, llm_conv *conv, json_t *last, hz_buf *body);

/* The JSON schema objects of the two tools' parameters (new references). */
json_t *llm_bash_schema(void);
json_t *llm_submit_schema(void);

typedef struct llm_transcript {
	FILE *fp;
	const char *secret; /* redacted from every line, when set */
	size_t max_line;
} llm_transcript;

int llm_transcript_open(llm_transcript *t, const char *path, const char *secret);

/* Append one event (the object is consumed: json_decref'd); failures are ignored after the first. */
void llm_transcript_event(llm_transcript *t, json_t *event);
void llm_transcript_close(llm_transcript *t);

/* Replace every occurrence of secret in s (in place) with '*'s; no-op for NULL/empty secret. */
void llm_redact(char *s, const char *secret);

#endif
