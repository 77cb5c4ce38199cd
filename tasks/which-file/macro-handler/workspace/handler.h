#ifndef HANDLER_H
#define HANDLER_H
#include <stddef.h>

struct session;

/* Every command handler has this signature; HANDLER(x) defines handle_cmd_x. */
typedef int (*handler_fn)(struct session *s, const char *arg);

#define HANDLER(name) int handle_cmd_##name(struct session *s, const char *arg)
#define DECLARE_HANDLER(name) HANDLER(name)

DECLARE_HANDLER(get);
DECLARE_HANDLER(set);
DECLARE_HANDLER(del);
DECLARE_HANDLER(quit);
DECLARE_HANDLER(flush);
DECLARE_HANDLER(stats);
DECLARE_HANDLER(shutdown);

#endif
