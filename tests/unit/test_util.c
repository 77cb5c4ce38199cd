/* Unit tests for src/util: buffers, dates, durations, errors, files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "hz_test.h"
#include "strutil.h"

static void test_buf_limit(void)
{
	hz_buf b = HZ_BUF_INIT;

	hz_buf_init(&b, 8);
	HZ_CHECK_EQ_INT(hz_buf_puts(&b, "abcd"), 0);
	HZ_CHECK_EQ_INT(hz_buf_printf(&b, "%d", 123), 0);
	HZ_CHECK_EQ_STR(hz_buf_cstr(&b), "abcd123");
	HZ_CHECK_EQ_INT(hz_buf_puts(&b, "xy"), HZ_ELIMIT);
	HZ_CHECK_EQ_STR(hz_buf_cstr(&b), "abcd123");
	HZ_CHECK_EQ_INT(hz_buf_put_trunc(&b, "xyz", 3), 1);
	HZ_CHECK_EQ_STR(hz_buf_cstr(&b), "abcd123x");
	hz_buf_release(&b);
}

static void test_dates(void)
{
	long d;
	char out[11];

	HZ_CHECK_EQ_INT(hz_parse_date("1970-01-01", &d), 0);
	HZ_CHECK_EQ_INT(d, 0);
	HZ_CHECK_EQ_INT(hz_parse_date("2024-10-22", &d), 0);
	HZ_CHECK_EQ_INT(d, 20018);
	hz_fmt_date(d, out);
	HZ_CHECK_EQ_STR(out, "2024-10-22");
	HZ_CHECK_EQ_INT(hz_parse_date("2023-02-29", &d), HZ_EINVALID);
	HZ_CHECK_EQ_INT(hz_parse_date("2024-02-29", &d), 0);
	HZ_CHECK_EQ_INT(hz_parse_date("2024-1-2", &d), HZ_EINVALID);
	HZ_CHECK_EQ_INT(hz_parse_date("2024-01-02x", &d), HZ_EINVALID);
}

static void test_durations(void)
{
	char out[32];

	HZ_CHECK_EQ_STR(hz_fmt_minutes(4.05, out, sizeof(out)), "4 min 3 s");
	HZ_CHECK_EQ_STR(hz_fmt_minutes(112, out, sizeof(out)), "1 h 52 min");
	HZ_CHECK_EQ_STR(hz_fmt_minutes(0.5, out, sizeof(out)), "30 s");
	HZ_CHECK_EQ_STR(hz_fmt_minutes(60, out, sizeof(out)), "1 h");
	HZ_CHECK_EQ_STR(hz_fmt_minutes(3000, out, sizeof(out)), "50 h");
	HZ_CHECK_EQ_STR(hz_fmt_minutes(7649838, out, sizeof(out)), "127497 h");
	HZ_CHECK_EQ_STR(hz_fmt_minutes(599, out, sizeof(out)), "9 h 59 min");
	HZ_CHECK_EQ_STR(hz_fmt_minutes(NAN, out, sizeof(out)), "n/a");
}

static void test_errors(void)
{
	HZ_CHECK_EQ_INT(hz_error_set(HZ_EINVALID, "bad '%s'", "x"), HZ_EINVALID);
	hz_error_prefix("%s: ", "file.json");
	HZ_CHECK_EQ_STR(hz_error_message(), "file.json: bad 'x'");
	HZ_CHECK_EQ_INT(hz_error_code(), HZ_EINVALID);
	hz_error_clear();
	HZ_CHECK_EQ_STR(hz_error_message(), "");
	/* data quoted into a message (a spec read from a file) cannot break it over lines */
	hz_error_set(HZ_EINVALID, "agent '%s': bad", "sim,\nh50=1\r\t\x01");
	HZ_CHECK_EQ_STR(hz_error_message(), "agent 'sim, h50=1  ?': bad");
	hz_error_prefix("%s\n", "file");
	HZ_CHECK_EQ_STR(hz_error_message(), "file agent 'sim, h50=1  ?': bad");
	hz_error_clear();
}

