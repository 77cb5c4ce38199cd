/*
 * The doubling chart: each agent's 50% (or 80%) horizon against its release
 * date on a log time axis with human ticks, CI bars, labelled points, the
 * trend line over the SOTA agents with its bootstrap band and the doubling
 * time; optionally METR's published frontier beside the user's agents.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fitdoc.h"
#include "gp.h"
#include "horizon/error.h"
#include "labels.h"
#include "plot_internal.h"
#include "strutil.h"

#define FLOOR_MINUTES (1.0 / 120) /* half a second: the lowest the axis goes */
#define LOWEST_MINUTES (1.0 / 1200) /* a twentieth of a second: points below sit on the axis */
#define LABEL_PT 9.0
#define NUMBER_PT 8.0
#define PX_PER_PT (96.0 / 72.0)
#define COLOR_AGENT "#1f4e79"
#define COLOR_TREND "#2e75b6"
#define COLOR_METR "#d35400"

typedef struct chart {
	const hz_fitdoc *doc, *pub;
	int pi;
	gp_frame fr;
	long x0, x1;     /* date range, days */
	double y0, y1;   /* minutes */
	hz_buf data;     /* datablocks */
	hz_buf set;      /* settings and labels */
	lbl_rect *obs;
	size_t nobs, cap_obs;
	lbl_item *items;
	const hz_fd_agent **item_agent;
	size_t nitems;
	size_t band_rows; /* rows of $band (0: no band drawn) */
	int numbered;    /* crowded: numbers at the points, names in a table beside */
} chart;

static double px_x(const chart *c, double days)
{
	return (c->fr.l + (days - (double)c->x0) / (double)(c->x1 - c->x0) * (c->fr.r - c->fr.l)) * c->fr.w;
}

static double px_y(const chart *c, double minutes)
{
	double v = fmin(fmax(minutes, c->y0), c->y1);

	return (c->fr.b + (log(v) - log(c->y0)) / (log(c->y1) - log(c->y0)) * (c->fr.t - c->fr.b)) * c->fr.h;
}

static int add_obs(chart *c, double x0, double y0, double x1, double y1)
{
	if (c->nobs == c->cap_obs) {
		size_t cap = c->cap_obs ? 2 * c->cap_obs : 64;
		lbl_rect *grown = realloc(c->obs, cap * sizeof(*grown));
		if (!grown)
			return hz_error_set(HZ_ENOMEM, "out of memory");
		c->obs = grown;
		c->cap_obs = cap;
	}
	c->obs[c->nobs++] = (lbl_rect){ fmin(x0, x1), fmin(y0, y1), fmax(x0, x1), fmax(y0, y1) };
	return 0;
}

/* A point worth drawing: a release date and a positive finite estimate. */
static int drawable(const hz_fd_agent *a, int pi)
{
	return a->release_date[0] && isfinite(a->h[pi].estimate) && a->h[pi].estimate > 0;
}

static void extend_ranges(chart *c, const hz_fitdoc *doc, int *first, double *min_est)
{
	for (size_t i = 0; doc && i < doc->nagents; i++) {
		const hz_fd_agent *a = &doc->agents[i];
		const hz_fd_horizon *h = &a->h[c->pi];
		double lo = isfinite(h->ci_low) && h->ci_low > 0 ? fmin(h->ci_low, h->estimate) : h->estimate;
		double hi = isfinite(h->ci_high) ? fmax(h->ci_high, h->estimate) : h->estimate;
		if (!drawable(a, c->pi))
			continue;
		if (*first || a->release_days < c->x0)
			c->x0 = a->release_days;
		if (*first || a->release_days > c->x1)
			c->x1 = a->release_days;
		if (*first || lo < c->y0)
			c->y0 = lo;
		if (*first || hi > c->y1)
			c->y1 = hi;
		if (h->estimate >= LOWEST_MINUTES * 1.8 && h->estimate < *min_est)
			*min_est = h->estimate;
		*first = 0;
	}
}

