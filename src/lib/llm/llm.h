/*
 * Internals of the LLM agent backends (openai, anthropic): settings parsed
 * from an agent config, the HTTP client with retries and a per-host
 * concurrency limit, the wire-format vtable each API implements, the tool
 * loop and its transcript.  Only agent_openai.c and agent_anthropic.c know
 * their wire formats; everything else works on the types below.
 */
#ifndef HZ_LLM_H
#define HZ_LLM_H

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

#include "agent_internal.h"
#include "buf.h"

/* ---- settings (settings.c) ---- */

typedef enum { HZ_TOOLS_AUTO = 0, HZ_TOOLS_NATIVE, HZ_TOOLS_JSON } hz_tool_mode;

/* Everything a run needs from the agent config, validated once at init. */
typedef struct hz_llm_settings {
	const char *model;
	const char *base_url;
	const char *api_key_env;    /* NULL or "": no key (local servers) */
	double price_in, price_out; /* USD per million tokens */
	double price_cache_read;    /* USD per million input tokens read from a prompt cache */
	double price_cache_write;   /* USD per million input tokens written to one */

	int has_temperature;
	double temperature;
	long max_tokens;            /* per reply */
	const char *reasoning_effort; /* NULL, "low", "medium", "high", ... */
	const char *max_tokens_field; /* openai: "max_tokens" or "max_completion_tokens" */
	const char *anthropic_version;
	int prompt_cache;           /* anthropic: cache breakpoints on the system prompt and the last message */
	int keep_reasoning;         /* openai: send reasoning_content back in the history */
	json_t *extra_body;         /* "body.KEY" settings: extra top-level request fields, or NULL */

	long max_turns;             /* 0: none */
	long max_total_tokens;      /* input + output over the run; 0: none */
	double max_cost_usd;        /* 0: none */
	double command_timeout_s;   /* default for one bash command */
	size_t observation_max;     /* bytes of command output shown to the model */
	hz_tool_mode tool_mode;
	long max_format_errors;     /* consecutive replies without a usable action */

	double connect_timeout_s;
	double request_timeout_s;
	double stall_timeout_s;     /* abort a response that sends nothing for this long */
	long retries;               /* extra attempts after the first */
	double retry_base_s;
	double retry_max_s;
	double retry_after_max_s;   /* cap on a server's Retry-After */
	long concurrency;           /* requests in flight per host, at most */
	size_t max_response;        /* bytes of one response body */

	int stream;                 /* server-sent events (default on) */
	int responses_api;          /* openai backend: POST /responses instead of /chat/completions */
	long context_window;        /* tokens the model reads and writes per request; 0: unknown */
	int context_probe;          /* ask the server for its window (llama-server /props, vLLM /models) */
	long context_keep_turns;    /* most recent turns never shortened */
} hz_llm_settings;

/*
 * Fill *s from agent->config (pointers borrow from it); HZ_EINVALID names
 * the bad key.  Release with hz_llm_settings_release.
 */
int hz_llm_settings_load(hz_llm_settings *s, const hz_agent_config *cfg);
void hz_llm_settings_release(hz_llm_settings *s);

/* Every resolved setting as key and value strings, for `horizon agents show`. */
void hz_llm_settings_each(const hz_llm_settings *s, hz_agent_setting_fn fn, void *ctx);

struct hz_llm_reply;

/* The USD cost of one reply under the settings' prices. */
double hz_llm_reply_cost(const hz_llm_settings *s, const struct hz_llm_reply *r);

/*
 * Fill an agent config's missing base_url and api_key_env (and default
 * params) from the preset named by the "preset" param or cfg->backend
 * ("openai" and "anthropic" are presets too).  A config with its own
 * base_url takes nothing from the preset: its key variable must be named.
 * HZ_EINVALID for an unknown preset or one of another protocol.
 */
int hz_llm_preset_apply(hz_agent_config *cfg);

/* ---- per-host concurrency limit (limiter.c) ---- */

typedef struct hz_llm_host hz_llm_host;

/* The process-wide slot for `host` (created on first use, never freed). */
hz_llm_host *hz_llm_host_get(const char *host, long max_concurrency);

