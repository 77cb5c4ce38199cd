/*
 * Quoting of data for the files horizon writes for other programs to read: a
 * shell word (sbatch scripts) and a YAML double-quoted scalar (Kubernetes
 * manifests).  The results are safe for any byte string: no expansion,
 * no word splitting, no injection.
 */
#ifndef HZ_UTIL_QUOTE_H
#define HZ_UTIL_QUOTE_H

#include "buf.h"

/*
 * Append `s` to `b` as one POSIX shell word: bare when it only holds
 * [A-Za-z0-9_@%+=:,./-] (and is not empty), otherwise in single quotes with
 * each ' written as '\''.  Returns 0 or the buffer's error.
 */
int hz_sh_quote(hz_buf *b, const char *s);

/*
 * Append `s` to `b` as a YAML double-quoted scalar ("..."), escaping
 * backslash, double quote and every control character.  Returns 0 or the
 * buffer's error.
 */
int hz_yaml_quote(hz_buf *b, const char *s);

#endif
