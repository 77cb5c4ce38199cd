/*
 * The doubling chart's words: point labels placed clear of the data, the
 * numbered key table for crowded charts, and the titles.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "horizon/error.h"
#include "plot_doubling.h"
#include "plot_internal.h"
#include "strutil.h"

static int by_release(const void *a, const void *b)
{
	const hz_fit_agent *x = *(const hz_fit_agent *const *)a, *y = *(const hz_fit_agent *const *)b;

	if (x->release_days != y->release_days)
		return x->release_days < y->release_days ? -1 : 1;
	return strcmp(x->alias, y->alias);
}

int dbl_collect_items(dbl_chart *c)
{
	size_t cap = hz_fit_nagents(c->doc) ? hz_fit_nagents(c->doc) : 1;

	if (!(c->items = calloc(cap, sizeof(*c->items))) || !(c->item_agent = calloc(cap, sizeof(*c->item_agent))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	for (size_t i = 0; i < hz_fit_nagents(c->doc); i++)
		if (dbl_drawable(hz_fit_agent_at(c->doc, i), c->percent))
			c->item_agent[c->nitems++] = hz_fit_agent_at(c->doc, i);
	qsort(c->item_agent, c->nitems, sizeof(*c->item_agent), by_release);
	return 0;
}

/* "alias", "alias (extrapolated)" or, for a point below the axis, "alias (p50 0.00011 s)". */
static void below_text_named(const dbl_chart *c, const hz_fit_agent *a, const char *name, char *text, size_t size)
{
	char v[32];

	if (rp_horizon(a, c->percent)->estimate < c->y0)
		snprintf(text, size, "%s (p%g %s)", name, c->percent, hz_fmt_minutes(rp_horizon(a, c->percent)->estimate, v, sizeof(v)));
	else
		snprintf(text, size, "%s%s", name, dbl_beyond(c, a) ? " (extrapolated)" : "");
}

static void below_text(const dbl_chart *c, const hz_fit_agent *a, char *text, size_t size)
{
	below_text_named(c, a, rp_display_name(c->opts, a->alias), text, size);
}

static void label_text(const dbl_chart *c, size_t k, char *text, size_t size)
{
	const hz_fit_agent *a = c->item_agent[k];

	if (c->numbered)
		snprintf(text, size, "%zu", k + 1);
	else
		below_text(c, a, text, size);
}

double dbl_place_labels(dbl_chart *c)
{
	const double em = (c->numbered ? NUMBER_PT : LABEL_PT) * PX_PER_PT;
	lbl_rect area = { c->fr.l * c->fr.w + 2, c->fr.b * c->fr.h + 2, c->fr.r * c->fr.w - 2, c->fr.t * c->fr.h - 2 };
	double crowd = 0;

	for (size_t k = 0; k < c->nitems; k++) {
		const hz_fit_agent *a = c->item_agent[k];
		lbl_item *it = &c->items[k];
		char text[160];
		label_text(c, k, text, sizeof(text));
		it->ax = dbl_px_x(c, a->release_days);
		it->ay = dbl_px_y(c, rp_horizon(a, c->percent)->estimate < c->y0 ? c->y0 * 1.2 : rp_horizon(a, c->percent)->estimate);
		it->w = lbl_text_width(text, em) + 2;
		it->h = em * 1.2;
	}
	lbl_place(c->items, c->nitems, c->obs, c->nobs, area);
	/*
	 * Crowded means a label on another label, a point or an error bar; a label
	 * across a trend line reads fine, and so does a leader past a point.
	 */
	for (size_t k = 0; k < c->nitems; k++) {
		lbl_rect r = lbl_box(&c->items[k]);
		double data = 0;
		for (size_t j = 0; j < c->nitems; j++)
			if (j != k)
				crowd += lbl_overlap(r, lbl_box(&c->items[j]));
		/* A corner over the tip of a CI bar (a few pixels of a 4-pixel bar) still reads. */
		for (size_t j = c->nline_obs; j < c->nobs; j++)
			data += lbl_overlap(r, c->obs[j]);
		crowd += data > 40 ? data : 0;
		/* A leader through a label or across another leader (lbl_place's cost) points at the wrong thing. */
		if (c->items[k].cost >= 2900)
			crowd += 1000;
	}
	return crowd;
}

