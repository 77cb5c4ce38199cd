/*
 * Fault handling of the LLM backends through the real libcurl code against
 * the scripted mock: 429 with Retry-After, bursts of 500/503, a dropped
 * connection, a stalled response, malformed JSON, a truncated body, a 401,
 * an exhausted retry budget, malformed model replies.  Each run must end
 * with the right status, lose nothing, and account the time lost to the API
 * as wait time (working time = wall time - wait time).  Finally every file
 * the runs wrote is searched for the API key.  (Replies here are not streamed:
 * test_llm_stream has the streamed faults.)
 */
#include <dirent.h>
#include <sys/stat.h>

#include "hz_test.h"
#include "llm_mock.h"

static mock_server M;

#define OA "openai:%s,base_url=http://127.0.0.1:%%d/v1,api_key_env=HZ_TEST_LLM_KEY,retry_base_ms=50,stall_timeout_s=1,stream=0"
#define AN "anthropic:%s,base_url=http://127.0.0.1:%%d,api_key_env=HZ_TEST_LLM_KEY,retry_base_ms=50,stall_timeout_s=1,stream=0"

static void run_model(const char *proto_fmt, const char *model, const char *extra, mock_llm_run *run)
{
	llm_run_model(&M, proto_fmt, model, extra, run);
}

static size_t nrequests(const char *model)
{
	json_t *r = mock_requests(&M, model);
	size_t n = json_array_size(r);

	json_decref(r);
	return n;
}

/*
 * The fault costs some API time, then the scripted solution plays out: the
 * run must succeed with all 3 turns, and wait_s must cover the lost time.
 */
static void check_recovers(const char *proto, const char *model, size_t requests, double min_wait, double max_wait)
{
	mock_llm_run run;

	run_model(proto, model, NULL, &run);
	HZ_CHECK_EQ_INT(run.rc, 0);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "submitted");
	HZ_CHECK_EQ_INT(run.out.infra_error, 0);
	HZ_CHECK(run.scored_success);
	HZ_CHECK_EQ_INT(run.out.turns, 3);
	HZ_CHECK_EQ_INT(run.out.input_tokens, 300); /* failed attempts are not billed */
	HZ_CHECK_EQ_INT(mock_problems(&M, model), 0);
	HZ_CHECK_EQ_INT(nrequests(model), requests);
	if (run.out.wait_s < min_wait || run.out.wait_s > max_wait)
		fprintf(stderr, "%s: wait_s %.3f not in [%.3f, %.3f]\n", model, run.out.wait_s, min_wait, max_wait);
	HZ_CHECK(run.out.wait_s >= min_wait && run.out.wait_s <= max_wait);
	HZ_CHECK(run.out.wait_s <= run.wall_s);
	HZ_CHECK(transcript_count(run.transcript, "http") >= 1);
	hz_agent_outcome_release(&run.out);
}

static void test_retry_after(void)
{
	/* Retry-After: 1 overrides the 50 ms back-off. */
	check_recovers(OA, "retry-after#oa", 4, 1.0, 1.5);
	check_recovers(AN, "retry-after#an", 4, 1.0, 1.5);
}

static void test_burst_5xx(void)
{
	/*
	 * 4 failures, then 2 more on the second turn: back-offs of 50, 100, 200,
	 * 400 ms then 50, 100 ms, each jittered into [half, full].
	 */
	check_recovers(OA, "burst#oa", 9, (0.75 + 0.15) / 2, 0.75 + 0.15 + 0.3);
}

static void test_dropped_connection(void)
{
	check_recovers(OA, "drop#oa", 4, 0.025, 0.5);
	check_recovers(AN, "drop#an", 4, 0.025, 0.5);
}

static void test_stall(void)
{
	/* Half a body, then silence: the 1 s stall timeout aborts it, the retry succeeds. */
	check_recovers(OA, "stall#oa", 4, 1.0, 3.0);
}

static void test_malformed_and_truncated(void)
{
	check_recovers(OA, "malformed#oa", 4, 0.025, 0.5);
	check_recovers(OA, "truncate#oa", 4, 0.025, 0.5);
	check_recovers(AN, "truncate#an", 4, 0.025, 0.5);
}

static void test_auth_error(void)
{
	mock_llm_run run;

	setenv("HZ_TEST_WRONG_KEY", "sk-wrong-key-0000", 1);
	run_model("openai:%s,base_url=http://127.0.0.1:%%d/v1,api_key_env=HZ_TEST_WRONG_KEY", "fix-add#401", NULL, &run);
	HZ_CHECK_EQ_INT(run.rc, 0);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "auth_error");
	HZ_CHECK_EQ_INT(run.out.infra_error, 1);
	HZ_CHECK_EQ_INT(run.out.turns, 0);
	HZ_CHECK_EQ_INT(nrequests("fix-add#401"), 1); /* a 401 is not retried */
	HZ_CHECK(run.out.error_message && strstr(run.out.error_message, "401"));
	HZ_CHECK(run.out.error_message && !strstr(run.out.error_message, "sk-wrong-key-0000"));
	hz_agent_outcome_release(&run.out);

	run_model(AN, "fix-add#401an", ",api_key_env=HZ_TEST_WRONG_KEY", &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "auth_error");
	HZ_CHECK_EQ_INT(run.out.infra_error, 1);
	HZ_CHECK_EQ_INT(nrequests("fix-add#401an"), 1);
	hz_agent_outcome_release(&run.out);
	setenv("HZ_TEST_LLM_KEY", "sk-line\nX-Injected: 1", 1);
	run_model(AN, "fix-add#newline", NULL, &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "auth_error");
	HZ_CHECK(run.out.error_message && strstr(run.out.error_message, "control characters"));
	HZ_CHECK_EQ_INT(nrequests("fix-add#newline"), 0);
	hz_agent_outcome_release(&run.out);
	unsetenv("HZ_TEST_LLM_KEY");
	run_model(AN, "fix-add#nokey", NULL, &run);
	setenv("HZ_TEST_LLM_KEY", M.key, 1);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "auth_error");
	HZ_CHECK_EQ_INT(run.out.infra_error, 1);
	HZ_CHECK(run.out.error_message && strstr(run.out.error_message, "HZ_TEST_LLM_KEY"));
	HZ_CHECK_EQ_INT(nrequests("fix-add#nokey"), 0);
	hz_agent_outcome_release(&run.out);
}

