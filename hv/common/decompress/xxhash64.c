// SPDX-License-Identifier: GPL-2.0-only
/*
 * XXH64, the hash behind zstd's optional content checksum (the frame
 * stores its low 32 bits). Written from the published algorithm: four
 * 64-bit accumulators over 32-byte stripes, then the tail in 8-, 4- and
 * 1-byte steps, then a final avalanche.
 */
#include "dc_internal.h"

#define XP1 0x9E3779B185EBCA87ull
#define XP2 0xC2B2AE3D27D4EB4Full
#define XP3 0x165667B19E3779F9ull
#define XP4 0x85EBCA77C2B2AE63ull
#define XP5 0x27D4EB2F165667C5ull

static inline uint64_t rotl64(uint64_t v, unsigned int r)
{
	return (v << r) | (v >> (64 - r));
}

static inline uint64_t xxh_round(uint64_t acc, uint64_t lane)
{
	return rotl64(acc + lane * XP2, 31) * XP1;
}

static inline uint64_t xxh_merge(uint64_t h, uint64_t acc)
{
	return (h ^ xxh_round(0, acc)) * XP1 + XP4;
}

uint64_t dc_xxh64(const void *buf, size_t len, uint64_t seed)
{
	const uint8_t *p = buf, *end = p + len;
	uint64_t h;

	if (len >= 32) {
		uint64_t a = seed + XP1 + XP2, b = seed + XP2, c = seed,
			 d = seed - XP1;

		while ((size_t)(end - p) >= 32) {
			a = xxh_round(a, dc_le64(p));
			b = xxh_round(b, dc_le64(p + 8));
			c = xxh_round(c, dc_le64(p + 16));
			d = xxh_round(d, dc_le64(p + 24));
			p += 32;
		}
		h = rotl64(a, 1) + rotl64(b, 7) + rotl64(c, 12) + rotl64(d, 18);
		h = xxh_merge(h, a);
		h = xxh_merge(h, b);
		h = xxh_merge(h, c);
		h = xxh_merge(h, d);
	} else {
		h = seed + XP5;
	}
	h += (uint64_t)len;
	while ((size_t)(end - p) >= 8) {
		h ^= xxh_round(0, dc_le64(p));
		h = rotl64(h, 27) * XP1 + XP4;
		p += 8;
	}
	if ((size_t)(end - p) >= 4) {
		h ^= (uint64_t)dc_le32(p) * XP1;
		h = rotl64(h, 23) * XP2 + XP3;
		p += 4;
	}
	while (p < end) {
		h ^= (uint64_t)*p++ * XP5;
		h = rotl64(h, 11) * XP1;
	}
	h ^= h >> 33;
	h *= XP2;
	h ^= h >> 29;
	h *= XP3;
	h ^= h >> 32;
	return h;
}
