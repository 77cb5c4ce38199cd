/*
 * ring.c: a fixed-size ring buffer of samples, and the moving average the
 * sensor daemon reports.  Build and run the self-test:
 *
 *     gcc -O2 -Wall -o ring ring.c && ./ring
 */
#include <stdio.h>
#include <stdlib.h>

#define CAP 8

struct ring {
	int data[CAP];
	size_t head;  /* index of the oldest sample */
	size_t count; /* samples held, at most CAP */
};

/* Add a sample; when the ring is full the oldest sample is dropped. */
static void ring_push(struct ring *r, int v)
{
	size_t tail = (r->head + r->count) % CAP;

	r->data[tail] = v;
	if (r->count < CAP)
		r->count++;
	else
		r->head = (r->head + 1) % CAP;
}

/* Remove and return the oldest sample; count must be at least 1. */
static int ring_pop(struct ring *r)
{
	int v = r->data[r->head];

	r->head = (r->head + 1) % CAP;
	r->count--;
	return v;
}

/* The i-th oldest sample, 0 <= i < count. */
static int ring_get(const struct ring *r, size_t i)
{
	return r->data[(r->head + i) % r->count];
}

/* Mean of the newest n samples (n <= count), rounded down. */
static int ring_mean_newest(const struct ring *r, size_t n)
{
	long sum = 0;

	for (size_t i = r->count - n; i < r->count; i++)
		sum += ring_get(r, i);
	return (int)(sum / (long)n);
}

static int check(const char *what, int got, int want)
{
	if (got == want)
		return 0;
	printf("FAIL %s: got %d, want %d\n", what, got, want);
	return 1;
}

int main(void)
{
	struct ring r = { { 0 }, 0, 0 };
	int fails = 0;

	for (int v = 1; v <= 5; v++)
		ring_push(&r, v * 10);
	fails += check("oldest of 5", ring_get(&r, 0), 10);
	fails += check("mean of newest 2 of 5", ring_mean_newest(&r, 2), 45);
	for (int v = 6; v <= 11; v++)
		ring_push(&r, v * 10);
	fails += check("count after 11", (int)r.count, CAP);
	fails += check("oldest after 11", ring_get(&r, 0), 40);
	fails += check("newest after 11", ring_get(&r, CAP - 1), 110);
	fails += check("mean of newest 4 after 11", ring_mean_newest(&r, 4), 95);
	fails += check("pop after 11", ring_pop(&r), 40);
	fails += check("pop again", ring_pop(&r), 50);
	fails += check("oldest after 2 pops", ring_get(&r, 0), 60);
	fails += check("newest after 2 pops", ring_get(&r, r.count - 1), 110);
	ring_push(&r, 120);
	fails += check("mean of newest 3 after a push", ring_mean_newest(&r, 3), 110);
	puts(fails ? "some checks failed" : "all checks passed");
	return fails != 0;
}
