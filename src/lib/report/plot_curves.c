/* Per-agent success curves (placeholder being written). */
#include "fitdoc.h"
#include "horizon/error.h"
#include "plot_internal.h"

int plot_curves(const hz_fitdoc *doc, const hz_plot_opts *opts, hz_plot_files *files)
{
	return hz_error_set(HZ_ENOTFOUND, "no curves yet");
}

int plot_hist(const hz_fitdoc *doc, const hz_plot_opts *opts, hz_plot_files *files)
{
	return hz_error_set(HZ_ENOTFOUND, "no hist yet");
}

int plot_buckets(const hz_fitdoc *doc, const hz_plot_opts *opts, hz_plot_files *files)
{
	return hz_error_set(HZ_ENOTFOUND, "no buckets yet");
}
