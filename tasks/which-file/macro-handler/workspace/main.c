#include <stdio.h>
#include <string.h>

#include "session.h"

int dispatch(struct session *s, const char *cmd, const char *arg);
char *split_command(char *line);

/* A line-based key-value daemon, here reading commands from stdin.
 * QUIT ends the session (handle_cmd_quit sets s.closing). */
int main(void)
{
	struct session s = { 0, 0, 0, 0 };
	char line[256];

	while (!s.closing && fgets(line, sizeof(line), stdin)) {
		line[strcspn(line, "\r\n")] = '\0';
		char *arg = split_command(line);
		if (dispatch(&s, line, arg) < 0)
			printf("error\n");
	}
	return 0;
}
