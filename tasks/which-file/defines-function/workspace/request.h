#ifndef REQUEST_H
#define REQUEST_H
struct request {
	char method[8];
	const char *params[16];
	int nparams;
	int nheaders;
};
#endif
