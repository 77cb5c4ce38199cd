/* hz_plot_render: choose the charts and draw each one (plot_<kind>.c). */
#include <string.h>

#include "fitfmt.h"
#include "horizon/error.h"
#include "horizon/plot.h"
#include "plot_internal.h"

static const struct {
	const char *name;
	unsigned bits;
} chart_names[] = {
	{ "doubling", HZ_CHART_DOUBLING50 | HZ_CHART_DOUBLING80 },
	{ "doubling50", HZ_CHART_DOUBLING50 },
	{ "doubling80", HZ_CHART_DOUBLING80 },
	{ "curves", HZ_CHART_CURVES },
	{ "hist", HZ_CHART_HIST },
	{ "buckets", HZ_CHART_BUCKETS },
	{ "all", HZ_CHART_ALL },
};

int hz_plot_charts_parse(const char *spec, unsigned *out)
{
	const char *p = spec;

	*out = 0;
	while (p && *p) {
		size_t len = strcspn(p, ","), k;
		for (k = 0; k < sizeof(chart_names) / sizeof(chart_names[0]); k++)
			if (strlen(chart_names[k].name) == len && !strncmp(chart_names[k].name, p, len))
				break;
		if (k == sizeof(chart_names) / sizeof(chart_names[0]))
			return hz_error_set(HZ_EUSAGE,
					    "unknown chart '%.*s' (doubling, doubling50, doubling80, curves, hist, "
					    "buckets, all)",
					    (int)len, p);
		*out |= chart_names[k].bits;
		p += len;
		if (*p == ',')
			p++;
	}
	if (!*out)
		return hz_error_set(HZ_EUSAGE, "no chart named");
	return 0;
}

int hz_plot_render(const hz_fit *doc, const hz_plot_opts *opts, hz_plot_files *files)
{
	unsigned charts = opts->charts ? opts->charts : HZ_CHART_DOUBLING50 | HZ_CHART_DOUBLING80;
	int only_one = (charts & (charts - 1)) == 0, drawn = 0, err = 0;

	/* The headline charts first, the one-per-agent curves last. */
	static const unsigned order[] = { HZ_CHART_DOUBLING50, HZ_CHART_DOUBLING80, HZ_CHART_BUCKETS, HZ_CHART_HIST,
					  HZ_CHART_CURVES };

	for (size_t k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
		unsigned bit = order[k];
		if (!(charts & bit))
			continue;
		switch (bit) {
		case HZ_CHART_DOUBLING50:
			err = plot_doubling(doc, 50, opts, files);
			break;
		case HZ_CHART_DOUBLING80:
			err = plot_doubling(doc, 80, opts, files);
			break;
		case HZ_CHART_CURVES:
			err = plot_curves(doc, opts, files);
			break;
		case HZ_CHART_HIST:
			err = plot_hist(doc, opts, files);
			break;
		case HZ_CHART_BUCKETS:
			err = plot_buckets(doc, opts, files);
			break;
		default:
			err = 0;
			break;
		}
		/* A chart with nothing to draw is skipped, unless it was the one asked for. */
		if (err == HZ_ENOTFOUND && !only_one) {
			err = 0;
			continue;
		}
		if (err < 0)
			return err;
		drawn++;
	}
	if (!drawn)
		return hz_error_set(HZ_ENOTFOUND, "%s: nothing to plot", hz_fit_origin(doc));
	return 0;
}
