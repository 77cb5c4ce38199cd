/*
 * The random stream: numpy SeedSequence + PCG64 (rng.c, METHOD section 8).
 * Internal to src/lib/fit; unit tests include it to reach the pieces.
 */
#ifndef HZ_FIT_RNG_H
#define HZ_FIT_RNG_H

#include <stddef.h>
#include <stdint.h>

__extension__ typedef unsigned __int128 fit_u128;

typedef struct fit_rng {
	fit_u128 state, inc;
	int has32;       /* a buffered high half-word is waiting */
	uint32_t buf32;
} fit_rng;

void fit_seedseq_state(uint32_t seed, uint64_t out[4]);
void fit_rng_seed(fit_rng *r, uint32_t seed);   /* numpy.random.default_rng(seed) */
uint32_t fit_rng_next32(fit_rng *r);

#define FIT_PCG_MULT ((fit_u128)0x2360ED051FC65DA4ULL << 64 | 0x4385DF649FCCF645ULL)

/* PCG64 (XSL-RR): step, then rotate hi ^ lo by the top 6 bits.  Inline: the bootstrap's hot path. */
static inline uint64_t fit_rng_next64(fit_rng *r)
{
	uint64_t x;
	unsigned rot;

	r->state = r->state * FIT_PCG_MULT + r->inc;
	x = (uint64_t)(r->state >> 64) ^ (uint64_t)r->state;
	rot = (unsigned)(r->state >> 122);
	return (x >> rot) | (x << ((64 - rot) & 63));
}

/* One value of rng.random(): 53 random bits scaled to [0, 1). */
static inline double fit_rng_random(fit_rng *r)
{
	return (double)(fit_rng_next64(r) >> 11) * (1.0 / 9007199254740992.0);
}
uint32_t fit_rng_bounded(fit_rng *r, uint32_t n); /* one draw in [0, n), n >= 2 */
void fit_rng_choice(fit_rng *r, uint32_t n, uint32_t *out); /* rng.choice(n, n) */
/* n standard normals (Box-Muller, two from each pair of uniforms in (0, 1] and [0, 1)). */
void fit_rng_normals(fit_rng *r, double *z, size_t n);

#endif
