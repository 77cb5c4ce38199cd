/* The data commands: GET, SET, DEL. */
#include <stdio.h>

#include "handler.h"
#include "session.h"

HANDLER(get)
{
	printf("get %s\n", arg);
	return 0;
}

HANDLER(set)
{
	printf("set %s\n", arg);
	return 0;
}

HANDLER(del)
{
	printf("del %s\n", arg);
	return 0;
}
