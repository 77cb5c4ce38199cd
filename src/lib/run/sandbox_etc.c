/*
 * The sandbox's /etc.  Binding the host's /etc would show /etc/shadow (inside
 * a user namespace the host's root-owned files look owned by the sandbox
 * user), so the sandbox gets a small synthesised /etc: passwd and group
 * naming its user, hosts, hostname, nsswitch.conf, and the few host files
 * programs need (the dynamic loader's cache, alternatives, CA certificates,
 * time zone).  Everything is copied once per sweep, directories too (their
 * entries are mostly symlinks into /usr): a bind mount would cost every
 * command about half a millisecond, a copy costs the sweep a few once.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "sandbox_internal.h"

/* Host paths copied into the sandbox's /etc when they exist. */
static const char *const host_etc[] = {
	"/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/alternatives",
	"/etc/ssl/certs",   "/etc/ca-certificates", "/etc/localtime", "/etc/bash.bashrc",
	"/etc/profile",     "/etc/inputrc", "/etc/mime.types", NULL,
};

static const struct {
	const char *name;
	const char *text;
} etc_files[] = {
	{ "passwd", "root:x:0:0:root:/root:/bin/bash\n"
		    "agent:x:1000:1000:agent:/tmp:/bin/bash\n"
		    "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n" },
	{ "group", "root:x:0:\nagent:x:1000:\nnogroup:x:65534:\n" },
	{ "hostname", "sandbox\n" },
	{ "hosts", "127.0.0.1\tlocalhost sandbox\n::1\tlocalhost ip6-localhost ip6-loopback\n" },
	{ "nsswitch.conf", "passwd: files\ngroup: files\nshadow: files\nhosts: files\n" },
	{ "resolv.conf", "" },
};

/* Copy a host file or directory to the same place under dir. */
static int copy_host(const char *dir, const char *host)
{
	char *path = hz_path_join(dir, host + strlen("/etc/"));
	char *slash;
	int rc = 0;

	if (!path)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if ((slash = strrchr(path, '/')) != NULL) {
		*slash = '\0';
		rc = hz_fs_mkdir_p(path, 0755);
		*slash = '/';
	}
	if (!rc) {
		hz_fs_remove_tree(path);
		rc = hz_fs_copy_tree(host, path);
	}
	free(path);
	return rc;
}

int sandbox_write_etc(const char *dir)
{
	int rc;

	if ((rc = hz_fs_mkdir_p(dir, 0755)) != 0)
		return rc;
	chmod(dir, 0755);
	for (size_t i = 0; i < sizeof(etc_files) / sizeof(etc_files[0]); i++) {
		char *p = hz_path_join(dir, etc_files[i].name);
		if (!p)
			return hz_error_set(HZ_ENOMEM, "out of memory");
		rc = hz_fs_write_atomic(p, etc_files[i].text, strlen(etc_files[i].text));
		if (!rc)
			chmod(p, 0644);
		free(p);
		if (rc)
			return rc;
	}
	for (size_t i = 0; host_etc[i]; i++)
		if (access(host_etc[i], R_OK) == 0 && (rc = copy_host(dir, host_etc[i])) != 0)
			return rc;
	return 0;
}
