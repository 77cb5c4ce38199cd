/* Screening YAML text before it is loaded: a depth limit and no aliases (yscreen.c). */
#ifndef HZ_UTIL_YSCREEN_H
#define HZ_UTIL_YSCREEN_H

#include <stddef.h>

#define HZ_YAML_MAX_DEPTH 64
#define HZ_YAML_MAX_BYTES ((size_t)4 << 20)

/*
 * 0 when text (read from path, for messages) nests mappings and sequences at
 * most max_depth deep and holds no alias; HZ_EINVALID naming FILE:LINE
 * otherwise (malformed YAML too).  Linear in the text, whatever its shape.
 */
int hz_yaml_screen(const char *text, size_t len, const char *path, int max_depth);

#endif
