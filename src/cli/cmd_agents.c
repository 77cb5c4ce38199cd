/*
 * horizon agents: the agent backends and the LLM provider presets
 * (`list`), and how a spec resolves (`show`).  See docs/agents.md.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "horizon/agents.h"
#include "horizon/agent.h"
#include "horizon/error.h"
#include "horizon/llm.h"

static void usage(FILE *out)
{
	fprintf(out,
		"usage: horizon agents list [--json]\n"
		"       horizon agents show [--json] SPEC|PRESET\n"
		"\n"
		"Agent backends and LLM provider presets.\n"
		"\n"
		"  list        the backends, and the presets: provider name, protocol (backend),\n"
		"              API base URL and the environment variable that holds the key\n"
		"  show SPEC   how an agent spec resolves: backend, model, base URL, key variable\n"
		"              (whether it is set, never its value), prices and settings;\n"
		"              fails when a setting is invalid\n"
		"  show PRESET a preset by name (e.g. qwen-cn): its URL, key variable and defaults\n"
		"\n"
		"Options:\n"
		"  --json      machine-readable output\n"
		"  -h, --help  this help\n"
		"\n"
		"A spec is BACKEND[:MODEL][,key=value]...; a preset name works as a backend:\n"
		"  horizon run --agent deepseek:deepseek-chat,temperature=0\n"
		"  horizon run --agent anthropic:claude-sonnet-4-5,max_cost_usd=2\n"
		"  horizon run --agent openai:my-model,base_url=http://127.0.0.1:8000/v1\n"
		"Settings (temperature, max_tokens, reasoning_effort, max_turns, max_total_tokens,\n"
		"max_cost_usd, command_timeout_s, tool_mode, retries, ...) are in docs/agents.md.\n");
}

static int list(int json)
{
	const char *const *backends = hz_agent_backends();
	const hz_llm_preset *p;
	size_t n;

	p = hz_llm_presets(&n);
	if (json) {
		json_t *root = json_object(), *bs = json_array(), *ps = json_array();
		char *s;
		for (size_t i = 0; backends[i]; i++)
			json_array_append_new(bs, json_string(backends[i]));
		for (size_t i = 0; i < n; i++)
			json_array_append_new(ps, json_pack("{s:s, s:s, s:s, s:s?, s:s?, s:s}", "name", p[i].name, "backend",
							    p[i].backend, "base_url", p[i].base_url, "api_key_env",
							    p[i].api_key_env, "params", p[i].params, "notes", p[i].notes));
		json_object_set_new(root, "backends", bs);
		json_object_set_new(root, "presets", ps);
		s = json_dumps(root, JSON_INDENT(2));
		json_decref(root);
		if (!s)
			return hz_cli_error("agents", "out of memory");
		printf("%s\n", s);
		free(s);
		return HZ_EXIT_OK;
	}
	printf("Backends:");
	for (size_t i = 0; backends[i]; i++)
		printf(" %s", backends[i]);
	printf("\n\nLLM provider presets (use the name as the backend: NAME:MODEL):\n\n");
	printf("%-11s %-9s %-55s %-19s %s\n", "NAME", "BACKEND", "BASE URL", "KEY VARIABLE", "NOTES");
	for (size_t i = 0; i < n; i++)
		printf("%-11s %-9s %-55s %-19s %s\n", p[i].name, p[i].backend, p[i].base_url,
		       p[i].api_key_env ? p[i].api_key_env : "-", p[i].notes);
	return HZ_EXIT_OK;
}

/* `show NAME` for a bare preset name: the preset itself. */
static int show_preset(const hz_llm_preset *p, int json)
{
	const char *key = p->api_key_env ? getenv(p->api_key_env) : NULL;
	const char *state = !p->api_key_env ? "none needed" : key && *key ? "set" : "NOT SET";

	if (json) {
		json_t *root = json_pack("{s:s, s:s, s:s, s:s?, s:o, s:s?, s:s}", "name", p->name, "backend", p->backend,
					 "base_url", p->base_url, "api_key_env", p->api_key_env, "api_key_set",
					 p->api_key_env ? json_boolean(key && *key) : json_null(), "params", p->params,
					 "notes", p->notes);
		char *s = root ? json_dumps(root, JSON_INDENT(2)) : NULL;
		json_decref(root);
		if (!s)
			return hz_cli_error("agents", "out of memory");
		printf("%s\n", s);
		free(s);
		return HZ_EXIT_OK;
	}
	printf("preset:       %s\n", p->name);
	printf("backend:      %s\n", p->backend);
	printf("base URL:     %s\n", p->base_url);
	printf("key variable: %s (%s)\n", p->api_key_env ? p->api_key_env : "-", state);
	printf("defaults:     %s\n", p->params ? p->params : "-");
	printf("notes:        %s\n", p->notes);
	printf("use:          horizon run --agent %s:MODEL[,key=value...]\n", p->name);
	return HZ_EXIT_OK;
}

