/*
 * Shared pieces of the chart scripts: quoting for gnuplot, the human time
 * ticks, the canvas geometry, and writing + running one NAME.gp that draws
 * NAME.png and NAME.svg.
 */
#ifndef HZ_REPORT_GP_H
#define HZ_REPORT_GP_H

#include <stddef.h>

#include "buf.h"
#include "horizon/plot.h"

/* The canvas: pixel size and the plot area as screen fractions (fixed, so labels can be placed). */
typedef struct gp_frame {
	int w, h;
	double l, r, b, t;  /* plot area: left, right, bottom, top, in [0,1] of the canvas */
	double font_pt;     /* base font size */
} gp_frame;

/* Append `s` as a double-quoted gnuplot string (backslash, quote and control characters escaped). */
int gp_quote(hz_buf *b, const char *s);

/* A file-name-safe slug of an alias ("Claude 3.5 Sonnet (New)" -> "claude-3-5-sonnet-new"). */
void gp_slug(const char *alias, char *out, size_t size);

/* One human time tick: minutes and label. */
typedef struct gp_tick {
	double minutes;
	const char *label;
} gp_tick;

/* The human ticks, ascending: 0.1 s, 0.25 s, 1 s, 4 s, 15 s, 1 min, ... 1 month (METR's working-time units). */
const gp_tick *gp_human_ticks(size_t *n);

/*
 * Append "set <axis>tics (...)" with the human ticks inside [lo, hi]
 * (minutes), plus unlabelled minor ticks at each power of two.
 */
int gp_set_human_tics(hz_buf *b, const char *axis, double lo, double hi);

/* Round a log range outward so it starts and ends near human ticks. */
void gp_human_range(double lo, double hi, double *out_lo, double *out_hi);

/* The script header: comment naming the chart and how to re-run it, common settings. */
int gp_begin(hz_buf *b, const char *name, const char *what);

/*
 * Append the terminal + output + plot lines for each wanted format (the
 * `plot` command is given once; later formats use `replot`), write
 * DIR/NAME.gp, run gnuplot on it in DIR, check every image exists and is not
 * empty, and append the paths written to `files`.
 */
int gp_finish(hz_buf *script, const char *plot_cmd, const gp_frame *fr, const char *name,
	      const hz_plot_opts *opts, hz_plot_files *files);

/* Add a path (copied) to `files`; NULL files is fine. */
int gp_files_add(hz_plot_files *files, const char *path);

/* Margins of a frame as "set lmargin at screen ..." lines. */
int gp_set_margins(hz_buf *b, const gp_frame *fr);

#endif
