/* Chart-script helpers: quoting, human ticks, writing and running NAME.gp. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "array.h"
#include "fsutil.h"
#include "gp.h"
#include "horizon/error.h"
#include "proc.h"

#define GP_OUT_MAX (64u << 10)

/*
 * METR's ticks (1 s, 4 s, 15 s ... a work month; not 4 h, whose label would touch 8 h's), with two below a second for the
 * rare horizon down there.  The long ones are METR's working-time units (a day of
 * 8 hours, a week of 40, a month of 167) labelled in hours, so that no tick says
 * "day" where the tables mean 24 hours: horizon writes hours everywhere.
 */
static const gp_tick human_ticks[] = {
	{ 0.1 / 60, "0.1 s" }, { 0.25 / 60, "0.25 s" }, { 1.0 / 60, "1 s" },   { 4.0 / 60, "4 s" }, { 15.0 / 60, "15 s" }, { 1, "1 min" },
	{ 4, "4 min" },        { 15, "15 min" },    { 60, "1 h" },
	{ 480, "8 h" },        { 2400, "40 h" },    { 10020, "167 h" },
};

const gp_tick *gp_human_ticks(size_t *n)
{
	*n = sizeof(human_ticks) / sizeof(human_ticks[0]);
	return human_ticks;
}

int gp_quote(hz_buf *b, const char *s)
{
	int err = hz_buf_putc(b, '"');

	for (; !err && *s; s++) {
		unsigned char c = (unsigned char)*s;
		/* gnuplot runs `...` inside double quotes as a shell command: an alias must not */
		if (c == '"' || c == '\\' || c == '`')
			err = hz_buf_putc(b, '\\');
		if (!err && c < 0x20)
			err = hz_buf_putc(b, ' ');
		else if (!err)
			err = hz_buf_putc(b, (char)c);
	}
	return err ? err : hz_buf_putc(b, '"');
}

void gp_slug(const char *alias, char *out, size_t size)
{
	size_t n = 0;
	int dash = 0;

	for (const char *p = alias; *p && n + 2 < size; p++) {
		unsigned char c = (unsigned char)*p;
		if (isalnum(c)) {
			if (dash && n)
				out[n++] = '-';
			out[n++] = (char)tolower(c);
			dash = 0;
		} else {
			dash = 1;
		}
	}
	if (!n && size > 5) {
		memcpy(out, "agent", 5);
		n = 5;
	}
	out[n] = '\0';
}

int gp_set_human_tics(hz_buf *b, const char *axis, double lo, double hi)
{
	size_t n, k = 0;
	const gp_tick *t = gp_human_ticks(&n);
	int err = hz_buf_printf(b, "set %stics (", axis);

	for (size_t i = 0; !err && i < n; i++) {
		if (t[i].minutes < lo * 0.999 || t[i].minutes > hi * 1.001)
			continue;
		err = hz_buf_printf(b, "%s\"%s\" %.10g", k++ ? ", " : "", t[i].label, t[i].minutes);
	}
	/* Unlabelled minor ticks at every power of two keep the log scale readable. */
	for (double m = pow(2, floor(log2(lo))); !err && m <= hi; m *= 2)
		if (m >= lo)
			err = hz_buf_printf(b, "%s\"\" %.10g 1", k++ ? ", " : "", m);
	return err ? err : hz_buf_puts(b, ")\n");
}

void gp_human_range(double lo, double hi, double *out_lo, double *out_hi)
{
	/* A third of a power of two past the extreme values, so nothing sits on the frame. */
	*out_lo = lo / 1.6;
	*out_hi = hi * 1.6;
}

int gp_begin(hz_buf *b, const char *name, const char *what)
{
	char line[256];
	size_t n = 0;

	/* `what` names an agent: a line break in it would end the comment and start a command */
	for (; what[n] && n + 1 < sizeof(line); n++)
		line[n] = (unsigned char)what[n] < 0x20 ? ' ' : what[n];
	line[n] = '\0';
	/*
	 * The svg terminal sizes fonts in pixels and points larger than pngcairo does:
	 * fontscale and PS (the point-size factor of every plot clause) make both
	 * images of a chart look alike, so label placement holds for both.
	 */
	return hz_buf_printf(b,
			     "# %s\n"
			     "# Written by horizon %s.  The data are inline; edit the settings and run\n"
			     "#   gnuplot %s.gp\n"
			     "# in this directory to redraw %s.png and %s.svg.\n"
			     "reset\n"
			     "set encoding utf8\n"
			     "PS = 1.0\n",
			     line, HZ_VERSION, name, name, name);
}

int gp_set_margins(hz_buf *b, const gp_frame *fr)
{
	return hz_buf_printf(b,
			     "set lmargin at screen %.4f\nset rmargin at screen %.4f\n"
			     "set bmargin at screen %.4f\nset tmargin at screen %.4f\n",
			     fr->l, fr->r, fr->b, fr->t);
}

