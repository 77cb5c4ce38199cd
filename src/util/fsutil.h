/* File-system helpers: bounded reads, recursive mkdir, atomic replace, path joins. */
#ifndef HZ_UTIL_FSUTIL_H
#define HZ_UTIL_FSUTIL_H

#include <stddef.h>
#include <sys/types.h>

/*
 * Read a whole file into a NUL-terminated heap string (*out, owned by the
 * caller).  Fails with HZ_ELIMIT when the file is larger than `max` bytes,
 * HZ_ENOTFOUND when it does not exist.  `len` may be NULL.
 */
int hz_fs_read(const char *path, size_t max, char **out, size_t *len);

/* Write `len` bytes to `path` through a temporary file, fsync and rename. */
int hz_fs_write_atomic(const char *path, const void *data, size_t len);

/* mkdir -p; existing directories are fine. */
int hz_fs_mkdir_p(const char *path, mode_t mode);

/* rm -rf; a missing path is fine.  Never follows symlinks. */
int hz_fs_remove_tree(const char *path);

/* Copy a directory tree (regular files, directories, symlinks), keeping modes. */
int hz_fs_copy_tree(const char *src, const char *dst);

int hz_fs_is_dir(const char *path);
int hz_fs_is_file(const char *path);

/* Whether anything is at path, a dangling or looping symlink included (lstat). */
int hz_fs_lexists(const char *path);

/*
 * 0 when path is (or links to) a regular file.  Otherwise an error naming
 * it and what it is: HZ_ENOTFOUND when nothing is there, HZ_EINVALID for a
 * directory, device, FIFO or socket, HZ_EIO with the system's reason (a
 * symlink loop, say).  Check before reading a file a user named, so that a
 * FIFO cannot block and /dev/zero is not read.
 */
int hz_fs_check_regular(const char *path);

/* The directories (device, inode) a walk has entered: symlink loops end. */
typedef struct hz_fs_dirset {
	struct hz_fs_dirid { dev_t dev; ino_t ino; } *v;
	size_t n, cap;
} hz_fs_dirset;

#define HZ_FS_DIRSET_INIT { NULL, 0, 0 }

/* 0 when dir is new (now in the set), 1 when it was seen or cannot be entered, HZ_ENOMEM. */
int hz_fs_dirset_add(hz_fs_dirset *set, const char *dir);
void hz_fs_dirset_release(hz_fs_dirset *set);

/* Join two path parts into a new heap string ("a" + "b" -> "a/b"); NULL on ENOMEM. */
char *hz_path_join(const char *a, const char *b);

/* Write a hex SHA-256 of a byte string into out[65]. */
void hz_sha256_hex(const void *data, size_t len, char out[65]);

#endif
