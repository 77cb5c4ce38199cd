/*
 * METR's published results (benchmark_results_*.yaml) as an hz_fitdoc: one
 * agent per model and the 50% trend as METR computes its headline number
 * (OLS of ln p50 on release date over the SOTA models, p50 <= 16 h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "fitdoc.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "strutil.h"

#define PUBLISHED_MAX (16u << 20)
#define SOTA_MAX_MINUTES 960.0 /* METR leaves out models above 16 hours */

typedef struct ydoc {
	yaml_document_t doc;
	const char *path;
} ydoc;

static yaml_node_t *ymap_get(ydoc *y, yaml_node_t *map, const char *key)
{
	yaml_node_pair_t *p;

	if (!map || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&y->doc, p->key);
		if (k && k->type == YAML_SCALAR_NODE && !strcmp((const char *)k->data.scalar.value, key))
			return yaml_document_get_node(&y->doc, p->value);
	}
	return NULL;
}

static const char *yscalar(yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* A number at map.key (or map.key.estimate style paths); NAN when absent or null. */
static int ynum(ydoc *y, yaml_node_t *map, const char *key, const char *model, double *out)
{
	const char *s = yscalar(ymap_get(y, map, key));

	*out = NAN;
	if (!s || !*s || !strcmp(s, "null") || !strcmp(s, "~"))
		return 0;
	if (!strcmp(s, ".inf") || !strcmp(s, ".Inf")) {
		*out = INFINITY;
		return 0;
	}
	if (hz_parse_double(s, out) < 0)
		return hz_error_set(HZ_EINVALID, "%s: results.%s: '%s' must be a number, not '%s'", y->path, model,
				    key, s);
	return 0;
}

static int read_horizon(ydoc *y, yaml_node_t *metrics, const char *key, const char *model, hz_fd_horizon *h)
{
	yaml_node_t *m = ymap_get(y, metrics, key);
	int err;

	if (!m)
		return 0;
	if ((err = ynum(y, m, "estimate", model, &h->estimate)) < 0 || (err = ynum(y, m, "ci_low", model, &h->ci_low)) < 0 ||
	    (err = ynum(y, m, "ci_high", model, &h->ci_high)) < 0)
		return err;
	return 0;
}

static int read_model(ydoc *y, const char *model, yaml_node_t *node, hz_fitdoc *doc)
{
	yaml_node_t *metrics = ymap_get(y, node, "metrics"), *avg;
	const char *date = yscalar(ymap_get(y, node, "release_date")), *sota;
	hz_fd_agent *a;
	int err;

	if (!metrics)
		return hz_error_set(HZ_EINVALID, "%s: results.%s: 'metrics' is missing", y->path, model);
	if (!(a = hz_fd_add_agent(doc)) || !(a->alias = strdup(model)) || !(a->status = strdup("published")))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if (date && strcmp(date, "null")) {
		if (strlen(date) != 10 || hz_parse_date(date, &a->release_days) < 0)
			return hz_error_set(HZ_EINVALID, "%s: results.%s: 'release_date' must be YYYY-MM-DD, not '%s'",
					    y->path, model, date);
		memcpy(a->release_date, date, 11);
	}
	if ((err = read_horizon(y, metrics, "p50_horizon_length", model, &a->h[0])) < 0 ||
	    (err = read_horizon(y, metrics, "p80_horizon_length", model, &a->h[1])) < 0)
		return err;
	if ((avg = ymap_get(y, metrics, "average_score")) &&
	    (err = ynum(y, avg, "estimate", model, &a->weighted_success_rate)) < 0)
		return err;
	if ((err = ynum(y, ymap_get(y, metrics, "usage"), "usd", model, &a->cost_usd)) < 0)
		return err;
	sota = yscalar(ymap_get(y, metrics, "is_sota"));
	a->sota = sota && (!strcmp(sota, "true") || !strcmp(sota, "True"));
	if (!isfinite(a->h[0].estimate))
		return hz_error_set(HZ_EINVALID, "%s: results.%s: 'metrics.p50_horizon_length.estimate' is missing",
				    y->path, model);
	return 0;
}

/* OLS of ln(horizon) on release day over the agents marked in_trend. */
static int fit_trend(hz_fitdoc *doc, int pi)
{
	hz_fd_trend *t = &doc->trend[pi];
	double sx = 0, sy = 0, sxx = 0, sxy = 0, n = 0;
	size_t k = 0;

	for (size_t i = 0; i < doc->nagents; i++) {
		const hz_fd_agent *a = &doc->agents[i];
		double x = (double)a->release_days, yv;
		if (!a->in_trend || !(a->h[pi].estimate > 0))
			continue;
		yv = log(fmax(a->h[pi].estimate, 1e-3));
		sx += x, sy += yv, sxx += x * x, sxy += x * yv, n += 1;
	}
	if (n < 2 || sxx * n - sx * sx <= 0)
		return 0;
	if (!(t->agents = calloc((size_t)n, sizeof(char *))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	for (size_t i = 0; i < doc->nagents; i++) {
		const hz_fd_agent *a = &doc->agents[i];
		if (a->in_trend && a->h[pi].estimate > 0 && !(t->agents[k++] = strdup(a->alias)))
			return hz_error_set(HZ_ENOMEM, "out of memory");
	}
	t->nagents = k;
	t->slope_per_day = (n * sxy - sx * sy) / (n * sxx - sx * sx);
	t->intercept = (sy - t->slope_per_day * sx) / n;
	t->doubling_days = log(2.0) / t->slope_per_day;
	t->present = 1;
	hz_fd_trend_span(doc, pi);
	return 0;
}

/* The 1.1 files' doubling_time_in_days.from_2023_on block, when present. */
static int read_doubling_block(ydoc *y, yaml_node_t *root, hz_fitdoc *doc)
{
	yaml_node_t *b = ymap_get(y, ymap_get(y, root, "doubling_time_in_days"), "from_2023_on");
	int err;

	if (!b)
		return 0;
	if ((err = ynum(y, b, "ci_low", "doubling_time_in_days", &doc->trend[0].doubling_ci_low)) < 0 ||
	    (err = ynum(y, b, "ci_high", "doubling_time_in_days", &doc->trend[0].doubling_ci_high)) < 0)
		return err;
	if (!doc->notes && !(doc->notes = calloc(1, sizeof(char *))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if (!(doc->notes[doc->nnotes++] = strdup("the doubling-time CI is METR's published from_2023_on interval")))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	return 0;
}

int hz_fitdoc_load_published(hz_fitdoc **out, const char *path)
{
	yaml_parser_t parser;
	ydoc y = { .path = path };
	yaml_node_t *root, *results;
	yaml_node_pair_t *p;
	hz_fitdoc *doc = NULL;
	char *text = NULL;
	size_t len = 0;
	int err = 0, parser_ok = 0, doc_ok = 0;

	*out = NULL;
	if ((err = hz_fs_read(path, PUBLISHED_MAX, &text, &len)) < 0) {
		hz_error_prefix("reading published results '%s': ", path);
		goto done;
	}
	if (!yaml_parser_initialize(&parser)) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	parser_ok = 1;
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &y.doc)) {
		err = hz_error_set(HZ_EINVALID, "%s:%zu: %s", path, parser.problem_mark.line + 1,
				   parser.problem ? parser.problem : "YAML syntax error");
		goto done;
	}
	doc_ok = 1;
	root = yaml_document_get_root_node(&y.doc);
	if (!(results = ymap_get(&y, root, "results")) || results->type != YAML_MAPPING_NODE) {
		err = hz_error_set(HZ_EINVALID, "%s: 'results' (a map of models) is missing: not a METR "
				   "benchmark_results file", path);
		goto done;
	}
	if (!(doc = hz_fd_new(path)) || !(doc->source = strdup("published")) || !(doc->method = strdup("metr"))) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	if (yscalar(ymap_get(&y, root, "benchmark_name")) &&
	    !(doc->benchmark_name = strdup(yscalar(ymap_get(&y, root, "benchmark_name"))))) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (p = results->data.mapping.pairs.start; p < results->data.mapping.pairs.top; p++) {
		const char *model = yscalar(yaml_document_get_node(&y.doc, p->key));
		if (!model) {
			err = hz_error_set(HZ_EINVALID, "%s: 'results' keys must be model names", path);
			goto done;
		}
		if ((err = read_model(&y, model, yaml_document_get_node(&y.doc, p->value), doc)) < 0)
			goto done;
	}
	for (size_t i = 0; i < doc->nagents; i++) {
		hz_fd_agent *a = &doc->agents[i];
		a->in_trend = a->sota && a->release_date[0] && a->h[0].estimate <= SOTA_MAX_MINUTES;
	}
	if ((err = fit_trend(doc, 0)) < 0 || (err = fit_trend(doc, 1)) < 0 ||
	    (err = read_doubling_block(&y, root, doc)) < 0)
		goto done;
	*out = doc;
	doc = NULL;
done:
	hz_fitdoc_free(doc);
	if (doc_ok)
		yaml_document_delete(&y.doc);
	if (parser_ok)
		yaml_parser_delete(&parser);
	free(text);
	return err;
}
