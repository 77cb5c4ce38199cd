/* horizon tasks validate and horizon tasks stats. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "horizon/error.h"
#include "horizon/validate.h"
#include "strutil.h"
#include "tasks_cli.h"

#define CMD "tasks"
#define BAR_WIDTH 40

static json_t *issue_json(const hz_issue *is)
{
	char line[2048];
	json_t *o = json_object();

	json_object_set_new(o, "level", json_string(is->level == HZ_ISSUE_ERROR ? "error" : "warning"));
	json_object_set_new(o, "task", is->task ? json_string(is->task) : json_null());
	json_object_set_new(o, "file", is->file ? json_string(is->file) : json_null());
	json_object_set_new(o, "field", is->field ? json_string(is->field) : json_null());
	json_object_set_new(o, "message", json_string(is->message));
	json_object_set_new(o, "text", json_string(hz_issue_format(is, line, sizeof(line))));
	return o;
}

int tasks_validate(tasks_opts *o)
{
	hz_validate_opts vopts = HZ_VALIDATE_OPTS_INIT;
	hz_validation *v = NULL;
	const char *path = o->nargs ? o->args[0] : o->catalog;
	char line[2048];
	int rc;

	vopts.strict = o->strict;
	vopts.check_requires = !o->no_requires;
	if (hz_validate_path(&v, path, &vopts) != 0)
		return hz_cli_lib_error(CMD);
	if (o->json) {
		json_t *issues = json_array();
		for (size_t i = 0; i < hz_validation_count(v); i++)
			json_array_append_new(issues, issue_json(hz_validation_issue(v, i)));
		rc = tasks_print_json(json_pack("{s:s, s:I, s:I, s:I, s:I, s:b, s:o}", "path", path, "tasks",
						(json_int_t)hz_validation_tasks(v), "valid",
						(json_int_t)hz_validation_valid_tasks(v), "errors",
						(json_int_t)hz_validation_errors(v), "warnings",
						(json_int_t)hz_validation_warnings(v), "ok", hz_validation_errors(v) == 0,
						"issues", issues));
	} else {
		for (size_t i = 0; i < hz_validation_count(v); i++) {
			const hz_issue *is = hz_validation_issue(v, i);
			if (o->quiet && is->level != HZ_ISSUE_ERROR)
				continue;
			printf("%s: %s\n", is->level == HZ_ISSUE_ERROR ? "error" : "warning",
			       hz_issue_format(is, line, sizeof(line)));
		}
		printf("%s: %zu task%s, %zu valid, %zu error%s, %zu warning%s\n", path, hz_validation_tasks(v),
		       hz_validation_tasks(v) == 1 ? "" : "s", hz_validation_valid_tasks(v), hz_validation_errors(v),
		       hz_validation_errors(v) == 1 ? "" : "s", hz_validation_warnings(v),
		       hz_validation_warnings(v) == 1 ? "" : "s");
		rc = HZ_EXIT_OK;
	}
	if (rc == HZ_EXIT_OK && hz_validation_tasks(v) == 0) {
		hz_cli_error(CMD, "no task.json found under '%s'", path);
		rc = HZ_EXIT_FAIL;
	}
	if (rc == HZ_EXIT_OK && hz_validation_errors(v) > 0)
		rc = HZ_EXIT_FAIL;
	hz_validation_free(v);
	return rc;
}

/* The 7 human-time buckets, each about 4 times as long as the one before. */
static const struct {
	const char *label;
	double lo, hi; /* minutes: lo <= m < hi */
} buckets[] = {
	{ "< 15 s", 0, 0.25 },       { "15 s - 1 min", 0.25, 1 }, { "1 - 4 min", 1, 4 },
	{ "4 - 15 min", 4, 15 },     { "15 - 60 min", 15, 60 },  { "1 - 4 h", 60, 240 },
	{ ">= 4 h", 240, INFINITY },
};

#define NBUCKETS (sizeof(buckets) / sizeof(buckets[0]))
#define NDOMAINS 5 /* hz_task_domains */

/* The long end, counted on its own: a working day, three days, a working week. */
static const struct {
	const char *label, *key;
	double lo;
} longs[] = { { ">= 8 h", "at_least_8h", 480 }, { ">= 24 h", "at_least_24h", 1440 }, { ">= 40 h", "at_least_40h", 2400 } };

#define NLONGS (sizeof(longs) / sizeof(longs[0]))

static size_t domain_index(const hz_task *t)
{
	size_t d = 0;

	while (hz_task_domains[d] && strcmp(hz_task_domains[d], hz_task_domain(t)))
		d++;
	return d < NDOMAINS ? d : 0;
}

typedef struct family_stat {
	const char *name;
	size_t count;
	double min, max, sum;
} family_stat;

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void bar(size_t count, size_t max)
{
	size_t w = max ? (count * BAR_WIDTH + max - 1) / max : 0;

	for (size_t i = 0; i < w; i++)
		putchar('#');
}

