/* The Markdown report: a table of agents and the trend, for READMEs and issues. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

/* Table cells cannot hold '|' or newlines. */
static int md_cell(hz_buf *b, const char *s)
{
	int err = 0;

	/* '<' and '>' as entities, or renderers take "<tag>" for HTML and drop it. */
	for (; !err && *s; s++)
		err = *s == '|'	  ? hz_buf_puts(b, "\\|")
		      : *s == '<' ? hz_buf_puts(b, "&lt;")
		      : *s == '>' ? hz_buf_puts(b, "&gt;")
				  : hz_buf_putc(b, *s == '\n' ? ' ' : *s);
	return err;
}

static int md_agents(const hz_fit *doc, hz_buf *b)
{
	const hz_fit_agent **v = NULL;
	size_t np = hz_fit_npercents(doc);
	int err;

	if ((err = rp_sorted_agents(doc, &v)) < 0)
		return err;
	err = hz_buf_puts(b, "| Agent | Release | Runs | Tasks | Success (weighted) |");
	for (size_t k = 0; !err && k < np; k++)
		err = hz_buf_printf(b, " p%g (min) | p%g 95%% CI |", hz_fit_percent(doc, k), hz_fit_percent(doc, k));
	if (!err)
		err = hz_buf_puts(b, " Tokens | Cost | Cost / success | Cost / doubling | $ / doubling at p50 |\n|---|---|--:|--:|--:|");
	for (size_t k = 0; !err && k < np; k++)
		err = hz_buf_puts(b, "--:|--:|");
	if (!err)
		err = hz_buf_puts(b, "--:|--:|--:|--:|--:|\n");
	for (size_t i = 0; !err && i < hz_fit_nagents(doc); i++) {
		const hz_fit_agent *a = v[i];
		char runs[32], tasks[32], rate[32], p[32], ci[80], tok[32], cost[32], cps[32], cd[96], cdu[32];
		err = hz_buf_puts(b, "| ");
		if (!err)
			err = md_cell(b, a->alias);
		if (!err)
			err = hz_buf_printf(b, "%s | %s | %s | %s | %s |", a->in_trend ? " *" : "",
					    a->release_date ? a->release_date : "",
					    rp_fmt_count((double)a->runs, runs, sizeof(runs)),
					    rp_fmt_count((double)a->tasks, tasks, sizeof(tasks)),
					    rp_fmt_pct(a->weighted_success_rate, rate, sizeof(rate)));
		for (size_t k = 0; !err && k < a->nhorizons; k++)
			err = hz_buf_printf(b, " %s | %s |", rp_fmt_num(a->horizons[k].estimate, p, sizeof(p)),
					    rp_fmt_ci(&a->horizons[k], "–", ci, sizeof(ci)));
		if (!err)
			err = hz_buf_printf(b, " %s | %s | %s | %s | %s |\n", rp_fmt_count(rp_tokens(a), tok, sizeof(tok)),
					    rp_fmt_usd(a->cost_usd, cost, sizeof(cost)),
					    rp_fmt_usd(rp_cost_per_success(a), cps, sizeof(cps)),
					    rp_fmt_cost_doubling(&a->cost_doubling, &rp_cd_plain, cd, sizeof(cd)),
					    rp_fmt_usd(a->cost_doubling.usd_per_doubling, cdu, sizeof(cdu)));
	}
	/* Agents of an adaptive sweep have other intervals than the bootstrap's: say which (docs/adaptive.md). */
	if (!err)
		err = rp_adaptive_note(b, v, hz_fit_nagents(doc), "\n", "\n", md_cell);
	free(v);
	return err;
}

