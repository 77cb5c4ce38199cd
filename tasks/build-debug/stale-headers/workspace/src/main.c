/*
 * jobq: reads commands from standard input, one per line:
 *   push NAME   queue a job (prints "LINE_PREFIX queued NAME", or "LINE_PREFIX full NAME")
 *   run         run the oldest job (prints "LINE_PREFIX ran NAME", or "LINE_PREFIX idle")
 *   version     prints "jobq VERSION"
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "list.h"
#include "queue.h"
#include "version.h"

int main(void)
{
	char *line = NULL, *name;
	size_t cap = 0;
	ssize_t len;
	queue q;

	queue_init(&q);
	while ((len = getline(&line, &cap, stdin)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (!strncmp(line, "push ", 5)) {
			if (queue_push(&q, line + 5) == 0)
				printf("%s queued %s\n", LINE_PREFIX, line + 5);
			else
				printf("%s full %s\n", LINE_PREFIX, line + 5);
		} else if (!strcmp(line, "run")) {
			if (queue_pop(&q, &name) == 0) {
				printf("%s ran %s\n", LINE_PREFIX, name);
				free(name);
			} else {
				printf("%s idle\n", LINE_PREFIX);
			}
		} else if (!strcmp(line, "version")) {
			printf("jobq %s\n", JOBQ_VERSION);
		}
	}
	list_free(q.items);
	free(line);
	return 0;
}
