/*
 * routes: shortest routes in a weighted directed graph.
 *
 * Input (standard input, numbers separated by any white space):
 *
 *   N M Q            nodes 0..N-1 (1 <= N <= 1,000,000), M edges, Q queries
 *   U V W            M lines: a directed edge U -> V of weight 1 <= W <= 1,000,000,000
 *                    (self loops and parallel edges may occur)
 *   S T              Q lines: a query from S to T
 *
 * Output: one line per query, in input order:
 *
 *   D H              D = the length (sum of weights) of a shortest path from S to T, and
 *                    H = the smallest number of edges among all paths of length D
 *   -1               when T cannot be reached from S
 *
 * For S == T the answer is "0 0".
 *
 * Dijkstra on (distance, hops) pairs with a binary heap (lazy deletion) over a CSR adjacency
 * array; a query stops as soon as T is settled.  Arrays are reset only where a query touched them.
 */
#include <stdio.h>
#include <stdlib.h>

typedef struct {
	long long d;
	int h, v;
} item;

static int n, m, q;
static int *start, *adj_v;
static long long *adj_w;
static long long *dist;
static int *hops;
static char *done;
static int *touched, ntouched;
static item *heap;
static long hn;

static int less(const item *a, const item *b)
{
	return a->d < b->d || (a->d == b->d && a->h < b->h);
}

static void push(long long d, int h, int v)
{
	long i = hn++;
	item it = { d, h, v };

	while (i > 0) {
		long p = (i - 1) / 2;
		if (!less(&it, &heap[p]))
			break;
		heap[i] = heap[p];
		i = p;
	}
	heap[i] = it;
}

static item pop(void)
{
	item top = heap[0], last = heap[--hn];
	long i = 0;

	for (;;) {
		long c = 2 * i + 1;
		if (c >= hn)
			break;
		if (c + 1 < hn && less(&heap[c + 1], &heap[c]))
			c++;
		if (!less(&heap[c], &last))
			break;
		heap[i] = heap[c];
		i = c;
	}
	heap[i] = last;
	return top;
}

static void reach(int v, long long d, int h)
{
	if (dist[v] < 0)
		touched[ntouched++] = v;
	dist[v] = d;
	hops[v] = h;
	push(d, h, v);
}

static void query(int s, int t)
{
	long long ans = -1;
	int ansh = 0;

	hn = 0;
	ntouched = 0;
	reach(s, 0, 0);
	while (hn > 0) {
		item it = pop();
		int u = it.v;
		if (done[u] || it.d != dist[u] || it.h != hops[u])
			continue;
		done[u] = 1;
		if (u == t) {
			ans = it.d;
			ansh = it.h;
			break;
		}
		for (int e = start[u]; e < start[u + 1]; e++) {
			int v = adj_v[e];
			long long nd = it.d + adj_w[e];
			int nh = it.h + 1;
			if (dist[v] < 0 || nd < dist[v] || (nd == dist[v] && nh < hops[v]))
				reach(v, nd, nh);
		}
	}
	if (ans < 0)
		printf("-1\n");
	else
		printf("%lld %d\n", ans, ansh);
	for (int i = 0; i < ntouched; i++) {
		dist[touched[i]] = -1;
		done[touched[i]] = 0;
	}
}

int main(void)
{
	int *eu, *ev;
	long long *ew;

	if (scanf("%d %d %d", &n, &m, &q) != 3 || n < 1 || m < 0 || q < 0) {
		fprintf(stderr, "routes: bad header\n");
		return 1;
	}
	eu = malloc((m + 1) * sizeof(*eu));
	ev = malloc((m + 1) * sizeof(*ev));
	ew = malloc((m + 1) * sizeof(*ew));
	start = calloc(n + 2, sizeof(*start));
	adj_v = malloc((m + 1) * sizeof(*adj_v));
	adj_w = malloc((m + 1) * sizeof(*adj_w));
	dist = malloc(n * sizeof(*dist));
	hops = malloc(n * sizeof(*hops));
	done = calloc(n, 1);
	touched = malloc(n * sizeof(*touched));
	heap = malloc((m + 2) * sizeof(*heap));
	if (!eu || !ev || !ew || !start || !adj_v || !adj_w || !dist || !hops || !done || !touched || !heap) {
		fprintf(stderr, "routes: out of memory\n");
		return 1;
	}
	for (int i = 0; i < m; i++) {
		if (scanf("%d %d %lld", &eu[i], &ev[i], &ew[i]) != 3) {
			fprintf(stderr, "routes: bad edge %d\n", i + 1);
			return 1;
		}
		start[eu[i] + 1]++;
	}
	for (int i = 0; i < n; i++)
		start[i + 1] += start[i];
	{
		int *fill = malloc((n + 1) * sizeof(*fill));
		if (!fill) {
			fprintf(stderr, "routes: out of memory\n");
			return 1;
		}
		for (int i = 0; i <= n; i++)
			fill[i] = start[i];
		for (int i = 0; i < m; i++) {
			adj_v[fill[eu[i]]] = ev[i];
			adj_w[fill[eu[i]]++] = ew[i];
		}
		free(fill);
	}
	free(eu);
	free(ev);
	free(ew);
	for (int i = 0; i < n; i++)
		dist[i] = -1;
	for (int i = 0; i < q; i++) {
		int s, t;
		if (scanf("%d %d", &s, &t) != 2) {
			fprintf(stderr, "routes: bad query %d\n", i + 1);
			return 1;
		}
		query(s, t);
	}
	return 0;
}
