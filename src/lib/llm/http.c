/*
 * HTTP for the LLM backends over libcurl: one easy handle per run (so the
 * connection is reused across turns), bounded response bodies, stall and
 * overall timeouts, Retry-After capture.  Credentials ride in headers that
 * go only to the configured URL: redirects are never followed and only
 * http/https are allowed.  CURLOPT_VERBOSE stays off so no header is logged.
 */
#include <curl/curl.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "horizon/error.h"
#include "llm_http.h"
#include "proc.h"
#include "strutil.h"

struct llm_http {
	CURL *curl;
	struct curl_slist *headers;
	char errbuf[CURL_ERROR_SIZE];
	llm_http_response *cur; /* the response being filled by the callbacks */
	int overflow;          /* the body passed its maximum */
	double stall_s;        /* abort when a started response is silent this long */
	double last_data;      /* hz_clock_now() of the last bytes received, 0 before any */
	int stalled;
	char *url;             /* the POST URL */
	llm_sink_fn sink;   /* an event stream goes here instead of the body, when set */
	void *sink_ctx;
	int sinking;           /* -1 undecided, 0 body, 1 sink (this response) */
	int sink_failed;       /* the sink refused data: the response is aborted */
};

static pthread_once_t global_once = PTHREAD_ONCE_INIT;
static CURLcode global_rc;

static void global_init(void)
{
	global_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

void llm_http_response_release(llm_http_response *r)
{
	hz_buf_release(&r->body);
	memset(r, 0, sizeof(*r));
}

int llm_url_host(const char *url, char *out, size_t size)
{
	const char *p = strstr(url, "://"), *end;
	size_t n;

	if (!p)
		return hz_error_set(HZ_EINVALID, "'%s' is not a URL", url);
	p += 3;
	end = p + strcspn(p, "/?#");
	if (memchr(p, '@', (size_t)(end - p)))
		return hz_error_set(HZ_EINVALID, "base URL must not carry credentials (user@host)");
	n = (size_t)(end - p);
	if (n == 0 || n >= size)
		return hz_error_set(HZ_EINVALID, "'%s' has no host", url);
	memcpy(out, p, n);
	out[n] = '\0';
	return 0;
}

static size_t on_body(char *data, size_t size, size_t nmemb, void *ud)
{
	llm_http *c = ud;
	size_t n = size * nmemb;

	c->last_data = hz_clock_now();
	if (c->sinking < 0) {
		/* A 2xx event stream goes to the sink as it arrives; anything else (errors) is a body. */
		long status = 0;
		char *type = NULL;
		curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &status);
		curl_easy_getinfo(c->curl, CURLINFO_CONTENT_TYPE, &type);
		c->sinking = c->sink && status >= 200 && status < 300 && type &&
			     !strncasecmp(type, "text/event-stream", 17);
		c->cur->streamed = c->sinking;
	}
	if (c->sinking) {
		if (c->sink(c->sink_ctx, data, n) != 0) {
			c->sink_failed = 1;
			return 0;
		}
		return n;
	}
	if (hz_buf_put(&c->cur->body, data, n) != 0) {
		c->overflow = 1;
		return 0; /* makes curl fail with CURLE_WRITE_ERROR */
	}
	return n;
}

static size_t on_header(char *data, size_t size, size_t nmemb, void *ud)
{
	llm_http *c = ud;
	size_t n = size * nmemb;
	char value[128];

	c->last_data = hz_clock_now();
	if (n > 12 && !strncasecmp(data, "retry-after:", 12)) {
		size_t len = n - 12;
		const char *v = data + 12;
		while (len && (*v == ' ' || *v == '\t'))
			v++, len--;
		while (len && (v[len - 1] == '\r' || v[len - 1] == '\n' || v[len - 1] == ' '))
			len--;
		if (len < sizeof(value)) {
			memcpy(value, v, len);
			value[len] = '\0';
			c->cur->retry_after_s = llm_parse_retry_after(value);
		}
	}
	return n;
}

/*
 * A response that started and then went silent is a stall.  Waiting for the
 * first byte is not: a non-streamed reply can take minutes to generate, and
 * the overall request timeout bounds that wait.
 */
static int on_progress(void *ud, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow)
{
	llm_http *c = ud;

	(void)dltotal, (void)dlnow, (void)ultotal, (void)ulnow;
	if (c->last_data > 0 && hz_clock_now() - c->last_data > c->stall_s) {
		c->stalled = 1;
		return 1;
	}
	return 0;
}

double llm_parse_retry_after(const char *value)
{
	double s;
	time_t t;

	if (hz_parse_double(value, &s) == 0)
		return s >= 0 && isfinite(s) ? s : -1;
	t = curl_getdate(value, NULL);
	if (t < 0)
		return -1;
	s = difftime(t, time(NULL));
	return s > 0 ? s : 0;
}

