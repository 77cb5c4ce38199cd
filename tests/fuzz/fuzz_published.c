/*
 * Fuzz METR's benchmark_results YAML: hz_fit_published (the trend from the
 * file's horizons) and hz_fitdoc_load_published (what plot and report read).
 */
#include "fuzz.h"
#include "horizon/fit.h"
#include "horizon/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_write(0, "benchmark_results.yaml", data, size);
	hz_fit_opts opts = HZ_FIT_OPTS_INIT;
	hz_fitdoc *doc = NULL;
	hz_fit *fit = NULL;
	int rc;

	opts.bootstrap = 0;
	opts.jobs = 1;
	rc = hz_fit_published(&fit, path, &opts);
	fuzz_check_error(rc);
	if (rc == 0) {
		char *json = NULL;
		if (hz_fit_to_json(fit, &json) == 0)
			free(json);
	}
	hz_fit_free(fit);
	rc = hz_fitdoc_load_published(&doc, path);
	fuzz_check_error(rc);
	hz_fitdoc_free(doc);
	return 0;
}
