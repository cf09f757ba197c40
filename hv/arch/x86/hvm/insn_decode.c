// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86 instruction decoder: lengths and structure of one instruction.
 * Interface and result conventions are described in <hv/insn.h>; the
 * opcode tables live in insn_onebyte.c and insn_twobyte.c.
 *
 * The decoder reads only bytes [0, avail) and never more than 15; every
 * read goes through need(), which turns "past 15 bytes" into -EINVAL and
 * "past avail" into -ENODATA.  Opcode properties come from two small
 * attribute functions (one-byte map and 0F map); everything whose length
 * depends on more than the opcode (groups, VEX/EVEX/XOP, moffs, far
 * pointers, ENTER) is handled explicitly below or in the group rules.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/errno.h>
#define HV_INSN_INTERNAL
#include <hv/insn.h>

struct dec {
	const uint8_t *b;
	size_t avail;
	unsigned int pos;
};

/* Can @n more bytes be read?  The 15-byte limit takes precedence. */
static int need(const struct dec *d, unsigned int n)
{
	if (d->pos + n > X86_MAX_INSN_LEN)
		return -EINVAL;
	if (d->pos + n > d->avail)
		return -ENODATA;
	return 0;
}

static int fetch(struct dec *d, unsigned int n, uint64_t *v)
{
	int rc = need(d, n);
	unsigned int i;

	if (rc)
		return rc;
	*v = 0;
	for (i = 0; i < n; i++)
		*v |= (uint64_t)d->b[d->pos + i] << (8 * i);
	d->pos += n;
	return 0;
}

static int fetch8(struct dec *d, uint8_t *v)
{
	uint64_t x = 0;
	int rc = fetch(d, 1, &x);

	*v = x;
	return rc;
}

static int peek8(const struct dec *d, uint8_t *v)
{
	int rc = need(d, 1);

	if (!rc)
		*v = d->b[d->pos];
	return rc;
}

/*
 * ModRM, SIB and displacement.  @regonly: MOV CR/DR ignore mod and always
 * use the register form, so no SIB or displacement follows.
 */
static int decode_modrm(struct dec *d, struct x86_insn *o, bool lm,
			bool regonly)
{
	unsigned int mod, rm, dsize = 0;
	uint64_t v;
	int rc;

	rc = fetch8(d, &o->modrm);
	if (rc)
		return rc;
	o->has_modrm = true;
	mod = o->modrm >> 6;
	rm = o->modrm & 7;
	if (mod == 3 || regonly)
		return 0;

	if (o->addr_bytes == 2) {
		/* [BX+SI] ... [BX]; mod=00 rm=110 is disp16 alone. */
		if (mod == 1)
			dsize = 1;
		else if (mod == 2 || rm == 6)
			dsize = 2;
	} else {
		if (rm == 4) {
			rc = fetch8(d, &o->sib);
			if (rc)
				return rc;
			o->has_sib = true;
			/* SIB base 101 with mod=00: disp32, no base. */
			if (mod == 0 && (o->sib & 7) == 5)
				dsize = 4;
		}
		if (mod == 0 && rm == 5) {
			dsize = 4;
			o->rip_relative = lm;
		}
		if (mod == 1)
			dsize = 1;
		else if (mod == 2)
			dsize = 4;
	}
	if (!dsize)
		return 0;
	rc = fetch(d, dsize, &v);
	if (rc)
		return rc;
	o->disp_size = dsize;
	/* Sign-extend from dsize bytes. */
	o->disp = (int64_t)(v << (64 - 8 * dsize)) >> (64 - 8 * dsize);
	return 0;
}

/* Legacy and REX prefixes; stops at the first opcode byte. */
static int decode_prefixes(struct dec *d, struct x86_insn *o, bool lm)
{
	for (;;) {
		uint8_t b;
		int rc = peek8(d, &b);

		if (rc)
			return rc;
		switch (b) {
		case 0x66:
			o->opsize = true;
			break;
		case 0x67:
			o->adsize = true;
			break;
		case 0xf0:
			o->lock = true;
			break;
		case 0xf2:
			o->repne = true;
			o->rep = false;
			break;
		case 0xf3:
			o->rep = true;
			o->repne = false;
			break;
		case 0x26:
			o->seg = X86_SEG_ES;
			break;
		case 0x2e:
			o->seg = X86_SEG_CS;
			break;
		case 0x36:
			o->seg = X86_SEG_SS;
			break;
		case 0x3e:
			o->seg = X86_SEG_DS;
			break;
		case 0x64:
			o->seg = X86_SEG_FS;
			break;
		case 0x65:
			o->seg = X86_SEG_GS;
			break;
		default:
			if (!lm || (b & 0xf0) != 0x40)
				return 0;
			/* REX: only effective right before the opcode. */
			o->rex = b;
			d->pos++;
			o->nr_prefixes++;
			continue;
		}
		o->rex = 0; /* a REX followed by a legacy prefix is ignored */
		d->pos++;
		o->nr_prefixes++;
	}
}

