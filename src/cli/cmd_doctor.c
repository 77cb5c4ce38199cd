/* horizon doctor: what isolation this machine's sandbox gives, and what to do about what is missing. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "horizon/error.h"
#include "horizon/sandbox.h"
#include "strutil.h"

static const char usage_text[] =
	"usage: horizon doctor [--sandbox-uid UID] [--json]\n"
	"\n"
	"Probe the sandbox that 'horizon run' uses and print the isolation this machine\n"
	"gives: bubblewrap, user/PID/network namespaces, what a sandboxed process sees\n"
	"(network interfaces, its uid on the host, /etc/shadow, rlimits), cgroup v1 pids\n"
	"and memory limits, and the start-up cost of one sandboxed command.  For anything\n"
	"missing it says what to do.\n"
	"\n"
	"Options:\n"
	"      --sandbox-uid UID   host uid of sandboxed processes when run as root (default 65534)\n"
	"      --json              print the findings as JSON\n"
	"  -h, --help              this help\n"
	"\n"
	"Exit status: 0 when 'horizon run --sandbox bwrap' works here, 1 when it does not\n"
	"(then runs need --sandbox none, i.e. no isolation), 2 for usage errors.\n";

static void line(const char *what, int good, const char *text, const char *fix)
{
	printf("  %-15s %-4s %s\n", what, good ? "ok" : "--", text);
	if (!good && fix)
		printf("  %-15s      fix: %s\n", "", fix);
}

static void print_report(const hz_sandbox_report *r)
{
	char text[700];

	printf("horizon doctor: the isolation of 'horizon run --sandbox bwrap' on this machine\n\n");
	snprintf(text, sizeof(text), "%s%s%s%s", r->bwrap_path[0] ? r->bwrap_path : "not found",
		 r->bwrap_version[0] ? " (" : "", r->bwrap_version, r->bwrap_version[0] ? ")" : "");
	line("bubblewrap", r->bwrap_path[0] != 0, text, "apt-get install bubblewrap (or scripts/setup.sh)");
	if (r->bwrap_path[0]) {
		snprintf(text, sizeof(text), "%s",
			 r->userns ? "a sandbox starts with its own user, PID, IPC, UTS and network namespaces"
				   : r->userns_error);
		line("namespaces", r->userns, text,
		     "allow unprivileged user namespaces: sysctl -w kernel.unprivileged_userns_clone=1 "
		     "(Debian), sysctl -w user.max_user_namespaces=15000, or on Ubuntu 24.04 "
		     "sysctl -w kernel.apparmor_restrict_unprivileged_userns=0; in a container, start it "
		     "with --security-opt seccomp=unconfined --security-opt apparmor=unconfined");
	}
	if (r->userns) {
		line("network", r->net_isolated, r->net_isolated ? "only a loopback interface inside: no network"
							       : "interfaces other than loopback are visible inside", NULL);
		snprintf(text, sizeof(text), r->uid_dropped ? "sandboxed processes run as uid %ld on the host, not root"
							   : "sandboxed processes run as uid %ld on the host",
			 r->uid);
		line("uid", r->uid_dropped || !r->is_root, text, "run horizon as root so that it can switch to --sandbox-uid");
		line("/etc", r->etc_private, r->etc_private ? "synthesised: the host's /etc/shadow is not reachable"
							    : "the host's /etc/shadow is readable inside", NULL);
		line("rlimits", r->rlimits,
		     r->rlimits ? (r->uid_dropped && r->is_root ? "address space, CPU, file size, open files, processes"
						  : "address space, CPU, file size, open files (processes: cgroup only)")
				: "rlimits are not seen inside", NULL);
	}
	line("cgroup pids", r->cgroup_pids,
	     r->cgroup_pids ? "/sys/fs/cgroup/pids: a process limit per command (stops fork bombs)" : r->cgroup_note,
	     r->is_root ? "mount the v1 pids controller at /sys/fs/cgroup/pids" : "run horizon as root");
	line("cgroup memory", r->cgroup_memory,
	     r->cgroup_memory ? "/sys/fs/cgroup/memory: a memory limit per command" : r->cgroup_note,
	     r->is_root ? "mount the v1 memory controller at /sys/fs/cgroup/memory" : "run horizon as root");
	if (r->userns) {
		snprintf(text, sizeof(text), "%.1f ms per sandboxed command", r->start_ms);
		line("start-up", 1, text, NULL);
	}
	printf("\n");
	if (!r->userns)
		printf("verdict: no working sandbox: 'horizon run' refuses to start unless given --sandbox none\n"
		       "         (no isolation at all; only for agents you trust).\n");
	else if (r->net_isolated && r->etc_private && r->rlimits && (r->uid_dropped || !r->is_root) && r->cgroup_pids &&
		 r->cgroup_memory)
		printf("verdict: full isolation; every run record says so in its 'isolation' field.\n");
	else
		printf("verdict: the sandbox works, with the gaps marked '--' above; every run record lists\n"
		       "         what it really got in its 'isolation' field.\n");
}

static void print_json(const hz_sandbox_report *r)
{
	json_t *o = json_pack("{s:s?,s:s?,s:b,s:I,s:b,s:s?,s:b,s:b,s:b,s:b,s:b,s:b,s:f}", "bwrap",
			      r->bwrap_path[0] ? r->bwrap_path : NULL, "bwrap_version",
			      r->bwrap_version[0] ? r->bwrap_version : NULL, "root", r->is_root, "uid", (json_int_t)r->uid,
			      "sandbox_works", r->userns, "error", r->userns_error[0] ? r->userns_error : NULL,
			      "net_isolated", r->net_isolated, "uid_dropped", r->uid_dropped, "etc_private",
			      r->etc_private, "rlimits", r->rlimits, "cgroup_pids", r->cgroup_pids, "cgroup_memory",
			      r->cgroup_memory, "start_ms", r->start_ms);

	json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', stdout);
	json_decref(o);
}

int cmd_doctor(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "sandbox-uid", required_argument, NULL, 'u' },
		{ "json", no_argument, NULL, 'J' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	hz_sandbox_report rep;
	long uid = -1;
	int json = 0, c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		switch (c) {
		case 'u':
			if (hz_parse_long(optarg, &uid) || uid <= 0)
				return hz_cli_usage("doctor", "--sandbox-uid must be a uid other than 0, not '%s'", optarg);
			break;
		case 'J': json = 1; break;
		case 'h': fputs(usage_text, stdout); return HZ_EXIT_OK;
		default: return hz_cli_usage("doctor", "unknown or incomplete option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return hz_cli_usage("doctor", "unexpected argument '%s'", argv[optind]);
	if (hz_sandbox_probe(&rep, uid, NULL) != 0)
		return hz_cli_lib_error("doctor");
	if (json)
		print_json(&rep);
	else
		print_report(&rep);
	return rep.userns ? HZ_EXIT_OK : HZ_EXIT_FAIL;
}
