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
 */
#include <stdio.h>
#include <stdlib.h>

typedef struct {
	int u, v;
	long long w;
} edge;

static int n, m, q;
static edge *edges;

static void query(int s, int t)
{
	long long *dist = malloc(n * sizeof(*dist));
	long long *hops = malloc(n * sizeof(*hops));
	char *done = calloc(n, 1);

	if (!dist || !hops || !done) {
		fprintf(stderr, "routes: out of memory\n");
		exit(1);
	}
	for (int i = 0; i < n; i++)
		dist[i] = -1;
	dist[s] = 0;
	hops[s] = 0;
	for (;;) {
		/* pick the unfinished reached node with the smallest (distance, hops) */
		int best = -1;
		for (int i = 0; i < n; i++) {
			if (done[i] || dist[i] < 0)
				continue;
			if (best < 0 || dist[i] < dist[best] || (dist[i] == dist[best] && hops[i] < hops[best]))
				best = i;
		}
		if (best < 0)
			break;
		done[best] = 1;
		/* relax its outgoing edges */
		for (int e = 0; e < m; e++) {
			if (edges[e].u != best)
				continue;
			int v = edges[e].v;
			long long nd = dist[best] + edges[e].w, nh = hops[best] + 1;
			if (dist[v] < 0 || nd < dist[v] || (nd == dist[v] && nh < hops[v])) {
				dist[v] = nd;
				hops[v] = nh;
			}
		}
	}
	if (dist[t] < 0)
		printf("-1\n");
	else
		printf("%lld %lld\n", dist[t], hops[t]);
	free(dist);
	free(hops);
	free(done);
}

int main(void)
{
	if (scanf("%d %d %d", &n, &m, &q) != 3 || n < 1 || m < 0 || q < 0) {
		fprintf(stderr, "routes: bad header\n");
		return 1;
	}
	edges = malloc((m + 1) * sizeof(*edges));
	if (!edges) {
		fprintf(stderr, "routes: out of memory\n");
		return 1;
	}
	for (int i = 0; i < m; i++) {
		if (scanf("%d %d %lld", &edges[i].u, &edges[i].v, &edges[i].w) != 3) {
			fprintf(stderr, "routes: bad edge %d\n", i + 1);
			return 1;
		}
	}
	for (int i = 0; i < q; i++) {
		int s, t;
		if (scanf("%d %d", &s, &t) != 2) {
			fprintf(stderr, "routes: bad query %d\n", i + 1);
			return 1;
		}
		query(s, t);
	}
	free(edges);
	return 0;
}
