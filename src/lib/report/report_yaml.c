/*
 * The YAML report in the shape of METR's benchmark_results files, so that
 * tools reading METR's published results (and `horizon reproduce`) read ours.
 */
#include <math.h>
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

	if (isnan(x))
		return hz_buf_printf(b, "%s%s: null\n", indent, key);
	if (isinf(x))
		return hz_buf_printf(b, "%s%s: %s\n", indent, key, x > 0 ? ".inf" : "-.inf");
	return hz_buf_printf(b, "%s%s: %s\n", indent, key, hz_fd_fmt_exact(x, s, sizeof(s)));
}

static int yhorizon(hz_buf *b, const char *key, const hz_fd_horizon *h)
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

static int yagent(hz_buf *b, const hz_fd_agent *a)
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
	if (!err)
		err = yhorizon(b, "p50_horizon_length", &a->h[0]);
	if (!err)
		err = yhorizon(b, "p80_horizon_length", &a->h[1]);
	if (!err)
		err = hz_buf_puts(b, "      usage:\n");
	if (!err)
		err = ynum(b, "        ", "usd", a->cost_usd);
	if (!err)
		err = ynum(b, "        ", "tokens", rp_tokens(a));
	if (!err)
		err = a->release_date[0] ? hz_buf_printf(b, "    release_date: %s\n", a->release_date) : 0;
	if (!err && a->runs >= 0)
		err = hz_buf_printf(b, "    runs: %ld\n", a->runs);
	if (!err && a->tasks >= 0)
		err = hz_buf_printf(b, "    tasks: %ld\n", a->tasks);
	return err;
}

static int ytrend(const hz_fitdoc *doc, hz_buf *b)
{
	int err = 0, any = 0;

	for (int pi = 0; !err && pi < 2; pi++) {
		const hz_fd_trend *t = &doc->trend[pi];
		if (!t->present)
			continue;
		if (!any++)
			err = hz_buf_puts(b, "doubling_time_in_days:\n");
		if (!err)
			err = hz_buf_printf(b, "  horizon_p%d:\n", pi ? 80 : 50);
		if (!err)
			err = ynum(b, "    ", "point_estimate", t->doubling_days);
		if (!err)
			err = ynum(b, "    ", "ci_low", t->doubling_ci_low);
		if (!err)
			err = ynum(b, "    ", "ci_high", t->doubling_ci_high);
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

int rp_render_yaml(const hz_fitdoc *doc, const hz_report_opts *opts, hz_buf *b)
{
	const hz_fd_agent **v = NULL;
	int err;

	if ((err = rp_sorted_agents(doc, &v)) < 0)
		return err;
	err = hz_buf_printf(b, "# Written by horizon %s in the schema of METR's benchmark_results files.\n"
			       "benchmark_name: ", HZ_VERSION);
	if (!err)
		err = yq(b, doc->benchmark_name ? doc->benchmark_name : opts->title ? opts->title : "horizon");
	if (!err)
		err = hz_buf_puts(b, "\nresults:\n");
	for (size_t i = 0; !err && i < doc->nagents; i++)
		if (v[i]->release_date[0])
			err = yagent(b, v[i]);
	/* METR's results hold dated models only; agents without a date (the human baseline) go apart. */
	for (size_t i = 0, any = 0; !err && i < doc->nagents; i++)
		if (!v[i]->release_date[0]) {
			if (!any++)
				err = hz_buf_puts(b, "undated_results:\n");
			if (!err)
				err = yagent(b, v[i]);
		}
	if (!err)
		err = ytrend(doc, b);
	free(v);
	return err;
}
