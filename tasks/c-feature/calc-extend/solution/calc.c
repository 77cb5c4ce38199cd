/*
 * calc: an integer calculator.  Reads expressions from standard input, one per line, and prints each
 * result on its own line, or "error: MESSAGE".  Blank lines are ignored.
 *
 * Numbers are 64-bit signed integers written in decimal or as 0x followed by hex digits.  Operators,
 * from lowest to highest precedence:
 *
 *   |  ^  &    bitwise or, xor, and (left-associative)
 *   << >>      shifts by 0..63 (arithmetic right shift)
 *   + -        addition, subtraction (left-associative)
 *   * / %      multiplication, division truncating toward zero, remainder with the sign of the
 *              dividend (left-associative)
 *   - ~        unary minus, bitwise not
 *   **         power (right-associative; its right operand may start with a unary operator)
 *   ( )        grouping; numbers; variables
 *
 * "NAME = EXPR" assigns and prints; ":hex" and ":dec" switch the output base.  Errors: "syntax error"
 * if the line is not valid (this wins over any other error); otherwise evaluation goes left to right and
 * the first of "division by zero", "overflow", "bad shift", "negative exponent", "undefined variable NAME"
 * is reported.  Any result that does not fit in 64 bits is an overflow.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum tok { T_NUM, T_NAME, T_OP, T_END, T_BAD };

/* two-character operators are encoded as single chars */
#define OP_SHL 'L'
#define OP_SHR 'R'
#define OP_POW 'P'

struct var {
	char *name;
	int64_t value;
};

static struct var *vars;
static size_t nvars, capvars;

struct parser {
	const char *p;
	enum tok kind;
	int64_t num;
	int num_overflow;
	char name[256];
	char op;
	int syntax_error;
	char error[300]; /* first evaluation error, or "" */
};

static struct var *lookup(const char *name)
{
	for (size_t i = 0; i < nvars; i++)
		if (!strcmp(vars[i].name, name))
			return &vars[i];
	return NULL;
}

static int assign(const char *name, int64_t v)
{
	struct var *x = lookup(name);

	if (x) {
		x->value = v;
		return 0;
	}
	if (nvars == capvars) {
		size_t nc = capvars ? capvars * 2 : 16;
		struct var *nv = realloc(vars, nc * sizeof(*nv));
		if (!nv)
			return -1;
		vars = nv;
		capvars = nc;
	}
	if (!(vars[nvars].name = strdup(name)))
		return -1;
	vars[nvars++].value = v;
	return 0;
}

