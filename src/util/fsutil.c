/* File-system helpers; see fsutil.h. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "fsutil.h"
#include "horizon/error.h"

int hz_fs_read(const char *path, size_t max, char **out, size_t *len)
{
	hz_buf buf = HZ_BUF_INIT;
	char chunk[65536];
	ssize_t n;
	int fd, rc = 0;

	*out = NULL;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return hz_error_set(HZ_ENOTFOUND, "'%s' does not exist", path);
		return hz_error_set_errno("cannot open '%s'", path);
	}
	hz_buf_init(&buf, max);
	if ((rc = hz_buf_grow(&buf, 0)) != 0)
		goto done;
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rc = hz_error_set_errno("cannot read '%s'", path);
			goto done;
		}
		if ((rc = hz_buf_put(&buf, chunk, (size_t)n)) != 0) {
			if (rc == HZ_ELIMIT)
				hz_error_set(rc, "'%s' is larger than %zu bytes", path, max);
			goto done;
		}
	}
	if (len)
		*len = buf.len;
	*out = hz_buf_detach(&buf);
done:
	close(fd);
	hz_buf_release(&buf);
	return rc;
}

static int write_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len) {
		ssize_t n = write(fd, p, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int hz_fs_write_atomic(const char *path, const void *data, size_t len)
{
	char tmp[PATH_MAX];
	int fd = -1, rc = 0;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp.%ld", path, (long)getpid()) >= (int)sizeof(tmp))
		return hz_error_set(HZ_ELIMIT, "path too long: '%s'", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return hz_error_set_errno("cannot create '%s'", tmp);
	if (write_all(fd, data, len) < 0 || fsync(fd) < 0) {
		rc = hz_error_set_errno("cannot write '%s'", tmp);
		goto done;
	}
	if (close(fd) < 0) {
		fd = -1;
		rc = hz_error_set_errno("cannot write '%s'", tmp);
		goto done;
	}
	fd = -1;
	if (rename(tmp, path) < 0)
		rc = hz_error_set_errno("cannot rename '%s' to '%s'", tmp, path);
done:
	if (fd >= 0)
		close(fd);
	if (rc)
		unlink(tmp);
	return rc;
}

int hz_fs_mkdir_p(const char *path, mode_t mode)
{
	char tmp[PATH_MAX];
	size_t len = strlen(path);
	char *p;

	if (len == 0 || len >= sizeof(tmp))
		return hz_error_set(HZ_EUSAGE, "bad directory path '%s'", path);
	memcpy(tmp, path, len + 1);
	for (p = tmp + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(tmp, mode) < 0 && errno != EEXIST)
			return hz_error_set_errno("cannot create directory '%s'", tmp);
		*p = '/';
	}
	if (mkdir(tmp, mode) < 0 && errno != EEXIST)
		return hz_error_set_errno("cannot create directory '%s'", tmp);
	if (!hz_fs_is_dir(tmp))
		return hz_error_set(HZ_EEXISTS, "'%s' exists and is not a directory", tmp);
	return 0;
}

int hz_fs_remove_tree(const char *path)
{
	struct stat st;
	DIR *dir;
	struct dirent *de;
	int rc = 0;

	if (lstat(path, &st) < 0)
		return errno == ENOENT ? 0 : hz_error_set_errno("cannot stat '%s'", path);
	if (!S_ISDIR(st.st_mode)) {
		if (unlink(path) < 0 && errno != ENOENT)
			return hz_error_set_errno("cannot remove '%s'", path);
		return 0;
	}
	/* The sandbox may have left read-only directories behind. */
	chmod(path, 0700);
	if (!(dir = opendir(path)))
		return hz_error_set_errno("cannot open directory '%s'", path);
	while ((de = readdir(dir)) != NULL) {
		char *child;
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (!(child = hz_path_join(path, de->d_name))) {
			rc = hz_error_set(HZ_ENOMEM, "out of memory");
			break;
		}
		rc = hz_fs_remove_tree(child);
		free(child);
		if (rc)
			break;
	}
	closedir(dir);
	if (!rc && rmdir(path) < 0 && errno != ENOENT)
		rc = hz_error_set_errno("cannot remove directory '%s'", path);
	return rc;
}

