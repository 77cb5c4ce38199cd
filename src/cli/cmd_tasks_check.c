/* horizon tasks check: oracle and null agents on each task through the run engine. */
#include "cli.h"
#include "tasks_cli.h"

int tasks_check(tasks_opts *o)
{
	(void)o;
	return hz_cli_error("tasks", "check needs the run engine, which is not merged yet");
}
