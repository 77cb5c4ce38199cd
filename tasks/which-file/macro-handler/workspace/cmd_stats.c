#include <stdio.h>

#include "handler.h"
#include "session.h"

HANDLER(stats)
{
	(void)arg;
	printf("ops %lu\n", s->ops);
	return 0;
}
