/*
 * Release-date files: alias -> YYYY-MM-DD (release.c).
 * Internal to src/lib/fit; unit tests include it to reach the pieces.
 */
#ifndef HZ_FIT_RELEASE_H
#define HZ_FIT_RELEASE_H

#include "fit_strtab.h"

typedef struct fit_release_dates {
	fit_strtab names;
	long *days;
	long *line;
} fit_release_dates;

int fit_release_dates_load(fit_release_dates *rd, const char *path);
void fit_release_dates_release(fit_release_dates *rd);

#endif