/* Wait for a free slot; returns the seconds waited, or -1 when the deadline (hz_clock_now) came first. */
double hz_llm_host_acquire(hz_llm_host *h, double deadline);

/* Release a slot; `throttled` (429) halves the limit, success raises it slowly. */
void hz_llm_host_release(hz_llm_host *h, int throttled);

/* The current limit (for tests). */
double hz_llm_host_limit(hz_llm_host *h);

/* ---- HTTP (http.c) and retries (retry.c) ---- */

typedef struct hz_llm_http hz_llm_http;

typedef struct hz_http_response {
	long status;          /* HTTP status, 0 when no response arrived */
	int curl_code;        /* CURLE_OK or the transport error */
	char error[256];      /* curl's message for transport errors */
	hz_buf body;          /* bounded by settings.max_response */
	double retry_after_s; /* from Retry-After, or -1 */
	double elapsed_s;
	int attempts;         /* set by hz_llm_call: attempts made */
	int error_class;      /* set by hz_llm_call for an error status: an hz_llm_error_class */
	int streamed;         /* the 2xx body was an event stream, fed to the sink */
} hz_http_response;

/* Receives an event stream's bytes as they arrive; non-zero aborts the transfer. */
typedef int (*hz_llm_sink_fn)(void *ctx, const char *data, size_t len);

void hz_http_response_release(hz_http_response *r);

/*
 * A client for one run: one libcurl easy handle (connections are reused
 * across turns), the endpoint URL and the headers ("Name: value" lines
 * separated by '\n', copied).  They go only to `url`: redirects are never
 * followed.
 */
int hz_llm_http_new(hz_llm_http **out, const char *url, const char *headers, const hz_llm_settings *s);
void hz_llm_http_free(hz_llm_http *c);

/* The host part of an http(s) URL into out; HZ_EINVALID when it has none. */
int hz_llm_url_host(const char *url, char *out, size_t size);

/* Send 2xx text/event-stream responses to sink (NULL: buffer every body). */
void hz_llm_http_set_sink(hz_llm_http *c, hz_llm_sink_fn sink, void *ctx);

/* One GET of another URL on the same server (with the same headers), then back to POSTs. */
int hz_llm_http_get(hz_llm_http *c, const char *url, double timeout_s, hz_http_response *r);

/* One POST, with an overall timeout (seconds, > 0).  Transport errors land in r. */
int hz_llm_http_post(hz_llm_http *c, const char *body, size_t len, double timeout_s, hz_http_response *r);

/* How a call with retries ended. */
typedef enum {
	HZ_CALL_OK = 0,
	HZ_CALL_TIME_LIMIT, /* the run's deadline passed */
	HZ_CALL_AUTH,       /* 401 / 403 */
	HZ_CALL_EXHAUSTED,  /* retries used up on 429 / 5xx / transport / malformed replies */
	HZ_CALL_REJECTED,   /* another 4xx: the request itself was refused */
	HZ_CALL_CONTEXT,    /* the provider says the conversation exceeds the context window (any status) */
	HZ_CALL_QUOTA,      /* the account's quota or balance is exhausted (429, 402, ...): permanent */
} hz_call_status;

/* Checks a 2xx body; non-zero marks it malformed (retried like a 5xx). */
typedef int (*hz_llm_check_fn)(void *ctx, const char *body, size_t len);

/* Called after every attempt, for the transcript. */
typedef void (*hz_llm_attempt_fn)(void *ctx, int attempt, const hz_http_response *r, const char *problem,
				  double backoff_s);

/* ---- server-sent events (sse.c; accumulators in stream_*.c) ---- */

/* How one protocol's event stream adds up to a reply. */
typedef struct hz_llm_stream_ops {
	void *(*begin)(size_t max);
	/* One event (name may be ""); HZ_EINVALID (message set) for a malformed one. */
	int (*event)(void *acc, const char *name, const char *data, size_t len);
	/*
	 * The reply as the non-streamed body would have been, into body.
	 * HZ_EINVALID when the stream ended early; HZ_EHTTP when it carried an
	 * error event (its error object is then in body).
	 */
	int (*end)(void *acc, hz_buf *body);
	void (*free)(void *acc);
} hz_llm_stream_ops;

