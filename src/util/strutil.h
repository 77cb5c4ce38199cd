/* String, number, time and date helpers shared by every part of horizon. */
#ifndef HZ_UTIL_STRUTIL_H
#define HZ_UTIL_STRUTIL_H

#include <stddef.h>
#include <stdint.h>

/*
 * Human duration from minutes: "0.4 s", "12 s", "4 min 3 s", "1 h 52 min",
 * "51 h" (10 hours and more: hours, never days).  Writes at most `size` bytes (always NUL-terminated); returns out.
 */
char *hz_fmt_minutes(double minutes, char *out, size_t size);

/* Parse a strict decimal double / long; 0 on success, HZ_EINVALID otherwise. */
int hz_parse_double(const char *s, double *out);
int hz_parse_long(const char *s, long *out);

/*
 * Parse "YYYY-MM-DD" into days since 1970-01-01 (proleptic Gregorian);
 * HZ_EINVALID on anything else.
 */
int hz_parse_date(const char *s, long *days);

/* Days since 1970-01-01 to "YYYY-MM-DD" (out needs 11 bytes). */
void hz_fmt_date(long days, char out[11]);

/* Seconds from a monotonic clock. */
double hz_clock_now(void);

/* Milliseconds since the Unix epoch (wall clock). */
int64_t hz_time_ms(void);

/* UTC "YYYY-MM-DDTHH:MM:SSZ" for a time in ms since the epoch (out needs 21 bytes). */
void hz_fmt_iso8601(int64_t ms, char out[21]);

/* Glob match ('*', '?', '[...]') of a whole string; '*' also matches '/'. */
int hz_glob_match(const char *pattern, const char *s);

/* 64-bit FNV-1a, for stable non-cryptographic hashing (shards, seeds). */
uint64_t hz_hash64(const void *data, size_t len);

#endif
