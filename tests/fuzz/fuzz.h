/*
 * What every fuzz harness (tests/fuzz/fuzz_<name>.c) shares: the libFuzzer
 * entry point, a private scratch directory for inputs that a parser reads
 * from a file, and the check that a refusal leaves a one-line message.
 *
 * A harness is built twice: linked with replay.c into replay_<name> (every
 * build; ctest replays tests/fuzz/corpus/<name>/ through it), and with
 * -fsanitize=fuzzer into fuzz_<name> (cmake -DHZ_FUZZ=ON; scripts/fuzz.sh).
 * Harnesses free everything, so LeakSanitizer reports are real leaks.
 */
#ifndef HZ_FUZZ_H
#define HZ_FUZZ_H

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "horizon/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char fuzz_root[256];

static inline int fuzz_rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path) < 0 && errno != ENOENT ? -1 : 0;
}

/* Remove everything under path (path itself too). */
static inline void fuzz_rm(const char *path)
{
	nftw(path, fuzz_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static inline void fuzz_cleanup(void)
{
	if (fuzz_root[0])
		fuzz_rm(fuzz_root);
}

/* This process's scratch directory, created on first use, removed at exit. */
static inline const char *fuzz_dir(void)
{
	if (!fuzz_root[0]) {
		const char *tmp = getenv("TMPDIR");
		snprintf(fuzz_root, sizeof(fuzz_root), "%s/hz-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(fuzz_root)) {
			perror("fuzz: mkdtemp");
			abort();
		}
		atexit(fuzz_cleanup);
	}
	return fuzz_root;
}

/* The path of `rel` under the scratch directory (a static buffer per slot 0..3). */
static inline const char *fuzz_path(int slot, const char *rel)
{
	static char paths[4][512];

	snprintf(paths[slot], sizeof(paths[slot]), "%s/%s", fuzz_dir(), rel);
	return paths[slot];
}

/* Make the directories leading to path (under the scratch directory). */
static inline void fuzz_mkdirs(const char *path)
{
	char tmp[512];

	snprintf(tmp, sizeof(tmp), "%s", path);
	for (char *p = tmp + strlen(fuzz_dir()) + 1; *p; p++)
		if (*p == '/') {
			*p = 0;
			mkdir(tmp, 0700);
			*p = '/';
		}
}

/* Write data to `rel` under the scratch directory; returns its path. */
static inline const char *fuzz_write(int slot, const char *rel, const void *data, size_t size)
{
	const char *path = fuzz_path(slot, rel);
	FILE *f;

	fuzz_mkdirs(path);
	if (!(f = fopen(path, "wb")) || (size && fwrite(data, 1, size, f) != size) || fclose(f)) {
		perror(path);
		abort();
	}
	return path;
}

/*
 * A parser refused the input: it must have said why, on one line (the CLI
 * prints the message as is).  An error without a message, or one that spans
 * lines, is a bug the fuzzer should report.
 */
static inline void fuzz_check_error(int rc)
{
	const char *m = hz_error_message();

	if (getenv("HZ_FUZZ_VERBOSE")) /* what each input got: for looking at a corpus */
		fprintf(stderr, "fuzz: %d %s\n", rc, rc < 0 ? m : "");
	if (rc >= 0)
		return;
	if (!*m || strchr(m, '\n')) {
		fprintf(stderr, "fuzz: error %d with a bad message: \"%s\"\n", rc, m);
		abort();
	}
}

#endif
