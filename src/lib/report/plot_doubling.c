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

#include "array.h"
#include "horizon/error.h"
#include "plot_doubling.h"
#include "plot_internal.h"
#include "strutil.h"

#define FLOOR_MINUTES (1.0 / 120) /* half a second: the lowest error bars go */

double dbl_px_x(const dbl_chart *c, double days)
{
	return (c->fr.l + (days - (double)c->x0) / (double)(c->x1 - c->x0) * (c->fr.r - c->fr.l)) * c->fr.w;
}

double dbl_px_y(const dbl_chart *c, double minutes)
{
	double v = fmin(fmax(minutes, c->y0), c->y1);

	return (c->fr.b + (log(v) - log(c->y0)) / (log(c->y1) - log(c->y0)) * (c->fr.t - c->fr.b)) * c->fr.h;
}

static int add_obs(dbl_chart *c, double x0, double y0, double x1, double y1)
{
	int rc = HZ_ARRAY_RESERVE(c->obs, c->cap_obs, c->nobs + 1);

	if (rc)
		return rc;
	c->obs[c->nobs++] = (lbl_rect){ fmin(x0, x1), fmin(y0, y1), fmax(x0, x1), fmax(y0, y1) };
	return 0;
}

int dbl_drawable(const hz_fit_agent *a, double percent)
{
	const hz_fit_horizon *h = rp_horizon(a, percent);

	return a->release_date && isfinite(h->estimate) && h->estimate > 0;
}

int dbl_beyond(const dbl_chart *c, const hz_fit_agent *a)
{
	double limit = isfinite(a->longest_task_minutes) ? a->longest_task_minutes : c->longest;

	return isfinite(limit) && dbl_drawable(a, c->percent) && rp_horizon(a, c->percent)->estimate > limit;
}

/* The highest estimate drawn, over the user's agents and the published ones. */
static double max_estimate(const dbl_chart *c)
{
	const hz_fit *docs[2] = { c->doc, c->pub };
	double m = 0;

	for (int k = 0; k < 2; k++)
		for (size_t i = 0; docs[k] && i < hz_fit_nagents(docs[k]); i++) {
			const hz_fit_agent *a = hz_fit_agent_at(docs[k], i);
			if (dbl_drawable(a, c->percent))
				m = fmax(m, rp_horizon(a, c->percent)->estimate);
		}
	return m;
}

/*
 * The axis covers every point and its CI, except that no CI stretches it more
 * than CI_REACH times above the highest point: one agent with an upper bound of
 * millions of minutes would otherwise leave most of the chart empty.  Bars cut
 * there end in an arrow (put_points).
 */
#define CI_REACH 8.0

