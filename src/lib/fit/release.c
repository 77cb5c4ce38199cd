/*
 * Release dates: a YAML or JSON file mapping agent alias -> YYYY-MM-DD, either
 * under a top-level `date:` key (METR's release_dates.yaml) or flat.
 */
#include <stdlib.h>
#include <string.h>

#include "fit_release.h"
#include "fit_strtab.h"
#include "fit_yaml.h"
#include "horizon/error.h"
#include "strutil.h"

int fit_release_dates_load(fit_release_dates *rd, const char *path)
{
	fit_ydoc *doc = NULL;
	const fit_ynode *root, *map;
	size_t n;
	int err;

	memset(rd, 0, sizeof(*rd));
	if ((err = fit_ydoc_load(&doc, path)) < 0)
		return err;
	root = fit_ydoc_root(doc);
	if (!fit_ynode_is_map(root)) {
		err = hz_error_set(HZ_EINVALID, "%s:%ld: release dates must be a mapping of agent alias to YYYY-MM-DD",
				   path, fit_ynode_line(root));
		goto done;
	}
	map = fit_ynode_get(doc, root, "date");
	if (map && !fit_ynode_is_map(map)) {
		err = hz_error_set(HZ_EINVALID, "%s:%ld: 'date' must be a mapping of agent alias to YYYY-MM-DD", path,
				   fit_ynode_line(map));
		goto done;
	}
	if (!map)
		map = root;
	n = fit_ynode_map_size(doc, map);
	rd->days = calloc(n + 1, sizeof(*rd->days));
	rd->line = calloc(n + 1, sizeof(*rd->line));
	if (!rd->days || !rd->line) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		const fit_ynode *k, *v;
		const char *alias, *date;
		uint32_t id;
		long days;
		int added;
		fit_ynode_map_pair(doc, map, i, &k, &v);
		alias = fit_ynode_str(k);
		date = fit_ynode_str(v);
		if (!alias || !*alias) {
			err = hz_error_set(HZ_EINVALID, "%s:%ld: an agent alias must be a string", path, fit_ynode_line(k));
			goto done;
		}
		if (!date || hz_parse_date(date, &days) < 0) {
			err = hz_error_set(HZ_EINVALID, "%s:%ld: '%s' must be a date YYYY-MM-DD", path, fit_ynode_line(v),
					   alias);
			goto done;
		}
		if ((err = fit_strtab_intern(&rd->names, alias, strlen(alias), &id, &added)) < 0)
			goto done;
		if (!added) {
			err = hz_error_set(HZ_EINVALID, "%s:%ld: '%s' is given twice", path, fit_ynode_line(k), alias);
			goto done;
		}
		rd->days[id] = days;
		rd->line[id] = fit_ynode_line(v);
	}
done:
	fit_ydoc_free(doc);
	if (err < 0)
		fit_release_dates_release(rd);
	return err;
}

void fit_release_dates_release(fit_release_dates *rd)
{
	fit_strtab_release(&rd->names);
	free(rd->days);
	free(rd->line);
	memset(rd, 0, sizeof(*rd));
}