static void set_ranges(chart *c)
{
	double min_est = INFINITY; /* lowest estimate that is drawn on the axis */
	int first = 1;
	long pad;

	extend_ranges(c, c->doc, &first, &min_est);
	extend_ranges(c, c->pub, &first, &min_est);
	pad = (c->x1 - c->x0) / 20;
	if (pad < 90)
		pad = 90;
	c->x0 -= pad;
	c->x1 += pad;
	/* CI bars may run off the bottom at half a second, but every point stays clear of the axis. */
	c->y0 = fmax(c->y0, FLOOR_MINUTES * 1.6);
	c->y1 = fmax(c->y1, c->y0 * 4);
	gp_human_range(c->y0, c->y1, &c->y0, &c->y1);
	c->y0 = fmax(fmin(c->y0, min_est / 1.8), LOWEST_MINUTES);
	/* Room above the highest point for its label. */
	c->y1 *= 1.5;
}

static int put_date(hz_buf *b, long days)
{
	char d[11];

	hz_fmt_date(days, d);
	return hz_buf_puts(b, d);
}

/* Year ticks (every one or two years), or quarter ticks for short spans. */
static int set_date_tics(chart *c)
{
	long y0, y1, step, m;
	char d[11];
	int k = 0, err = 0;

	hz_fmt_date(c->x0, d);
	y0 = strtol(d, NULL, 10);
	hz_fmt_date(c->x1, d);
	y1 = strtol(d, NULL, 10);
	if (y1 - y0 >= 2) {
		step = y1 - y0 > 9 ? 2 : 1;
		err = hz_buf_puts(&c->set, "set format x \"%Y\"\nset xtics (");
		for (long y = y0; !err && y <= y1 + 1; y += step) {
			long days;
			snprintf(d, sizeof(d), "%04ld-01-01", y);
			if (hz_parse_date(d, &days) < 0 || days < c->x0 || days > c->x1)
				continue;
			err = hz_buf_printf(&c->set, "%s\"%s\"", k++ ? ", " : "", d);
		}
	} else {
		err = hz_buf_puts(&c->set, "set format x \"%b %Y\"\nset xtics (");
		for (long y = y0; !err && y <= y1; y++)
			for (m = 1; !err && m <= 12; m += 3) {
				long days;
				snprintf(d, sizeof(d), "%04ld-%02ld-01", y, m);
				if (hz_parse_date(d, &days) < 0 || days < c->x0 || days > c->x1)
					continue;
				err = hz_buf_printf(&c->set, "%s\"%s\"", k++ ? ", " : "", d);
			}
	}
	return err ? err : hz_buf_puts(&c->set, ")\n");
}

/* One datablock row per agent: date, shown value, low, high (clamped into the axis range). */
static int put_points(chart *c, const char *block, const hz_fitdoc *doc, int want_trend, int below,
		      size_t *count)
{
	int err = hz_buf_printf(&c->data, "$%s << EOD\n", block);

	*count = 0;
	for (size_t i = 0; !err && doc && i < doc->nagents; i++) {
		const hz_fd_agent *a = &doc->agents[i];
		const hz_fd_horizon *h = &a->h[c->pi];
		double v, lo, hi;
		if (!drawable(a, c->pi) || (want_trend >= 0 && (a->in_trend != 0) != want_trend) ||
		    (below != (h->estimate < c->y0)))
			continue;
		/* Points below the axis sit just inside it, drawn as a down-pointing triangle. */
		v = h->estimate < c->y0 ? c->y0 * 1.2 : h->estimate;
		lo = isfinite(h->ci_low) && h->ci_low > 0 ? fmax(fmin(h->ci_low, v), c->y0) : v;
		hi = isfinite(h->ci_high) ? fmin(fmax(h->ci_high, v), c->y1) : v;
		if ((err = put_date(&c->data, a->release_days)) < 0)
			break;
		err = hz_buf_printf(&c->data, " %.6g %.6g %.6g\n", v, lo, hi);
		/* The point and its bar are obstacles for every label. */
		if (!err)
			err = add_obs(c, px_x(c, a->release_days) - 6, px_y(c, v) - 6, px_x(c, a->release_days) + 6,
				      px_y(c, v) + 6);
		if (!err)
			err = add_obs(c, px_x(c, a->release_days) - 2, px_y(c, lo), px_x(c, a->release_days) + 2,
				      px_y(c, hi));
		(*count)++;
	}
	return err ? err : hz_buf_puts(&c->data, "EOD\n");
}

