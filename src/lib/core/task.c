/* Loading and checking one task directory (task.json and its parts). */
#include <dirent.h>
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "array.h"
#include "buf.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "horizon/task.h"
#include "jfield.h"
#include "task_schema.h"

#define TASK_JSON_MAX (1 << 20)
#define INSTRUCTIONS_MAX (1 << 20)

struct hz_task {
	char *dir;
	char *json_path;
	char *id, *family, *version, *summary, *human_source, *human_notes, *network, *domain;
	double human_minutes;
	double time_limit_s;
	hz_scorer scorer;
	hz_resources resources;
	int kind_ix, match_ix; /* scorer.kind and scorer.match as indexes, while loading */
	char **requires;
	size_t nrequires;
	char **tags;
	size_t ntags;
	char sha[65];
};

#define free_strv hz_jf_strv_free

void hz_task_free(hz_task *t)
{
	if (!t)
		return;
	free(t->dir);
	free(t->json_path);
	free(t->id);
	free(t->family);
	free(t->version);
	free(t->summary);
	free(t->human_source);
	free(t->human_notes);
	free(t->network);
	free(t->domain);
	free_strv(t->scorer.command);
	free(t->scorer.answer_file);
	free_strv(t->requires);
	free_strv(t->tags);
	free(t);
}

static const char *const kinds[] = { "exit", "json", "answer", NULL }; /* hz_scorer_kind order */
static const char *const matches[] = { "exact", "regex", "number", NULL }; /* hz_match_kind order */
static const char *const sources[] = { "baseline", "estimate", NULL };
static const char *const networks[] = { "none", NULL };
const char *const hz_task_domains[] = { "software", "security", "ml", "data", "ops", NULL };

#define AT(m) offsetof(struct hz_task, m)
#define NO TASK_F_NONE
#define REQ TASK_F_REQUIRED

/* The task.json schema (task_schema.h): the loader stores each row at its offset. */
const task_field task_fields[] = {
	{ NULL, "id", HZ_JF_STRING, REQ, NULL, NULL, AT(id), NO },
	{ NULL, "family", HZ_JF_STRING, REQ, NULL, NULL, AT(family), NO },
	{ NULL, "version", HZ_JF_VERSION, REQ, NULL, NULL, AT(version), NO },
	{ NULL, "summary", HZ_JF_STRING, REQ, NULL, NULL, AT(summary), NO },
	{ NULL, "human_minutes", HZ_JF_POSITIVE, REQ, NULL, NULL, AT(human_minutes), NO },
	{ NULL, "human_source", HZ_JF_STRING, REQ, sources, NULL, AT(human_source), NO },
	{ NULL, "human_notes", HZ_JF_STRING, REQ, NULL, NULL, AT(human_notes), NO },
	{ NULL, "time_limit_s", HZ_JF_POSITIVE, REQ, NULL, NULL, AT(time_limit_s), NO },
	{ NULL, "network", HZ_JF_STRING, 0, networks, "(tasks never reach a network)", AT(network), NO },
	{ NULL, "domain", HZ_JF_STRING, 0, hz_task_domains, NULL, AT(domain), NO },
	{ NULL, "scorer", HZ_JF_OBJECT, REQ, NULL, NULL, NO, NO },
	{ "scorer", "kind", HZ_JF_STRING, REQ, kinds, NULL, AT(kind_ix), NO },
	{ "scorer", "command", HZ_JF_ARGV, TASK_F_COMMAND, NULL, NULL, AT(scorer.command), NO },
	{ "scorer", "timeout_s", HZ_JF_POSITIVE, 0, NULL, NULL, AT(scorer.timeout_s), NO },
	{ "scorer", "threshold", HZ_JF_FRACTION, 0, NULL, NULL, AT(scorer.threshold), NO },
	{ "scorer", "answer_file", HZ_JF_STRING, REQ | TASK_F_ANSWER, NULL, NULL, AT(scorer.answer_file), NO },
	{ "scorer", "match", HZ_JF_STRING, TASK_F_ANSWER, matches, NULL, AT(match_ix), NO },
	{ NULL, "resources", HZ_JF_OBJECT, 0, NULL, NULL, NO, NO },
	{ "resources", "memory_mb", HZ_JF_POSINT, 0, NULL, NULL, AT(resources.memory_mb), NO },
	{ "resources", "cpu_s", HZ_JF_POSINT, 0, NULL, NULL, AT(resources.cpu_s), NO },
	{ "resources", "processes", HZ_JF_POSINT, 0, NULL, NULL, AT(resources.processes), NO },
	{ "resources", "disk_mb", HZ_JF_POSINT, 0, NULL, NULL, AT(resources.disk_mb), NO },
	{ "resources", "open_files", HZ_JF_POSINT, 0, NULL, NULL, AT(resources.open_files), NO },
	{ NULL, "requires", HZ_JF_STRINGS, 0, NULL, NULL, AT(requires), AT(nrequires) },
	{ NULL, "tags", HZ_JF_STRINGS, 0, NULL, NULL, AT(tags), AT(ntags) },
	{ NULL, NULL, 0, 0, NULL, NULL, NO, NO },
};

