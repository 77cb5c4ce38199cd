/* The hz_fit result object: creation, owned strings and notes, accessors, freeing. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "buf.h"
#include "fit_method.h"
#include "fit_result.h"
#include "horizon/error.h"

hz_fit *fit_new(const hz_fit_opts *opts)
{
	hz_fit *fit = calloc(1, sizeof(*fit));

	if (!fit)
		return NULL;
	fit->opts = *opts;
	fit->opts.exclude_agents = NULL;
	fit->opts.exclude_families = NULL;
	fit->opts.nexclude_families = 0;
	fit->opts.nexclude = 0;
	fit->opts.progress = NULL;
	fit->opts.progress_ud = NULL;
	fit->score_col = strdup(opts->score_col ? opts->score_col : "score_binarized");
	fit->release_dates_path = opts->release_dates ? strdup(opts->release_dates) : NULL;
	fit->opts.score_col = fit->score_col;
	fit->opts.release_dates = fit->release_dates_path;
	fit->pub_all_time = fit->pub_from_2023 = fit->file_all_time = fit->file_from_2023 = NAN;
	fit->file_from_2023_lo = fit->file_from_2023_hi = NAN;
	if (!fit->score_col || (opts->release_dates && !fit->release_dates_path)) {
		hz_fit_free(fit);
		return NULL;
	}
	return fit;
}

char *fit_keep(hz_fit *fit, const char *s)
{
	char *c;

	if (!s)
		return NULL;
	if (HZ_ARRAY_RESERVE(fit->strings, fit->capstrings, fit->nstrings + 1) != 0 || !(c = strdup(s)))
		return NULL;
	fit->strings[fit->nstrings++] = c;
	return c;
}

static char *vformat(const char *fmt, va_list ap)
{
	hz_buf b = HZ_BUF_INIT;

	hz_buf_init(&b, 1 << 16);
	if (hz_buf_vprintf(&b, fmt, ap) < 0) {
		hz_buf_release(&b);
		return NULL;
	}
	return hz_buf_detach(&b);
}

int fit_add_note(hz_fit *fit, char ***list, size_t *n, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int err;

	(void)fit;
	va_start(ap, fmt);
	s = vformat(fmt, ap);
	va_end(ap);
	if (!s)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if ((err = HZ_ARRAY_RESIZE(*list, *n + 1)) != 0) {
		free(s);
		return err;
	}
	(*list)[(*n)++] = s;
	return 0;
}

int fit_exclude(hz_fit *fit, const char *alias, const char *fmt, ...)
{
	va_list ap;
	char *reason, *a = strdup(alias);
	int err = 0;

	va_start(ap, fmt);
	reason = vformat(fmt, ap);
	va_end(ap);
	if (!a || !reason || (err = HZ_ARRAY_RESIZE(fit->excluded, fit->nexcluded + 1)) != 0) {
		free(a);
		free(reason);
		return err ? err : hz_error_set(HZ_ENOMEM, "out of memory");
	}
	fit->excluded[fit->nexcluded].alias = a;
	fit->excluded[fit->nexcluded].reason = reason;
	fit->nexcluded++;
	return 0;
}

static void free_list(char **l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(l[i]);
	free(l);
}

void hz_fit_free(hz_fit *fit)
{
	if (!fit)
		return;
	free(fit->score_col);
	free(fit->release_dates_path);
	free(fit->published_path);
	free(fit->origin);
	for (size_t i = 0; i < fit->ninputs; i++)
		free(fit->inputs[i].path);
	free(fit->inputs);
	free(fit->agents);
	free_list(fit->strings, fit->nstrings);
	free(fit->horizons);
	free(fit->bins);
	free(fit->bin0);
	free(fit->mbuckets);
	free(fit->mfitted);
	free(fit->samples);
	for (size_t k = 0; k < HZ_FIT_MAX_PERCENTS; k++) {
		free(fit->trends[k].agents);
		free(fit->trends[k].band);
	}
	free_list(fit->notes, fit->nnotes);
	free_list(fit->trend_notes, fit->ntrend_notes);
	for (size_t i = 0; i < fit->nexcluded; i++) {
		free(fit->excluded[i].alias);
		free(fit->excluded[i].reason);
	}
	free(fit->excluded);
	fit_variants_free(fit);
	free(fit);
}

size_t hz_fit_nagents(const hz_fit *fit)
{
	return fit->nagents;
}

const hz_fit_agent *hz_fit_agent_at(const hz_fit *fit, size_t i)
{
	return i < fit->nagents ? &fit->agents[i] : NULL;
}

size_t hz_fit_npercents(const hz_fit *fit)
{
	return fit->opts.nsuccess;
}

const hz_fit_trend *hz_fit_trend_at(const hz_fit *fit, size_t k)
{
	if (k >= fit->opts.nsuccess || !fit->trends[k].fitted)
		return NULL;
	return &fit->trends[k].pub;
}

size_t hz_fit_nnotes(const hz_fit *fit)
{
	return fit->nnotes;
}

const char *hz_fit_note(const hz_fit *fit, size_t i)
{
	return i < fit->nnotes ? fit->notes[i] : NULL;
}

size_t hz_fit_nruns(const hz_fit *fit)
{
	return fit->nruns;
}

int hz_fit_published_doubling(const hz_fit *fit, double mine[2], double file[2])
{
	if (!fit->published)
		return hz_error_set(HZ_EUSAGE, "not a fit of a published results file");
	mine[0] = fit->pub_all_time;
	mine[1] = fit->pub_from_2023;
	file[0] = fit->file_all_time;
	file[1] = fit->file_from_2023;
	return 0;
}

double hz_fit_percent(const hz_fit *fit, size_t k)
{
	return k < fit->opts.nsuccess ? fit->opts.success_percents[k] : NAN;
}

const hz_fit_trend *hz_fit_trend_for(const hz_fit *fit, double percent)
{
	for (size_t k = 0; k < fit->opts.nsuccess; k++)
		if (fit->opts.success_percents[k] == percent)
			return hz_fit_trend_at(fit, k);
	return NULL;
}

const hz_fit_horizon *hz_fit_agent_horizon(const hz_fit_agent *agent, double percent)
{
	for (size_t k = 0; k < agent->nhorizons; k++)
		if (agent->horizons[k].percent == percent)
			return &agent->horizons[k];
	return NULL;
}

const hz_fit_agent *hz_fit_find_agent(const hz_fit *fit, const char *alias)
{
	for (size_t i = 0; i < fit->nagents; i++)
		if (!strcmp(fit->agents[i].alias, alias))
			return &fit->agents[i];
	return NULL;
}

double hz_fit_longest_task(const hz_fit *fit)
{
	double m = NAN;

	for (size_t i = 0; i < fit->nagents; i++)
		if (isfinite(fit->agents[i].longest_task_minutes) && !(m >= fit->agents[i].longest_task_minutes))
			m = fit->agents[i].longest_task_minutes;
	return m;
}

const hz_fit_opts *hz_fit_params(const hz_fit *fit)
{
	return &fit->opts;
}

int hz_fit_is_published(const hz_fit *fit)
{
	return fit->published;
}

const char *hz_fit_origin(const hz_fit *fit)
{
	if (fit->origin)
		return fit->origin;
	if (fit->published)
		return fit->published_path;
	return fit->ninputs == 1 ? fit->inputs[0].path : "run logs";
}

int hz_fit_set_origin(hz_fit *fit, const char *origin)
{
	char *c = strdup(origin);

	if (!c)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	free(fit->origin);
	fit->origin = c;
	return 0;
}

size_t hz_fit_nexcluded(const hz_fit *fit)
{
	return fit->nexcluded;
}

const char *hz_fit_excluded_alias(const hz_fit *fit, size_t i)
{
	return i < fit->nexcluded ? fit->excluded[i].alias : NULL;
}

const char *hz_fit_excluded_reason(const hz_fit *fit, size_t i)
{
	return i < fit->nexcluded ? fit->excluded[i].reason : NULL;
}

size_t hz_fit_ntrend_notes(const hz_fit *fit)
{
	return fit->ntrend_notes;
}

const char *hz_fit_trend_note(const hz_fit *fit, size_t i)
{
	return i < fit->ntrend_notes ? fit->trend_notes[i] : NULL;
}
