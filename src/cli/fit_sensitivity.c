/*
 * horizon fit --sensitivity and --buckets.  The panel as a table, one per success percent.
 * Each column is one variation; cells are the agent's horizon under it as a
 * ratio to the headline (the first column), the family column the range over
 * leaving each task family out in turn.  The last row is the doubling time.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "horizon/fit.h"
#include "strutil.h"

#define MAX_COLS 16

void hz_cli_print_sensitivity(const hz_fit *fit)
{
	size_t n = hz_fit_nagents(fit), np = hz_fit_npercents(fit), width = 15, nc;
	hz_fit_sens_column cols[MAX_COLS];
	char buf[64];

	if (!hz_fit_nvariants(fit))
		return;
	nc = hz_fit_sensitivity_columns(fit, cols, MAX_COLS);
	for (size_t i = 0; i < n; i++)
		if (strlen(hz_fit_agent_at(fit, i)->alias) > width)
			width = strlen(hz_fit_agent_at(fit, i)->alias);
	for (size_t k = 0; k < np; k++) {
		const hz_fit_trend *tr = hz_fit_trend_at(fit, k);
		printf("\nsensitivity of p%g (%s headline; other columns: ratio to it, point fits):\n",
		       hz_fit_agent_at(fit, 0)->horizons[k].percent, hz_fit_method_name(hz_fit_method_of(fit)));
		printf("  %-*s  %-14s", (int)width, "agent", "headline");
		for (size_t c = 0; c < nc; c++)
			printf(c + 1 < nc ? "  %-11s" : "  %s", cols[c].label);
		printf("\n");
		for (size_t i = 0; i < n; i++) {
			const hz_fit_agent *ag = hz_fit_agent_at(fit, i);
			double ref = ag->horizons[k].estimate;
			hz_fmt_minutes(ref, buf, sizeof(buf));
			printf("  %-*s  %-14s", (int)width, ag->alias, isnan(ref) ? "-" : buf);
			for (size_t c = 0; c < nc; c++) {
				hz_fit_sensitivity_cell(fit, &cols[c], i, k, ref, buf, sizeof(buf));
				printf(c + 1 < nc ? "  %-11s" : "  %s", buf);
			}
			printf("\n");
		}
		if (!tr)
			continue;
		snprintf(buf, sizeof(buf), "%.0f d", tr->doubling_days);
		printf("  %-*s  %-14s", (int)width, "doubling time", buf);
		for (size_t c = 0; c < nc; c++) {
			hz_fit_sensitivity_cell(fit, &cols[c], SIZE_MAX, k, NAN, buf, sizeof(buf));
			printf(c + 1 < nc ? "  %-11s" : "  %s", buf);
		}
		printf("\n");
	}
	for (size_t i = 0; i < hz_fit_nvariants(fit); i++) {
		const hz_fit_variant *v = hz_fit_variant_at(fit, i);
		if (v->error)
			printf("note: sensitivity %s %s: not fitted: %s\n", v->group, v->name, v->error);
	}
}

void hz_cli_print_buckets(const hz_fit *fit)
{
	size_t n = hz_fit_nagents(fit), width = 15;
	hz_fit_bucket bk;

	if (hz_fit_metr_bucket(fit, 0, 0, &bk) < 0)
		return;
	for (size_t i = 0; i < n; i++)
		if (strlen(hz_fit_agent_at(fit, i)->alias) > width)
			width = strlen(hz_fit_agent_at(fit, i)->alias);
	printf("\nweighted success rate by human time (METR's buckets), fitted curve in brackets:\n");
	printf("  %-*s", (int)width, "agent");
	for (size_t b = 0; b < HZ_FIT_METR_BUCKETS; b++) {
		char head[32];
		hz_fit_metr_bucket(fit, 0, b, &bk);
		snprintf(head, sizeof(head), "%g-%g min", bk.lo_minutes, bk.hi_minutes);
		printf(b + 1 < HZ_FIT_METR_BUCKETS ? "  %-14s" : "  %s", head);
	}
	printf("\n");
	for (size_t i = 0; i < n; i++) {
		printf("  %-*s", (int)width, hz_fit_agent_at(fit, i)->alias);
		for (size_t b = 0; b < HZ_FIT_METR_BUCKETS; b++) {
			char c[32];
			hz_fit_metr_bucket(fit, i, b, &bk);
			if (!bk.runs)
				snprintf(c, sizeof(c), "-");
			else if (isnan(bk.fitted))
				snprintf(c, sizeof(c), "%.2f", bk.empirical);
			else
				snprintf(c, sizeof(c), "%.2f (%.2f)", bk.empirical, bk.fitted);
			printf(b + 1 < HZ_FIT_METR_BUCKETS ? "  %-14s" : "  %s", c);
		}
		printf("\n");
	}
}
