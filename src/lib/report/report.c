/* hz_report_render: the shared table helpers and the format dispatch. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "horizon/error.h"
#include "horizon/fit.h"
#include "report_internal.h"

#define REPORT_MAX (256u << 20)

static const struct {
	const char *name, *ext;
	hz_report_format format;
} formats[] = {
	{ "md", "md", HZ_REPORT_MD },          { "markdown", "md", HZ_REPORT_MD },
	{ "csv", "csv", HZ_REPORT_CSV },       { "html", "html", HZ_REPORT_HTML },
	{ "latex", "tex", HZ_REPORT_LATEX },   { "tex", "tex", HZ_REPORT_LATEX },
	{ "yaml", "yaml", HZ_REPORT_YAML },
};

int hz_report_format_parse(const char *name, hz_report_format *out)
{
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (!strcmp(formats[i].name, name)) {
			*out = formats[i].format;
			return 0;
		}
	return hz_error_set(HZ_EUSAGE, "unknown report format '%s' (md, csv, html, latex, yaml)", name);
}

const char *hz_report_format_ext(hz_report_format format)
{
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (formats[i].format == format)
			return formats[i].ext;
	return "txt";
}

static int by_release(const void *x, const void *y)
{
	const hz_fit_agent *a = *(const hz_fit_agent *const *)x, *b = *(const hz_fit_agent *const *)y;

	if (!a->release_date != !b->release_date)
		return a->release_date ? -1 : 1;
	if (a->release_date && a->release_days != b->release_days)
		return a->release_days < b->release_days ? -1 : 1;
	return strcmp(a->alias, b->alias);
}

int rp_sorted_agents(const hz_fit *doc, const hz_fit_agent ***out)
{
	size_t n = hz_fit_nagents(doc);
	const hz_fit_agent **v = calloc(n ? n : 1, sizeof(*v));

	if (!(*out = v))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++)
		v[i] = hz_fit_agent_at(doc, i);
	qsort(v, n, sizeof(*v), by_release);
	return 0;
}

double rp_tokens(const hz_fit_agent *a)
{
	if (isfinite(a->total_tokens))
		return a->total_tokens;
	/* Built-in agents record 0 tokens: unknown, shown empty, not "0". */
	if (isfinite(a->input_tokens) && isfinite(a->output_tokens) && a->input_tokens + a->output_tokens > 0)
		return a->input_tokens + a->output_tokens;
	return NAN;
}

double rp_cost_per_success(const hz_fit_agent *a)
{
	if (!isfinite(a->cost_usd) || a->successes <= 0)
		return NAN;
	return a->cost_usd / (double)a->successes;
}

char *rp_fmt_cost_doubling(const hz_fit_cost_doubling *c, const rp_cd_style *st, char *out, size_t size)
{
	char f[32], lo[32], hi[32];

	if (!isfinite(c->factor))
		snprintf(out, size, "%s", "");
	else if (isfinite(c->ci_low) && isfinite(c->ci_high))
		snprintf(out, size, "%s%s%s%s%s%s%s", st->times, rp_fmt_num(c->factor, f, sizeof(f)), st->open,
			 rp_fmt_num(c->ci_low, lo, sizeof(lo)), st->sep, rp_fmt_num(c->ci_high, hi, sizeof(hi)), st->close);
	else
		snprintf(out, size, "%s%s", st->times, rp_fmt_num(c->factor, f, sizeof(f)));
	return out;
}

const rp_cd_style rp_cd_plain = { "×", " (", "–", ")" };

const char *rp_design_name(const hz_fit_agent *a)
{
	return a->design ? a->design : "full";
}

char *rp_fmt_pct(double rate, char *out, size_t size)
{
	if (isfinite(rate))
		snprintf(out, size, "%.1f%%", rate * 100);
	else
		snprintf(out, size, "%s", "");
	return out;
}

char *rp_fmt_usd(double usd, char *out, size_t size)
{
	if (isfinite(usd))
		snprintf(out, size, usd < 0.01 && usd > 0 ? "$%.4f" : "$%.2f", usd);
	else
		snprintf(out, size, "%s", "");
	return out;
}

char *rp_fmt_count(double n, char *out, size_t size)
{
	if (isfinite(n))
		snprintf(out, size, "%.0f", n);
	else
		snprintf(out, size, "%s", "");
	return out;
}

char *rp_fmt_ci(const hz_fit_horizon *h, const char *dash, char *out, size_t size)
{
	char lo[32], hi[32];

	if (!isfinite(h->ci_low) || !isfinite(h->ci_high)) {
		snprintf(out, size, "%s", "");
		return out;
	}
	rp_fmt_num(h->ci_low, lo, sizeof(lo));
	rp_fmt_num(h->ci_high, hi, sizeof(hi));
	snprintf(out, size, "%s%s%s", lo, dash, hi);
	return out;
}

int rp_is_adaptive(const hz_fit_agent *a)
{
	return a->design && !strcmp(a->design, "adaptive");
}

