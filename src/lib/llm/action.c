/*
 * What the model is told and how its actions are read: the system prompt,
 * the two tools (bash, submit), the JSON-in-text action format used when a
 * model or server has no tool calling, and the shortening of command output.
 */
#include <stdlib.h>
#include <string.h>

#include "horizon/error.h"
#include "llm_loop.h"

const char llm_bash_description[] =
	"Run a shell command with `bash -c` in the task's workspace (the current directory) inside a "
	"sandbox without network access. Returns the exit status and the combined standard output and error; "
	"long output is shortened and marked. Each command has a time limit (timeout_s, default set "
	"by the harness). Commands are not interactive: do not start editors or pagers.";

const char llm_submit_description[] =
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

int llm_system_prompt(hz_buf *out, int json_mode)
{
	int rc = hz_buf_puts(out, prompt_base);

	if (!rc && json_mode)
		rc = hz_buf_puts(out, prompt_json);
	return rc;
}

void llm_toolcall_release(llm_toolcall *c)
{
	free(c->id);
	free(c->name);
	free(c->raw_args);
	json_decref(c->args);
	memset(c, 0, sizeof(*c));
}

/* An object {"tool": "bash"|"submit", ...} becomes a tool call. */
static int object_to_call(json_t *obj, llm_toolcall *call)
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
		llm_toolcall_release(call);
		return hz_error_set(HZ_ENOMEM, "out of memory");
	}
	return 0;
}

int llm_parse_text_action(const char *text, llm_toolcall *call)
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

int llm_clip_output(hz_buf *out, const char *text, size_t len, size_t max, int already_truncated)
{
	int rc;

	if (len <= max) {
		rc = llm_put_clean(out, text, len);
	} else {
		size_t head = max / 2, tail = max - head;
		rc = llm_put_clean(out, text, head);
		if (!rc)
			rc = hz_buf_printf(out, "\n[... output truncated: %zu bytes omitted ...]\n", len - head - tail);
		if (!rc)
			rc = llm_put_clean(out, text + len - tail, tail);
	}
	if (!rc && already_truncated)
		rc = hz_buf_puts(out, "\n[output truncated: the command printed more than the sandbox keeps]\n");
	return rc;
}
