/* horizon report: placeholder until its issue lands. */
#include <string.h>

#include "cli.h"

int cmd_report(int argc, char **argv)
{
	if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		printf("usage: horizon report\n\n(not built yet)\n");
		return HZ_EXIT_OK;
	}
	return hz_cli_error("report", "not built yet");
}
