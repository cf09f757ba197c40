// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86 instruction decoder: lengths and structure of one instruction.
 * Interface and result conventions are described in <hv/insn.h>.
 *
 * The decoder reads only bytes [0, avail) and never more than 15; every
 * read goes through need(), which turns "past 15 bytes" into -EINVAL and
 * "past avail" into -ENODATA.  Opcode properties come from two small
 * attribute functions (one-byte map and 0F map); everything whose length
 * depends on more than the opcode (groups, VEX/EVEX/XOP, moffs, far
 * pointers, ENTER) is handled explicitly below.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/errno.h>
#include <hv/insn.h>

/* Opcode attributes. */
#define A_MODRM 0x0001	 /* ModRM (and maybe SIB/displacement) follows */
#define A_I8 0x0002	 /* 8-bit immediate or rel8 */
#define A_I16 0x0004	 /* 16-bit immediate */
#define A_IZ 0x0008	 /* imm16/rel16 or imm32/rel32 by operand size */
#define A_IV 0x0010	 /* imm16/32/64 by operand size (MOV r, imm) */
#define A_BYTE 0x0020	 /* byte operand */
#define A_D64 0x0040	 /* defaults to 64-bit operands in long mode */
#define A_F64 0x0080	 /* always 64-bit in long mode, 32-bit otherwise */
#define A_INV64 0x0100	 /* #UD in 64-bit mode */
#define A_INV 0x0200	 /* #UD everywhere */
#define A_MEM 0x0400	 /* register form (mod = 11) is #UD */
#define A_REGONLY 0x0800 /* ModRM always names registers (MOV CR/DR) */
#define A_SPECIAL 0x1000 /* needs code below (escape, group, prefix) */
#define A_I32 0x2000	 /* 32-bit immediate (XOP map 0A) */
#define A_REG 0x4000	 /* memory form (mod != 11) is #UD */

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

