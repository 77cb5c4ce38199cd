/*
 * Unit tests for the batch writers: shell and YAML quoting round trips, shard
 * time limits, the Slurm scripts (bash -n, and really executed with a
 * stand-in horizon that prints its argv), and the Kubernetes manifest
 * (parsed with libyaml, its shard command executed the same way).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "buf.h"
#include "fsutil.h"
#include "horizon/batch.h"
#include "horizon/error.h"
#include "hz_test.h"
#include "proc.h"
#include "quote.h"

static const char *const nasty[] = {
	"plain", "", "a b", "it's", "$(touch /tmp/hz_pwned)", "`id`", "line\nbreak", "tab\there",
	"--agent=sim,h50=3,alias=Sim A", "\"dq\" \\ back", "*", "~", "semi;colon&amp|pipe", "%a%j",
};
#define NNASTY (sizeof(nasty) / sizeof(nasty[0]))

static char tmpdir[] = "/tmp/hz_test_batch_XXXXXX";

/* Run argv, return stdout (heap) or NULL when the exit status is not 0. */
static char *run(char *const *argv, char *const *envp)
{
	hz_proc_opts o = HZ_PROC_OPTS_INIT;
	hz_proc_result r;
	char *out = NULL;

	o.argv = argv;
	o.envp = envp;
	o.timeout_s = 20;
	if (hz_proc_run(&o, &r) == 0 && r.exit_code == 0)
		out = strdup(r.out ? r.out : "");
	else
		fprintf(stderr, "command failed: %s\n", r.err ? r.err : "");
	hz_proc_result_release(&r);
	return out;
}

static void test_sh_quote(void)
{
	for (size_t i = 0; i < NNASTY; i++) {
		hz_buf b = HZ_BUF_INIT;
		char *out;
		HZ_CHECK_EQ_INT(hz_buf_puts(&b, "printf %s "), 0);
		HZ_CHECK_EQ_INT(hz_sh_quote(&b, nasty[i]), 0);
		{
			char *argv[] = { "bash", "-c", b.ptr, NULL };
			out = run(argv, NULL);
		}
		HZ_CHECK_EQ_STR(out, nasty[i]);
		free(out);
		hz_buf_release(&b);
	}
	HZ_CHECK(access("/tmp/hz_pwned", F_OK) != 0);
}

static void test_yaml_quote(void)
{
	for (size_t i = 0; i < NNASTY; i++) {
		hz_buf b = HZ_BUF_INIT;
		yaml_parser_t p;
		yaml_document_t d;
		yaml_node_t *root, *v;
		hz_buf_puts(&b, "k: ");
		hz_yaml_quote(&b, nasty[i]);
		yaml_parser_initialize(&p);
		yaml_parser_set_input_string(&p, (const unsigned char *)b.ptr, b.len);
		HZ_CHECK(yaml_parser_load(&p, &d));
		root = yaml_document_get_root_node(&d);
		HZ_CHECK(root && root->type == YAML_MAPPING_NODE);
		if (root && root->type == YAML_MAPPING_NODE) {
			v = yaml_document_get_node(&d, root->data.mapping.pairs.start->value);
			HZ_CHECK_EQ_STR((const char *)v->data.scalar.value, nasty[i]);
		}
		yaml_document_delete(&d);
		yaml_parser_delete(&p);
		hz_buf_release(&b);
	}
}

static void test_time_limits(void)
{
	long s = 0;
	char t[32];
	double limits[] = { 600, 1800, 300 };

	HZ_CHECK_EQ_INT(hz_slurm_parse_time("90", &s), 0);
	HZ_CHECK_EQ_INT(s, 5400);
	HZ_CHECK_EQ_INT(hz_slurm_parse_time("1:02:03", &s), 0);
	HZ_CHECK_EQ_INT(s, 3723);
	HZ_CHECK_EQ_INT(hz_slurm_parse_time("2-03", &s), 0);
	HZ_CHECK_EQ_INT(s, 2 * 86400 + 3 * 3600);
	HZ_CHECK_EQ_INT(hz_slurm_parse_time("5:30", &s), 0);
	HZ_CHECK_EQ_INT(s, 330);
	HZ_CHECK_EQ_INT(hz_slurm_parse_time("soon", &s), HZ_EUSAGE);
	HZ_CHECK_EQ_INT(hz_slurm_parse_time("1:2:3:4", &s), HZ_EUSAGE);
	hz_slurm_fmt_time(2 * 86400 + 3723, t);
	HZ_CHECK_EQ_STR(t, "2-01:02:03");
	/* 2700 s x 2 agents x 3 repeats = 16200 s over 3 shards, 2 jobs: 2700 x 1.5 = 4050 + 600 -> 4680. */
	HZ_CHECK_EQ_INT(hz_batch_shard_seconds(limits, 3, 2, 3, 3, 2), 4680);
	/* Never below the longest run: 1800 + 600. */
	HZ_CHECK_EQ_INT(hz_batch_shard_seconds(limits, 3, 1, 1, 100, 8), 2400);
}

