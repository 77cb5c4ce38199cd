#ifndef UTIL_H
#define UTIL_H
#include <stddef.h>

typedef struct list_node {
	char *name;
	struct list_node *next;
} list_node;

/* Append a copy of name at the end of *head; returns 0 or -1 (out of memory). */
int list_append(list_node **head, const char *name);
size_t list_length(const list_node *head);
void list_free(list_node *head);
#endif
