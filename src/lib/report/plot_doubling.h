/*
 * The doubling chart's working state, shared by plot_doubling.c (data,
 * axes, the plot command) and plot_doubling_labels.c (point labels, the
 * numbered key table, titles).
 */
#ifndef HZ_REPORT_PLOT_DOUBLING_H
#define HZ_REPORT_PLOT_DOUBLING_H

#include <stddef.h>

#include "buf.h"
#include "fitfmt.h"
#include "gp.h"
#include "labels.h"

#define LOWEST_MINUTES (1.0 / 1200) /* a twentieth of a second: points below sit on the axis */
#define LABEL_PT 9.0
#define NUMBER_PT 8.0
#define PX_PER_PT (96.0 / 72.0)
#define COLOR_AGENT "#1f4e79"
#define COLOR_TREND "#2e75b6"
#define COLOR_METR "#d35400"

typedef struct dbl_chart {
	const hz_fit *doc, *pub;
	double percent;               /* 50, 80, ... */
	const hz_plot_opts *opts;
	const hz_fit_trend *trend;    /* doc's trend at percent, or NULL */
	const hz_fit_trend *pub_trend; /* pub's, or NULL */
	gp_frame fr;
	long x0, x1;     /* date range, days */
	double y0, y1;   /* minutes */
	hz_buf data;     /* datablocks */
	hz_buf set;      /* settings and labels */
	lbl_rect *obs;
	size_t nobs, cap_obs;
	lbl_item *items;
	const hz_fit_agent **item_agent;
	size_t nitems;
	size_t nline_obs;  /* obs[0..nline_obs) sample the trend lines; the rest are points and bars */
	size_t band_rows; /* rows of $band (0: no band drawn) */
	size_t line_rows[2]; /* rows of $trend and $metrtrend */
	double longest;  /* minutes: the longest task in doc's sweep; NaN: unknown (no extrapolation marks) */
	double beyond_y; /* where the extrapolation region starts (minutes); NaN: not drawn */
	int room_right;  /* crowded: the date axis runs on past the newest model, for its cluster's names */
	int numbered;    /* too crowded even so: numbers at the points, names in a table beside */
} dbl_chart;

/* Pixel coordinates (origin bottom-left) of a date and of a horizon. */
double dbl_px_x(const dbl_chart *c, double days);
double dbl_px_y(const dbl_chart *c, double minutes);

/* A point worth drawing: a release date and a positive finite estimate. */
int dbl_drawable(const hz_fit_agent *a, double percent);

/* A point of doc's above the longest task its agent ran (or the sweep's, when unknown): extrapolated. */
int dbl_beyond(const dbl_chart *c, const hz_fit_agent *a);

/* The agents to label, in release order (c->items, c->item_agent). */
int dbl_collect_items(dbl_chart *c);

/* Place the labels; returns how crowded the result is (0: every label clear of everything). */
double dbl_place_labels(dbl_chart *c);

/* The label, leader-line, key-table and title commands, appended to c->set. */
int dbl_write_labels(dbl_chart *c);
int dbl_write_table(dbl_chart *c);
int dbl_write_titles(dbl_chart *c, const hz_plot_opts *opts);

/* The headline in the plot's top-left corner: "Doubling time: 188 days (95% CI 168–201)"; needs c->trend. */
void dbl_headline(const dbl_chart *c, char *text, size_t size);
#define HEADLINE_PT 17.0

#endif
