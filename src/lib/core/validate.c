/*
 * The catalogue validator: finds the task directories under a path, checks
 * each one (validate_schema.c, validate_parts.c, and the loader itself), then
 * the rules that span tasks (unique ids, one directory per family), and keeps
 * every issue found.
 */
#include <dirent.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "buf.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "validate_internal.h"

#define TASK_JSON_MAX (1 << 20)

/* One task directory found by the walk, and what the catalogue-wide rules need. */
typedef struct found_task {
	char *dir;
	char *rel;  /* relative to the validated path ("" when it is the task itself) */
	char *id;   /* from task.json, or NULL */
	char *json_path;
	int ok;     /* no error found */
} found_task;

typedef struct found_list {
	found_task *items;
	size_t count, cap;
} found_list;

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

int vd_issue(vd_task *t, hz_issue_level level, const char *file, const char *field, const char *fmt, ...)
{
	hz_validation *v = t->v;
	hz_buf msg = HZ_BUF_INIT;
	hz_issue *is;
	va_list ap;

	if (v->strict)
		level = HZ_ISSUE_ERROR;
	if (HZ_ARRAY_RESERVE(v->issues, v->cap, v->count + 1) != 0)
		return HZ_ENOMEM;
	va_start(ap, fmt);
	hz_buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	is = &v->issues[v->count];
	is->level = level;
	is->task = dup_or_null(t->id);
	is->file = dup_or_null(file);
	is->field = dup_or_null(field);
	is->message = hz_buf_detach(&msg);
	if ((t->id && !is->task) || (file && !is->file) || (field && !is->field)) {
		free(is->task);
		free(is->file);
		free(is->field);
		free(is->message);
		return hz_error_set(HZ_ENOMEM, "out of memory");
	}
	v->count++;
	if (level == HZ_ISSUE_ERROR) {
		v->nerrors++;
		t->errors++;
	} else {
		v->nwarnings++;
	}
	return 0;
}

static int found_add(found_list *l, const char *dir, const char *rel)
{
	found_task *f;

	if (HZ_ARRAY_RESERVE(l->items, l->cap, l->count + 1) != 0)
		return HZ_ENOMEM;
	f = &l->items[l->count];
	memset(f, 0, sizeof(*f));
	if (!(f->dir = strdup(dir)) || !(f->rel = strdup(rel)) || !(f->json_path = hz_path_join(dir, "task.json"))) {
		free(f->dir);
		free(f->rel);
		free(f->json_path);
		return hz_error_set(HZ_ENOMEM, "out of memory");
	}
	l->count++;
	return 0;
}

static void found_release(found_list *l)
{
	for (size_t i = 0; i < l->count; i++) {
		free(l->items[i].dir);
		free(l->items[i].rel);
		free(l->items[i].id);
		free(l->items[i].json_path);
	}
	free(l->items);
}

/*
 * Every directory holding a task.json below dir (not searched further), like
 * the loader: a task.json that is not a file is a task with that error, and a
 * directory reached twice through a symlink is walked once.
 */
static int walk(found_list *l, const char *dir, const char *rel, int depth, hz_fs_dirset *seen)
{
	char *json;
	struct dirent **names = NULL;
	int n, rc = 0;

	if ((rc = hz_fs_dirset_add(seen, dir)) != 0)
		return rc < 0 ? rc : 0;
	if (!(json = hz_path_join(dir, "task.json")))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if (hz_fs_lexists(json)) {
		free(json);
		return found_add(l, dir, rel);
	}
	free(json);
	if (depth > 8 || (n = scandir(dir, &names, NULL, alphasort)) < 0)
		return 0;
	for (int i = 0; i < n; i++) {
		char *child = NULL, *crel = NULL;
		if (!rc && names[i]->d_name[0] != '.') {
			child = hz_path_join(dir, names[i]->d_name);
			crel = rel[0] ? hz_path_join(rel, names[i]->d_name) : strdup(names[i]->d_name);
			if (!child || !crel)
				rc = hz_error_set(HZ_ENOMEM, "out of memory");
			else if (hz_fs_is_dir(child))
				rc = walk(l, child, crel, depth + 1, seen);
		}
		free(child);
		free(crel);
		free(names[i]);
	}
	free(names);
	return rc;
}

