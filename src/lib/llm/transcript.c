/*
 * The transcript of an LLM run: one JSON object per line (JSONL) beside the
 * run record, written as the run goes so a crash keeps what happened.  Every
 * line has the API key, if it somehow appears, masked before it is written.
 */
#include <stdlib.h>
#include <string.h>

#include "horizon/error.h"
#include "llm_loop.h"
#include "strutil.h"

void llm_redact(char *s, const char *secret)
{
	size_t n;
	char *p;

	if (!s || !secret || !*secret)
		return;
	n = strlen(secret);
	while ((p = strstr(s, secret)) != NULL) {
		memset(p, '*', n);
		s = p + n;
	}
}

int llm_transcript_open(llm_transcript *t, const char *path, const char *secret)
{
	memset(t, 0, sizeof(*t));
	t->secret = secret;
	t->max_line = (size_t)4 << 20;
	if (!path)
		return 0;
	if (!(t->fp = fopen(path, "w")))
		return hz_error_set_errno("cannot write transcript '%s'", path);
	return 0;
}

void llm_transcript_event(llm_transcript *t, json_t *event)
{
	char *line = NULL;
	size_t len;

	if (!t->fp || !event)
		goto done;
	json_object_set_new(event, "ts", json_integer((json_int_t)hz_time_ms()));
	if (!(line = json_dumps(event, JSON_COMPACT)))
		goto done;
	len = strlen(line);
	if (len > t->max_line) {
		json_t *stub = json_pack("{s:O, s:b, s:I}", "type", json_object_get(event, "type"), "truncated", 1,
					 "bytes", (json_int_t)len);
		free(line);
		line = stub ? json_dumps(stub, JSON_COMPACT) : NULL;
		json_decref(stub);
		if (!line)
			goto done;
		len = strlen(line);
	}
	llm_redact(line, t->secret);
	if (fwrite(line, 1, len, t->fp) != len || fputc('\n', t->fp) == EOF || fflush(t->fp) != 0) {
		fclose(t->fp);
		t->fp = NULL;
	}
done:
	free(line);
	json_decref(event);
}

void llm_transcript_close(llm_transcript *t)
{
	if (t->fp)
		fclose(t->fp);
	t->fp = NULL;
}