/*
 * VEX (C4/C5), XOP (8F) or EVEX (62) prefix at the current position, which
 * the caller has identified.  Sets map/opcode and returns the attributes.
 */
static bool vex_map_ok(uint8_t esc, unsigned int m)
{
	switch (esc) {
	case 0x8f: /* XOP maps 8, 9, 0A */
		return m >= 8 && m <= 10;
	case 0x62: /* EVEX maps 0F, 0F38, 0F3A, 5, 6 */
		return m == 1 || m == 2 || m == 3 || m == 5 || m == 6;
	default: /* VEX maps 0F, 0F38, 0F3A */
		return m >= 1 && m <= 3;
	}
}

static int decode_vex(struct dec *d, struct x86_insn *o, uint8_t esc,
		      unsigned int *attr)
{
	unsigned int n = esc == 0xc5 ? 1 : esc == 0x62 ? 3 : 2;
	unsigned int i, m = 1, w = 0;
	uint8_t op;
	int rc;

	/* These prefixes are #UD before VEX/XOP/EVEX (67 and segments are fine). */
	if (o->opsize || o->rep || o->repne || o->lock || o->rex)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		rc = fetch8(d, &o->vex_bytes[i]);
		if (rc)
			return rc;
		/* Reject a bad map (or EVEX's fixed bit) as soon as it is seen. */
		if (i == 0 && esc != 0xc5) {
			m = o->vex_bytes[0] & (esc == 0x62 ? 0x0f : 0x1f);
			if (!vex_map_ok(esc, m))
				return -EINVAL;
		}
		if (i == 1) {
			w = o->vex_bytes[1] >> 7;
			if (esc == 0x62 && !(o->vex_bytes[1] & 0x04))
				return -EINVAL;
		}
	}
	rc = fetch8(d, &op);
	if (rc)
		return rc;
	o->opcode = op;
	o->xop = esc == 0x8f;
	o->evex = esc == 0x62;
	o->vex = esc == 0xc4 || esc == 0xc5;
	o->opnd_bytes = w ? 8 : 4;
	*attr = A_MODRM;

	if (o->xop) {
		o->map = m;
		/* XOP map 8 carries imm8, map 0A imm32. */
		if (m == 8)
			*attr |= A_I8;
		else if (m == 10)
			*attr |= A_I32;
		return 0;
	}
	o->map = m < 4 ? m + 1 : m;
	if (o->map == 4)
		*attr |= A_I8;
	else if (o->map == 2 && ((op >= 0x70 && op <= 0x73) || op == 0xc2 ||
				 op == 0xc4 || op == 0xc5 || op == 0xc6))
		*attr |= A_I8;
	else if (o->map == 2 && op == 0x77 && o->vex)
		*attr = 0; /* VZEROUPPER / VZEROALL */
	return 0;
}

/* Is the C4/C5/62/8F at the current position a VEX/EVEX/XOP escape? */
static int is_vex_escape(const struct dec *d, uint8_t esc, enum x86_mode mode,
			 bool *yes)
{
	struct dec next = *d;
	uint8_t b;
	int rc;

	*yes = false;
	if (mode == X86_MODE_REAL)
		return 0; /* none of them exist in real mode */
	if (esc != 0x8f && mode == X86_MODE_LONG) {
		*yes = true;
		return 0;
	}
	next.pos++;
	rc = peek8(&next, &b);
	if (rc)
		return rc;
	if (esc == 0x8f)
		/* POP Ev has ModRM.reg = 0, so XOP's map >= 8 tells them apart. */
		*yes = (b & 0x1f) >= 8;
	else
		/* LES/LDS/BOUND need memory: mod = 11 means VEX/EVEX. */
		*yes = (b & 0xc0) == 0xc0;
	return 0;
}

/* Operand size of general-purpose forms. */
static uint8_t operand_bytes(const struct x86_insn *o, enum x86_mode mode,
			     unsigned int attr)
{
	bool def16 = mode == X86_MODE_REAL || mode == X86_MODE_PROT16;

	if (attr & A_BYTE)
		return 1;
	if (mode != X86_MODE_LONG)
		return attr & A_F64 ? 4 : (def16 != o->opsize) ? 2 : 4;
	if ((o->rex & 0x08) || (attr & A_F64))
		return 8;
	if (o->opsize)
		return 2;
	return attr & A_D64 ? 8 : 4;
}

