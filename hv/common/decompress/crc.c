// SPDX-License-Identifier: GPL-2.0-only
/*
 * Checksums used by the containers: CRC-32 (gzip, xz; reflected polynomial
 * 0xEDB88320) and CRC-64 (xz; ECMA-182, reflected 0xC96C5795D7870F42).
 * Both start from and end with an inverted register, which the callers
 * express as crc = dc_crcNN(table, 0, ...) and chaining of partial results.
 */
#include "dc_internal.h"

void dc_crc32_init(uint32_t table[256])
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t r = i;

		for (int k = 0; k < 8; k++)
			r = (r >> 1) ^ (0xEDB88320u & (0u - (r & 1)));
		table[i] = r;
	}
}

uint32_t dc_crc32(const uint32_t table[256], uint32_t crc, const void *buf,
		  size_t len)
{
	const uint8_t *p = buf;

	crc = ~crc;
	while (len--)
		crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

void dc_crc64_init(uint64_t table[256])
{
	const uint64_t poly = 0xC96C5795D7870F42ull;

	for (uint64_t i = 0; i < 256; i++) {
		uint64_t r = i;

		for (int k = 0; k < 8; k++)
			r = (r >> 1) ^ (poly & (0ull - (r & 1)));
		table[i] = r;
	}
}

uint64_t dc_crc64(const uint64_t table[256], uint64_t crc, const void *buf,
		  size_t len)
{
	const uint8_t *p = buf;

	crc = ~crc;
	while (len--)
		crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}
