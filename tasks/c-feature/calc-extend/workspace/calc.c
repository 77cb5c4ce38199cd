/*
 * calc: an integer calculator.  Reads expressions from standard input, one per line, and prints each
 * result on its own line, or "error: MESSAGE".  Blank lines are ignored.
 *
 * Numbers are 64-bit signed integers written in decimal.  Operators, from lowest to highest precedence:
 *
 *   + -        addition, subtraction (left-associative)
 *   * / %      multiplication, division truncating toward zero, remainder with the sign of the
 *              dividend (left-associative)
 *   -          unary minus
 *   ( )        grouping
 *
 * Spaces and tabs may separate tokens.  Errors: "syntax error" if the line is not a valid expression
 * (this wins over any other error on the line); otherwise evaluation goes left to right and the first of
 * "division by zero" is reported.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum tok { T_NUM, T_OP, T_END, T_BAD };

struct parser {
	const char *p;
	enum tok kind;
	int64_t num;
	char op;
	int syntax_error;
	const char *error; /* first evaluation error, or NULL */
};

static void next(struct parser *ps)
{
	while (*ps->p == ' ' || *ps->p == '\t')
		ps->p++;
	if (*ps->p == '\0' || *ps->p == '\n') {
		ps->kind = T_END;
	} else if (isdigit((unsigned char)*ps->p)) {
		int64_t v = 0;
		while (isdigit((unsigned char)*ps->p))
			v = v * 10 + (*ps->p++ - '0');
		ps->num = v;
		ps->kind = T_NUM;
	} else if (strchr("+-*/%()", *ps->p)) {
		ps->op = *ps->p++;
		ps->kind = T_OP;
	} else {
		ps->kind = T_BAD;
	}
}

static int is_op(struct parser *ps, char op)
{
	return ps->kind == T_OP && ps->op == op;
}

static void fail(struct parser *ps, const char *msg)
{
	if (!ps->error)
		ps->error = msg;
}

static int64_t expr(struct parser *ps);

static int64_t unary(struct parser *ps)
{
	if (is_op(ps, '-')) {
		next(ps);
		return -unary(ps);
	}
	if (ps->kind == T_NUM) {
		int64_t v = ps->num;
		next(ps);
		return v;
	}
	if (is_op(ps, '(')) {
		int64_t v;
		next(ps);
		v = expr(ps);
		if (!is_op(ps, ')'))
			ps->syntax_error = 1;
		else
			next(ps);
		return v;
	}
	ps->syntax_error = 1;
	return 0;
}

static int64_t term(struct parser *ps)
{
	int64_t v = unary(ps);

	while (!ps->syntax_error && (is_op(ps, '*') || is_op(ps, '/') || is_op(ps, '%'))) {
		char op = ps->op;
		int64_t r;
		next(ps);
		r = unary(ps);
		if (ps->error || ps->syntax_error)
			continue;
		if (op == '*') {
			v = v * r;
		} else if (r == 0) {
			fail(ps, "division by zero");
		} else {
			v = op == '/' ? v / r : v % r;
		}
	}
	return v;
}

static int64_t expr(struct parser *ps)
{
	int64_t v = term(ps);

	while (!ps->syntax_error && (is_op(ps, '+') || is_op(ps, '-'))) {
		char op = ps->op;
		int64_t r;
		next(ps);
		r = term(ps);
		if (ps->error || ps->syntax_error)
			continue;
		v = op == '+' ? v + r : v - r;
	}
	return v;
}

int main(void)
{
	char *line = NULL;
	size_t cap = 0;

	while (getline(&line, &cap, stdin) != -1) {
		struct parser ps = { .p = line };
		int64_t v;

		next(&ps);
		if (ps.kind == T_END)
			continue;
		v = expr(&ps);
		if (ps.kind != T_END)
			ps.syntax_error = 1;
		if (ps.syntax_error)
			printf("error: syntax error\n");
		else if (ps.error)
			printf("error: %s\n", ps.error);
		else
			printf("%lld\n", (long long)v);
	}
	free(line);
	return 0;
}