/* The fitted line over the whole date range, sampled, as a datablock and as label obstacles. */
static int put_line(chart *c, const char *block, const hz_fd_trend *t, long from)
{
	int err = hz_buf_printf(&c->data, "$%s << EOD\n", block);
	const int steps = 80;

	for (int k = 0; !err && k <= steps; k++) {
		long d = from + (long)((double)(c->x1 - from) * k / steps);
		double v = exp(t->intercept + t->slope_per_day * (double)d);
		if (!isfinite(v) || v < c->y0 / 4 || v > c->y1 * 4)
			continue;
		if ((err = put_date(&c->data, d)) == 0)
			err = hz_buf_printf(&c->data, " %.6g\n", v);
		if (!err && v >= c->y0 && v <= c->y1)
			err = add_obs(c, px_x(c, d) - 3, px_y(c, v) - 3, px_x(c, d) + 3, px_y(c, v) + 3);
	}
	return err ? err : hz_buf_puts(&c->data, "EOD\n");
}

/* The bootstrap band as a datablock; *rows says how many rows it has (0: nothing to draw). */
static int put_band(chart *c, const hz_fd_trend *t, size_t *rows)
{
	int err = hz_buf_puts(&c->data, "$band << EOD\n");

	*rows = 0;
	for (size_t k = 0; !err && k < t->nband; k++) {
		const hz_fd_band *b = &t->band[k];
		if (!(b->low > 0) || !(b->high > 0) || b->days < c->x0 || b->days > c->x1)
			continue;
		if ((err = put_date(&c->data, b->days)) == 0)
			err = hz_buf_printf(&c->data, " %.6g %.6g\n", fmax(b->low, c->y0 / 2), fmin(b->high, c->y1 * 2));
		(*rows)++;
	}
	return err ? err : hz_buf_puts(&c->data, "EOD\n");
}

static int by_release(const void *a, const void *b)
{
	const hz_fd_agent *x = *(const hz_fd_agent *const *)a, *y = *(const hz_fd_agent *const *)b;

	if (x->release_days != y->release_days)
		return x->release_days < y->release_days ? -1 : 1;
	return strcmp(x->alias, y->alias);
}