/* One-byte opcode map. */
static unsigned int attr_onebyte(uint8_t op)
{
	if (op < 0x40) {
		switch (op & 7) {
		case 0:
		case 2:
			return A_MODRM | A_BYTE; /* ALU Eb,Gb / Gb,Eb */
		case 1:
		case 3:
			return A_MODRM;
		case 4:
			return A_I8 | A_BYTE; /* ALU AL, imm8 */
		case 5:
			return A_IZ; /* ALU eAX, imm */
		default:
			/*
			 * 0F escape; PUSH/POP ES/CS/SS/DS and DAA/DAS/AAA/AAS
			 * (26/2E/36/3E are prefixes, consumed earlier).
			 */
			return op == 0x0f ? A_SPECIAL : A_INV64;
		}
	}
	if (op < 0x50)
		return 0; /* INC/DEC r (REX in long mode, consumed earlier) */
	if (op < 0x60)
		return A_D64; /* PUSH/POP r */
	if (op >= 0x70 && op < 0x80)
		return A_I8 | A_D64; /* Jcc rel8 */
	if (op >= 0x84 && op < 0x8c)
		return A_MODRM | (op & 1 ? 0 : A_BYTE); /* TEST/XCHG/MOV */
	if (op >= 0x90 && op < 0x9a)
		return 0; /* XCHG eAX, r / NOP / PAUSE; CBW; CWD */
	if (op >= 0xb0 && op < 0xb8)
		return A_I8 | A_BYTE; /* MOV r8, imm8 */
	if (op >= 0xb8 && op < 0xc0)
		return A_IV; /* MOV r, imm */
	if (op >= 0xd8 && op < 0xe0)
		return A_MODRM; /* x87 escapes */
	switch (op) {
	case 0x60: /* PUSHA */
	case 0x61: /* POPA */
		return A_INV64;
	case 0x62: /* BOUND, or EVEX */
		return A_SPECIAL;
	case 0x63: /* ARPL; MOVSXD in long mode */
		return A_MODRM;
	case 0x68: /* PUSH imm */
		return A_IZ | A_D64;
	case 0x69: /* IMUL Gv, Ev, imm */
		return A_MODRM | A_IZ;
	case 0x6a: /* PUSH imm8 */
		return A_I8 | A_D64;
	case 0x6b: /* IMUL Gv, Ev, imm8 */
		return A_MODRM | A_I8;
	case 0x6c: /* INSB */
	case 0x6e: /* OUTSB */
		return A_BYTE;
	case 0x6d: /* INS */
	case 0x6f: /* OUTS */
		return 0;
	case 0x80: /* group 1 Eb, imm8 */
		return A_MODRM | A_I8 | A_BYTE;
	case 0x81: /* group 1 Ev, imm */
		return A_MODRM | A_IZ;
	case 0x82: /* group 1 alias of 80 */
		return A_MODRM | A_I8 | A_BYTE | A_INV64;
	case 0x83: /* group 1 Ev, imm8 */
		return A_MODRM | A_I8;
	case 0x8c: /* MOV Ev, Sreg */
	case 0x8e: /* MOV Sreg, Ew */
		return A_MODRM;
	case 0x8d: /* LEA */
		return A_MODRM | A_MEM;
	case 0x8f: /* POP Ev (group 1a), or XOP */
		return A_SPECIAL;
	case 0x9a: /* CALLF ptr16:16/32 */
		return A_SPECIAL | A_INV64;
	case 0x9b: /* FWAIT */
	case 0x9e: /* SAHF */
	case 0x9f: /* LAHF */
		return 0;
	case 0x9c: /* PUSHF */
	case 0x9d: /* POPF */
		return A_D64;
	case 0xa0: /* MOV AL, moffs */
	case 0xa1: /* MOV eAX, moffs */
	case 0xa2: /* MOV moffs, AL */
	case 0xa3: /* MOV moffs, eAX */
		return A_SPECIAL | (op & 1 ? 0 : A_BYTE);
	case 0xa4: /* MOVSB */
	case 0xa6: /* CMPSB */
	case 0xaa: /* STOSB */
	case 0xac: /* LODSB */
	case 0xae: /* SCASB */
		return A_BYTE;
	case 0xa5:
	case 0xa7:
	case 0xab:
	case 0xad:
	case 0xaf:
		return 0;
	case 0xa8: /* TEST AL, imm8 */
		return A_I8 | A_BYTE;
	case 0xa9: /* TEST eAX, imm */
		return A_IZ;
	case 0xc0: /* group 2 Eb, imm8 */
		return A_MODRM | A_I8 | A_BYTE;
	case 0xc1: /* group 2 Ev, imm8 */
		return A_MODRM | A_I8;
	case 0xc2: /* RET imm16 */
		return A_I16 | A_D64;
	case 0xc3: /* RET */
	case 0xc9: /* LEAVE */
		return A_D64;
	case 0xc4: /* LES, or 3-byte VEX */
	case 0xc5: /* LDS, or 2-byte VEX */
	case 0xc8: /* ENTER imm16, imm8 */
		return A_SPECIAL;
	case 0xc6: /* group 11 Eb, imm8 (and XABORT) */
	case 0xc7: /* group 11 Ev, imm (and XBEGIN) */
		return A_MODRM | A_SPECIAL;
	case 0xca: /* RETF imm16 */
		return A_I16;
	case 0xcb: /* RETF */
	case 0xcc: /* INT3 */
	case 0xcf: /* IRET */
		return 0;
	case 0xcd: /* INT imm8 */
		return A_I8;
	case 0xce: /* INTO */
		return A_INV64;
	case 0xd0: /* group 2 Eb, 1 */
	case 0xd2: /* group 2 Eb, CL */
		return A_MODRM | A_BYTE;
	case 0xd1:
	case 0xd3:
		return A_MODRM;
	case 0xd4: /* AAM imm8 */
	case 0xd5: /* AAD imm8 */
		return A_I8 | A_INV64;
	case 0xd6: /* SALC (undocumented) */
		return A_INV64;
	case 0xd7: /* XLAT */
		return 0;
	case 0xe0: /* LOOPNE */
	case 0xe1: /* LOOPE */
	case 0xe2: /* LOOP */
	case 0xe3: /* JrCXZ */
	case 0xeb: /* JMP rel8 */
		return A_I8 | A_D64;
	case 0xe4: /* IN AL, imm8 */
	case 0xe6: /* OUT imm8, AL */
		return A_I8 | A_BYTE;
	case 0xe5: /* IN eAX, imm8 */
	case 0xe7: /* OUT imm8, eAX */
		return A_I8;
	case 0xe8: /* CALL rel */
	case 0xe9: /* JMP rel */
		return A_IZ | A_D64;
	case 0xea: /* JMPF ptr16:16/32 */
		return A_SPECIAL | A_INV64;
	case 0xec: /* IN AL, DX */
	case 0xee: /* OUT DX, AL */
		return A_BYTE;
	case 0xed: /* IN eAX, DX */
	case 0xef: /* OUT DX, eAX */
		return 0;
	case 0xf1: /* INT1 */
	case 0xf4: /* HLT */
	case 0xf5: /* CMC */
	case 0xf8: /* CLC */
	case 0xf9: /* STC */
	case 0xfa: /* CLI */
	case 0xfb: /* STI */
	case 0xfc: /* CLD */
	case 0xfd: /* STD */
		return 0;
	case 0xf6: /* group 3 Eb (TEST has imm8) */
		return A_MODRM | A_SPECIAL | A_BYTE;
	case 0xf7: /* group 3 Ev (TEST has imm) */
	case 0xfe: /* group 4 */
	case 0xff: /* group 5 */
		return A_MODRM | A_SPECIAL;
	}
	return A_INV;
}

