/*
 * horizon error handling: every library function returns 0 or a negative
 * HZ_E* code and leaves a one-line message in a per-thread slot.
 */
#ifndef HORIZON_ERROR_H
#define HORIZON_ERROR_H

#include <stdarg.h>

enum {
	HZ_OK = 0,
	HZ_ERROR = -1,     /* generic failure */
	HZ_EUSAGE = -2,    /* bad arguments from the caller or the user */
	HZ_ENOTFOUND = -3, /* a file, task, agent or key does not exist */
	HZ_EINVALID = -4,  /* malformed input data (file, line and field in the message) */
	HZ_EIO = -5,       /* an operating-system call failed */
	HZ_ENOMEM = -6,
	HZ_ETIMEOUT = -7,
	HZ_ESANDBOX = -8,  /* the sandbox could not be set up */
	HZ_EHTTP = -9,     /* transport or protocol failure talking to an API */
	HZ_ELIMIT = -10,   /* a size or count limit was reached */
	HZ_EEXISTS = -11,
	HZ_EAUTH = -12,    /* an API refused our credentials */
	HZ_ECONFLICT = -13 /* two inputs disagree (e.g. shard plans at merge) */
};

/*
 * Record an error for this thread and return `code`, so that callers can write
 * `return hz_error_set(HZ_EINVALID, "%s:%d: ...", ...);`.
 */
int hz_error_set(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int hz_error_vset(int code, const char *fmt, va_list ap);

/* Like hz_error_set() with ": <strerror(errno)>" appended; returns HZ_EIO. */
int hz_error_set_errno(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Prefix the current message with context ("loading 'x': " + old message).
 * Returns the current code unchanged.
 */
int hz_error_prefix(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The last message set on this thread, or "" when there is none. Never NULL. */
const char *hz_error_message(void);

/* The last code set on this thread, or 0. */
int hz_error_code(void);

void hz_error_clear(void);

/* A short stable name for a code ("invalid", "io", ...). */
const char *hz_error_name(int code);

#endif