/* The agents to label, by release date (their numbers in numbered mode). */
static int collect_items(chart *c)
{
	size_t cap = c->doc->nagents ? c->doc->nagents : 1;

	if (!(c->items = calloc(cap, sizeof(*c->items))) || !(c->item_agent = calloc(cap, sizeof(*c->item_agent))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	for (size_t i = 0; i < c->doc->nagents; i++)
		if (drawable(&c->doc->agents[i], c->pi))
			c->item_agent[c->nitems++] = &c->doc->agents[i];
	qsort(c->item_agent, c->nitems, sizeof(*c->item_agent), by_release);
	return 0;
}

/* "alias" or, for a point below the axis, "alias (p50 0.00011 s)". */
static void below_text_named(const chart *c, const hz_fd_agent *a, const char *name, char *text, size_t size)
{
	char v[32];

	if (a->h[c->pi].estimate < c->y0)
		snprintf(text, size, "%s (p%d %s)", name, c->pi ? 80 : 50, hz_fmt_minutes(a->h[c->pi].estimate, v, sizeof(v)));
	else
		snprintf(text, size, "%s", name);
}

static void below_text(const chart *c, const hz_fd_agent *a, char *text, size_t size)
{
	below_text_named(c, a, a->alias, text, size);
}

static void label_text(const chart *c, size_t k, char *text, size_t size)
{
	const hz_fd_agent *a = c->item_agent[k];

	if (c->numbered)
		snprintf(text, size, "%zu", k + 1);
	else
		below_text(c, a, text, size);
}

/* Place the labels; returns how crowded the result is (0: every label clear of everything). */
static double place_labels(chart *c)
{
	const double em = (c->numbered ? NUMBER_PT : LABEL_PT) * PX_PER_PT;
	lbl_rect area = { c->fr.l * c->fr.w + 2, c->fr.b * c->fr.h + 2, c->fr.r * c->fr.w - 2, c->fr.t * c->fr.h - 2 };
	double crowd = 0;
	size_t leaders = 0;

	for (size_t k = 0; k < c->nitems; k++) {
		const hz_fd_agent *a = c->item_agent[k];
		lbl_item *it = &c->items[k];
		char text[160];
		label_text(c, k, text, sizeof(text));
		it->ax = px_x(c, a->release_days);
		it->ay = px_y(c, a->h[c->pi].estimate < c->y0 ? c->y0 * 1.2 : a->h[c->pi].estimate);
		it->w = lbl_text_width(text, em) + 2;
		it->h = em * 1.2;
	}
	lbl_place(c->items, c->nitems, c->obs, c->nobs, area);
	for (size_t k = 0; k < c->nitems; k++) {
		crowd += c->items[k].cost;
		leaders += c->items[k].leader;
	}
	/* Many leader lines read as clutter as much as overlaps do. */
	if (leaders > 2 && leaders * 4 > c->nitems)
		crowd += 1000;
	return crowd;
}

static int write_labels(chart *c)
{
	int err = 0;

	for (size_t k = 0; !err && k < c->nitems; k++) {
		const lbl_item *it = &c->items[k];
		char text[160];
		label_text(c, k, text, sizeof(text));
		err = hz_buf_printf(&c->set, "set label %zu ", k + 1);
		if (!err)
			err = gp_quote(&c->set, text);
		if (!err)
			err = hz_buf_printf(&c->set, " at screen %.5f, %.5f %s font \",%g\" tc rgb \"#222222\" front\n",
					    it->x / c->fr.w, it->y / c->fr.h, it->right_just ? "right" : "left",
					    c->numbered ? NUMBER_PT : LABEL_PT);
		if (!err && it->leader)
			err = hz_buf_printf(&c->set,
					    "set arrow from screen %.5f, %.5f to screen %.5f, %.5f nohead lc rgb \"#999999\" "
					    "lw 0.7 back\n",
					    it->ax / c->fr.w, it->ay / c->fr.h, (it->x + (it->right_just ? 1 : -1)) / c->fr.w,
					    it->y / c->fr.h);
	}
	return err;
}

/* Numbered mode: the table of numbers and names in the right-hand panel. */
static int write_table(chart *c)
{
	double top = c->fr.t * c->fr.h, avail = (c->fr.t - c->fr.b) * c->fr.h, pt = 8.5, lh;
	double x = (c->fr.r + 0.02) * c->fr.w;
	size_t shown = c->nitems;
	int err = 0;

	if (!c->numbered)
		return 0;
	lh = pt * PX_PER_PT * 1.25;
	if ((double)(shown + 1) * lh > avail) {
		pt = fmax(6.5, avail / (double)(shown + 1) / 1.25 / PX_PER_PT);
		lh = pt * PX_PER_PT * 1.25;
		while (shown > 1 && (double)(shown + 2) * lh > avail)
			shown--;
	}
	for (size_t k = 0; !err && k < shown; k++) {
		const hz_fd_agent *a = c->item_agent[k];
		char text[128];
		char name[64], entry[96];
		snprintf(name, sizeof(name), "%.28s%s", a->alias, strlen(a->alias) > 28 ? "…" : "");
		below_text_named(c, a, name, entry, sizeof(entry));
		snprintf(text, sizeof(text), "%2zu  %s", k + 1, entry);
		err = hz_buf_printf(&c->set, "set label %zu ", 2000 + k);
		if (!err)
			err = gp_quote(&c->set, text);
		if (!err)
			err = hz_buf_printf(&c->set, " at screen %.5f, %.5f left font \",%.1f\" tc rgb \"%s\" front\n",
					    x / c->fr.w, (top - lh * ((double)k + 0.5)) / c->fr.h, pt,
					    a->in_trend ? "#111111" : "#555555");
	}
	if (!err && shown < c->nitems)
		err = hz_buf_printf(&c->set, "set label 1999 \"... and %zu more\" at screen %.5f, %.5f left font \",%.1f\"\n",
				    c->nitems - shown, x / c->fr.w, (top - lh * ((double)shown + 0.5)) / c->fr.h, pt);
	return err;
}

/* "Doubling time 212 days (95% CI 171–249), fitted on 9 SOTA agents released 2019-02 to 2025-02". */
static int describe_trend(hz_buf *b, const hz_fd_trend *t, const char *who, double conf)
{
	int err = hz_buf_printf(b, "%sdoubling time %.0f days", who, t->doubling_days);

	if (!err && isfinite(t->doubling_ci_low) && isfinite(t->doubling_ci_high))
		err = hz_buf_printf(b, " (%.0f%% CI %.0f–%.0f)", isfinite(conf) ? conf * 100 : 95.0,
				    t->doubling_ci_low, t->doubling_ci_high);
	if (!err && t->nagents)
		err = hz_buf_printf(b, ", fitted on %zu agents", t->nagents);
	if (!err && t->first_date[0])
		err = hz_buf_printf(b, " released %.7s to %.7s", t->first_date, t->last_date);
	return err;
}

static int write_titles(chart *c, const hz_plot_opts *opts)
{
	const hz_fd_trend *t = &c->doc->trend[c->pi], *pt = c->pub ? &c->pub->trend[c->pi] : NULL;
	hz_buf sub = HZ_BUF_INIT;
	char title[256];
	int err;

	snprintf(title, sizeof(title), "%s",
		 opts->title ? opts->title
			     : c->pi == 0 ? "Length of tasks AI agents complete with 50% success"
					  : "Length of tasks AI agents complete with 80% success");
	err = hz_buf_printf(&c->set, "set label 1000 ");
	if (!err)
		err = gp_quote(&c->set, title);
	if (!err)
		err = hz_buf_printf(&c->set, " at screen 0.5, %.4f center font \",15\" front\n", 1 - 24.0 / c->fr.h);
	if (!err && t->present)
		err = describe_trend(&sub, t, "", c->doc->confidence);
	else if (!err)
		err = hz_buf_puts(&sub, "no trend: fewer than two agents with release dates and horizons");
	if (!err)
		err = hz_buf_printf(&c->set, "set label 1001 ");
	if (!err)
		err = gp_quote(&c->set, hz_buf_cstr(&sub));
	if (!err)
		err = hz_buf_printf(&c->set, " at screen 0.5, %.4f center font \",11\" tc rgb \"#333333\" front\n",
				    1 - 50.0 / c->fr.h);
	/* The published trend on a line of its own, in its colour: one long line would not fit. */
	if (!err && pt && pt->present) {
		hz_buf_clear(&sub);
		err = hz_buf_printf(&sub, "%s: ", opts->published_label ? opts->published_label : "METR published");
		if (!err)
			err = describe_trend(&sub, pt, "", NAN);
		if (!err)
			err = hz_buf_printf(&c->set, "set label 1002 ");
		if (!err)
			err = gp_quote(&c->set, hz_buf_cstr(&sub));
		if (!err)
			err = hz_buf_printf(&c->set, " at screen 0.5, %.4f center font \",11\" tc rgb \"" COLOR_METR "\" front\n",
					    1 - 70.0 / c->fr.h);
	}
	hz_buf_release(&sub);
	return err;
}

static void chart_reset(chart *c)
{
	hz_buf_clear(&c->data);
	hz_buf_clear(&c->set);
	c->nobs = 0;
	c->band_rows = 0;
}

/* The data blocks and obstacles for the current frame; counts of each point kind. */
static int build_data(chart *c, size_t counts[4])
{
	const hz_fd_trend *t = &c->doc->trend[c->pi];
	int err = 0;

	set_ranges(c);
	if (t->present && (err = put_line(c, "trend", t, c->x0)) < 0)
		return err;
	if (t->present && t->nband && (err = put_band(c, t, &c->band_rows)) < 0)
		return err;
	if (c->pub && c->pub->trend[c->pi].present && (err = put_line(c, "metrtrend", &c->pub->trend[c->pi], c->x0)) < 0)
		return err;
	if ((err = put_points(c, "intrend", c->doc, 1, 0, &counts[0])) < 0 ||
	    (err = put_points(c, "others", c->doc, 0, 0, &counts[1])) < 0 ||
	    (err = put_points(c, "below", c->doc, -1, 1, &counts[2])) < 0 ||
	    (err = put_points(c, "metr", c->pub, -1, 0, &counts[3])) < 0)
		return err;
	return 0;
}

static int build_settings(chart *c, const hz_plot_opts *opts, int percent)
{
	char d0[11], d1[11];
	int err;

	hz_fmt_date(c->x0, d0);
	hz_fmt_date(c->x1, d1);
	if ((err = write_titles(c, opts)) < 0 || (err = write_labels(c)) < 0 || (err = write_table(c)) < 0)
		return err;
	if ((err = hz_buf_puts(&c->set, "set termoption noenhanced\nset xdata time\nset timefmt \"%Y-%m-%d\"\n")) < 0 ||
	    (err = set_date_tics(c)) < 0)
		return err;
	err = hz_buf_printf(&c->set,
			    "set xrange [\"%s\":\"%s\"]\n"
			    "set logscale y\nset yrange [%.6g:%.6g]\n"
			    "set xlabel \"Model release date\" offset 0,0.3\n"
			    "set ylabel \"Task length (human working time) at %d%% success\" offset 0.5,0\n"
			    "set grid ytics lc rgb \"#dddddd\" lw 1 dt 1\nset grid xtics\n"
			    "set border 3 lc rgb \"#444444\"\nset tics nomirror out\n"
			    "set key at screen 0.5, 0.035 center bottom horizontal maxrows 2 width 1 samplen 2.5 reverse Left "
			    "font \",10\" box lc rgb \"#cccccc\"\n"
			    "set style fill transparent solid 0.18 noborder\n",
			    d0, d1, c->y0, c->y1, percent);
	if (!err)
		err = gp_set_human_tics(&c->set, "y", c->y0, c->y1);
	if (!err)
		err = gp_set_margins(&c->set, &c->fr);
	return err;
}

static int plot_clause(hz_buf *cmd, const char *clause)
{
	return hz_buf_printf(cmd, "%s%s", cmd->len ? ", \\\n     " : "plot ", clause);
}

static int build_plot_cmd(const chart *c, const hz_plot_opts *opts, const size_t counts[4], hz_buf *cmd)
{
	const hz_fd_trend *t = &c->doc->trend[c->pi];
	const char *pubkey = opts->published_label ? opts->published_label : "METR published";
	int err = 0;

	if (t->present && c->band_rows)
		err = plot_clause(cmd, "$band using 1:2:3 with filledcurves lc rgb \"" COLOR_TREND "\" "
				       "title \"trend CI (bootstrap)\"");
	if (!err && t->present)
		err = plot_clause(cmd, "$trend using 1:2 with lines lw 2.2 lc rgb \"" COLOR_TREND "\" title "
				       "\"trend (OLS of log horizon)\"");
	if (!err && c->pub && c->pub->trend[c->pi].present) {
		err = plot_clause(cmd, "$metrtrend using 1:2 with lines lw 1.8 dt 2 lc rgb \"" COLOR_METR "\" title ");
		if (!err)
			err = hz_buf_printf(cmd, "\"%s trend\"", pubkey);
	}
	if (!err && counts[3]) {
		err = plot_clause(cmd, "$metr using 1:2:3:4 with yerrorbars pt 6 ps 1.1 lw 1 lc rgb \"" COLOR_METR
				       "\" title ");
		if (!err)
			err = gp_quote(cmd, pubkey);
	}
	if (!err && counts[1])
		err = plot_clause(cmd, "$others using 1:2:3:4 with yerrorbars pt 6 ps 1.3 lw 1.2 lc rgb \"" COLOR_AGENT
				       "\" title \"other agents\"");
	if (!err && counts[0])
		err = plot_clause(cmd, "$intrend using 1:2:3:4 with yerrorbars pt 7 ps 1.3 lw 1.2 lc rgb \"" COLOR_AGENT
				       "\" title \"agents in the trend (SOTA)\"");
	if (!err && counts[2])
		err = plot_clause(cmd, "$below using 1:2 with points pt 11 ps 1.4 lc rgb \"" COLOR_AGENT
				       "\" title \"below the axis (value in its label)\"");
	return err;
}

int plot_doubling(const hz_fitdoc *doc, int percent, const hz_plot_opts *opts, hz_plot_files *files)
{
	chart c = { .doc = doc, .pub = opts->published, .pi = hz_fd_pindex(percent) };
	hz_buf script = HZ_BUF_INIT, cmd = HZ_BUF_INIT;
	size_t counts[4] = { 0 };
	char name[32];
	int err = 0;

	c.fr = (gp_frame){ 1200, 760, 0.09, 0.975, 0.19, opts->published ? 0.85 : 0.875, 11 };
	if ((err = collect_items(&c)) < 0)
		goto done;
	if (!c.nitems) {
		err = hz_error_set(HZ_ENOTFOUND, "%s: no agent has both a release date and a %d%% horizon to plot",
				   doc->origin, percent);
		goto done;
	}
	snprintf(name, sizeof(name), "doubling-%d", percent);
	if ((err = build_data(&c, counts)) < 0)
		goto done;
	if (place_labels(&c) > 0.5) {
		/* Too crowded for names at the points: number them and list the names beside the chart. */
		chart_reset(&c);
		c.numbered = 1;
		c.fr.r = 0.775;
		if ((err = build_data(&c, counts)) < 0)
			goto done;
		place_labels(&c);
	}
	if ((err = gp_begin(&script, name, percent == 50 ? "Doubling chart: 50% time horizon by release date"
							  : "Doubling chart: 80% time horizon by release date")) < 0 ||
	    (err = build_settings(&c, opts, percent)) < 0 || (err = build_plot_cmd(&c, opts, counts, &cmd)) < 0 ||
	    (err = hz_buf_put(&script, c.data.ptr, c.data.len)) < 0 || (err = hz_buf_put(&script, c.set.ptr, c.set.len)) < 0)
		goto done;
	err = gp_finish(&script, hz_buf_cstr(&cmd), &c.fr, name, opts, files);
done:
	hz_buf_release(&script);
	hz_buf_release(&cmd);
	hz_buf_release(&c.data);
	hz_buf_release(&c.set);
	free(c.obs);
	free(c.items);
	free(c.item_agent);
	return err;
}