static int field_error(const hz_task *t, const char *field, const char *what)
{
	hz_jfield at = { .file = t->json_path };

	return hz_jf_error(&at, field, "%s", what);
}

/* Store one checked value (v may be NULL: absent) of row f into t. */
static int store(hz_task *t, const task_field *f, json_t *v, int ix)
{
	char *p, num[32];
	const char *s = num;

	if (f->offset == NO)
		return 0;
	p = (char *)t + f->offset;
	if (f->offset == AT(kind_ix) || f->offset == AT(match_ix)) { /* stored as the value's index */
		*(int *)p = ix < 0 ? 0 : ix;
		return 0;
	}
	switch (f->kind) {
	case HZ_JF_STRINGS:
	case HZ_JF_ARGV:
		return hz_jf_strv_copy(v, (char ***)p, f->count_offset == NO ? NULL : (size_t *)((char *)t + f->count_offset));
	case HZ_JF_POSITIVE:
	case HZ_JF_FRACTION:
	case HZ_JF_NUMBER:
		if (v)
			*(double *)p = json_number_value(v);
		return 0;
	case HZ_JF_POSINT:
		if (v)
			*(long *)p = (long)json_integer_value(v);
		return 0;
	case HZ_JF_VERSION:
	case HZ_JF_STRING:
	case HZ_JF_TEXT:
	case HZ_JF_DATE:
		if (!v)
			return 0;
		if (json_is_integer(v))
			snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(v));
		else
			s = json_string_value(v);
		if (!(*(char **)p = strdup(s)))
			return hz_error_set(HZ_ENOMEM, "out of memory");
		return 0;
	case HZ_JF_OBJECT:
	case HZ_JF_COUNT: /* no task.json field of these kinds */
	case HZ_JF_BOOL:
		return 0;
	}
	return 0;
}

/*
 * Resources past any machine horizon runs on are refused: the sandbox shifts
 * memory_mb and disk_mb into bytes and adds to processes, which must not
 * overflow a long.
 */
static int check_resources(const hz_task *t)
{
	static const struct { const char *name; long max; } lim[] = {
		{ "resources.memory_mb", 1L << 24 }, { "resources.cpu_s", 1L << 26 }, { "resources.processes", 1L << 22 },
		{ "resources.disk_mb", 1L << 24 }, { "resources.open_files", 1L << 20 },
	};
	const long v[] = { t->resources.memory_mb, t->resources.cpu_s, t->resources.processes, t->resources.disk_mb,
			   t->resources.open_files };
	char why[64];

	for (size_t i = 0; i < sizeof(lim) / sizeof(lim[0]); i++)
		if (v[i] > lim[i].max) {
			snprintf(why, sizeof(why), "must be at most %ld", lim[i].max);
			return field_error(t, lim[i].name, why);
		}
	return 0;
}