/* Two-byte (0F xx) opcode map; 0F 0F, 0F 38 and 0F 3A are handled apart. */
static unsigned int attr_0f(uint8_t op)
{
	if (op == 0x13 || op == 0x17 || op == 0x2b || op == 0xe7)
		return A_MODRM | A_MEM; /* MOVLPS/MOVHPS stores, MOVNT* */
	if (op == 0x50 || op == 0xd7 || op == 0xf7)
		return A_MODRM | A_REG; /* MOVMSKPS, PMOVMSKB, MASKMOVQ */
	if (op >= 0x10 && op < 0x20)
		return A_MODRM; /* SSE moves; 18-1F prefetch / hint NOPs */
	if (op >= 0x20 && op < 0x24)
		return A_MODRM | A_REGONLY | A_F64; /* MOV CR/DR */
	if (op >= 0x28 && op < 0x30)
		return A_MODRM;
	if (op >= 0x40 && op < 0x70)
		return A_MODRM; /* CMOVcc, SSE, MMX */
	if (op == 0x70)
		return A_MODRM | A_I8; /* PSHUFW/PSHUFD/PSHUFHW/PSHUFLW */
	if (op >= 0x71 && op < 0x74)
		return A_MODRM | A_I8 | A_REG | A_SPECIAL; /* groups 12-14 */
	if (op >= 0x80 && op < 0x90)
		return A_IZ | A_D64; /* Jcc rel16/32 */
	if (op >= 0x90 && op < 0xa0)
		return A_MODRM | A_BYTE; /* SETcc */
	if (op >= 0xc8 && op < 0xd0)
		return 0; /* BSWAP */
	if (op >= 0xd0)
		return A_MODRM; /* MMX/SSE; FF is UD0 */
	switch (op) {
	case 0x00: /* group 6 */
	case 0x01: /* group 7 */
		return A_MODRM | A_SPECIAL;
	case 0x02: /* LAR */
	case 0x03: /* LSL */
		return A_MODRM;
	case 0x0d: /* PREFETCH / PREFETCHW */
		return A_MODRM | A_MEM;
	case 0x05: /* SYSCALL */
	case 0x06: /* CLTS */
	case 0x07: /* SYSRET */
	case 0x08: /* INVD */
	case 0x09: /* WBINVD */
	case 0x0b: /* UD2 */
	case 0x0e: /* FEMMS */
	case 0x30: /* WRMSR */
	case 0x31: /* RDTSC */
	case 0x32: /* RDMSR */
	case 0x33: /* RDPMC */
	case 0x34: /* SYSENTER */
	case 0x35: /* SYSEXIT */
	case 0x37: /* GETSEC */
	case 0x77: /* EMMS */
	case 0xa2: /* CPUID */
	case 0xaa: /* RSM */
		return 0;
	case 0x78: /* VMREAD; EXTRQ/INSERTQ imm8, imm8 with 66/F2 */
		return A_MODRM | A_SPECIAL;
	case 0x79: /* VMWRITE; EXTRQ/INSERTQ register forms */
	case 0x7c:
	case 0x7d:
	case 0x7e:
	case 0x7f:
	case 0x74:
	case 0x75:
	case 0x76:
		return A_MODRM;
	case 0xa0: /* PUSH FS */
	case 0xa1: /* POP FS */
	case 0xa8: /* PUSH GS */
	case 0xa9: /* POP GS */
		return A_D64;
	case 0xa3: /* BT */
	case 0xa5: /* SHLD CL */
	case 0xab: /* BTS */
	case 0xad: /* SHRD CL */
	case 0xaf: /* IMUL */
	case 0xb1: /* CMPXCHG */
	case 0xb3: /* BTR */
	case 0xb6: /* MOVZX Gv, Eb */
	case 0xb7: /* MOVZX Gv, Ew */
	case 0xb9: /* UD1 */
	case 0xbb: /* BTC */
	case 0xbc: /* BSF / TZCNT */
	case 0xbd: /* BSR / LZCNT */
	case 0xbe: /* MOVSX Gv, Eb */
	case 0xbf: /* MOVSX Gv, Ew */
	case 0xc1: /* XADD */
		return A_MODRM;
	case 0xa4: /* SHLD imm8 */
	case 0xac: /* SHRD imm8 */
	case 0xc2: /* CMPPS and friends */
	case 0xc4: /* PINSRW */
	case 0xc5: /* PEXTRW */
	case 0xc6: /* SHUFPS / SHUFPD */
		return A_MODRM | A_I8;
	case 0xb0: /* CMPXCHG Eb */
	case 0xc0: /* XADD Eb */
		return A_MODRM | A_BYTE;
	case 0xb2: /* LSS */
	case 0xb4: /* LFS */
	case 0xb5: /* LGS */
	case 0xc3: /* MOVNTI */
		return A_MODRM | A_MEM;
	case 0xae: /* group 15 (fences, XSAVE, FSGSBASE, ...) */
	case 0xb8: /* POPCNT (F3); JMPE (IA-64 only) without it */
	case 0xa6: /* VIA PadLock: MONTMUL, XSHA1, XSHA256 */
	case 0xa7: /* VIA PadLock: XSTORE, XCRYPT* */
	case 0xba: /* group 8: BT/BTS/BTR/BTC imm8 */
	case 0xc7: /* group 9 */
		return A_MODRM | A_SPECIAL;
	}
	/* 04, 0A, 0C, 24-27 (386 test registers), 36, 39, 3B-3F, 7A, 7B. */
	return A_INV;
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

/*
 * Group opcodes: validity and immediates that depend on ModRM.reg.
 * Returns the updated attributes or -EINVAL.
 */
/*
 * Mandatory prefixes.  In the SSE part of the 0F map and in the legacy
 * (non-VEX) 0F 38 / 0F 3A maps, the last of F2/F3 (else 66, else none)
 * selects the instruction, and a combination the maps leave empty is #UD.
 * One byte per opcode with the classes that exist; in the 0F 38 / 0F 3A
 * tables 0 means the opcode is undefined (exists only as VEX/EVEX, or not
 * at all), in the 0F table 0 means the opcode is not prefix-selected.
 */
#define PN 0x1	/* no mandatory prefix */
#define P66 0x2 /* 66 */
#define PF3 0x4 /* F3 */
#define PF2 0x8 /* F2 */

static const uint8_t sse_0f_prefixes[256] = {
	[0x10 ... 0x12] = PN | P66 | PF3 | PF2,
	[0x13 ... 0x15] = PN | P66,
	[0x16] = PN | P66 | PF3,
	[0x17] = PN | P66,
	[0x28 ... 0x29] = PN | P66,
	[0x2a ... 0x2d] = PN | P66 | PF3 | PF2,
	[0x2e ... 0x2f] = PN | P66,
	[0x50] = PN | P66,
	[0x51] = PN | P66 | PF3 | PF2,
	[0x52 ... 0x53] = PN | PF3,
	[0x54 ... 0x57] = PN | P66,
	[0x58 ... 0x5a] = PN | P66 | PF3 | PF2,
	[0x5b] = PN | P66 | PF3,
	[0x5c ... 0x5f] = PN | P66 | PF3 | PF2,
	[0x60 ... 0x6b] = PN | P66,
	[0x6c ... 0x6d] = P66,
	[0x6e] = PN | P66,
	[0x6f] = PN | P66 | PF3,
	[0x70] = PN | P66 | PF3 | PF2,
	[0x71 ... 0x76] = PN | P66,
	[0x7c ... 0x7d] = P66 | PF2,
	[0x7e ... 0x7f] = PN | P66 | PF3,
	[0xc2] = PN | P66 | PF3 | PF2,
	[0xc4 ... 0xc6] = PN | P66,
	[0xd0] = P66 | PF2,
	[0xd1 ... 0xd5] = PN | P66,
	[0xd6] = P66 | PF3 | PF2,
	/* PMOVMSKB: objdump accepts (and shows) a stray F2/F3; be as lenient. */
	[0xd7] = PN | P66 | PF3 | PF2,
	[0xd8 ... 0xe5] = PN | P66,
	[0xe6] = P66 | PF3 | PF2,
	[0xe7 ... 0xef] = PN | P66,
	[0xf0] = PF2,
	[0xf1 ... 0xfe] = PN | P66,
};

static const uint8_t map_0f38_prefixes[256] = {
	[0x00 ... 0x0b] = PN | P66,
	[0x10] = P66,
	[0x14 ... 0x15] = P66,
	[0x17] = P66,
	[0x1c ... 0x1e] = PN | P66,
	[0x20 ... 0x25] = P66,
	[0x28 ... 0x2b] = P66,
	[0x30 ... 0x35] = P66,
	[0x37 ... 0x41] = P66,
	[0x80 ... 0x82] = P66,
	[0xc8 ... 0xcd] = PN,
	[0xcf] = P66,
	[0xd8] = PF3,
	[0xdb] = P66,
	[0xdc ... 0xdf] = P66 | PF3,
	[0xf0 ... 0xf1] = PN | P66 | PF2,
	[0xf5] = P66,
	[0xf6] = PN | P66 | PF3,
	[0xf8] = P66 | PF3 | PF2,
	[0xf9] = PN,
	[0xfa ... 0xfb] = PF3,
	[0xfc] = PN | P66 | PF3 | PF2,
};

static const uint8_t map_0f3a_prefixes[256] = {
	[0x08 ... 0x0e] = P66, [0x0f] = PN | P66,     [0x14 ... 0x17] = P66,
	[0x20 ... 0x22] = P66, [0x40 ... 0x42] = P66, [0x44] = P66,
	[0x60 ... 0x63] = P66, [0xcc] = PN,	      [0xce ... 0xcf] = P66,
	[0xdf] = P66,	       [0xf0] = PF3,
};

static unsigned int prefix_class(const struct x86_insn *o)
{
	if (o->repne)
		return PF2;
	if (o->rep)
		return PF3;
	return o->opsize ? P66 : PN;
}

/* Legacy 0F 38 instructions that exist only with a memory or register operand. */
static int map_0f38_forms(const struct x86_insn *o, int attr)
{
	unsigned int cls = prefix_class(o);

	switch (o->opcode) {
	case 0x80: /* INVEPT */
	case 0x81: /* INVVPID */
	case 0x82: /* INVPCID */
	case 0xd8: /* AES*WIDE*KL */
	case 0xf5: /* WRUSS */
	case 0xf8: /* MOVDIR64B, ENQCMD, ENQCMDS */
	case 0xf9: /* MOVDIRI */
	case 0xfc: /* AADD, AAND, AOR, AXOR */
		return attr | A_MEM;
	case 0xdd: /* AESENCLAST (66); AESDEC128KL (F3, memory only) */
	case 0xde:
	case 0xdf:
		return cls == PF3 ? attr | A_MEM : attr;
	case 0xf0: /* MOVBE (memory); CRC32 (F2) */
	case 0xf1:
		return cls == PF2 ? attr : attr | A_MEM;
	case 0xf6: /* WRSS (memory); ADCX (66), ADOX (F3) */
		return cls == PN ? attr | A_MEM : attr;
	case 0xfa: /* ENCODEKEY128 */
	case 0xfb: /* ENCODEKEY256 */
		return attr | A_REG;
	}
	return attr;
}

static int group_attr(struct x86_insn *o, enum x86_mode mode, unsigned int a)
{
	int attr = a;
	unsigned int reg = (o->modrm >> 3) & 7, mod = o->modrm >> 6;

	if (o->map == 1) {
		switch (o->opcode) {
		case 0xf6: /* TEST Eb, imm8 (/0, and its alias /1) */
			return reg < 2 ? attr | A_I8 : attr;
		case 0xf7: /* TEST Ev, imm */
			return reg < 2 ? attr | A_IZ : attr;
		case 0xfe: /* INC/DEC Eb */
			return reg < 2 ? attr | A_BYTE : -EINVAL;
		case 0xff:
			if (reg == 7)
				return -EINVAL;
			if (reg == 3 || reg == 5)
				return attr | A_MEM; /* far CALL/JMP m16:xx */
			if (reg == 2 || reg == 4 || reg == 6)
				return attr | A_D64; /* near CALL/JMP, PUSH */
			return attr;
		case 0xc6: /* MOV Eb, imm8; XABORT imm8 */
			if (reg == 0 || o->modrm == 0xf8)
				return attr | A_I8 | A_BYTE;
			return -EINVAL;
		case 0xc7: /* MOV Ev, imm; XBEGIN rel */
			if (reg == 0 || o->modrm == 0xf8)
				return attr | A_IZ;
			return -EINVAL;
		case 0x8f: /* POP Ev */
			return reg == 0 ? attr | A_D64 : -EINVAL;
		}
		return attr;
	}
	if (o->map == 3)
		return map_0f38_forms(o, attr);
	if (o->map != 2)
		return attr;
	switch (o->opcode) {
	case 0x00: /* SLDT STR LLDT LTR VERR VERW */
		return reg < 6 ? attr : -EINVAL;
	case 0x01:
		/* SWAPGS exists only in 64-bit mode. */
		if (o->modrm == 0xf8 && mode != X86_MODE_LONG)
			return -EINVAL;
		return attr;
	case 0x78:
		/* EXTRQ (66, /0) and INSERTQ (F2) take imm8, imm8. */
		if (o->repne || (o->opsize && !o->rep))
			return attr | A_I16;
		return attr;
	case 0x71: /* PSRLW/PSRAW/PSLLW imm8: /2 /4 /6 */
	case 0x72: /* PSRLD/PSRAD/PSLLD imm8: /2 /4 /6 */
		return reg == 2 || reg == 4 || reg == 6 ? attr : -EINVAL;
	case 0x73: /* PSRLQ /2, PSRLDQ /3, PSLLQ /6, PSLLDQ /7 */
		return reg == 2 || reg == 3 || reg == 6 || reg == 7 ? attr
								    : -EINVAL;
	case 0xae:
		/* Without a prefix only the fences (/5-/7) have a register form. */
		if (mod == 3 && reg < 5 && !o->opsize && !o->rep && !o->repne)
			return -EINVAL;
		return attr;
	case 0xb8:
		return o->rep ? attr : -EINVAL;
	case 0xa6: /* C0 MONTMUL, C8 XSHA1, D0 XSHA256 */
		return o->modrm == 0xc0 || o->modrm == 0xc8 || o->modrm == 0xd0
			       ? attr
			       : -EINVAL;
	case 0xa7: /* C0 XSTORE, C8-E8 XCRYPT{ECB,CBC,CTR,CFB,OFB} */
		return o->modrm >= 0xc0 && o->modrm <= 0xe8 && !(o->modrm & 7)
			       ? attr
			       : -EINVAL;
	case 0xba: /* BT/BTS/BTR/BTC Ev, imm8 */
		return reg >= 4 ? attr | A_I8 : -EINVAL;
	case 0xc7:
		/*
		 * /1 CMPXCHG8B/16B, /3 XRSTORS, /4 XSAVEC, /5 XSAVES: memory;
		 * /6 VMPTRLD.. or RDRAND, /7 VMPTRST or RDSEED/RDPID.
		 */
		if (reg == 0 || reg == 2)
			return -EINVAL;
		if (reg < 6 && mod == 3)
			return -EINVAL;
		return attr;
	}
	return attr;
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
		*attr = attr_onebyte(op);
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
		if (!((op == 0x38 ? map_0f38_prefixes
				  : map_0f3a_prefixes)[o->opcode] &
		      prefix_class(o)))
			return -EINVAL;
		*attr = A_MODRM | (op == 0x3a ? A_I8 : A_SPECIAL);
		return 0;
	}
	if (op == 0x0f) {
		*attr = A_MODRM | A_I8; /* 3DNow!: the imm8 is the opcode */
		return 0;
	}
	if (sse_0f_prefixes[op] && !(sse_0f_prefixes[op] & prefix_class(o)))
		return -EINVAL;
	*attr = attr_0f(op);
	return 0;
}

