/* horizon run: placeholder until its issue lands. */
#include <string.h>

#include "cli.h"

int cmd_run(int argc, char **argv)
{
	if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		printf("usage: horizon run\n\n(not built yet)\n");
		return HZ_EXIT_OK;
	}
	return hz_cli_error("run", "not built yet");
}
