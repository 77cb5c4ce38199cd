/*
 * Fuzz an LLM API's reply body: byte 0 picks the protocol (OpenAI chat
 * completions, Anthropic messages, OpenAI Responses), the rest is the 2xx
 * body the wire format parses.  A reply that parses must carry usable usage
 * counts (nonsense is unknown, never negative); its message joins a
 * conversation, and its text goes through the JSON-in-text action finder
 * and the error classifier as the tool loop would send it.
 */
#include "fuzz.h"
#include "llm/llm_loop.h"
#include "llm/llm_settings.h"
#include "llm/llm_wire.h"

static const llm_wire *const wires[] = { &llm_wire_openai, &llm_wire_anthropic, &llm_wire_responses };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const llm_wire *wire;
	llm_settings s;
	llm_conv conv;
	llm_reply r;
	llm_toolcall call;
	const char *body;
	char *msg;
	int rc;

	if (size < 1)
		return 0;
	wire = wires[data[0] % 3];
	body = (const char *)data + 1;
	size--;
	memset(&conv, 0, sizeof(conv));
	memset(&s, 0, sizeof(s));
	s.price_in = s.price_out = s.price_cache_read = s.price_cache_write = 1;
	if (wire == &llm_wire_responses)
		conv.list_key = "input";
	if (!(conv.messages = json_array()))
		abort();
	rc = wire->parse(&conv, body, size, &r);
	fuzz_check_error(rc);
	if (rc == 0) {
		double cost = llm_reply_cost(&s, &r);
		if (r.input_tokens < 0 || r.output_tokens < 0 || r.cache_read_tokens < 0 || r.cache_write_tokens < 0 ||
		    r.cache_read_tokens + r.cache_write_tokens > r.input_tokens || !(cost >= 0)) {
			fprintf(stderr, "fuzz: usage in=%ld out=%ld cache_read=%ld cache_write=%ld cost=%g\n",
				r.input_tokens, r.output_tokens, r.cache_read_tokens, r.cache_write_tokens, cost);
			abort();
		}
		if (!r.text || !r.message)
			abort();
		/* what goes to the transcript must be a valid JSON string (UTF-8, no cut character) */
		{
			json_t *st = json_string(r.stop), *tx = json_string(r.text);
			if (!st || !tx) {
				fprintf(stderr, "fuzz: stop \"%s\" or text is not UTF-8\n", r.stop);
				abort();
			}
			json_decref(st);
			json_decref(tx);
		}
		llm_conv_add_reply(&conv, r.message);
		if (llm_parse_text_action(r.text, &call) == 0)
			llm_toolcall_release(&call);
		llm_reply_release(&r);
	}
	(void)llm_classify_error(400, body, size);
	if ((msg = llm_error_text(body, size)) != NULL)
		free(msg);
	(void)llm_context_from_server(body, size);
	llm_conv_release(&conv);
	return 0;
}
