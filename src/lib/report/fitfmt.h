/*
 * How the report area reads a fit (include/horizon/fit.h): the horizons and
 * trends it presents, and the number formats its tables and charts share.
 */
#ifndef HZ_REPORT_FITFMT_H
#define HZ_REPORT_FITFMT_H

#include <stddef.h>

#include "horizon/fit.h"

/*
 * The headline percents of METR's charts and YAML (p50, p80): index 0 is
 * 50%, 1 is 80%.  A fit made with other percents has no such horizon: it
 * shows as unknown there, and the tables list every percent the fit has.
 */
#define RP_PERCENT(pi) ((pi) ? 80.0 : 50.0)

/* The agent's horizon at `percent`; never NULL: an all-NaN one when the fit has none. */
const hz_fit_horizon *rp_horizon(const hz_fit_agent *a, double percent);

/* The trend at `percent`, or NULL when the fit has none. */
const hz_fit_trend *rp_trend(const hz_fit *fit, double percent);

/* The release-date span ("YYYY-MM-DD") of the agents a trend was fitted on; NULLs when none is dated. */
void rp_trend_span(const hz_fit *fit, const hz_fit_trend *t, const char **first, const char **last);

/* "published" or "runs". */
const char *rp_source(const hz_fit *fit);

/*
 * Numbers are shown as the fit file holds them (HZ_FIT_JSON_DIGITS
 * significant digits), so a report of a fit made in-process is the report
 * of its fit file, to the byte.
 */

/* x as the fit file holds it: rounded to HZ_FIT_JSON_DIGITS; NaN for NaN and infinities (null). */
double rp_as_in_file(double x);

/*
 * A number for tables: "%.0f" from 100 up, "%.1f" from 10, "%.2f" from 1,
 * "%.3g" below ("0.0123", "1.8e-06"); "" for NaN and infinity (null in the file).
 */
char *rp_fmt_num(double x, char *out, size_t size);

/*
 * `x` as the fit file holds it ("%.12g": "0.15", "0.3" for 0.1 + 0.2), for
 * machine-readable outputs: CSV, YAML, HTML data attributes; "" when not finite.
 */
char *rp_fmt_exact(double x, char *out, size_t size);

#endif
