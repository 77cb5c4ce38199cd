/*
 * Fuzz `horizon merge`: shard plans (sweep.json) and shard logs (runs.jsonl).
 * The input is split into files by lines "#FILE a/sweep.json",
 * "#FILE b/runs.jsonl" (a and b are two shard directories); text before the
 * first such line is a/runs.jsonl.  Merged into a fresh out/ each time.
 */
#include "fuzz.h"
#include "horizon/merge.h"

static const char *const names[] = { "a/runs.jsonl", "a/sweep.json", "b/runs.jsonl", "b/sweep.json" };

/* The file a "#FILE NAME" line at p names (a/runs.jsonl when it names none of them). */
static const char *header_name(const char *p, const char *end)
{
	p += 6;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		size_t n = strlen(names[i]);
		if ((size_t)(end - p) >= n && !memcmp(p, names[i], n))
			return names[i];
	}
	return names[0];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data, *end = text + size, *start = text, *inputs[2];
	const char *name = names[0];
	hz_merge_opts opts = HZ_MERGE_OPTS_INIT;
	hz_merge_result res;
	int have_b = 0, rc;

	fuzz_rm(fuzz_path(0, "a"));
	fuzz_rm(fuzz_path(0, "b"));
	fuzz_rm(fuzz_path(0, "out"));
	for (const char *p = text; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *next = nl ? nl + 1 : end;
		if (end - p >= 6 && !memcmp(p, "#FILE ", 6)) {
			if (p > start || name != names[0])
				fuzz_write(0, name, start, (size_t)(p - start));
			name = header_name(p, end);
			have_b |= name[0] == 'b';
			start = next;
		}
		p = next;
	}
	fuzz_write(0, name, start, (size_t)(end - start));
	inputs[0] = fuzz_path(1, "a");
	inputs[1] = fuzz_path(2, "b");
	opts.inputs = inputs;
	opts.ninputs = have_b ? 2 : 1;
	opts.out_dir = fuzz_path(3, "out");
	memset(&res, 0, sizeof(res));
	rc = hz_merge_run(&opts, &res);
	fuzz_check_error(rc);
	for (size_t i = 0; i < res.nnotes; i++)
		if (strchr(res.notes[i], '\n'))
			abort();
	hz_merge_result_release(&res);
	return 0;
}
