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

static int md_agents(const hz_fitdoc *doc, hz_buf *b)
{
	const hz_fd_agent **v = NULL;
	int err;

	if ((err = rp_sorted_agents(doc, &v)) < 0)
		return err;
	err = hz_buf_puts(b, "| Agent | Release | Runs | Tasks | Success (weighted) | p50 (min) | p50 95% CI "
			     "| p80 (min) | p80 95% CI | Tokens | Cost | Cost / success |\n"
			     "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
	for (size_t i = 0; !err && i < doc->nagents; i++) {
		const hz_fd_agent *a = v[i];
		char runs[32], tasks[32], rate[32], p50[32], ci50[80], p80[32], ci80[80], tok[32], cost[32], cps[32];
		err = hz_buf_puts(b, "| ");
		if (!err)
			err = md_cell(b, a->alias);
		if (!err)
			err = hz_buf_printf(b, "%s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
					    a->in_trend ? " *" : "", a->release_date[0] ? a->release_date : "",
					    rp_fmt_count(a->runs >= 0 ? (double)a->runs : NAN, runs, sizeof(runs)),
					    rp_fmt_count(a->tasks >= 0 ? (double)a->tasks : NAN, tasks, sizeof(tasks)),
					    rp_fmt_pct(a->weighted_success_rate, rate, sizeof(rate)),
					    hz_fd_fmt_num(a->h[0].estimate, p50, sizeof(p50)),
					    rp_fmt_ci(&a->h[0], "–", ci50, sizeof(ci50)),
					    hz_fd_fmt_num(a->h[1].estimate, p80, sizeof(p80)),
					    rp_fmt_ci(&a->h[1], "–", ci80, sizeof(ci80)),
					    rp_fmt_count(rp_tokens(a), tok, sizeof(tok)), rp_fmt_usd(a->cost_usd, cost, sizeof(cost)),
					    rp_fmt_usd(rp_cost_per_success(a), cps, sizeof(cps)));
	}
	free(v);
	return err;
}

static int md_trend(const hz_fitdoc *doc, hz_buf *b)
{
	int err = hz_buf_puts(b, "\n## Trend\n\n| Horizon | Doubling time (days) | 95% CI (days) | Bootstrap median "
				 "| Agents | Fitted on |\n|---|--:|--:|--:|--:|---|\n");

	for (int pi = 0; !err && pi < 2; pi++) {
		const hz_fd_trend *t = &doc->trend[pi];
		char d[32], lo[32], hi[32], med[32];
		if (!t->present)
			continue;
		err = hz_buf_printf(b, "| %d%% | %s | %s%s%s | %s | %zu | ", pi ? 80 : 50,
				    hz_fd_fmt_num(t->doubling_days, d, sizeof(d)), hz_fd_fmt_num(t->doubling_ci_low, lo, sizeof(lo)),
				    isfinite(t->doubling_ci_low) ? "–" : "", hz_fd_fmt_num(t->doubling_ci_high, hi, sizeof(hi)),
				    hz_fd_fmt_num(t->doubling_median, med, sizeof(med)), t->nagents);
		for (size_t k = 0; !err && k < t->nagents; k++) {
			if (k)
				err = hz_buf_puts(b, ", ");
			if (!err)
				err = md_cell(b, t->agents[k]);
		}
		if (!err)
			err = hz_buf_puts(b, " |\n");
	}
	return err;
}

static int md_notes(const hz_fitdoc *doc, hz_buf *b)
{
	int err = 0, any = 0;

	for (size_t i = 0; !err && i < doc->nagents; i++) {
		if (!doc->agents[i].note)
			continue;
		if (!any++)
			err = hz_buf_puts(b, "\n## Notes\n\n");
		if (!err)
			err = hz_buf_printf(b, "- %s: %s\n", doc->agents[i].alias, doc->agents[i].note);
	}
	for (size_t i = 0; !err && i < doc->nexcluded; i++) {
		if (!any++)
			err = hz_buf_puts(b, "\n## Notes\n\n");
		if (!err)
			err = hz_buf_printf(b, "- excluded from the trend: %s (%s)\n",
					    doc->excluded[i].alias ? doc->excluded[i].alias : "?",
					    doc->excluded[i].reason ? doc->excluded[i].reason : "no reason given");
	}
	for (size_t i = 0; !err && i < doc->nnotes; i++) {
		if (!any++)
			err = hz_buf_puts(b, "\n## Notes\n\n");
		if (!err)
			err = hz_buf_printf(b, "- %s\n", doc->notes[i]);
	}
	return err;
}

int rp_render_md(const hz_fitdoc *doc, const hz_report_opts *opts, hz_buf *b)
{
	int err = hz_buf_printf(b, "# %s\n\n", opts->title ? opts->title : "Time horizons");

	for (int pi = 0; !err && pi < 2; pi++) {
		err = hz_buf_printf(b, "%s%d%% horizon doubling time: ", pi ? "" : "", pi ? 80 : 50);
		if (!err)
			err = rp_trend_sentence(b, doc, pi);
		if (!err)
			err = hz_buf_puts(b, ".  \n");
	}
	if (!err)
		err = hz_buf_printf(b, "\nSource: %s (%s%s%s). Horizons are minutes of human working time; "
				       "`*` marks the agents the trend is fitted on.\n\n## Agents\n\n",
				    doc->origin, hz_fitdoc_source(doc), doc->bootstrap >= 0 ? ", CIs from " : "",
				    doc->bootstrap >= 0 ? "the hierarchical bootstrap" : "");
	if (!err)
		err = md_agents(doc, b);
	if (!err)
		err = md_trend(doc, b);
	if (!err)
		err = md_notes(doc, b);
	return err;
}
