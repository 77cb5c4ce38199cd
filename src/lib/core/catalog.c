/* The task catalogue: every task under a root, and task selectors. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fsutil.h"
#include "horizon/catalog.h"
#include "horizon/error.h"
#include "strutil.h"

struct hz_catalog {
	char *root;
	hz_task **tasks;
	size_t count, cap;
};

void hz_catalog_free(hz_catalog *cat)
{
	if (!cat)
		return;
	for (size_t i = 0; i < cat->count; i++)
		hz_task_free(cat->tasks[i]);
	free(cat->tasks);
	free(cat->root);
	free(cat);
}

static int add_task(hz_catalog *cat, hz_task *t)
{
	if (cat->count == cat->cap) {
		size_t cap = cat->cap ? cat->cap * 2 : 64;
		hz_task **nt = realloc(cat->tasks, cap * sizeof(*nt));
		if (!nt)
			return hz_error_set(HZ_ENOMEM, "out of memory");
		cat->tasks = nt;
		cat->cap = cap;
	}
	cat->tasks[cat->count++] = t;
	return 0;
}

/* Walk `dir`; a directory holding task.json is a task (not searched further). */
static int scan(hz_catalog *cat, const char *dir, int depth)
{
	char *json = hz_path_join(dir, "task.json");
	DIR *d = NULL;
	struct dirent *de;
	int rc = 0;

	if (!json)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if (hz_fs_is_file(json)) {
		hz_task *t = NULL;
		free(json);
		if ((rc = hz_task_load(&t, dir)) != 0)
			return rc;
		if ((rc = add_task(cat, t)) != 0)
			hz_task_free(t);
		return rc;
	}
	free(json);
	if (depth > 8 || !(d = opendir(dir)))
		return 0;
	while ((de = readdir(d)) != NULL && !rc) {
		char *child;
		if (de->d_name[0] == '.')
			continue;
		if (!(child = hz_path_join(dir, de->d_name))) {
			rc = hz_error_set(HZ_ENOMEM, "out of memory");
			break;
		}
		if (hz_fs_is_dir(child))
			rc = scan(cat, child, depth + 1);
		free(child);
	}
	closedir(d);
	return rc;
}

static int cmp_task(const void *a, const void *b)
{
	return strcmp(hz_task_id(*(hz_task *const *)a), hz_task_id(*(hz_task *const *)b));
}

int hz_catalog_load(hz_catalog **out, const char *root)
{
	hz_catalog *cat;
	int rc;

	*out = NULL;
	if (!hz_fs_is_dir(root))
		return hz_error_set(HZ_ENOTFOUND, "task catalogue '%s' is not a directory", root);
	if (!(cat = calloc(1, sizeof(*cat))) || !(cat->root = strdup(root))) {
		free(cat);
		return hz_error_set(HZ_ENOMEM, "out of memory");
	}
	if ((rc = scan(cat, root, 0)) != 0) {
		hz_catalog_free(cat);
		return rc;
	}
	qsort(cat->tasks, cat->count, sizeof(hz_task *), cmp_task);
	for (size_t i = 1; i < cat->count; i++) {
		if (!strcmp(hz_task_id(cat->tasks[i - 1]), hz_task_id(cat->tasks[i]))) {
			rc = hz_error_set(HZ_EINVALID, "%s/task.json: 'id' \"%s\" is also used by %s/task.json",
					  hz_task_dir(cat->tasks[i]), hz_task_id(cat->tasks[i]),
					  hz_task_dir(cat->tasks[i - 1]));
			hz_catalog_free(cat);
			return rc;
		}
	}
	*out = cat;
	return 0;
}

const char *hz_catalog_default_root(void)
{
	const char *env = getenv("HORIZON_TASKS");

	if (env && *env)
		return env;
	if (hz_fs_is_dir("tasks"))
		return "tasks";
	return HZ_SOURCE_DIR "/tasks";
}

const char *hz_catalog_root(const hz_catalog *cat) { return cat->root; }
size_t hz_catalog_count(const hz_catalog *cat) { return cat->count; }

hz_task *hz_catalog_get(const hz_catalog *cat, size_t i)
{
	return i < cat->count ? cat->tasks[i] : NULL;
}

hz_task *hz_catalog_find(const hz_catalog *cat, const char *id)
{
	size_t lo = 0, hi = cat->count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(hz_task_id(cat->tasks[mid]), id);
		if (c == 0)
			return cat->tasks[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int term_matches(const char *term, const hz_task *t)
{
	if (!strncmp(term, "family:", 7))
		return hz_glob_match(term + 7, hz_task_family(t));
	if (!strncmp(term, "tag:", 4))
		return hz_task_has_tag(t, term + 4);
	if (!strncmp(term, "domain:", 7))
		return !strcmp(term + 7, hz_task_domain(t));
	return hz_glob_match(term, hz_task_id(t));
}

int hz_selector_matches(const hz_selector *sel, const hz_task *t)
{
	double m = hz_task_human_minutes(t);
	int any = sel->nterms == 0;

	if (sel->min_minutes > 0 && m < sel->min_minutes)
		return 0;
	if (sel->max_minutes > 0 && m > sel->max_minutes)
		return 0;
	for (size_t i = 0; i < sel->nterms && !any; i++)
		any = term_matches(sel->terms[i], t);
	return any;
}

int hz_selector_parse(hz_selector *sel, const char *spec)
{
	char *copy, *p, *start;
	size_t n = 0;

	if (!spec || !*spec || !strcmp(spec, "all") || !strcmp(spec, "*"))
		return 0;
	if (!(copy = strdup(spec)))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	for (start = p = copy;; p++) {
		if (*p != ',' && *p != '\0')
			continue;
		int end = *p == '\0';
		*p = '\0';
		if (*start) {
			const char **nt = realloc(sel->terms, (sel->nterms + 1) * sizeof(char *));
			char *term = strdup(start);
			if (!nt || !term) {
				free(term);
				if (nt)
					sel->terms = nt;
				free(copy);
				return hz_error_set(HZ_ENOMEM, "out of memory");
			}
			sel->terms = nt;
			sel->terms[sel->nterms++] = term;
			n++;
		}
		if (end)
			break;
		start = p + 1;
	}
	free(copy);
	(void)n;
	return 0;
}

void hz_selector_release(hz_selector *sel)
{
	for (size_t i = 0; i < sel->nterms; i++)
		free((char *)sel->terms[i]);
	free(sel->terms);
	sel->terms = NULL;
	sel->nterms = 0;
}

int hz_catalog_select(const hz_catalog *cat, const hz_selector *sel, hz_task ***out, size_t *count)
{
	hz_task **v = calloc(cat->count + 1, sizeof(hz_task *));
	size_t n = 0;

	if (!v)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	for (size_t i = 0; i < cat->count; i++)
		if (hz_selector_matches(sel, cat->tasks[i]))
			v[n++] = cat->tasks[i];
	*out = v;
	*count = n;
	return 0;
}
