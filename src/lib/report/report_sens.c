/*
 * The sensitivity section of the reports (docs/fit.md SENSITIVITY): for each
 * success percent, one table of agents by variation, each cell the agent's
 * horizon under the variation as a ratio to the headline, and a last row
 * with the doubling times.  The formats differ only in their table syntax
 * and escaping, given as an rp_table_style.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "report_internal.h"

#define MAX_COLS 16

static int row(hz_buf *b, const rp_table_style *st, const char *label, const char *headline, const char **cells,
	       size_t n, int head)
{
	int err = hz_buf_puts(b, head ? st->head_begin : st->row_begin);

	if (!err)
		err = st->text(b, label);
	if (!err)
		err = hz_buf_puts(b, head ? st->head_sep : st->sep);
	if (!err)
		err = st->text(b, headline);
	for (size_t c = 0; !err && c < n; c++) {
		if (!(err = hz_buf_puts(b, head ? st->head_sep : st->sep)))
			err = st->text(b, cells[c]);
	}
	return err ? err : hz_buf_puts(b, head ? st->head_end : st->row_end);
}

int rp_sensitivity(const hz_fit *fit, const rp_table_style *st, hz_buf *b)
{
	hz_fit_sens_column cols[MAX_COLS];
	char cell[MAX_COLS][48], head[64], ref_text[32];
	const char *cells[MAX_COLS];
	size_t nc = hz_fit_sensitivity_columns(fit, cols, MAX_COLS);
	int err = 0;

	if (!nc)
		return 0;
	for (size_t c = 0; c < nc; c++)
		cells[c] = cell[c];
	err = hz_buf_printf(b, st->intro, hz_fit_method_name(hz_fit_method_of(fit)));
	for (size_t k = 0; !err && k < hz_fit_npercents(fit); k++) {
		const hz_fit_trend *tr = hz_fit_trend_at(fit, k);
		snprintf(head, sizeof(head), "p%g headline (min)", hz_fit_percent(fit, k));
		for (size_t c = 0; c < nc; c++)
			snprintf(cell[c], sizeof(cell[c]), "%s", cols[c].label);
		if ((err = hz_buf_printf(b, st->caption, hz_fit_percent(fit, k))) < 0 ||
		    (err = hz_buf_puts(b, st->begin)) < 0 || (err = row(b, st, "Agent", head, cells, nc, 1)) < 0)
			break;
		if (st->rule && (err = hz_buf_puts(b, st->rule)) < 0)
			break;
		for (size_t c = 0; !err && st->rule_cell && c <= nc; c++)
			err = hz_buf_puts(b, st->rule_cell);
		if (!err && st->rule_cell)
			err = hz_buf_puts(b, "|\n");
		for (size_t a = 0; !err && a < hz_fit_nagents(fit); a++) {
			const hz_fit_agent *ag = hz_fit_agent_at(fit, a);
			double ref = ag->horizons[k].estimate;
			for (size_t c = 0; c < nc; c++)
				hz_fit_sensitivity_cell(fit, &cols[c], a, k, ref, cell[c], sizeof(cell[c]));
			err = row(b, st, ag->alias, rp_fmt_num(ref, ref_text, sizeof(ref_text)), cells, nc, 0);
		}
		if (!err && tr) {
			for (size_t c = 0; c < nc; c++)
				hz_fit_sensitivity_cell(fit, &cols[c], SIZE_MAX, k, NAN, cell[c], sizeof(cell[c]));
			snprintf(ref_text, sizeof(ref_text), "%.0f d", tr->doubling_days);
			err = row(b, st, "doubling time", ref_text, cells, nc, 0);
		}
		if (!err)
			err = hz_buf_puts(b, st->end);
	}
	return err;
}

const char *rp_budget_text(const hz_fit *fit)
{
	static _Thread_local char buf[160];
	const hz_fit_opts *o = hz_fit_params(fit);
	size_t n = 0;

	buf[0] = '\0';
	if (o->budget_usd > 0)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s$%g", n ? " / " : ", budget ", o->budget_usd);
	if (o->budget_tokens > 0 && n < sizeof(buf))
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%g tokens", n ? " / " : ", budget ", o->budget_tokens);
	if (o->budget_minutes > 0 && n < sizeof(buf))
		snprintf(buf + n, sizeof(buf) - n, "%s%g min", n ? " / " : ", budget ", o->budget_minutes);
	return buf;
}
