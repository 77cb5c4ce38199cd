/*
 * The protocols of the LLM backends: provider errors (errors.c), tolerant
 * decoding (decode.c), the wire-format vtable each API implements
 * (agent_openai.c, agent_anthropic.c, agent_responses.c; wire.c) and
 * context management (context.c).
 * Internal to src/lib/llm.
 */
#ifndef HZ_LLM_WIRE_H
#define HZ_LLM_WIRE_H

#include <jansson.h>
#include <stddef.h>

#include "buf.h"
#include "llm_http.h"

/* ---- provider errors (errors.c) and tolerant decoding (decode.c) ---- */

typedef enum {
	LLM_ERR_OTHER = 0,
	LLM_ERR_CONTEXT, /* context window exceeded */
	LLM_ERR_QUOTA,   /* quota, balance or billing: permanent */
	LLM_ERR_TOOLS,   /* a 400 about tool definitions */
} llm_error_class;

/* What an error response means, from the providers' own wording (whatever the status). */
llm_error_class llm_classify_error(long status, const char *body, size_t len);

/* Whether a reply's stop reason says the context window was exhausted. */
int llm_stop_is_context(const char *stop);

/*
 * Decode a provider's JSON body: NUL escapes allowed; invalid UTF-8 and lone
 * surrogate escapes become U+FFFD.  NULL only when the body is not JSON.
 */
json_t *llm_json_load(const char *body, size_t len);

/* A JSON string's value as a C string (malloc'd), NULs as U+FFFD; "" for a non-string. */
char *llm_json_text(const json_t *v);

/* Append text as valid UTF-8 without NULs: bad bytes become U+FFFD. */
int llm_put_clean(hz_buf *out, const char *text, size_t len);

/* ---- wire formats (agent_openai.c, agent_anthropic.c) ---- */

typedef struct llm_toolcall {
	char *id;        /* provider's id, or a generated one */
	char *name;      /* "bash", "submit", or whatever the model called */
	json_t *args;    /* parsed arguments object, or NULL when malformed */
	char *raw_args;  /* arguments as the model sent them */
} llm_toolcall;

typedef struct llm_reply {
	char *text;               /* all text blocks joined; "" when none */
	llm_toolcall *calls;
	size_t ncalls;
	long input_tokens;        /* all of them, cached or not */
	long cache_read_tokens;   /* of input_tokens, read from the provider's prompt cache */
	long cache_write_tokens;  /* of input_tokens, written to it (Anthropic) */
	long output_tokens;
	char stop[32];            /* finish_reason / stop_reason */
	json_t *message;          /* the assistant message, native form, for the history */
} llm_reply;

void llm_reply_release(llm_reply *r);

/*
 * The conversation in the provider's native form.  Messages are only ever
 * appended, so their serialised form is kept and extended: a turn costs the
 * new messages, not the whole history again.
 */
typedef struct llm_conv {
	char *system;
	json_t *messages; /* array */
	hz_buf cache;     /* messages[0 .. ncached) serialised, comma-separated */
	size_t ncached;
	unsigned long ncalls_made; /* ids made up for tool calls without one, so far */
	size_t *turns;             /* index in messages where each kept assistant turn starts */
	size_t nturns, turns_cap;
	size_t turns_dropped;      /* oldest turns removed to fit the context window */
	const char *list_key;      /* the request's key for the list: NULL for "messages" ("input": Responses) */
} llm_conv;

/* Append a reply's message (an object, or an array of items) as a new turn. */
int llm_conv_add_reply(llm_conv *conv, json_t *message);
void llm_conv_release(llm_conv *conv);

/* ---- context management (context.c) ---- */

/* The documented context window of a model (0 when unknown). */
long llm_context_default(const char *preset, const char *model);

/* The window a server reports: llama-server's /props n_ctx, vLLM's /models max_model_len; 0 if none. */
long llm_context_from_server(const char *body, size_t len);

typedef struct llm_shortening {
	size_t outputs;       /* tool outputs replaced by a note */
	size_t turns_dropped; /* whole old turns removed */
	size_t bytes_saved;
	int enough;           /* `need` bytes were saved */
	json_t *elided;       /* [{"turn", "bytes"}], owned by the caller */
} llm_shortening;

/*
 * Shorten the history, never touching the first message (the task) or the
 * last keep_turns turns: old tool outputs become a note until about `want`
 * bytes of serialised JSON are saved; then, only while fewer than `need`
 * are, the oldest whole turns go.
 */
int llm_context_shorten(llm_conv *conv, size_t want, size_t need, size_t keep_turns, llm_shortening *out);

/* The result of one tool call, to send back. */
typedef struct llm_result {
	const char *call_id;
	const char *text;
	int is_error;
} llm_result;

typedef struct llm_wire {
	const char *name;
	const char *path;   /* appended to base_url */
	/* Auth and protocol headers: "Name: value" lines, each ending in '\n'; key may be NULL. */
	int (*headers)(const llm_settings *s, const char *key, hz_buf *out);
	/* The request body for the conversation; `native` adds the tool definitions. */
	int (*build)(const llm_settings *s, llm_conv *conv, int native, hz_buf *body);
	/*
	 * Parse a 2xx body; HZ_EINVALID when it is not a well-formed reply.  Ids
	 * made up for calls without one are unique in conv.
	 */
	int (*parse)(llm_conv *conv, const char *body, size_t len, llm_reply *out);
	/* Append a user text message. */
	int (*add_user)(llm_conv *conv, const char *text);
	/* Append native tool results (and an optional note) after an assistant turn. */
	int (*add_results)(llm_conv *conv, const llm_result *res, size_t n, const char *note);
	/* How the protocol's event stream adds up (build asks for one when settings.stream is set). */
	const llm_stream_ops *stream;
} llm_wire;

extern const llm_wire llm_wire_openai;
extern const llm_wire llm_wire_anthropic;
extern const llm_wire llm_wire_responses;

/* "Authorization: Bearer KEY" (openai chat completions and Responses). */
int llm_bearer_headers(const llm_settings *s, const char *key, hz_buf *out);

/* The provider's error message from an error body ({"error":{"message":...}}), or NULL. */
char *llm_error_text(const char *body, size_t len);

#endif
