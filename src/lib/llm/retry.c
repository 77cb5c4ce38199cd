/*
 * Retries for API calls: which failures are worth another attempt (429, 5xx,
 * transport errors, malformed bodies), how long to wait (exponential back-off
 * with jitter, or the server's Retry-After), and the accounting of the time
 * lost to them so that a run's working time excludes it.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "horizon/error.h"
#include "llm_wire.h"
#include "strutil.h"

/* How early curl may report a time-out that the run's deadline set. */
#define DEADLINE_SLACK_S 0.05

/* xorshift64*: jitter only, no need for more. */
static double rand01(unsigned long long *state)
{
	unsigned long long x = *state ? *state : 0x9e3779b97f4a7c15ULL;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return (double)((x * 0x2545F4914F6CDD1DULL) >> 11) / 9007199254740992.0;
}

double llm_backoff(const llm_settings *s, int attempt, unsigned long long *rng)
{
	double d = s->retry_base_s;

	for (int i = 1; i < attempt && d < s->retry_max_s; i++)
		d *= 2;
	if (d > s->retry_max_s)
		d = s->retry_max_s;
	/* "Equal jitter": half fixed, half random, so waits never collapse to zero. */
	return d / 2 + rand01(rng) * d / 2;
}

static void sleep_s(double s)
{
	struct timespec ts;

	if (s <= 0)
		return;
	ts.tv_sec = (time_t)s;
	ts.tv_nsec = (long)((s - (double)ts.tv_sec) * 1e9);
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

static int retryable_status(long status)
{
	return status == 429 || status == 408 || status == 409 || status >= 500;
}

llm_call_status llm_call(llm_http *c, const llm_call_opts *o, const char *body, size_t len,
			   llm_http_response *r, double *wait_s)
{
	const llm_settings *s = o->settings;

	for (int attempt = 1;; attempt++) {
		double now = hz_clock_now(), left = o->deadline - now, timeout, backoff, queued;
		const char *problem = NULL;
		int throttled, stream_rc;

		r->attempts = attempt - 1;
		if (left <= 0)
			return LLM_CALL_TIME_LIMIT;
		timeout = s->request_timeout_s < left ? s->request_timeout_s : left;
		queued = llm_host_acquire(o->host, o->deadline);
		if (queued < 0) {
			/* The run's time went by queueing behind other runs' requests to this host. */
			*wait_s += hz_clock_now() - now;
			snprintf(r->error, sizeof(r->error), "no free request slot for this API host before the deadline");
			r->curl_code = -1;
			r->status = 0;
			if (o->on_attempt)
				o->on_attempt(o->ctx, attempt, r, r->error, 0);
			return LLM_CALL_EXHAUSTED;
		}
		*wait_s += queued;
		if (o->stream && llm_sse_begin(o->sse, o->stream, s->max_response) != 0) {
			r->curl_code = -1;
			snprintf(r->error, sizeof(r->error), "%s", hz_error_message());
			llm_host_release(o->host, 0);
			return LLM_CALL_EXHAUSTED;
		}
		llm_http_post(c, body, len, timeout, r);
		r->attempts = attempt;
		r->error_class = LLM_ERR_OTHER;
		throttled = r->status == 429;
		llm_host_release(o->host, throttled);

		if (r->curl_code == 0 && r->streamed && (stream_rc = llm_sse_end(o->sse, &r->body)) != 0) {
			/* An error event mid-stream (overloaded, or words that say context or quota), or a broken stream. */
			r->error_class = stream_rc == HZ_EHTTP ? (int)llm_classify_error(r->status, hz_buf_cstr(&r->body),
											  r->body.len)
							       : LLM_ERR_OTHER;
			if (r->error_class == LLM_ERR_CONTEXT || r->error_class == LLM_ERR_QUOTA) {
				if (o->on_attempt)
					o->on_attempt(o->ctx, attempt, r, "error event in the stream", 0);
				return r->error_class == LLM_ERR_CONTEXT ? LLM_CALL_CONTEXT : LLM_CALL_QUOTA;
			}
			problem = stream_rc == HZ_EHTTP ? "error event in the stream" : o->sse->problem;
		} else if (r->curl_code == 0 && r->status >= 200 && r->status < 300) {
			if (!o->check || o->check(o->ctx, hz_buf_cstr(&r->body), r->body.len) == 0) {
				if (o->on_attempt)
					o->on_attempt(o->ctx, attempt, r, NULL, 0);
				return LLM_CALL_OK;
			}
			/* Some servers put an error object in a 200. */
			r->error_class = (int)llm_classify_error(r->status, hz_buf_cstr(&r->body), r->body.len);
			if (r->error_class == LLM_ERR_CONTEXT || r->error_class == LLM_ERR_QUOTA) {
				if (o->on_attempt)
					o->on_attempt(o->ctx, attempt, r, "error in a 2xx body", 0);
				return r->error_class == LLM_ERR_CONTEXT ? LLM_CALL_CONTEXT : LLM_CALL_QUOTA;
			}
			problem = "malformed response body";
		} else if (r->curl_code != 0) {
			problem = r->error;
		} else if ((r->error_class = (int)llm_classify_error(r->status, hz_buf_cstr(&r->body), r->body.len)) ==
			   LLM_ERR_CONTEXT) {
			/* Whatever the status (llama-server says 500): a retry would fail the same way. */
			if (o->on_attempt)
				o->on_attempt(o->ctx, attempt, r, "context window exceeded", 0);
			return LLM_CALL_CONTEXT;
		} else if (r->error_class == LLM_ERR_QUOTA) {
			if (o->on_attempt)
				o->on_attempt(o->ctx, attempt, r, "quota or balance exhausted", 0);
			return LLM_CALL_QUOTA;
		} else if (r->status == 401 || r->status == 403) {
			if (o->on_attempt)
				o->on_attempt(o->ctx, attempt, r, "authentication refused", 0);
			return LLM_CALL_AUTH;
		} else if (!retryable_status(r->status)) {
			if (o->on_attempt)
				o->on_attempt(o->ctx, attempt, r, "request refused", 0);
			return LLM_CALL_REJECTED;
		} else {
			problem = throttled ? "rate limited" : "server error";
		}

		now = hz_clock_now();
		if (r->curl_code == 28 /* CURLE_OPERATION_TIMEDOUT */ && timeout >= left &&
		    now >= o->deadline - DEADLINE_SLACK_S) {
			/*
			 * Cut off by the run's deadline: the model's time, not the API's
			 * fault.  curl's timer (whole milliseconds) can fire a hair
			 * before our clock reaches the deadline it was set from.
			 */
			if (o->on_attempt)
				o->on_attempt(o->ctx, attempt, r, problem, 0);
			return LLM_CALL_TIME_LIMIT;
		}
		/* The attempt failed and may be retried: its time was lost to the API. */
		*wait_s += r->elapsed_s;
		if (attempt > s->retries) {
			if (o->on_attempt)
				o->on_attempt(o->ctx, attempt, r, problem, 0);
			return LLM_CALL_EXHAUSTED;
		}
		backoff = llm_backoff(s, attempt, o->rng);
		if (r->retry_after_s >= 0)
			backoff = r->retry_after_s < s->retry_after_max_s ? r->retry_after_s : s->retry_after_max_s;
		if (o->on_attempt)
			o->on_attempt(o->ctx, attempt, r, problem, backoff);
		if (now + backoff >= o->deadline) {
			/* Waiting would run past the deadline: the run is lost to the API, not the model. */
			return LLM_CALL_EXHAUSTED;
		}
		sleep_s(backoff);
		*wait_s += hz_clock_now() - now;
	}
}
