/* String, number, time and date helpers; see strutil.h. */
#include <errno.h>
#include <fnmatch.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "horizon/error.h"
#include "strutil.h"

char *hz_fmt_minutes(double minutes, char *out, size_t size)
{
	double s = minutes * 60.0;

	if (isnan(minutes))
		snprintf(out, size, "n/a");
	else if (isinf(minutes))
		snprintf(out, size, minutes > 0 ? "inf" : "-inf");
	else if (s < 0)
		snprintf(out, size, "%.3g min", minutes);
	else if (s < 1.0)
		snprintf(out, size, "%.2g s", s);
	else if (s < 10.0)
		snprintf(out, size, "%.1f s", s);
	else if (s < 59.5)
		snprintf(out, size, "%.0f s", s);
	else if (minutes < 59.5) {
		long t = lround(s), m = t / 60, r = t % 60;
		if (r)
			snprintf(out, size, "%ld min %ld s", m, r);
		else
			snprintf(out, size, "%ld min", m);
	} else if (minutes < 10 * 60 - 0.5) {
		long t = lround(minutes), h = t / 60, m = t % 60;
		if (m)
			snprintf(out, size, "%ld h %ld min", h, m);
		else
			snprintf(out, size, "%ld h", h);
	} else {
		/* Hours, never days: a "day" of work is 8 hours to METR and 24 to a calendar. */
		snprintf(out, size, "%.0f h", minutes / 60.0);
	}
	return out;
}

int hz_parse_double(const char *s, double *out)
{
	char *end;
	double v;

	if (!s || !*s)
		return HZ_EINVALID;
	errno = 0;
	v = strtod(s, &end);
	if (errno || *end || end == s)
		return HZ_EINVALID;
	*out = v;
	return 0;
}

int hz_parse_long(const char *s, long *out)
{
	char *end;
	long v;

	if (!s || !*s)
		return HZ_EINVALID;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || end == s)
		return HZ_EINVALID;
	*out = v;
	return 0;
}

/* Howard Hinnant's days_from_civil. */
static long days_from_civil(long y, unsigned m, unsigned d)
{
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

int hz_parse_date(const char *s, long *days)
{
	static const unsigned mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, n = 0;

	if (!s || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 || s[n] != '\0')
		return HZ_EINVALID;
	if (m < 1 || m > 12 || d < 1 || d > (int)mdays[m - 1])
		return HZ_EINVALID;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return HZ_EINVALID;
	*days = days_from_civil(y, (unsigned)m, (unsigned)d);
	return 0;
}

void hz_fmt_date(long z, char out[11])
{
	long era, y;
	unsigned doe, yoe, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = (long)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	{
		char tmp[32];
		snprintf(tmp, sizeof(tmp), "%04ld-%02u-%02u", y, m, d);
		memcpy(out, tmp, 10);
		out[10] = '\0';
	}
}

double hz_clock_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int64_t hz_time_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void hz_fmt_iso8601(int64_t ms, char out[21])
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int hz_glob_match(const char *pattern, const char *s)
{
	return fnmatch(pattern, s, 0) == 0;
}

uint64_t hz_hash64(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t h = 1469598103934665603ULL;

	while (len--) {
		h ^= *p++;
		h *= 1099511628211ULL;
	}
	return h;
}
