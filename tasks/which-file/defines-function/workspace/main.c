#include <stdio.h>

int handle_connection(FILE *in);

int main(void)
{
	int n = handle_connection(stdin);
	printf("%d known headers\n", n);
	return n < 0;
}
