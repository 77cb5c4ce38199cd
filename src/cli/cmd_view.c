/* horizon view: a local web viewer of sweeps, runs and transcripts (docs/view.md). */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "horizon/error.h"
#include "horizon/view.h"
#include "strutil.h"

static volatile sig_atomic_t stop_flag;

static void on_signal(int sig)
{
	(void)sig;
	stop_flag = 1;
}

static void usage(FILE *out)
{
	fprintf(out,
		"usage: horizon view [options] DIR...\n"
		"       horizon view --export OUT [options] DIR...\n"
		"\n"
		"Look at sweeps in a web browser: per sweep the agents, their success rates,\n"
		"50%%/80%% horizons with CIs, tokens and cost, the doubling chart and a task x\n"
		"agent table; per agent the fitted success curve with the empirical buckets,\n"
		"success by length and by task, and its runs filtered by family, tag, status\n"
		"and exit reason; per run the record, timings, isolation, the transcript as a\n"
		"conversation (loaded 200 events at a time), the patch as a diff, the scorer\n"
		"and agent logs, and the other runs of the same task.\n"
		"\n"
		"Each DIR is a results directory of horizon run (runs.jsonl, sweep.json,\n"
		"runs/RUN_ID/...).  The horizons are fitted in-process when view starts.\n"
		"\n"
		"The server listens on 127.0.0.1 only (unless --host says otherwise), answers\n"
		"GET and HEAD for its own page and data, and stops on Ctrl-C.  The page loads\n"
		"nothing from outside and shows every transcript, log and patch as text.\n"
		"\n"
		"Options:\n"
		"  -p, --port P            port to listen on; 0 = any free port (default: 8765)\n"
		"      --host ADDR         IPv4 address to bind (default: 127.0.0.1; anything\n"
		"                          else exposes your transcripts to the network)\n"
		"      --export OUT        write the pages as static files into OUT (open\n"
		"                          OUT/index.html from disk or publish OUT); no server\n"
		"      --bootstrap N       bootstrap samples for the CIs (default: 200; 0 = none)\n"
		"      --seed S            bootstrap seed (default: 42)\n"
		"      --release-dates FILE  alias -> YYYY-MM-DD for the doubling chart\n"
		"  -j, --jobs J            fit threads (default: the number of CPUs)\n"
		"  -q, --quiet             no notes on stderr\n"
		"  -h, --help              this help\n"
		"\n"
		"Exit status: 0 stopped or exported, 1 bad input or the port is taken, 2 usage error.\n"
		"\n"
		"Examples:\n"
		"  horizon view results/sweep\n"
		"  horizon view --port 0 results/a results/b\n"
		"  horizon view --export site/ results/sweep && xdg-open site/index.html\n");
}

static void ready(void *ud, const char *url)
{
	(void)ud;
	printf("horizon view: serving on %s (Ctrl-C stops)\n", url);
	fflush(stdout);
}

enum { OPT_HOST = 256, OPT_EXPORT, OPT_BOOTSTRAP, OPT_SEED, OPT_RELEASE };

int cmd_view(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "port", required_argument, NULL, 'p' },
		{ "host", required_argument, NULL, OPT_HOST },
		{ "export", required_argument, NULL, OPT_EXPORT },
		{ "bootstrap", required_argument, NULL, OPT_BOOTSTRAP },
		{ "seed", required_argument, NULL, OPT_SEED },
		{ "release-dates", required_argument, NULL, OPT_RELEASE },
		{ "jobs", required_argument, NULL, 'j' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	hz_view_opts vo = HZ_VIEW_OPTS_INIT;
	hz_view_serve_opts so = { .port = 8765, .stop = &stop_flag, .ready = ready };
	const char *export_dir = NULL;
	struct sigaction sa;
	hz_view *v = NULL;
	int c, quiet = 0, rc;
	long n;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "p:j:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			if (hz_parse_long(optarg, &n) < 0 || n < 0 || n > 65535)
				return hz_cli_usage("view", "--port '%s': a port 0-65535 is needed", optarg);
			so.port = (int)n;
			break;
		case OPT_HOST: so.host = optarg; break;
		case OPT_EXPORT: export_dir = optarg; break;
		case OPT_BOOTSTRAP:
			if (hz_parse_long(optarg, &n) < 0 || n < 0 || n > 10000000)
				return hz_cli_usage("view", "--bootstrap '%s': a number of samples >= 0 is needed", optarg);
			vo.bootstrap = (size_t)n;
			break;
		case OPT_SEED:
			if (hz_parse_long(optarg, &n) < 0 || n < 0 || n > 4294967295L)
				return hz_cli_usage("view", "--seed '%s': a number 0-4294967295 is needed", optarg);
			vo.seed = (uint32_t)n;
			break;
		case OPT_RELEASE: vo.release_dates = optarg; break;
		case 'j':
			if (hz_parse_long(optarg, &n) < 0 || n < 1 || n > 1024)
				return hz_cli_usage("view", "--jobs '%s': a number of threads >= 1 is needed", optarg);
			vo.jobs = (int)n;
			break;
		case 'q': quiet = 1; break;
		case 'h': usage(stdout); return HZ_EXIT_OK;
		default: return hz_cli_usage("view", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return hz_cli_usage("view", "need at least one sweep directory");
	if (hz_view_open(&v, (const char *const *)&argv[optind], (size_t)(argc - optind), &vo) != 0)
		return hz_cli_lib_error("view");
	for (size_t i = 0; !quiet && i < hz_view_nnotes(v); i++)
		fprintf(stderr, "horizon view: note: %s\n", hz_view_note(v, i));
	if (export_dir) {
		size_t files = 0;
		rc = hz_view_export(v, export_dir, &files);
		if (rc == 0)
			printf("wrote %zu files to %s (open %s/index.html)\n", files, export_dir, export_dir);
		goto done;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	rc = hz_view_serve(v, &so);
done:
	if (rc) {
		hz_view_free(v);
		return hz_cli_lib_error("view");
	}
	hz_view_free(v);
	return HZ_EXIT_OK;
}
