#include <math.h>
#include <stdio.h>

#include "expr.h"

static int failures;

static void ok(const char *src, double want)
{
	double v;
	char err[64];
	if (expr_eval(src, &v, err, sizeof(err)) != 0 || fabs(v - want) > 1e-9 * (1 + fabs(want))) {
		printf("FAIL %s\n", src);
		failures++;
	}
}

static void bad(const char *src)
{
	double v;
	char err[64];
	if (expr_eval(src, &v, err, sizeof(err)) == 0) {
		printf("FAIL (should fail) %s\n", src);
		failures++;
	}
}

int main(void)
{
	ok("1+2*3", 7);
	ok("(1+2)*3", 9);
	ok("-2^2", -4);
	ok("2^3^2", 512);
	ok("sqrt(16)+pow(2,10)", 1028);
	ok("hypot(3,4)", 5);
	bad("1+");
	bad("nosuch(1)");
	bad("2 3");
	return failures != 0;
}