extern const hz_llm_stream_ops hz_llm_stream_openai;
extern const hz_llm_stream_ops hz_llm_stream_anthropic;
extern const hz_llm_stream_ops hz_llm_stream_responses;

typedef struct hz_llm_sse {
	const hz_llm_stream_ops *ops;
	void *acc;
	hz_buf line;       /* the current line, bounded */
	hz_buf data;       /* the current event's data lines, bounded */
	char name[64];     /* the current event's "event:" field */
	int failed;        /* a malformed or oversized event: the rest is ignored */
	char problem[160];
	long events;
} hz_llm_sse;

/* Start a stream (releases any previous one). */
int hz_llm_sse_begin(hz_llm_sse *s, const hz_llm_stream_ops *ops, size_t max);

/* The HTTP sink: feed bytes as they arrive (ctx is the hz_llm_sse). */
int hz_llm_sse_feed(void *ctx, const char *data, size_t len);

/* The stream ended: the assembled reply into body (see hz_llm_stream_ops.end). */
int hz_llm_sse_end(hz_llm_sse *s, hz_buf *body);
void hz_llm_sse_release(hz_llm_sse *s);

typedef struct hz_llm_call_opts {
	const hz_llm_settings *settings;
	hz_llm_host *host;
	double deadline;
	unsigned long long *rng;
	hz_llm_check_fn check;
	hz_llm_attempt_fn on_attempt;
	void *ctx;
	const hz_llm_stream_ops *stream; /* the request asks for a stream, or NULL */
	hz_llm_sse *sse;
} hz_llm_call_opts;

/*
 * POST with retries: exponential back-off with jitter on 429, 5xx, transport
 * errors and malformed bodies, honouring Retry-After, under the host's
 * concurrency limit.  *wait_s grows by the time lost to failed attempts,
 * back-off and queueing.  The last response is left in *r.
 */
hz_call_status hz_llm_call(hz_llm_http *c, const hz_llm_call_opts *o, const char *body, size_t len,
			   hz_http_response *r, double *wait_s);

/* Back-off before retry `attempt` (1-based) without Retry-After: base*2^(n-1), capped, jittered. */
double hz_llm_backoff(const hz_llm_settings *s, int attempt, unsigned long long *rng);

/* Parse a Retry-After value (seconds or HTTP date) into seconds from now, or -1. */
double hz_llm_parse_retry_after(const char *value);

/* ---- provider errors (errors.c) and tolerant decoding (decode.c) ---- */

typedef enum {
	HZ_LLM_ERR_OTHER = 0,
	HZ_LLM_ERR_CONTEXT, /* context window exceeded */
	HZ_LLM_ERR_QUOTA,   /* quota, balance or billing: permanent */
	HZ_LLM_ERR_TOOLS,   /* a 400 about tool definitions */
} hz_llm_error_class;

/* What an error response means, from the providers' own wording (whatever the status). */
hz_llm_error_class hz_llm_classify_error(long status, const char *body, size_t len);

/* Whether a reply's stop reason says the context window was exhausted. */
int hz_llm_stop_is_context(const char *stop);

/*
 * Decode a provider's JSON body: NUL escapes allowed; invalid UTF-8 and lone
 * surrogate escapes become U+FFFD.  NULL only when the body is not JSON.
 */
json_t *hz_llm_json_load(const char *body, size_t len);

/* A JSON string's value as a C string (malloc'd), NULs as U+FFFD; "" for a non-string. */
char *hz_llm_json_text(const json_t *v);

/* Append text as valid UTF-8 without NULs: bad bytes become U+FFFD. */
int hz_llm_put_clean(hz_buf *out, const char *text, size_t len);

/* ---- wire formats (agent_openai.c, agent_anthropic.c) ---- */

typedef struct hz_llm_toolcall {
	char *id;        /* provider's id, or a generated one */
	char *name;      /* "bash", "submit", or whatever the model called */
	json_t *args;    /* parsed arguments object, or NULL when malformed */
	char *raw_args;  /* arguments as the model sent them */
} hz_llm_toolcall;

