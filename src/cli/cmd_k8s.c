/* horizon k8s: a sharded sweep as a Kubernetes Indexed Job manifest (docs/scale.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_cli.h"
#include "cli.h"
#include "fsutil.h"
#include "horizon/batch.h"
#include "horizon/error.h"
#include "strutil.h"

static const char usage_text[] =
	"usage: horizon k8s --shards N [k8s options] --agent SPEC [run options]\n"
	"\n"
	"Write a Kubernetes manifest that runs a sweep as N shards: a batch/v1 Job with\n"
	"completionMode: Indexed and completions = parallelism = N, whose pod with completion\n"
	"index I runs 'horizon run ... --shard I+1/N --out OUT/shard-(I+1)' into a\n"
	"PersistentVolumeClaim mounted in every pod.  Apply it with kubectl; when the Job is\n"
	"complete, join the shards with 'horizon merge OUT/merged OUT' wherever the volume is\n"
	"mounted.  horizon runs nothing on the cluster itself.\n"
	"\n"
	"k8s options:\n"
	"      --shards N          number of shards (completions), required\n"
	"      --parallelism P     pods at once (default N)\n"
	"      --image IMAGE       container image with horizon and the catalogue (default horizon:latest)\n"
	"      --pvc CLAIM         PersistentVolumeClaim for the results (default horizon-results)\n"
	"      --mount PATH        where the claim is mounted in the pod (default /results)\n"
	"      --name NAME         the Job's name (default horizon)\n"
	"      --namespace NS      the Job's namespace (default: kubectl's)\n"
	"      --time-limit T      each pod's activeDeadlineSeconds: MINUTES, HH:MM:SS or\n"
	"                          D-HH:MM:SS (default: derived from the tasks, as horizon slurm does)\n"
	"      --merge-out DIR     shown in the manifest's merge hint (default OUT/merged)\n"
	"      --horizon PATH      the horizon binary in the image (default horizon, from PATH)\n"
	"      --manifest FILE     write the manifest to FILE (default: stdout)\n"
	"  -h, --help              this help\n"
	"\n"
	"Run options: every option of 'horizon run', checked as run checks them and passed on\n"
	"to each pod unchanged, except --shard (from the completion index) and --dry-run\n"
	"(refused).  --out is the path inside the pod: a relative OUT lies under the mount\n"
	"(default MOUNT/results/run); an absolute one must.  --tasks-dir is read here too,\n"
	"when it exists, to derive the time limit; otherwise give --time-limit.\n"
	"\n"
	"Exit status: 0 written, 1 failure, 2 usage error.  See docs/scale.md.\n"
	"\n"
	"Example:\n"
	"  horizon k8s --shards 16 --image registry.example/horizon:0.1 --agent sim,h50=30 \\\n"
	"      --repeats 4 --out sweep1 --manifest sweep1.yaml && kubectl apply -f sweep1.yaml\n";

enum { O_SHARDS = 1000, O_PAR, O_IMAGE, O_PVC, O_MOUNT, O_NAME, O_NS, O_TIME, O_MERGE_OUT, O_HORIZON, O_MANIFEST };

typedef struct k8s_args {
	long shards, parallelism;
	const char *image, *pvc, *mount, *name, *ns, *time_limit, *merge_out, *horizon, *manifest;
} k8s_args;

static int on_option(int val, const char *arg, void *ctx)
{
	k8s_args *a = ctx;

	switch (val) {
	case O_SHARDS:
	case O_PAR: {
		long *v = val == O_SHARDS ? &a->shards : &a->parallelism;
		if (hz_parse_long(arg, v) || *v < 1 || *v > 100000)
			return hz_cli_usage("k8s", "--%s must be a whole number from 1 to 100000, not '%s'",
					    val == O_SHARDS ? "shards" : "parallelism", arg);
		break;
	}
	case O_IMAGE: a->image = arg; break;
	case O_PVC: a->pvc = arg; break;
	case O_MOUNT: a->mount = arg; break;
	case O_NAME: a->name = arg; break;
	case O_NS: a->ns = arg; break;
	case O_TIME: a->time_limit = arg; break;
	case O_MERGE_OUT: a->merge_out = arg; break;
	case O_HORIZON: a->horizon = arg; break;
	case O_MANIFEST: a->manifest = arg; break;
	}
	return HZ_EXIT_OK;
}

int cmd_k8s(int argc, char **argv)
{
	static const struct option own[] = {
		{ "shards", required_argument, NULL, O_SHARDS },
		{ "parallelism", required_argument, NULL, O_PAR },
		{ "image", required_argument, NULL, O_IMAGE },
		{ "pvc", required_argument, NULL, O_PVC },
		{ "mount", required_argument, NULL, O_MOUNT },
		{ "name", required_argument, NULL, O_NAME },
		{ "namespace", required_argument, NULL, O_NS },
		{ "time-limit", required_argument, NULL, O_TIME },
		{ "merge-out", required_argument, NULL, O_MERGE_OUT },
		{ "horizon", required_argument, NULL, O_HORIZON },
		{ "manifest", required_argument, NULL, O_MANIFEST },
		{ NULL, 0, NULL, 0 },
	};
	k8s_args a = { 0 };
	hz_run_cli_extra extra = { own, on_option, &a };
	hz_run_cli cli;
	hz_batch_spec spec = HZ_BATCH_SPEC_INIT;
	char *out = NULL, *merge_out = NULL, *text = NULL;
	size_t runs = 0;
	long seconds = 0;
	int rc;

	rc = hz_run_cli_parse(&cli, "k8s", argc, argv, &extra);
	if (rc != HZ_EXIT_OK || cli.help) {
		if (cli.help)
			fputs(usage_text, stdout);
		goto done;
	}
	if (!a.shards) {
		rc = hz_cli_usage("k8s", "--shards N is required");
		goto done;
	}
	if ((rc = hz_batch_cli_check("k8s", &cli)) != HZ_EXIT_OK)
		goto done;
	if (a.time_limit) {
		if (hz_slurm_parse_time(a.time_limit, &seconds) != 0) {
			rc = hz_cli_usage("k8s", "--time-limit: %s", hz_error_message());
			goto done;
		}
	} else if ((rc = hz_batch_cli_plan("k8s", &cli, (int)a.shards, &runs, &seconds)) != HZ_EXIT_OK) {
		goto done;
	}
	if (!a.mount)
		a.mount = "/results";
	out = cli.opts.out_dir[0] == '/' ? strdup(cli.opts.out_dir) : hz_path_join(a.mount, cli.opts.out_dir);
	if (!out || (a.merge_out && !(merge_out = a.merge_out[0] == '/' ? strdup(a.merge_out)
								  : hz_path_join(a.mount, a.merge_out)))) {
		rc = hz_cli_error("k8s", "out of memory");
		goto done;
	}
	spec.horizon = a.horizon ? a.horizon : "horizon";
	spec.run_args = cli.words;
	spec.nrun_args = cli.nwords;
	spec.out_dir = out;
	spec.merge_out = merge_out;
	spec.shards = (int)a.shards;
	spec.parallelism = (int)(a.parallelism ? a.parallelism : a.shards);
	spec.cpus = cli.opts.jobs;
	spec.shard_seconds = seconds;
	spec.job_name = a.name;
	spec.image = a.image;
	spec.pvc = a.pvc;
	spec.mount = a.mount;
	spec.k8s_namespace = a.ns;
	if (hz_k8s_manifest(&spec, &text) != 0) {
		rc = hz_error_code() == HZ_EUSAGE ? hz_cli_usage("k8s", "%s", hz_error_message()) : hz_cli_lib_error("k8s");
		goto done;
	}
	if (a.manifest && strcmp(a.manifest, "-")) {
		if (hz_fs_write_atomic(a.manifest, text, strlen(text)) != 0) {
			rc = hz_cli_lib_error("k8s");
			goto done;
		}
		fprintf(stderr, "horizon k8s: wrote %s: Indexed Job of %ld shards", a.manifest, a.shards);
		if (runs)
			fprintf(stderr, " (%zu runs in all)", runs);
		fprintf(stderr, "; kubectl apply -f %s\n", a.manifest);
	} else {
		fputs(text, stdout);
	}
	rc = HZ_EXIT_OK;
done:
	free(out);
	free(merge_out);
	free(text);
	hz_run_cli_release(&cli);
	return rc;
}
