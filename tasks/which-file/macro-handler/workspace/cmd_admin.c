/* Administrative commands: FLUSH, SHUTDOWN, and leaving a session. */
#include <stdio.h>

#include "handler.h"
#include "session.h"

HANDLER(flush)
{
	(void)arg;
	printf("flushed\n");
	return 0;
}

HANDLER(shutdown)
{
	(void)arg;
	s->closing = 1;
	return 0;
}

/* QUIT is not an admin command, but it lives here beside SHUTDOWN: both end sessions. */
HANDLER(quit)
{
	(void)arg;
	s->closing = 1;
	printf("bye\n");
	return 0;
}
