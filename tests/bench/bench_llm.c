/*
 * The LLM tool loop's own cost: CPU time (user + system, getrusage of this
 * process) per agent turn against the local mock (tests/mock/llm_mock.py)
 * playing a 200-command conversation, for both protocols.  The mock's CPU is
 * another process's and is not counted.  Commands are answered in-process
 * (no child process) so the figure is the runner's overhead: building the
 * request, HTTP through libcurl, parsing, limits, transcript.  With --exec the
 * commands really run (bash -c through hz_proc_run), adding the fork/exec
 * cost the run engine's sandbox would pay anyway.
 *
 * usage: bench_llm [--exec] [--runs N]      (HZ_SOURCE_DIR names the checkout)
 */
#include <sys/resource.h>

#include "llm_mock.h"

static int fake_exec(void *ctx, const char *command, double timeout_s, hz_exec_result *out)
{
	(void)ctx, (void)timeout_s;
	memset(out, 0, sizeof(*out));
	out->output = strdup("step\n");
	out->output_len = 5;
	return out->output ? 0 : HZ_ENOMEM;
}

static double cpu_now(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6 + (double)ru.ru_stime.tv_sec +
	       ru.ru_stime.tv_usec * 1e-6;
}

static int bench(const mock_server *m, const char *proto, const char *base, int run_no, int real_exec)
{
	char spec[512], dir[256], transcript[300], ws[300];
	hz_agent *agent = NULL;
	hz_agent_env env;
	hz_agent_outcome out;
	exec_ctx x = { 0 };
	double cpu0, wall0, cpu, wall;

	snprintf(dir, sizeof(dir), "%s/%s-%d", m->dir, proto, run_no);
	snprintf(ws, sizeof(ws), "%s/ws", dir);
	snprintf(transcript, sizeof(transcript), "%s/transcript.jsonl", dir);
	hz_fs_mkdir_p(ws, 0755);
	snprintf(spec, sizeof(spec), "%s:bench#%s%d,base_url=%s,api_key_env=HZ_TEST_LLM_KEY,max_turns=1000", proto,
		 proto, run_no, base);
	if (hz_agent_new_from_spec(&agent, spec) != 0) {
		fprintf(stderr, "bench_llm: %s\n", hz_error_message());
		return -1;
	}
	memset(&env, 0, sizeof(env));
	x.workspace = ws;
	env.instructions = "Run the steps.";
	env.workspace = ws;
	env.run_dir = dir;
	env.transcript_path = transcript;
	env.run_id = "bench";
	env.deadline = hz_clock_now() + 600;
	env.max_output = 65536;
	env.exec = real_exec ? test_exec : fake_exec;
	env.exec_ctx = &x;
	cpu0 = cpu_now();
	wall0 = hz_clock_now();
	hz_agent_run(agent, &env, &out);
	cpu = cpu_now() - cpu0;
	wall = hz_clock_now() - wall0;
	printf("%-9s run %d: %ld turns, exit %s, CPU %.1f ms total, %.3f ms CPU/turn, wall %.3f ms/turn\n", proto,
	       run_no, out.turns, out.exit_reason, cpu * 1e3, cpu * 1e3 / (double)out.turns,
	       wall * 1e3 / (double)out.turns);
	hz_agent_free(agent);
	if (strcmp(out.exit_reason, "submitted") || out.turns != 201) {
		fprintf(stderr, "bench_llm: the scripted run did not play out (%s)\n", out.exit_reason);
		hz_agent_outcome_release(&out);
		return -1;
	}
	hz_agent_outcome_release(&out);
	return 0;
}

int main(int argc, char **argv)
{
	mock_server m;
	char base[128];
	int real_exec = 0, runs = 3, rc = 0;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--exec"))
			real_exec = 1;
		else if (!strcmp(argv[i], "--runs") && i + 1 < argc)
			runs = atoi(argv[++i]);
	}
	if (mock_start(&m) != 0) {
		fprintf(stderr, "bench_llm: cannot start the mock server\n");
		return 1;
	}
	printf("LLM tool loop overhead, %s commands, 201 turns per run, streaming on (the default)\n",
	       real_exec ? "real (bash -c via hz_proc_run)" : "in-process (no child)");
	for (int r = 1; r <= runs && !rc; r++) {
		snprintf(base, sizeof(base), "http://127.0.0.1:%d/v1", m.port);
		rc |= bench(&m, "openai", base, r, real_exec);
		snprintf(base, sizeof(base), "http://127.0.0.1:%d", m.port);
		rc |= bench(&m, "anthropic", base, r, real_exec);
	}
	mock_stop(&m);
	return rc ? 1 : 0;
}
