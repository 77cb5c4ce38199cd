/*
 * Internals of the fitter (src/lib/fit): the random stream, the run table, the
 * aggregated design used by the solver and the bootstrap, and the hz_fit
 * result.  Not a public interface; unit tests include it to reach the pieces.
 */
#ifndef HZ_FIT_INTERNAL_H
#define HZ_FIT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "horizon/fit.h"

#define FIT_NONE UINT32_MAX

/* ---- rng.c: numpy SeedSequence + PCG64 (METHOD section 8) ---- */
__extension__ typedef unsigned __int128 fit_u128;

typedef struct fit_rng {
	fit_u128 state, inc;
	int has32;       /* a buffered high half-word is waiting */
	uint32_t buf32;
} fit_rng;

void fit_seedseq_state(uint32_t seed, uint64_t out[4]);
void fit_rng_seed(fit_rng *r, uint32_t seed);   /* numpy.random.default_rng(seed) */
uint32_t fit_rng_next32(fit_rng *r);

#define FIT_PCG_MULT ((fit_u128)0x2360ED051FC65DA4ULL << 64 | 0x4385DF649FCCF645ULL)

/* PCG64 (XSL-RR): step, then rotate hi ^ lo by the top 6 bits.  Inline: the bootstrap's hot path. */
static inline uint64_t fit_rng_next64(fit_rng *r)
{
	uint64_t x;
	unsigned rot;

	r->state = r->state * FIT_PCG_MULT + r->inc;
	x = (uint64_t)(r->state >> 64) ^ (uint64_t)r->state;
	rot = (unsigned)(r->state >> 122);
	return (x >> rot) | (x << ((64 - rot) & 63));
}

/* One value of rng.random(): 53 random bits scaled to [0, 1). */
static inline double fit_rng_random(fit_rng *r)
{
	return (double)(fit_rng_next64(r) >> 11) * (1.0 / 9007199254740992.0);
}
uint32_t fit_rng_bounded(fit_rng *r, uint32_t n); /* one draw in [0, n), n >= 2 */
void fit_rng_choice(fit_rng *r, uint32_t n, uint32_t *out); /* rng.choice(n, n) */

/* ---- strtab.c: interned strings with dense ids ---- */
typedef struct fit_strtab {
	char **str;       /* id -> string (inside the arena) */
	size_t n, cap;
	uint32_t *slot;   /* open addressing: id + 1, 0 = empty */
	size_t nslot;
	char **blocks;    /* arena */
	size_t nblocks, used, blocksize;
} fit_strtab;

/* Intern s[0..len); *id gets its id, *added 1 when it is new. */
int fit_strtab_intern(fit_strtab *t, const char *s, size_t len, uint32_t *id, int *added);
uint32_t fit_strtab_find(const fit_strtab *t, const char *s); /* FIT_NONE when absent */
void fit_strtab_release(fit_strtab *t);

/* ---- record.c: the fields of one runs.jsonl line ---- */
enum {
	FIT_F_RUN_ID, FIT_F_ALIAS, FIT_F_TASK_ID, FIT_F_TASK_FAMILY, FIT_F_HUMAN_MINUTES, FIT_F_STATUS,
	FIT_F_SCORE, FIT_F_W_EQUAL, FIT_F_W_INVSQRT, FIT_F_RELEASE_DATE, FIT_F_INPUT_TOKENS,
	FIT_F_OUTPUT_TOKENS, FIT_F_TOTAL_TOKENS, FIT_F_DOLLARS, FIT_F_HUMAN_SOURCE, FIT_F_DESIGN, FIT_F_COUNT
};

typedef enum fit_vkind { FIT_V_MISSING = 0, FIT_V_NULL, FIT_V_STRING, FIT_V_NUMBER, FIT_V_BOOL, FIT_V_OTHER } fit_vkind;

typedef struct fit_value {
	fit_vkind kind;
	const char *s;     /* FIT_V_STRING: NUL-terminated text */
	size_t len;
	double num;        /* FIT_V_NUMBER */
	int is_int;
	long long ival;
	int b;             /* FIT_V_BOOL */
} fit_value;

typedef struct fit_record {
	fit_value v[FIT_F_COUNT];
} fit_record;

struct json_t;
/*
 * Scan a line that is one JSON object; strings are unescaped into scratch
 * (at least len + 1 bytes).  Returns 1 with *rec filled, or 0 when the line
 * needs the full parser (it may still be valid JSON).
 */
int fit_record_scan(const char *line, size_t len, const char *score_col, char *scratch, fit_record *rec);
/* The same view of an object jansson parsed (strings borrowed from it). */
void fit_record_from_json(struct json_t *obj, const char *score_col, fit_record *rec);

/* ---- runs.c: the run table read from runs.jsonl files ---- */
#define FIT_MAX_EXCLUDE_HITS 256
typedef struct fit_alias_meta {
	const char *first_file;  /* where the agent first appears (for messages) */
	long first_line;
	char *release_date;      /* from the records' own release_date, or NULL */
	long release_line;
	const char *adaptive_file, *full_file; /* the first record of an adaptive / a full sweep */
	long adaptive_line, full_line;
} fit_alias_meta;