/* 3DNow! (0F 0F /r ib): the trailing byte selects the operation. */
static bool three_dnow_defined(uint64_t suffix)
{
	switch (suffix) {
	case 0x0c: /* PI2FW */
	case 0x0d: /* PI2FD */
	case 0x1c: /* PF2IW */
	case 0x1d: /* PF2ID */
	case 0x86: /* PFRCPV (Geode) */
	case 0x87: /* PFRSQRTV (Geode) */
	case 0x8a: /* PFNACC */
	case 0x8e: /* PFPNACC */
	case 0x90: /* PFCMPGE */
	case 0x94: /* PFMIN */
	case 0x96: /* PFRCP */
	case 0x97: /* PFRSQRT */
	case 0x9a: /* PFSUB */
	case 0x9e: /* PFADD */
	case 0xa0: /* PFCMPGT */
	case 0xa4: /* PFMAX */
	case 0xa6: /* PFRCPIT1 */
	case 0xa7: /* PFRSQIT1 */
	case 0xaa: /* PFSUBR */
	case 0xae: /* PFACC */
	case 0xb0: /* PFCMPEQ */
	case 0xb4: /* PFMUL */
	case 0xb6: /* PFRCPIT2 */
	case 0xb7: /* PMULHRW */
	case 0xbb: /* PSWAPD */
	case 0xbf: /* PAVGUSB */
		return true;
	}
	return false;
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

	if (mode > X86_MODE_LONG)
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
	if ((attr & A_INV) || (lm && (attr & A_INV64)))
		return -EINVAL;

	if (attr & A_MODRM) {
		rc = decode_modrm(&d, out, lm, attr & A_REGONLY);
		if (rc)
			return rc;
		if (attr & A_SPECIAL) {
			rc = group_attr(out, mode, attr);
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
	    !three_dnow_defined(out->imm))
		return -EINVAL;
	out->len = d.pos;
	return d.pos;
}
