/* The report area's view of a fit and its shared number formats (fitfmt.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fitfmt.h"

const hz_fit_horizon *rp_horizon(const hz_fit_agent *a, double percent)
{
	static const hz_fit_horizon none = { .percent = NAN, .estimate = NAN, .ci_low = NAN, .ci_high = NAN };
	const hz_fit_horizon *h = hz_fit_agent_horizon(a, percent);

	return h ? h : &none;
}

const hz_fit_trend *rp_trend(const hz_fit *fit, double percent)
{
	return hz_fit_trend_for(fit, percent);
}

void rp_trend_span(const hz_fit *fit, const hz_fit_trend *t, const char **first, const char **last)
{
	*first = *last = NULL;
	for (size_t i = 0; t && i < t->nagents; i++) {
		const hz_fit_agent *a = hz_fit_find_agent(fit, t->agents[i]);
		if (!a || !a->release_date)
			continue;
		if (!*first || strcmp(a->release_date, *first) < 0)
			*first = a->release_date;
		if (!*last || strcmp(a->release_date, *last) > 0)
			*last = a->release_date;
	}
}

const char *rp_source(const hz_fit *fit)
{
	return hz_fit_is_published(fit) ? "published" : "runs";
}

double rp_as_in_file(double x)
{
	char s[40];

	if (!isfinite(x))
		return NAN; /* JSON has no infinity: null */
	snprintf(s, sizeof(s), "%.*g", HZ_FIT_JSON_DIGITS, x);
	return strtod(s, NULL);
}

char *rp_fmt_num(double x, char *out, size_t size)
{
	double ax;

	x = rp_as_in_file(x);
	ax = fabs(x);

	if (isnan(x))
		snprintf(out, size, "%s", "");
	else if (isinf(x))
		snprintf(out, size, "%s", x > 0 ? "inf" : "-inf");
	else if (ax >= 100)
		snprintf(out, size, "%.0f", x);
	else if (ax >= 10)
		snprintf(out, size, "%.1f", x);
	else if (ax >= 1)
		snprintf(out, size, "%.2f", x);
	else
		snprintf(out, size, "%.3g", x);
	return out;
}

char *rp_fmt_exact(double x, char *out, size_t size)
{
	if (isfinite(x))
		snprintf(out, size, "%.*g", HZ_FIT_JSON_DIGITS, x);
	else
		snprintf(out, size, "%s", "");
	return out;
}