typedef struct hz_llm_reply {
	char *text;               /* all text blocks joined; "" when none */
	hz_llm_toolcall *calls;
	size_t ncalls;
	long input_tokens;        /* all of them, cached or not */
	long cache_read_tokens;   /* of input_tokens, read from the provider's prompt cache */
	long cache_write_tokens;  /* of input_tokens, written to it (Anthropic) */
	long output_tokens;
	char stop[32];            /* finish_reason / stop_reason */
	json_t *message;          /* the assistant message, native form, for the history */
} hz_llm_reply;

void hz_llm_reply_release(hz_llm_reply *r);

/*
 * The conversation in the provider's native form.  Messages are only ever
 * appended, so their serialised form is kept and extended: a turn costs the
 * new messages, not the whole history again.
 */
typedef struct hz_llm_conv {
	char *system;
	json_t *messages; /* array */
	hz_buf cache;     /* messages[0 .. ncached) serialised, comma-separated */
	size_t ncached;
	unsigned long ncalls_made; /* ids made up for tool calls without one, so far */
	size_t *turns;             /* index in messages where each kept assistant turn starts */
	size_t nturns, turns_cap;
	size_t turns_dropped;      /* oldest turns removed to fit the context window */
	const char *list_key;      /* the request's key for the list: NULL for "messages" ("input": Responses) */
} hz_llm_conv;

/* Append a reply's message (an object, or an array of items) as a new turn. */
int hz_llm_conv_add_reply(hz_llm_conv *conv, json_t *message);
void hz_llm_conv_release(hz_llm_conv *conv);

/* ---- context management (context.c) ---- */

/* The documented context window of a model (0 when unknown). */
long hz_llm_context_default(const char *preset, const char *model);

/* The window a server reports: llama-server's /props n_ctx, vLLM's /models max_model_len; 0 if none. */
long hz_llm_context_from_server(const char *body, size_t len);

typedef struct hz_llm_shortening {
	size_t outputs;       /* tool outputs replaced by a note */
	size_t turns_dropped; /* whole old turns removed */
	size_t bytes_saved;
	int enough;           /* `need` bytes were saved */
	json_t *elided;       /* [{"turn", "bytes"}], owned by the caller */
} hz_llm_shortening;

/*
 * Shorten the history, never touching the first message (the task) or the
 * last keep_turns turns: old tool outputs become a note until about `want`
 * bytes of serialised JSON are saved; then, only while fewer than `need`
 * are, the oldest whole turns go.
 */
int hz_llm_context_shorten(hz_llm_conv *conv, size_t want, size_t need, size_t keep_turns, hz_llm_shortening *out);

/* The result of one tool call, to send back. */
typedef struct hz_llm_result {
	const char *call_id;
	const char *text;
	int is_error;
} hz_llm_result;

typedef struct hz_llm_wire {
	const char *name;
	const char *path;   /* appended to base_url */
	/* Auth and protocol headers: "Name: value" lines, each ending in '\n'; key may be NULL. */
	int (*headers)(const hz_llm_settings *s, const char *key, hz_buf *out);
	/* The request body for the conversation; `native` adds the tool definitions. */
	int (*build)(const hz_llm_settings *s, hz_llm_conv *conv, int native, hz_buf *body);
	/*
	 * Parse a 2xx body; HZ_EINVALID when it is not a well-formed reply.  Ids
	 * made up for calls without one are unique in conv.
	 */
	int (*parse)(hz_llm_conv *conv, const char *body, size_t len, hz_llm_reply *out);
	/* Append a user text message. */
	int (*add_user)(hz_llm_conv *conv, const char *text);
	/* Append native tool results (and an optional note) after an assistant turn. */
	int (*add_results)(hz_llm_conv *conv, const hz_llm_result *res, size_t n, const char *note);
	/* How the protocol's event stream adds up (build asks for one when settings.stream is set). */
	const hz_llm_stream_ops *stream;
} hz_llm_wire;

extern const hz_llm_wire hz_llm_wire_openai;
extern const hz_llm_wire hz_llm_wire_anthropic;
extern const hz_llm_wire hz_llm_wire_responses;

/* "Authorization: Bearer KEY" (openai chat completions and Responses). */
int hz_llm_bearer_headers(const hz_llm_settings *s, const char *key, hz_buf *out);

/* The provider's error message from an error body ({"error":{"message":...}}), or NULL. */
char *hz_llm_error_text(const char *body, size_t len);

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