int dbl_write_labels(dbl_chart *c)
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
int dbl_write_table(dbl_chart *c)
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
		const hz_fit_agent *a = c->item_agent[k];
		char text[128];
		char name[64], entry[96];
		const char *shown_name = rp_display_name(c->opts, a->alias);
		snprintf(name, sizeof(name), "%.28s%s", shown_name, strlen(shown_name) > 28 ? "…" : "");
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
static int describe_trend(hz_buf *b, const hz_fit *fit, const hz_fit_trend *t, const char *who, double conf)
{
	const char *first, *last;
	int err = hz_buf_printf(b, "%sdoubling time %.0f days", who, t->doubling_days);

	if (!err && isfinite(t->ci_low) && isfinite(t->ci_high))
		err = hz_buf_printf(b, " (%.0f%% CI %.0f–%.0f)", isfinite(conf) ? conf * 100 : 95.0,
				    t->ci_low, t->ci_high);
	if (!err && t->nagents)
		err = hz_buf_printf(b, ", fitted on %zu agents", t->nagents);
	rp_trend_span(fit, t, &first, &last);
	if (!err && first)
		err = hz_buf_printf(b, " released %.7s to %.7s", first, last);
	return err;
}

void dbl_headline(const dbl_chart *c, char *text, size_t size)
{
	const hz_fit_trend *t = c->trend;

	if (isfinite(t->ci_low) && isfinite(t->ci_high))
		snprintf(text, size, "Doubling time: %.0f days (95%% CI %.0f–%.0f)", t->doubling_days, t->ci_low, t->ci_high);
	else
		snprintf(text, size, "Doubling time: %.0f days", t->doubling_days);
}

int dbl_write_titles(dbl_chart *c, const hz_plot_opts *opts)
{
	const hz_fit_trend *t = c->trend, *pt = c->pub_trend;
	hz_buf sub = HZ_BUF_INIT;
	char title[256];
	int err;

	/* One --title serves both charts: each says which success rate it shows. */
	if (opts->title)
		snprintf(title, sizeof(title), "%s (%g%% success)", opts->title, c->percent);
	else
		snprintf(title, sizeof(title), "Length of tasks AI agents complete with %g%% success", c->percent);
	err = hz_buf_printf(&c->set, "set label 1000 ");
	if (!err)
		err = gp_quote(&c->set, title);
	if (!err)
		err = hz_buf_printf(&c->set, " at screen 0.5, %.4f center font \",15\" front\n", 1 - 24.0 / c->fr.h);
	if (!err && t)
		err = describe_trend(&sub, c->doc, t, "", NAN);
	else if (!err)
		err = hz_buf_puts(&sub, "no trend in this fit (a trend needs two or more agents with release dates and horizons)");
	if (!err)
		err = hz_buf_printf(&c->set, "set label 1001 ");
	if (!err)
		err = gp_quote(&c->set, hz_buf_cstr(&sub));
	if (!err)
		err = hz_buf_printf(&c->set, " at screen 0.5, %.4f center font \",11\" tc rgb \"#333333\" front\n",
				    1 - 50.0 / c->fr.h);
	/* The headline number, large, inside the plot's empty top-left corner (where slow early models never reach). */
	if (!err && t) {
		char head[96];
		dbl_headline(c, head, sizeof(head));
		err = hz_buf_printf(&c->set, "set label 1003 ");
		if (!err)
			err = gp_quote(&c->set, head);
		if (!err)
			err = hz_buf_printf(&c->set, " at graph 0.02, graph 0.94 left font \",%g\" tc rgb \"" COLOR_TREND "\" front\n",
					    HEADLINE_PT);
	}
	/* The published trend on a line of its own, in its colour: one long line would not fit. */
	if (!err && pt) {
		hz_buf_clear(&sub);
		err = hz_buf_printf(&sub, "%s: ", opts->published_label ? opts->published_label : "METR published");
		if (!err)
			err = describe_trend(&sub, c->pub, pt, "", NAN);
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

