/* Recursive-descent evaluator:
 *   expr   := term (('+'|'-') term)*
 *   term   := unary (('*'|'/') unary)*
 *   unary  := '-' unary | power
 *   power  := atom ('^' unary)?
 *   atom   := NUMBER | NAME '(' expr (',' expr)? ')' | '(' expr ')'
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "expr.h"
#include "funcs.h"
#include "lexer.h"

struct ctx {
	struct lexer lx;
	char *err;
	size_t errlen;
	int failed;
};

static double expr(struct ctx *c);
static double unary(struct ctx *c);

static double fail(struct ctx *c, const char *msg)
{
	if (!c->failed) {
		snprintf(c->err, c->errlen, "%s", msg);
		c->failed = 1;
	}
	return NAN;
}

static int is_op(struct ctx *c, char op)
{
	return c->lx.kind == T_OP && c->lx.op == op;
}

static double atom(struct ctx *c)
{
	if (c->lx.kind == T_NUM) {
		double v = c->lx.num;
		lex_next(&c->lx);
		return v;
	}
	if (c->lx.kind == T_NAME) {
		const struct expr_func *f = expr_find_func(c->lx.name);
		double a, b = 0;
		if (!f)
			return fail(c, "unknown function");
		lex_next(&c->lx);
		if (!is_op(c, '('))
			return fail(c, "expected (");
		lex_next(&c->lx);
		a = expr(c);
		if (f->arity == 2) {
			if (!is_op(c, ','))
				return fail(c, "expected ,");
			lex_next(&c->lx);
			b = expr(c);
		}
		if (!is_op(c, ')'))
			return fail(c, "expected )");
		lex_next(&c->lx);
		return f->arity == 1 ? f->f1(a) : f->f2(a, b);
	}
	if (is_op(c, '(')) {
		double v;
		lex_next(&c->lx);
		v = expr(c);
		if (!is_op(c, ')'))
			return fail(c, "expected )");
		lex_next(&c->lx);
		return v;
	}
	return fail(c, "syntax error");
}

static double power(struct ctx *c)
{
	double base = atom(c);
	if (is_op(c, '^')) {
		lex_next(&c->lx);
		return pow(base, unary(c));
	}
	return base;
}

static double unary(struct ctx *c)
{
	if (is_op(c, '-')) {
		lex_next(&c->lx);
		return -unary(c);
	}
	return power(c);
}

static double term(struct ctx *c)
{
	double v = unary(c);
	while (is_op(c, '*') || is_op(c, '/')) {
		char op = c->lx.op;
		lex_next(&c->lx);
		double r = unary(c);
		v = op == '*' ? v * r : v / r;
	}
	return v;
}

static double expr(struct ctx *c)
{
	double v = term(c);
	while (is_op(c, '+') || is_op(c, '-')) {
		char op = c->lx.op;
		lex_next(&c->lx);
		double r = term(c);
		v = op == '+' ? v + r : v - r;
	}
	return v;
}

int expr_eval(const char *src, double *out, char *err, size_t errlen)
{
	struct ctx c = { .err = err, .errlen = errlen };
	double v;

	lex_init(&c.lx, src);
	v = expr(&c);
	if (!c.failed && c.lx.kind != T_END)
		fail(&c, "trailing input");
	if (c.failed)
		return -1;
	*out = v;
	return 0;
}

const char *expr_version(void)
{
	return EXPR_VERSION;
}
