/*
 * Fuzz task.json: the loader (hz_task_load, hz_catalog_load) and the
 * validator (hz_validate_path), on a one-task catalogue fam/name/task.json.
 */
#include "fuzz.h"
#include "horizon/catalog.h"
#include "horizon/task.h"
#include "horizon/validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	hz_validate_opts vopts = HZ_VALIDATE_OPTS_INIT;
	hz_validation *v = NULL;
	hz_catalog *cat = NULL;
	hz_task *task = NULL;
	int rc;

	static int parts;

	if (!parts++) { /* the other parts of a task directory, so that the task.json decides */
		fuzz_write(1, "cat/fam/name/instructions.md", "Do it.\n", 7);
		fuzz_write(1, "cat/fam/name/workspace/a.txt", "a\n", 2);
		fuzz_write(1, "cat/fam/name/solution/solve.sh", "echo 4 >answer.txt\n", 19);
		fuzz_write(1, "cat/fam/name/tests/test.sh", "grep -qx 4 answer.txt\n", 22);
	}
	fuzz_write(0, "cat/fam/name/task.json", data, size);
	rc = hz_task_load(&task, fuzz_path(0, "cat/fam/name"));
	fuzz_check_error(rc);
	if (rc == 0) {
		char *text = NULL;
		if (hz_task_instructions(task, &text) == 0)
			free(text);
		(void)hz_task_sha256(task);
		(void)hz_task_missing_tool(task);
	}
	hz_task_free(task);

	rc = hz_catalog_load(&cat, fuzz_path(0, "cat"));
	fuzz_check_error(rc);
	hz_catalog_free(cat);

	vopts.check_requires = 0; /* a PATH search per fuzz input tells nothing */
	rc = hz_validate_path(&v, fuzz_path(0, "cat"), &vopts);
	fuzz_check_error(rc);
	if (rc == 0) {
		char line[1024];
		for (size_t i = 0; i < hz_validation_count(v); i++)
			hz_issue_format(hz_validation_issue(v, i), line, sizeof(line));
	}
	hz_validation_free(v);
	return 0;
}
