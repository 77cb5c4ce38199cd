/* Helpers shared by the fit unit tests: a fit of one file, an agent by alias. */
#ifndef HZ_FIT_TEST_H
#define HZ_FIT_TEST_H

#include <stdio.h>
#include <string.h>

#include "horizon/error.h"
#include "horizon/fit.h"

/* hz_fit_runs on one file; NULL (and the error on stderr) when it fails. */
static inline hz_fit *fit_test_file(const char *path, const hz_fit_opts *o)
{
	const char *in[1] = { path };
	hz_fit *fit = NULL;

	if (hz_fit_runs(&fit, in, 1, o) < 0) {
		fprintf(stderr, "fit: %s\n", hz_error_message());
		return NULL;
	}
	return fit;
}

static inline const hz_fit_agent *fit_test_agent(const hz_fit *fit, const char *alias)
{
	for (size_t i = 0; i < hz_fit_nagents(fit); i++)
		if (!strcmp(hz_fit_agent_at(fit, i)->alias, alias))
			return hz_fit_agent_at(fit, i);
	return NULL;
}

#endif