/* Turn a loader message "FILE: 'FIELD' MESSAGE" back into an issue. */
static int loader_issue(vd_task *t)
{
	char msg[1024], *rest, *field = NULL;

	snprintf(msg, sizeof(msg), "%s", hz_error_message());
	if (!(rest = strstr(msg, ": ")))
		return vd_issue(t, HZ_ISSUE_ERROR, t->json_path, NULL, "%s", msg);
	*rest = '\0';
	rest += 2;
	if (rest[0] == '\'' && strstr(rest + 1, "' ")) {
		field = rest + 1;
		rest = strstr(field, "' ");
		*rest = '\0';
		rest += 2;
	}
	return vd_issue(t, HZ_ISSUE_ERROR, msg, field, "%s", rest);
}

/* <family>/<name>/ layout: the directory names must agree with family and id. */
static int check_layout(vd_task *t, json_t *root, const char *famdir, const char *name)
{
	const char *family = json_string_value(json_object_get(root, "family"));
	const char *id = json_string_value(json_object_get(root, "id"));
	char want[512];
	int rc = 0;

	if (!famdir)
		return vd_issue(t, HZ_ISSUE_ERROR, t->json_path, NULL,
				"is too deep: task directories are laid out as <catalogue>/<family>/<name>/");
	if (family && strcmp(family, famdir))
		rc = vd_issue(t, HZ_ISSUE_ERROR, t->json_path, "family",
			      "\"%s\" does not match the family directory \"%s\": every task of a family lives in "
			      "<catalogue>/<family>/",
			      family, famdir);
	snprintf(want, sizeof(want), "%s/%s", famdir, name);
	if (!rc && id && strcmp(id, want))
		rc = vd_issue(t, HZ_ISSUE_ERROR, t->json_path, "id",
			      "\"%s\" must be \"%s\" (the family directory and the task directory's name)", id, want);
	return rc;
}

static int validate_one(hz_validation *v, const hz_validate_opts *opts, found_task *f, const char *famdir,
			const char *name)
{
	vd_task t = { v, opts, f->dir, f->json_path, NULL, 0 };
	hz_task *task = NULL;
	json_t *root = NULL;
	json_error_t jerr;
	char *text = NULL;
	int rc = 0;

	v->ntasks++;
	if (hz_fs_check_regular(f->json_path) != 0 || hz_fs_read(f->json_path, TASK_JSON_MAX, &text, NULL) != 0) {
		rc = vd_issue(&t, HZ_ISSUE_ERROR, f->json_path, NULL, "cannot be read: %s", hz_error_message());
		goto parts;
	}
	if (!(root = json_loads(text, JSON_REJECT_DUPLICATES, &jerr))) {
		rc = vd_issue(&t, HZ_ISSUE_ERROR, f->json_path, NULL, "line %d, column %d: %s", jerr.line,
			      jerr.column, jerr.text);
		goto parts;
	}
	if (json_is_string(json_object_get(root, "id"))) {
		t.id = json_string_value(json_object_get(root, "id"));
		if (!(f->id = strdup(t.id))) {
			rc = hz_error_set(HZ_ENOMEM, "out of memory");
			goto done;
		}
	}
	if ((rc = vd_check_schema(&t, root)) || (json_is_object(root) && (rc = check_layout(&t, root, famdir, name))))
		goto done;
parts:
	if ((rc = vd_check_parts(&t, root)))
		goto done;
	/* The loader has the last word: anything it rejects that the checks above missed. */
	if (t.errors == 0 && hz_task_load(&task, f->dir) != 0)
		rc = loader_issue(&t);
done:
	f->ok = !rc && t.errors == 0;
	hz_task_free(task);
	json_decref(root);
	free(text);
	return rc;
}

static int cmp_found_id(const void *a, const void *b)
{
	const found_task *x = *(found_task *const *)a, *y = *(found_task *const *)b;
	int c = strcmp(x->id, y->id);
	return c ? c : strcmp(x->dir, y->dir);
}

