/* Loading and checking one task directory (task.json and its parts). */
#include <dirent.h>
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "horizon/task.h"

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
	char **requires;
	size_t nrequires;
	char **tags;
	size_t ntags;
	char sha[65];
};

static void free_strv(char **v)
{
	if (!v)
		return;
	for (char **p = v; *p; p++)
		free(*p);
	free(v);
}

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

static int field_error(const hz_task *t, const char *field, const char *what)
{
	return hz_error_set(HZ_EINVALID, "%s: '%s' %s", t->json_path, field, what);
}

static int get_string(const hz_task *t, json_t *obj, const char *field, int required, char **out)
{
	json_t *v = json_object_get(obj, field);

	if (!v) {
		if (required)
			return field_error(t, field, "is missing");
		return 0;
	}
	if (!json_is_string(v) || json_string_length(v) == 0)
		return field_error(t, field, "must be a non-empty string");
	if (!(*out = strdup(json_string_value(v))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	return 0;
}

static int get_number(const hz_task *t, json_t *obj, const char *field, int required, double *out)
{
	json_t *v = json_object_get(obj, field);

	if (!v) {
		if (required)
			return field_error(t, field, "is missing");
		return 0;
	}
	if (!json_is_number(v) || !isfinite(json_number_value(v)) || json_number_value(v) <= 0)
		return field_error(t, field, "must be a positive number");
	*out = json_number_value(v);
	return 0;
}

static int get_long(const hz_task *t, json_t *obj, const char *field, long *out)
{
	json_t *v = json_object_get(obj, field);

	if (!v)
		return 0;
	if (!json_is_integer(v) || json_integer_value(v) <= 0)
		return field_error(t, field, "must be a positive integer");
	*out = (long)json_integer_value(v);
	return 0;
}

/* A JSON array of non-empty strings into a NULL-terminated heap vector. */
static int get_strv(const hz_task *t, json_t *obj, const char *field, int required, char ***out, size_t *count)
{
	json_t *v = json_object_get(obj, field), *item;
	size_t i;
	char **vec;

	*out = NULL;
	if (count)
		*count = 0;
	if (!v) {
		if (required)
			return field_error(t, field, "is missing");
		if (!(*out = calloc(1, sizeof(char *))))
			return hz_error_set(HZ_ENOMEM, "out of memory");
		return 0;
	}
	if (!json_is_array(v))
		return field_error(t, field, "must be an array of strings");
	if (!(vec = calloc(json_array_size(v) + 1, sizeof(char *))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	json_array_foreach(v, i, item) {
		if (!json_is_string(item) || json_string_length(item) == 0) {
			free_strv(vec);
			return field_error(t, field, "must be an array of non-empty strings");
		}
		if (!(vec[i] = strdup(json_string_value(item)))) {
			free_strv(vec);
			return hz_error_set(HZ_ENOMEM, "out of memory");
		}
	}
	*out = vec;
	if (count)
		*count = json_array_size(v);
	return 0;
}

static int load_scorer(hz_task *t, json_t *root)
{
	json_t *s = json_object_get(root, "scorer");
	char *kind = NULL, *match = NULL;
	int rc;

	if (!s)
		return field_error(t, "scorer", "is missing");
	if (!json_is_object(s))
		return field_error(t, "scorer", "must be an object");
	if (get_string(t, s, "kind", 1, &kind) != 0)
		return field_error(t, "scorer.kind", "is missing or not a string");
	t->scorer.timeout_s = 60;
	t->scorer.threshold = 1.0;
	if (!strcmp(kind, "exit"))
		t->scorer.kind = HZ_SCORER_EXIT;
	else if (!strcmp(kind, "json"))
		t->scorer.kind = HZ_SCORER_JSON;
	else if (!strcmp(kind, "answer"))
		t->scorer.kind = HZ_SCORER_ANSWER;
	else {
		rc = field_error(t, "scorer.kind", "must be one of \"exit\", \"json\", \"answer\"");
		goto done;
	}
	if ((rc = get_number(t, s, "timeout_s", 0, &t->scorer.timeout_s)) != 0) {
		rc = field_error(t, "scorer.timeout_s", "must be a positive number");
		goto done;
	}
	if (json_object_get(s, "threshold")) {
		json_t *th = json_object_get(s, "threshold");
		if (!json_is_number(th) || json_number_value(th) < 0 || json_number_value(th) > 1) {
			rc = field_error(t, "scorer.threshold", "must be a number from 0 to 1");
			goto done;
		}
		t->scorer.threshold = json_number_value(th);
	}
	if (t->scorer.kind == HZ_SCORER_ANSWER) {
		if ((rc = get_string(t, s, "answer_file", 1, &t->scorer.answer_file)) != 0) {
			rc = field_error(t, "scorer.answer_file", "is missing (answer scorers compare with a file under tests/)");
			goto done;
		}
		if (strncmp(t->scorer.answer_file, "tests/", 6) != 0 || strstr(t->scorer.answer_file, "..")) {
			rc = field_error(t, "scorer.answer_file", "must be a path under tests/");
			goto done;
		}
		if ((rc = get_string(t, s, "match", 0, &match)) != 0) {
			rc = field_error(t, "scorer.match", "must be a string");
			goto done;
		}
		if (!match || !strcmp(match, "exact"))
			t->scorer.match = HZ_MATCH_EXACT;
		else if (!strcmp(match, "regex"))
			t->scorer.match = HZ_MATCH_REGEX;
		else if (!strcmp(match, "number"))
			t->scorer.match = HZ_MATCH_NUMBER;
		else {
			rc = field_error(t, "scorer.match", "must be one of \"exact\", \"regex\", \"number\"");
			goto done;
		}
	} else {
		json_t *cmd = json_object_get(s, "command");
		if (!cmd || !json_is_array(cmd) || json_array_size(cmd) == 0) {
			rc = field_error(t, "scorer.command", "must be a non-empty array of strings (an argv, not a shell string)");
			goto done;
		}
		if ((rc = get_strv(t, s, "command", 1, &t->scorer.command, NULL)) != 0) {
			rc = field_error(t, "scorer.command", "must be an array of non-empty strings");
			goto done;
		}
	}
done:
	free(kind);
	free(match);
	return rc;
}

static int load_resources(hz_task *t, json_t *root)
{
	json_t *r = json_object_get(root, "resources");
	int rc = 0;

	t->resources.memory_mb = 2048;
	t->resources.cpu_s = (long)(t->time_limit_s * 2 + 60);
	t->resources.processes = 256;
	t->resources.disk_mb = 512;
	t->resources.open_files = 256;
	if (!r)
		return 0;
	if (!json_is_object(r))
		return field_error(t, "resources", "must be an object");
	if ((rc = get_long(t, r, "memory_mb", &t->resources.memory_mb)) ||
	    (rc = get_long(t, r, "cpu_s", &t->resources.cpu_s)) ||
	    (rc = get_long(t, r, "processes", &t->resources.processes)) ||
	    (rc = get_long(t, r, "disk_mb", &t->resources.disk_mb)) ||
	    (rc = get_long(t, r, "open_files", &t->resources.open_files)))
		return hz_error_prefix("%s", "resources: ");
	return 0;
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
	if ((rc = hz_fs_read(t->json_path, TASK_JSON_MAX, &text, NULL)) != 0)
		goto done;
	if (!(root = json_loads(text, JSON_REJECT_DUPLICATES, &jerr))) {
		rc = hz_error_set(HZ_EINVALID, "%s:%d:%d: %s", t->json_path, jerr.line, jerr.column, jerr.text);
		goto done;
	}
	if (!json_is_object(root)) {
		rc = hz_error_set(HZ_EINVALID, "%s: the top level must be an object", t->json_path);
		goto done;
	}
	if ((rc = get_string(t, root, "id", 1, &t->id)) ||
	    (rc = get_string(t, root, "family", 1, &t->family)) ||
	    (rc = get_string(t, root, "summary", 1, &t->summary)) ||
	    (rc = get_number(t, root, "human_minutes", 1, &t->human_minutes)) ||
	    (rc = get_string(t, root, "human_source", 1, &t->human_source)) ||
	    (rc = get_string(t, root, "human_notes", 1, &t->human_notes)) ||
	    (rc = get_number(t, root, "time_limit_s", 1, &t->time_limit_s)) ||
	    (rc = get_string(t, root, "network", 0, &t->network)) ||
	    (rc = get_string(t, root, "domain", 0, &t->domain)))
		goto done;
	{
		json_t *v = json_object_get(root, "version");
		char num[32];
		if (!v) {
			rc = field_error(t, "version", "is missing");
			goto done;
		}
		if (json_is_integer(v)) {
			snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(v));
			t->version = strdup(num);
		} else if (json_is_string(v) && json_string_length(v) > 0) {
			t->version = strdup(json_string_value(v));
		} else {
			rc = field_error(t, "version", "must be a non-empty string or an integer");
			goto done;
		}
	}
	if (strcmp(t->human_source, "baseline") && strcmp(t->human_source, "estimate")) {
		rc = field_error(t, "human_source", "must be \"baseline\" or \"estimate\"");
		goto done;
	}
	if (!t->domain)
		t->domain = strdup("software");
	if (!hz_task_domain_known(t->domain)) {
		rc = field_error(t, "domain", "must be one of \"software\", \"security\", \"ml\", \"data\", \"ops\"");
		goto done;
	}
	if (!t->network)
		t->network = strdup("none");
	if (strcmp(t->network, "none")) {
		rc = field_error(t, "network", "must be \"none\" (tasks never reach a network)");
		goto done;
	}
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
	if ((rc = load_scorer(t, root)) || (rc = load_resources(t, root)) ||
	    (rc = get_strv(t, root, "requires", 0, &t->requires, &t->nrequires)) ||
	    (rc = get_strv(t, root, "tags", 0, &t->tags, &t->ntags)))
		goto done;
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

const char *const hz_task_domains[] = { "software", "security", "ml", "data", "ops", NULL };

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
		if (n == cap) {
			char **nn = realloc(names, (cap = cap ? cap * 2 : 16) * sizeof(char *));
			if (!nn) {
				rc = hz_error_set(HZ_ENOMEM, "out of memory");
				goto done;
			}
			names = nn;
		}
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
