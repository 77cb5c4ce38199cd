/* Unit tests for the process module: exit codes, capture caps, timeouts, stdin, groups. */
#include <string.h>
#include <unistd.h>

#include "horizon/error.h"
#include "hz_test.h"
#include "proc.h"
#include "strutil.h"

static void test_exit_and_capture(void)
{
	char *argv[] = { "sh", "-c", "echo out; echo err >&2; exit 3", NULL };
	hz_proc_opts o = HZ_PROC_OPTS_INIT;
	hz_proc_result r;

	o.argv = argv;
	HZ_CHECK_EQ_INT(hz_proc_run(&o, &r), 0);
	HZ_CHECK_EQ_INT(r.exit_code, 3);
	HZ_CHECK_EQ_STR(r.out, "out\n");
	HZ_CHECK_EQ_STR(r.err, "err\n");
	hz_proc_result_release(&r);
}

static void test_cap(void)
{
	char *argv[] = { "sh", "-c", "yes | head -c 100000", NULL };
	hz_proc_opts o = HZ_PROC_OPTS_INIT;
	hz_proc_result r;

	o.argv = argv;
	o.max_stdout = 1000;
	HZ_CHECK_EQ_INT(hz_proc_run(&o, &r), 0);
	HZ_CHECK_EQ_INT(r.out_len, 1000);
	HZ_CHECK_EQ_INT(r.stdout_truncated, 1);
	hz_proc_result_release(&r);
}

static void test_timeout_kills_group(void)
{
	/* The background sleep holds stdout open; the group kill must end it too. */
	char *argv[] = { "sh", "-c", "sleep 30 & sleep 30", NULL };
	hz_proc_opts o = HZ_PROC_OPTS_INIT;
	hz_proc_result r;

	o.argv = argv;
	o.timeout_s = 0.3;
	o.kill_grace_s = 0.2;
	HZ_CHECK_EQ_INT(hz_proc_run(&o, &r), 0);
	HZ_CHECK_EQ_INT(r.timed_out, 1);
	HZ_CHECK(r.term_signal != 0);
	HZ_CHECK(r.wall_s < 5);
	hz_proc_result_release(&r);
}

static void test_stdin_env_cwd(void)
{
	char *argv[] = { "sh", "-c", "cat; echo \"$FOO\"; pwd", NULL };
	char *envp[] = { "FOO=bar", "PATH=/usr/bin:/bin", NULL };
	hz_proc_opts o = HZ_PROC_OPTS_INIT;
	hz_proc_result r;

	o.argv = argv;
	o.envp = envp;
	o.cwd = "/tmp";
	o.stdin_data = "hello\n";
	o.stdin_len = 6;
	HZ_CHECK_EQ_INT(hz_proc_run(&o, &r), 0);
	HZ_CHECK_EQ_STR(r.out, "hello\nbar\n/tmp\n");
	hz_proc_result_release(&r);
}

static void test_missing_program(void)
{
	char *argv[] = { "/nonexistent/program", NULL };
	hz_proc_opts o = HZ_PROC_OPTS_INIT;
	hz_proc_result r;

	o.argv = argv;
	HZ_CHECK_EQ_INT(hz_proc_run(&o, &r), HZ_ENOTFOUND);
	HZ_CHECK(strstr(hz_error_message(), "/nonexistent/program") != NULL);
	hz_proc_result_release(&r);
}

static void test_background_child_after_exit(void)
{
	/* The child exits at once but leaves a grandchild holding the pipe. */
	char *argv[] = { "sh", "-c", "(sleep 30 &) ; echo done", NULL };
	hz_proc_opts o = HZ_PROC_OPTS_INIT;
	hz_proc_result r;

	o.argv = argv;
	HZ_CHECK_EQ_INT(hz_proc_run(&o, &r), 0);
	HZ_CHECK_EQ_INT(r.exit_code, 0);
	HZ_CHECK_EQ_STR(r.out, "done\n");
	HZ_CHECK(r.wall_s < 5);
	hz_proc_result_release(&r);
}

/* Started ahead, waited for later: the timeout and wall time count from the wait. */
static void test_spawn_then_wait(void)
{
	char *argv[] = { "sh", "-c", "echo hi", NULL };
	hz_proc_opts o = HZ_PROC_OPTS_INIT;
	hz_proc_result r;
	hz_proc *p;

	o.argv = argv;
	o.timeout_s = 0.2;
	HZ_CHECK_EQ_INT(hz_proc_spawn(&o, &p), 0);
	usleep(400000);
	HZ_CHECK_EQ_INT(hz_proc_wait(p, &r), 0);
	HZ_CHECK_EQ_INT(r.exit_code, 0);
	HZ_CHECK(!r.timed_out);
	HZ_CHECK_EQ_STR(r.out, "hi\n");
	HZ_CHECK(r.wall_s < 0.2);
	hz_proc_result_release(&r);
}

/* A spawned child that is not needed: killed with its group, at once. */
static void test_spawn_then_kill(void)
{
	char *argv[] = { "sh", "-c", "sleep 30 & sleep 30", NULL };
	hz_proc_opts o = HZ_PROC_OPTS_INIT;
	double t0 = hz_clock_now();
	hz_proc *p;

	o.argv = argv;
	HZ_CHECK_EQ_INT(hz_proc_spawn(&o, &p), 0);
	hz_proc_kill(p);
	HZ_CHECK(hz_clock_now() - t0 < 2);
}

/* A child that closes its stdin early: writing the rest must not kill us with SIGPIPE. */
static void test_stdin_closed_early(void)
{
	char *argv[] = { "sh", "-c", "exec 0<&-; echo closed", NULL };
	hz_proc_opts o = HZ_PROC_OPTS_INIT;
	hz_proc_result r;
	static char big[1 << 20];

	memset(big, 'x', sizeof(big));
	o.argv = argv;
	o.stdin_data = big;
	o.stdin_len = sizeof(big);
	HZ_CHECK_EQ_INT(hz_proc_run(&o, &r), 0);
	HZ_CHECK_EQ_STR(r.out, "closed\n");
	hz_proc_result_release(&r);
}

HZ_TEST_MAIN(HZ_TEST(test_exit_and_capture), HZ_TEST(test_cap), HZ_TEST(test_timeout_kills_group),
	     HZ_TEST(test_stdin_env_cwd), HZ_TEST(test_missing_program), HZ_TEST(test_background_child_after_exit),
	     HZ_TEST(test_spawn_then_wait), HZ_TEST(test_spawn_then_kill), HZ_TEST(test_stdin_closed_early))