static int check_unique_ids(hz_validation *v, const hz_validate_opts *opts, found_list *l)
{
	found_task **byid = calloc(l->count + 1, sizeof(*byid));
	size_t n = 0;
	int rc = 0;

	if (!byid)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	for (size_t i = 0; i < l->count; i++)
		if (l->items[i].id)
			byid[n++] = &l->items[i];
	qsort(byid, n, sizeof(*byid), cmp_found_id);
	for (size_t i = 1; i < n && !rc; i++) {
		if (strcmp(byid[i - 1]->id, byid[i]->id))
			continue;
		vd_task t = { v, opts, byid[i]->dir, byid[i]->json_path, byid[i]->id, 0 };
		rc = vd_issue(&t, HZ_ISSUE_ERROR, byid[i]->json_path, "id", "\"%s\" is also used by %s", byid[i]->id,
			      byid[i - 1]->json_path);
		byid[i]->ok = 0;
	}
	free(byid);
	return rc;
}

int hz_validate_path(hz_validation **out, const char *path, const hz_validate_opts *opts)
{
	hz_validate_opts defaults = HZ_VALIDATE_OPTS_INIT;
	hz_fs_dirset seen = HZ_FS_DIRSET_INIT;
	found_list found = { 0 };
	hz_validation *v = NULL;
	int rc = 0;

	*out = NULL;
	if (!opts)
		opts = &defaults;
	if (!hz_fs_is_dir(path))
		return hz_error_set(HZ_ENOTFOUND, "'%s' is not a directory", path);
	if (!(v = calloc(1, sizeof(*v)))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	v->strict = opts->strict;
	rc = walk(&found, path, "", 0, &seen);
	hz_fs_dirset_release(&seen);
	if (rc)
		goto done;
	/*
	 * PATH may be a catalogue, a family directory or one task: the family and
	 * name a task must have come from its own directory and the one above.
	 */
	for (size_t i = 0; i < found.count && !rc; i++) {
		found_task *f = &found.items[i];
		char real[PATH_MAX], parent[PATH_MAX], *slash = strchr(f->rel, '/');
		if (slash && strchr(slash + 1, '/')) {
			rc = validate_one(v, opts, f, NULL, NULL);
			continue;
		}
		if (!realpath(f->dir, real)) {
			rc = hz_error_set_errno("task directory '%s'", f->dir);
			break;
		}
		snprintf(parent, sizeof(parent), "%s", real);
		rc = validate_one(v, opts, f, basename(dirname(parent)), basename(real));
	}
	if (!rc)
		rc = check_unique_ids(v, opts, &found);
	for (size_t i = 0; i < found.count; i++)
		v->nvalid += found.items[i].ok != 0;
done:
	found_release(&found);
	if (rc) {
		hz_validation_free(v);
		return rc;
	}
	*out = v;
	return 0;
}

void hz_validation_free(hz_validation *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->count; i++) {
		free(v->issues[i].task);
		free(v->issues[i].file);
		free(v->issues[i].field);
		free(v->issues[i].message);
	}
	free(v->issues);
	free(v);
}

size_t hz_validation_tasks(const hz_validation *v) { return v->ntasks; }
size_t hz_validation_valid_tasks(const hz_validation *v) { return v->nvalid; }
size_t hz_validation_errors(const hz_validation *v) { return v->nerrors; }
size_t hz_validation_warnings(const hz_validation *v) { return v->nwarnings; }
size_t hz_validation_count(const hz_validation *v) { return v->count; }

const hz_issue *hz_validation_issue(const hz_validation *v, size_t i)
{
	return i < v->count ? &v->issues[i] : NULL;
}

char *hz_issue_format(const hz_issue *is, char *out, size_t size)
{
	if (is->file && is->field)
		snprintf(out, size, "%s: '%s' %s", is->file, is->field, is->message);
	else if (is->file)
		snprintf(out, size, "%s: %s", is->file, is->message);
	else
		snprintf(out, size, "%s", is->message);
	return out;
}