int llm_http_new(llm_http **out, const char *url, const char *headers, const llm_settings *s)
{
	llm_http *c = NULL;
	struct curl_slist *l;
	int rc = 0;

	*out = NULL;
	pthread_once(&global_once, global_init);
	if (global_rc != CURLE_OK)
		return hz_error_set(HZ_EHTTP, "cannot initialise libcurl: %s", curl_easy_strerror(global_rc));
	if (!(c = calloc(1, sizeof(*c))) || !(c->curl = curl_easy_init())) {
		rc = hz_error_set(HZ_ENOMEM, "cannot create an HTTP handle");
		goto done;
	}
	for (const char *p = headers; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char line[1024];
		if (n >= sizeof(line)) {
			rc = hz_error_set(HZ_EINVALID, "HTTP header line too long");
			goto done;
		}
		memcpy(line, p, n);
		line[n] = '\0';
		l = curl_slist_append(c->headers, line);
		explicit_bzero(line, sizeof(line));
		if (!l) {
			rc = hz_error_set(HZ_ENOMEM, "out of memory");
			goto done;
		}
		c->headers = l;
		p += n + (nl ? 1 : 0);
	}
	/* No "Expect: 100-continue" round trip for big bodies. */
	if (!(l = curl_slist_append(c->headers, "Expect:")) || !(c->headers = l) ||
	    !(l = curl_slist_append(c->headers, "Content-Type: application/json")) || !(c->headers = l)) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	if (!(c->url = strdup(url))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	curl_easy_setopt(c->curl, CURLOPT_URL, url);
	curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, c->headers);
	curl_easy_setopt(c->curl, CURLOPT_POST, 1L);
	curl_easy_setopt(c->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c->curl, CURLOPT_VERBOSE, 0L);
	curl_easy_setopt(c->curl, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c->curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c->curl, CURLOPT_ERRORBUFFER, c->errbuf);
	curl_easy_setopt(c->curl, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c->curl, CURLOPT_WRITEDATA, c);
	curl_easy_setopt(c->curl, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c->curl, CURLOPT_HEADERDATA, c);
	curl_easy_setopt(c->curl, CURLOPT_CONNECTTIMEOUT_MS, (long)(s->connect_timeout_s * 1000));
	curl_easy_setopt(c->curl, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(c->curl, CURLOPT_XFERINFOFUNCTION, on_progress);
	curl_easy_setopt(c->curl, CURLOPT_XFERINFODATA, c);
	c->stall_s = s->stall_timeout_s;
	curl_easy_setopt(c->curl, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c->curl, CURLOPT_TCP_KEEPALIVE, 1L);
	curl_easy_setopt(c->curl, CURLOPT_USERAGENT, "horizon/" HZ_VERSION);
	*out = c;
	c = NULL;
done:
	llm_http_free(c);
	return rc;
}

void llm_http_free(llm_http *c)
{
	if (!c)
		return;
	if (c->curl)
		curl_easy_cleanup(c->curl);
	curl_slist_free_all(c->headers);
	free(c->url);
	free(c);
}

/*
 * With CURLOPT_NOSIGNAL (needed in threads) libcurl leaves SIGPIPE alone, and
 * a TLS write to a connection the server dropped could kill the process: the
 * transfer runs with SIGPIPE blocked in this thread (hz_sigpipe_block).
 */
void llm_http_set_sink(llm_http *c, llm_sink_fn sink, void *ctx)
{
	c->sink = sink;
	c->sink_ctx = ctx;
}

static int perform(llm_http *c, double timeout_s, llm_http_response *r);

int llm_http_post(llm_http *c, const char *body, size_t len, double timeout_s, llm_http_response *r)
{
	curl_easy_setopt(c->curl, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(c->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	return perform(c, timeout_s, r);
}

int llm_http_get(llm_http *c, const char *url, double timeout_s, llm_http_response *r)
{
	llm_sink_fn sink = c->sink;
	int rc;

	c->sink = NULL;
	curl_easy_setopt(c->curl, CURLOPT_URL, url);
	curl_easy_setopt(c->curl, CURLOPT_HTTPGET, 1L);
	rc = perform(c, timeout_s, r);
	curl_easy_setopt(c->curl, CURLOPT_URL, c->url);
	curl_easy_setopt(c->curl, CURLOPT_POST, 1L);
	c->sink = sink;
	return rc;
}

static int perform(llm_http *c, double timeout_s, llm_http_response *r)
{
	double start = hz_clock_now();
	long ms = (long)(timeout_s * 1000);
	sigset_t old;
	CURLcode cc;

	hz_buf_clear(&r->body);
	r->streamed = 0;
	c->sinking = -1;
	c->sink_failed = 0;
	r->status = 0;
	r->curl_code = CURLE_OK;
	r->error[0] = '\0';
	r->retry_after_s = -1;
	c->cur = r;
	c->overflow = 0;
	c->stalled = 0;
	c->last_data = 0;
	c->errbuf[0] = '\0';
	curl_easy_setopt(c->curl, CURLOPT_TIMEOUT_MS, ms < 1 ? 1L : ms);
	hz_sigpipe_block(&old);
	cc = curl_easy_perform(c->curl);
	hz_sigpipe_restore(&old);
	r->curl_code = (int)cc;
	if (cc == CURLE_OK) {
		curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &r->status);
	} else if (c->sink_failed) {
		/* The stream was refused mid-way (malformed or too large): a malformed reply, retried. */
		r->curl_code = CURLE_OK;
		curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &r->status);
	} else if (c->overflow) {
		snprintf(r->error, sizeof(r->error), "response body larger than %zu bytes", r->body.max);
	} else if (c->stalled) {
		r->curl_code = CURLE_OPERATION_TIMEDOUT;
		snprintf(r->error, sizeof(r->error), "response stalled: nothing received for %.0f s", c->stall_s);
	} else {
		snprintf(r->error, sizeof(r->error), "%s", c->errbuf[0] ? c->errbuf : curl_easy_strerror(cc));
	}
	c->cur = NULL;
	r->elapsed_s = hz_clock_now() - start;
	return 0;
}
