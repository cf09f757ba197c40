// SPDX-License-Identifier: GPL-2.0-only
/*
 * Huffman-coded literals for zstd (RFC 8878 section 4.2): the tree is sent
 * as symbol weights (4-bit direct or FSE-compressed; the last weight is
 * implied), and literals come in 1 or 4 backward bit streams decoded
 * through a 2^max_bits lookup table.
 */
#include "zstd_internal.h"

#define HUF_WEIGHT_LOG_MAX 6

static inline unsigned int highbit(uint32_t v)
{
	return 31 - (unsigned int)__builtin_clz(v);
}

/* FSE-compressed weights: two interleaved states over one bit stream. */
static int read_fse_weights(struct zstd_state *s, const uint8_t *in, size_t len,
			    unsigned int *nw)
{
	struct fse_table *t = &s->wt;
	struct bitrev br;
	size_t used;
	uint32_t st1, st2;
	unsigned int n = 0;

	if (zstd_fse_read(s, t, HUF_WEIGHT_LOG_MAX, 12, in, len, &used))
		return -1;
	if (br_init(&br, in + used, len - used))
		return -1;
	st1 = (uint32_t)br_read(&br, t->log);
	st2 = (uint32_t)br_read(&br, t->log);
	for (;;) {
		/* Each step emits a symbol then moves that state on. */
		if (n >= 255)
			return -1;
		s->weights[n++] = t->e[st1].sym;
		st1 = t->e[st1].base + (uint32_t)br_read(&br, t->e[st1].nbits);
		br_reload(&br);
		if (br_overflow(&br)) {
			if (n >= 255)
				return -1;
			s->weights[n++] = t->e[st2].sym;
			break;
		}
		if (n >= 255)
			return -1;
		s->weights[n++] = t->e[st2].sym;
		st2 = t->e[st2].base + (uint32_t)br_read(&br, t->e[st2].nbits);
		br_reload(&br);
		if (br_overflow(&br)) {
			if (n >= 255)
				return -1;
			s->weights[n++] = t->e[st1].sym;
			break;
		}
	}
	*nw = n;
	return 0;
}

int zstd_huf_read(struct zstd_state *s, const uint8_t *in, size_t len,
		  size_t *used, const char **err)
{
	unsigned int hdr, nw, max_bits, i;
	uint32_t sum = 0, rest, rank[HUF_MAX_BITS + 2];

	if (len < 1)
		return dc_fail(err, -EINVAL, "zstd: truncated Huffman tree");
	hdr = in[0];
	if (hdr >= 128) {
		nw = hdr - 127;
		if (len < 1 + (nw + 1) / 2)
			return dc_fail(err, -EINVAL,
				       "zstd: truncated Huffman tree");
		for (i = 0; i < nw; i++) {
			uint8_t b = in[1 + i / 2];

			s->weights[i] = (i & 1) ? (b & 15) : (b >> 4);
		}
		*used = 1 + (nw + 1) / 2;
	} else {
		if (hdr == 0 || len < 1 + (size_t)hdr ||
		    read_fse_weights(s, in + 1, hdr, &nw))
			return dc_fail(err, -EINVAL,
				       "zstd: bad Huffman weights");
		*used = 1 + (size_t)hdr;
	}
	for (i = 0; i < nw; i++) {
		if (s->weights[i] > HUF_MAX_BITS)
			return dc_fail(err, -EINVAL,
				       "zstd: bad Huffman weight");
		if (s->weights[i])
			sum += 1u << (s->weights[i] - 1);
	}
	if (sum == 0)
		return dc_fail(err, -EINVAL, "zstd: empty Huffman tree");
	max_bits = highbit(sum) + 1;
	if (max_bits > HUF_MAX_BITS)
		return dc_fail(err, -EINVAL, "zstd: Huffman tree too deep");
	/* The implied last weight completes the sum to 2^max_bits. */
	rest = (1u << max_bits) - sum;
	if (rest & (rest - 1))
		return dc_fail(err, -EINVAL, "zstd: bad Huffman weights");
	s->weights[nw++] = (uint8_t)(highbit(rest) + 1);

	/*
	 * Table order: ascending weight (longest codes first), then
	 * ascending symbol; a weight-w symbol fills 2^(w-1) entries.
	 */
	memset(rank, 0, sizeof(rank));
	for (i = 0; i < nw; i++)
		if (s->weights[i])
			rank[s->weights[i]] += 1u << (s->weights[i] - 1);
	for (i = 1, sum = 0; i <= max_bits; i++) {
		uint32_t n = rank[i];

		rank[i] = sum;
		sum += n;
	}
	for (i = 0; i < nw; i++) {
		unsigned int w = s->weights[i];
		struct huf_entry e;

		if (!w)
			continue;
		e.sym = (uint8_t)i;
		e.nbits = (uint8_t)(max_bits + 1 - w);
		for (uint32_t k = 0; k < (1u << (w - 1)); k++)
			s->huf[rank[w] + k] = e;
		rank[w] += 1u << (w - 1);
	}
	s->huf_bits = max_bits;
	s->huf_ok = true;
	return 0;
}

static int decode_stream(const struct zstd_state *s, const uint8_t *in,
			 size_t len, uint8_t *out, size_t n)
{
	const unsigned int bits = s->huf_bits;
	struct bitrev br;
	size_t i = 0;

	if (br_init(&br, in, len))
		return -1;
	/* 4 symbols of <= 11 bits fit the >= 57 bits after a reload. */
	while (n - i >= 4) {
		br_reload(&br);
		for (int k = 0; k < 4; k++) {
			struct huf_entry e = s->huf[br_peek(&br, bits)];

			br.consumed += e.nbits;
			out[i++] = e.sym;
		}
		if (br_overflow(&br))
			return -1;
	}
	br_reload(&br);
	while (i < n) {
		struct huf_entry e = s->huf[br_peek(&br, bits)];

		br.consumed += e.nbits;
		out[i++] = e.sym;
	}
	return br_finished(&br) ? 0 : -1;
}

int zstd_huf_literals(struct zstd_state *s, const uint8_t *in, size_t len,
		      bool four, uint8_t *out, size_t n, const char **err)
{
	size_t sz[4], seg, off = 6;

	if (!four) {
		if (decode_stream(s, in, len, out, n))
			return dc_fail(err, -EINVAL, "zstd: corrupt literals");
		return 0;
	}
	if (len < 6)
		return dc_fail(err, -EINVAL, "zstd: truncated jump table");
	sz[0] = dc_le16(in);
	sz[1] = dc_le16(in + 2);
	sz[2] = dc_le16(in + 4);
	if (sz[0] + sz[1] + sz[2] > len - 6)
		return dc_fail(err, -EINVAL, "zstd: bad jump table");
	sz[3] = len - 6 - sz[0] - sz[1] - sz[2];
	seg = (n + 3) / 4;
	if (3 * seg > n)
		return dc_fail(err, -EINVAL, "zstd: bad literal stream sizes");
	for (int k = 0; k < 4; k++) {
		size_t cnt = k < 3 ? seg : n - 3 * seg;

		if (decode_stream(s, in + off, sz[k], out + k * seg, cnt))
			return dc_fail(err, -EINVAL, "zstd: corrupt literals");
		off += sz[k];
	}
	return 0;
}
