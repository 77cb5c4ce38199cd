/*
 * DIR/runs.jsonl: locked appends, repair of a partial last line, an index of
 * records by run_id, and run claims.  See results.h.
 *
 * Locking: flock() on the log excludes other processes; a mutex excludes the
 * other threads of this one (they share the open file, so flock alone would
 * not).  Every read of records appended by others and every append happens
 * with both held, so the index is exact at the moment of each append.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "record_schema.h"
#include "record.h"
#include "results.h"
#include "strutil.h"

typedef struct entry {
	char *run_id; /* NULL: empty slot */
	int done;
	int errors;
	int success; /* the latest success/failure record was a success */
	char fp[17]; /* its agent_fingerprint ("" when it has none: a METR record) */
	int limit;   /* the record_limit that latest record ended on, or -1 */
	double cost; /* dollar_equivalent summed over every record of the run */
} entry;

struct results_log {
	char *dir, *log_path, *claims_dir;
	int fd;
	off_t scanned;   /* bytes of the log indexed: always just after a newline */
	size_t nlines;   /* complete lines seen */
	size_t nrecords;
	size_t repaired;
	size_t repaired_line; /* the line number of the last partial line cut off */
	int readonly;    /* opened by results_open_readonly: never written, never repaired */
	entry *tab;
	size_t cap, used;
	pthread_mutex_t mu;
};

static void sweep_stale_claims(const struct results_log *r);

struct run_claim {
	char *path;
	int fd;
};

static size_t slot_of(const results_log *r, const char *id)
{
	size_t i = hz_hash64(id, strlen(id)) & (r->cap - 1);

	while (r->tab[i].run_id && strcmp(r->tab[i].run_id, id))
		i = (i + 1) & (r->cap - 1);
	return i;
}

static int grow(results_log *r)
{
	size_t ncap = r->cap ? r->cap * 2 : 1024;
	entry *old = r->tab, *nt = calloc(ncap, sizeof(entry));
	size_t ocap = r->cap;

	if (!nt)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	r->tab = nt;
	r->cap = ncap;
	for (size_t i = 0; i < ocap; i++)
		if (old[i].run_id)
			r->tab[slot_of(r, old[i].run_id)] = old[i];
	free(old);
	return 0;
}

static entry *get_entry(results_log *r, const char *id, int create)
{
	size_t i;

	if (!r->cap) {
		if (!create || grow(r))
			return NULL;
	}
	i = slot_of(r, id);
	if (r->tab[i].run_id || !create)
		return r->tab[i].run_id ? &r->tab[i] : NULL;
	if ((r->used + 1) * 2 > r->cap) {
		if (grow(r))
			return NULL;
		i = slot_of(r, id);
	}
	if (!(r->tab[i].run_id = strdup(id)))
		return NULL;
	r->used++;
	return &r->tab[i];
}

json_t *results_record_config(const json_t *rec)
{
	json_t *conf = json_object_get(rec, "agent_config"), *spec = json_object_get(rec, "agent_spec");
	json_t *seed = json_object_get(rec, "seed");
	hz_agent_config cfg;

	if (json_is_object(conf))
		return json_incref(conf);
	/* Written before records carried agent_config: the spec string says the same (values without commas). */
	if (!json_is_string(spec) || hz_agent_config_parse(&cfg, json_string_value(spec)) != 0) {
		hz_error_clear();
		return NULL;
	}
	conf = record_agent_config(&cfg, json_is_integer(seed) ? (uint64_t)json_integer_value(seed) : 0);
	hz_agent_config_release(&cfg);
	return conf;
}

