#include <stdio.h>
#include <string.h>

#include "accounts.h"
#include "money.h"

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL unit: %s (line %d)\n", #c, __LINE__); fails++; } } while (0)

static char seen[512];
static void collect(const char *name, long long cents, void *ctx)
{
	char buf[64];
	(*(int *)ctx)++;
	snprintf(buf, sizeof buf, "%s=%lld;", name, cents);
	strcat(seen, buf);
}

int main(void)
{
	long long c = -7;
	char buf[64];
	accounts *a = accounts_new(), *b = accounts_new();

	CHECK(money_parse("12", &c) == 0 && c == 1200);
	CHECK(money_parse("12.5", &c) == 0 && c == 1250);
	CHECK(money_parse("0.07", &c) == 0 && c == 7);
	CHECK(money_parse("1000000000000", &c) == 0 && c == MONEY_MAX);
	c = 5;
	CHECK(money_parse("1000000000000.01", &c) == -1 && c == 5);
	CHECK(money_parse("0", &c) == -1 && money_parse("1.", &c) == -1 && money_parse(".5", &c) == -1);
	CHECK(money_parse("1.234", &c) == -1 && money_parse("-1", &c) == -1 && money_parse("1e3", &c) == -1 && money_parse("", &c) == -1);
	CHECK(money_parse("99999999999999999999999", &c) == -1 && c == 5);
	money_format(1050, buf, sizeof buf);
	CHECK(!strcmp(buf, "10.50"));
	money_format(7, buf, sizeof buf);
	CHECK(!strcmp(buf, "0.07"));

	CHECK(a && b);
	CHECK(accounts_valid_name("a_B9") == 1 && accounts_valid_name("") == 0 && accounts_valid_name("a-b") == 0);
	CHECK(accounts_valid_name("abcdefghijabcdefghijabcdefghij12") == 1 && accounts_valid_name("abcdefghijabcdefghijabcdefghij123") == 0);
	CHECK(accounts_open(a, "zed") == ACC_OK && accounts_open(a, "amy") == ACC_OK && accounts_open(a, "Bob") == ACC_OK);
	CHECK(accounts_open(a, "amy") == ACC_EXISTS && accounts_open(a, "no way") == ACC_BADNAME);
	CHECK(accounts_open(b, "amy") == ACC_OK); /* independent instances */
	CHECK(accounts_count(a) == 3 && accounts_count(b) == 1);
	CHECK(accounts_deposit(a, "amy", 500) == ACC_OK && accounts_balance(a, "amy", &c) == ACC_OK && c == 500);
	CHECK(accounts_balance(b, "amy", &c) == ACC_OK && c == 0);
	CHECK(accounts_deposit(a, "nobody", 5) == ACC_NOACCOUNT && accounts_balance(a, "nobody", &c) == ACC_NOACCOUNT);
	CHECK(accounts_withdraw(a, "amy", 501) == ACC_FUNDS && accounts_withdraw(a, "amy", 200) == ACC_OK);
	CHECK(accounts_transfer(a, "amy", "zed", 300) == ACC_OK && accounts_balance(a, "zed", &c) == ACC_OK && c == 300);
	CHECK(accounts_transfer(a, "amy", "zed", 1) == ACC_FUNDS);
	CHECK(accounts_transfer(a, "zed", "zed", 1) == ACC_SAME && accounts_transfer(a, "zed", "zed", 999999) == ACC_SAME);
	CHECK(accounts_transfer(a, "nobody", "zed", 1) == ACC_NOACCOUNT && accounts_transfer(a, "zed", "nobody", 1) == ACC_NOACCOUNT);
	CHECK(accounts_deposit(a, "Bob", MONEY_MAX * 1000) == ACC_OK && accounts_deposit(a, "Bob", 1) == ACC_LIMIT);
	CHECK(accounts_transfer(a, "zed", "Bob", 1) == ACC_LIMIT && accounts_balance(a, "zed", &c) == ACC_OK && c == 300);
	int n = 0;
	accounts_each(a, collect, &n);
	CHECK(n == 3);
	CHECK(!strcmp(seen, "Bob=100000000000000000;amy=0;zed=300;"));
	if (strcmp(seen, "Bob=100000000000000000;amy=0;zed=300;"))
		printf("  accounts_each gave %s\n", seen);
	for (int i = 0; i < 2000; i++) {
		snprintf(buf, sizeof buf, "u%d", i);
		CHECK(accounts_open(b, buf) == ACC_OK);
	}
	CHECK(accounts_count(b) == 2001);
	accounts_free(a);
	accounts_free(b);
	accounts_free(NULL);
	return fails != 0;
}
