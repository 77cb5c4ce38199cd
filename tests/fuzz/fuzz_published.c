/*
 * Fuzz METR's benchmark_results YAML through hz_fit_published (the trend
 * from the file's horizons: what fit --published, plot and report read),
 * then its fit.json and a report of it.
 */
#include "fuzz.h"
#include "horizon/fit.h"
#include "horizon/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_write(0, "benchmark_results.yaml", data, size);
	hz_fit_opts opts = HZ_FIT_OPTS_INIT;
	hz_fit *fit = NULL;
	int rc;

	opts.bootstrap = 0;
	opts.jobs = 1;
	rc = hz_fit_published(&fit, path, &opts);
	fuzz_check_error(rc);
	if (rc == 0) {
		hz_report_opts ropts = HZ_REPORT_OPTS_INIT;
		char *text = NULL;
		size_t len;
		if (hz_fit_to_json(fit, &text) == 0)
			free(text);
		if (hz_report_render(fit, &ropts, &text, &len) == 0)
			free(text);
	}
	hz_fit_free(fit);
	return 0;
}