/* Index one complete line (without its newline). */
static int index_line(results_log *r, const char *line, size_t len)
{
	json_t *o, *id;
	json_error_t jerr;
	entry *e;
	int rc = 0;

	r->nlines++;
	while (len && (line[len - 1] == '\r' || line[len - 1] == ' '))
		len--;
	if (len == 0)
		return 0;
	if (!(o = json_loadb(line, len, 0, &jerr)) || !json_is_object(o)) {
		json_decref(o);
		return hz_error_set(HZ_EINVALID, "%s:%zu: not a JSON object (%s); fix or remove that line",
				    r->log_path, r->nlines, jerr.text);
	}
	r->nrecords++;
	id = json_object_get(o, "run_id");
	if (json_is_string(id)) {
		const char *why = NULL;
		json_t *cost = json_object_get(o, "dollar_equivalent");
		record_verdict v = record_verdict_of(o, &why);
		if (v == RECORD_INVALID)
			rc = hz_error_set(HZ_EINVALID, "%s:%zu: %s; fix or remove that line", r->log_path, r->nlines, why);
		else if (!(e = get_entry(r, json_string_value(id), 1)))
			rc = hz_error_set(HZ_ENOMEM, "out of memory");
		else {
			if (json_is_number(cost) && json_number_value(cost) > 0)
				e->cost += json_number_value(cost);
			if (v == RECORD_ERROR) {
				/* A refused key or an exhausted quota says nothing of the run: no retry used up. */
				json_t *er = json_object_get(o, "exit_reason");
				if (!json_is_string(er) || (strcmp(json_string_value(er), "auth_error") &&
							    strcmp(json_string_value(er), "quota_error")))
					e->errors++;
			} else {
				json_t *conf = results_record_config(o);
				e->fp[0] = '\0';
				if (conf)
					rc = record_fingerprint(conf, e->fp);
				json_decref(conf);
				e->done = 1;
				e->success = v == RECORD_SUCCESS;
				e->limit = record_limit_of(json_string_value(json_object_get(o, "exit_reason")));
			}
		}
	}
	json_decref(o);
	return rc;
}

/*
 * With the locks held: index what others appended since our last look, and
 * cut off a partial last line (nobody is writing: we hold the lock).
 */
static int catch_up(results_log *r)
{
	struct stat st;
	hz_buf line = HZ_BUF_INIT;
	char chunk[65536];
	off_t pos;
	int rc = 0;

	if (fstat(r->fd, &st) < 0)
		return hz_error_set_errno("cannot stat '%s'", r->log_path);
	if (st.st_size < r->scanned) {
		/* Replaced or cut under us (not by horizon, which only appends): index it again from the start. */
		for (size_t i = 0; i < r->cap; i++) {
			free(r->tab[i].run_id);
			r->tab[i].run_id = NULL;
		}
		r->used = 0;
		r->scanned = 0;
		r->nlines = r->nrecords = 0;
	}
	hz_buf_init(&line, RESULTS_LINE_MAX + 1);
	pos = r->scanned;
	while (pos < st.st_size) {
		ssize_t n = pread(r->fd, chunk, sizeof(chunk), pos);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rc = hz_error_set_errno("cannot read '%s'", r->log_path);
			goto done;
		}
		if (n == 0)
			break;
		for (ssize_t i = 0; i < n; i++) {
			if (chunk[i] != '\n') {
				if (hz_buf_putc(&line, chunk[i]) == HZ_ELIMIT) {
					rc = hz_error_set(HZ_EINVALID, "%s:%zu: line longer than %zu bytes",
							  r->log_path, r->nlines + 1, RESULTS_LINE_MAX);
					goto done;
				}
				continue;
			}
			if ((rc = index_line(r, hz_buf_cstr(&line), line.len)) != 0)
				goto done;
			hz_buf_clear(&line);
			r->scanned = pos + i + 1;
		}
		pos += n;
	}
	if (r->scanned < st.st_size && !r->readonly) {
		/*
		 * An unterminated last line (nobody is writing: we hold the lock).  A whole record
		 * only lacks its newline: give it one.  Anything else is a record cut short by a
		 * crash (fit and merge skip it too): cut it off and say where.
		 */
		json_t *o = json_loadb(hz_buf_cstr(&line), line.len, 0, NULL);
		int whole = json_is_object(o);
		json_decref(o);
		if (whole) {
			if (write(r->fd, "\n", 1) != 1) {
				rc = hz_error_set_errno("cannot repair '%s'", r->log_path);
				goto done;
			}
			rc = index_line(r, hz_buf_cstr(&line), line.len);
			r->scanned = st.st_size + 1;
			fsync(r->fd);
			goto done;
		}
		if (ftruncate(r->fd, r->scanned) < 0) {
			rc = hz_error_set_errno("cannot repair '%s'", r->log_path);
			goto done;
		}
		r->repaired += (size_t)(st.st_size - r->scanned);
		r->repaired_line = r->nlines + 1;
		fsync(r->fd);
	}
done:
	hz_buf_release(&line);
	return rc;
}

static int lock(results_log *r)
{
	pthread_mutex_lock(&r->mu);
	while (flock(r->fd, r->readonly ? LOCK_SH : LOCK_EX) < 0) {
		if (errno != EINTR) {
			int rc = hz_error_set_errno("cannot lock '%s'", r->log_path);
			pthread_mutex_unlock(&r->mu);
			return rc;
		}
	}
	return 0;
}

