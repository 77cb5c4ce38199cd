/*
 * Two charts about human time: the catalogue's histogram of task lengths
 * (tasks-hist) and each agent's success rate by time bucket (buckets).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fitfmt.h"
#include "gp.h"
#include "horizon/error.h"
#include "plot_internal.h"

static const char *const palette[] = {
	"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22",
};
#define NPALETTE (sizeof(palette) / sizeof(palette[0]))

int plot_hist(const hz_fit *doc, const hz_plot_opts *opts, hz_plot_files *files)
{
	gp_frame fr = { 960, 560, 0.09, 0.97, 0.15, 0.87, 11 };
	hz_buf s = HZ_BUF_INIT;
	double lo = INFINITY, hi = 0, xlo, xhi;
	long k0, k1, maxcount = 0;
	long *counts = NULL;
	int err = 0;

	for (size_t i = 0; i < opts->ntasks; i++)
		if (opts->task_minutes[i] > 0) {
			lo = fmin(lo, opts->task_minutes[i]);
			hi = fmax(hi, opts->task_minutes[i]);
		}
	if (!(hi > 0))
		return hz_error_set(HZ_ENOTFOUND, "no task catalogue to draw a histogram of (see --tasks)");
	/* Bins are powers of two of minutes: [2^k, 2^(k+1)). */
	k0 = (long)floor(log2(lo));
	k1 = (long)floor(log2(hi));
	if (!(counts = calloc((size_t)(k1 - k0 + 1), sizeof(long))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	for (size_t i = 0; i < opts->ntasks; i++) {
		long k;
		if (!(opts->task_minutes[i] > 0))
			continue;
		k = (long)floor(log2(opts->task_minutes[i])) - k0;
		if (k >= 0 && k <= k1 - k0 && ++counts[k] > maxcount)
			maxcount = counts[k];
	}
	xlo = pow(2, (double)k0) / 1.5;
	xhi = pow(2, (double)k1 + 1) * 1.5;
	err = gp_begin(&s, "tasks-hist", "Histogram of the catalogue's human task lengths");
	if (!err)
		err = hz_buf_puts(&s, "$hist << EOD\n# mid lo hi count\n");
	for (long k = 0; !err && k <= k1 - k0; k++) {
		double blo = pow(2, (double)(k + k0)), bhi = blo * 2;
		if (counts[k])
			err = hz_buf_printf(&s, "%.6g %.6g %.6g %ld\n", sqrt(blo * bhi), blo, bhi, counts[k]);
	}
	if (!err)
		err = hz_buf_puts(&s, "EOD\nset termoption noenhanced\n");
	if (!err)
		err = gp_set_margins(&s, &fr);
	if (!err)
		err = hz_buf_printf(&s,
				    "set logscale x\nset xrange [%.6g:%.6g]\nset yrange [0:%.6g]\nset ytics 0, %ld\n"
				    "set xlabel \"Task length (human working time)\"\nset ylabel \"Tasks\"\n"
				    "set grid ytics lc rgb \"#e4e4e4\" dt 1\nset border 3 lc rgb \"#444444\"\n"
				    "set tics nomirror out\nunset key\nset style fill solid 0.75 border lc rgb \"#1f4e79\"\n"
				    "set label 1000 \"Human time of the catalogue's %zu tasks\" at screen 0.5, %.4f center "
				    "font \",14\"\n",
				    xlo, xhi, ceil(maxcount * 1.18 + 0.5), maxcount > 8 ? (maxcount + 7) / 8 : 1L, opts->ntasks, 1 - 26.0 / fr.h);
	if (!err)
		err = gp_set_human_tics(&s, "x", xlo, xhi);
	if (!err)
		err = gp_finish(&s,
				"plot $hist using 1:(0.5 * $4):2:3:(0):4 with boxxyerror lc rgb \"#8fb4d9\", \\\n"
				"     $hist using 1:4:(gprintf(\"%.0f\", $4)) with labels offset 0,0.8 font \",10\"",
				&fr, "tasks-hist", opts, files);
	free(counts);
	hz_buf_release(&s);
	return err;
}

int plot_buckets(const hz_fit *doc, const hz_plot_opts *opts, hz_plot_files *files)
{
	gp_frame fr = { 1100, 620, 0.08, 0.72, 0.13, 0.87, 11 };
	hz_buf s = HZ_BUF_INIT, cmd = HZ_BUF_INIT;
	double lo = INFINITY, hi = 0;
	size_t n = 0;
	int err = 0;

	for (size_t i = 0; i < hz_fit_nagents(doc); i++)
		for (size_t k = 0; k < hz_fit_agent_at(doc, i)->nbins; k++) {
			lo = fmin(lo, hz_fit_agent_at(doc, i)->bins[k].lo);
			hi = fmax(hi, hz_fit_agent_at(doc, i)->bins[k].hi);
		}
	if (!(hi > 0))
		return hz_error_set(HZ_ENOTFOUND, "%s: no agent has binned success rates", hz_fit_origin(doc));
	err = gp_begin(&s, "buckets", "Success rate by human-time bucket, per agent");
	for (size_t i = 0; !err && i < hz_fit_nagents(doc); i++) {
		const hz_fit_agent *a = hz_fit_agent_at(doc, i);
		size_t rows = 0;
		for (size_t k = 0; k < a->nbins; k++)
			rows += !isnan(a->bins[k].weighted_rate) || a->bins[k].runs > 0;
		if (!rows)
			continue; /* an empty datablock makes gnuplot warn */
		err = hz_buf_printf(&s, "$agent%zu << EOD\n", i);
		for (size_t k = 0; !err && k < a->nbins; k++) {
			const hz_fit_bin *b = &a->bins[k];
			double r = isfinite(b->weighted_rate) ? b->weighted_rate
							     : b->runs > 0 ? (double)b->successes / (double)b->runs : NAN;
			if (!isnan(r))
				err = hz_buf_printf(&s, "%.6g %.6g %zu\n", sqrt(b->lo * b->hi), r, b->runs);
		}
		if (!err)
			err = hz_buf_puts(&s, "EOD\n");
		if (!err)
			err = hz_buf_printf(&cmd, "%s$agent%zu using 1:2 with linespoints lw 1.8 pt %d ps 1.1*PS dt %d lc rgb \"%s\" title ",
					    cmd.len ? ", \\\n     " : "plot ", i, 5 + (int)(n % 4) * 2, 1 + (int)(n / NPALETTE) % 4,
					    palette[n % NPALETTE]);
		if (!err)
			err = gp_quote(&cmd, a->alias);
		n++;
	}
	if (!err)
		err = hz_buf_puts(&s, "set termoption noenhanced\n");
	if (!err)
		err = gp_set_margins(&s, &fr);
	if (!err)
		err = hz_buf_printf(&s,
				    "set logscale x\nset xrange [%.6g:%.6g]\nset yrange [-0.03:1.03]\n"
				    "set ytics (\"0%%%%\" 0, \"20%%%%\" 0.2, \"40%%%%\" 0.4, \"60%%%%\" 0.6, \"80%%%%\" 0.8, \"100%%%%\" 1)\n"
				    "set xlabel \"Task length (human working time), bucket midpoints\"\n"
				    "set ylabel \"Success rate (weighted)\"\n"
				    "set grid ytics lc rgb \"#e4e4e4\" dt 1\nset border 3 lc rgb \"#444444\"\nset tics nomirror out\n"
				    "set key at screen %.4f, screen %.4f left top vertical font \",%g\" samplen 2.5 reverse Left "
				    "title \"Agent\" box lc rgb \"#cccccc\"\n"
				    "set label 1000 \"Success rate by task length\" at screen %.4f, %.4f center font \",14\"\n",
				    lo / 1.3, hi * 1.3, fr.r + 0.02, fr.t, n > 24 ? 7.5 : n > 16 ? 8.5 : 10.0,
				    (fr.l + fr.r) / 2, 1 - 26.0 / fr.h);
	if (!err)
		err = gp_set_human_tics(&s, "x", lo / 1.3, hi * 1.3);
	if (!err)
		err = gp_finish(&s, hz_buf_cstr(&cmd), &fr, "buckets", opts, files);
	hz_buf_release(&s);
	hz_buf_release(&cmd);
	return err;
}
