/*
 * Fuzz fit.json as plot and report read it (hz_fit_from_json), then write
 * what parses back as JSON and render it in every report format.
 */
#include "fuzz.h"
#include "horizon/fit.h"
#include "horizon/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	hz_report_opts ropts = HZ_REPORT_OPTS_INIT;
	hz_fit *fit = NULL;
	char *text = NULL;
	size_t len = 0;
	int rc = hz_fit_from_json(&fit, (const char *)data, size, "fit.json");

	fuzz_check_error(rc);
	if (rc == 0) {
		hz_doubling d;
		hz_report_doubling(fit, 50, &d);
		if (hz_fit_to_json(fit, &text) == 0)
			free(text);
		for (int f = HZ_REPORT_MD; f <= HZ_REPORT_YAML; f++) {
			ropts.format = (hz_report_format)f;
			if (hz_report_render(fit, &ropts, &text, &len) == 0)
				free(text);
		}
	}
	hz_fit_free(fit);
	return 0;
}