static void next(struct parser *ps)
{
	while (*ps->p == ' ' || *ps->p == '\t')
		ps->p++;
	if (*ps->p == '\0' || *ps->p == '\n' || (*ps->p == '\r' && ps->p[1] == '\n') ||
	    (*ps->p == '\r' && ps->p[1] == '\0')) {
		ps->kind = T_END;
	} else if (ps->p[0] == '0' && ps->p[1] == 'x' && isxdigit((unsigned char)ps->p[2])) {
		uint64_t v = 0;
		int over = 0;
		ps->p += 2;
		while (isxdigit((unsigned char)*ps->p)) {
			int d = isdigit((unsigned char)*ps->p) ? *ps->p - '0' : tolower((unsigned char)*ps->p) - 'a' + 10;
			if (v > (UINT64_MAX >> 4))
				over = 1;
			v = (v << 4) | (uint64_t)d;
			ps->p++;
		}
		ps->num_overflow = over || v > (uint64_t)INT64_MAX;
		ps->num = ps->num_overflow ? 0 : (int64_t)v;
		ps->kind = T_NUM;
	} else if (isdigit((unsigned char)*ps->p)) {
		int64_t v = 0;
		int over = 0;
		while (isdigit((unsigned char)*ps->p)) {
			int d = *ps->p++ - '0';
			if (!over && (v > (INT64_MAX - d) / 10))
				over = 1;
			if (!over)
				v = v * 10 + d;
		}
		ps->num_overflow = over;
		ps->num = v;
		ps->kind = T_NUM;
	} else if (isalpha((unsigned char)*ps->p) || *ps->p == '_') {
		size_t n = 0;
		while (isalnum((unsigned char)*ps->p) || *ps->p == '_') {
			if (n + 1 < sizeof(ps->name))
				ps->name[n++] = *ps->p;
			ps->p++;
		}
		ps->name[n] = '\0';
		ps->kind = T_NAME;
	} else if (ps->p[0] == '<' && ps->p[1] == '<') {
		ps->op = OP_SHL;
		ps->p += 2;
		ps->kind = T_OP;
	} else if (ps->p[0] == '>' && ps->p[1] == '>') {
		ps->op = OP_SHR;
		ps->p += 2;
		ps->kind = T_OP;
	} else if (ps->p[0] == '*' && ps->p[1] == '*') {
		ps->op = OP_POW;
		ps->p += 2;
		ps->kind = T_OP;
	} else if (strchr("+-*/%()|^&~=", *ps->p)) {
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

static int failed(struct parser *ps)
{
	return ps->syntax_error || ps->error[0];
}

static void fail(struct parser *ps, const char *msg, const char *arg)
{
	if (!ps->error[0])
		snprintf(ps->error, sizeof(ps->error), "%s%s", msg, arg ? arg : "");
}

static int64_t expr(struct parser *ps);
static int64_t unary(struct parser *ps);

static int64_t power(struct parser *ps, int64_t a, int64_t b)
{
	int64_t r = 1;

	if (b < 0) {
		fail(ps, "negative exponent", NULL);
		return 0;
	}
	if (a == 0)
		return b == 0 ? 1 : 0;
	if (a == 1)
		return 1;
	if (a == -1)
		return (b % 2) ? -1 : 1;
	for (int64_t i = 0; i < b; i++) {
		if (__builtin_mul_overflow(r, a, &r)) {
			fail(ps, "overflow", NULL);
			return 0;
		}
	}
	return r;
}

static int64_t primary(struct parser *ps)
{
	int64_t v = 0;

	if (ps->kind == T_NUM) {
		if (ps->num_overflow)
			fail(ps, "overflow", NULL);
		v = ps->num;
		next(ps);
	} else if (ps->kind == T_NAME) {
		struct var *x = lookup(ps->name);
		if (!x)
			fail(ps, "undefined variable ", ps->name);
		else
			v = x->value;
		next(ps);
	} else if (is_op(ps, '(')) {
		next(ps);
		v = expr(ps);
		if (!is_op(ps, ')'))
			ps->syntax_error = 1;
		else
			next(ps);
	} else {
		ps->syntax_error = 1;
	}
	if (!ps->syntax_error && is_op(ps, OP_POW)) {
		int64_t e;
		next(ps);
		e = unary(ps);
		if (!failed(ps))
			v = power(ps, v, e);
	}
	return v;
}

static int64_t unary(struct parser *ps)
{
	if (is_op(ps, '-') || is_op(ps, '~')) {
		char op = ps->op;
		int64_t v;
		next(ps);
		v = unary(ps);
		if (failed(ps))
			return 0;
		if (op == '~')
			return ~v;
		if (v == INT64_MIN) {
			fail(ps, "overflow", NULL);
			return 0;
		}
		return -v;
	}
	return primary(ps);
}

static int64_t apply(struct parser *ps, char op, int64_t a, int64_t b)
{
	int64_t r = 0;

	switch (op) {
	case '+':
		if (__builtin_add_overflow(a, b, &r))
			fail(ps, "overflow", NULL);
		return r;
	case '-':
		if (__builtin_sub_overflow(a, b, &r))
			fail(ps, "overflow", NULL);
		return r;
	case '*':
		if (__builtin_mul_overflow(a, b, &r))
			fail(ps, "overflow", NULL);
		return r;
	case '/':
	case '%':
		if (b == 0) {
			fail(ps, "division by zero", NULL);
			return 0;
		}
		if (a == INT64_MIN && b == -1) {
			fail(ps, "overflow", NULL);
			return 0;
		}
		return op == '/' ? a / b : a % b;
	case OP_SHL:
	case OP_SHR:
		if (b < 0 || b > 63) {
			fail(ps, "bad shift", NULL);
			return 0;
		}
		if (op == OP_SHR)
			return a >= 0 ? a >> b : ~(~a >> b);
		if (b == 63) {
			if (a == 0 || a == -1)
				return a == 0 ? 0 : INT64_MIN;
			fail(ps, "overflow", NULL);
			return 0;
		}
		if (__builtin_mul_overflow(a, (int64_t)1 << b, &r))
			fail(ps, "overflow", NULL);
		return r;
	case '&':
		return a & b;
	case '^':
		return a ^ b;
	case '|':
		return a | b;
	}
	return 0;
}

/* binary levels, lowest first */
static const char *levels[] = { "|", "^", "&", "LR", "+-", "*/%" };
#define NLEVELS 6

static int64_t binary(struct parser *ps, int level)
{
	int64_t v;

	if (level == NLEVELS)
		return unary(ps);
	v = binary(ps, level + 1);
	while (!ps->syntax_error && ps->kind == T_OP && strchr(levels[level], ps->op)) {
		char op = ps->op;
		int64_t r;
		next(ps);
		r = binary(ps, level + 1);
		if (failed(ps))
			continue;
		v = apply(ps, op, v, r);
	}
	return v;
}

static int64_t expr(struct parser *ps)
{
	return binary(ps, 0);
}

static void print_value(int64_t v, int hex)
{
	if (!hex)
		printf("%lld\n", (long long)v);
	else if (v < 0)
		printf("-0x%llx\n", (unsigned long long)0 - (unsigned long long)v);
	else
		printf("0x%llx\n", (unsigned long long)v);
}

static int is_word(const char *line, const char *word)
{
	size_t n = strlen(word);

	while (*line == ' ' || *line == '\t')
		line++;
	if (strncmp(line, word, n) != 0)
		return 0;
	for (line += n; *line; line++)
		if (!isspace((unsigned char)*line))
			return 0;
	return 1;
}

int main(void)
{
	char *line = NULL;
	size_t cap = 0;
	int hex = 0;

	while (getline(&line, &cap, stdin) != -1) {
		struct parser ps = { .p = line };
		char target[256] = "";
		int64_t v;

		if (is_word(line, ":hex")) {
			hex = 1;
			continue;
		}
		if (is_word(line, ":dec")) {
			hex = 0;
			continue;
		}
		next(&ps);
		if (ps.kind == T_END)
			continue;
		if (ps.kind == T_NAME) {
			struct parser look = ps;
			next(&look);
			if (is_op(&look, '=')) {
				strcpy(target, ps.name);
				ps = look;
				next(&ps);
			}
		}
		v = expr(&ps);
		if (ps.kind != T_END)
			ps.syntax_error = 1;
		if (ps.syntax_error) {
			printf("error: syntax error\n");
		} else if (ps.error[0]) {
			printf("error: %s\n", ps.error);
		} else {
			if (target[0] && assign(target, v) != 0) {
				fprintf(stderr, "calc: out of memory\n");
				return 1;
			}
			print_value(v, hex);
		}
	}
	for (size_t i = 0; i < nvars; i++)
		free(vars[i].name);
	free(vars);
	free(line);
	return 0;
}
