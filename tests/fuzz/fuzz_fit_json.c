/* Fuzz fit.json as plot and report read it (hz_fitdoc_parse), and render what parses. */
#include "fuzz.h"
#include "horizon/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	hz_report_opts ropts = HZ_REPORT_OPTS_INIT;
	hz_fitdoc *doc = NULL;
	char *text = NULL;
	size_t len = 0;
	int rc = hz_fitdoc_parse(&doc, (const char *)data, size, "fit.json");

	fuzz_check_error(rc);
	if (rc == 0) {
		hz_doubling d;
		hz_fitdoc_doubling(doc, 50, &d);
		for (int f = HZ_REPORT_MD; f <= HZ_REPORT_YAML; f++) {
			ropts.format = (hz_report_format)f;
			if (hz_report_render(doc, &ropts, &text, &len) == 0)
				free(text);
		}
	}
	hz_fitdoc_free(doc);
	return 0;
}
