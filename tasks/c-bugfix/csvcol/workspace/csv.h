#ifndef CSV_H
#define CSV_H
#include <stddef.h>

/*
 * Split one CSV record (no line terminator) into fields.
 * On success returns 0 and stores a malloc'd array of *n malloc'd strings in *fields;
 * release it with csv_free(*fields, *n).  Returns -1 when out of memory.
 */
int csv_split(const char *line, char ***fields, size_t *n);
void csv_free(char **fields, size_t n);

#endif