static void extend_ranges(dbl_chart *c, const hz_fit *doc, int *first, double *min_est)
{
	double cap = max_estimate(c) * CI_REACH;

	for (size_t i = 0; doc && i < hz_fit_nagents(doc); i++) {
		const hz_fit_agent *a = hz_fit_agent_at(doc, i);
		const hz_fit_horizon *h = rp_horizon(a, c->percent);
		double lo = isfinite(h->ci_low) && h->ci_low > 0 ? fmin(h->ci_low, h->estimate) : h->estimate;
		double hi = isfinite(h->ci_high) ? fmax(fmin(h->ci_high, cap), h->estimate) : h->estimate;
		if (!dbl_drawable(a, c->percent))
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

static void set_ranges(dbl_chart *c)
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
	/* A crowded chart's newest cluster gets room on its right for its names. */
	c->x1 += c->room_right ? pad + (c->x1 - c->x0) * c->room_right / 6 : pad;
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
static int set_date_tics(dbl_chart *c)
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
/* want_trend, below, beyond: -1 any, 0 not, 1 only. */
static int put_points(dbl_chart *c, const char *block, const hz_fit *doc, int want_trend, int below, int beyond,
		      size_t *count)
{
	int err = hz_buf_printf(&c->data, "$%s << EOD\n", block);

	*count = 0;
	for (size_t i = 0; !err && doc && i < hz_fit_nagents(doc); i++) {
		const hz_fit_agent *a = hz_fit_agent_at(doc, i);
		const hz_fit_horizon *h = rp_horizon(a, c->percent);
		double v, lo, hi;
		if (!dbl_drawable(a, c->percent) || (want_trend >= 0 && (a->in_trend != 0) != want_trend) ||
		    (below != (h->estimate < c->y0)) || (beyond >= 0 && dbl_beyond(c, a) != beyond))
			continue;
		/* Points below the axis sit just inside it, drawn as a down-pointing triangle. */
		v = h->estimate < c->y0 ? c->y0 * 1.2 : h->estimate;
		lo = isfinite(h->ci_low) && h->ci_low > 0 ? fmax(fmin(h->ci_low, v), c->y0) : v;
		hi = isfinite(h->ci_high) ? fmin(fmax(h->ci_high, v), c->y1) : v;
		if ((err = put_date(&c->data, a->release_days)) < 0)
			break;
		err = hz_buf_printf(&c->data, " %.6g %.6g %.6g\n", v, lo, hi);
		if (!err && isfinite(h->ci_high) && h->ci_high > c->y1) {
			/* The bar is cut at the top: an arrow says so (x in gnuplot's time: seconds since 1970). */
			double t = (double)a->release_days * 86400.0;
			err = hz_buf_printf(&c->set,
					    "set arrow from %.0f,%.6g to %.0f,%.6g head filled size screen 0.012,25 "
					    "lw 1.2 lc rgb \"%s\" front\n",
					    t, c->y1 / 2.2, t, c->y1, doc == c->pub ? COLOR_METR : COLOR_AGENT);
		}
		/* The point and its bar are obstacles for every label. */
		if (!err)
			err = add_obs(c, dbl_px_x(c, a->release_days) - 6, dbl_px_y(c, v) - 6, dbl_px_x(c, a->release_days) + 6,
				      dbl_px_y(c, v) + 6);
		if (!err)
			err = add_obs(c, dbl_px_x(c, a->release_days) - 2, dbl_px_y(c, lo), dbl_px_x(c, a->release_days) + 2,
				      dbl_px_y(c, hi));
		(*count)++;
	}
	return err ? err : hz_buf_puts(&c->data, "EOD\n");
}

/* The fitted line over the whole date range, sampled, as a datablock and as label obstacles. */
static int put_line(dbl_chart *c, const char *block, const hz_fit_trend *t, long from, size_t *rows)
{
	int err = hz_buf_printf(&c->data, "$%s << EOD\n", block);
	const int steps = 80;

	*rows = 0;
	for (int k = 0; !err && k <= steps; k++) {
		long d = from + (long)((double)(c->x1 - from) * k / steps);
		double v = exp(t->intercept + t->slope_per_day * (double)d);
		if (!isfinite(v) || v < c->y0 / 4 || v > c->y1 * 4)
			continue;
		if ((err = put_date(&c->data, d)) == 0)
			err = hz_buf_printf(&c->data, " %.6g\n", v);
		(*rows)++;
		if (!err && v >= c->y0 && v <= c->y1)
			err = add_obs(c, dbl_px_x(c, d) - 3, dbl_px_y(c, v) - 3, dbl_px_x(c, d) + 3, dbl_px_y(c, v) + 3);
	}
	return err ? err : hz_buf_puts(&c->data, "EOD\n");
}

/* The bootstrap band as a datablock; *rows says how many rows it has (0: nothing to draw). */
static int put_band(dbl_chart *c, const hz_fit_trend *t, size_t *rows)
{
	int err = hz_buf_puts(&c->data, "$band << EOD\n");

	*rows = 0;
	for (size_t k = 0; !err && k < t->nband; k++) {
		const hz_fit_band_point *b = &t->band[k];
		if (!(b->low > 0) || !(b->high > 0) || b->day < c->x0 || b->day > c->x1)
			continue;
		if ((err = put_date(&c->data, b->day)) == 0)
			err = hz_buf_printf(&c->data, " %.6g %.6g\n", fmax(b->low, c->y0 / 2), fmin(b->high, c->y1 * 2));
		(*rows)++;
	}
	return err ? err : hz_buf_puts(&c->data, "EOD\n");
}

/*
 * The horizons and CI bounds beyond the longest task of the sweep are
 * extrapolations: when any lies above it, a dashed line at the longest task
 * and the region above it shaded and labelled, both clear of the point labels.
 */
static int put_extrapolation(dbl_chart *c)
{
	const double em = LABEL_PT * PX_PER_PT;
	double reach = 0, y, top = c->fr.t * c->fr.h, x = c->fr.l * c->fr.w + 8;
	char len[32], text[96];
	int err, split;

	c->beyond_y = NAN;
	for (size_t i = 0; isfinite(c->longest) && i < hz_fit_nagents(c->doc); i++) {
		const hz_fit_agent *a = hz_fit_agent_at(c->doc, i);
		const hz_fit_horizon *h = rp_horizon(a, c->percent);
		if (dbl_drawable(a, c->percent))
			reach = fmax(reach, fmax(h->estimate, isfinite(h->ci_high) ? h->ci_high : 0));
	}
	if (!isfinite(c->longest) || !(reach > c->longest) || c->longest >= c->y1)
		return 0;
	c->beyond_y = fmax(c->longest, c->y0);
	y = dbl_px_y(c, c->beyond_y);
	hz_fmt_minutes(c->longest, len, sizeof(len));
	err = hz_buf_printf(&c->set,
			    "set object 50 rectangle from graph 0, first %.6g to graph 1, graph 1 behind "
			    "fc rgb \"#eeeeee\" fillstyle solid 1.0 noborder\n"
			    "set arrow 51 from graph 0, first %.6g to graph 1, first %.6g nohead dt 2 lw 1.3 "
			    "lc rgb \"#666666\" back\n",
			    c->beyond_y, c->beyond_y, c->beyond_y);
	if (!err)
		err = add_obs(c, c->fr.l * c->fr.w, y - 3, c->fr.r * c->fr.w, y + 3);
	/* "extrapolation" just above the line, the length just below; together below it when the top is near. */
	split = top - y > 2.6 * em;
	snprintf(text, sizeof(text), "longest task in the sweep: %s%s", len, split ? "" : " (above: extrapolation)");
	if (!err)
		err = hz_buf_puts(&c->set, "set label 52 ");
	if (!err)
		err = gp_quote(&c->set, text);
	if (!err)
		err = hz_buf_printf(&c->set, " at screen %.5f, %.5f left font \",%g\" tc rgb \"#555555\" front\n",
				    x / c->fr.w, (y - 0.85 * em) / c->fr.h, LABEL_PT);
	if (!err)
		err = add_obs(c, x - 2, y - 1.5 * em, x + lbl_text_width(text, em) + 4, y);
	if (!err && split) {
		err = hz_buf_printf(&c->set, "set label 53 \"extrapolation\" at screen %.5f, %.5f left font \",%g\" "
					     "tc rgb \"#555555\" front\n",
				    x / c->fr.w, (y + 0.85 * em) / c->fr.h, LABEL_PT);
		if (!err)
			err = add_obs(c, x - 2, y, x + lbl_text_width("extrapolation", em) + 4, y + 1.5 * em);
	}
	return err;
}

static void chart_reset(dbl_chart *c)
{
	hz_buf_clear(&c->data);
	hz_buf_clear(&c->set);
	c->nobs = 0;
	c->band_rows = 0;
	c->line_rows[0] = c->line_rows[1] = 0;
}

/* The data blocks and obstacles for the current frame; counts of each point kind. */
static int build_data(dbl_chart *c, size_t counts[5])
{
	const hz_fit_trend *t = c->trend;
	int err = 0;

	set_ranges(c);
	if (t && (err = put_line(c, "trend", t, c->x0, &c->line_rows[0])) < 0)
		return err;
	if (t && t->nband && (err = put_band(c, t, &c->band_rows)) < 0)
		return err;
	if (c->pub && c->pub_trend && (err = put_line(c, "metrtrend", c->pub_trend, c->x0, &c->line_rows[1])) < 0)
		return err;
	c->nline_obs = c->nobs; /* the obstacles so far are lines; points and bars follow */
	if ((err = put_points(c, "intrend", c->doc, 1, 0, 0, &counts[0])) < 0 ||
	    (err = put_points(c, "others", c->doc, 0, 0, 0, &counts[1])) < 0 ||
	    (err = put_points(c, "below", c->doc, -1, 1, -1, &counts[2])) < 0 ||
	    (err = put_points(c, "metr", c->pub, -1, 0, -1, &counts[3])) < 0 ||
	    (err = put_points(c, "beyond", c->doc, -1, 0, 1, &counts[4])) < 0)
		return err;
	if (t) {
		/* The headline (dbl_write_titles) at graph 0.02, 0.94: no label goes over it. */
		char head[96];
		double x = (c->fr.l + 0.02 * (c->fr.r - c->fr.l)) * c->fr.w, y = (c->fr.b + 0.94 * (c->fr.t - c->fr.b)) * c->fr.h;
		double em = HEADLINE_PT * PX_PER_PT;
		dbl_headline(c, head, sizeof(head));
		if ((err = add_obs(c, x, y - 0.7 * em, x + lbl_text_width(head, em), y + 0.7 * em)) < 0)
			return err;
	}
	return put_extrapolation(c);
}

static int build_settings(dbl_chart *c, const hz_plot_opts *opts, double percent, const size_t counts[5])
{
	/* The key's entries: more than two rows of three need the room down to the canvas' edge. */
	size_t entries = (c->trend && c->band_rows) + (c->trend && c->line_rows[0]) +
			 (c->pub && c->pub_trend && c->line_rows[1]);
	char d0[11], d1[11];
	int err;

	for (int k = 0; k < 5; k++)
		entries += counts[k] > 0;
	hz_fmt_date(c->x0, d0);
	hz_fmt_date(c->x1, d1);
	if ((err = dbl_write_titles(c, opts)) < 0 || (err = dbl_write_labels(c)) < 0 || (err = dbl_write_table(c)) < 0)
		return err;
	if ((err = hz_buf_puts(&c->set, "set termoption noenhanced\nset xdata time\nset timefmt \"%Y-%m-%d\"\n")) < 0 ||
	    (err = set_date_tics(c)) < 0)
		return err;
	err = hz_buf_printf(&c->set,
			    "set xrange [\"%s\":\"%s\"]\n"
			    "set logscale y\nset yrange [%.6g:%.6g]\n"
			    "set xlabel \"Model release date\" offset 0,0.3\n"
			    "set ylabel \"Task length (human working time) at %g%% success\" offset -1.2,0\n"
			    "set grid ytics lc rgb \"#dddddd\" lw 1 dt 1\nset grid xtics\n"
			    "set border 3 lc rgb \"#444444\"\nset tics nomirror out\n"
			    "set key at screen 0.5, %.3f center bottom horizontal maxrows 2 width -2 samplen 2.5 reverse Left "
			    "font \",10\" box lc rgb \"#cccccc\"\n"
			    "set style fill transparent solid 0.18 noborder\n",
			    d0, d1, c->y0, c->y1, percent, entries > 6 ? 0.008 : 0.045);
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

static int build_plot_cmd(const dbl_chart *c, const hz_plot_opts *opts, const size_t counts[5], hz_buf *cmd)
{
	const hz_fit_trend *t = c->trend;
	const char *pubkey = opts->published_label ? opts->published_label : "METR published";
	int err = 0;

	if (t && c->band_rows)
		err = plot_clause(cmd, hz_fit_is_published(c->doc)
					       ? "$band using 1:2:3 with filledcurves lc rgb \"" COLOR_TREND "\" "
						 "title \"trend 95% CI (draws within the published CIs)\""
					       : "$band using 1:2:3 with filledcurves lc rgb \"" COLOR_TREND "\" "
						 "title \"trend CI (bootstrap)\"");
	/* gnuplot warns about (and we fail on) empty datablocks: draw only what has rows. */
	if (!err && t && c->line_rows[0])
		err = plot_clause(cmd, "$trend using 1:2 with lines lw 2.2 lc rgb \"" COLOR_TREND "\" title "
				       "\"trend (OLS of log horizon)\"");
	if (!err && c->pub && c->pub_trend && c->line_rows[1]) {
		err = plot_clause(cmd, "$metrtrend using 1:2 with lines lw 1.8 dt 2 lc rgb \"" COLOR_METR "\" title ");
		if (!err) {
			char key[160];
			snprintf(key, sizeof(key), "%s trend", pubkey);
			err = gp_quote(cmd, key);
		}
	}
	if (!err && counts[3]) {
		err = plot_clause(cmd, "$metr using 1:2:3:4 with yerrorbars pt 6 ps 1.1*PS lw 1 lc rgb \"" COLOR_METR
				       "\" title ");
		if (!err)
			err = gp_quote(cmd, pubkey);
	}
	if (!err && counts[1])
		err = plot_clause(cmd, "$others using 1:2:3:4 with yerrorbars pt 6 ps 1.3*PS lw 1.2 lc rgb \"" COLOR_AGENT
				       "\" title \"other agents\"");
	if (!err && counts[0])
		err = plot_clause(cmd, "$intrend using 1:2:3:4 with yerrorbars pt 7 ps 1.3*PS lw 1.2 lc rgb \"" COLOR_AGENT
				       "\" title \"agents in the trend (SOTA)\"");
	if (!err && counts[4])
		err = plot_clause(cmd, "$beyond using 1:2:3:4 with yerrorbars pt 12 ps 1.6*PS lw 1.2 lc rgb \"" COLOR_AGENT
				       "\" title \"beyond the longest task (extrapolated)\"");
	if (!err && counts[2])
		err = plot_clause(cmd, "$below using 1:2 with points pt 11 ps 1.4*PS lc rgb \"" COLOR_AGENT
				       "\" title \"below the axis (value in its label)\"");
	return err;
}

int plot_doubling(const hz_fit *doc, double percent, const hz_plot_opts *opts, hz_plot_files *files)
{
	dbl_chart c = { .doc = doc, .pub = opts->published, .percent = percent, .opts = opts, .trend = rp_trend(doc, percent),
			.pub_trend = opts->published ? rp_trend(opts->published, percent) : NULL };
	hz_buf script = HZ_BUF_INIT, cmd = HZ_BUF_INIT;
	size_t counts[5] = { 0 };
	char name[32], what[80];
	int err = 0;

	c.longest = hz_fit_longest_task(doc);
	c.fr = (gp_frame){ 1200, 760, 0.09, 0.975, 0.165, opts->published ? 0.85 : 0.875, 11 };
	if ((err = dbl_collect_items(&c)) < 0)
		goto done;
	if (!c.nitems) {
		err = hz_error_set(HZ_ENOTFOUND, "%s: no agent has both a release date and a %g%% horizon to plot",
				   hz_fit_origin(doc), percent);
		goto done;
	}
	snprintf(name, sizeof(name), "doubling-%g", percent);
	if ((err = build_data(&c, counts)) < 0)
		goto done;
	/* Crowded: more room right of the newest models, with leader lines fanning out (twice). */
	while (c.room_right < 2 && dbl_place_labels(&c) > 0.5) {
		chart_reset(&c);
		c.room_right++;
		if ((err = build_data(&c, counts)) < 0)
			goto done;
	}
	if (c.room_right == 2 && dbl_place_labels(&c) > 0.5) {
		/* Still too crowded for names at the points: number them and list the names beside the chart. */
		chart_reset(&c);
		c.room_right = 0;
		c.numbered = 1;
		c.fr.r = 0.775;
		if ((err = build_data(&c, counts)) < 0)
			goto done;
		dbl_place_labels(&c);
	}
	snprintf(what, sizeof(what), "Doubling chart: %g%% time horizon by release date", percent);
	if ((err = gp_begin(&script, name, what)) < 0 ||
	    (err = build_settings(&c, opts, percent, counts)) < 0 || (err = build_plot_cmd(&c, opts, counts, &cmd)) < 0 ||
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
