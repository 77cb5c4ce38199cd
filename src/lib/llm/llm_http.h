/*
 * The transport of the LLM backends: the per-host concurrency limit (limiter.c),
 * the libcurl client (http.c), server-sent events (sse.c; accumulators in
 * stream_*.c) and calls with retries (retry.c).
 * Internal to src/lib/llm.
 */
#ifndef HZ_LLM_HTTP_H
#define HZ_LLM_HTTP_H

#include <stddef.h>

#include "buf.h"
#include "llm_settings.h"

/* ---- per-host concurrency limit (limiter.c) ---- */

typedef struct llm_host llm_host;

/* The process-wide slot for `host` (created on first use, never freed). */
llm_host *llm_host_get(const char *host, long max_concurrency);

/* Wait for a free slot; returns the seconds waited, or -1 when the deadline (hz_clock_now) came first. */
double llm_host_acquire(llm_host *h, double deadline);

/* Release a slot; `throttled` (429) halves the limit, success raises it slowly. */
void llm_host_release(llm_host *h, int throttled);

/* The current limit (for tests). */
double llm_host_limit(llm_host *h);

/* ---- HTTP (http.c) and retries (retry.c) ---- */

typedef struct llm_http llm_http;

typedef struct llm_http_response {
	long status;          /* HTTP status, 0 when no response arrived */
	int curl_code;        /* CURLE_OK or the transport error */
	char error[256];      /* curl's message for transport errors */
	hz_buf body;          /* bounded by settings.max_response */
	double retry_after_s; /* from Retry-After, or -1 */
	double elapsed_s;
	int attempts;         /* set by llm_call: attempts made */
	int error_class;      /* set by llm_call for an error status: an llm_error_class */
	int streamed;         /* the 2xx body was an event stream, fed to the sink */
} llm_http_response;

/* Receives an event stream's bytes as they arrive; non-zero aborts the transfer. */
typedef int (*llm_sink_fn)(void *ctx, const char *data, size_t len);

void llm_http_response_release(llm_http_response *r);

/*
 * A client for one run: one libcurl easy handle (connections are reused
 * across turns), the endpoint URL and the headers ("Name: value" lines
 * separated by '\n', copied).  They go only to `url`: redirects are never
 * followed.
 */
int llm_http_new(llm_http **out, const char *url, const char *headers, const llm_settings *s);
void llm_http_free(llm_http *c);

/* The host part of an http(s) URL into out; HZ_EINVALID when it has none. */
int llm_url_host(const char *url, char *out, size_t size);

/* Send 2xx text/event-stream responses to sink (NULL: buffer every body). */
void llm_http_set_sink(llm_http *c, llm_sink_fn sink, void *ctx);

/* One GET of another URL on the same server (with the same headers), then back to POSTs. */
int llm_http_get(llm_http *c, const char *url, double timeout_s, llm_http_response *r);

/* One POST, with an overall timeout (seconds, > 0).  Transport errors land in r. */
int llm_http_post(llm_http *c, const char *body, size_t len, double timeout_s, llm_http_response *r);

/* How a call with retries ended. */
typedef enum {
	LLM_CALL_OK = 0,
	LLM_CALL_TIME_LIMIT, /* the run's deadline passed */
	LLM_CALL_AUTH,       /* 401 / 403 */
	LLM_CALL_EXHAUSTED,  /* retries used up on 429 / 5xx / transport / malformed replies */
	LLM_CALL_REJECTED,   /* another 4xx: the request itself was refused */
	LLM_CALL_CONTEXT,    /* the provider says the conversation exceeds the context window (any status) */
	LLM_CALL_QUOTA,      /* the account's quota or balance is exhausted (429, 402, ...): permanent */
} llm_call_status;

/* Checks a 2xx body; non-zero marks it malformed (retried like a 5xx). */
typedef int (*llm_check_fn)(void *ctx, const char *body, size_t len);

/* Called after every attempt, for the transcript. */
typedef void (*llm_attempt_fn)(void *ctx, int attempt, const llm_http_response *r, const char *problem,
				  double backoff_s);

/* ---- server-sent events (sse.c; accumulators in stream_*.c) ---- */

/* How one protocol's event stream adds up to a reply. */
typedef struct llm_stream_ops {
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
} llm_stream_ops;

extern const llm_stream_ops llm_stream_openai;
extern const llm_stream_ops llm_stream_anthropic;
extern const llm_stream_ops llm_stream_responses;

typedef struct llm_sse {
	const llm_stream_ops *ops;
	void *acc;
	hz_buf line;       /* the current line, bounded */
	hz_buf data;       /* the current event's data lines, bounded */
	char name[64];     /* the current event's "event:" field */
	int failed;        /* a malformed or oversized event: the rest is ignored */
	char problem[160];
	long events;
} llm_sse;

/* Start a stream (releases any previous one). */
int llm_sse_begin(llm_sse *s, const llm_stream_ops *ops, size_t max);

/* The HTTP sink: feed bytes as they arrive (ctx is the llm_sse). */
int llm_sse_feed(void *ctx, const char *data, size_t len);

/* The stream ended: the assembled reply into body (see llm_stream_ops.end). */
int llm_sse_end(llm_sse *s, hz_buf *body);
void llm_sse_release(llm_sse *s);

typedef struct llm_call_opts {
	const llm_settings *settings;
	llm_host *host;
	double deadline;
	unsigned long long *rng;
	llm_check_fn check;
	llm_attempt_fn on_attempt;
	void *ctx;
	const llm_stream_ops *stream; /* the request asks for a stream, or NULL */
	llm_sse *sse;
} llm_call_opts;

/*
 * POST with retries: exponential back-off with jitter on 429, 5xx, transport
 * errors and malformed bodies, honouring Retry-After, under the host's
 * concurrency limit.  *wait_s grows by the time lost to failed attempts,
 * back-off and queueing.  The last response is left in *r.
 */
llm_call_status llm_call(llm_http *c, const llm_call_opts *o, const char *body, size_t len,
			   llm_http_response *r, double *wait_s);

/* Back-off before retry `attempt` (1-based) without Retry-After: base*2^(n-1), capped, jittered. */
double llm_backoff(const llm_settings *s, int attempt, unsigned long long *rng);

/* Parse a Retry-After value (seconds or HTTP date) into seconds from now, or -1. */
double llm_parse_retry_after(const char *value);

#endif