int gp_files_add(hz_plot_files *files, const char *path)
{
	int rc;

	if (!files)
		return 0;
	if ((rc = HZ_ARRAY_RESIZE(files->paths, files->n + 1)) != 0)
		return rc;
	if (!(files->paths[files->n] = strdup(path)))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	files->n++;
	return 0;
}

void hz_plot_files_release(hz_plot_files *files)
{
	if (!files)
		return;
	for (size_t i = 0; i < files->n; i++)
		free(files->paths[i]);
	free(files->paths);
	files->paths = NULL;
	files->n = 0;
}

static const char *gnuplot_program(const hz_plot_opts *opts)
{
	const char *env = getenv("HORIZON_GNUPLOT");

	if (opts->gnuplot && *opts->gnuplot)
		return opts->gnuplot;
	return env && *env ? env : "gnuplot";
}

static int run_gnuplot(const hz_plot_opts *opts, const char *dir, const char *gp_name)
{
	char *argv[] = { (char *)gnuplot_program(opts), (char *)gp_name, NULL };
	hz_proc_opts po = HZ_PROC_OPTS_INIT;
	hz_proc_result res = { 0 };
	int err;

	po.argv = argv;
	po.cwd = dir;
	po.timeout_s = opts->timeout_s > 0 ? opts->timeout_s : 60;
	po.max_stdout = GP_OUT_MAX;
	po.max_stderr = GP_OUT_MAX;
	if ((err = hz_proc_run(&po, &res)) < 0) {
		hz_error_prefix("running %s (install gnuplot-nox, or set HORIZON_GNUPLOT): ", argv[0]);
		goto done;
	}
	if (res.timed_out)
		err = hz_error_set(HZ_ETIMEOUT, "%s %s/%s: timed out", argv[0], dir, gp_name);
	else if (res.exit_code != 0 || (res.err && strstr(res.err, "warning:")))
		err = hz_error_set(HZ_ERROR, "%s %s/%s failed (exit %d): %.400s", argv[0], dir, gp_name, res.exit_code,
				   res.err ? res.err : "");
done:
	hz_proc_result_release(&res);
	return err;
}

int gp_finish(hz_buf *script, const char *plot_cmd, const gp_frame *fr, const char *name,
	      const hz_plot_opts *opts, hz_plot_files *files)
{
	const char *dir = opts->out_dir ? opts->out_dir : ".";
	int png = opts->png || !opts->svg, svg = opts->svg || !opts->png, first = 1, err = 0;
	char gp_name[256], img[256];
	char *path = NULL;
	struct stat st;

	if (snprintf(gp_name, sizeof(gp_name), "%s.gp", name) >= (int)sizeof(gp_name))
		return hz_error_set(HZ_ELIMIT, "chart name '%s' is too long", name);
	if (png) {
		err = hz_buf_printf(script,
				    "\nset terminal pngcairo size %d,%d font \"DejaVu Sans,%g\" noenhanced background \"white\"\n"
				    "PS = 1.0\nset output \"%s.png\"\n%s\n",
				    fr->w, fr->h, fr->font_pt, name, plot_cmd);
		first = 0;
	}
	if (!err && svg)
		err = hz_buf_printf(script,
				    "\nset terminal svg size %d,%d font \"DejaVu Sans,%g\" fontscale 1.3333 noenhanced "
				    "background \"white\"\n"
				    "PS = 0.75\nset output \"%s.svg\"\n%s\n",
				    fr->w, fr->h, fr->font_pt, name, first ? plot_cmd : "replot");
	if (!err)
		err = hz_buf_puts(script, "unset output\n");
	if (err)
		return err;
	if ((err = hz_fs_mkdir_p(dir, 0755)) < 0)
		return err;
	if (!(path = hz_path_join(dir, gp_name)))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if ((err = hz_fs_write_atomic(path, script->ptr, script->len)) < 0 || (err = gp_files_add(files, path)) < 0 ||
	    (err = run_gnuplot(opts, dir, gp_name)) < 0)
		goto done;
	for (int k = 0; k < 2; k++) {
		if (!(k == 0 ? png : svg))
			continue;
		free(path);
		snprintf(img, sizeof(img), "%s.%s", name, k == 0 ? "png" : "svg");
		if (!(path = hz_path_join(dir, img))) {
			err = hz_error_set(HZ_ENOMEM, "out of memory");
			goto done;
		}
		if (stat(path, &st) < 0 || st.st_size == 0) {
			err = hz_error_set(HZ_ERROR, "gnuplot wrote no '%s'", path);
			goto done;
		}
		if ((err = gp_files_add(files, path)) < 0)
			goto done;
	}
done:
	free(path);
	return err;
}
