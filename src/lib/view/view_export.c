/*
 * horizon view --export: the page and every data key as static files.  Each
 * key K becomes data/K.js holding `HZ.put("K", JSON);`, which the page loads
 * with a <script> element, so the copy works from file:// (where fetch() is
 * refused) and from any static web server alike.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "view_internal.h"

static int write_file(const char *dir, const char *name, const void *data, size_t len)
{
	char *path = hz_path_join(dir, name), *slash;
	int rc;

	if (!path)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	slash = strrchr(path, '/');
	*slash = '\0';
	rc = hz_fs_mkdir_p(path, 0755);
	*slash = '/';
	if (!rc) { /* a fresh copy, not a record: no fsync per file (an export may have 100,000) */
		FILE *f = fopen(path, "wb");
		if (!f || fwrite(data, 1, len, f) != len)
			rc = hz_error_set_errno("cannot write '%s'", path);
		if (f && fclose(f) != 0 && !rc)
			rc = hz_error_set_errno("cannot write '%s'", path);
	}
	free(path);
	return rc;
}

/* index.html with data-mode="server" turned into "static". */
static int write_index(const char *dir, const view_asset *a)
{
	static const char from[] = "data-mode=\"server\"", to[] = "data-mode=\"static\"";
	hz_buf b = HZ_BUF_INIT;
	const char *at;
	int rc;

	if ((rc = hz_buf_put(&b, a->data, a->len)) != 0)
		goto done;
	if (!(at = strstr(b.ptr, from))) {
		rc = hz_error_set(HZ_ERROR, "the embedded index.html has no %s", from);
		goto done;
	}
	memcpy(b.ptr + (at - b.ptr), to, sizeof(to) - 1);
	rc = write_file(dir, "index.html", b.ptr, b.len);
done:
	hz_buf_release(&b);
	return rc;
}

int hz_view_export(hz_view *v, const char *out_dir, size_t *nfiles)
{
	char **keys = NULL, *json = NULL;
	size_t nkeys = 0, n = 0;
	hz_buf b = HZ_BUF_INIT;
	int rc;

	if ((rc = hz_fs_mkdir_p(out_dir, 0755)) != 0)
		goto done;
	for (size_t i = 0; i < view_nassets && !rc; i++) {
		const view_asset *a = &view_assets[i];
		rc = !strcmp(a->name, "index.html") ? write_index(out_dir, a) : write_file(out_dir, a->name, a->data, a->len);
		n++;
	}
	if (!rc)
		rc = view_keys(v, &keys, &nkeys);
	for (size_t i = 0; i < nkeys && !rc; i++) {
		hz_buf_clear(&b);
		if ((rc = hz_view_data(v, keys[i], &json)) != 0)
			break;
		rc = hz_buf_printf(&b, "HZ.put(\"%s\", ", keys[i]);
		if (!rc)
			rc = hz_buf_puts(&b, json);
		if (!rc)
			rc = hz_buf_puts(&b, ");\n");
		free(json);
		json = NULL;
		if (!rc) {
			char *name = NULL;
			hz_buf nb = HZ_BUF_INIT;
			rc = hz_buf_printf(&nb, "data/%s.js", keys[i]);
			name = hz_buf_detach(&nb);
			if (!rc)
				rc = write_file(out_dir, name, b.ptr, b.len);
			free(name);
			n++;
		}
	}
done:
	for (size_t i = 0; i < nkeys; i++)
		free(keys[i]);
	free(keys);
	hz_buf_release(&b);
	if (nfiles)
		*nfiles = n;
	return rc;
}
