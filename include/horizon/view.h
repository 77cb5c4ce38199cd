/*
 * The results viewer behind `horizon view` (docs/view.md): sweep directories
 * loaded once (runs.jsonl, sweep.json, an in-process fit), served as one
 * embedded page plus JSON over a loopback-only HTTP server, or exported as
 * static files that open from file://.  Everything a transcript, log or patch
 * holds is data to the page, never markup: the page sets text only, under a
 * Content-Security-Policy that allows no inline script.
 */
#ifndef HORIZON_VIEW_H
#define HORIZON_VIEW_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

typedef struct hz_view hz_view;

typedef struct hz_view_opts {
	size_t bootstrap;      /* bootstrap samples for the horizons' CIs; 0: none */
	uint32_t seed;
	const char *release_dates; /* YAML/JSON alias -> date for the trend, or NULL */
	int jobs;              /* fit threads; <= 0: number of CPUs */
} hz_view_opts;

#define HZ_VIEW_OPTS_INIT { .bootstrap = 200, .seed = 42, .release_dates = NULL, .jobs = 0 }

/*
 * Load sweep directories (each holding runs.jsonl; sweep.json optional).  A
 * directory whose runs cannot be fitted is still shown, with the fit's error.
 * Errors name the directory or file and line (HZ_ENOTFOUND, HZ_EINVALID).
 */
int hz_view_open(hz_view **out, const char *const *dirs, size_t ndirs, const hz_view_opts *opts);
void hz_view_free(hz_view *v);

size_t hz_view_nsweeps(const hz_view *v);
size_t hz_view_nruns(const hz_view *v, size_t sweep);
/* Notes for the user (a fit that failed, records skipped), in order. */
size_t hz_view_nnotes(const hz_view *v);
const char *hz_view_note(const hz_view *v, size_t i);

/*
 * The data behind the key (docs/view.md: "sweeps", "s/N/runs", "s/N/fit",
 * "s/N/run/ID", "s/N/tr/ID/PAGE") as a heap JSON string.  HZ_ENOTFOUND for
 * a key that names nothing.
 */
int hz_view_data(hz_view *v, const char *key, char **json);

typedef struct hz_view_serve_opts {
	const char *host;      /* numeric IPv4 address to bind; NULL: 127.0.0.1 */
	int port;              /* 0: any free port */
	volatile sig_atomic_t *stop; /* the server returns soon after *stop becomes non-zero */
	void (*ready)(void *ud, const char *url); /* called once listening */
	void *ud;
	int timeout_ms;        /* per request, reading and writing; <= 0: 5000 */
} hz_view_serve_opts;

/* Serve until *stop.  Only GET and HEAD, only the page and the data keys. */
int hz_view_serve(hz_view *v, const hz_view_serve_opts *opts);

/*
 * Write the page and every data key as files under out_dir (created), data
 * as .js files so that out_dir/index.html works from file:// with no server.
 * *nfiles (may be NULL) receives the number of files written.
 */
int hz_view_export(hz_view *v, const char *out_dir, size_t *nfiles);

#endif
