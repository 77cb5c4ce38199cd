/* The chart kinds behind hz_plot_render, one file each. */
#ifndef HZ_REPORT_PLOT_INTERNAL_H
#define HZ_REPORT_PLOT_INTERNAL_H

#include "fitfmt.h"
#include "horizon/plot.h"

/* Each returns 0, HZ_ENOTFOUND when it has nothing to draw, or another error. */
int plot_doubling(const hz_fit *doc, double percent, const hz_plot_opts *opts, hz_plot_files *files);
int plot_curves(const hz_fit *doc, const hz_plot_opts *opts, hz_plot_files *files);
int plot_hist(const hz_fit *doc, const hz_plot_opts *opts, hz_plot_files *files);
int plot_buckets(const hz_fit *doc, const hz_plot_opts *opts, hz_plot_files *files);

#endif
