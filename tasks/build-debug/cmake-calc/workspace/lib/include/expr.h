#ifndef EXPR_H
#define EXPR_H
#include <stddef.h>

/*
 * Evaluate an arithmetic expression: numbers (as strtod), + - * / with the usual precedence,
 * unary minus, parentheses, ^ (power, right-associative, binds tighter than unary minus),
 * and the built-in functions name(arg[, arg]).  Returns 0 and stores the value in *out,
 * or -1 and a message in err (at most errlen bytes, NUL-terminated).
 */
int expr_eval(const char *src, double *out, char *err, size_t errlen);

/* The library's version string, e.g. "2.3.1". */
const char *expr_version(void);
#endif
