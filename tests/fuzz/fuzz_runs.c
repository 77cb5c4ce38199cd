/*
 * Fuzz the runs.jsonl readers: the fitter's (fit_table_load_file through
 * hz_fit_runs, with the logistic fit on whatever the records say) and the
 * run engine's results log (results_open_readonly, lookups).
 */
#include "fuzz.h"
#include "horizon/fit.h"
#include "run/results.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_write(0, "log/runs.jsonl", data, size);
	const char *inputs[1] = { path };
	hz_fit_opts opts = HZ_FIT_OPTS_INIT;
	results_log *log = NULL;
	hz_fit *fit = NULL;
	int rc;

	opts.bootstrap = 0; /* the bootstrap is the fit's, not the parser's */
	opts.jobs = 1;
	for (opts.trend = 0; opts.trend <= 1; opts.trend++) {
		rc = hz_fit_runs(&fit, inputs, 1, &opts);
		fuzz_check_error(rc);
		if (rc == 0) {
			char *json = NULL;
			for (size_t i = 0; i < hz_fit_nnotes(fit); i++)
				if (strchr(hz_fit_note(fit, i), '\n'))
					abort();
			if (hz_fit_to_json(fit, &json) == 0)
				free(json);
		}
		hz_fit_free(fit);
		fit = NULL;
	}

	rc = results_open_readonly(&log, fuzz_path(1, "log"));
	fuzz_check_error(rc);
	if (rc == 0) {
		results_run rr;
		results_lookup(log, "run-0", &rr);
		results_free(log);
	}
	return 0;
}
