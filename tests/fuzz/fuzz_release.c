/* Fuzz release-date files (YAML or JSON: alias -> YYYY-MM-DD), read as hz_fit_runs reads them. */
#include "fuzz.h"
#include "fit/fit_release.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fit_release_dates rd;
	int rc = fit_release_dates_load(&rd, fuzz_write(0, "release_dates.yaml", data, size));

	fuzz_check_error(rc);
	if (rc == 0)
		fit_release_dates_release(&rd);
	return 0;
}
