/*
 * Per-agent success curves: the fitted logistic P(success) against human
 * time on a log axis, with the empirical success rates in METR's six length
 * buckets (1-4 ... 960-2880 min, as wrangle/logistic.py weighs them) when the
 * fit has them, else in the fit's [4^k, 4^(k+1)) bins, their counts and the
 * 50% / 80% horizons marked.  One chart per agent: success-<slug>.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fitfmt.h"
#include "gp.h"
#include "horizon/error.h"
#include "plot_internal.h"
#include "strutil.h"

#define COLOR_CURVE "#2e75b6"
#define COLOR_BINS "#1f4e79"
#define COLOR_MARK "#c0504d"

static double bin_rate(const hz_fit_bin *b)
{
	if (isfinite(b->weighted_rate))
		return b->weighted_rate;
	return b->runs > 0 ? (double)b->successes / (double)b->runs : NAN;
}

/* The x range: the bins, the horizons when finite, never narrower than 1 s .. 4 h. */
static void x_range(const hz_fit_agent *a, double *lo, double *hi)
{
	*lo = 1.0 / 60;
	*hi = 240;
	for (size_t i = 0; i < a->nbins; i++) {
		*lo = fmin(*lo, a->bins[i].lo);
		*hi = fmax(*hi, a->bins[i].hi);
	}
	for (int pi = 0; pi < 2; pi++) {
		double h = rp_horizon(a, RP_PERCENT(pi))->estimate;
		if (isfinite(h) && h > 1.0 / 600 && h < 100000) {
			*lo = fmin(*lo, h / 2);
			*hi = fmax(*hi, h * 2);
		}
	}
	*lo = fmax(*lo / 1.3, 1.0 / 1200);
	*hi = fmin(*hi * 1.3, 200000);
}

static int horizon_mark(hz_buf *b, const hz_fit_agent *a, int pi, double lo, double hi, int *n)
{
	const hz_fit_horizon *h = rp_horizon(a, RP_PERCENT(pi));
	double p = pi ? 0.8 : 0.5;
	char t[48];

	if (!isfinite(h->estimate) || h->estimate <= lo || h->estimate >= hi)
		return 0;
	hz_fmt_minutes(h->estimate, t, sizeof(t));
	(*n)++;
	/*
	 * Near the bottom, left of the marker: the curve is high there (it falls from the upper left)
	 * and the bins are near the curve.  p80 sits a row above p50 so the two never collide.
	 */
	return hz_buf_printf(b,
			     "set arrow from %.6g, graph 0 to %.6g, %.2f nohead dt 2 lw 1.2 lc rgb \"" COLOR_MARK "\" back\n"
			     "set label \"p%d = %s\" at %.6g, graph %.2f right offset -0.6,0 font \",10\" tc rgb \"" COLOR_MARK
			     "\" front\n",
			     h->estimate, h->estimate, p, pi ? 80 : 50, t, h->estimate, pi ? 0.11 : 0.04);
}