/* A stand-in for horizon that prints each argument on a line. */
static char *argv_printer(void)
{
	char *path = hz_path_join(tmpdir, "fake horizon's bin");
	const char *body = "#!/bin/sh\nfor a in \"$@\"; do printf '<%s>\\n' \"$a\"; done\n";

	HZ_CHECK_EQ_INT(hz_fs_write_atomic(path, body, strlen(body)), 0);
	chmod(path, 0755);
	return path;
}

static void fill_spec(hz_batch_spec *s, const char *horizon, const char *out)
{
	static const char *args[] = { "--agent", "sim,h50=30,alias=Sim 'A'", "--tasks", "fixture/*", "--jobs", "2" };
	s->horizon = horizon;
	s->run_args = args;
	s->nrun_args = sizeof(args) / sizeof(args[0]);
	s->out_dir = out;
	s->shards = 4;
	s->cpus = 2;
	s->shard_seconds = 3723;
}

static void test_slurm_scripts(void)
{
	hz_batch_spec s = HZ_BATCH_SPEC_INIT;
	char *fake = argv_printer(), *script = NULL, *merge = NULL, *path = hz_path_join(tmpdir, "a.sbatch");
	char *out_dir = hz_path_join(tmpdir, "out dir");
	char *out;

	fill_spec(&s, fake, "/results/sweep");
	s.partition = "debug";
	HZ_CHECK_EQ_INT(hz_slurm_array_script(&s, &script), 0);
	HZ_CHECK(script && strstr(script, "#SBATCH --array=0-3\n"));
	HZ_CHECK(script && strstr(script, "#SBATCH --time=0-01:02:03\n"));
	HZ_CHECK(script && strstr(script, "#SBATCH --cpus-per-task=2\n"));
	HZ_CHECK(script && strstr(script, "#SBATCH --partition=debug\n"));
	HZ_CHECK(script && strstr(script, "#SBATCH --output=/results/sweep/slurm/%x-shard-%a.out\n"));
	HZ_CHECK_EQ_INT(hz_fs_write_atomic(path, script, strlen(script)), 0);
	{
		char *argv[] = { "bash", "-n", path, NULL };
		out = run(argv, NULL);
		HZ_CHECK(out != NULL);
		free(out);
	}
	{
		char *argv[] = { "bash", path, NULL };
		char *envp[] = { "SLURM_ARRAY_TASK_ID=2", "PATH=/usr/bin:/bin", NULL };
		out = run(argv, envp);
		HZ_CHECK_EQ_STR(out, "<run>\n<--agent>\n<sim,h50=30,alias=Sim 'A'>\n<--tasks>\n<fixture/*>\n<--jobs>\n<2>\n"
				     "<--shard>\n<3/4>\n<--out>\n</results/sweep/shard-3>\n");
		free(out);
	}
	{
		char *argv[] = { "bash", path, NULL };
		char *envp[] = { "SLURM_ARRAY_TASK_ID=4", "PATH=/usr/bin:/bin", NULL };
		out = run(argv, envp);
		HZ_CHECK(out == NULL); /* shard 5 of 4 is refused */
		free(out);
	}
	HZ_CHECK_EQ_INT(hz_slurm_merge_script(&s, &merge), 0);
	HZ_CHECK(merge && strstr(merge, "merge /results/sweep/merged /results/sweep\n"));
	HZ_CHECK(merge && strstr(merge, "#SBATCH --job-name=horizon-merge\n"));
	free(script);
	script = NULL;
	/* Values for #SBATCH lines are checked; paths for the shell are quoted. */
	s.out_dir = out_dir;
	HZ_CHECK_EQ_INT(hz_slurm_array_script(&s, &script), HZ_EUSAGE);
	HZ_CHECK(strstr(hz_error_message(), "cannot go into an #SBATCH line") != NULL);
	s.log_dir = tmpdir;
	HZ_CHECK_EQ_INT(hz_slurm_array_script(&s, &script), 0);
	HZ_CHECK(script && strstr(script, "OUT='") != NULL);
	free(script);
	{
		const char *bad[] = { "--out", "x" };
		s.run_args = bad;
		s.nrun_args = 2;
		HZ_CHECK_EQ_INT(hz_slurm_array_script(&s, &script), HZ_EUSAGE);
	}
	free(merge);
	free(fake);
	free(path);
	free(out_dir);
}

/* The scalar at a dotted path of mapping keys, or NULL. */
static yaml_node_t *yget(yaml_document_t *d, yaml_node_t *n, const char *path)
{
	char key[64];
	const char *dot;
	size_t len;

	while (n && *path) {
		yaml_node_pair_t *p;
		yaml_node_t *next = NULL;
		dot = strchr(path, '.');
		len = dot ? (size_t)(dot - path) : strlen(path);
		snprintf(key, sizeof(key), "%.*s", (int)len, path);
		if (n->type != YAML_MAPPING_NODE)
			return NULL;
		for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(d, p->key);
			if (k->type == YAML_SCALAR_NODE && !strcmp((char *)k->data.scalar.value, key))
				next = yaml_document_get_node(d, p->value);
		}
		n = next;
		path += len + (dot ? 1 : 0);
	}
	return n;
}