typedef struct fit_input {
	char *path;
	size_t records;          /* records read from this file */
} fit_input;

typedef struct fit_table {
	size_t n, cap;           /* rows */
	uint32_t *alias, *task;
	double *x;               /* log2(human_minutes) */
	double *y;               /* score in [0, 1] */
	double *w_equal, *w_invsqrt; /* the file's columns; NaN when absent */
	uint32_t *tok_idx;       /* per row: index into tok, or FIT_NONE when the record has no usage fields */
	double *tok;             /* 4 per entry: input, output, total tokens, dollars (NaN: absent) */
	size_t ntok, tok_cap;
	uint8_t *dead;           /* superseded by a later record with the same run_id */
	fit_strtab aliases, tasks, families, runids;
	uint32_t *task_family;   /* per task id */
	size_t task_family_cap;
	uint32_t *runid_row;     /* per run_id id: live row, or FIT_NONE for error-only */
	size_t runid_row_cap;
	fit_alias_meta *meta;    /* per alias id */
	size_t meta_cap;
	fit_input *inputs;
	size_t ninputs;
	size_t n_error, n_superseded, n_excluded_agent;
	size_t n_estimated;      /* runs dropped by baseline_lengths_only */
	int baseline_only;       /* keep only runs on tasks whose length was measured */
	int missing_weights;     /* some row had no weight columns */
	const char *score_col;
	const char *const *exclude;
	size_t nexclude;
	size_t exclude_hits[FIT_MAX_EXCLUDE_HITS]; /* runs dropped per exclude[i] */
} fit_table;

/* Read one runs.jsonl file into the table (streaming, bounded lines). */
int fit_table_load_file(fit_table *t, const char *path);
/* Expand a file-or-directory input and load every runs.jsonl in it. */
int fit_table_load_input(fit_table *t, const char *path);
/* Drop superseded rows and error-only records; renumber densely. */
int fit_table_finish(fit_table *t);
void fit_table_release(fit_table *t);

/* ---- weights.c ---- */
/* Recompute per-row weights (METHOD section 2) into w[t->n]. */
int fit_weights_compute(const fit_table *t, hz_fit_weighting how, double *w);

/* ---- logistic.c ---- */
typedef struct fit_logit {
	double a, b;     /* slope on log2(minutes), intercept */
	int iters;
	int converged;
} fit_logit;

/*
 * Minimise Σ_p [(w1+w0) log(1+e^z) - w1 z] + lambda/2 a², z = a x + b, by
 * Newton's method from (0,0) with step halving, to max |grad| < 1e-12.
 * w1[p] is the weight of successes at x[p], w0[p] that of failures.
 */
void fit_logistic(const double *x, const double *w1, const double *w0, size_t n, double lambda,
		  fit_logit *out);
/* The horizon in minutes at success probability percent/100. */
double fit_horizon(double a, double b, double percent);

/* ---- design.c: aggregated points and the bootstrap's index structures ---- */
typedef struct fit_design {
	const fit_table *t;
	const double *w;         /* per-row weights used by every fit */
	size_t nagents;
	uint32_t *point;         /* row -> point (distinct (alias, x, w)) */
	double *px;              /* point -> x */
	size_t npoints;
	size_t *agent_p0;        /* agent a's points are [agent_p0[a], agent_p0[a+1]) */
	/* families sorted by code point, each with its sorted distinct tasks */
	uint32_t nfam;
	uint32_t *fam_t0;        /* family k's tasks are fam_tasks[fam_t0[k] .. fam_t0[k+1]) */
	uint32_t *fam_tasks;
	size_t ntasks;
	/* keys task|||alias sorted by code point; each with its rows, ascending */
	size_t nkeys;
	uint32_t *key_task;
	uint32_t *key_r0;        /* key k's rows are key_rows[key_r0[k] .. key_r0[k+1]) */
	uint32_t *key_rows;
	struct fit_krow *krow;   /* key_rows' data, in the same order, for the bootstrap's hot loop */
	uint32_t *key_alias;     /* every row of a key has the key's alias */
	uint32_t *key_point;     /* the key's point when all its rows share one, else FIT_NONE */
	double *key_w;           /* the key's weight when all rows share it and every y is 0 or 1, else NaN */
	uint8_t *ky;             /* y of key_rows[j] when key_w is set: one byte per run stays in cache */
} fit_design;

typedef struct fit_krow {
	double wy, wn;           /* w·y and w·(1 - y) */
	double y;
} fit_krow;

int fit_design_build(fit_design *d, const fit_table *t, const double *w);
void fit_design_release(fit_design *d);

/* ---- bootstrap.c ---- */
/*
 * One sample's resample (METHOD section 5, steps 1-3), handed to `emit` row by
 * row (a row can come several times).  Returns the number of rows.
 */
typedef struct fit_resample_scratch {
	uint32_t *draws;   /* max(nfam, largest family) */
	uint32_t *mult;    /* per task */
} fit_resample_scratch;

int fit_resample_scratch_init(fit_resample_scratch *s, const fit_design *d);
void fit_resample_scratch_release(fit_resample_scratch *s);
size_t fit_resample(const fit_design *d, uint32_t seed, fit_resample_scratch *s,
		    void (*emit)(void *ud, uint32_t row), void *ud);