/* Every row of the schema, in order: the first problem is the error. */
static int load_fields(hz_task *t, json_t *root)
{
	char why[160], name[64];
	int kind = -1, rc;

	t->scorer.timeout_s = 60;
	t->scorer.threshold = 1.0;
	t->resources.memory_mb = 2048;
	t->resources.processes = 256;
	t->resources.disk_mb = 512;
	t->resources.open_files = 256;
	for (const task_field *f = task_fields; f->key; f++) {
		json_t *v;
		int ix;
		if (task_field_check(root, f, kind, &v, &ix, why, sizeof(why)))
			return field_error(t, task_field_name(f, name, sizeof(name)), why);
		if (f->offset == AT(kind_ix))
			kind = ix;
		if ((rc = store(t, f, v, ix)) != 0)
			return rc;
	}
	t->scorer.kind = (hz_scorer_kind)t->kind_ix;
	t->scorer.match = (hz_match_kind)t->match_ix;
	/* Beyond a year a limit is no limit, and time_limit_s * 2 + 60 must fit a long (the CPU rlimit). */
	if (t->time_limit_s > HZ_TASK_TIME_LIMIT_MAX)
		return field_error(t, "time_limit_s", "must be at most 31536000 s (a year)");
	if (!t->resources.cpu_s)
		t->resources.cpu_s = (long)(t->time_limit_s * 2 + 60);
	if ((!t->network && !(t->network = strdup("none"))) || (!t->domain && !(t->domain = strdup("software"))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	return check_resources(t);
}

static int check_dir_part(const hz_task *t, const char *name)
{
	char *p = hz_path_join(t->dir, name);
	int ok = p && hz_fs_is_dir(p);

	free(p);
	if (!ok)
		return hz_error_set(HZ_EINVALID, "%s/%s: directory is missing", t->dir, name);
	return 0;
}

int hz_task_load(hz_task **out, const char *dir)
{
	hz_task *t = NULL;
	json_t *root = NULL;
	json_error_t jerr;
	char real[PATH_MAX];
	char *text = NULL;
	int rc = 0;

	*out = NULL;
	if (!realpath(dir, real))
		return hz_error_set_errno("task directory '%s'", dir);
	if (!(t = calloc(1, sizeof(*t))) || !(t->dir = strdup(real)) ||
	    !(t->json_path = hz_path_join(real, "task.json"))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = hz_fs_check_regular(t->json_path)) != 0 ||
	    (rc = hz_fs_read(t->json_path, TASK_JSON_MAX, &text, NULL)) != 0)
		goto done;
	if (!(root = json_loads(text, JSON_REJECT_DUPLICATES, &jerr))) {
		rc = hz_error_set(HZ_EINVALID, "%s:%d:%d: %s", t->json_path, jerr.line, jerr.column, jerr.text);
		goto done;
	}
	if (!json_is_object(root)) {
		rc = hz_error_set(HZ_EINVALID, "%s: the top level must be an object", t->json_path);
		goto done;
	}
	if ((rc = load_fields(t, root)) != 0)
		goto done;
	if (strchr(t->id, ' ') || strchr(t->family, '/') || strchr(t->family, ' ')) {
		rc = field_error(t, strchr(t->id, ' ') ? "id" : "family", "must not contain spaces (or '/' in a family)");
		goto done;
	}
	{
		size_t fl = strlen(t->family);
		if (strncmp(t->id, t->family, fl) != 0 || t->id[fl] != '/' || t->id[fl + 1] == '\0') {
			rc = field_error(t, "id", "must be \"<family>/<name>\" with the task's family");
			goto done;
		}
	}
	if (t->scorer.kind == HZ_SCORER_ANSWER &&
	    (strncmp(t->scorer.answer_file, "tests/", 6) != 0 || strstr(t->scorer.answer_file, ".."))) {
		rc = field_error(t, "scorer.answer_file", "must be a path under tests/");
		goto done;
	}
	if ((rc = check_dir_part(t, "workspace")) || (rc = check_dir_part(t, "tests")) ||
	    (rc = check_dir_part(t, "solution")))
		goto done;
	{
		char *ins = hz_path_join(t->dir, "instructions.md");
		int ok = ins && hz_fs_is_file(ins);
		free(ins);
		if (!ok) {
			rc = hz_error_set(HZ_EINVALID, "%s/instructions.md: file is missing", t->dir);
			goto done;
		}
	}
	*out = t;
	t = NULL;
done:
	free(text);
	json_decref(root);
	hz_task_free(t);
	return rc;
}

const char *hz_task_id(const hz_task *t) { return t->id; }
const char *hz_task_family(const hz_task *t) { return t->family; }
const char *hz_task_version(const hz_task *t) { return t->version; }
const char *hz_task_summary(const hz_task *t) { return t->summary; }
const char *hz_task_dir(const hz_task *t) { return t->dir; }
double hz_task_human_minutes(const hz_task *t) { return t->human_minutes; }
const char *hz_task_human_source(const hz_task *t) { return t->human_source; }
const char *hz_task_human_notes(const hz_task *t) { return t->human_notes; }
double hz_task_time_limit_s(const hz_task *t) { return t->time_limit_s; }
const hz_scorer *hz_task_scorer(const hz_task *t) { return &t->scorer; }
const hz_resources *hz_task_resources(const hz_task *t) { return &t->resources; }
const char *hz_task_network(const hz_task *t) { return t->network; }
const char *hz_task_domain(const hz_task *t) { return t->domain; }

int hz_task_domain_known(const char *domain)
{
	for (const char *const *d = hz_task_domains; *d; d++)
		if (!strcmp(*d, domain))
			return 1;
	return 0;
}
size_t hz_task_requires_count(const hz_task *t) { return t->nrequires; }
const char *hz_task_requires(const hz_task *t, size_t i) { return i < t->nrequires ? t->requires[i] : NULL; }
size_t hz_task_tags_count(const hz_task *t) { return t->ntags; }
const char *hz_task_tag(const hz_task *t, size_t i) { return i < t->ntags ? t->tags[i] : NULL; }

int hz_task_has_tag(const hz_task *t, const char *tag)
{
	for (size_t i = 0; i < t->ntags; i++)
		if (!strcmp(t->tags[i], tag))
			return 1;
	return 0;
}

int hz_task_tool_installed(const char *tool)
{
	static const char *const dirs[] = { "/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin" };
	int found = 0;

	if (strchr(tool, '/'))
		return 1;
	for (size_t d = 0; d < sizeof(dirs) / sizeof(dirs[0]) && !found; d++) {
		char *p = hz_path_join(dirs[d], tool);
		found = p && access(p, X_OK) == 0;
		free(p);
	}
	return found;
}

const char *hz_task_missing_tool(const hz_task *t)
{
	for (size_t i = 0; i < t->nrequires; i++)
		if (!hz_task_tool_installed(t->requires[i]))
			return t->requires[i];
	return NULL;
}

int hz_task_instructions(const hz_task *t, char **out)
{
	char *p = hz_path_join(t->dir, "instructions.md");
	int rc;

	if (!p)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	rc = hz_fs_read(p, INSTRUCTIONS_MAX, out, NULL);
	free(p);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Feed "path\0size\0contents" of every file under dir/rel, in sorted order, to buf. */
static int hash_tree(hz_buf *buf, const char *base, const char *rel)
{
	char *path = rel[0] ? hz_path_join(base, rel) : strdup(base);
	char **names = NULL;
	size_t n = 0, cap = 0;
	DIR *d = NULL;
	struct dirent *de;
	struct stat st;
	int rc = 0;

	if (!path)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if (lstat(path, &st) < 0)
		goto done; /* optional part */
	if (S_ISREG(st.st_mode)) {
		char *data = NULL;
		size_t len = 0;
		if ((rc = hz_fs_read(path, (size_t)1 << 30, &data, &len)) == 0) {
			hz_buf_printf(buf, "%s%c%zu%c%o%c", rel, 0, len, 0, (unsigned)(st.st_mode & 0111), 0);
			rc = hz_buf_put(buf, data, len);
		}
		free(data);
		goto done;
	}
	if (S_ISLNK(st.st_mode)) {
		char target[PATH_MAX];
		ssize_t l = readlink(path, target, sizeof(target) - 1);
		if (l >= 0) {
			target[l] = '\0';
			hz_buf_printf(buf, "%s%c->%s%c", rel, 0, target, 0);
		}
		goto done;
	}
	if (!S_ISDIR(st.st_mode) || !(d = opendir(path)))
		goto done;
	while ((de = readdir(d)) != NULL) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if ((rc = HZ_ARRAY_RESERVE(names, cap, n + 1)) != 0)
			goto done;
		if (rel[0]) {
			hz_buf tmp = HZ_BUF_INIT;
			hz_buf_printf(&tmp, "%s/%s", rel, de->d_name);
			names[n++] = hz_buf_detach(&tmp);
		} else {
			names[n++] = strdup(de->d_name);
		}
	}
	qsort(names, n, sizeof(char *), cmp_str);
	for (size_t i = 0; i < n && !rc; i++)
		rc = hash_tree(buf, base, names[i]);
done:
	if (d)
		closedir(d);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(path);
	return rc;
}

const char *hz_task_sha256(hz_task *t)
{
	static const char *const parts[] = { "task.json", "instructions.md", "workspace", "tests", "solution" };
	hz_buf buf = HZ_BUF_INIT;

	if (t->sha[0])
		return t->sha;
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		hash_tree(&buf, t->dir, parts[i]);
	hz_sha256_hex(buf.ptr ? buf.ptr : "", buf.len, t->sha);
	hz_buf_release(&buf);
	return t->sha;
}
