/* SPDX-License-Identifier: GPL-2.0-only */
/* LZMA symbol decoder shared by .lzma, LZMA2 and hence .xz. */
#ifndef HV_DC_LZMA_H
#define HV_DC_LZMA_H

#include "dc_internal.h"

#define LZMA_STATES 12
#define LZMA_POS_STATES_MAX 16
#define LZMA_LIT_CODERS_MAX 16 /* lc + lp <= 4 */

struct lzma_len_probs {
	uint16_t choice;
	uint16_t choice2;
	uint16_t low[LZMA_POS_STATES_MAX][8];
	uint16_t mid[LZMA_POS_STATES_MAX][8];
	uint16_t high[256];
};

struct lzma_probs {
	uint16_t is_match[LZMA_STATES][LZMA_POS_STATES_MAX];
	uint16_t is_rep[LZMA_STATES];
	uint16_t is_rep_g0[LZMA_STATES];
	uint16_t is_rep_g1[LZMA_STATES];
	uint16_t is_rep_g2[LZMA_STATES];
	uint16_t is_rep0_long[LZMA_STATES][LZMA_POS_STATES_MAX];
	uint16_t dist_slot[4][64];
	uint16_t dist_special[115];
	uint16_t dist_align[16];
	struct lzma_len_probs match_len;
	struct lzma_len_probs rep_len;
	uint16_t literal[LZMA_LIT_CODERS_MAX][0x300];
};

/* Range decoder over in[0..in_end). */
struct lzma_rc {
	const uint8_t *in, *in_end;
	uint32_t range, code;
	bool overrun; /* a byte past in_end was needed */
};

struct lzma_dec {
	struct lzma_rc rc;

	/* Properties. */
	unsigned int lc, lp, pb;

	/* Symbol state, kept across LZMA2 chunks unless reset. */
	unsigned int state;
	uint32_t rep0, rep1, rep2, rep3;
	size_t pending_len; /* rest of a match cut by the chunk end */

	struct lzma_probs probs;
};

/* Sets lc/lp/pb from the packed properties byte; -1 if invalid. */
int lzma_set_props(struct lzma_dec *d, unsigned int props);
/* Resets probabilities and the symbol state (not the dictionary). */
void lzma_reset_state(struct lzma_dec *d);
/* Starts the range decoder on in[0..len); -1 if the header is invalid. */
int lzma_rc_init(struct lzma_dec *d, const uint8_t *in, size_t len);
/* True if the range decoder ended cleanly (code 0). */
static inline bool lzma_rc_finished(const struct lzma_dec *d)
{
	return d->rc.code == 0 && !d->rc.overrun;
}

#define LZMA_DONE 0 /* reached 'limit' */
#define LZMA_EOS 1  /* read an end-of-stream marker */

/*
 * Decodes symbols into out[*pos..limit), limit <= out_cap. Matches may
 * reach back to dict_start. With eos_ok, an end marker is accepted, and
 * when *pos reaches limit == out_cap one more symbol is decoded to see
 * whether it is that marker (else -ENOSPC). Returns LZMA_DONE, LZMA_EOS
 * or a negative errno.
 */
int lzma_decode(struct lzma_dec *d, uint8_t *out, size_t out_cap, size_t *pos,
		size_t limit, size_t dict_start, bool eos_ok, const char **err);

/* LZMA2 stream in in[0..len) to out at *out_pos; *in_used on success. */
int dc_lzma2_decode(struct lzma_dec *d, const uint8_t *in, size_t len,
		    size_t *in_used, uint8_t *out, size_t out_cap,
		    size_t *out_pos, const char **err);

#endif