static void test_exhausted(void)
{
	mock_llm_run run;

	run_model(OA, "exhausted#oa", ",retries=3", &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "api_error");
	HZ_CHECK_EQ_INT(run.out.infra_error, 1);
	HZ_CHECK_EQ_INT(nrequests("exhausted#oa"), 4);
	HZ_CHECK(run.out.error_message && strstr(run.out.error_message, "503"));
	HZ_CHECK(run.out.error_message && strstr(run.out.error_message, "(4 attempts)"));
	HZ_CHECK(run.out.wait_s >= (0.05 + 0.1 + 0.2) / 2);
	HZ_CHECK(!run.scored_success);
	hz_agent_outcome_release(&run.out);
}

/* Malformed tool arguments are the model's failure, not the infrastructure's. */
static void test_bad_model_replies(void)
{
	mock_llm_run run;

	run_model(OA, "bad-args#oa", NULL, &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "format_error");
	HZ_CHECK_EQ_INT(run.out.infra_error, 0);
	HZ_CHECK_EQ_INT(run.out.turns, 3);
	HZ_CHECK_EQ_INT(mock_problems(&M, "bad-args#oa"), 0); /* every call got a tool result */
	hz_agent_outcome_release(&run.out);
	run_model(AN, "bad-args#an", NULL, &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "format_error");
	HZ_CHECK_EQ_INT(mock_problems(&M, "bad-args#an"), 0);
	hz_agent_outcome_release(&run.out);
	/* Two bad replies, then the model recovers and solves the task. */
	run_model(AN, "bad-args-recover#an", NULL, &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "submitted");
	HZ_CHECK(run.scored_success);
	HZ_CHECK_EQ_INT(run.out.turns, 5);
	HZ_CHECK_EQ_INT(mock_problems(&M, "bad-args-recover#an"), 0);
	hz_agent_outcome_release(&run.out);
}

/* The deadline passes while the model is still answering: time_limit, the model's own time. */
static void test_deadline_mid_request(void)
{
	mock_llm_run run;

	llm_time_limit_s = 1.5;
	run_model(AN, "slow-reply#an", NULL, &run);
	llm_time_limit_s = 60;
	HZ_CHECK_EQ_STR(run.out.exit_reason, "time_limit");
	HZ_CHECK_EQ_INT(run.out.infra_error, 0);
	HZ_CHECK_EQ_INT(run.out.turns, 1);
	HZ_CHECK(run.out.wait_s < 0.1);
	HZ_CHECK(run.wall_s >= 1.4 && run.wall_s < 3);
	hz_agent_outcome_release(&run.out);
}

/* Search every regular file under dir for the key; returns the number of hits. */
static int scan_for_key(const char *dir, const char *key, int *files)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int hits = 0;

	if (!d)
		return 0;
	while ((e = readdir(d)) != NULL) {
		char *path;
		struct stat st;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (!(path = hz_path_join(dir, e->d_name)))
			continue;
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			hits += scan_for_key(path, key, files);
		} else if (S_ISREG(st.st_mode)) {
			char *text = NULL;
			size_t len = 0;
			(*files)++;
			if (hz_fs_read(path, (size_t)64 << 20, &text, &len) == 0 && memmem(text, len, key, strlen(key))) {
				fprintf(stderr, "key found in %s\n", path);
				hits++;
			}
			free(text);
		}
		free(path);
	}
	closedir(d);
	return hits;
}

static void test_no_key_in_files(void)
{
	int files = 0;

	HZ_CHECK_EQ_INT(scan_for_key(M.dir, M.key, &files), 0);
	HZ_CHECK(files > 20); /* transcripts and workspaces of every run above, and the mock's log */
}

int main(void)
{
	static const hz_test_case cases[] = {
		HZ_TEST(test_retry_after), HZ_TEST(test_burst_5xx), HZ_TEST(test_dropped_connection),
		HZ_TEST(test_stall), HZ_TEST(test_malformed_and_truncated), HZ_TEST(test_auth_error),
		HZ_TEST(test_exhausted), HZ_TEST(test_bad_model_replies), HZ_TEST(test_deadline_mid_request),
		HZ_TEST(test_no_key_in_files),
	};

	if (mock_start(&M) != 0) {
		fprintf(stderr, "cannot start the mock server (python3 tests/mock/llm_mock.py)\n");
		return 1;
	}
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int before = hz_test_failures;
		cases[i].fn();
		printf("%s %s\n", hz_test_failures == before ? "ok" : "FAIL", cases[i].name);
	}
	mock_stop(&M);
	printf("%d checks, %d failed\n", hz_test_checks, hz_test_failures);
	return hz_test_failures ? 1 : 0;
}
