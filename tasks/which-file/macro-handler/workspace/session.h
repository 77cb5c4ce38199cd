#ifndef SESSION_H
#define SESSION_H
struct session {
	int fd;
	int authed;
	int closing;
	unsigned long ops;
};
#endif