static void test_files(void)
{
	char dir[] = "/tmp/hz_test_util_XXXXXX";
	char *p, *q, *data = NULL;
	size_t len = 0;

	HZ_CHECK(mkdtemp(dir) != NULL);
	p = hz_path_join(dir, "a/b/c");
	HZ_CHECK_EQ_INT(hz_fs_mkdir_p(p, 0755), 0);
	q = hz_path_join(p, "f.txt");
	HZ_CHECK_EQ_INT(hz_fs_write_atomic(q, "hello", 5), 0);
	HZ_CHECK_EQ_INT(hz_fs_read(q, 100, &data, &len), 0);
	HZ_CHECK_EQ_STR(data, "hello");
	HZ_CHECK_EQ_INT(len, 5);
	free(data);
	HZ_CHECK_EQ_INT(hz_fs_read(q, 3, &data, &len), HZ_ELIMIT);
	HZ_CHECK_EQ_INT(hz_fs_remove_tree(dir), 0);
	HZ_CHECK(!hz_fs_is_dir(dir));
	free(p);
	free(q);
}

static void test_sha_glob_hash(void)
{
	char hex[65];

	hz_sha256_hex("abc", 3, hex);
	HZ_CHECK_EQ_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	HZ_CHECK(hz_glob_match("bugfix/*", "bugfix/off-by-one"));
	HZ_CHECK(!hz_glob_match("bugfix/*", "logs/count"));
	HZ_CHECK(hz_hash64("a", 1) != hz_hash64("b", 1));
}

/* What a walk of a hostile task tree meets: files that are not files, and directory loops. */
static void test_hostile_paths(void)
{
	char dir[] = "/tmp/hz_util_XXXXXX", p[256], q[256];
	hz_fs_dirset seen = HZ_FS_DIRSET_INIT;

	HZ_CHECK(mkdtemp(dir) != NULL);
	snprintf(p, sizeof(p), "%s/file", dir);
	HZ_CHECK_EQ_INT(hz_fs_write_atomic(p, "x", 1), 0);
	HZ_CHECK_EQ_INT(hz_fs_check_regular(p), 0);
	HZ_CHECK_EQ_INT(hz_fs_check_regular(dir), HZ_EINVALID);
	HZ_CHECK(strstr(hz_error_message(), "is a directory") != NULL);
	HZ_CHECK_EQ_INT(hz_fs_check_regular("/dev/zero"), HZ_EINVALID);
	HZ_CHECK(strstr(hz_error_message(), "is a device") != NULL);
	snprintf(p, sizeof(p), "%s/loop", dir);
	HZ_CHECK_EQ_INT(symlink("loop", p), 0);
	HZ_CHECK(hz_fs_lexists(p));
	HZ_CHECK_EQ_INT(hz_fs_check_regular(p), HZ_EIO);
	snprintf(p, sizeof(p), "%s/missing", dir);
	HZ_CHECK(!hz_fs_lexists(p));
	HZ_CHECK_EQ_INT(hz_fs_check_regular(p), HZ_ENOTFOUND);
	/* a directory reached again through a symlink is seen once */
	snprintf(p, sizeof(p), "%s/self", dir);
	HZ_CHECK_EQ_INT(symlink(".", p), 0);
	HZ_CHECK_EQ_INT(hz_fs_dirset_add(&seen, dir), 0);
	HZ_CHECK_EQ_INT(hz_fs_dirset_add(&seen, p), 1);
	snprintf(q, sizeof(q), "%s/file", dir);
	HZ_CHECK_EQ_INT(hz_fs_dirset_add(&seen, q), 1); /* not a directory: nothing to enter */
	HZ_CHECK_EQ_INT(hz_fs_dirset_add(&seen, "/"), 0);
	hz_fs_dirset_release(&seen);
	HZ_CHECK_EQ_INT(hz_fs_remove_tree(dir), 0);
}

HZ_TEST_MAIN(HZ_TEST(test_buf_limit), HZ_TEST(test_dates), HZ_TEST(test_durations), HZ_TEST(test_errors),
	     HZ_TEST(test_files), HZ_TEST(test_sha_glob_hash), HZ_TEST(test_hostile_paths))
