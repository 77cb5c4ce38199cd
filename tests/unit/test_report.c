/* Unit tests of the report area: fit-file reading, number formats, label placement, and the
 * yaml report read back with libyaml against METR's benchmark_results schema. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "horizon/error.h"
#include "horizon/plot.h"
#include "horizon/report.h"
#include "hz_test.h"
#include "horizon/fit.h"
#include "report/fitfmt.h"
#include "report/gp.h"
#include "report/labels.h"
#include "strutil.h"

static hz_fit *fixture(void)
{
	char path[1024];
	hz_fit *doc = NULL;

	snprintf(path, sizeof(path), "%s/tests/data/fit/format-fixture.json", hz_test_source_dir());
	HZ_CHECK_EQ_INT(hz_fit_read_json(&doc, path), 0);
	return doc;
}

static void test_load_fixture(void)
{
	hz_fit *doc = fixture();
	const hz_fit_agent *a;
	hz_doubling d;

	if (!doc)
		return;
	HZ_CHECK_EQ_INT(hz_fit_nagents(doc), 9);
	HZ_CHECK_EQ_STR(rp_source(doc), "runs");
	a = hz_fit_find_agent(doc, "sim-2023");
	HZ_CHECK(a != NULL);
	if (a) {
		HZ_CHECK_EQ_STR(a->release_date, "2023-03-14");
		HZ_CHECK_NEAR(rp_horizon(a, 50)->estimate, 8.0, 1e-12);
		HZ_CHECK_EQ_INT(a->runs, 60);
		HZ_CHECK_EQ_INT(a->nbins, 6);
		HZ_CHECK(a->in_trend && a->sota);
	}
	a = hz_fit_find_agent(doc, "human");
	HZ_CHECK(a && !a->release_date && isnan(rp_horizon(a, 50)->ci_high) && isnan(a->cost_usd));
	HZ_CHECK_EQ_INT(hz_report_doubling(doc, 50, &d), 0);
	HZ_CHECK_NEAR(d.days, 220.07407175651926, 1e-9);
	HZ_CHECK_EQ_INT(d.n_agents, 6);
	HZ_CHECK_EQ_STR(d.first_date, "2019-03-01");
	HZ_CHECK_EQ_STR(d.last_date, "2025-02-24");
	HZ_CHECK_EQ_INT(hz_report_doubling(doc, 90, &d), HZ_ENOTFOUND);
	HZ_CHECK(hz_fit_trend_for(doc, 50) && hz_fit_trend_for(doc, 50)->nband == 14);
	HZ_CHECK_EQ_INT(hz_fit_nexcluded(doc), 2);
	hz_fit_free(doc);
}

static void test_parse_errors(void)
{
	static const struct {
		const char *json, *msg;
	} cases[] = {
		{ "[]", "t.json: a fit file is one JSON object" },
		{ "{}", "t.json: 'agents' must be an array" },
		{ "{\"agents\": [{}]}", "t.json: agents[0]: 'alias' is missing" },
		{ "{\"agents\": [{\"alias\": \"x\", \"release_date\": \"2024-13-01\"}]}",
		  "t.json: agents[0] 'x': 'release_date' must be a date YYYY-MM-DD or null" },
		{ "{\"agents\": [{\"alias\": \"x\", \"horizons\": {\"50\": {\"estimate\": \"big\"}}}]}",
		  "t.json: agents[0] 'x': 'estimate' must be a number or null" },
		{ "{\"agents\": [{\"alias\": \"x\", \"bins\": [{\"lo_minutes\": 4, \"hi_minutes\": 1}]}]}",
		  "t.json: agents[0] 'x': 'bins' need 0 < lo_minutes < hi_minutes" },
		{ "{\"agents\": [], \"trend\": {\"50\": {\"slope_per_day\": null}}}",
		  "t.json: trend.50: 'slope_per_day' and 'intercept' must be numbers" },
		{ "{\"agents\": [", "t.json:1: " },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		hz_fit *doc = NULL;
		int err = hz_fit_from_json(&doc, cases[i].json, strlen(cases[i].json), "t.json");
		HZ_CHECK_EQ_INT(err, HZ_EINVALID);
		HZ_CHECK(doc == NULL);
		if (strncmp(hz_error_message(), cases[i].msg, strlen(cases[i].msg))) {
			HZ_CHECK_EQ_STR(hz_error_message(), cases[i].msg);
		}
	}
}

static void test_formats(void)
{
	char s[64];
	hz_report_format f;
	unsigned charts;

	HZ_CHECK_EQ_STR(rp_fmt_num(1234.5, s, sizeof(s)), "1234");
	HZ_CHECK_EQ_STR(rp_fmt_num(28.98, s, sizeof(s)), "29.0");
	HZ_CHECK_EQ_STR(rp_fmt_num(2.5, s, sizeof(s)), "2.50");
	HZ_CHECK_EQ_STR(rp_fmt_num(1.84216260584e-6, s, sizeof(s)), "1.84e-06");
	HZ_CHECK_EQ_STR(rp_fmt_num(NAN, s, sizeof(s)), "");
	HZ_CHECK_EQ_STR(rp_fmt_num(INFINITY, s, sizeof(s)), ""); /* null in the fit file */
	HZ_CHECK_EQ_STR(rp_fmt_exact(0.15, s, sizeof(s)), "0.15");
	HZ_CHECK_EQ_STR(rp_fmt_exact(0.1 + 0.2, s, sizeof(s)), "0.3"); /* as the fit file holds it */
	for (double x = 1e-7; x < 1e7; x *= 3.7) {
		char t[64];
		double y = strtod(rp_fmt_exact(x / 3, s, sizeof(s)), NULL);
		HZ_CHECK(fabs(y - x / 3) <= 1e-11 * (x / 3));
		HZ_CHECK_EQ_STR(rp_fmt_exact(y, t, sizeof(t)), s); /* a file's number shows unchanged */
	}
	HZ_CHECK_EQ_INT(hz_report_format_parse("latex", &f), 0);
	HZ_CHECK_EQ_INT(f, HZ_REPORT_LATEX);
	HZ_CHECK_EQ_STR(hz_report_format_ext(f), "tex");
	HZ_CHECK_EQ_INT(hz_report_format_parse("pdf", &f), HZ_EUSAGE);
	HZ_CHECK_EQ_INT(hz_plot_charts_parse("doubling80,hist", &charts), 0);
	HZ_CHECK_EQ_INT(charts, HZ_CHART_DOUBLING80 | HZ_CHART_HIST);
	HZ_CHECK_EQ_INT(hz_plot_charts_parse("doubling,pie", &charts), HZ_EUSAGE);
}

