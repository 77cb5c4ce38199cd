/* The report formats behind hz_report_render, one file each, and what they share. */
#ifndef HZ_REPORT_REPORT_INTERNAL_H
#define HZ_REPORT_REPORT_INTERNAL_H

#include "buf.h"
#include "fitfmt.h"
#include "horizon/report.h"

/* The agents in table order (release date, then alias; undated last): a heap array of borrowed pointers. */
int rp_sorted_agents(const hz_fit *doc, const hz_fit_agent ***out);

/* total_tokens, else input + output, else NAN. */
double rp_tokens(const hz_fit_agent *a);

/* cost_usd / successes; NAN when either is unknown or there is no success. */
double rp_cost_per_success(const hz_fit_agent *a);

/* How a cost per doubling is written: TIMES factor [OPEN low SEP high CLOSE]. */
typedef struct rp_cd_style {
	const char *times, *open, *sep, *close;
} rp_cd_style;

/* Markdown and HTML: "×1.74 (1.52–1.98)". */
extern const rp_cd_style rp_cd_plain;

/* "×1.74 (1.52–1.98)" from a cost per doubling, "×1.74" without a CI; "" when not available. */
char *rp_fmt_cost_doubling(const hz_fit_cost_doubling *c, const rp_cd_style *st, char *out, size_t size);

/* "43.1%" from 0.4312; "" for NAN. */
char *rp_fmt_pct(double rate, char *out, size_t size);

/* "$12.50"; "" for NAN. */
char *rp_fmt_usd(double usd, char *out, size_t size);

/* "123456"; "" for NAN. */
char *rp_fmt_count(double n, char *out, size_t size);

/* "12.1–64.3" from a horizon's CI; "" when unknown. */
char *rp_fmt_ci(const hz_fit_horizon *h, const char *dash, char *out, size_t size);

/* The headline sentence for a trend ("212 days (95% CI 171–249) over 9 agents"), plain text. */
int rp_trend_sentence(hz_buf *b, const hz_fit *doc, double percent);

/* How one format writes a table (report_sens.c): literal pieces and the cell escaper. */
typedef struct rp_table_style {
	const char *intro;      /* printf format, %s = the method version; before all tables */
	const char *caption;    /* printf format, %g = the percent; before each table */
	const char *begin, *end;
	const char *head_begin, *head_sep, *head_end;
	const char *rule;       /* after the header row, or NULL */
	const char *rule_cell;  /* repeated once per column after `rule`, then "|" (Markdown), or NULL */
	const char *row_begin, *sep, *row_end;
	int (*text)(hz_buf *b, const char *s);
} rp_table_style;

/* Whether an agent was measured by an adaptive sweep (its horizons have other intervals than the bootstrap's). */
int rp_is_adaptive(const hz_fit_agent *a);

/* The design that measured an agent: its `design`, else "full". */
const char *rp_design_name(const hz_fit_agent *a);

/* The interval an agent's horizons use: its `interval`, else "profile-likelihood" for an adaptive agent. */
const char *rp_interval_name(const hz_fit_agent *a);

/*
 * For the agents v[0..n) of adaptive sweeps, one sentence per interval they used, each between `pre` and
 * `post`: "Measured by an adaptive sweep, with 95% profile-likelihood intervals (not the bootstrap's): a, b."
 * (names through `text`, the format's escaper).  Nothing when no agent is adaptive.
 */
int rp_adaptive_note(hz_buf *b, const hz_fit_agent **v, size_t n, const char *pre, const char *post,
		     int (*text)(hz_buf *b, const char *s));

/* ", budget $5 / 100000 tokens / 30 min" for a budget fit, "" otherwise (a static buffer per thread). */
const char *rp_budget_text(const hz_fit *fit);

/* The sensitivity panel's tables (nothing when the fit has no panel). */
int rp_sensitivity(const hz_fit *fit, const rp_table_style *st, hz_buf *b);

int rp_render_md(const hz_fit *doc, const hz_report_opts *opts, hz_buf *b);
int rp_render_csv(const hz_fit *doc, const hz_report_opts *opts, hz_buf *b);
int rp_render_html(const hz_fit *doc, const hz_report_opts *opts, hz_buf *b);
int rp_render_latex(const hz_fit *doc, const hz_report_opts *opts, hz_buf *b);
int rp_render_yaml(const hz_fit *doc, const hz_report_opts *opts, hz_buf *b);

#endif
