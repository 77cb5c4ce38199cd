/*
 * A per-host concurrency limit shared by every run in the process: at most
 * `limit` requests in flight to one API host.  A 429 halves the limit
 * (multiplicative decrease); each success raises it by 1/limit (additive
 * increase, about one slot per `limit` successes) up to the configured max.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "llm_http.h"
#include "strutil.h"

struct llm_host {
	char name[256];
	double limit;
	long max;
	long in_flight;
	struct llm_host *next;
};

static pthread_mutex_t hosts_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t hosts_cond = PTHREAD_COND_INITIALIZER;
static struct llm_host *hosts;

llm_host *llm_host_get(const char *host, long max_concurrency)
{
	struct llm_host *h;

	pthread_mutex_lock(&hosts_lock);
	for (h = hosts; h; h = h->next)
		if (!strcmp(h->name, host))
			break;
	if (!h && (h = calloc(1, sizeof(*h))) != NULL) {
		snprintf(h->name, sizeof(h->name), "%s", host);
		h->limit = (double)max_concurrency;
		h->max = max_concurrency;
		h->next = hosts;
		hosts = h;
	}
	/* The smallest configured max wins when several agents share a host. */
	if (h && max_concurrency < h->max) {
		h->max = max_concurrency;
		if (h->limit > (double)h->max)
			h->limit = (double)h->max;
	}
	pthread_mutex_unlock(&hosts_lock);
	return h;
}

double llm_host_acquire(llm_host *h, double deadline)
{
	double start = hz_clock_now();
	struct timespec until;
	int timed_out = 0;

	if (!h)
		return 0;
	/* cond waits use CLOCK_REALTIME: turn the monotonic deadline into one. */
	clock_gettime(CLOCK_REALTIME, &until);
	{
		double left = deadline - start, frac;
		if (left < 0)
			left = 0;
		until.tv_sec += (time_t)left;
		frac = left - (double)(time_t)left;
		until.tv_nsec += (long)(frac * 1e9);
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
	}
	pthread_mutex_lock(&hosts_lock);
	while ((double)h->in_flight >= (h->limit < 1 ? 1 : (long)h->limit) && !timed_out)
		timed_out = pthread_cond_timedwait(&hosts_cond, &hosts_lock, &until) == ETIMEDOUT;
	if (!timed_out)
		h->in_flight++;
	pthread_mutex_unlock(&hosts_lock);
	return timed_out ? -1 : hz_clock_now() - start;
}

void llm_host_release(llm_host *h, int throttled)
{
	if (!h)
		return;
	pthread_mutex_lock(&hosts_lock);
	h->in_flight--;
	if (throttled)
		h->limit = h->limit / 2 < 1 ? 1 : h->limit / 2;
	else if (h->limit < (double)h->max)
		h->limit += 1.0 / h->limit;
	if (h->limit > (double)h->max)
		h->limit = (double)h->max;
	pthread_cond_broadcast(&hosts_cond);
	pthread_mutex_unlock(&hosts_lock);
}

double llm_host_limit(llm_host *h)
{
	double l;

	pthread_mutex_lock(&hosts_lock);
	l = h->limit;
	pthread_mutex_unlock(&hosts_lock);
	return l;
}
