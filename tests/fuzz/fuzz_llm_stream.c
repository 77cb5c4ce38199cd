/*
 * Fuzz a streamed LLM reply (server-sent events): byte 0 picks the protocol
 * (OpenAI chat completions, Anthropic messages, OpenAI Responses), byte 1
 * the size of the pieces the bytes arrive in, the rest is the event stream.
 * What the stream adds up to is then parsed as the non-streamed reply.
 */
#include "fuzz.h"
#include "llm/llm_loop.h"
#include "llm/llm_settings.h"
#include "llm/llm_wire.h"

static const llm_stream_ops *const streams[] = { &llm_stream_openai, &llm_stream_anthropic,
						    &llm_stream_responses };
static const llm_wire *const wires[] = { &llm_wire_openai, &llm_wire_anthropic, &llm_wire_responses };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	hz_buf body = HZ_BUF_INIT;
	llm_sse sse;
	llm_conv conv;
	llm_reply r;
	size_t step, k;
	int rc;

	if (size < 2)
		return 0;
	k = data[0] % 3;
	step = (size_t)data[1] % 64 + 1;
	data += 2;
	size -= 2;
	memset(&sse, 0, sizeof(sse));
	memset(&conv, 0, sizeof(conv));
	hz_buf_init(&body, 1 << 20);
	if (llm_sse_begin(&sse, streams[k], 1 << 20))
		abort();
	for (size_t i = 0; i < size; i += step)
		if (llm_sse_feed(&sse, (const char *)data + i, i + step < size ? step : size - i))
			break;
	rc = llm_sse_end(&sse, &body);
	fuzz_check_error(rc);
	if (rc == 0) {
		if (!(conv.messages = json_array()))
			abort();
		if (k == 2)
			conv.list_key = "input";
		rc = wires[k]->parse(&conv, body.ptr ? body.ptr : "", body.len, &r);
		fuzz_check_error(rc);
		if (rc == 0) {
			if (r.input_tokens < 0 || r.output_tokens < 0 || r.cache_read_tokens < 0 ||
			    r.cache_write_tokens < 0)
				abort();
			llm_reply_release(&r);
		}
	}
	llm_sse_release(&sse);
	hz_buf_release(&body);
	llm_conv_release(&conv);
	return 0;
}
