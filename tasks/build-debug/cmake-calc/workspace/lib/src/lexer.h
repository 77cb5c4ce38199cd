#ifndef EXPR_LEXER_H
#define EXPR_LEXER_H
enum tok { T_NUM, T_NAME, T_OP, T_END, T_ERR };
struct lexer {
	const char *p;
	enum tok kind;
	double num;
	char name[32];
	char op;
};
void lex_init(struct lexer *lx, const char *src);
void lex_next(struct lexer *lx);
#endif
