/*
 * Inputs given as directories: every runs.jsonl up to three levels below, in
 * sorted path order, or, when there is none, the directory's own *.jsonl files.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "fit_table.h"
#include "fsutil.h"
#include "horizon/error.h"

/* Collect runs.jsonl files below dir (depth <= 3) into *list. */
static int walk(const char *dir, int depth, char ***list, size_t *n)
{
	struct dirent **ents = NULL;
	int count, err = 0;

	count = scandir(dir, &ents, NULL, alphasort);
	if (count < 0)
		return hz_error_set_errno("%s: cannot read directory", dir);
	for (int i = 0; i < count; i++) {
		const char *name = ents[i]->d_name;
		char *p;
		if (err < 0 || name[0] == '.')
			continue;
		if (!(p = hz_path_join(dir, name))) {
			err = hz_error_set(HZ_ENOMEM, "out of memory");
			continue;
		}
		if (hz_fs_is_dir(p)) {
			if (depth < 3)
				err = walk(p, depth + 1, list, n);
			free(p);
		} else if (!strcmp(name, "runs.jsonl") && hz_fs_is_file(p)) {
			char **nl = realloc(*list, (*n + 1) * sizeof(*nl));
			if (!nl) {
				free(p);
				err = hz_error_set(HZ_ENOMEM, "out of memory");
				continue;
			}
			*list = nl;
			(*list)[(*n)++] = p;
		} else {
			free(p);
		}
	}
	for (int i = 0; i < count; i++)
		free(ents[i]);
	free(ents);
	return err;
}

/* A directory without runs.jsonl files (METR's data folders): its own *.jsonl files. */
static int jsonl_here(const char *dir, char ***list, size_t *n)
{
	struct dirent **ents = NULL;
	int count, err = 0;

	if ((count = scandir(dir, &ents, NULL, alphasort)) < 0)
		return hz_error_set_errno("%s: cannot read directory", dir);
	for (int i = 0; i < count; i++) {
		const char *name = ents[i]->d_name;
		size_t len = strlen(name);
		char *p = NULL, **nl;
		if (!err && name[0] != '.' && len > 6 && !strcmp(name + len - 6, ".jsonl")) {
			if (!(p = hz_path_join(dir, name)) || !(nl = realloc(*list, (*n + 1) * sizeof(*nl)))) {
				free(p);
				err = hz_error_set(HZ_ENOMEM, "out of memory");
			} else if (hz_fs_is_file(p)) {
				*list = nl;
				(*list)[(*n)++] = p;
			} else {
				*list = nl;
				free(p);
			}
		}
		free(ents[i]);
	}
	free(ents);
	return err;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int fit_table_load_input(fit_table *t, const char *path)
{
	char **files = NULL;
	size_t n = 0;
	int err = 0;

	if (!hz_fs_is_dir(path))
		return fit_table_load_file(t, path);
	if ((err = walk(path, 1, &files, &n)) < 0)
		goto done;
	if (n == 0 && (err = jsonl_here(path, &files, &n)) < 0)
		goto done;
	if (n == 0) {
		err = hz_error_set(HZ_ENOTFOUND, "%s: no runs.jsonl file in this directory (searched 3 levels deep) "
				   "and no *.jsonl file in it", path);
		goto done;
	}
	qsort(files, n, sizeof(*files), cmp_str);
	for (size_t i = 0; i < n && err == 0; i++)
		err = fit_table_load_file(t, files[i]);
done:
	for (size_t i = 0; i < n; i++)
		free(files[i]);
	free(files);
	return err;
}
