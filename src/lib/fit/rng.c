/*
 * numpy-exact random streams: SeedSequence(seed) -> PCG64, and the three calls
 * METR's bootstrap makes (random, choice with replacement, the buffered 32-bit
 * draws behind it).  docs/method.md section 8 is the specification.
 */
#include <math.h>

#include "fit_rng.h"


static uint32_t hashmix(uint32_t v, uint32_t *hc)
{
	v ^= *hc;
	*hc *= 0x931e8875u;
	v *= *hc;
	v ^= v >> 16;
	return v;
}

static uint32_t mix(uint32_t x, uint32_t y)
{
	uint32_t r = 0xca01f9ddu * x - 0x4973f715u * y;

	r ^= r >> 16;
	return r;
}

void fit_seedseq_state(uint32_t seed, uint64_t out[4])
{
	uint32_t pool[4], hc = 0x43b0d7e5u, h = 0x8b51f9ddu, w[8];

	for (int k = 0; k < 4; k++)
		pool[k] = hashmix(k == 0 ? seed : 0, &hc);
	for (int src = 0; src < 4; src++)
		for (int dst = 0; dst < 4; dst++)
			if (dst != src)
				pool[dst] = mix(pool[dst], hashmix(pool[src], &hc));
	for (int i = 0; i < 8; i++) {
		uint32_t v = pool[i % 4] ^ h;
		h *= 0x58f38dedu;
		v *= h;
		v ^= v >> 16;
		w[i] = v;
	}
	for (int k = 0; k < 4; k++)
		out[k] = (uint64_t)w[2 * k] | (uint64_t)w[2 * k + 1] << 32;
}

static void step(fit_rng *r)
{
	r->state = r->state * FIT_PCG_MULT + r->inc;
}

void fit_rng_seed(fit_rng *r, uint32_t seed)
{
	uint64_t s[4];
	fit_u128 initstate, initseq;

	fit_seedseq_state(seed, s);
	initstate = (fit_u128)s[0] << 64 | s[1];
	initseq = (fit_u128)s[2] << 64 | s[3];
	r->inc = initseq << 1 | 1;
	r->state = 0;
	step(r);
	r->state += initstate;
	step(r);
	r->has32 = 0;
	r->buf32 = 0;
}

uint32_t fit_rng_next32(fit_rng *r)
{
	uint64_t v;

	if (r->has32) {
		r->has32 = 0;
		return r->buf32;
	}
	v = fit_rng_next64(r);
	r->has32 = 1;
	r->buf32 = (uint32_t)(v >> 32);
	return (uint32_t)v;
}

/* Lemire's nearly-divisionless draw in [0, n) on 32 bits, as numpy does it. */
uint32_t fit_rng_bounded(fit_rng *r, uint32_t n)
{
	uint64_t m = (uint64_t)fit_rng_next32(r) * n;
	uint32_t l = (uint32_t)m;

	if (l < n) {
		uint32_t thr = (uint32_t)(-n) % n;
		while (l < thr) {
			m = (uint64_t)fit_rng_next32(r) * n;
			l = (uint32_t)m;
		}
	}
	return (uint32_t)(m >> 32);
}

void fit_rng_choice(fit_rng *r, uint32_t n, uint32_t *out)
{
	if (n == 1) {
		out[0] = 0;
		return;
	}
	for (uint32_t i = 0; i < n; i++)
		out[i] = fit_rng_bounded(r, n);
}

void fit_rng_normals(fit_rng *r, double *z, size_t n)
{
	for (size_t k = 0; k < n; k += 2) {
		double u = 1.0 - fit_rng_random(r), v = fit_rng_random(r), m = sqrt(-2.0 * log(u));
		z[k] = m * cos(2 * M_PI * v);
		if (k + 1 < n)
			z[k + 1] = m * sin(2 * M_PI * v);
	}
}
