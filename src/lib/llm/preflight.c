/*
 * The check before a sweep (hz_agent_preflight): a missing key or an API
 * that cannot be reached is found once, in seconds, instead of failing
 * every run of the sweep after its retries.  One cheap request: GET
 * BASE/models, which the providers horizon knows answer (and which needs
 * the key); any HTTP answer but 401/403 means the host is there.
 */
#include <stdlib.h>
#include <string.h>

#include "agent_internal.h"
#include "buf.h"
#include "horizon/error.h"
#include "llm_http.h"
#include "llm_loop.h"

#define PREFLIGHT_TIMEOUT_S 10.0

int llm_preflight(const hz_agent *agent, const llm_wire *wire)
{
	const llm_settings *s = agent->state;
	llm_settings quick = *s;
	const char *alias = agent->config.alias, *key = NULL;
	hz_buf url = HZ_BUF_INIT, hdr = HZ_BUF_INIT;
	llm_http *http = NULL;
	llm_http_response r;
	size_t n = strlen(s->base_url);
	char *msg = NULL;
	int rc;

	memset(&r, 0, sizeof(r));
	hz_buf_init(&r.body, (size_t)1 << 20);
	if (s->api_key_env && *s->api_key_env) {
		key = getenv(s->api_key_env);
		if (!key || !*key) {
			rc = hz_error_set(HZ_EAUTH, "agent '%s': environment variable '%s' (the API key) is not set: "
						    "export %s=YOUR_KEY, or name another variable with api_key_env=NAME",
					  alias, s->api_key_env, s->api_key_env);
			goto done;
		}
		if (key[strcspn(key, "\r\n\t\x7f")]) {
			rc = hz_error_set(HZ_EAUTH, "agent '%s': environment variable '%s' holds control characters",
					  alias, s->api_key_env);
			goto done;
		}
	}
	while (n && s->base_url[n - 1] == '/')
		n--;
	if (quick.connect_timeout_s > PREFLIGHT_TIMEOUT_S)
		quick.connect_timeout_s = PREFLIGHT_TIMEOUT_S;
	quick.stall_timeout_s = PREFLIGHT_TIMEOUT_S;
	if ((rc = hz_buf_put(&url, s->base_url, n)) || (rc = hz_buf_puts(&url, "/models")) ||
	    (rc = wire->headers(s, key, &hdr)) || (rc = llm_http_new(&http, url.ptr, hz_buf_cstr(&hdr), &quick)))
		goto done;
	llm_http_get(http, url.ptr, PREFLIGHT_TIMEOUT_S, &r);
	if (r.curl_code) {
		rc = hz_error_set(HZ_EHTTP, "agent '%s': the API at %.*s does not answer: %s (no network? a wrong "
					    "base_url? the server not started?)", alias, (int)n, s->base_url, r.error);
	} else if (r.status == 401 || r.status == 403) {
		msg = llm_error_text(hz_buf_cstr(&r.body), r.body.len);
		rc = hz_error_set(HZ_EAUTH, "agent '%s': the API at %.*s refused the key in '%s': HTTP %ld%s%s", alias,
				  (int)n, s->base_url, s->api_key_env ? s->api_key_env : "(none)", r.status,
				  msg ? ": " : "", msg ? msg : "");
	}
done:
	free(msg);
	if (hdr.ptr)
		explicit_bzero(hdr.ptr, hdr.cap);
	hz_buf_release(&hdr);
	hz_buf_release(&url);
	llm_http_free(http);
	llm_http_response_release(&r);
	return rc;
}
