#ifndef UTIL_H
#define UTIL_H
#include "list.h"

typedef struct queue {
	list_node *items;
	size_t capacity;
} queue;

void queue_init(queue *q);
/* Add a job; returns 0, or -1 when the queue is full. */
int queue_push(queue *q, const char *name);
/* Remove the oldest job into *name (caller frees); returns 0, or -1 when empty. */
int queue_pop(queue *q, char **name);
#endif
