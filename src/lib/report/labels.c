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
	/* Half a pixel less each way: labels stacked a line apart may touch, not overlap. */
	r.y0 = y - it->h / 2 + 0.5;
	r.y1 = y + it->h / 2 - 0.5;
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

/* Does the segment (x0,y0)-(x1,y1) pass through the box (Liang-Barsky clipping)? */
static int seg_hits_box(double x0, double y0, double x1, double y1, lbl_rect r)
{
	double t0 = 0, t1 = 1, dx = x1 - x0, dy = y1 - y0;
	double p[4] = { -dx, dx, -dy, dy }, q[4] = { x0 - r.x0, r.x1 - x0, y0 - r.y0, r.y1 - y0 };

	for (int i = 0; i < 4; i++) {
		if (p[i] == 0) {
			if (q[i] < 0)
				return 0;
			continue;
		}
		double t = q[i] / p[i];
		if (p[i] < 0)
			t0 = fmax(t0, t);
		else
			t1 = fmin(t1, t);
		if (t0 > t1)
			return 0;
	}
	return 1;
}

static double cross(double ax, double ay, double bx, double by, double cx, double cy)
{
	return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/* Do two segments cross (a proper crossing; touching ends do not count)? */
static int segs_cross(const double a[4], const double b[4])
{
	double d1 = cross(b[0], b[1], b[2], b[3], a[0], a[1]), d2 = cross(b[0], b[1], b[2], b[3], a[2], a[3]);
	double d3 = cross(a[0], a[1], a[2], a[3], b[0], b[1]), d4 = cross(a[0], a[1], a[2], a[3], b[2], b[3]);

	return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/* A label away from its point (above or below its line, or pushed sideways) gets a leader line. */
static int needs_leader(const lbl_item *it, double x, double y)
{
	return fabs(y - it->ay) > 0.8 * it->h || fabs(x - it->ax) > GAP + 1;
}

/* The leader from the point to the near end of its text. */
static void leader_of(const lbl_item *it, double x, double y, int right_just, double seg[4])
{
	seg[0] = it->ax;
	seg[1] = it->ay;
	seg[2] = x + (right_just ? 1 : -1);
	seg[3] = y;
}

/*
 * Cost of a candidate: overlaps with placed labels weigh most, then data;
 * a leader line through another label, across another leader or through a
 * point costs as much as a large overlap (it points at the wrong thing).
 */
static double cost_of_upto(const lbl_item *it, double x, double y, int right_just, int leader, const lbl_item *items,
			   size_t placed_upto, const size_t *order, const lbl_rect *obs, size_t nobs, lbl_rect area,
			   double limit)
{
	/* `it` itself may be among the placed (repair rounds): it is skipped. */
	lbl_rect r = box_of(it, x, y, right_just);
	double c = 0, seg[4], other[4];

	if (r.x0 < area.x0 || r.x1 > area.x1 || r.y0 < area.y0 || r.y1 > area.y1)
		return INFINITY;
	if (leader)
		leader_of(it, x, y, right_just, seg);
	for (size_t k = 0; k < placed_upto; k++) {
		const lbl_item *o = &items[order[k]];
		lbl_rect ob = box_of(o, o->x, o->y, o->right_just);
		if (o == it)
			continue;
		c += 50 * lbl_overlap(r, ob);
		if (o->leader) {
			/* Its leader through this text, or across this leader. */
			leader_of(o, o->x, o->y, o->right_just, other);
			if (seg_hits_box(other[0], other[1], other[2], other[3], r))
				c += 3000;
			if (leader && segs_cross(seg, other))
				c += 3000;
		}
		if (leader && seg_hits_box(seg[0], seg[1], seg[2], seg[3], ob))
			c += 3000;
		/* Through another point (not one whose marker touches this one's: that cannot be helped). */
		if (leader && (fabs(o->ax - it->ax) > 10 || fabs(o->ay - it->ay) > 10) &&
		    seg_hits_box(seg[0], seg[1], seg[2], seg[3],
				 (lbl_rect){ o->ax - 5, o->ay - 5, o->ax + 5, o->ay + 5 }))
			c += 200;
		if (c > limit)
			return c; /* already worse than the best spot found: the rest cannot help */
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

/* Extra horizontal distance (pixels) to try. */
static const double dxs[] = { 0, 25, 60, 110, 170, 240, 320, 400 };
#define MAX_STEP 24 /* vertical steps of 0.7 label heights, each way */

/* The best spot for `it` among the candidates, against the first `upto` items of `order`. */
static void place_one(lbl_item *it, const lbl_item *items, const size_t *order, size_t upto, const lbl_rect *obstacles,
		      size_t nobs, lbl_rect area)
{
	double best = INFINITY;

	for (int step = 0; step <= 2 * MAX_STEP; step++) {
		/* 0, +1, -1, +2, -2, ... in steps of 0.7 label heights */
		double dy = (step % 2 ? 1 : -1) * (double)((step + 1) / 2) * 0.7 * it->h;
		for (size_t d = 0; d < sizeof(dxs) / sizeof(dxs[0]); d++) {
			for (int side = 0; side < 2; side++) {
				double x = side ? it->ax - GAP - dxs[d] : it->ax + GAP + dxs[d], y = it->ay + dy;
				int leader = needs_leader(it, x, y);
				/* Prefer near spots: each step away costs a little. */
				double near = 0.6 * (double)((step + 1) / 2) + dxs[d] / 25.0 + 0.2 * side;
				double c = cost_of_upto(it, x, y, side, leader, items, upto, order, obstacles, nobs, area,
							best - near);
				double pref = c + near;
				if (pref < best) {
					best = pref;
					it->x = x;
					it->y = y;
					it->right_just = side;
					it->leader = leader;
					it->cost = c;
				}
			}
		}
	}
}

/* The cost of where `it` is now, against all n labels. */
static double cost_now(const lbl_item *it, const lbl_item *items, size_t n, const size_t *order, const lbl_rect *obs,
		       size_t nobs, lbl_rect area)
{
	return cost_of_upto(it, it->x, it->y, it->right_just, it->leader, items, n, order, obs, nobs, area, INFINITY);
}

/* Swap where two labels go (their text boxes keep their own widths). */
static void swap_spots(lbl_item *a, lbl_item *b)
{
	double x = a->x, y = a->y;
	int rj = a->right_just;

	a->x = b->x;
	a->y = b->y;
	a->right_just = b->right_just;
	b->x = x;
	b->y = y;
	b->right_just = rj;
	a->leader = needs_leader(a, a->x, a->y);
	b->leader = needs_leader(b, b->x, b->y);
}

/*
 * Two leaders that cross point each at the other's label: swapping the two
 * labels' spots uncrosses them (2-opt); so may a swap when one's leader runs
 * through the other's text.  Kept when it lowers the pair's cost.
 */
static void uncross(lbl_item *items, size_t n, const size_t *order, const lbl_rect *obs, size_t nobs, lbl_rect area)
{
	for (int round = 0; round < 6; round++) {
		int swapped = 0;
		for (size_t i = 0; i < n; i++)
			for (size_t j = i + 1; j < n; j++) {
				lbl_item *a = &items[i], *b = &items[j];
				double before, after, sa[4], sb[4];
				if (!a->leader && !b->leader)
					continue;
				leader_of(a, a->x, a->y, a->right_just, sa);
				leader_of(b, b->x, b->y, b->right_just, sb);
				if (!(a->leader && b->leader && segs_cross(sa, sb)) &&
				    !(a->leader && seg_hits_box(sa[0], sa[1], sa[2], sa[3], lbl_box(b))) &&
				    !(b->leader && seg_hits_box(sb[0], sb[1], sb[2], sb[3], lbl_box(a))))
					continue;
				before = cost_now(a, items, n, order, obs, nobs, area) + cost_now(b, items, n, order, obs, nobs, area);
				swap_spots(a, b);
				after = cost_now(a, items, n, order, obs, nobs, area) + cost_now(b, items, n, order, obs, nobs, area);
				if (after < before)
					swapped = 1;
				else
					swap_spots(a, b);
			}
		if (!swapped)
			break;
	}
}

/* A label still in conflict is placed again, against all the others; a few rounds. */
static void repair(lbl_item *items, size_t n, const size_t *order, const lbl_rect *obs, size_t nobs, lbl_rect area)
{
	for (int round = 0; round < 4; round++) {
		int moved = 0;
		for (size_t k = 0; k < n; k++) {
			lbl_item *it = &items[order[k]];
			if ((it->cost = cost_now(it, items, n, order, obs, nobs, area)) >= 50) {
				place_one(it, items, order, n, obs, nobs, area);
				moved = 1;
			}
		}
		if (!moved)
			break;
	}
}

/*
 * Greedy in date order (each label against those before it), then a few
 * repair rounds: a label still in conflict is placed again against all the
 * others.  Deterministic: no randomness, a fixed order.
 */
void lbl_place(lbl_item *items, size_t n, const lbl_rect *obstacles, size_t nobs, lbl_rect area)
{
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
	for (size_t k = 0; k < n; k++)
		place_one(&items[order[k]], items, order, k, obstacles, nobs, area);
	for (int pass = 0; pass < 2; pass++) {
		repair(items, n, order, obstacles, nobs, area);
		uncross(items, n, order, obstacles, nobs, area);
	}
	repair(items, n, order, obstacles, nobs, area);
	for (size_t k = 0; k < n; k++) {
		lbl_item *it = &items[order[k]];
		it->cost = cost_now(it, items, n, order, obstacles, nobs, area);
	}
	free(order);
}
