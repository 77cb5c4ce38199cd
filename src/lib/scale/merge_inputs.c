/*
 * horizon merge, the inputs: each INPUT is a results directory, a directory
 * of results directories (OUT/shard-K; earlier merge outputs skipped) or a
 * runs.jsonl file; each log found comes with its directory's sweep.json.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "merge_internal.h"

#define SWEEP_MAX_BYTES ((size_t)64 << 20)

/* Add one log file; a sweep.json beside it is read too. */
static int add_log(mg_state *st, const char *path)
{
	char *dir = NULL, *sweep_path = NULL, *text = NULL, *slash;
	json_error_t jerr;
	mg_log *log;
	int rc = 0;

	for (size_t i = 0; i < st->nlogs; i++)
		if (!strcmp(st->logs[i].path, path))
			return 0; /* named twice */
	if ((rc = HZ_ARRAY_RESERVE(st->logs, st->logs_cap, st->nlogs + 1)) != 0)
		return rc;
	log = &st->logs[st->nlogs];
	memset(log, 0, sizeof(*log));
	if (!(log->path = strdup(path)) || !(dir = strdup(path))) {
		free(log->path);
		return hz_error_set(HZ_ENOMEM, "out of memory");
	}
	st->nlogs++;
	slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	if (!(sweep_path = hz_path_join(slash ? dir : ".", "sweep.json"))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	if (!hz_fs_is_file(sweep_path))
		goto done;
	if ((rc = hz_fs_read(sweep_path, SWEEP_MAX_BYTES, &text, NULL)) != 0)
		goto done;
	log->sweep = json_loads(text, 0, &jerr);
	if (!json_is_object(log->sweep))
		rc = hz_error_set(HZ_EINVALID, "%s:%d: not a JSON object: %s", sweep_path, jerr.line,
				  log->sweep ? "not an object" : jerr.text);
	else
		rc = mg_plan_size_check(log->sweep, sweep_path);
done:
	free(dir);
	free(sweep_path);
	free(text);
	return rc;
}

/* Did horizon merge write DIR (its sweep.json says "merged": true)? */
int mg_is_merge_output(const char *dir)
{
	char *sweep = hz_path_join(dir, "sweep.json"), *text = NULL;
	json_t *j = NULL;
	int yes;

	if (sweep && hz_fs_is_file(sweep) && hz_fs_read(sweep, SWEEP_MAX_BYTES, &text, NULL) == 0)
		j = json_loads(text, 0, NULL);
	yes = json_is_true(json_object_get(j, "merged"));
	json_decref(j);
	free(text);
	free(sweep);
	return yes;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A directory: its runs.jsonl, or else those of its subdirectories (sorted). */
static int add_dir(mg_state *st, const char *dir)
{
	char *log = hz_path_join(dir, "runs.jsonl"), **subs = NULL;
	size_t nsubs = 0, cap = 0, before = st->nlogs;
	DIR *d = NULL;
	struct dirent *de;
	int rc = 0;

	if (!log)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if (hz_fs_is_file(log)) {
		rc = add_log(st, log);
		goto done;
	}
	if (!(d = opendir(dir))) {
		rc = hz_error_set_errno("cannot open '%s'", dir);
		goto done;
	}
	while ((de = readdir(d))) {
		char *sub, *sublog;
		if (de->d_name[0] == '.')
			continue;
		if (!(sub = hz_path_join(dir, de->d_name)) || !(sublog = hz_path_join(sub, "runs.jsonl"))) {
			free(sub);
			rc = hz_error_set(HZ_ENOMEM, "out of memory");
			goto done;
		}
		/* OUT/merged beside OUT/shard-K is an earlier merge, not a shard. */
		if (!hz_fs_is_file(sublog) || mg_is_merge_output(sub)) {
			free(sub);
			free(sublog);
			continue;
		}
		free(sub);
		if ((rc = HZ_ARRAY_RESERVE(subs, cap, nsubs + 1)) != 0) {
			free(sublog);
			goto done;
		}
		subs[nsubs++] = sublog;
	}
	if (nsubs)
		qsort(subs, nsubs, sizeof(*subs), cmp_str);
	for (size_t i = 0; i < nsubs && !rc; i++)
		rc = add_log(st, subs[i]);
	if (!rc && st->nlogs == before)
		rc = hz_error_set(HZ_ENOTFOUND, "'%s' holds no runs.jsonl, nor do its subdirectories", dir);
done:
	if (d)
		closedir(d);
	for (size_t i = 0; i < nsubs; i++)
		free(subs[i]);
	free(subs);
	free(log);
	return rc;
}

int mg_add_input(mg_state *st, const char *in)
{
	if (hz_fs_is_dir(in))
		return add_dir(st, in);
	if (hz_fs_is_file(in))
		return add_log(st, in);
	return hz_error_set(HZ_ENOTFOUND, "'%s' does not exist", in);
}
