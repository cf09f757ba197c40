// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86 branch converter ("BCJ") decoder, as used by xz --x86 and therefore
 * by kernels built with CONFIG_KERNEL_XZ. The encoder turned the rel32
 * operand of E8 (call) / E9 (jmp) opcodes into an absolute address when its
 * top byte was 0x00 or 0xFF; decoding subtracts the position again.
 *
 * To avoid converting bytes that merely look like opcodes, the filter
 * remembers in a 3-bit mask which of the three preceding bytes were also
 * E8/E9 candidates, and skips (or re-checks) conversions accordingly. The
 * mask rules below are the format's; the whole block is converted in one
 * pass, starting at the block's start offset.
 */
#include "dc_internal.h"

static inline bool top_byte_ok(uint8_t b)
{
	return b == 0x00 || b == 0xFF;
}

void dc_bcj_x86_decode(uint8_t *buf, size_t len, uint32_t start)
{
	/* Indexed by the mask of recent E8/E9 positions. */
	static const bool mask_ok[8] = { true, true,  true,  false,
					 true, false, false, false };
	static const uint8_t mask_byte[8] = { 0, 1, 2, 2, 3, 3, 3, 3 };
	uint32_t mask = 0;
	size_t last = (size_t)-1; /* position of the previous candidate */
	size_t i;

	if (len < 5)
		return;
	for (i = 0; i + 4 < len; i++) {
		size_t gap;
		uint32_t v, addr;

		if ((buf[i] & 0xFE) != 0xE8)
			continue;
		gap = i - last; /* huge while there is no previous one */
		last = i;
		if (gap > 3) {
			mask = 0;
		} else {
			mask = (mask << (gap - 1)) & 7;
			if (mask &&
			    (!mask_ok[mask] ||
			     top_byte_ok(buf[i + 4 - mask_byte[mask]]))) {
				mask = (mask << 1) | 1;
				continue;
			}
		}
		if (!top_byte_ok(buf[i + 4])) {
			mask = (mask << 1) | 1;
			continue;
		}
		v = dc_le32(buf + i + 1);
		for (;;) {
			unsigned int shift;

			addr = v - (start + (uint32_t)i + 5);
			if (!mask)
				break;
			shift = 24 - mask_byte[mask] * 8;
			if (!top_byte_ok((uint8_t)(addr >> shift)))
				break;
			v = addr ^ ((1u << (shift + 8)) - 1);
		}
		/* Bit 24 is sign-extended into the top byte. */
		addr &= 0x01FFFFFF;
		addr |= 0u - (addr & 0x01000000);
		buf[i + 1] = (uint8_t)addr;
		buf[i + 2] = (uint8_t)(addr >> 8);
		buf[i + 3] = (uint8_t)(addr >> 16);
		buf[i + 4] = (uint8_t)(addr >> 24);
		i += 4;
	}
}
