/*
 * Server-sent events (the WHATWG event-stream format) as libcurl delivers
 * them: bytes in arbitrary pieces are cut into lines, lines into events
 * ("event:" and "data:" fields, a blank line ends one), and each event goes
 * to the protocol's accumulator.  Lines and events are bounded by the
 * response limit; a malformed event fails the stream (the reply is then
 * malformed and retried), and nothing after it is looked at.
 */
#include <string.h>

#include "horizon/error.h"
#include "llm_http.h"

int llm_sse_begin(llm_sse *s, const llm_stream_ops *ops, size_t max)
{
	llm_sse_release(s);
	s->ops = ops;
	hz_buf_init(&s->line, max);
	hz_buf_init(&s->data, max);
	if (!(s->acc = ops->begin(max)))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	return 0;
}

void llm_sse_release(llm_sse *s)
{
	if (s->ops && s->acc)
		s->ops->free(s->acc);
	hz_buf_release(&s->line);
	hz_buf_release(&s->data);
	memset(s, 0, sizeof(*s));
}

static int fail(llm_sse *s, const char *what)
{
	s->failed = 1;
	snprintf(s->problem, sizeof(s->problem), "malformed event stream: %s", what);
	return -1;
}

static int dispatch(llm_sse *s)
{
	int rc = 0;

	if (s->data.len || s->name[0]) {
		s->events++;
		if (s->ops->event(s->acc, s->name, hz_buf_cstr(&s->data), s->data.len) != 0)
			rc = fail(s, hz_error_message());
	}
	hz_buf_clear(&s->data);
	s->name[0] = '\0';
	return rc;
}

static int field(llm_sse *s, const char *line, size_t n)
{
	const char *colon;
	size_t klen, vlen;
	const char *v;

	if (n == 0)
		return dispatch(s);
	if (line[0] == ':')
		return 0; /* a comment: keep-alives, OpenRouter's "PROCESSING" */
	colon = memchr(line, ':', n);
	klen = colon ? (size_t)(colon - line) : n;
	v = colon ? colon + 1 : line + n;
	vlen = n - (size_t)(v - line);
	if (vlen && *v == ' ')
		v++, vlen--;
	if (klen == 4 && !memcmp(line, "data", 4)) {
		if ((s->data.len && hz_buf_putc(&s->data, '\n') != 0) || hz_buf_put(&s->data, v, vlen) != 0)
			return fail(s, "an event larger than the response limit");
	} else if (klen == 5 && !memcmp(line, "event", 5)) {
		if (vlen >= sizeof(s->name))
			vlen = sizeof(s->name) - 1;
		memcpy(s->name, v, vlen);
		s->name[vlen] = '\0';
	}
	return 0; /* id:, retry: and unknown fields are ignored */
}

int llm_sse_feed(void *ctx, const char *data, size_t len)
{
	llm_sse *s = ctx;

	while (len && !s->failed) {
		const char *nl = memchr(data, '\n', len);
		size_t n = nl ? (size_t)(nl - data) : len;

		if (hz_buf_put(&s->line, data, n) != 0)
			return fail(s, "a line larger than the response limit");
		if (!nl)
			break;
		n++;
		if (s->line.len && s->line.ptr[s->line.len - 1] == '\r')
			s->line.len--;
		if (field(s, hz_buf_cstr(&s->line), s->line.len) != 0)
			return -1;
		hz_buf_clear(&s->line);
		data += n;
		len -= n;
	}
	return s->failed ? -1 : 0;
}

int llm_sse_end(llm_sse *s, hz_buf *body)
{
	int rc;

	if (s->failed)
		return hz_error_set(HZ_EINVALID, "%s", s->problem);
	/* A last event without its blank line still counts (the stream did end). */
	if (s->line.len && field(s, hz_buf_cstr(&s->line), s->line.len) != 0)
		return hz_error_set(HZ_EINVALID, "%s", s->problem);
	hz_buf_clear(&s->line);
	if (dispatch(s) != 0)
		return hz_error_set(HZ_EINVALID, "%s", s->problem);
	hz_buf_clear(body);
	if ((rc = s->ops->end(s->acc, body)) != 0 && rc != HZ_EHTTP)
		snprintf(s->problem, sizeof(s->problem), "%s", hz_error_message());
	return rc;
}
