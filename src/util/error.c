/* The per-thread error slot behind include/horizon/error.h. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "horizon/error.h"

#define HZ_ERROR_MAX 1024

static _Thread_local char error_msg[HZ_ERROR_MAX];
static _Thread_local int error_code;

/*
 * A message is one line whatever data it quotes (a spec or key read from a
 * file may hold newlines): line breaks and tabs become spaces, other control
 * bytes '?'.
 */
static void one_line(void)
{
	for (unsigned char *p = (unsigned char *)error_msg; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			*p = *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : '?';
}

int hz_error_vset(int code, const char *fmt, va_list ap)
{
	vsnprintf(error_msg, sizeof(error_msg), fmt, ap);
	one_line();
	error_code = code;
	return code;
}

int hz_error_set(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	hz_error_vset(code, fmt, ap);
	va_end(ap);
	return code;
}

int hz_error_set_errno(const char *fmt, ...)
{
	int saved = errno;
	size_t len;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(error_msg, sizeof(error_msg), fmt, ap);
	va_end(ap);
	len = strlen(error_msg);
	snprintf(error_msg + len, sizeof(error_msg) - len, ": %s", strerror(saved));
	one_line();
	error_code = HZ_EIO;
	return HZ_EIO;
}

int hz_error_prefix(const char *fmt, ...)
{
	char old[HZ_ERROR_MAX];
	size_t len;
	va_list ap;

	memcpy(old, error_msg, sizeof(old));
	va_start(ap, fmt);
	vsnprintf(error_msg, sizeof(error_msg), fmt, ap);
	va_end(ap);
	len = strlen(error_msg);
	snprintf(error_msg + len, sizeof(error_msg) - len, "%s", old);
	one_line();
	return error_code;
}

const char *hz_error_message(void)
{
	return error_msg;
}

int hz_error_code(void)
{
	return error_code;
}

void hz_error_clear(void)
{
	error_msg[0] = '\0';
	error_code = 0;
}

const char *hz_error_name(int code)
{
	switch (code) {
	case HZ_OK: return "ok";
	case HZ_EUSAGE: return "usage";
	case HZ_ENOTFOUND: return "not_found";
	case HZ_EINVALID: return "invalid";
	case HZ_EIO: return "io";
	case HZ_ENOMEM: return "no_memory";
	case HZ_ETIMEOUT: return "timeout";
	case HZ_ESANDBOX: return "sandbox";
	case HZ_EHTTP: return "http";
	case HZ_ELIMIT: return "limit";
	case HZ_EEXISTS: return "exists";
	case HZ_EAUTH: return "auth";
	case HZ_ECONFLICT: return "conflict";
	default: return "error";
	}
}
