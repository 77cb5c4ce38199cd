#include <stdlib.h>
#include <string.h>

#include "list.h"

int list_append(list_node **head, const char *name)
{
	list_node *n = malloc(sizeof(*n));
	if (!n || !(n->name = strdup(name))) {
		free(n);
		return -1;
	}
	n->next = NULL;
	while (*head)
		head = &(*head)->next;
	*head = n;
	return 0;
}

size_t list_length(const list_node *head)
{
	size_t n = 0;
	for (; head; head = head->next)
		n++;
	return n;
}

void list_free(list_node *head)
{
	while (head) {
		list_node *next = head->next;
		free(head->name);
		free(head);
		head = next;
	}
}
