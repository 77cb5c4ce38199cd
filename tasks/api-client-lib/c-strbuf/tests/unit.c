#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL: %s (line %d)\n", #c, __LINE__); fails++; } } while (0)
#define INV(sb) CHECK((sb)->data != NULL && (sb)->data[(sb)->len] == '\0' && ((sb)->cap == 0 || (sb)->cap >= (sb)->len + 1))
#define EQ(sb, lit) CHECK((sb)->len == sizeof(lit) - 1 && memcmp((sb)->data, lit, sizeof(lit) - 1) == 0)

static int call_v(strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int rc;
	va_start(ap, fmt);
	rc = sb_vappendf(sb, fmt, ap);
	va_end(ap);
	return rc;
}

int main(void)
{
	strbuf sb;
	char **v;
	size_t n = 99;

	/* appendf */
	sb_init(&sb);
	CHECK(sb_appendf(&sb, "%d-%s-%c", 42, "abc", 'z') == 0);
	EQ(&sb, "42-abc-z"); INV(&sb);
	CHECK(sb_appendf(&sb, "%s", "") == 0);
	EQ(&sb, "42-abc-z"); INV(&sb);
	{
		char big[5000];
		memset(big, 'x', sizeof big - 1);
		big[sizeof big - 1] = '\0';
		CHECK(sb_appendf(&sb, "[%s]%05d", big, 7) == 0);
		CHECK(sb.len == 8 + 2 + 4999 + 5 && sb.data[8] == '[' && sb.data[8 + 5000] == ']' && !strcmp(sb.data + sb.len - 5, "00007"));
		INV(&sb);
	}
	CHECK(call_v(&sb, "%s|%ld", "v", 123456789012L) == 0);
	CHECK(sb.len >= 14 && !strcmp(sb.data + sb.len - 14, "v|123456789012")); INV(&sb);
	sb_free(&sb);
	CHECK(sb.len == 0 && sb.cap == 0 && sb.data && sb.data[0] == '\0');
	for (int i = 0; i < 1000; i++)
		CHECK(sb_appendf(&sb, "%d,", i) == 0);
	CHECK(sb.len == 10 * 2 + 90 * 3 + 900 * 4 && !strncmp(sb.data, "0,1,2,", 6)); INV(&sb);
	sb_free(&sb);

	/* insert / remove */
	sb_appends(&sb, "hello world");
	CHECK(sb_insert(&sb, 5, ",", 1) == 0); EQ(&sb, "hello, world");
	CHECK(sb_insert(&sb, 0, ">> ", 3) == 0); EQ(&sb, ">> hello, world");
	CHECK(sb_insert(&sb, sb.len, "!", 1) == 0); EQ(&sb, ">> hello, world!"); INV(&sb);
	CHECK(sb_insert(&sb, sb.len + 1, "?", 1) == -1); EQ(&sb, ">> hello, world!");
	CHECK(sb_insert(&sb, 3, "", 0) == 0); EQ(&sb, ">> hello, world!");
	CHECK(sb_insert(&sb, 3, "a\0b", 3) == 0); CHECK(sb.len == 19 && !memcmp(sb.data, ">> a\0bhello", 11)); INV(&sb);
	sb_remove(&sb, 3, 3); EQ(&sb, ">> hello, world!");
	sb_remove(&sb, 8, 1000); EQ(&sb, ">> hello"); INV(&sb);
	sb_remove(&sb, 100, 1); EQ(&sb, ">> hello");
	sb_remove(&sb, 0, 3); EQ(&sb, "hello");
	sb_remove(&sb, 5, 1); EQ(&sb, "hello");
	sb_remove(&sb, 2, 0); EQ(&sb, "hello");
	/* insert from itself (and force a reallocation) */
	for (int i = 0; i < 6; i++)
		CHECK(sb_insert(&sb, 1, sb.data, sb.len) == 0);
	CHECK(sb.len == 5 * 64); INV(&sb);
	{
		strbuf ref; sb_init(&ref); sb_appends(&ref, "hello");
		for (int i = 0; i < 6; i++) {
			char *copy = malloc(ref.len); memcpy(copy, ref.data, ref.len);
			sb_insert(&ref, 1, copy, ref.len); free(copy);
		}
		CHECK(ref.len == sb.len && !memcmp(ref.data, sb.data, sb.len));
		sb_free(&ref);
	}
	sb_free(&sb);
	sb_appends(&sb, "abcdef");
	CHECK(sb_insert(&sb, 2, sb.data + 3, 3) == 0); EQ(&sb, "abdefcdef");
	sb_free(&sb);
	CHECK(sb_insert(&sb, 0, "x", 1) == 0); EQ(&sb, "x"); INV(&sb);
	sb_free(&sb);
	sb_remove(&sb, 0, 5); CHECK(sb.len == 0);

	/* replace_all */
	sb_appends(&sb, "the cat sat on the mat");
	CHECK(sb_replace_all(&sb, "at", "og") == 3); EQ(&sb, "the cog sog on the mog"); INV(&sb);
	CHECK(sb_replace_all(&sb, "the ", "") == 2); EQ(&sb, "cog sog on mog");
	CHECK(sb_replace_all(&sb, "zzz", "y") == 0); EQ(&sb, "cog sog on mog");
	CHECK(sb_replace_all(&sb, "", "y") == -1); EQ(&sb, "cog sog on mog");
	CHECK(sb_replace_all(&sb, "o", "ooo") == 4); EQ(&sb, "cooog sooog ooon mooog"); INV(&sb);
	sb_free(&sb);
	sb_appends(&sb, "aaaa");
	CHECK(sb_replace_all(&sb, "aa", "a") == 2); EQ(&sb, "aa");
	CHECK(sb_replace_all(&sb, "a", "") == 2); CHECK(sb.len == 0); INV(&sb);
	sb_free(&sb);
	sb_appends(&sb, "x.y.z");
	CHECK(sb_replace_all(&sb, ".", sb.data) == 2); EQ(&sb, "xx.y.zyx.y.zz"); INV(&sb);
	sb_free(&sb);
	sb_append(&sb, "a\0b\0a", 5);
	CHECK(sb_replace_all(&sb, "a", "AA") == 2); CHECK(sb.len == 7 && !memcmp(sb.data, "AA\0b\0AA", 7)); INV(&sb);
	sb_free(&sb);
	CHECK(sb_replace_all(&sb, "a", "b") == 0 && sb.len == 0);

	/* trim */
	sb_appends(&sb, " \t\n hi there \r\n\v\f ");
	sb_trim(&sb); EQ(&sb, "hi there"); INV(&sb);
	sb_trim(&sb); EQ(&sb, "hi there");
	sb_free(&sb);
	sb_appends(&sb, "   ");
	sb_trim(&sb); CHECK(sb.len == 0); INV(&sb);
	sb_free(&sb);
	sb_trim(&sb); CHECK(sb.len == 0);

	/* split */
	sb_appends(&sb, "a,b,,c,");
	v = sb_split(&sb, ',', &n);
	CHECK(v && n == 5 && !strcmp(v[0], "a") && !strcmp(v[1], "b") && !strcmp(v[2], "") && !strcmp(v[3], "c") && !strcmp(v[4], "") && v[5] == NULL);
	sb_free_split(v);
	sb_free(&sb);
	v = sb_split(&sb, ',', &n);
	CHECK(v && n == 1 && !strcmp(v[0], "") && v[1] == NULL);
	sb_free_split(v);
	sb_appends(&sb, "no separators");
	v = sb_split(&sb, ';', NULL);
	CHECK(v && !strcmp(v[0], "no separators") && v[1] == NULL);
	sb_free_split(v);
	sb_free(&sb);
	sb_appends(&sb, ":");
	v = sb_split(&sb, ':', &n);
	CHECK(v && n == 2 && !strcmp(v[0], "") && !strcmp(v[1], "") && !v[2]);
	sb_free_split(v);
	sb_free(&sb);
	sb_free_split(NULL);

	printf("failures: %d\n", fails);
	return fails != 0;
}
