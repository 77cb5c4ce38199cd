/* Shell-word and YAML-scalar quoting; see quote.h. */
#include <string.h>

#include "quote.h"

static int sh_safe(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      strchr("_@%+=:,./-", c)))
			return 0;
	}
	return 1;
}

int hz_sh_quote(hz_buf *b, const char *s)
{
	int rc;

	if (sh_safe(s))
		return hz_buf_puts(b, s);
	if ((rc = hz_buf_putc(b, '\'')) != 0)
		return rc;
	for (; *s; s++) {
		if (*s == '\'')
			rc = hz_buf_puts(b, "'\\''");
		else
			rc = hz_buf_putc(b, *s);
		if (rc)
			return rc;
	}
	return hz_buf_putc(b, '\'');
}

int hz_yaml_quote(hz_buf *b, const char *s)
{
	int rc;

	if ((rc = hz_buf_putc(b, '"')) != 0)
		return rc;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '"': rc = hz_buf_puts(b, "\\\""); break;
		case '\\': rc = hz_buf_puts(b, "\\\\"); break;
		case '\n': rc = hz_buf_puts(b, "\\n"); break;
		case '\t': rc = hz_buf_puts(b, "\\t"); break;
		case '\r': rc = hz_buf_puts(b, "\\r"); break;
		default:
			if (c < 0x20 || c == 0x7f)
				rc = hz_buf_printf(b, "\\x%02x", c);
			else
				rc = hz_buf_putc(b, (char)c);
		}
		if (rc)
			return rc;
	}
	return hz_buf_putc(b, '"');
}
