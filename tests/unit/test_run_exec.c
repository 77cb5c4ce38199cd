/*
 * env->exec, as LLM agents use it: a command in a fresh sandbox over the run's
 * workspace, its status and output, output caps, timeouts, the run's deadline,
 * processes left behind, and what the command cannot see.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"
#include "horizon/error.h"
#include "horizon/sandbox.h"
#include "hz_test.h"
#include "run/run_internal.h"
#include "strutil.h"

static char root[64];
static hz_sandbox *sb;
static run_ctx ctx;
static char *ws;

static void test_setup(void)
{
	hz_sandbox_opts so = HZ_SANDBOX_OPTS_INIT;
	char *state;

	snprintf(root, sizeof(root), "/tmp/hz_test_exec_XXXXXX");
	HZ_CHECK(mkdtemp(root) != NULL);
	chmod(root, 0755);
	state = hz_path_join(root, "state");
	ws = hz_path_join(root, "ws");
	HZ_CHECK_EQ_INT(hz_fs_mkdir_p(ws, 0755), 0);
	so.state_dir = state;
	HZ_CHECK_EQ_INT(hz_sandbox_new(&sb, &so), 0);
	if (sb && hz_sandbox_owner_uid(sb) >= 0)
		HZ_CHECK_EQ_INT(chown(ws, (uid_t)hz_sandbox_owner_uid(sb), (gid_t)hz_sandbox_owner_uid(sb)), 0);
	memset(&ctx, 0, sizeof(ctx));
	ctx.sb = sb;
	ctx.workspace = ws;
	ctx.deadline = hz_clock_now() + 60;
	hz_buf_init(&ctx.agent_log, 1 << 20);
	free(state);
}

static void test_status_and_output(void)
{
	hz_exec_result r;

	HZ_CHECK_EQ_INT(run_exec(&ctx, "echo out; echo err >&2; pwd; echo made > f.txt; exit 3", 10, &r), 0);
	HZ_CHECK_EQ_INT(r.exit_code, 3);
	HZ_CHECK(!r.timed_out);
	HZ_CHECK(r.output && strstr(r.output, "out\n") && strstr(r.output, "err\n") && strstr(r.output, "/workspace\n"));
	hz_exec_result_release(&r);
	{
		char *f = hz_path_join(ws, "f.txt"), *text = NULL;
		HZ_CHECK_EQ_INT(hz_fs_read(f, 100, &text, NULL), 0);
		HZ_CHECK_EQ_STR(text, "made\n");
		free(text);
		free(f);
	}
	HZ_CHECK(strstr(hz_buf_cstr(&ctx.agent_log), "[exit 3") != NULL);
}

static void test_isolation_seen_inside(void)
{
	hz_exec_result r;

	setenv("HZ_TEST_SECRET", "do-not-leak", 1);
	HZ_CHECK_EQ_INT(run_exec(&ctx,
				    "env; tail -n +3 /proc/net/dev | cut -d: -f1; cat /etc/shadow 2>&1; id -un; "
				    "touch /usr/x 2>&1 || echo ro-usr",
				    10, &r),
			0);
	HZ_CHECK(r.output && !strstr(r.output, "do-not-leak"));
	HZ_CHECK(r.output && strstr(r.output, "ro-usr"));
	HZ_CHECK(r.output && strstr(r.output, "agent\n"));
	HZ_CHECK(r.output && !strstr(r.output, "root:"));
	HZ_CHECK(r.output && !strstr(r.output, "eth") && !strstr(r.output, "ens"));
	hz_exec_result_release(&r);
}

static void test_timeout_and_background(void)
{
	hz_exec_result r;
	double t0 = hz_clock_now();

	HZ_CHECK_EQ_INT(run_exec(&ctx, "sleep 30", 0.5, &r), 0);
	HZ_CHECK(r.timed_out);
	HZ_CHECK(hz_clock_now() - t0 < 5);
	hz_exec_result_release(&r);
	/* A background process must neither keep the command alive nor survive it. */
	t0 = hz_clock_now();
	HZ_CHECK_EQ_INT(run_exec(&ctx, "(sleep 30; touch late) >/dev/null 2>&1 & echo started", 10, &r), 0);
	HZ_CHECK_EQ_INT(r.exit_code, 0);
	HZ_CHECK(hz_clock_now() - t0 < 5);
	hz_exec_result_release(&r);
}

