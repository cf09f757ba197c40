/* SPDX-License-Identifier: GPL-2.0-only */
/* Zstandard (RFC 8878) decoder internals shared by the zstd_*.c files. */
#ifndef HV_DC_ZSTD_INTERNAL_H
#define HV_DC_ZSTD_INTERNAL_H

#include "dc_internal.h"

#define ZSTD_BLOCK_MAX (128u * 1024)
#define HUF_MAX_BITS 11
#define FSE_MAX_LOG 9
#define FSE_MAX_SYMS 64 /* largest alphabet + 1 (match lengths: 53) */

struct fse_entry {
	uint16_t base; /* next state = base + read(nbits) */
	uint8_t sym;
	uint8_t nbits;
};

struct fse_table {
	unsigned int log;
	struct fse_entry e[1u << FSE_MAX_LOG];
};

struct huf_entry {
	uint8_t sym;
	uint8_t nbits;
};

struct zstd_state {
	struct fse_table ll, of, ml;
	bool ll_ok, of_ok, ml_ok; /* tables usable by "repeat" mode */
	struct fse_table wt;	  /* Huffman weights */
	struct huf_entry huf[1u << HUF_MAX_BITS];
	unsigned int huf_bits;
	bool huf_ok; /* a Huffman table exists for treeless literals */
	uint32_t rep[3];
	/* Scratch for table construction. */
	int16_t norm[FSE_MAX_SYMS];
	uint16_t next[FSE_MAX_SYMS];
	uint8_t weights[256];
	uint8_t lit[ZSTD_BLOCK_MAX];
};

/*
 * Backward bit stream (FSE/Huffman payloads): read from the last byte
 * towards the first, most significant bit first, after the padding bits
 * and the marker bit in the last byte. 'bits' holds the 8 bytes at ptr;
 * 'consumed' counts bits used from its top. Streams shorter than 8 bytes
 * are loaded into the low bytes, their missing top bytes counting as
 * already consumed. consumed > 64
 * means the reader ran past the start: the stream is corrupt.
 */
struct bitrev {
	const uint8_t *start, *ptr;
	uint64_t bits;
	unsigned int consumed;
};

static inline int br_init(struct bitrev *b, const uint8_t *p, size_t n)
{
	uint8_t last;

	if (n == 0 || p[n - 1] == 0)
		return -1;
	last = p[n - 1];
	b->start = p;
	if (n >= 8) {
		b->ptr = p + n - 8;
		b->bits = dc_le64(b->ptr);
		b->consumed = 0;
	} else {
		uint64_t v = 0;

		for (size_t i = 0; i < n; i++)
			v |= (uint64_t)p[i] << (8 * i);
		/* The missing top bytes count as already consumed. */
		b->ptr = p;
		b->bits = v;
		b->consumed = 8 * (unsigned int)(8 - n);
	}
	/* Skip the zero padding and the marker bit. */
	b->consumed += (unsigned int)__builtin_clz(last) - 24 + 1;
	return 0;
}

/* Next n (<= 56) bits without consuming them. */
static inline uint64_t br_peek(const struct bitrev *b, unsigned int n)
{
	if (b->consumed >= 64)
		return 0;
	return ((b->bits << b->consumed) >> 1) >> (63 - n);
}

static inline uint64_t br_read(struct bitrev *b, unsigned int n)
{
	uint64_t v = br_peek(b, n);

	b->consumed += n;
	return v;
}

/* Refills so that at least 57 bits are buffered, where input remains. */
static inline void br_reload(struct bitrev *b)
{
	size_t back = b->consumed >> 3, avail = (size_t)(b->ptr - b->start);

	if (b->consumed > 64)
		return;
	if (back > avail)
		back = avail;
	if (!back)
		return;
	b->ptr -= back;
	b->consumed -= (unsigned int)back * 8;
	b->bits = dc_le64(b->ptr);
}

static inline bool br_overflow(const struct bitrev *b)
{
	return b->consumed > 64;
}

/* Every bit used, none beyond: how each stream must end. */
static inline bool br_finished(const struct bitrev *b)
{
	return b->ptr == b->start && b->consumed == 64;
}

/* FSE table description (forward bit stream); *used = its byte length. */
int zstd_fse_read(struct zstd_state *s, struct fse_table *t,
		  unsigned int max_log, unsigned int max_sym, const uint8_t *in,
		  size_t len, size_t *used);
/* Table from s->norm[0..nsyms) at accuracy log 'log'. */
int zstd_fse_build(struct zstd_state *s, struct fse_table *t,
		   unsigned int nsyms, unsigned int log);
/* Single-symbol table ("RLE" mode). */
void zstd_fse_rle(struct fse_table *t, uint8_t sym);
/* Predefined distributions: 0 literal lengths, 1 offsets, 2 match lengths. */
int zstd_fse_predefined(struct zstd_state *s, struct fse_table *t, int which);

/* Huffman tree description; *used = its byte length. */
int zstd_huf_read(struct zstd_state *s, const uint8_t *in, size_t len,
		  size_t *used, const char **err);
/* 1 or 4 Huffman streams in in[0..len) regenerating n literals to out. */
int zstd_huf_literals(struct zstd_state *s, const uint8_t *in, size_t len,
		      bool four, uint8_t *out, size_t n, const char **err);

/*
 * Sequences section in[0..len) of a block: executes the sequences with
 * the literals lit[0..nlit) into out at *pos (frame output starts at
 * frame_start). Also copies the trailing literals.
 */
int zstd_sequences(struct zstd_state *s, const uint8_t *in, size_t len,
		   const uint8_t *lit, size_t nlit, uint8_t *out,
		   size_t out_cap, size_t frame_start, size_t *pos,
		   const char **err);

#endif