/* One agent's chart: 0 drawn, 1 skipped (nothing to draw), or a negative error. */
static int curve_chart(const hz_fit *doc, size_t index, const hz_plot_opts *opts, hz_plot_files *files)
{
	const hz_fit_agent *a = hz_fit_agent_at(doc, index);
	gp_frame fr = { 960, 600, 0.095, 0.97, 0.14, 0.85, 11 };
	hz_buf s = HZ_BUF_INIT, cmd = HZ_BUF_INIT;
	char slug[96], name[128], what[256];
	double lo, hi;
	size_t nbins = 0;
	hz_fit_bucket bk;
	int err, marks = 0, fitted = isfinite(a->slope) && isfinite(a->intercept);
	int metr = hz_fit_metr_bucket(doc, index, 0, &bk) == 0;

	gp_slug(a->alias, slug, sizeof(slug));
	snprintf(name, sizeof(name), "success-%s", slug);
	/* Two aliases with one slug ("GPT 4" and "gpt-4") must not overwrite each other's files. */
	for (size_t j = 0; j < index; j++) {
		char other[96];
		gp_slug(hz_fit_agent_at(doc, j)->alias, other, sizeof(other));
		if (!strcmp(other, slug)) {
			snprintf(name, sizeof(name), "success-%s-%zu", slug, index + 1);
			break;
		}
	}
	snprintf(what, sizeof(what), "Success curve of %s", a->alias);
	x_range(a, &lo, &hi);
	err = gp_begin(&s, name, what);
	if (!err)
		err = hz_buf_puts(&s, "$bins << EOD\n# mid_minutes rate lo hi successes runs\n");
	for (size_t i = 0; !err && metr && i < HZ_FIT_METR_BUCKETS; i++) {
		if (hz_fit_metr_bucket(doc, index, i, &bk) < 0 || !bk.runs || isnan(bk.empirical))
			continue;
		nbins++;
		err = hz_buf_printf(&s, "%.6g %.6g %.6g %.6g -1 %zu\n", sqrt(bk.lo_minutes * bk.hi_minutes), bk.empirical,
				    bk.lo_minutes, bk.hi_minutes, bk.runs);
	}
	for (size_t i = 0; !err && !metr && i < a->nbins; i++) {
		const hz_fit_bin *b = &a->bins[i];
		double r = bin_rate(b);
		if (isnan(r))
			continue;
		nbins++;
		err = hz_buf_printf(&s, "%.6g %.6g %.6g %.6g %ld %zu\n", sqrt(b->lo * b->hi), r,
				    b->lo, b->hi, b->successes > 0 ? lround(b->successes) : 0L, b->runs);
	}
	if (!err)
		err = hz_buf_puts(&s, "EOD\nset termoption noenhanced\n");
	if (!err)
		err = gp_set_margins(&s, &fr);
	if (!err)
		err = hz_buf_printf(&s,
				    "set logscale x\nset xrange [%.6g:%.6g]\nset yrange [-0.02:1.12]\n"
				    "set ytics (\"0%%%%\" 0, \"20%%%%\" 0.2, \"40%%%%\" 0.4, \"50%%%%\" 0.5, \"60%%%%\" 0.6, \"80%%%%\" 0.8, "
				    "\"100%%%%\" 1)\n"
				    "set xlabel \"Task length (human working time)\"\nset ylabel \"Success probability\"\n"
				    "set grid ytics lc rgb \"#e4e4e4\" dt 1\nset border 3 lc rgb \"#444444\"\nset tics nomirror out\n"
				    "set key at screen 0.5, 0.012 center bottom horizontal font \",10\" reverse Left samplen 2\n"
				    "set samples 400\na = %.10g\nb = %.10g\np(x) = 1 / (1 + exp(-(a * log(x) / log(2) + b)))\n",
				    lo, hi, fitted ? a->slope : 0.0, fitted ? a->intercept : 0.0);
	if (!err)
		err = gp_set_human_tics(&s, "x", lo, hi);
	if (!err)
		err = hz_buf_puts(&s, "set label 1000 ");
	if (!err)
		err = gp_quote(&s, a->alias);
	if (!err)
		err = hz_buf_printf(&s, " at screen 0.5, %.4f center font \",14\"\n", 1 - 24.0 / fr.h);
	if (!err && fitted) {
		char p50[48], p80[48];
		hz_fmt_minutes(rp_horizon(a, RP_PERCENT(0))->estimate, p50, sizeof(p50));
		hz_fmt_minutes(rp_horizon(a, RP_PERCENT(1))->estimate, p80, sizeof(p80));
		err = hz_buf_printf(&s, "set label 1001 \"logistic fit: 50%% at %s, 80%% at %s; labels: %s\" "
					"at screen 0.5, %.4f center font \",10\" tc rgb \"#444444\"\n",
				    p50, p80, metr ? "runs per METR bucket" : "successes/runs per bin", 1 - 46.0 / fr.h);
	} else if (!err) {
		err = hz_buf_puts(&s, "set label 1001 ");
		if (!err)
			err = gp_quote(&s, a->note ? a->note : "no logistic fit");
		if (!err)
			err = hz_buf_printf(&s, " at screen 0.5, %.4f center font \",10\" tc rgb \"#444444\"\n", 1 - 46.0 / fr.h);
	}
	if (!err)
		err = hz_buf_printf(&s, "set arrow from graph 0, first 0.5 to graph 1, first 0.5 nohead dt 3 lc rgb \"#aaaaaa\" back\n"
					"set arrow from graph 0, first 0.8 to graph 1, first 0.8 nohead dt 3 lc rgb \"#aaaaaa\" back\n");
	if (!err && fitted && (err = horizon_mark(&s, a, 0, lo, hi, &marks)) == 0)
		err = horizon_mark(&s, a, 1, lo, hi, &marks);
	if (!err && fitted)
		err = hz_buf_puts(&cmd, "plot p(x) with lines lw 2.2 lc rgb \"" COLOR_CURVE "\" title \"fitted logistic\"");
	if (!err && nbins && metr)
		err = hz_buf_printf(&cmd, "%s$bins using 1:2:3:4 with xerrorbars pt 7 ps 1.2*PS lc rgb \"" COLOR_BINS
					  "\" title \"success rate per METR bucket (weighted)\", \\\n"
					  "     $bins using 1:2:(gprintf(\"%%.0f\", $6)) with labels offset 0,1.1 font \",9\" "
					  "tc rgb \"#333333\" notitle",
				    cmd.len ? ", \\\n     " : "plot ");
	else if (!err && nbins)
		err = hz_buf_printf(&cmd, "%s$bins using 1:2:3:4 with xerrorbars pt 7 ps 1.2*PS lc rgb \"" COLOR_BINS
					  "\" title \"success rate per bin (weighted)\", \\\n"
					  "     $bins using 1:2:(gprintf(\"%%.0f\", $5) . \"/\" . gprintf(\"%%.0f\", $6)) with labels offset 0,1.1 font \",9\" "
					  "tc rgb \"#333333\" notitle",
				    cmd.len ? ", \\\n     " : "plot ");
	/* Neither a fit nor a bin with a rate: nothing to draw for this agent (1: skipped). */
	if (!err)
		err = cmd.len ? gp_finish(&s, hz_buf_cstr(&cmd), &fr, name, opts, files) : 1;
	hz_buf_release(&s);
	hz_buf_release(&cmd);
	return err;
}

int plot_curves(const hz_fit *doc, const hz_plot_opts *opts, hz_plot_files *files)
{
	int drawn = 0, err;

	for (size_t i = 0; i < hz_fit_nagents(doc); i++) {
		const hz_fit_agent *a = hz_fit_agent_at(doc, i);
		if (!a->nbins && !(isfinite(a->slope) && isfinite(a->intercept)))
			continue;
		if ((err = curve_chart(doc, i, opts, files)) < 0)
			return err;
		drawn += err == 0;
	}
	if (!drawn)
		return hz_error_set(HZ_ENOTFOUND, "%s: no agent has a logistic fit or binned success rates", hz_fit_origin(doc));
	return 0;
}