static int copy_file(const char *src, const char *dst, mode_t mode)
{
	char chunk[65536];
	int in = -1, out = -1, rc = 0;
	ssize_t n;

	if ((in = open(src, O_RDONLY | O_CLOEXEC)) < 0)
		return hz_error_set_errno("cannot open '%s'", src);
	if ((out = open(dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode & 07777)) < 0) {
		rc = hz_error_set_errno("cannot create '%s'", dst);
		goto done;
	}
	while ((n = read(in, chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rc = hz_error_set_errno("cannot read '%s'", src);
			goto done;
		}
		if (write_all(out, chunk, (size_t)n) < 0) {
			rc = hz_error_set_errno("cannot write '%s'", dst);
			goto done;
		}
	}
	fchmod(out, mode & 07777);
done:
	if (in >= 0)
		close(in);
	if (out >= 0)
		close(out);
	return rc;
}

int hz_fs_copy_tree(const char *src, const char *dst)
{
	struct stat st;
	DIR *dir = NULL;
	struct dirent *de;
	int rc = 0;

	if (lstat(src, &st) < 0)
		return hz_error_set_errno("cannot stat '%s'", src);
	if (S_ISLNK(st.st_mode)) {
		char target[PATH_MAX];
		ssize_t n = readlink(src, target, sizeof(target) - 1);
		if (n < 0)
			return hz_error_set_errno("cannot read link '%s'", src);
		target[n] = '\0';
		if (symlink(target, dst) < 0)
			return hz_error_set_errno("cannot create link '%s'", dst);
		return 0;
	}
	if (S_ISREG(st.st_mode))
		return copy_file(src, dst, st.st_mode);
	if (!S_ISDIR(st.st_mode))
		return 0;
	if (mkdir(dst, st.st_mode & 07777) < 0 && errno != EEXIST)
		return hz_error_set_errno("cannot create directory '%s'", dst);
	if (!(dir = opendir(src)))
		return hz_error_set_errno("cannot open directory '%s'", src);
	while ((de = readdir(dir)) != NULL) {
		char *s, *d;
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		s = hz_path_join(src, de->d_name);
		d = hz_path_join(dst, de->d_name);
		rc = (s && d) ? hz_fs_copy_tree(s, d) : hz_error_set(HZ_ENOMEM, "out of memory");
		free(s);
		free(d);
		if (rc)
			break;
	}
	closedir(dir);
	return rc;
}

int hz_fs_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int hz_fs_is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int hz_fs_lexists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

int hz_fs_check_regular(const char *path)
{
	struct stat st;
	const char *what;

	if (stat(path, &st) != 0) {
		if (errno == ENOENT && !hz_fs_lexists(path))
			return hz_error_set(HZ_ENOTFOUND, "'%s' does not exist", path);
		if (errno == ENOENT)
			return hz_error_set(HZ_EIO, "'%s' is a symlink to nothing", path);
		return hz_error_set_errno("cannot look at '%s'", path);
	}
	if (S_ISREG(st.st_mode))
		return 0;
	what = S_ISDIR(st.st_mode) ? "a directory" : S_ISFIFO(st.st_mode) ? "a FIFO" : S_ISSOCK(st.st_mode) ? "a socket"
	       : "a device";
	return hz_error_set(HZ_EINVALID, "'%s' is %s, not a regular file", path, what);
}

int hz_fs_dirset_add(hz_fs_dirset *set, const char *dir)
{
	struct stat st;

	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return 1;
	for (size_t i = 0; i < set->n; i++)
		if (set->v[i].dev == st.st_dev && set->v[i].ino == st.st_ino)
			return 1;
	if (set->n == set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 32;
		struct hz_fs_dirid *v = realloc(set->v, cap * sizeof(*v));
		if (!v)
			return hz_error_set(HZ_ENOMEM, "out of memory");
		set->v = v;
		set->cap = cap;
	}
	set->v[set->n].dev = st.st_dev;
	set->v[set->n++].ino = st.st_ino;
	return 0;
}

void hz_fs_dirset_release(hz_fs_dirset *set)
{
	free(set->v);
	memset(set, 0, sizeof(*set));
}

char *hz_path_join(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *p;

	while (la > 1 && a[la - 1] == '/')
		la--;
	if (!(p = malloc(la + lb + 2)))
		return NULL;
	memcpy(p, a, la);
	p[la] = '/';
	memcpy(p + la + 1, b, lb + 1);
	return p;
}
