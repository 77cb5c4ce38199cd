#ifndef EXPR_FUNCS_H
#define EXPR_FUNCS_H
struct expr_func {
	const char *name;
	int arity;
	double (*f1)(double);
	double (*f2)(double, double);
};
/* The generated table, terminated by an entry with a NULL name. */
extern const struct expr_func expr_funcs[];
const struct expr_func *expr_find_func(const char *name);
#endif