const char *rp_interval_name(const hz_fit_agent *a)
{
	if (a->interval && *a->interval)
		return a->interval;
	return rp_is_adaptive(a) ? "profile-likelihood" : "hierarchical-bootstrap";
}

int rp_adaptive_note(hz_buf *b, const hz_fit_agent **v, size_t n, const char *pre, const char *post,
		     int (*text)(hz_buf *b, const char *s))
{
	int err = 0;

	for (size_t i = 0; !err && i < n; i++) {
		const char *iv = rp_interval_name(v[i]);
		size_t j, named = 0;
		if (!rp_is_adaptive(v[i]))
			continue;
		for (j = 0; j < i && !(rp_is_adaptive(v[j]) && !strcmp(rp_interval_name(v[j]), iv)); j++)
			;
		if (j < i)
			continue; /* its interval's sentence is written already */
		if ((err = hz_buf_puts(b, pre)) < 0 || (err = text(b, "Measured by an adaptive sweep, with 95% ")) < 0 ||
		    (err = text(b, iv)) < 0 || (err = text(b, " intervals (not the bootstrap's): ")) < 0)
			break;
		for (j = i; !err && j < n; j++)
			if (rp_is_adaptive(v[j]) && !strcmp(rp_interval_name(v[j]), iv) &&
			    (err = named++ ? hz_buf_puts(b, ", ") : 0) == 0)
				err = text(b, v[j]->alias);
		if (!err)
			err = text(b, ".");
		if (!err)
			err = hz_buf_puts(b, post);
	}
	return err;
}

int rp_trend_sentence(hz_buf *b, const hz_fit *doc, double percent)
{
	const hz_fit_trend *t = rp_trend(doc, percent);
	const char *first, *last;
	int err;

	if (!t)
		return hz_buf_puts(b, "no trend in this fit (a trend needs two or more agents with release dates and horizons)");
	err = hz_buf_printf(b, "%.0f days (%.1f months)", t->doubling_days, t->doubling_days / (365.25 / 12));
	if (!err && isfinite(t->ci_low) && isfinite(t->ci_high))
		err = hz_buf_printf(b, ", %.0f%% CI %.0f to %.0f days",
				    95.0, t->ci_low,
				    t->ci_high);
	if (!err)
		err = hz_buf_printf(b, ", fitted on %zu agents", t->nagents);
	rp_trend_span(doc, t, &first, &last);
	if (!err && first)
		err = hz_buf_printf(b, " released %s to %s", first, last);
	if (!err && isfinite(t->ci_low) && isfinite(t->ci_high) &&
	    (t->doubling_days < t->ci_low || t->doubling_days > t->ci_high))
		err = hz_buf_printf(b, " (%s)", HZ_FIT_OUTSIDE_CI_NOTE);
	return err;
}

int hz_report_render(const hz_fit *doc, const hz_report_opts *opts, char **out, size_t *len)
{
	hz_buf b;
	int err;

	*out = NULL;
	hz_buf_init(&b, REPORT_MAX);
	switch (opts->format) {
	case HZ_REPORT_MD:
		err = rp_render_md(doc, opts, &b);
		break;
	case HZ_REPORT_CSV:
		err = rp_render_csv(doc, opts, &b);
		break;
	case HZ_REPORT_HTML:
		err = rp_render_html(doc, opts, &b);
		break;
	case HZ_REPORT_LATEX:
		err = rp_render_latex(doc, opts, &b);
		break;
	case HZ_REPORT_YAML:
		err = rp_render_yaml(doc, opts, &b);
		break;
	default:
		err = hz_error_set(HZ_EUSAGE, "unknown report format %d", (int)opts->format);
	}
	if (err == HZ_ELIMIT)
		hz_error_set(HZ_ELIMIT, "report larger than %u MiB", REPORT_MAX >> 20);
	if (err < 0) {
		hz_buf_release(&b);
		return err;
	}
	if (len)
		*len = b.len;
	*out = hz_buf_detach(&b);
	return 0;
}

int hz_report_write(const hz_fit *doc, const hz_report_opts *opts, const char *path)
{
	char *text = NULL;
	size_t len = 0;
	int err;

	if ((err = hz_report_render(doc, opts, &text, &len)) < 0)
		return err;
	err = hz_fs_write_atomic(path, text, len);
	free(text);
	return err;
}

int hz_report_doubling(const hz_fit *fit, double percent, hz_doubling *out)
{
	const hz_fit_trend *t = rp_trend(fit, percent);

	if (!t || !isfinite(t->doubling_days))
		return hz_error_set(HZ_ENOTFOUND, "%s: no %g%% trend", hz_fit_origin(fit), percent);
	out->days = t->doubling_days;
	out->ci_low = t->ci_low;
	out->ci_high = t->ci_high;
	out->n_agents = t->nagents;
	rp_trend_span(fit, t, &out->first_date, &out->last_date);
	return 0;
}
