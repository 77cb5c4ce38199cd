#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"

void lex_init(struct lexer *lx, const char *src)
{
	lx->p = src;
	lex_next(lx);
}

void lex_next(struct lexer *lx)
{
	while (isspace((unsigned char)*lx->p))
		lx->p++;
	if (*lx->p == '\0') {
		lx->kind = T_END;
	} else if (isdigit((unsigned char)*lx->p) || *lx->p == '.') {
		char *end;
		lx->num = strtod(lx->p, &end);
		lx->kind = end == lx->p ? T_ERR : T_NUM;
		lx->p = end == lx->p ? lx->p + 1 : end;
	} else if (isalpha((unsigned char)*lx->p)) {
		size_t n = 0;
		while (isalnum((unsigned char)*lx->p) || *lx->p == '_') {
			if (n + 1 < sizeof(lx->name))
				lx->name[n++] = *lx->p;
			lx->p++;
		}
		lx->name[n] = '\0';
		lx->kind = T_NAME;
	} else if (strchr("+-*/^(),", *lx->p)) {
		lx->op = *lx->p++;
		lx->kind = T_OP;
	} else {
		lx->op = *lx->p++;
		lx->kind = T_ERR;
	}
}
