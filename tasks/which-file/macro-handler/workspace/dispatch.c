#include <string.h>

#include "handler.h"
#include "session.h"

static const struct {
	const char *name;
	handler_fn fn;
	int admin;
} table[] = {
	{ "GET", handle_cmd_get, 0 },     { "SET", handle_cmd_set, 0 },     { "DEL", handle_cmd_del, 0 },
	{ "QUIT", handle_cmd_quit, 0 },   { "FLUSH", handle_cmd_flush, 1 }, { "STATS", handle_cmd_stats, 0 },
	{ "SHUTDOWN", handle_cmd_shutdown, 1 },
};

int dispatch(struct session *s, const char *cmd, const char *arg)
{
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (!strcmp(table[i].name, cmd)) {
			if (table[i].admin && !s->authed)
				return -2;
			s->ops++;
			return table[i].fn(s, arg);
		}
	return -1;
}
