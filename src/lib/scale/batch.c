/* Shard time limits, Slurm times and the shard command shared by the batch writers. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_internal.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "quote.h"
#include "strutil.h"

long hz_batch_shard_seconds(const double *run_limits_s, size_t ntasks, int agents, int repeats, int shards,
			    int jobs)
{
	double total = 0, longest = 0, per;

	for (size_t i = 0; i < ntasks; i++) {
		total += run_limits_s[i];
		if (run_limits_s[i] > longest)
			longest = run_limits_s[i];
	}
	total *= (agents > 0 ? agents : 1) * (double)(repeats > 0 ? repeats : 1);
	per = total / (shards > 0 ? shards : 1) / (jobs > 0 ? jobs : 1) * 1.5;
	if (per < longest)
		per = longest;
	per += 600;
	return (long)ceil(per / 60.0) * 60;
}

void hz_slurm_fmt_time(long s, char out[32])
{
	if (s < 60)
		s = 60;
	snprintf(out, 32, "%ld-%02ld:%02ld:%02ld", s / 86400, s / 3600 % 24, s / 60 % 60, s % 60);
}

int hz_slurm_parse_time(const char *text, long *seconds)
{
	long d = 0, f[3] = { 0, 0, 0 }, v;
	int nf = 0;
	const char *p = text, *dash;
	char *end;

	if (!text || !*text)
		goto bad;
	if ((dash = strchr(text, '-'))) {
		d = strtol(text, &end, 10);
		if (end != dash || d < 0)
			goto bad;
		p = dash + 1;
	}
	for (;;) {
		if (*p < '0' || *p > '9' || nf == 3)
			goto bad;
		v = strtol(p, &end, 10);
		f[nf++] = v;
		if (*end == '\0')
			break;
		if (*end != ':')
			goto bad;
		p = end + 1;
	}
	if (dash) /* D-HH[:MM[:SS]] */
		*seconds = d * 86400 + f[0] * 3600 + f[1] * 60 + f[2];
	else if (nf == 1) /* minutes */
		*seconds = f[0] * 60;
	else if (nf == 2) /* MM:SS */
		*seconds = f[0] * 60 + f[1];
	else
		*seconds = f[0] * 3600 + f[1] * 60 + f[2];
	if (*seconds <= 0)
		goto bad;
	return 0;
bad:
	return hz_error_set(HZ_EUSAGE, "'%s' is not a time limit: expected MINUTES, HH:MM:SS or D-HH:MM:SS",
			    text ? text : "");
}

/* Paths land in comments too: no line breaks or other control characters. */
static int plain(const char *what, const char *v)
{
	for (const char *p = v; p && *p; p++)
		if ((unsigned char)*p < ' ' || *p == 0x7f)
			return hz_error_set(HZ_EUSAGE, "%s '%s' holds a control character", what, v);
	return 0;
}

int batch_check_spec(const hz_batch_spec *s)
{
	int rc;

	if (!s->horizon || !*s->horizon)
		return hz_error_set(HZ_EUSAGE, "no horizon binary given for the jobs");
	if (!s->out_dir || !*s->out_dir)
		return hz_error_set(HZ_EUSAGE, "no output directory given (--out)");
	if (s->shards < 1)
		return hz_error_set(HZ_EUSAGE, "the number of shards must be at least 1 (got %d)", s->shards);
	if (s->cpus < 1)
		return hz_error_set(HZ_EUSAGE, "CPUs per shard must be at least 1 (got %d)", s->cpus);
	if (s->shard_seconds < 60)
		return hz_error_set(HZ_EUSAGE, "a shard's time limit must be at least a minute (got %ld s)",
				    s->shard_seconds);
	if ((rc = plain("the horizon binary", s->horizon)) || (rc = plain("the output directory", s->out_dir)) ||
	    (rc = plain("the merge directory", s->merge_out)) || (rc = plain("the working directory", s->workdir)) ||
	    (rc = plain("the mount path", s->mount)) || (rc = plain("the image", s->image)))
		return rc;
	for (size_t i = 0; i < s->nrun_args; i++) {
		const char *a = s->run_args[i];
		if (!strcmp(a, "--out") || !strncmp(a, "--out=", 6) || !strcmp(a, "--shard") || !strncmp(a, "--shard=", 8))
			return hz_error_set(HZ_EUSAGE, "'%s' is set per shard by the batch job: do not pass it to run", a);
	}
	return 0;
}

int batch_shard_lines(const hz_batch_spec *s, hz_buf *b, const char *index_var, const char *out_dir)
{
	int rc = 0;

	rc |= hz_buf_puts(b, "HORIZON=");
	rc |= hz_sh_quote(b, s->horizon);
	rc |= hz_buf_puts(b, "\nOUT=");
	rc |= hz_sh_quote(b, out_dir);
	rc |= hz_buf_printf(b, "\nN=%d\nK=$(( ${%s:?not started as shard job} + 1 ))\n", s->shards, index_var);
	rc |= hz_buf_printf(b, "if [ \"$K\" -lt 1 ] || [ \"$K\" -gt \"$N\" ]; then\n"
			       "\techo \"horizon shard: $K is not a shard of $N\" >&2\n\texit 2\nfi\n");
	rc |= hz_buf_puts(b, "exec \"$HORIZON\" run");
	for (size_t i = 0; i < s->nrun_args && !rc; i++) {
		rc |= hz_buf_putc(b, ' ');
		rc |= hz_sh_quote(b, s->run_args[i]);
	}
	rc |= hz_buf_puts(b, " --shard \"$K/$N\" --out \"$OUT/shard-$K\"\n");
	return rc ? hz_error_set(HZ_ENOMEM, "out of memory writing a batch script") : 0;
}

char *batch_merge_out(const hz_batch_spec *s)
{
	return s->merge_out ? strdup(s->merge_out) : hz_path_join(s->out_dir, "merged");
}