static int md_trend(const hz_fit *doc, hz_buf *b)
{
	int err = hz_buf_puts(b, "\n## Trend\n\n| Horizon | Doubling time (days) | 95% CI (days) | Bootstrap median "
				 "| Agents | Fitted on |\n|---|--:|--:|--:|--:|---|\n");

	for (size_t k = 0; !err && k < hz_fit_npercents(doc); k++) {
		const hz_fit_trend *t = hz_fit_trend_at(doc, k);
		char d[32], lo[32], hi[32], med[32];
		if (!t)
			continue;
		err = hz_buf_printf(b, "| %g%% | %s | %s%s%s | %s | %zu | ", t->percent,
				    rp_fmt_num(t->doubling_days, d, sizeof(d)), rp_fmt_num(t->ci_low, lo, sizeof(lo)),
				    isfinite(t->ci_low) ? "–" : "", rp_fmt_num(t->ci_high, hi, sizeof(hi)),
				    rp_fmt_num(t->bootstrap_median, med, sizeof(med)), t->nagents);
		for (size_t j = 0; !err && j < t->nagents; j++) {
			if (j)
				err = hz_buf_puts(b, ", ");
			if (!err)
				err = md_cell(b, t->agents[j]);
		}
		if (!err)
			err = hz_buf_puts(b, " |\n");
	}
	return err;
}

static int md_notes(const hz_fit *doc, hz_buf *b)
{
	int err = 0, any = 0;

	for (size_t i = 0; !err && i < hz_fit_nagents(doc); i++) {
		if (!hz_fit_agent_at(doc, i)->note)
			continue;
		if (!any++)
			err = hz_buf_puts(b, "\n## Notes\n\n");
		if (!err)
			err = hz_buf_printf(b, "- %s: %s\n", hz_fit_agent_at(doc, i)->alias, hz_fit_agent_at(doc, i)->note);
	}
	for (size_t i = 0; !err && i < hz_fit_nexcluded(doc); i++) {
		const char *why = hz_fit_excluded_reason(doc, i);
		if (!any++)
			err = hz_buf_puts(b, "\n## Notes\n\n");
		if (!err)
			err = hz_buf_printf(b, "- excluded from the trend: %s (%s)\n", hz_fit_excluded_alias(doc, i),
					    why && *why ? why : "no reason given");
	}
	for (size_t i = 0; !err && i < hz_fit_ntrend_notes(doc); i++) {
		if (!any++)
			err = hz_buf_puts(b, "\n## Notes\n\n");
		if (!err)
			err = hz_buf_printf(b, "- %s\n", hz_fit_trend_note(doc, i));
	}
	return err;
}

static int md_text(hz_buf *b, const char *s)
{
	return md_cell(b, s ? s : "");
}

static const rp_table_style md_style = {
	.intro = "\n## Sensitivity\n\nThe same runs refitted under each variation (point estimates, method %s "
		 "headline): each agent's horizon as a ratio to the headline; `-family` is the range over leaving "
		 "each task family out (docs/fit.md SENSITIVITY).\n",
	.caption = "\n### p%g\n\n",
	.begin = "", .end = "",
	.head_begin = "| ", .head_sep = " | ", .head_end = " |\n",
	.rule = "|---", .rule_cell = "|--:",
	.row_begin = "| ", .sep = " | ", .row_end = " |\n",
	.text = md_text,
};

int rp_render_md(const hz_fit *doc, const hz_report_opts *opts, hz_buf *b)
{
	int err = hz_buf_printf(b, "# %s\n\n", opts->title ? opts->title : "Time horizons");

	for (size_t k = 0; !err && k < hz_fit_npercents(doc); k++) {
		err = hz_buf_printf(b, "%g%% horizon doubling time: ", hz_fit_percent(doc, k));
		if (!err)
			err = rp_trend_sentence(b, doc, hz_fit_percent(doc, k));
		if (!err)
			err = hz_buf_puts(b, ".  \n");
	}
	if (!err)
		err = hz_buf_printf(b, "\nSource: %s (%s%s%s; method %s%s). Horizons are minutes of human working time; "
				       "`*` marks the agents the trend is fitted on.\n\n## Agents\n\n",
				    hz_fit_origin(doc), rp_source(doc), ", CIs from ", "the hierarchical bootstrap",
				    hz_fit_method_name(hz_fit_method_of(doc)), rp_budget_text(doc));
	if (!err)
		err = md_agents(doc, b);
	if (!err)
		err = md_trend(doc, b);
	if (!err)
		err = rp_sensitivity(doc, &md_style, b);
	if (!err)
		err = md_notes(doc, b);
	return err;
}
