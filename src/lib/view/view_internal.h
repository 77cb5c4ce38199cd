/* The viewer's pieces: the loaded sweeps (view.c), their data keys (view_data.c), the server and the export. */
#ifndef HZ_VIEW_INTERNAL_H
#define HZ_VIEW_INTERNAL_H

#include <jansson.h>
#include <stddef.h>

#include "horizon/view.h"

#define VIEW_TEXT_MAX ((size_t)1 << 20)   /* bytes of a patch or log sent to the page */
#define VIEW_TR_PAGE 200                  /* transcript events per page */
#define VIEW_RUNS_MAX ((size_t)1 << 30)   /* largest runs.jsonl read */

typedef struct view_sweep {
	char *dir;        /* as given */
	char *name;       /* its last path component */
	json_t *records;  /* array: the record that counts for each run_id, in first-seen order */
	json_t *attempts; /* array of integers, parallel to records */
	json_t *byid;     /* object: run_id -> index in records */
	json_t *bytask;   /* object: task_id -> array of indices in records */
	char *runs_json;  /* the "s/N/runs" document, made once (the data never changes) */
	json_t *sweep;    /* sweep.json, or NULL */
	json_t *tags;     /* object: task_id -> array of tags (from the catalogue), or NULL */
	char *fit_json;   /* hz_fit_to_json(), or NULL */
	char *fit_error;  /* why there is no fit, or NULL */
	size_t skipped;   /* lines of runs.jsonl that were not records */
} view_sweep;

struct hz_view {
	char *sweeps_json; /* the "sweeps" document, made once */
	view_sweep *sweeps;
	size_t nsweeps;
	char **notes;
	size_t nnotes;
};

int view_note(hz_view *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A file's first `max` bytes as {"bytes", "text", "truncated"} (text cleaned to UTF-8), or JSON null when absent. */
json_t *view_text_file(const char *path, size_t max);

/* The embedded page: name ("index.html", "app.js", "app.css") -> bytes and content type; NULL when unknown. */
typedef struct view_asset {
	const char *name;
	const unsigned char *data;
	size_t len;
	const char *type;
} view_asset;
const view_asset *view_asset_find(const char *name);
extern const view_asset view_assets[];
extern const size_t view_nassets;

/* A run id safe in a path: 1-64 of [A-Za-z0-9_.-], not starting with '.'. */
int view_id_ok(const char *id);

/* The data keys of a sweep, in export order; the caller frees each and the array. */
int view_keys(hz_view *v, char ***keys, size_t *nkeys);

#endif
