/*
 * The HTML report: one self-contained file (styles inline, SVG charts
 * embedded as data: URIs) that reads offline and prints well.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "horizon/error.h"
#include "report_internal.h"
#include "strutil.h"

#define SVG_MAX (32u << 20)

static const char style[] =
	"body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;max-width:1240px;margin:2em auto;padding:0 1em;"
	"color:#222;line-height:1.45}\n"
	"h1{font-size:1.7em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:1.8em;border-bottom:1px solid #ddd}\n"
	"p.headline{font-size:1.1em;margin:.3em 0}\n"
	"table{border-collapse:collapse;font-size:.9em;margin:.5em 0}\n"
	"th,td{padding:.3em .6em;border-bottom:1px solid #e4e4e4;text-align:right;white-space:nowrap}\n"
	"th{background:#f3f5f8;border-bottom:2px solid #bbb}\n"
	"td.name,th.name{text-align:left}tr.trend td.name{font-weight:bold}\n"
	"div.figure{margin:1em 0}div.figure img{max-width:100%;height:auto;border:1px solid #eee}\n"
	"p.caption{color:#555;font-size:.9em;margin:.2em 0 1.2em}\n"
	"div.footer{margin-top:2.5em;color:#777;font-size:.85em}\n"
	"div.scroll{overflow-x:auto}\n";

static int html_text(hz_buf *b, const char *s)
{
	int err = 0;

	for (; !err && s && *s; s++) {
		switch (*s) {
		case '&':
			err = hz_buf_puts(b, "&amp;");
			break;
		case '<':
			err = hz_buf_puts(b, "&lt;");
			break;
		case '>':
			err = hz_buf_puts(b, "&gt;");
			break;
		case '"':
			err = hz_buf_puts(b, "&quot;");
			break;
		default:
			err = hz_buf_putc(b, *s);
		}
	}
	return err;
}

static int base64(hz_buf *b, const unsigned char *p, size_t n)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	int err = hz_buf_grow(b, (n + 2) / 3 * 4 + 1);

	for (size_t i = 0; !err && i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) | (i + 2 < n ? p[i + 2] : 0);
		char q[4] = { tab[v >> 18 & 63], tab[v >> 12 & 63], i + 1 < n ? tab[v >> 6 & 63] : '=',
			      i + 2 < n ? tab[v & 63] : '=' };
		err = hz_buf_put(b, q, 4);
	}
	return err;
}

/* A numeric cell: the rounded number shown, the exact value in data-value. */
static int num_cell(hz_buf *b, double x, const char *shown)
{
	char v[40];

	if (!isfinite(x)) /* null in the fit file */
		return hz_buf_puts(b, "<td></td>");
	return hz_buf_printf(b, "<td data-value=\"%s\">%s</td>", rp_fmt_exact(x, v, sizeof(v)), shown);
}

/* A CI as durations ("5.6 s – 127497 h"), the exact minutes in data-low/data-high. */
static int ci_cell(hz_buf *b, const hz_fit_horizon *h)
{
	char dlo[40], dhi[40], lo[40], hi[40];

	if (!isfinite(h->ci_low) || !isfinite(h->ci_high))
		return hz_buf_puts(b, "<td></td>");
	return hz_buf_printf(b, "<td data-low=\"%s\" data-high=\"%s\">%s – %s</td>", rp_fmt_exact(h->ci_low, lo, sizeof(lo)),
			     rp_fmt_exact(h->ci_high, hi, sizeof(hi)), hz_fmt_minutes(h->ci_low, dlo, sizeof(dlo)),
			     hz_fmt_minutes(h->ci_high, dhi, sizeof(dhi)));
}

