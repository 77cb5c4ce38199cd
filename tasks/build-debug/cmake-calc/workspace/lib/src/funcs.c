#include <string.h>

#include "funcs.h"

const struct expr_func *expr_find_func(const char *name)
{
	for (const struct expr_func *f = expr_funcs; f->name; f++)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}
