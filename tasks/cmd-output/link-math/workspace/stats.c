/* stats.c: summary statistics of the numbers in a file, one per line.
 * Build: gcc -O2 -o stats stats.c      Run: ./stats samples.txt */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	FILE *f = fopen(argc > 1 ? argv[1] : "samples.txt", "r");
	double x, sum = 0, sumsq = 0, logsum = 0;
	long n = 0;

	if (!f) {
		perror("samples");
		return 1;
	}
	while (fscanf(f, "%lf", &x) == 1) {
		sum += x;
		sumsq += x * x;
		logsum += log(x);
		n++;
	}
	fclose(f);
	double mean = sum / n;
	double sd = sqrt((sumsq - n * mean * mean) / (n - 1));
	double geo = exp(logsum / n);
	printf("n=%ld mean=%.4f sd=%.4f geomean=%.4f cv=%.2f%%\n", n, mean, sd, geo, 100 * sd / pow(mean, 1.0));
	return 0;
}
