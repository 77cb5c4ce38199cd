/* The runs of runs.jsonl files as per-agent lists (horizon/fit_lik.h), read by fit's own table reader. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fit_table.h"
#include "horizon/error.h"
#include "horizon/fit_lik.h"

struct hz_fit_runset {
	fit_table t;
	hz_fit_run *runs;      /* grouped by agent, file order within */
	size_t *start;         /* per agent: first run; start[nagents] = total */
	size_t nagents;
};

void hz_fit_runset_free(hz_fit_runset *rs)
{
	if (!rs)
		return;
	fit_table_release(&rs->t);
	free(rs->runs);
	free(rs->start);
	free(rs);
}

int hz_fit_runset_load(hz_fit_runset **out, const char *const *inputs, size_t ninputs, const char *score_col)
{
	hz_fit_runset *rs;
	size_t *fill = NULL;
	int rc = 0;

	*out = NULL;
	if (ninputs == 0)
		return hz_error_set(HZ_EUSAGE, "no input runs.jsonl file given");
	if (score_col && strcmp(score_col, "score_binarized") && strcmp(score_col, "score_cont") &&
	    strcmp(score_col, "score"))
		return hz_error_set(HZ_EUSAGE, "score column '%s': not score_binarized, score_cont or score", score_col);
	if (!(rs = calloc(1, sizeof(*rs))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	rs->t.score_col = score_col ? score_col : "score_binarized";
	for (size_t i = 0; i < ninputs && !rc; i++)
		rc = fit_table_load_input(&rs->t, inputs[i]) < 0 ? -1 : 0;
	if (rc || (rc = fit_table_finish(&rs->t)) < 0)
		goto fail;
	rs->nagents = rs->t.aliases.n;
	rs->runs = calloc(rs->t.n ? rs->t.n : 1, sizeof(*rs->runs));
	rs->start = calloc(rs->nagents + 1, sizeof(size_t));
	fill = calloc(rs->nagents + 1, sizeof(size_t));
	if (!rs->runs || !rs->start || !fill) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto fail;
	}
	for (size_t r = 0; r < rs->t.n; r++)
		rs->start[rs->t.alias[r] + 1]++;
	for (size_t a = 0; a < rs->nagents; a++) {
		rs->start[a + 1] += rs->start[a];
		fill[a] = rs->start[a];
	}
	for (size_t r = 0; r < rs->t.n; r++) {
		hz_fit_run *run = &rs->runs[fill[rs->t.alias[r]]++];
		run->task_id = rs->t.tasks.str[rs->t.task[r]];
		run->family = rs->t.families.str[rs->t.task_family[rs->t.task[r]]];
		run->minutes = exp2(rs->t.x[r]);
		run->score = rs->t.y[r];
	}
	free(fill);
	*out = rs;
	return 0;
fail:
	free(fill);
	hz_fit_runset_free(rs);
	return rc < 0 ? rc : HZ_ERROR;
}

size_t hz_fit_runset_nagents(const hz_fit_runset *rs)
{
	return rs->nagents;
}

const char *hz_fit_runset_alias(const hz_fit_runset *rs, size_t agent)
{
	return agent < rs->nagents ? rs->t.aliases.str[agent] : NULL;
}

size_t hz_fit_runset_runs(const hz_fit_runset *rs, size_t agent, const hz_fit_run **runs)
{
	*runs = agent < rs->nagents ? rs->runs + rs->start[agent] : NULL;
	return agent < rs->nagents ? rs->start[agent + 1] - rs->start[agent] : 0;
}
