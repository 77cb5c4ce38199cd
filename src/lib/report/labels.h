/*
 * Placing point labels on a chart so that they overlap neither each other
 * nor the data: a greedy search over candidate positions around each point,
 * in pixel coordinates (origin bottom-left).
 */
#ifndef HZ_REPORT_LABELS_H
#define HZ_REPORT_LABELS_H

#include <stddef.h>

typedef struct lbl_rect {
	double x0, y0, x1, y1;
} lbl_rect;

typedef struct lbl_item {
	double ax, ay;  /* in: the anchor point */
	double w, h;    /* in: the text's box */
	double x, y;    /* out: where the text goes (vertical centre; left end, or right end if right_just) */
	int right_just; /* out */
	int leader;     /* out: far from its point, draw a line to it */
	double cost;    /* out: 0 when it overlaps nothing */
} lbl_item;

/*
 * Place every item inside `area`, avoiding the other labels and the
 * obstacles (points, error bars, lines), preferring a spot right of the
 * point, then left, then further above or below with a leader line.
 */
void lbl_place(lbl_item *items, size_t n, const lbl_rect *obstacles, size_t nobs, lbl_rect area);

/* The box a placed item's text covers. */
lbl_rect lbl_box(const lbl_item *it);

/* Area of the intersection of two boxes (0 when apart). */
double lbl_overlap(lbl_rect a, lbl_rect b);

/* Rough width in pixels of `text` in DejaVu Sans at `px` pixels per em. */
double lbl_text_width(const char *text, double px);

#endif