static int html_agents(const hz_fit *doc, hz_buf *b)
{
	const hz_fit_agent **v = NULL;
	int err;

	if ((err = rp_sorted_agents(doc, &v)) < 0)
		return err;
	err = hz_buf_puts(b, "<div class=\"scroll\"><table id=\"agents\">\n<thead><tr><th class=\"name\">Agent</th><th>Release</th><th>Runs</th>"
			     "<th>Tasks</th><th>Success (weighted)</th><th>p50</th><th>p50 95% CI</th>"
			     "<th>p80</th><th>p80 95% CI</th><th>Tokens</th><th>Cost</th><th>Cost / success</th>"
			     "<th>Cost / doubling</th><th>$ / doubling at p50</th>"
			     "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; !err && i < hz_fit_nagents(doc); i++) {
		const hz_fit_agent *a = v[i];
		char s[5][48];
		err = hz_buf_printf(b, "<tr%s data-alias=\"", a->in_trend ? " class=\"trend\"" : "");
		if (!err)
			err = html_text(b, a->alias);
		if (!err)
			err = hz_buf_puts(b, "\"><td class=\"name\">");
		if (!err)
			err = html_text(b, a->alias);
		if (!err)
			err = hz_buf_printf(b, "</td><td>%s</td>", a->release_date ? a->release_date : "");
		if (!err)
			err = num_cell(b, (double)a->runs, rp_fmt_count((double)a->runs, s[0], 48));
		if (!err)
			err = num_cell(b, (double)a->tasks, rp_fmt_count((double)a->tasks, s[1], 48));
		if (!err)
			err = num_cell(b, a->weighted_success_rate, rp_fmt_pct(a->weighted_success_rate, s[2], 48));
		for (int pi = 0; !err && pi < 2; pi++) {
			double est = rp_horizon(a, RP_PERCENT(pi))->estimate;
			err = num_cell(b, est, isfinite(est) ? hz_fmt_minutes(est, s[3], 48) : "");
			if (!err)
				err = ci_cell(b, rp_horizon(a, RP_PERCENT(pi)));
		}
		if (!err)
			err = num_cell(b, rp_tokens(a), rp_fmt_count(rp_tokens(a), s[0], 48));
		if (!err)
			err = num_cell(b, a->cost_usd, rp_fmt_usd(a->cost_usd, s[1], 48));
		if (!err)
			err = num_cell(b, rp_cost_per_success(a), rp_fmt_usd(rp_cost_per_success(a), s[2], 48));
		if (!err) {
			char cd[96];
			err = num_cell(b, a->cost_doubling.factor, rp_fmt_cost_doubling(&a->cost_doubling, &rp_cd_plain, cd, sizeof(cd)));
		}
		if (!err)
			err = num_cell(b, a->cost_doubling.usd_per_doubling,
				       rp_fmt_usd(a->cost_doubling.usd_per_doubling, s[3], 48));
		if (!err)
			err = hz_buf_puts(b, "</tr>\n");
	}
	if (!err)
		err = hz_buf_puts(b, "</tbody>\n</table></div>\n");
	if (!err)
		err = rp_adaptive_note(b, v, hz_fit_nagents(doc), "<p class=\"interval\">", "</p>\n", html_text);
	free(v);
	return err;
}

