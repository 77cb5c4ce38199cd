/* The LaTeX report: a booktabs table of agents and the trend, to \input into a paper. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

static int tex_text(hz_buf *b, const char *s)
{
	int err = 0;

	for (; !err && s && *s; s++) {
		switch (*s) {
		case '&': case '%': case '$': case '#': case '_': case '{': case '}':
			err = hz_buf_putc(b, '\\');
			if (!err)
				err = hz_buf_putc(b, *s);
			break;
		case '~':
			err = hz_buf_puts(b, "\\textasciitilde{}");
			break;
		case '^':
			err = hz_buf_puts(b, "\\textasciicircum{}");
			break;
		case '\\':
			err = hz_buf_puts(b, "\\textbackslash{}");
			break;
		case '<':
			err = hz_buf_puts(b, "\\textless{}");
			break;
		case '>':
			err = hz_buf_puts(b, "\\textgreater{}");
			break;
		case '|':
			err = hz_buf_puts(b, "\\textbar{}");
			break;
		default:
			err = hz_buf_putc(b, *s);
		}
	}
	return err;
}

/* "29.0 [12.1, 64.3]" */
static int tex_horizon(hz_buf *b, const hz_fit_horizon *h)
{
	char e[32], lo[32], hi[32];
	int err = hz_buf_puts(b, rp_fmt_num(h->estimate, e, sizeof(e)));

	if (!err && isfinite(h->ci_low) && isfinite(h->ci_high))
		err = hz_buf_printf(b, " [%s, %s]", rp_fmt_num(h->ci_low, lo, sizeof(lo)),
				    rp_fmt_num(h->ci_high, hi, sizeof(hi)));
	return err;
}

static int tex_usd(hz_buf *b, double usd)
{
	char s[48];

	return tex_text(b, rp_fmt_usd(usd, s, sizeof(s)));
}

/* "$\times$1.74 [1.52, 1.98]"; nothing when not available. */
static int tex_cost_doubling(hz_buf *b, const hz_fit_cost_doubling *c)
{
	static const rp_cd_style tex = { "$\\times$", " [", ", ", "]" };
	char s[128];

	return hz_buf_puts(b, rp_fmt_cost_doubling(c, &tex, s, sizeof(s)));
}

static int tex_agents(const hz_fit *doc, hz_buf *b)
{
	const hz_fit_agent **v = NULL;
	int err;

	if ((err = rp_sorted_agents(doc, &v)) < 0)
		return err;
	err = hz_buf_puts(b, "\\begin{tabular}{llrrrrrrrrrr}\n\\toprule\n"
			     "Agent & Release & Runs & Tasks & Success & $p_{50}$ (min) [95\\% CI] & "
			     "$p_{80}$ (min) [95\\% CI] & Tokens & Cost & Cost/success & Cost/doubling [95\\% CI] & "
			     "\\$/doubling at $p_{50}$ \\\\\n\\midrule\n");
	for (size_t i = 0; !err && i < hz_fit_nagents(doc); i++) {
		const hz_fit_agent *a = v[i];
		char s[3][48];
		err = tex_text(b, a->alias);
		if (!err)
			err = hz_buf_printf(b, "%s & %s & %s & %s & ", a->in_trend ? "$^*$" : "", a->release_date ? a->release_date : "",
					    rp_fmt_count((double)a->runs, s[0], 48),
					    rp_fmt_count((double)a->tasks, s[1], 48));
		if (!err)
			err = tex_text(b, rp_fmt_pct(a->weighted_success_rate, s[2], 48));
		if (!err)
			err = hz_buf_puts(b, " & ");
		if (!err)
			err = tex_horizon(b, rp_horizon(a, RP_PERCENT(0)));
		if (!err)
			err = hz_buf_puts(b, " & ");
		if (!err)
			err = tex_horizon(b, rp_horizon(a, RP_PERCENT(1)));
		if (!err)
			err = hz_buf_printf(b, " & %s & ", rp_fmt_count(rp_tokens(a), s[0], 48));
		if (!err)
			err = tex_usd(b, a->cost_usd);
		if (!err)
			err = hz_buf_puts(b, " & ");
		if (!err)
			err = tex_usd(b, rp_cost_per_success(a));
		if (!err)
			err = hz_buf_puts(b, " & ");
		if (!err)
			err = tex_cost_doubling(b, &a->cost_doubling);
		if (!err)
			err = hz_buf_puts(b, " & ");
		if (!err)
			err = tex_usd(b, a->cost_doubling.usd_per_doubling);
		if (!err)
			err = hz_buf_puts(b, " \\\\\n");
	}
	if (!err)
		err = hz_buf_puts(b, "\\bottomrule\n\\end{tabular}\n");
	if (!err)
		err = rp_adaptive_note(b, v, hz_fit_nagents(doc), "\n", "\n", tex_text);
	free(v);
	return err;
}

