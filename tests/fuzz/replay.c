/*
 * Replay inputs through one fuzz harness without libFuzzer: every file named
 * on the command line, and every file in every directory named (sorted, so
 * the run is deterministic).  Used by ctest on the committed corpora and
 * crash reproducers (tests/fuzz/corpus/<name>/), in every build.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data = NULL;
	long n;

	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		perror(path);
		goto fail;
	}
	/* libFuzzer hands over a buffer of exactly size bytes: do the same, so ASan sees overreads */
	if (!(data = malloc(n ? (size_t)n : 1)) || fread(data, 1, (size_t)n, f) != (size_t)n) {
		perror(path);
		goto fail;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(data, (size_t)n);
	free(data);
	return 0;
fail:
	if (f)
		fclose(f);
	free(data);
	return -1;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	size_t total = 0;

	for (int i = 1; i < argc; i++) {
		struct stat st;
		struct dirent *e;
		char **names = NULL;
		size_t n = 0;
		DIR *d;

		if (stat(argv[i], &st)) {
			perror(argv[i]);
			return 1;
		}
		if (!S_ISDIR(st.st_mode)) {
			if (run_file(argv[i]))
				return 1;
			total++;
			continue;
		}
		if (!(d = opendir(argv[i]))) {
			perror(argv[i]);
			return 1;
		}
		while ((e = readdir(d)) != NULL) {
			char **p;
			if (e->d_name[0] == '.')
				continue;
			if (!(p = realloc(names, (n + 1) * sizeof(*p))) || !(p[n] = strdup(e->d_name))) {
				perror("replay");
				return 1;
			}
			names = p;
			n++;
		}
		closedir(d);
		if (n)
			qsort(names, n, sizeof(*names), cmp_str);
		for (size_t k = 0; k < n; k++) {
			char path[4096];
			snprintf(path, sizeof(path), "%s/%s", argv[i], names[k]);
			if (run_file(path))
				return 1;
			free(names[k]);
			total++;
		}
		free(names);
	}
	printf("replayed %zu inputs\n", total);
	return total ? 0 : 1;
}
