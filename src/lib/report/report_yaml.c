/*
 * The YAML report in the shape of METR's benchmark_results files, so that
 * tools reading METR's published results (and `horizon reproduce`) read ours.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

/* A YAML double-quoted scalar. */
static int yq(hz_buf *b, const char *s)
{
	int err = hz_buf_putc(b, '"');

	for (; !err && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\') {
			err = hz_buf_putc(b, '\\');
			if (!err)
				err = hz_buf_putc(b, (char)c);
		} else if (c < 0x20)
			err = hz_buf_printf(b, "\\x%02x", c);
		else
			err = hz_buf_putc(b, (char)c);
	}
	return err ? err : hz_buf_putc(b, '"');
}

static int ynum(hz_buf *b, const char *indent, const char *key, double x)
{
	char s[40];

	if (!isfinite(x)) /* null, as in the fit file */
		return hz_buf_printf(b, "%s%s: null\n", indent, key);
	return hz_buf_printf(b, "%s%s: %s\n", indent, key, rp_fmt_exact(x, s, sizeof(s)));
}

static int yhorizon(hz_buf *b, const char *key, const hz_fit_horizon *h)
{
	int err = hz_buf_printf(b, "      %s:\n", key);

	if (!err)
		err = ynum(b, "        ", "ci_high", h->ci_high);
	if (!err)
		err = ynum(b, "        ", "ci_low", h->ci_low);
	if (!err)
		err = ynum(b, "        ", "estimate", h->estimate);
	return err;
}

static int yagent(hz_buf *b, const hz_fit_agent *a)
{
	int err = hz_buf_puts(b, "  ");

	if (!err)
		err = yq(b, a->alias);
	if (!err)
		err = hz_buf_puts(b, ":\n    metrics:\n      average_score:\n");
	if (!err)
		err = ynum(b, "        ", "estimate", a->weighted_success_rate);
	if (!err)
		err = hz_buf_printf(b, "      is_sota: %s\n", a->sota ? "true" : "false");
	for (size_t k = 0; !err && k < a->nhorizons; k++) {
		char key[48];
		snprintf(key, sizeof(key), "p%g_horizon_length", a->horizons[k].percent);
		err = yhorizon(b, key, &a->horizons[k]);
	}
	if (!err)
		err = hz_buf_puts(b, "      usage:\n");
	if (!err)
		err = ynum(b, "        ", "usd", a->cost_usd);
	if (!err)
		err = ynum(b, "        ", "tokens", rp_tokens(a));
	if (!err)
		err = ynum(b, "        ", "usd_per_success", rp_cost_per_success(a));
	if (!err)
		err = hz_buf_puts(b, "        cost_doubling:\n");
	if (!err)
		err = ynum(b, "          ", "factor", a->cost_doubling.factor);
	if (!err)
		err = ynum(b, "          ", "ci_low", a->cost_doubling.ci_low);
	if (!err)
		err = ynum(b, "          ", "ci_high", a->cost_doubling.ci_high);
	if (!err)
		err = ynum(b, "          ", "usd_at_p50", a->cost_doubling.usd_at_p50);
	if (!err)
		err = ynum(b, "          ", "usd_per_doubling", a->cost_doubling.usd_per_doubling);
	if (!err)
		err = a->release_date ? hz_buf_printf(b, "    release_date: %s\n", a->release_date) : 0;
	if (!err)
		err = hz_buf_printf(b, "    runs: %zu\n", a->runs);
	if (!err)
		err = hz_buf_printf(b, "    tasks: %zu\n", a->tasks);
	/* Which design measured the agent and which interval its horizons' ci_low/ci_high are (docs/adaptive.md). */
	if (!err)
		err = hz_buf_puts(b, "    design: ");
	if (!err)
		err = yq(b, rp_design_name(a));
	if (!err)
		err = hz_buf_puts(b, "\n    interval: ");
	if (!err)
		err = yq(b, rp_interval_name(a));
	if (!err)
		err = hz_buf_putc(b, '\n');
	return err;
}

