#ifndef STRUTIL_H
#define STRUTIL_H
#include <stddef.h>
/* Reverse s in place. */
void str_reverse(char *s);
/* Upper-case the ASCII letters of s in place. */
void str_upper(char *s);
/* Number of whitespace-separated words in s. */
size_t str_words(const char *s);
#endif