static int html_trend(const hz_fit *doc, hz_buf *b)
{
	int err = hz_buf_puts(b, "<h2>Trend</h2>\n<div class=\"scroll\"><table id=\"trend\">\n<thead><tr><th class=\"name\">Horizon</th>"
				 "<th>Doubling time (days)</th><th>95% CI (days)</th><th>Bootstrap median</th>"
				 "<th>Agents</th><th class=\"name\">Fitted on</th></tr></thead>\n<tbody>\n");

	for (size_t k = 0; !err && k < hz_fit_npercents(doc); k++) {
		const hz_fit_trend *t = hz_fit_trend_at(doc, k);
		char s[5][48];
		if (!t)
			continue;
		err = hz_buf_printf(b, "<tr data-percent=\"%g\"><td class=\"name\">%g%%</td>", t->percent, t->percent);
		if (!err)
			err = num_cell(b, t->doubling_days, rp_fmt_num(t->doubling_days, s[0], 48));
		if (!err && isfinite(t->ci_low) && isfinite(t->ci_high))
			err = hz_buf_printf(b, "<td data-low=\"%s\" data-high=\"%s\">%s–%s</td>",
					    rp_fmt_exact(t->ci_low, s[3], 48), rp_fmt_exact(t->ci_high, s[4], 48),
					    rp_fmt_num(t->ci_low, s[1], 48),
					    rp_fmt_num(t->ci_high, s[2], 48));
		else if (!err)
			err = hz_buf_puts(b, "<td></td>");
		if (!err)
			err = num_cell(b, t->bootstrap_median, rp_fmt_num(t->bootstrap_median, s[0], 48));
		if (!err)
			err = hz_buf_printf(b, "<td>%zu</td><td class=\"name\">", t->nagents);
		for (size_t j = 0; !err && j < t->nagents; j++) {
			if (j)
				err = hz_buf_puts(b, ", ");
			if (!err)
				err = html_text(b, t->agents[j]);
		}
		if (!err)
			err = hz_buf_puts(b, "</td></tr>\n");
	}
	return err ? err : hz_buf_puts(b, "</tbody>\n</table></div>\n");
}

/* A caption from a chart's file name when the caller gave none. */
static void caption_of(const char *path, char *out, size_t size)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	size_t len = strcspn(base, ".");

	if (!strncmp(base, "doubling-50", len))
		snprintf(out, size, "%s", "50% time horizon of each agent by release date, with the trend and its CI");
	else if (!strncmp(base, "doubling-80", len))
		snprintf(out, size, "%s", "80% time horizon of each agent by release date, with the trend and its CI");
	else if (!strncmp(base, "buckets", len))
		snprintf(out, size, "%s", "Success rate by task length, per agent");
	else if (!strncmp(base, "tasks-hist", len))
		snprintf(out, size, "%s", "Human time of the catalogue's tasks");
	else if (len > 8 && !strncmp(base, "success-", 8))
		snprintf(out, size, "Success curve (fitted logistic and binned success rates): %.*s", (int)(len - 8),
			 base + 8);
	else
		snprintf(out, size, "%.*s", (int)len, base);
}

static int html_figures(const hz_report_opts *opts, hz_buf *b)
{
	int err = 0;

	if (opts->nsvg)
		err = hz_buf_puts(b, "<h2>Charts</h2>\n");
	for (size_t i = 0; !err && i < opts->nsvg; i++) {
		const char *cap = opts->svg_captions ? opts->svg_captions[i] : NULL;
		char *svg = NULL, derived[256];
		size_t len = 0;
		if (!cap) {
			caption_of(opts->svg_paths[i], derived, sizeof(derived));
			cap = derived;
		}
		if ((err = hz_fs_read(opts->svg_paths[i], SVG_MAX, &svg, &len)) < 0) {
			hz_error_prefix("embedding chart '%s': ", opts->svg_paths[i]);
			break;
		}
		err = hz_buf_puts(b, "<div class=\"figure\"><img src=\"data:image/svg+xml;base64,");
		if (!err)
			err = base64(b, (const unsigned char *)svg, len);
		if (!err)
			err = hz_buf_puts(b, "\" alt=\"");
		if (!err)
			err = html_text(b, cap);
		if (!err)
			err = hz_buf_puts(b, "\"><p class=\"caption\">");
		if (!err)
			err = html_text(b, cap);
		if (!err)
			err = hz_buf_puts(b, "</p></div>\n");
		free(svg);
	}
	return err;
}