static int tex_trend(const hz_fit *doc, hz_buf *b)
{
	int err = hz_buf_puts(b, "\\begin{tabular}{lrrrr}\n\\toprule\n"
				 "Horizon & Doubling time (days) & 95\\% CI (days) & Bootstrap median & Agents \\\\\n"
				 "\\midrule\n");

	for (size_t k = 0; !err && k < hz_fit_npercents(doc); k++) {
		const hz_fit_trend *t = hz_fit_trend_at(doc, k);
		char d[32], lo[32], hi[32], med[32];
		if (!t)
			continue;
		err = hz_buf_printf(b, "%g\\%% & %s & %s%s%s & %s & %zu \\\\\n", t->percent,
				    rp_fmt_num(t->doubling_days, d, sizeof(d)), rp_fmt_num(t->ci_low, lo, sizeof(lo)),
				    isfinite(t->ci_low) ? "--" : "", rp_fmt_num(t->ci_high, hi, sizeof(hi)),
				    rp_fmt_num(t->bootstrap_median, med, sizeof(med)), t->nagents);
	}
	return err ? err : hz_buf_puts(b, "\\bottomrule\n\\end{tabular}\n");
}

static const rp_table_style tex_style = {
	.intro = "\n%% Sensitivity: the same runs refitted under each variation (point estimates, method %s headline),\n"
		 "%% each agent's horizon as a ratio to the headline; -family: the range over leaving each family out.\n",
	.caption = "\\begin{table}[htbp]\n\\centering\n\\small\n\\caption{Sensitivity of p%g}\n",
	.begin = "\\begin{tabular}{l*{17}{r}}\n\\toprule\n",
	.end = "\\bottomrule\n\\end{tabular}\n\\end{table}\n",
	.head_begin = "", .head_sep = " & ", .head_end = " \\\\\n\\midrule\n",
	.row_begin = "", .sep = " & ", .row_end = " \\\\\n",
	.text = tex_text,
};

int rp_render_latex(const hz_fit *doc, const hz_report_opts *opts, hz_buf *b)
{
	int err = hz_buf_printf(b, "%% Written by horizon %s.  Needs \\usepackage{booktabs}.\n"
				   "\\begin{table}[htbp]\n\\centering\n\\small\n\\setlength{\\tabcolsep}{4pt}\n",
				HZ_VERSION);

	if (!err)
		err = tex_agents(doc, b);
	if (!err)
		err = hz_buf_puts(b, "\\caption{");
	if (!err)
		err = tex_text(b, opts->title ? opts->title : "Time horizons");
	if (!err)
		err = hz_buf_puts(b, ". Horizons in minutes of human working time with 95\\% CIs; "
				     "$^*$ marks the agents the trend is fitted on.}\n\\label{tab:horizons}\n\\end{table}\n\n"
				     "\\begin{table}[htbp]\n\\centering\n\\small\n");
	if (!err)
		err = tex_trend(doc, b);
	if (!err)
		err = hz_buf_printf(b, "\\caption{Doubling time of the time horizon across release dates (method %s%s).}\n"
				       "\\label{tab:doubling}\n\\end{table}\n",
				    hz_fit_method_name(hz_fit_method_of(doc)), rp_budget_text(doc));
	if (!err)
		err = rp_sensitivity(doc, &tex_style, b);
	return err;
}
