#ifndef MATHUTIL_H
#define MATHUTIL_H
#include <stddef.h>
double mean(const double *v, size_t n);
/* Population standard deviation. */
double stddev(const double *v, size_t n);
#endif