static const char *yscalar(yaml_document_t *d, const char *path)
{
	yaml_node_t *n = yget(d, yaml_document_get_root_node(d), path);
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static void test_k8s_manifest(void)
{
	hz_batch_spec s = HZ_BATCH_SPEC_INIT;
	char *fake = argv_printer(), *m = NULL, *out;
	yaml_parser_t p;
	yaml_document_t d;
	yaml_node_t *containers, *c0, *cmd;

	fill_spec(&s, fake, "/results/sweep");
	s.image = "registry.example/horizon:0.1";
	s.k8s_namespace = "evals";
	HZ_CHECK_EQ_INT(hz_k8s_manifest(&s, &m), 0);
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)m, strlen(m));
	HZ_CHECK(yaml_parser_load(&p, &d));
	HZ_CHECK_EQ_STR(yscalar(&d, "apiVersion"), "batch/v1");
	HZ_CHECK_EQ_STR(yscalar(&d, "kind"), "Job");
	HZ_CHECK_EQ_STR(yscalar(&d, "metadata.namespace"), "evals");
	HZ_CHECK_EQ_STR(yscalar(&d, "spec.completionMode"), "Indexed");
	HZ_CHECK_EQ_STR(yscalar(&d, "spec.completions"), "4");
	HZ_CHECK_EQ_STR(yscalar(&d, "spec.parallelism"), "4");
	HZ_CHECK_EQ_STR(yscalar(&d, "spec.template.spec.restartPolicy"), "Never");
	HZ_CHECK_EQ_STR(yscalar(&d, "spec.template.spec.activeDeadlineSeconds"), "3723");
	containers = yget(&d, yaml_document_get_root_node(&d), "spec.template.spec.containers");
	HZ_CHECK(containers && containers->type == YAML_SEQUENCE_NODE);
	if (containers && containers->type == YAML_SEQUENCE_NODE) {
		c0 = yaml_document_get_node(&d, *containers->data.sequence.items.start);
		HZ_CHECK_EQ_STR((char *)yget(&d, c0, "image")->data.scalar.value, "registry.example/horizon:0.1");
		cmd = yget(&d, c0, "command");
		HZ_CHECK(cmd && cmd->type == YAML_SEQUENCE_NODE &&
			 cmd->data.sequence.items.top - cmd->data.sequence.items.start == 3);
		if (cmd && cmd->type == YAML_SEQUENCE_NODE && cmd->data.sequence.items.top - cmd->data.sequence.items.start == 3) {
			/* Run the pod's command as the pod would, as completion index 0. */
			char *script = (char *)yaml_document_get_node(&d, cmd->data.sequence.items.start[2])->data.scalar.value;
			char *argv[] = { "sh", "-c", script, NULL };
			char *envp[] = { "JOB_COMPLETION_INDEX=0", "PATH=/usr/bin:/bin", NULL };
			out = run(argv, envp);
			HZ_CHECK_EQ_STR(out, "<run>\n<--agent>\n<sim,h50=30,alias=Sim 'A'>\n<--tasks>\n<fixture/*>\n<--jobs>\n"
					     "<2>\n<--shard>\n<1/4>\n<--out>\n</results/sweep/shard-1>\n");
			free(out);
		}
		cmd = yget(&d, c0, "volumeMounts");
		HZ_CHECK(cmd && cmd->type == YAML_SEQUENCE_NODE);
		if (cmd && cmd->type == YAML_SEQUENCE_NODE) {
			yaml_node_t *vm = yaml_document_get_node(&d, *cmd->data.sequence.items.start);
			HZ_CHECK_EQ_STR((char *)yget(&d, vm, "mountPath")->data.scalar.value, "/results");
		}
	}
	yaml_document_delete(&d);
	yaml_parser_delete(&p);
	free(m);
	/* The output must lie on the volume; names must be DNS labels. */
	s.out_dir = "/elsewhere/sweep";
	HZ_CHECK_EQ_INT(hz_k8s_manifest(&s, &m), HZ_EUSAGE);
	s.out_dir = "/results/sweep";
	s.job_name = "Horizon Sweep";
	HZ_CHECK_EQ_INT(hz_k8s_manifest(&s, &m), HZ_EUSAGE);
	free(fake);
}

static void setup(void)
{
	HZ_CHECK(mkdtemp(tmpdir) != NULL);
}

static void teardown(void)
{
	HZ_CHECK_EQ_INT(hz_fs_remove_tree(tmpdir), 0);
}

HZ_TEST_MAIN(HZ_TEST(setup), HZ_TEST(test_sh_quote), HZ_TEST(test_yaml_quote), HZ_TEST(test_time_limits),
	     HZ_TEST(test_slurm_scripts), HZ_TEST(test_k8s_manifest), HZ_TEST(teardown))
