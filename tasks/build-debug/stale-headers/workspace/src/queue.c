#include <stdlib.h>

#include "config.h"
#include "queue.h"

void queue_init(queue *q)
{
	q->items = NULL;
	q->capacity = QUEUE_CAPACITY;
}

int queue_push(queue *q, const char *name)
{
	if (list_length(q->items) >= q->capacity)
		return -1;
	return list_append(&q->items, name);
}

int queue_pop(queue *q, char **name)
{
	list_node *n = q->items;
	if (!n)
		return -1;
	q->items = n->next;
	*name = n->name;
	free(n);
	return 0;
}
