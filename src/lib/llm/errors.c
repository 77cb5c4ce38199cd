/*
 * What a provider's error means, from its words rather than its status:
 * providers disagree on codes (llama-server answers a context overflow with
 * HTTP 500, DeepSeek an empty balance with 402, OpenAI an exhausted quota
 * with the 429 of a rate limit), but their messages are stable.  The
 * patterns below are the providers' own wording.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "llm_wire.h"

/* The conversation does not fit the model's context window. */
static const char *const context_patterns[] = {
	"context_length_exceeded",                  /* OpenAI, OpenRouter, Responses API (code) */
	"maximum context length",                   /* OpenAI, DeepSeek, vLLM, OpenRouter */
	"exceeds the context window",               /* OpenAI Responses API */
	"prompt is too long",                       /* Anthropic */
	"exceed context limit",                     /* Anthropic: input length and max_tokens */
	"range of input length should be",          /* DashScope (Qwen) */
	"exceeded model token limit",               /* Moonshot (Kimi) */
	"model_context_window_exceeded",            /* Zhipu (z.ai), Anthropic stop reason */
	"prompt exceeds max length",                /* Zhipu, code 1261 */
	"prompt 超长",                              /* Zhipu, code 1261 (Chinese message) */
	"longer than the maximum model length",     /* vLLM */
	"context size has been exceeded",           /* llama.cpp server, older */
	"exceeds the available context size",       /* llama.cpp server */
	"exceed_context_size_error",                /* llama.cpp server (error type) */
	"exceeds the context length",               /* Ollama (truncate=false) */
	"exceeded max context length",              /* Ollama */
	"exceeds the maximum number of tokens allowed", /* Gemini */
	"greater than the context length",          /* LM Studio */
	NULL,
};

/* The account cannot pay: retrying will not help until a human acts. */
static const char *const quota_patterns[] = {
	"insufficient_quota",                       /* OpenAI (code) */
	"exceeded your current quota",              /* OpenAI, Gemini */
	"billing_hard_limit_reached",               /* OpenAI */
	"billing_not_active",                       /* OpenAI */
	"credit balance is too low",                /* Anthropic */
	"insufficient balance",                     /* DeepSeek (402) */
	"insufficient_balance",
	"insufficient credits",                     /* OpenRouter (402) */
	"exceeded_current_quota_error",             /* Moonshot */
	"check your plan and billing",              /* Moonshot: suspended account */
	"arrearage",                                /* DashScope: overdue payment */
	"余额不足",                                 /* Zhipu 1113, DashScope: balance too low */
	NULL,
};

/* The server or model refuses tool definitions. */
static const char *const tools_patterns[] = {
	"tool", "function", NULL,
};

/* Error bodies are small; look at this much of one. */
#define HAYSTACK_MAX 65536

static int matches(const char *hay, const char *const *patterns)
{
	for (size_t i = 0; patterns[i]; i++)
		if (strstr(hay, patterns[i]))
			return 1;
	return 0;
}

/*
 * The body lower-cased, with JSON escapes decoded (DashScope and Zhipu write
 * Chinese as \uXXXX) when it is JSON.
 */
static char *haystack(const char *body, size_t len)
{
	json_t *root = len ? llm_json_load(body, len) : NULL;
	char *h = NULL;

	if (root)
		h = json_dumps(root, JSON_COMPACT | JSON_ENCODE_ANY);
	json_decref(root);
	if (!h) {
		size_t n = len < HAYSTACK_MAX ? len : HAYSTACK_MAX;
		if (!(h = malloc(n + 1)))
			return NULL;
		memcpy(h, body ? body : "", n);
		h[n] = '\0';
	}
	for (char *p = h; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return h;
}

llm_error_class llm_classify_error(long status, const char *body, size_t len)
{
	llm_error_class c = LLM_ERR_OTHER;
	char *h = haystack(body, len);

	if (!h)
		return status == 402 ? LLM_ERR_QUOTA : c;
	if (matches(h, context_patterns))
		c = LLM_ERR_CONTEXT;
	else if (status == 402 || matches(h, quota_patterns))
		c = LLM_ERR_QUOTA;
	else if (status == 400 && matches(h, tools_patterns))
		c = LLM_ERR_TOOLS;
	free(h);
	return c;
}

int llm_stop_is_context(const char *stop)
{
	return stop && !strcmp(stop, "model_context_window_exceeded");
}