static int overlaps(lbl_rect a, lbl_rect b)
{
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

static lbl_rect box(const lbl_item *it)
{
	lbl_rect r = { it->right_just ? it->x - it->w : it->x, it->y - it->h / 2, it->right_just ? it->x : it->x + it->w,
		       it->y + it->h / 2 };
	return r;
}

/* Points close together get labels that neither overlap each other nor cover the points. */
static void test_labels(void)
{
	lbl_item items[12];
	lbl_rect obs[12], area = { 0, 0, 1000, 600 };
	size_t n = 12;

	memset(items, 0, sizeof(items));
	for (size_t i = 0; i < n; i++) {
		items[i].ax = 300 + 25.0 * (double)i;
		items[i].ay = 200 + 18.0 * (double)i;
		items[i].w = lbl_text_width("Claude 3.5 Sonnet", 12);
		items[i].h = 14;
		obs[i] = (lbl_rect){ items[i].ax - 5, items[i].ay - 5, items[i].ax + 5, items[i].ay + 5 };
	}
	lbl_place(items, n, obs, n, area);
	for (size_t i = 0; i < n; i++) {
		lbl_rect bi = box(&items[i]);
		HZ_CHECK(bi.x0 >= area.x0 && bi.x1 <= area.x1 && bi.y0 >= area.y0 && bi.y1 <= area.y1);
		HZ_CHECK(items[i].cost == 0);
		for (size_t j = 0; j < n; j++) {
			if (j != i)
				HZ_CHECK(!overlaps(bi, box(&items[j])));
			HZ_CHECK(!overlaps(bi, obs[j]));
		}
	}
	HZ_CHECK(lbl_text_width("MMMM", 10) > lbl_text_width("iiii", 10));
}

/* The value of map[key] in a libyaml document, or NULL. */
static yaml_node_t *yget(yaml_document_t *d, yaml_node_t *map, const char *key)
{
	if (!map || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(d, p->key);
		if (k->type == YAML_SCALAR_NODE && !strcmp((char *)k->data.scalar.value, key))
			return yaml_document_get_node(d, p->value);
	}
	return NULL;
}

static const char *yscalar(yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static void test_yaml_schema(void)
{
	hz_fit *doc = fixture();
	hz_report_opts ro = HZ_REPORT_OPTS_INIT;
	yaml_parser_t parser;
	yaml_document_t ydoc;
	yaml_node_t *root, *results;
	char *text = NULL;
	size_t len = 0, models = 0;

	if (!doc)
		return;
	ro.format = HZ_REPORT_YAML;
	HZ_CHECK_EQ_INT(hz_report_render(doc, &ro, &text, &len), 0);
	HZ_CHECK(yaml_parser_initialize(&parser));
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	HZ_CHECK(yaml_parser_load(&parser, &ydoc));
	root = yaml_document_get_root_node(&ydoc);
	HZ_CHECK(root && root->type == YAML_MAPPING_NODE);
	HZ_CHECK_EQ_STR(yscalar(yget(&ydoc, root, "benchmark_name")), "horizon");
	results = yget(&ydoc, root, "results");
	HZ_CHECK(results && results->type == YAML_MAPPING_NODE);
	for (yaml_node_pair_t *p = results ? results->data.mapping.pairs.start : NULL;
	     results && p < results->data.mapping.pairs.top; p++) {
		const char *alias = yscalar(yaml_document_get_node(&ydoc, p->key));
		yaml_node_t *m = yaml_document_get_node(&ydoc, p->value), *metrics = yget(&ydoc, m, "metrics");
		const hz_fit_agent *a = alias ? hz_fit_find_agent(doc, alias) : NULL;
		long days;
		HZ_CHECK(a != NULL);
		if (!a)
			continue;
		models++;
		HZ_CHECK(hz_parse_date(yscalar(yget(&ydoc, m, "release_date")), &days) == 0 && days == a->release_days);
		HZ_CHECK_EQ_STR(yscalar(yget(&ydoc, metrics, "is_sota")), a->sota ? "true" : "false");
		HZ_CHECK(strtod(yscalar(yget(&ydoc, yget(&ydoc, metrics, "average_score"), "estimate")), NULL) ==
			 a->weighted_success_rate);
		for (int pi = 0; pi < 2; pi++) {
			yaml_node_t *h = yget(&ydoc, metrics, pi ? "p80_horizon_length" : "p50_horizon_length");
			const char *lo = yscalar(yget(&ydoc, h, "ci_low"));
			const hz_fit_horizon *fh = rp_horizon(a, pi ? 80 : 50);
			HZ_CHECK(strtod(yscalar(yget(&ydoc, h, "estimate")), NULL) == fh->estimate);
			HZ_CHECK(lo && (isnan(fh->ci_low) ? !strcmp(lo, "null") : strtod(lo, NULL) == fh->ci_low));
		}
		HZ_CHECK(yget(&ydoc, yget(&ydoc, metrics, "usage"), "usd") != NULL);
	}
	HZ_CHECK_EQ_INT(models, 8); /* every dated agent; "human" is under undated_results */
	HZ_CHECK(yget(&ydoc, yget(&ydoc, root, "undated_results"), "human") != NULL);
	HZ_CHECK(yget(&ydoc, yget(&ydoc, yget(&ydoc, root, "doubling_time_in_days"), "horizon_p50"), "point_estimate"));
	yaml_document_delete(&ydoc);
	yaml_parser_delete(&parser);
	free(text);
	hz_fit_free(doc);
}

/* Every format names the interval an adaptive sweep's agents used, and only for them (docs/adaptive.md). */
static void test_adaptive_interval(void)
{
	static const char json[] =
		"{\"agents\": [{\"alias\": \"ad<1>\", \"design\": \"adaptive\", \"interval\": \"profile-likelihood\","
		" \"runs\": 40, \"horizons\": {\"50\": {\"estimate\": 30, \"ci_low\": 20, \"ci_high\": 45}}},"
		" {\"alias\": \"ad2\", \"design\": \"adaptive\", \"interval\": \"profile-likelihood\"},"
		" {\"alias\": \"full\", \"design\": \"full\", \"interval\": \"hierarchical-bootstrap\"}]}";
	static const struct {
		hz_report_format f;
		const char *want[3];
	} cases[] = {
		{ HZ_REPORT_MD, { "Measured by an adaptive sweep, with 95% profile-likelihood intervals (not the bootstrap's): "
				  "ad2, ad&lt;1&gt;.\n", NULL } },
		{ HZ_REPORT_HTML, { "<p class=\"interval\">Measured by an adaptive sweep, with 95% profile-likelihood "
				    "intervals (not the bootstrap's): ad2, ad&lt;1&gt;.</p>", NULL } },
		{ HZ_REPORT_LATEX, { "Measured by an adaptive sweep, with 95\\% profile-likelihood intervals (not the "
				     "bootstrap's): ad2, ad\\textless{}1\\textgreater{}.", NULL } },
		{ HZ_REPORT_CSV, { ",method,design,interval", ",adaptive,profile-likelihood", ",full,hierarchical-bootstrap" } },
		{ HZ_REPORT_YAML, { "  \"ad2\":\n", "    design: \"adaptive\"\n    interval: \"profile-likelihood\"\n",
				    "    design: \"full\"\n    interval: \"hierarchical-bootstrap\"\n" } },
	};
	hz_fit *doc = NULL;

	HZ_CHECK_EQ_INT(hz_fit_from_json(&doc, json, strlen(json), "a.json"), 0);
	for (size_t i = 0; doc && i < sizeof(cases) / sizeof(cases[0]); i++) {
		hz_report_opts ro = HZ_REPORT_OPTS_INIT;
		char *text = NULL;
		ro.format = cases[i].f;
		HZ_CHECK_EQ_INT(hz_report_render(doc, &ro, &text, NULL), 0);
		for (size_t k = 0; text && k < 3 && cases[i].want[k]; k++)
			if (!strstr(text, cases[i].want[k]))
				HZ_CHECK_EQ_STR(text, cases[i].want[k]);
		/* one sentence for the two agents of the same interval, none for the full sweep's */
		if (text && cases[i].f != HZ_REPORT_CSV && cases[i].f != HZ_REPORT_YAML) {
			const char *first = strstr(text, "Measured by");
			HZ_CHECK(first && !strstr(first + 1, "Measured by") && !strstr(first, "full."));
		}
		free(text);
	}
	hz_fit_free(doc);
	/* no adaptive agent, no sentence */
	doc = fixture();
	if (doc) {
		hz_report_opts ro = HZ_REPORT_OPTS_INIT;
		char *text = NULL;
		HZ_CHECK_EQ_INT(hz_report_render(doc, &ro, &text, NULL), 0);
		HZ_CHECK(text && !strstr(text, "adaptive sweep"));
		free(text);
		hz_fit_free(doc);
	}
}

/* Strings from data go into gnuplot scripts quoted, and into file names as slugs. */
static void test_gp_strings(void)
{
	hz_buf b = HZ_BUF_INIT;
	char slug[64];
	size_t n;
	const gp_tick *t = gp_human_ticks(&n);

	HZ_CHECK_EQ_INT(gp_quote(&b, "a \"b\" \\ c\nd"), 0);
	HZ_CHECK_EQ_STR(hz_buf_cstr(&b), "\"a \\\"b\\\" \\\\ c d\"");
	gp_slug("Claude 3.5 Sonnet (New)", slug, sizeof(slug));
	HZ_CHECK_EQ_STR(slug, "claude-3-5-sonnet-new");
	gp_slug("../../etc/passwd", slug, sizeof(slug));
	HZ_CHECK_EQ_STR(slug, "etc-passwd");
	gp_slug("%%%", slug, sizeof(slug));
	HZ_CHECK_EQ_STR(slug, "agent");
	for (size_t i = 1; i < n; i++)
		HZ_CHECK(t[i].minutes > t[i - 1].minutes);
	HZ_CHECK_EQ_STR(t[n - 1].label, "167 h");
	hz_buf_clear(&b);
	HZ_CHECK_EQ_INT(gp_set_human_tics(&b, "y", 0.5, 100), 0);
	HZ_CHECK(strstr(hz_buf_cstr(&b), "\"1 min\" 1, \"4 min\" 4, \"15 min\" 15, \"1 h\" 60,") != NULL);
	HZ_CHECK(strstr(hz_buf_cstr(&b), "\"15 s\"") == NULL);
	hz_buf_release(&b);
}

HZ_TEST_MAIN(HZ_TEST(test_gp_strings), HZ_TEST(test_load_fixture), HZ_TEST(test_parse_errors), HZ_TEST(test_formats), HZ_TEST(test_labels),
	     HZ_TEST(test_adaptive_interval),
	     HZ_TEST(test_yaml_schema))