static void test_output_cap(void)
{
	hz_exec_result r;

	HZ_CHECK_EQ_INT(run_exec(&ctx, "head -c 3000000 /dev/zero | tr '\\0' x", 20, &r), 0);
	HZ_CHECK(r.output_truncated);
	HZ_CHECK(r.output_len <= RUN_OUTPUT_CAP);
	hz_exec_result_release(&r);
}

static void test_deadline(void)
{
	hz_exec_result r;
	double t0 = hz_clock_now();

	ctx.deadline = hz_clock_now() + 0.5;
	HZ_CHECK_EQ_INT(run_exec(&ctx, "sleep 30", 100, &r), 0);
	HZ_CHECK(r.timed_out);
	HZ_CHECK(hz_clock_now() - t0 < 5);
	hz_exec_result_release(&r);
	/* Past the deadline nothing runs. */
	HZ_CHECK_EQ_INT(run_exec(&ctx, "touch never", 10, &r), 0);
	HZ_CHECK(r.timed_out);
	hz_exec_result_release(&r);
	{
		char *f = hz_path_join(ws, "never");
		HZ_CHECK(!hz_fs_is_file(f));
		free(f);
	}
}

/*
 * A sandbox made ahead and held at the door: nothing runs before
 * hz_sandbox_start, the command then sees the workspace as it is by then,
 * and its timeout counts from the start.
 */
static void test_held(void)
{
	char *argv[] = { "sh", "-c", "cat later.txt; echo $HZ_X", NULL };
	char *touch[] = { "touch", "ran", NULL };
	char *env[] = { "HZ_X=from-env", NULL };
	hz_sandbox_cmd cmd = HZ_SANDBOX_CMD_INIT, idle = HZ_SANDBOX_CMD_INIT;
	hz_sandbox_held *h = NULL, *unused = NULL;
	hz_exec_result r = { 0 };
	char *later = hz_path_join(ws, "later.txt"), *ran = hz_path_join(ws, "ran");

	cmd.argv = argv;
	cmd.workspace = ws;
	cmd.env = env;
	cmd.timeout_s = 0.5;
	idle.argv = touch;
	idle.workspace = ws;
	HZ_CHECK_EQ_INT(hz_sandbox_prepare(sb, &cmd, &h), 0);
	HZ_CHECK_EQ_INT(hz_sandbox_prepare(sb, &idle, &unused), 0);
	usleep(800000); /* longer than the timeout */
	HZ_CHECK_EQ_INT(hz_fs_write_atomic(later, "written after prepare\n", 22), 0);
	chmod(later, 0644);
	HZ_CHECK(!hz_fs_is_file(ran));
	HZ_CHECK_EQ_INT(hz_sandbox_start(h, &r), 0);
	HZ_CHECK_EQ_INT(r.exit_code, 0);
	HZ_CHECK(!r.timed_out);
	HZ_CHECK_EQ_STR(r.output, "written after prepare\nfrom-env\n");
	hz_exec_result_release(&r);
	/* A held sandbox that is dropped never runs its command. */
	hz_sandbox_discard(unused);
	usleep(100000);
	HZ_CHECK(!hz_fs_is_file(ran));
	unlink(later);
	free(later);
	free(ran);
}

static void test_cleanup(void)
{
	hz_buf_release(&ctx.agent_log);
	hz_sandbox_free(sb);
	HZ_CHECK_EQ_INT(hz_fs_remove_tree(root), 0);
	free(ws);
}

HZ_TEST_MAIN(HZ_TEST(test_setup), HZ_TEST(test_status_and_output), HZ_TEST(test_isolation_seen_inside),
	     HZ_TEST(test_timeout_and_background), HZ_TEST(test_output_cap), HZ_TEST(test_deadline), HZ_TEST(test_held),
	     HZ_TEST(test_cleanup))