static void add_setting(void *ctx, const char *key, const char *value)
{
	json_object_set_new(ctx, key, json_string(value));
}

static void print_setting(void *ctx, const char *key, const char *value)
{
	(void)ctx;
	printf("  %-20s %s\n", key, value);
}

static int show(const char *spec, int json)
{
	hz_agent *agent = NULL;
	const hz_agent_config *c;
	const char *key_state;
	json_t *root = NULL, *params, *settings;
	char *s = NULL;
	int rc = HZ_EXIT_OK;

	if (hz_llm_preset_find(spec))
		return show_preset(hz_llm_preset_find(spec), json);
	if (hz_agent_new_from_spec(&agent, spec) != 0)
		return hz_cli_lib_error("agents");
	c = hz_agent_get_config(agent);
	key_state = !c->api_key_env ? "none needed" : (getenv(c->api_key_env) && *getenv(c->api_key_env)) ? "set" : "NOT SET";
	if (json) {
		params = json_object();
		for (size_t i = 0; i < c->nparams; i++)
			json_object_set_new(params, c->params[i].key, json_string(c->params[i].value));
		if ((settings = json_object()) != NULL)
			hz_agent_settings(agent, add_setting, settings);
		root = json_pack("{s:s, s:s, s:s, s:s?, s:s?, s:s?, s:o, s:s?, s:f, s:f, s:o, s:o}", "spec", spec, "alias",
				 c->alias, "backend", hz_agent_backend(agent), "model", c->model, "base_url",
				 c->base_url, "api_key_env", c->api_key_env, "api_key_set",
				 c->api_key_env ? json_boolean(!strcmp(key_state, "set")) : json_null(), "release_date",
				 c->release_date, "price_in", c->price_in, "price_out", c->price_out, "params", params,
				 "settings", settings);
		if (!root || !(s = json_dumps(root, JSON_INDENT(2)))) {
			rc = hz_cli_error("agents", "out of memory");
			goto done;
		}
		printf("%s\n", s);
		goto done;
	}
	printf("alias:        %s\n", c->alias);
	if (strcmp(c->backend, hz_agent_backend(agent)))
		printf("backend:      %s (preset %s)\n", hz_agent_backend(agent), c->backend);
	else
		printf("backend:      %s\n", c->backend);
	printf("model:        %s\n", c->model ? c->model : "-");
	printf("base URL:     %s\n", c->base_url ? c->base_url : "-");
	printf("key variable: %s (%s)\n", c->api_key_env ? c->api_key_env : "-", key_state);
	printf("release date: %s\n", c->release_date ? c->release_date : "-");
	printf("prices:       $%g in, $%g out per million tokens\n", c->price_in, c->price_out);
	printf("settings:     (resolved, defaults included)\n");
	hz_agent_settings(agent, print_setting, NULL);
done:
	free(s);
	json_decref(root);
	hz_agent_free(agent);
	return rc;
}

int cmd_agents(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int json = 0, c;
	const char *sub;

	optind = 1;
	while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		switch (c) {
		case 'j': json = 1; break;
		case 'h': usage(stdout); return HZ_EXIT_OK;
		default: return hz_cli_usage("agents", "unknown option");
		}
	}
	if (optind >= argc)
		return list(json);
	sub = argv[optind++];
	/* Options may also follow the subcommand. */
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'j': json = 1; break;
		case 'h': usage(stdout); return HZ_EXIT_OK;
		default: return hz_cli_usage("agents", "unknown option");
		}
	}
	if (!strcmp(sub, "list")) {
		if (optind < argc)
			return hz_cli_usage("agents", "'list' takes no arguments");
		return list(json);
	}
	if (!strcmp(sub, "show")) {
		if (optind != argc - 1)
			return hz_cli_usage("agents", "'show' needs one agent spec");
		return show(argv[optind], json);
	}
	return hz_cli_usage("agents", "'%s' is not an agents command (list, show)", sub);
}
