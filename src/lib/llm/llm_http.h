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

#endif
