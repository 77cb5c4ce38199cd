/* The CSV report: one row per agent at full precision, for spreadsheets and scripts (RFC 4180). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

static int csv_str(hz_buf *b, const char *s)
{
	int err;

	if (!s)
		return 0;
	if (!strpbrk(s, ",\"\r\n"))
		return hz_buf_puts(b, s);
	err = hz_buf_putc(b, '"');
	for (; !err && *s; s++)
		err = *s == '"' ? hz_buf_puts(b, "\"\"") : hz_buf_putc(b, *s);
	return err ? err : hz_buf_putc(b, '"');
}

/* Numbers exactly as the fit file holds them; empty for null. */
static int csv_num(hz_buf *b, double x)
{
	char s[40];
	int err = hz_buf_putc(b, ',');

	return err ? err : hz_buf_puts(b, rp_fmt_exact(x, s, sizeof(s)));
}

/* A count, rounded (successes are fractional with partial-credit scores). */
static int csv_count(hz_buf *b, double x)
{
	return isfinite(x) && x >= 0 ? hz_buf_printf(b, ",%.0f", x) : hz_buf_putc(b, ',');
}

/* The panel's columns after the others: p50_<label> (minutes), or p50_<label>_min/_max for the families. */
static int csv_sens_head(hz_buf *b, const hz_fit *doc, const hz_fit_sens_column *cols, size_t nc)
{
	int err = 0;

	for (size_t c = 0; !err && c < nc; c++)
		for (size_t k = 0; !err && k < hz_fit_npercents(doc); k++) {
			char lab[40];
			size_t j = 0;
			for (const char *s = cols[c].label; *s && j + 1 < sizeof(lab); s++)
				lab[j++] = *s == ' ' ? '_' : *s;
			lab[j] = '\0';
			if (!strcmp(lab, "-family"))
				snprintf(lab, sizeof(lab), "without_family");
			err = cols[c].n == 1 ? hz_buf_printf(b, ",p%g_%s", hz_fit_percent(doc, k), lab)
					     : hz_buf_printf(b, ",p%g_%s_min,p%g_%s_max", hz_fit_percent(doc, k), lab,
							     hz_fit_percent(doc, k), lab);
		}
	return err;
}

static int csv_sens_row(hz_buf *b, const hz_fit *doc, const hz_fit_agent *a, const hz_fit_sens_column *cols, size_t nc)
{
	size_t ai = 0;
	int err = 0;

	while (ai < hz_fit_nagents(doc) && hz_fit_agent_at(doc, ai) != a)
		ai++;
	for (size_t c = 0; !err && c < nc; c++)
		for (size_t k = 0; !err && k < hz_fit_npercents(doc); k++) {
			double lo, hi;
			hz_fit_sensitivity_range(doc, &cols[c], ai, k, &lo, &hi);
			err = csv_num(b, lo);
			if (!err && cols[c].n > 1)
				err = csv_num(b, hi);
		}
	return err;
}

int rp_render_csv(const hz_fit *doc, const hz_report_opts *opts, hz_buf *b)
{
	const hz_fit_agent **v = NULL;
	hz_fit_sens_column cols[16];
	size_t nc = hz_fit_sensitivity_columns(doc, cols, 16);
	int err;

	if ((err = rp_sorted_agents(doc, &v)) < 0)
		return err;
	err = hz_buf_puts(b, "alias,release_date,runs,tasks,families,successes,weighted_success_rate");
	for (size_t k = 0; !err && k < hz_fit_npercents(doc); k++) {
		double p = hz_fit_percent(doc, k);
		err = hz_buf_printf(b, ",p%g_minutes,p%g_ci_low,p%g_ci_high", p, p, p);
	}
	if (!err)
		err = hz_buf_puts(b, ",slope,intercept,total_tokens,cost_usd,cost_per_success_usd,cost_doubling_factor,cost_doubling_ci_low,"
				     "cost_doubling_ci_high,cost_at_p50_usd,cost_per_doubling_usd,status,sota,in_trend,method,design,interval");
	if (!err)
		err = csv_sens_head(b, doc, cols, nc);
	if (!err)
		err = hz_buf_puts(b, "\r\n");
	for (size_t i = 0; !err && i < hz_fit_nagents(doc); i++) {
		const hz_fit_agent *a = v[i];
		if ((err = csv_str(b, a->alias)) < 0 ||
		    (err = hz_buf_printf(b, ",%s", a->release_date ? a->release_date : "")) < 0 ||
		    (err = csv_count(b, (double)a->runs)) < 0 || (err = csv_count(b, (double)a->tasks)) < 0 ||
		    (err = csv_count(b, (double)a->families)) < 0 || (err = csv_count(b, a->successes)) < 0 ||
		    (err = csv_num(b, a->weighted_success_rate)) < 0)
			break;
		for (size_t k = 0; !err && k < a->nhorizons; k++)
			if ((err = csv_num(b, a->horizons[k].estimate)) == 0 && (err = csv_num(b, a->horizons[k].ci_low)) == 0)
				err = csv_num(b, a->horizons[k].ci_high);
		if (!err && (err = csv_num(b, a->slope)) == 0 && (err = csv_num(b, a->intercept)) == 0 &&
		    (err = csv_num(b, rp_tokens(a))) == 0 && (err = csv_num(b, a->cost_usd)) == 0 &&
		    (err = csv_num(b, rp_cost_per_success(a))) == 0 && (err = csv_num(b, a->cost_doubling.factor)) == 0 &&
		    (err = csv_num(b, a->cost_doubling.ci_low)) == 0 && (err = csv_num(b, a->cost_doubling.ci_high)) == 0 &&
		    (err = csv_num(b, a->cost_doubling.usd_at_p50)) == 0 &&
		    (err = csv_num(b, a->cost_doubling.usd_per_doubling)) == 0 && (err = hz_buf_putc(b, ',')) == 0 &&
		    (err = csv_str(b, hz_fit_status_name(a->status))) == 0)
			err = hz_buf_printf(b, ",%s,%s,%s", a->sota ? "true" : "false", a->in_trend ? "true" : "false",
					    hz_fit_method_name(hz_fit_method_of(doc)));
		if (!err)
			err = hz_buf_putc(b, ',');
		if (!err)
			err = csv_str(b, rp_design_name(a));
		if (!err)
			err = hz_buf_putc(b, ',');
		if (!err)
			err = csv_str(b, rp_interval_name(a));
		if (!err)
			err = csv_sens_row(b, doc, a, cols, nc);
		if (!err)
			err = hz_buf_puts(b, "\r\n");
	}
	free(v);
	return err;
}
