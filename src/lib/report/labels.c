/* Greedy label placement for the chart scripts (see labels.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"

#define GAP 7.0 /* pixels between a point and its label */

double lbl_overlap(lbl_rect a, lbl_rect b)
{
	double w = fmin(a.x1, b.x1) - fmax(a.x0, b.x0), h = fmin(a.y1, b.y1) - fmax(a.y0, b.y0);

	return w > 0 && h > 0 ? w * h : 0;
}

static lbl_rect box_of(const lbl_item *it, double x, double y, int right_just)
{
	lbl_rect r;

	r.x0 = right_just ? x - it->w : x;
	r.x1 = right_just ? x : x + it->w;
	r.y0 = y - it->h / 2;
	r.y1 = y + it->h / 2;
	return r;
}

lbl_rect lbl_box(const lbl_item *it)
{
	return box_of(it, it->x, it->y, it->right_just);
}

double lbl_text_width(const char *text, double px)
{
	double w = 0;

	/* DejaVu Sans advance widths, in em, by character class. */
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if ((*p & 0xC0) == 0x80)
			continue; /* UTF-8 continuation */
		if (strchr("il.,:;|!'()[] ", *p))
			w += 0.33;
		else if (strchr("mwMW", *p))
			w += 0.86;
		else if (*p >= 'A' && *p <= 'Z')
			w += 0.70;
		else
			w += 0.60;
	}
	return w * px;
}

/* Cost of a candidate box: overlaps with placed labels weigh most, then data. */
static double cost_of(lbl_rect r, const lbl_item *items, size_t placed_upto, const size_t *order,
		      const lbl_rect *obs, size_t nobs, lbl_rect area)
{
	double c = 0;

	if (r.x0 < area.x0 || r.x1 > area.x1 || r.y0 < area.y0 || r.y1 > area.y1)
		return INFINITY;
	for (size_t k = 0; k < placed_upto; k++) {
		const lbl_item *o = &items[order[k]];
		c += 50 * lbl_overlap(r, box_of(o, o->x, o->y, o->right_just));
	}
	for (size_t k = 0; k < nobs; k++)
		c += lbl_overlap(r, obs[k]);
	return c;
}

static int by_x(const void *a, const void *b, void *ctx)
{
	const lbl_item *items = ctx;
	double d = items[*(const size_t *)a].ax - items[*(const size_t *)b].ax;

	return d < 0 ? -1 : d > 0;
}

/* A tiny insertion sort with a context (qsort_r is not portable C11). */
static void sort_order(size_t *order, size_t n, const lbl_item *items)
{
	for (size_t i = 1; i < n; i++) {
		size_t v = order[i], j = i;
		while (j > 0 && by_x(&order[j - 1], &v, (void *)items) > 0) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = v;
	}
}

void lbl_place(lbl_item *items, size_t n, const lbl_rect *obstacles, size_t nobs, lbl_rect area)
{
	/* Extra horizontal distance (pixels) and vertical steps (label heights) to try. */
	static const double dxs[] = { 0, 25, 60, 110 };
	const int max_step = 18;
	size_t *order = malloc((n ? n : 1) * sizeof(size_t));

	if (!order)
		return;
	for (size_t i = 0; i < n; i++) {
		order[i] = i;
		items[i].x = items[i].ax + GAP;
		items[i].y = items[i].ay;
		items[i].right_just = 0;
		items[i].leader = 0;
		items[i].cost = 0;
	}
	sort_order(order, n, items);
	for (size_t k = 0; k < n; k++) {
		lbl_item *it = &items[order[k]];
		double best = INFINITY;
		for (int step = 0; step <= 2 * max_step; step++) {
			/* 0, +1, -1, +2, -2, ... in steps of 0.7 label heights */
			double dy = (step % 2 ? 1 : -1) * (double)((step + 1) / 2) * 0.7 * it->h;
			for (size_t d = 0; d < sizeof(dxs) / sizeof(dxs[0]); d++) {
				for (int side = 0; side < 2; side++) {
					double x = side ? it->ax - GAP - dxs[d] : it->ax + GAP + dxs[d], y = it->ay + dy;
					double c = cost_of(box_of(it, x, y, side), items, k, order, obstacles, nobs, area);
					/* Prefer near spots: each step away costs a little. */
					double pref = c + 0.6 * (double)((step + 1) / 2) + dxs[d] / 25.0 + 0.2 * side;
					if (pref < best) {
						best = pref;
						it->x = x;
						it->y = y;
						it->right_just = side;
						it->leader = fabs(dy) > 0.8 * it->h || dxs[d] > 0;
						it->cost = c;
					}
				}
			}
		}
	}
	free(order);
}