static int html_notes(const hz_fit *doc, hz_buf *b)
{
	int err = 0, any = 0;

	size_t na = hz_fit_nagents(doc), ne = hz_fit_nexcluded(doc);

	for (size_t i = 0; !err && i < na + ne + hz_fit_ntrend_notes(doc); i++) {
		const char *who = NULL, *what;
		if (i < na) {
			if (!(what = hz_fit_agent_at(doc, i)->note))
				continue;
			who = hz_fit_agent_at(doc, i)->alias;
		} else if (i < na + ne) {
			who = hz_fit_excluded_alias(doc, i - na);
			what = hz_fit_excluded_reason(doc, i - na);
			what = what && *what ? what : "excluded from the trend";
		} else {
			what = hz_fit_trend_note(doc, i - na - ne);
		}
		if (!any++)
			err = hz_buf_puts(b, "<h2>Notes</h2>\n<ul>\n");
		if (!err)
			err = hz_buf_puts(b, "<li>");
		if (!err && who && (err = html_text(b, who)) == 0)
			err = hz_buf_puts(b, ": ");
		if (!err)
			err = html_text(b, what);
		if (!err)
			err = hz_buf_puts(b, "</li>\n");
	}
	return err || !any ? err : hz_buf_puts(b, "</ul>\n");
}

static const rp_table_style html_style = {
	.intro = "<h2>Sensitivity</h2>\n<p>The same runs refitted under each variation (point estimates, method %s "
		 "headline): each agent's horizon as a ratio to the headline; <i>-family</i> is the range over leaving "
		 "each task family out.</p>\n",
	.caption = "<h3>p%g</h3>\n",
	.begin = "<div class=\"scroll\"><table class=\"sensitivity\">\n",
	.end = "</table></div>\n",
	.head_begin = "<tr><th class=\"name\">", .head_sep = "</th><th>", .head_end = "</th></tr>\n",
	.row_begin = "<tr><td class=\"name\">", .sep = "</td><td>", .row_end = "</td></tr>\n",
	.text = html_text,
};

int rp_render_html(const hz_fit *doc, const hz_report_opts *opts, hz_buf *b)
{
	const char *title = opts->title ? opts->title : "Time horizons";
	hz_buf line = HZ_BUF_INIT;
	int err = hz_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");

	if (!err)
		err = html_text(b, title);
	if (!err)
		err = hz_buf_printf(b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", style);
	if (!err)
		err = html_text(b, title);
	if (!err)
		err = hz_buf_puts(b, "</h1>\n");
	for (size_t k = 0; !err && k < hz_fit_npercents(doc); k++) {
		hz_buf_clear(&line);
		if ((err = rp_trend_sentence(&line, doc, hz_fit_percent(doc, k))) == 0)
			err = hz_buf_printf(b, "<p class=\"headline\">%g%% horizon doubling time: ", hz_fit_percent(doc, k));
		if (!err)
			err = html_text(b, hz_buf_cstr(&line));
		if (!err)
			err = hz_buf_puts(b, "</p>\n");
	}
	/* The headline first: the doubling time (above), the agents and the trend; then the charts. */
	if (!err)
		err = hz_buf_puts(b, "<h2>Agents</h2>\n<p>Horizons are human working time (hours of work, never "
				     "calendar days); the exact minutes are in each cell's data attributes. Bold rows are the "
				     "agents the trend is fitted on.</p>\n");
	if (!err)
		err = html_agents(doc, b);
	if (!err)
		err = html_trend(doc, b);
	if (!err)
		err = rp_sensitivity(doc, &html_style, b);
	if (!err)
		err = html_figures(opts, b);
	if (!err)
		err = html_notes(doc, b);
	if (!err)
		err = hz_buf_printf(b, "<div class=\"footer\">Written by horizon %s from ", HZ_VERSION);
	if (!err)
		err = html_text(b, hz_fit_origin(doc));
	if (!err)
		err = hz_buf_printf(b, " (source: %s; method %s", rp_source(doc), hz_fit_method_name(hz_fit_method_of(doc)));
	if (!err)
		err = html_text(b, rp_budget_text(doc));
	if (!err)
		err = hz_buf_puts(b, ").</div>\n</body>\n</html>\n");
	hz_buf_release(&line);
	return err;
}