static int decode_opcode(struct dec *d, struct x86_insn *o, enum x86_mode mode,
			 unsigned int *attr)
{
	bool vex;
	uint8_t op;
	int rc;

	rc = peek8(d, &op);
	if (rc)
		return rc;
	if (op == 0xc4 || op == 0xc5 || op == 0x62 || op == 0x8f) {
		rc = is_vex_escape(d, op, mode, &vex);
		if (rc)
			return rc;
		if (vex) {
			d->pos++;
			return decode_vex(d, o, op, attr);
		}
	}
	d->pos++;
	o->map = 1;
	o->opcode = op;
	if (op != 0x0f) {
		*attr = x86_attr_onebyte(op);
		if (op == 0x62 || op == 0xc4 || op == 0xc5)
			*attr = A_MODRM | A_MEM; /* BOUND, LES, LDS */
		else if (op == 0x8f)
			*attr = A_MODRM | A_SPECIAL;
		return 0;
	}
	rc = fetch8(d, &op);
	if (rc)
		return rc;
	o->map = 2;
	o->opcode = op;
	if (op == 0x38 || op == 0x3a) {
		o->map = op == 0x38 ? 3 : 4;
		rc = fetch8(d, &o->opcode);
		if (rc)
			return rc;
		if (!x86_prefix_ok(o->map, o->opcode, x86_prefix_class(o)))
			return -EINVAL;
		*attr = A_MODRM | (op == 0x3a ? A_I8 : A_SPECIAL);
		return 0;
	}
	if (op == 0x0f) {
		*attr = A_MODRM | A_I8; /* 3DNow!: the imm8 is the opcode */
		return 0;
	}
	if (!x86_prefix_ok(2, op, x86_prefix_class(o)))
		return -EINVAL;
	*attr = x86_attr_0f(op);
	return 0;
}

int x86_decode(const uint8_t *bytes, size_t avail, enum x86_mode mode,
	       struct x86_insn *out)
{
	struct dec d = { bytes, bytes ? avail : 0, 0 };
	bool lm = mode == X86_MODE_LONG;
	bool def16 = mode == X86_MODE_REAL || mode == X86_MODE_PROT16;
	unsigned int attr = 0, isize = 0;
	uint64_t v;
	int rc;

	if ((unsigned int)mode > X86_MODE_LONG)
		return -EINVAL;
	memset(out, 0, sizeof(*out));
	out->seg = -1;

	rc = decode_prefixes(&d, out, lm);
	if (rc)
		return rc;
	out->nr_prefixes = d.pos;
	if (lm)
		out->addr_bytes = out->adsize ? 4 : 8;
	else
		out->addr_bytes = def16 != out->adsize ? 2 : 4;

	rc = decode_opcode(&d, out, mode, &attr);
	if (rc)
		return rc;
	out->opcode_bytes = d.pos - out->nr_prefixes;
	if ((attr & A_INV) || (lm && (attr & A_INV64)))
		return -EINVAL;

	if (attr & A_MODRM) {
		rc = decode_modrm(&d, out, lm, attr & A_REGONLY);
		if (rc)
			return rc;
		if (attr & A_SPECIAL) {
			rc = out->map == 1 ? x86_group_onebyte(out, attr)
					   : x86_group_0f(out, mode, attr);
			if (rc < 0)
				return rc;
			attr = rc;
		}
		if ((attr & A_MEM) && (out->modrm >> 6) == 3)
			return -EINVAL;
		if ((attr & A_REG) && (out->modrm >> 6) != 3)
			return -EINVAL;
	}
	if (!out->vex && !out->evex && !out->xop)
		out->opnd_bytes = operand_bytes(out, mode, attr);

	/* Immediates whose shape is not a plain size. */
	if (attr & A_I32) {
		isize = 4;
	} else if (out->map == 1 && (out->opcode & 0xfc) == 0xa0) {
		/* moffs: an absolute offset of address size. */
		rc = fetch(&d, out->addr_bytes, &v);
		if (rc)
			return rc;
		out->disp = v;
		out->disp_size = out->addr_bytes;
	} else if (out->map == 1 &&
		   (out->opcode == 0x9a || out->opcode == 0xea)) {
		isize = out->opnd_bytes == 2 ? 4 : 6; /* offset + selector */
	} else if (out->map == 1 && out->opcode == 0xc8) {
		isize = 3; /* ENTER imm16, imm8 */
	} else if (attr & A_I16) {
		isize = 2;
	} else if (attr & A_IZ) {
		isize = out->opnd_bytes == 2 ? 2 : 4;
	} else if (attr & A_IV) {
		isize = out->opnd_bytes;
	}
	if (attr & A_I8)
		isize += 1;
	if (isize) {
		rc = fetch(&d, isize, &v);
		if (rc)
			return rc;
		out->imm = v;
		out->imm_size = isize;
	}
	if (out->map == 2 && out->opcode == 0x0f && !out->vex && !out->evex &&
	    !x86_3dnow_defined(out->imm))
		return -EINVAL;
	out->len = d.pos;
	return d.pos;
}