/*
 * Run `nsamples` samples on `jobs` threads; out[(i * nagents + a) * np + k]
 * gets sample i's horizon for agent a at percents[k] (NaN when the agent has
 * fewer than two distinct outcomes in the sample).
 */
int fit_bootstrap_run(const fit_design *d, const double *percents, size_t np, double lambda,
		      size_t nsamples, uint32_t seed, int jobs, hz_fit_progress_fn progress, void *ud,
		      double *out);

/* ---- stats.c ---- */
/* numpy.quantile(v, q, method='linear') of m sorted values (NaN when m == 0). */
double fit_quantile_sorted(const double *v, size_t m, double q);
/* Sort a copy without NaNs and take the quantile (numpy.nanquantile). */
double fit_nanquantile(const double *v, size_t m, size_t stride, double q, size_t *nvalid);
/* OLS y = a + b x; returns 0, or -1 when x has no spread. */
int fit_ols(const double *x, const double *y, size_t n, double *slope, double *intercept);
double fit_round6(double v);

/* ---- yamlfile.c: small YAML/JSON documents via libyaml ---- */
typedef struct fit_ynode fit_ynode;
typedef struct fit_ydoc fit_ydoc;

int fit_ydoc_load(fit_ydoc **out, const char *path);
void fit_ydoc_free(fit_ydoc *doc);
const fit_ynode *fit_ydoc_root(const fit_ydoc *doc);
int fit_ynode_is_map(const fit_ynode *n);
int fit_ynode_is_scalar(const fit_ynode *n);
/* The value for key in a mapping, or NULL. */
const fit_ynode *fit_ynode_get(const fit_ydoc *doc, const fit_ynode *map, const char *key);
size_t fit_ynode_map_size(const fit_ydoc *doc, const fit_ynode *map);
/* The i-th pair of a mapping. */
void fit_ynode_map_pair(const fit_ydoc *doc, const fit_ynode *map, size_t i, const fit_ynode **k,
			const fit_ynode **v);
const char *fit_ynode_str(const fit_ynode *n);  /* scalar text, or NULL */
long fit_ynode_line(const fit_ynode *n);        /* 1-based */

/* ---- release.c ---- */
typedef struct fit_release_dates {
	fit_strtab names;
	long *days;
	long *line;
} fit_release_dates;

int fit_release_dates_load(fit_release_dates *rd, const char *path);
void fit_release_dates_release(fit_release_dates *rd);

/* ---- the result ---- */
typedef struct fit_trend_full {
	hz_fit_trend pub;
	int fitted;
	char **agents;             /* pub.agents; the strings belong to the fit */
	hz_fit_band_point *band;   /* pub.band */
	size_t nband;
} fit_trend_full;

typedef struct fit_excluded {
	char *alias;
	char *reason;
} fit_excluded;

struct hz_fit {
	int published;
	char *published_path;
	char *origin;              /* hz_fit_origin; NULL: derived from the inputs */
	hz_fit_opts opts;          /* copy; pointers below are owned copies */
	char *score_col;
	char *release_dates_path;
	fit_input *inputs;
	size_t ninputs;
	size_t nruns, n_error, n_superseded, n_excluded_agent;
	int weights_from_file;
	hz_fit_agent *agents;
	size_t nagents;
	char **strings;            /* owned strings the agents point into */
	size_t nstrings, capstrings;
	hz_fit_horizon *horizons;  /* nagents * np */
	hz_fit_bin *bins;
	size_t *bin0;              /* agent a's bins: bins[bin0[a] .. bin0[a+1]) */
	double *samples;           /* nboot * nagents * np, or NULL */
	size_t nsamples;
	fit_trend_full trends[HZ_FIT_MAX_PERCENTS];
	char **notes;
	size_t nnotes;
	fit_excluded *excluded;
	size_t nexcluded;
	char **trend_notes;
	size_t ntrend_notes;
	/* --published: the doubling times METR's own windows give, and the file's */
	double pub_all_time, pub_from_2023, file_all_time, file_from_2023;
	double file_from_2023_lo, file_from_2023_hi;
};

/* ---- lik_agents.c: agents measured by an adaptive sweep (docs/adaptive.md) ---- */
/* Their horizons and intervals become profile-likelihood ones; every agent gets its design and interval. */
int fit_lik_agents(hz_fit *fit, const fit_table *t, const uint32_t *order);

/* fit.c helpers shared with published.c and trend.c */
hz_fit *fit_new(const hz_fit_opts *opts);
int fit_add_note(hz_fit *fit, char ***list, size_t *n, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
int fit_exclude(hz_fit *fit, const char *alias, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
char *fit_keep(hz_fit *fit, const char *s);   /* an owned copy, freed with the fit */

/* ---- trend.c ---- */
/*
 * Select the SOTA agents (METHOD section 6) or, when `use_flags`, the agents
 * already flagged sota; fit every percent's line and its bootstrap.
 */
int fit_trend_compute(hz_fit *fit, int use_flags, double max_p50);

#endif