static int ytrend(const hz_fit *doc, hz_buf *b)
{
	int err = 0, any = 0;

	for (size_t j = 0; !err && j < hz_fit_npercents(doc); j++) {
		const hz_fit_trend *t = hz_fit_trend_at(doc, j);
		if (!t)
			continue;
		if (!any++)
			err = hz_buf_puts(b, "doubling_time_in_days:\n");
		if (!err)
			err = hz_buf_printf(b, "  horizon_p%g:\n", t->percent);
		if (!err)
			err = ynum(b, "    ", "point_estimate", t->doubling_days);
		if (!err)
			err = ynum(b, "    ", "ci_low", t->ci_low);
		if (!err)
			err = ynum(b, "    ", "ci_high", t->ci_high);
		if (!err)
			err = hz_buf_puts(b, "    models:\n");
		for (size_t k = 0; !err && k < t->nagents; k++) {
			err = hz_buf_puts(b, "    - ");
			if (!err)
				err = yq(b, t->agents[k]);
			if (!err)
				err = hz_buf_putc(b, '\n');
		}
	}
	return err;
}

/* horizon's additions beside METR's schema: the method version and the sensitivity panel (minutes, days). */
static int ysensitivity(const hz_fit *doc, hz_buf *b)
{
	hz_fit_sens_column cols[16];
	size_t nc = hz_fit_sensitivity_columns(doc, cols, 16);
	int err = hz_buf_printf(b, "horizon_method: %s\n", hz_fit_method_name(hz_fit_method_of(doc)));

	if (err || !nc)
		return err;
	err = hz_buf_puts(b, "horizon_sensitivity:\n");
	for (size_t c = 0; !err && c < nc; c++) {
		double lo, hi;
		if ((err = hz_buf_puts(b, "  ")) < 0 || (err = yq(b, cols[c].label)) < 0 || (err = hz_buf_puts(b, ":\n")) < 0)
			break;
		for (size_t a = 0; !err && a <= hz_fit_nagents(doc); a++) {
			size_t ai = a < hz_fit_nagents(doc) ? a : SIZE_MAX;
			err = hz_buf_puts(b, "    ");
			if (!err)
				err = yq(b, ai == SIZE_MAX ? "doubling_days" : hz_fit_agent_at(doc, a)->alias);
			if (!err)
				err = hz_buf_puts(b, ":\n");
			for (size_t k = 0; !err && k < hz_fit_npercents(doc); k++) {
				char key[32], l[40], h[40];
				hz_fit_sensitivity_range(doc, &cols[c], ai, k, &lo, &hi);
				snprintf(key, sizeof(key), "p%g", hz_fit_percent(doc, k));
				if (cols[c].n == 1)
					err = hz_buf_printf(b, "      %s: %s\n", key, isnan(lo) ? "null" : rp_fmt_exact(lo, l, 40));
				else
					err = hz_buf_printf(b, "      %s: [%s, %s]\n", key, isnan(lo) ? "null" : rp_fmt_exact(lo, l, 40),
							    isnan(hi) ? "null" : rp_fmt_exact(hi, h, 40));
			}
		}
	}
	return err;
}

int rp_render_yaml(const hz_fit *doc, const hz_report_opts *opts, hz_buf *b)
{
	const hz_fit_agent **v = NULL;
	int err;

	if ((err = rp_sorted_agents(doc, &v)) < 0)
		return err;
	err = hz_buf_printf(b, "# Written by horizon %s in the schema of METR's benchmark_results files.\n"
			       "benchmark_name: ", HZ_VERSION);
	if (!err)
		err = yq(b, opts->title ? opts->title : "horizon");
	if (!err)
		err = hz_buf_puts(b, "\nresults:\n");
	for (size_t i = 0; !err && i < hz_fit_nagents(doc); i++)
		if (v[i]->release_date)
			err = yagent(b, v[i]);
	/* METR's results hold dated models only; agents without a date (the human baseline) go apart. */
	for (size_t i = 0, any = 0; !err && i < hz_fit_nagents(doc); i++)
		if (!v[i]->release_date) {
			if (!any++)
				err = hz_buf_puts(b, "undated_results:\n");
			if (!err)
				err = yagent(b, v[i]);
		}
	if (!err)
		err = ytrend(doc, b);
	if (!err)
		err = ysensitivity(doc, b);
	free(v);
	return err;
}
