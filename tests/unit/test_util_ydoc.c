/* src/util/ydoc.h: YAML documents from hostile files: limits, aliases, errors with file and line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "hz_test.h"
#include "ydoc.h"

static char dir[] = "/tmp/hz_test_ydoc_XXXXXX";

static char *file(const char *name, const char *text, size_t len)
{
	char *p = hz_path_join(dir, name);

	HZ_CHECK_EQ_INT(hz_fs_write_atomic(p, text, len), 0);
	return p;
}

static void test_walk(void)
{
	static const char text[] = "date:\n  A: 2024-01-01\n  B: x\nlist: [1, 2, 3]\n";
	char *p = file("ok.yaml", text, strlen(text));
	hz_ydoc *d = NULL;
	const hz_ynode *root, *date, *list, *k, *v;

	HZ_CHECK_EQ_INT(hz_ydoc_load(&d, p, NULL), 0);
	if (d) {
		root = hz_ydoc_root(d);
		HZ_CHECK(hz_ynode_is_map(root));
		date = hz_ynode_get(d, root, "date");
		HZ_CHECK_EQ_INT(hz_ynode_map_size(d, date), 2);
		hz_ynode_map_pair(d, date, 1, &k, &v);
		HZ_CHECK_EQ_STR(hz_ynode_str(k), "B");
		HZ_CHECK_EQ_STR(hz_ynode_str(v), "x");
		HZ_CHECK_EQ_INT(hz_ynode_line(v), 3);
		list = hz_ynode_get(d, root, "list");
		HZ_CHECK(hz_ynode_is_seq(list));
		HZ_CHECK_EQ_INT(hz_ynode_seq_size(d, list), 3);
		HZ_CHECK_EQ_STR(hz_ynode_str(hz_ynode_seq_item(d, list, 2)), "3");
		HZ_CHECK(hz_ynode_seq_item(d, list, 3) == NULL);
		HZ_CHECK(hz_ynode_get(d, root, "nope") == NULL);
		HZ_CHECK(hz_ynode_str(list) == NULL);
	}
	hz_ydoc_free(d);
	free(p);
}

static void test_errors(void)
{
	static const char broken[] = "a: 1\nb: [1, 2\n";
	char *p = file("broken.yaml", broken, strlen(broken));
	char *e = file("empty.yaml", "", 0);
	hz_ydoc *d = NULL;

	HZ_CHECK_EQ_INT(hz_ydoc_load(&d, p, NULL), HZ_EINVALID);
	HZ_CHECK(strstr(hz_error_message(), "broken.yaml:") && strstr(hz_error_message(), ": malformed YAML: "));
	HZ_CHECK_EQ_INT(hz_ydoc_load(&d, e, NULL), HZ_EINVALID);
	HZ_CHECK(strstr(hz_error_message(), "empty.yaml: the file is empty"));
	HZ_CHECK_EQ_INT(hz_ydoc_load(&d, "/nonexistent/x.yaml", NULL), HZ_ENOTFOUND);
	HZ_CHECK(strstr(hz_error_message(), "/nonexistent/x.yaml"));
	HZ_CHECK(d == NULL);
	free(p);
	free(e);
}

/* 100000 nested flow sequences: refused at the depth limit, named by line. */
static void test_depth_bomb(void)
{
	hz_buf b = HZ_BUF_INIT;
	hz_ydoc *d = NULL;
	hz_ydoc_limits lim = { .max_depth = 8 };
	char *p;

	hz_buf_puts(&b, "x: 1\ny:\n  ");
	for (int i = 0; i < 100000; i++)
		hz_buf_putc(&b, '[');
	p = file("deep.yaml", b.ptr, b.len);
	HZ_CHECK_EQ_INT(hz_ydoc_load(&d, p, NULL), HZ_EINVALID);
	HZ_CHECK(strstr(hz_error_message(), "deep.yaml:3: nesting deeper than 64 levels"));
	free(p);
	hz_buf_clear(&b);
	hz_buf_puts(&b, "a: {b: {c: {d: {e: {f: {g: {h: {i: 1}}}}}}}}\n");
	p = file("nine.yaml", b.ptr, b.len);
	HZ_CHECK_EQ_INT(hz_ydoc_load(&d, p, &lim), HZ_EINVALID);
	HZ_CHECK(strstr(hz_error_message(), "nine.yaml:1: nesting deeper than 8 levels"));
	lim.max_depth = 9;
	HZ_CHECK_EQ_INT(hz_ydoc_load(&d, p, &lim), 0);
	hz_ydoc_free(d);
	free(p);
	hz_buf_release(&b);
}

/* Billion laughs: the first alias is refused, before anything expands. */
static void test_aliases(void)
{
	static const char laughs[] = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
				     "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
				     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n";
	char *p = file("laughs.yaml", laughs, strlen(laughs));
	hz_ydoc *d = NULL;

	HZ_CHECK_EQ_INT(hz_ydoc_load(&d, p, NULL), HZ_EINVALID);
	HZ_CHECK(strstr(hz_error_message(), "laughs.yaml:2: YAML aliases (*name) are not allowed"));
	free(p);
}

static void test_size_and_nodes(void)
{
	hz_buf b = HZ_BUF_INIT;
	hz_ydoc *d = NULL;
	hz_ydoc_limits small = { .max_bytes = 1000 }, few = { .max_nodes = 100 };
	char *p;

	hz_buf_puts(&b, "[");
	for (int i = 0; i < 2000; i++)
		hz_buf_puts(&b, "1, ");
	hz_buf_puts(&b, "1]\n");
	p = file("big.yaml", b.ptr, b.len);
	HZ_CHECK_EQ_INT(hz_ydoc_load(&d, p, &small), HZ_ELIMIT);
	HZ_CHECK(strstr(hz_error_message(), "big.yaml") && strstr(hz_error_message(), "larger than 1000 bytes"));
	HZ_CHECK_EQ_INT(hz_ydoc_load(&d, p, &few), HZ_EINVALID);
	HZ_CHECK(strstr(hz_error_message(), "big.yaml:1: more than 100 YAML nodes"));
	HZ_CHECK_EQ_INT(hz_ydoc_load(&d, p, NULL), 0);
	HZ_CHECK_EQ_INT(hz_ynode_seq_size(d, hz_ydoc_root(d)), 2001);
	hz_ydoc_free(d);
	free(p);
	hz_buf_release(&b);
}

static void setup(void)
{
	HZ_CHECK(mkdtemp(dir) != NULL);
}

static void teardown(void)
{
	HZ_CHECK_EQ_INT(hz_fs_remove_tree(dir), 0);
}

HZ_TEST_MAIN(HZ_TEST(setup), HZ_TEST(test_walk), HZ_TEST(test_errors), HZ_TEST(test_depth_bomb),
	     HZ_TEST(test_aliases), HZ_TEST(test_size_and_nodes), HZ_TEST(teardown))