static void unlock(results_log *r)
{
	flock(r->fd, LOCK_UN);
	pthread_mutex_unlock(&r->mu);
}

static int open_log(results_log **out, const char *dir, int readonly)
{
	results_log *r;
	int rc;

	*out = NULL;
	if (!(r = calloc(1, sizeof(*r))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	r->fd = -1;
	r->readonly = readonly;
	pthread_mutex_init(&r->mu, NULL);
	if (!(r->dir = strdup(dir)) || !(r->log_path = hz_path_join(dir, "runs.jsonl")) ||
	    !(r->claims_dir = hz_path_join(dir, "claims"))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto fail;
	}
	if (!readonly && ((rc = hz_fs_mkdir_p(dir, 0755)) != 0 || (rc = hz_fs_mkdir_p(r->claims_dir, 0755)) != 0))
		goto fail;
	r->fd = readonly ? open(r->log_path, O_RDONLY | O_CLOEXEC)
			 : open(r->log_path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
	if (r->fd < 0) {
		rc = errno == ENOENT ? hz_error_set(HZ_ENOTFOUND, "'%s' does not exist", r->log_path)
				     : hz_error_set_errno("cannot open '%s'", r->log_path);
		goto fail;
	}
	if ((rc = lock(r)) != 0)
		goto fail;
	rc = catch_up(r);
	unlock(r);
	if (!rc && !readonly)
		sweep_stale_claims(r);
	if (rc)
		goto fail;
	*out = r;
	return 0;
fail:
	results_free(r);
	return rc;
}

int results_open(results_log **out, const char *dir)
{
	return open_log(out, dir, 0);
}

int results_open_readonly(results_log **out, const char *dir)
{
	return open_log(out, dir, 1);
}

void results_free(results_log *r)
{
	if (!r)
		return;
	if (r->fd >= 0)
		close(r->fd);
	for (size_t i = 0; i < r->cap; i++)
		free(r->tab[i].run_id);
	free(r->tab);
	free(r->dir);
	free(r->log_path);
	free(r->claims_dir);
	pthread_mutex_destroy(&r->mu);
	free(r);
}

const char *results_dir(const results_log *r) { return r->dir; }
const char *results_log_path(const results_log *r) { return r->log_path; }
size_t results_repaired_bytes(const results_log *r) { return r->repaired; }
size_t results_repaired_line(const results_log *r) { return r->repaired_line; }
size_t results_count(const results_log *r) { return r->nrecords; }

int results_lookup(results_log *r, const char *run_id, results_run *out)
{
	entry *e;
	int rc;

	memset(out, 0, sizeof(*out));
	out->limit = -1;
	if (r->fd < 0)
		return 0;
	if ((rc = lock(r)) != 0)
		return rc;
	if ((rc = catch_up(r)) == 0 && (e = get_entry(r, run_id, 0)) != NULL) {
		out->done = e->done ? (e->success ? 2 : 1) : 0;
		out->errors = e->errors;
		memcpy(out->fp, e->fp, sizeof(e->fp));
		out->cost_usd = e->cost;
		out->limit = e->done ? e->limit : -1;
	}
	unlock(r);
	return rc;
}

int results_append(results_log *r, const char *run_id, const char *fp, const char *line, size_t len,
		   int *appended)
{
	char *buf = NULL;
	entry *e;
	int rc;

	*appended = 0;
	if (r->readonly)
		return hz_error_set(HZ_EUSAGE, "'%s' was opened read-only", r->log_path);
	if (len == 0 || len > RESULTS_LINE_MAX || memchr(line, '\n', len))
		return hz_error_set(HZ_EINVALID, "record for run %s: not a single line of at most %zu bytes", run_id,
				    RESULTS_LINE_MAX);
	if (!(buf = malloc(len + 1)))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	memcpy(buf, line, len);
	buf[len] = '\n';
	if ((rc = lock(r)) != 0)
		goto done;
	if ((rc = catch_up(r)) != 0)
		goto unlock;
	if ((e = get_entry(r, run_id, 0)) != NULL && e->done && (!fp || !e->fp[0] || !strcmp(e->fp, fp)))
		goto unlock; /* another sweep recorded it meanwhile (with this configuration) */
	{
		/* One write: with O_APPEND the line lands whole at the end. */
		ssize_t n;
		while ((n = write(r->fd, buf, len + 1)) < 0 && errno == EINTR)
			;
		if (n != (ssize_t)(len + 1)) {
			if (n >= 0) {
				/* A short write sets no errno: the rest of the line, written again, says why. */
				ssize_t m = write(r->fd, buf + n, len + 1 - (size_t)n);
				if (m >= 0)
					errno = ENOSPC;
			}
			rc = hz_error_set_errno("cannot append to '%s'", r->log_path);
			if (n != 0 && ftruncate(r->fd, r->scanned) == 0) { /* take the partial line back */ }
			goto unlock;
		}
	}
	if (fsync(r->fd) < 0) {
		rc = hz_error_set_errno("cannot fsync '%s'", r->log_path);
		goto unlock;
	}
	r->scanned += (off_t)(len + 1);
	rc = index_line(r, line, len);
	*appended = 1;
unlock:
	unlock(r);
done:
	free(buf);
	return rc;
}

json_t *results_find_config(results_log *r, const char *run_id)
{
	json_t *found = NULL;
	char *text = NULL;
	size_t cap = 0;
	ssize_t n;
	FILE *f = fopen(r->log_path, "r");

	if (!f)
		return NULL;
	while ((n = getline(&text, &cap, f)) > 0) {
		json_t *o, *id, *st;
		if (!memmem(text, (size_t)n, run_id, strlen(run_id)) || !(o = json_loadb(text, (size_t)n, 0, NULL)))
			continue;
		id = json_object_get(o, "run_id");
		st = json_object_get(o, "status");
		if (json_is_string(id) && !strcmp(json_string_value(id), run_id) &&
		    !(json_is_string(st) && !strcmp(json_string_value(st), "error"))) {
			json_decref(found);
			found = results_record_config(o);
		}
		json_decref(o);
	}
	free(text);
	fclose(f);
	return found;
}

/*
 * Remove claims that no live process holds: a sweep killed between appending
 * a record and releasing its claim leaves the file behind, and the run, being
 * recorded, is never claimed again.  A claim we can lock is nobody's; removing
 * it while locked is what run_claim_release does too, and a process that opened
 * the file meanwhile notices the changed inode and opens it again.
 */
static void sweep_stale_claims(const results_log *r)
{
	DIR *d = opendir(r->claims_dir);
	struct dirent *de;

	if (!d)
		return;
	while ((de = readdir(d)) != NULL) {
		char *path;
		int fd;
		if (de->d_name[0] == '.' || !(path = hz_path_join(r->claims_dir, de->d_name)))
			continue;
		if ((fd = open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW)) >= 0) {
			if (flock(fd, LOCK_EX | LOCK_NB) == 0)
				unlink(path);
			close(fd);
		}
		free(path);
	}
	closedir(d);
}

int results_claim(results_log *r, const char *run_id, run_claim **out)
{
	run_claim *c = NULL;
	struct stat a, b;
	char pid[32];
	int rc = 0;

	*out = NULL;
	if (!(c = calloc(1, sizeof(*c))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	c->fd = -1;
	if (!(c->path = hz_path_join(r->claims_dir, run_id))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto fail;
	}
	for (;;) {
		if ((c->fd = open(c->path, O_RDWR | O_CREAT | O_CLOEXEC, 0644)) < 0) {
			rc = hz_error_set_errno("cannot create claim '%s'", c->path);
			goto fail;
		}
		if (flock(c->fd, LOCK_EX | LOCK_NB) < 0) {
			rc = errno == EWOULDBLOCK ? hz_error_set(HZ_EEXISTS, "run %s is being run by another process", run_id)
						  : hz_error_set_errno("cannot lock claim '%s'", c->path);
			goto fail;
		}
		/* The holder before us may have removed the file between our open and flock: retry then. */
		if (fstat(c->fd, &a) == 0 && stat(c->path, &b) == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev)
			break;
		close(c->fd);
		c->fd = -1;
	}
	snprintf(pid, sizeof(pid), "%ld\n", (long)getpid());
	if (ftruncate(c->fd, 0) < 0 || pwrite(c->fd, pid, strlen(pid), 0) < 0) { /* informative only */ }
	*out = c;
	return 0;
fail:
	if (c && c->fd >= 0)
		close(c->fd);
	if (c)
		free(c->path);
	free(c);
	return rc;
}

void run_claim_release(run_claim *c)
{
	if (!c)
		return;
	unlink(c->path); /* while still locked, so nobody holds a lock on a removed file unknowingly */
	close(c->fd);
	free(c->path);
	free(c);
}
