/* The CSV report: one row per agent at full precision, for spreadsheets and scripts (RFC 4180). */
#include <math.h>
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

/* Numbers exactly as the fit file holds them: the shortest form that reads back as the same double. */
static int csv_num(hz_buf *b, double x)
{
	char s[40];
	int err = hz_buf_putc(b, ',');

	if (err || isnan(x))
		return err;
	if (isinf(x))
		return hz_buf_puts(b, x > 0 ? "inf" : "-inf");
	return hz_buf_puts(b, hz_fd_fmt_exact(x, s, sizeof(s)));
}

static int csv_long(hz_buf *b, long x)
{
	return x < 0 ? hz_buf_putc(b, ',') : hz_buf_printf(b, ",%ld", x);
}

int rp_render_csv(const hz_fitdoc *doc, const hz_report_opts *opts, hz_buf *b)
{
	const hz_fd_agent **v = NULL;
	int err;

	if ((err = rp_sorted_agents(doc, &v)) < 0)
		return err;
	err = hz_buf_puts(b, "alias,release_date,runs,tasks,families,successes,weighted_success_rate,"
			     "p50_minutes,p50_ci_low,p50_ci_high,p80_minutes,p80_ci_low,p80_ci_high,slope,intercept,"
			     "total_tokens,cost_usd,cost_per_success_usd,status,sota,in_trend\r\n");
	for (size_t i = 0; !err && i < doc->nagents; i++) {
		const hz_fd_agent *a = v[i];
		if ((err = csv_str(b, a->alias)) < 0 || (err = hz_buf_printf(b, ",%s", a->release_date)) < 0 ||
		    (err = csv_long(b, a->runs)) < 0 || (err = csv_long(b, a->tasks)) < 0 ||
		    (err = csv_long(b, a->families)) < 0 || (err = csv_long(b, a->successes)) < 0 ||
		    (err = csv_num(b, a->weighted_success_rate)) < 0)
			break;
		for (int pi = 0; !err && pi < 2; pi++)
			if ((err = csv_num(b, a->h[pi].estimate)) == 0 && (err = csv_num(b, a->h[pi].ci_low)) == 0)
				err = csv_num(b, a->h[pi].ci_high);
		if (!err && (err = csv_num(b, a->slope)) == 0 && (err = csv_num(b, a->intercept)) == 0 &&
		    (err = csv_num(b, rp_tokens(a))) == 0 && (err = csv_num(b, a->cost_usd)) == 0 &&
		    (err = csv_num(b, rp_cost_per_success(a))) == 0 && (err = hz_buf_putc(b, ',')) == 0 &&
		    (err = csv_str(b, a->status)) == 0)
			err = hz_buf_printf(b, ",%s,%s\r\n", a->sota ? "true" : "false", a->in_trend ? "true" : "false");
	}
	free(v);
	return err;
}
