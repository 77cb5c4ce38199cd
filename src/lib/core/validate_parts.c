/*
 * Validation of a task directory's files: instructions.md, workspace/ (what
 * survives the run's baseline commit, no way out to the hidden parts, no copy
 * of the answer), tests/ (the answer file, the scorer's own files),
 * solution/solve.sh, and the host tools in `requires`.
 */
#include <ctype.h>
#include <dirent.h>
#include <limits.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fsutil.h"
#include "horizon/error.h"
#include "proc.h"
#include "strutil.h"
#include "validate_internal.h"

#define E HZ_ISSUE_ERROR
#define W HZ_ISSUE_WARNING
#define ANSWER_MAX (64 * 1024)
#define LEAK_SCAN_MAX (1024 * 1024) /* workspace files compared with the answer */
#define LONG_ANSWER 16              /* answers this long are looked for inside files too */
#define BIG_FILE (10L * 1024 * 1024)

/* The answer and how it is matched, for the leak scan. */
typedef struct answer_ref {
	const char *text; /* trimmed */
	hz_match_kind match;
	regex_t re;
	int have_re;
	const char *file; /* for messages */
} answer_ref;

/* Trim surrounding white space in place; returns the start. */
static char *trim(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

static int same_answer(const answer_ref *a, const char *text)
{
	double x, y;

	switch (a->match) {
	case HZ_MATCH_REGEX:
		return a->have_re && regexec(&a->re, text, 0, NULL, 0) == 0;
	case HZ_MATCH_NUMBER:
		return hz_parse_double(text, &x) == 0 && hz_parse_double(a->text, &y) == 0 && x == y;
	default:
		return !strcmp(a->text, text);
	}
}

static int scan_file(vd_task *t, const char *path, const struct stat *st, const answer_ref *ans)
{
	char *data = NULL;
	int rc = 0;

	if (st->st_size > BIG_FILE)
		return vd_issue(t, W, path, NULL, "is %lld MB: keep workspaces small", (long long)st->st_size >> 20);
	size_t len = 0, alen;

	if (!ans || st->st_size > LEAK_SCAN_MAX || hz_fs_read(path, LEAK_SCAN_MAX, &data, &len) != 0)
		return 0;
	alen = strlen(ans->text);
	/* A long literal answer (a hash, a full output line) inside a file is a leak too; short ones
	 * (a file name, a number) appear in files for good reasons. */
	if (ans->match != HZ_MATCH_REGEX && alen >= LONG_ANSWER && memmem(data, len, ans->text, alen) &&
	    !same_answer(ans, trim(data)))
		rc = vd_issue(t, W, path, NULL, "contains the hidden answer (%s) in its text: check it is not a leak",
			      ans->file);
	else if (*trim(data) && same_answer(ans, trim(data)))
		rc = vd_issue(t, E, path, NULL, "holds the hidden answer (%s): the agent could copy it", ans->file);
	free(data);
	return rc;
}

/* Walk workspace/ below `path`; `root` is the workspace's real path. */
static int scan_workspace(vd_task *t, const char *path, const char *root, const answer_ref *ans, int depth)
{
	DIR *d = opendir(path);
	struct dirent *de;
	size_t entries = 0;
	int rc = 0;

	if (!d)
		return vd_issue(t, E, path, NULL, "cannot be read");
	while (!rc && (de = readdir(d)) != NULL) {
		char *child;
		struct stat st;
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		entries++;
		if (!(child = hz_path_join(path, de->d_name))) {
			rc = hz_error_set(HZ_ENOMEM, "out of memory");
			break;
		}
		if (!strcmp(de->d_name, ".git")) {
			rc = vd_issue(t, E, child, NULL,
				      "is dropped by the run's baseline commit: ship history as a git bundle");
		} else if (lstat(child, &st) != 0) {
			rc = vd_issue(t, E, child, NULL, "cannot be read");
		} else if (S_ISLNK(st.st_mode)) {
			char real[PATH_MAX];
			size_t rl = strlen(root);
			if (!realpath(child, real))
				rc = vd_issue(t, W, child, NULL, "is a dangling symbolic link");
			else if (strncmp(real, root, rl) || (real[rl] && real[rl] != '/'))
				rc = vd_issue(t, E, child, NULL,
					      "is a symbolic link out of the workspace (to %s): the agent must not reach "
					      "the task's hidden files",
					      real);
		} else if (S_ISDIR(st.st_mode)) {
			if (depth > 32)
				rc = vd_issue(t, E, child, NULL, "is nested too deep");
			else
				rc = scan_workspace(t, child, root, ans, depth + 1);
		} else if (S_ISREG(st.st_mode)) {
			rc = scan_file(t, child, &st, ans);
		}
		free(child);
	}
	closedir(d);
	if (!rc && entries == 0 && depth > 0)
		rc = vd_issue(t, W, path, NULL, "is an empty directory: the baseline commit does not keep it");
	return rc;
}

static int check_instructions(vd_task *t, int answer_task)
{
	char *path = hz_path_join(t->dir, "instructions.md"), *text = NULL;
	int rc = 0;

	if (!path)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if (!hz_fs_is_file(path))
		rc = vd_issue(t, E, path, NULL, "is missing (what the agent is told)");
	else if (hz_fs_read(path, 1 << 20, &text, NULL) != 0)
		rc = vd_issue(t, E, path, NULL, "cannot be read: %s", hz_error_message());
	else if (!*trim(text))
		rc = vd_issue(t, E, path, NULL, "is empty");
	else if (answer_task && !strstr(text, "answer.txt"))
		rc = vd_issue(t, W, path, NULL, "does not say to write the answer to answer.txt");
	free(text);
	free(path);
	return rc;
}

static int check_solution(vd_task *t)
{
	char *path = hz_path_join(t->dir, "solution/solve.sh");
	struct stat st;
	int rc = 0;

	if (!path)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		rc = vd_issue(t, E, path, NULL, "is missing (the reference solution the oracle runs)");
	else if (!(st.st_mode & S_IXUSR))
		rc = vd_issue(t, W, path, NULL, "is not executable (chmod +x): the oracle runs it with bash, people run it directly");
	free(path);
	return rc;
}

/* A string member of the scorer object, or NULL. */
static const char *scorer_string(json_t *root, const char *key)
{
	return json_string_value(json_object_get(json_object_get(root, "scorer"), key));
}

/* Load and check the answer file; fills *ans when it is usable. */
static int load_answer(vd_task *t, json_t *root, answer_ref *ans, char **text, char **path)
{
	const char *file = scorer_string(root, "answer_file"), *match = scorer_string(root, "match");
	int rc = 0;

	if (!file || strncmp(file, "tests/", 6) || strstr(file, ".."))
		return 0; /* reported by the schema check */
	if (!(*path = hz_path_join(t->dir, file)))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if (!hz_fs_is_file(*path))
		return vd_issue(t, E, t->json_path, "scorer.answer_file", "names %s, which does not exist", file);
	if (hz_fs_read(*path, ANSWER_MAX, text, NULL) != 0)
		return vd_issue(t, E, *path, NULL, "cannot be read: %s", hz_error_message());
	ans->text = trim(*text);
	ans->match = !match || !strcmp(match, "exact") ? HZ_MATCH_EXACT
		     : !strcmp(match, "regex")	     ? HZ_MATCH_REGEX
						     : HZ_MATCH_NUMBER;
	ans->file = file;
	if (!*ans->text)
		return vd_issue(t, E, *path, NULL, "is empty: every answer would be compared with nothing");
	if (ans->match == HZ_MATCH_REGEX) {
		char *anchored = NULL;
		size_t n = strlen(ans->text) + 8;
		if (!(anchored = malloc(n)))
			return hz_error_set(HZ_ENOMEM, "out of memory");
		snprintf(anchored, n, "^(%s)$", ans->text);
		if (regcomp(&ans->re, anchored, REG_EXTENDED | REG_NOSUB) != 0)
			rc = vd_issue(t, E, *path, NULL, "is not a valid POSIX extended regular expression");
		else
			ans->have_re = 1;
		free(anchored);
	} else if (ans->match == HZ_MATCH_NUMBER) {
		double x;
		if (hz_parse_double(ans->text, &x) != 0)
			rc = vd_issue(t, E, *path, NULL, "\"%s\" is not a number (the scorer's match is \"number\")",
				      ans->text);
	}
	return rc;
}

/* Files the scorer's argv names as {tests}/FILE must exist; its program should be in `requires`. */
static int check_scorer_files(vd_task *t, json_t *root)
{
	json_t *cmd = json_object_get(json_object_get(root, "scorer"), "command"), *reqs = json_object_get(root, "requires");
	const char *prog = json_string_value(json_array_get(cmd, 0));
	int rc = 0;

	for (size_t i = 0; i < json_array_size(cmd) && !rc; i++) {
		const char *arg = json_string_value(json_array_get(cmd, i));
		if (arg && !strncmp(arg, "{tests}/", 8)) {
			char *rel = hz_path_join("tests", arg + 8), *p = rel ? hz_path_join(t->dir, rel) : NULL;
			if (!p)
				rc = hz_error_set(HZ_ENOMEM, "out of memory");
			else if (!hz_fs_is_file(p))
				rc = vd_issue(t, E, t->json_path, "scorer.command", "runs %s, which does not exist", rel);
			free(p);
			free(rel);
		}
	}
	if (!rc && prog && !strchr(prog, '{') && !strchr(prog, '/')) {
		int listed = 0;
		for (size_t i = 0; i < json_array_size(reqs); i++)
			listed |= json_is_string(json_array_get(reqs, i)) &&
				  !strcmp(json_string_value(json_array_get(reqs, i)), prog);
		if (!listed)
			rc = vd_issue(t, W, t->json_path, "requires", "does not list \"%s\", which the scorer runs",
				      prog);
	}
	return rc;
}

static int check_requires(vd_task *t, json_t *root)
{
	json_t *reqs = json_object_get(root, "requires");
	int rc = 0;

	for (size_t i = 0; i < json_array_size(reqs) && !rc; i++) {
		const char *tool = json_string_value(json_array_get(reqs, i));
		if (!tool || !*tool || strchr(tool, '/'))
			continue; /* reported by the schema check */
		if (!hz_task_tool_installed(tool))
			rc = vd_issue(t, W, t->json_path, "requires",
				      "\"%s\" is not installed on this machine (scripts/setup.sh installs the catalogue's tools)",
				      tool);
	}
	return rc;
}

static int check_dir(vd_task *t, const char *name, const char *what)
{
	char *p = hz_path_join(t->dir, name);
	int rc = 0;

	if (!p)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if (!hz_fs_is_dir(p))
		rc = vd_issue(t, E, p, NULL, "is missing (%s)", what);
	free(p);
	return rc;
}

int vd_check_parts(vd_task *t, json_t *root)
{
	const char *kind = json_is_object(root) ? scorer_string(root, "kind") : NULL;
	int answer_task = kind && !strcmp(kind, "answer");
	answer_ref ans = { 0 };
	char *answer_text = NULL, *answer_path = NULL, *ws = NULL;
	char ws_real[PATH_MAX];
	int rc, have_answer = 0;

	if ((rc = check_instructions(t, answer_task)) || (rc = check_dir(t, "workspace", "the agent's starting files")) ||
	    (rc = check_dir(t, "tests", "the hidden scorer files")) || (rc = check_solution(t)))
		goto done;
	if (answer_task) {
		size_t before = t->errors;
		if ((rc = load_answer(t, root, &ans, &answer_text, &answer_path)))
			goto done;
		have_answer = t->errors == before && ans.text;
	}
	if (json_is_object(root) && ((rc = check_scorer_files(t, root)) ||
				     (t->opts->check_requires && (rc = check_requires(t, root)))))
		goto done;
	if (!(ws = hz_path_join(t->dir, "workspace"))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	if (hz_fs_is_dir(ws) && realpath(ws, ws_real))
		rc = scan_workspace(t, ws, ws_real, have_answer ? &ans : NULL, 0);
done:
	if (ans.have_re)
		regfree(&ans.re);
	free(answer_text);
	free(answer_path);
	free(ws);
	return rc;
}
