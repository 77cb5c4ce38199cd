/* horizon run --adaptive (run_adaptive.c): its options, parsed along with run's, and the sweep. */
#ifndef HZ_CLI_RUN_ADAPTIVE_H
#define HZ_CLI_RUN_ADAPTIVE_H

#include <signal.h>

#include "horizon/adaptive.h"
#include "run_opts.h"

typedef struct hz_run_adaptive {
	int on;                  /* --adaptive */
	const char *given;       /* the last adaptive-only option given (an error without --adaptive) */
	hz_adaptive_opts design;
} hz_run_adaptive;

/* --adaptive, --target-ci, --budget-usd, --max-runs, --initial, --batch; zero-terminated. */
extern const struct option hz_run_adaptive_options[];

void hz_run_adaptive_init(hz_run_adaptive *a);

/* hz_run_cli_extra.on_option for those options (ctx: the hz_run_adaptive). */
int hz_run_adaptive_option(int val, const char *arg, void *ctx);

/* Run the adaptive sweep the options ask for, print its summary; returns the exit code. */
int hz_run_adaptive_sweep(hz_run_cli *cli, hz_run_adaptive *a, hz_sweep_progress_fn progress, void *progress_arg,
			  volatile sig_atomic_t *stop);

#endif