int tasks_stats(tasks_opts *o)
{
	hz_catalog *cat;
	hz_task **tasks;
	family_stat *fams = NULL;
	double *mins = NULL, total = 0, median = 0;
	size_t n, nfam = 0, counts[NBUCKETS] = { 0 }, maxc = 0, nlong[NLONGS] = { 0 };
	size_t bydom[NDOMAINS][NBUCKETS] = { { 0 } }, domtot[NDOMAINS] = { 0 };
	double domsum[NDOMAINS] = { 0 };
	char a[32], b[32], c[32];
	int rc;

	if ((rc = tasks_select(o, &cat, &tasks, &n)) != 0)
		return rc;
	if (!(fams = calloc(n + 1, sizeof(*fams))) || !(mins = calloc(n + 1, sizeof(*mins)))) {
		rc = hz_cli_error(CMD, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		double m = hz_task_human_minutes(tasks[i]);
		size_t f = 0, d = domain_index(tasks[i]);
		mins[i] = m;
		total += m;
		domtot[d]++;
		domsum[d] += m;
		for (size_t k = 0; k < NLONGS; k++)
			nlong[k] += m >= longs[k].lo;
		for (size_t k = 0; k < NBUCKETS; k++)
			if (m >= buckets[k].lo && m < buckets[k].hi) {
				counts[k]++;
				bydom[d][k]++;
			}
		while (f < nfam && strcmp(fams[f].name, hz_task_family(tasks[i])))
			f++;
		if (f == nfam) {
			fams[nfam].name = hz_task_family(tasks[i]);
			fams[nfam].min = fams[nfam].max = m;
			nfam++;
		}
		fams[f].count++;
		fams[f].sum += m;
		fams[f].min = m < fams[f].min ? m : fams[f].min;
		fams[f].max = m > fams[f].max ? m : fams[f].max;
	}
	qsort(mins, n, sizeof(double), cmp_double);
	if (n)
		median = n % 2 ? mins[n / 2] : (mins[n / 2 - 1] + mins[n / 2]) / 2;
	for (size_t k = 0; k < NBUCKETS; k++)
		maxc = counts[k] > maxc ? counts[k] : maxc;
	if (o->json) {
		json_t *jb = json_array(), *jf = json_array(), *jd = json_array(), *top;
		for (size_t k = 0; k < NBUCKETS; k++) {
			json_t *per = json_object();
			for (size_t d = 0; d < NDOMAINS; d++)
				json_object_set_new(per, hz_task_domains[d], json_integer((json_int_t)bydom[d][k]));
			json_array_append_new(jb, json_pack("{s:s, s:f, s:o, s:I, s:o}", "label", buckets[k].label,
							    "min_minutes", buckets[k].lo, "max_minutes",
							    isinf(buckets[k].hi) ? json_null() : json_real(buckets[k].hi),
							    "count", (json_int_t)counts[k], "per_domain", per));
		}
		for (size_t d = 0; d < NDOMAINS; d++) {
			json_t *per = json_array();
			for (size_t k = 0; k < NBUCKETS; k++)
				json_array_append_new(per, json_integer((json_int_t)bydom[d][k]));
			json_array_append_new(jd, json_pack("{s:s, s:I, s:f, s:o}", "domain", hz_task_domains[d], "count",
							    (json_int_t)domtot[d], "total_minutes", domsum[d],
							    "buckets", per));
		}
		for (size_t f = 0; f < nfam; f++)
			json_array_append_new(jf, json_pack("{s:s, s:I, s:f, s:f, s:f}", "family", fams[f].name,
							    "count", (json_int_t)fams[f].count, "min_minutes",
							    fams[f].min, "max_minutes", fams[f].max, "total_minutes",
							    fams[f].sum));
		top = json_pack("{s:I, s:I, s:f, s:f, s:o, s:o, s:o}", "tasks", (json_int_t)n, "families",
				(json_int_t)nfam, "median_minutes", median, "total_minutes", total, "buckets", jb,
				"per_domain", jd, "per_family", jf);
		for (size_t k = 0; top && k < NLONGS; k++)
			json_object_set_new(top, longs[k].key, json_integer((json_int_t)nlong[k]));
		rc = tasks_print_json(top);
		goto done;
	}
	printf("Human time of %zu task%s in %zu famil%s (log scale: each bucket about 4x the one before)\n\n", n,
	       n == 1 ? "" : "s", nfam, nfam == 1 ? "y" : "ies");
	printf("  %-13s %5s  %-*s", "", "TASKS", BAR_WIDTH + 2, "");
	for (size_t d = 0; d < NDOMAINS; d++)
		printf(" %8s", hz_task_domains[d]);
	putchar('\n');
	for (size_t k = 0; k < NBUCKETS; k++) {
		size_t w = maxc ? (counts[k] * BAR_WIDTH + maxc - 1) / maxc : 0;
		printf("  %-13s %5zu  ", buckets[k].label, counts[k]);
		bar(counts[k], maxc);
		printf("%*s", (int)(BAR_WIDTH + 2 - w), "");
		for (size_t d = 0; d < NDOMAINS; d++)
			printf(" %8zu", bydom[d][k]);
		putchar('\n');
	}
	printf("  %-13s %5zu  %-*s", "all", n, BAR_WIDTH + 2, "");
	for (size_t d = 0; d < NDOMAINS; d++)
		printf(" %8zu", domtot[d]);
	putchar('\n');
	for (size_t k = 0; k < NLONGS; k++)
		printf("  %-13s %5zu  (the long end: of the >= 4 h bucket)\n", longs[k].label, nlong[k]);
	if (n)
		printf("\nmedian %s, shortest %s, longest %s; %.1f h of human work in all\n",
		       hz_fmt_minutes(median, a, sizeof(a)), hz_fmt_minutes(mins[0], b, sizeof(b)),
		       hz_fmt_minutes(mins[n - 1], c, sizeof(c)), total / 60.0);
	printf("\n%-24s %5s  %12s  %12s\n", "FAMILY", "TASKS", "SHORTEST", "LONGEST");
	for (size_t f = 0; f < nfam; f++)
		printf("%-24s %5zu  %12s  %12s\n", fams[f].name, fams[f].count, hz_fmt_minutes(fams[f].min, a, sizeof(a)),
		       hz_fmt_minutes(fams[f].max, b, sizeof(b)));
done:
	free(fams);
	free(mins);
	free(tasks);
	hz_catalog_free(cat);
	return rc;
}
