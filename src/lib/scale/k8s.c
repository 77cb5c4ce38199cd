/*
 * Kubernetes: a batch/v1 Indexed Job whose completion index is the shard
 * number minus one; every pod runs one shard into a shared volume.
 */
#include <stdlib.h>
#include <string.h>

#include "batch_internal.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "quote.h"
#include "strutil.h"

/* Kubernetes object names: DNS labels, [a-z0-9-], at most 63 characters. */
static int dns_label(const char *what, const char *v)
{
	size_t n = strlen(v);

	if (n == 0 || n > 63 || v[0] == '-' || v[n - 1] == '-' || strspn(v, "abcdefghijklmnopqrstuvwxyz0123456789-") != n)
		return hz_error_set(HZ_EUSAGE, "%s '%s' is not a Kubernetes name: lower-case letters, digits and '-', "
				    "at most 63", what, v);
	return 0;
}

int hz_k8s_manifest(const hz_batch_spec *s, char **out)
{
	const char *name = s->job_name ? s->job_name : "horizon";
	const char *mount = s->mount ? s->mount : "/results";
	const char *pvc = s->pvc ? s->pvc : "horizon-results";
	hz_buf b = HZ_BUF_INIT, script = HZ_BUF_INIT;
	char *merged = NULL, now[21];
	int rc;

	*out = NULL;
	if ((rc = batch_check_spec(s)) || (rc = dns_label("the job name", name)) || (rc = dns_label("the claim", pvc)) ||
	    (s->k8s_namespace && (rc = dns_label("the namespace", s->k8s_namespace))))
		return rc;
	if (mount[0] != '/' || strncmp(s->out_dir, mount, strlen(mount)) ||
	    (s->out_dir[strlen(mount)] != '/' && s->out_dir[strlen(mount)] != '\0'))
		return hz_error_set(HZ_EUSAGE, "the output directory '%s' must lie inside the volume mounted at '%s'",
				    s->out_dir, mount);
	if (!(merged = batch_merge_out(s)))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if ((rc = batch_shard_lines(s, &script, "JOB_COMPLETION_INDEX", s->out_dir)) != 0)
		goto done;
	if (s->workdir) {
		hz_buf cd = HZ_BUF_INIT;
		hz_buf_puts(&cd, "cd -- ");
		hz_sh_quote(&cd, s->workdir);
		hz_buf_printf(&cd, "\n%s", hz_buf_cstr(&script));
		hz_buf_release(&script);
		script = cd;
	}
	hz_fmt_iso8601(hz_time_ms(), now);
	hz_buf_printf(&b,
		      "# horizon sweep in %d shards as a Kubernetes Indexed Job (written by horizon %s on %s).\n"
		      "# Pod with completion index I runs shard I+1 of %d into %s/shard-(I+1) on the claim '%s'.\n"
		      "#   kubectl apply -f THIS_FILE\n"
		      "#   kubectl wait --for=condition=complete job/%s --timeout=%lds\n"
		      "# then, wherever the volume is mounted:  horizon merge %s %s\n"
		      "# A failed pod is retried (backoffLimit); its shard resumes from its own runs.jsonl.\n"
		      "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: ",
		      s->shards, HZ_VERSION, now, s->shards, s->out_dir, pvc, name, s->shard_seconds * 2, merged, s->out_dir);
	hz_yaml_quote(&b, name);
	if (s->k8s_namespace) {
		hz_buf_puts(&b, "\n  namespace: ");
		hz_yaml_quote(&b, s->k8s_namespace);
	}
	hz_buf_printf(&b,
		      "\n  labels:\n    app.kubernetes.io/name: horizon\n"
		      "spec:\n  completionMode: Indexed\n  completions: %d\n  parallelism: %d\n  backoffLimit: %d\n"
		      "  template:\n    metadata:\n      labels:\n        app.kubernetes.io/name: horizon\n"
		      "    spec:\n      restartPolicy: Never\n      activeDeadlineSeconds: %ld\n"
		      "      containers:\n        - name: horizon\n          image: ",
		      s->shards, s->parallelism > 0 && s->parallelism < s->shards ? s->parallelism : s->shards,
		      2 * s->shards, s->shard_seconds);
	hz_yaml_quote(&b, s->image ? s->image : "horizon:latest");
	hz_buf_puts(&b, "\n          command:\n            - \"/bin/sh\"\n            - \"-c\"\n            - ");
	hz_yaml_quote(&b, hz_buf_cstr(&script));
	hz_buf_printf(&b,
		      "\n          resources:\n            requests:\n              cpu: \"%d\"\n"
		      "          volumeMounts:\n            - name: results\n              mountPath: ",
		      s->cpus);
	hz_yaml_quote(&b, mount);
	hz_buf_puts(&b, "\n      volumes:\n        - name: results\n          persistentVolumeClaim:\n            claimName: ");
	hz_yaml_quote(&b, pvc);
	if ((rc = hz_buf_putc(&b, '\n')) != 0)
		goto done;
	*out = hz_buf_detach(&b);
done:
	hz_buf_release(&b);
	hz_buf_release(&script);
	free(merged);
	return rc;
}
