/*
 * What the model is told and how its actions are read: the system prompt,
 * the two tools (bash, submit), the JSON-in-text action format used when a
 * model or server has no tool calling, and the shortening of command output.
 */
#include <stdlib.h>
#include <string.h>

#include "horizon/error.h"
#include "llm.h"

const char hz_llm_bash_description[] =
	"Run a shell command with `bash -c` in the task's workspace (the current directory) inside a "
	"sandbox without network access. Returns the exit status and the combined standard output and error; "
	"long output is shortened and marked. Each command has a time limit (timeout_s, default set "
	"by the harness). Commands are not interactive: do not start editors or pagers.";

const char hz_llm_submit_description[] =
	"Finish the task. Call it once, when the work is complete. `answer` is the final answer if the "
	"task asks for one, otherwise a one-line summary of what you did.";

static const char prompt_base[] =
	"You are an autonomous software engineer working on a task in a Linux sandbox. "
	"Your current directory is the task's workspace, a git repository; change files there. "
	"You act only through tools:\n"
	"- bash: run one shell command and see its exit status and output.\n"
	"- submit: finish, giving your final answer (if the task asks for one) or a short summary.\n"
	"There is no network access and no human to ask: decide for yourself. The task is checked by "
	"hidden tests after you submit, so test your work before submitting. If the task asks for an "
	"answer, give it to submit (writing it to answer.txt also works).\n";

static const char prompt_json[] =
	"\nCall a tool by ending your reply with exactly one JSON object on its own, for example:\n"
	"```json\n{\"tool\": \"bash\", \"command\": \"ls -la\", \"timeout_s\": 60}\n```\n"
	"or, when you are done:\n"
	"```json\n{\"tool\": \"submit\", \"answer\": \"your final answer\"}\n```\n"
	"Use one tool per reply. The output of a bash command comes back in the next message.\n";

int hz_llm_system_prompt(hz_buf *out, int json_mode)
{
	int rc = hz_buf_puts(out, prompt_base);

	if (!rc && json_mode)
		rc = hz_buf_puts(out, prompt_json);
	return rc;
}

void hz_llm_toolcall_release(hz_llm_toolcall *c)
{
	free(c->id);
	free(c->name);
	free(c->raw_args);
	json_decref(c->args);
	memset(c, 0, sizeof(*c));
}

/* An object {"tool": "bash"|"submit", ...} becomes a tool call. */
static int object_to_call(json_t *obj, hz_llm_toolcall *call)
{
	json_t *tool = json_object_get(obj, "tool"), *args;

	if (!json_is_string(tool))
		return HZ_ENOTFOUND;
	args = json_deep_copy(obj);
	if (!args)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	json_object_del(args, "tool");
	call->name = strdup(json_string_value(tool));
	call->id = strdup("text");
	call->raw_args = json_dumps(args, JSON_COMPACT);
	call->args = args;
	if (!call->name || !call->id || !call->raw_args) {
		hz_llm_toolcall_release(call);
		return hz_error_set(HZ_ENOMEM, "out of memory");
	}
	return 0;
}

int hz_llm_parse_text_action(const char *text, hz_llm_toolcall *call)
{
	const char *p = text;
	int tries = 0;

	memset(call, 0, sizeof(*call));
	/* The first '{' that starts a JSON object with a "tool" key; a bounded number of tries. */
	while (text && (p = strchr(p, '{')) != NULL && tries++ < 256) {
		json_error_t err;
		json_t *v = json_loads(p, JSON_DISABLE_EOF_CHECK, &err);
		if (v && json_is_object(v)) {
			int rc = object_to_call(v, call);
			json_decref(v);
			if (rc != HZ_ENOTFOUND)
				return rc;
		} else {
			json_decref(v);
		}
		p++;
	}
	return hz_error_set(HZ_ENOTFOUND,
			    "no action found: end your reply with one JSON object such as "
			    "{\"tool\": \"bash\", \"command\": \"ls\"} or {\"tool\": \"submit\", \"answer\": \"...\"}");
}

/* Length of a valid UTF-8 sequence at s (at most n bytes), or 0 when invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	size_t need;
	unsigned cp;

	if (s[0] < 0x80)
		return s[0] ? 1 : 0;
	if ((s[0] & 0xe0) == 0xc0)
		need = 2, cp = s[0] & 0x1f;
	else if ((s[0] & 0xf0) == 0xe0)
		need = 3, cp = s[0] & 0x0f;
	else if ((s[0] & 0xf8) == 0xf0)
		need = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (need > n)
		return 0;
	for (size_t i = 1; i < need; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((need == 2 && cp < 0x80) || (need == 3 && cp < 0x800) || (need == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return need;
}

/* Append text as valid UTF-8 without NULs: bad bytes become U+FFFD. */
static int put_clean(hz_buf *out, const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, run = 0;
	int rc = 0;

	while (i < len && !rc) {
		size_t n = utf8_len(s + i, len - i);
		if (n) {
			i += n;
			run += n;
			continue;
		}
		rc = hz_buf_put(out, s + i - run, run);
		if (!rc)
			rc = hz_buf_puts(out, "\xef\xbf\xbd");
		run = 0;
		i++;
	}
	if (!rc && run)
		rc = hz_buf_put(out, s + len - run, run);
	return rc;
}

int hz_llm_clip_output(hz_buf *out, const char *text, size_t len, size_t max, int already_truncated)
{
	int rc;

	if (len <= max) {
		rc = put_clean(out, text, len);
	} else {
		size_t head = max / 2, tail = max - head;
		rc = put_clean(out, text, head);
		if (!rc)
			rc = hz_buf_printf(out, "\n[... output truncated: %zu bytes omitted ...]\n", len - head - tail);
		if (!rc)
			rc = put_clean(out, text + len - tail, tail);
	}
	if (!rc && already_truncated)
		rc = hz_buf_puts(out, "\n[output truncated: the command printed more than the sandbox keeps]\n");
	return rc;
}
