/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86 instruction decoder (hv/arch/x86/hvm/insn_decode.c, with its opcode
 * tables in insn_onebyte.c and insn_twobyte.c).
 *
 * Finds the length and the structural parts of one instruction: prefixes,
 * opcode map and byte, ModRM/SIB, displacement and immediate.  It does not
 * execute or check CPUID features.  Used by the SVM back-end to skip
 * intercepted instructions when the CPU gives no next-RIP, and to decode
 * MMIO accesses.
 *
 * Mode: X86_MODE_REAL and X86_MODE_PROT16 decode with 16-bit defaults,
 * X86_MODE_PROT32 with 32-bit defaults (pass PROT16/PROT32 according to
 * CS.D for compatibility mode), X86_MODE_LONG is 64-bit mode.  In real
 * mode VEX/EVEX/XOP do not exist, so C4/C5/62/8F are always the legacy
 * instructions there.
 *
 * Conventions of the result:
 *  - nr_prefixes counts every byte before the opcode (legacy and REX);
 *    rex is the REX byte in effect (a REX followed by a legacy prefix is
 *    ignored, as the CPU does); a later F2/F3 cancels an earlier F3/F2;
 *    seg is the last segment override.
 *  - map is 1 (one-byte), 2 (0F), 3 (0F38), 4 (0F3A); for VEX/EVEX it is
 *    the map the prefix selects (EVEX maps 5 and 6 give 5 and 6); XOP maps
 *    8/9/A give 8/9/10 with xop set.  3DNow! is map 2, opcode 0x0F, with
 *    its opcode suffix byte in imm.
 *  - disp is sign-extended; for the moffs forms A0-A3 (no ModRM) it holds
 *    the zero-extended absolute offset, disp_size 2, 4 or 8.
 *  - imm is the raw little-endian immediate, zero-extended (the caller
 *    sign-extends as the instruction requires); relative branch targets
 *    are immediates too.  ENTER: imm16 | imm8 << 16 (imm_size 3).  Far
 *    pointers: offset | selector << (8 * offset size) (imm_size 4 or 6).
 *    EXTRQ/INSERTQ imm8,imm8: first | second << 8 (imm_size 2).
 *  - opnd_bytes is the effective operand size of general-purpose forms
 *    (1 for byte forms, 8 for default-64-bit ones in long mode); for
 *    vector instructions it is only indicative.
 *  - Near branches with 66 in 64-bit mode take a 16-bit displacement, as
 *    on AMD (and in objdump's default decoding); Intel ignores 66 there.
 *
 * Encodings the CPU rejects with #UD whatever the operands give -EINVAL:
 * opcodes removed in 64-bit mode, undefined opcodes and group members,
 * register forms of memory-only instructions (LEA, LES/LDS/BOUND, far
 * CALL/JMP m16:xx, CMPXCHG8B, MOVNT*, ...) and the reverse (MOVMSK*,
 * shift groups 12-14), missing mandatory prefixes in the SSE part of the
 * 0F map and in 0F 38 / 0F 3A (e.g. F3 0F 54), 66/F2/F3/LOCK/REX before
 * VEX/EVEX/XOP, bad VEX/EVEX/XOP maps, unknown 3DNow! suffixes, SWAPGS
 * outside 64-bit mode.  Left lenient, because the length is the same and
 * real CPUs differ: LOCK on a non-lockable instruction, reserved x87
 * register forms, undocumented aliases (SALC, TEST F6/F7 /1), hint NOPs
 * (0F 18-1F), prefixes on non-SSE 0F opcodes, and instructions a given
 * CPU may simply lack.
 */
#ifndef HV_INSN_H
#define HV_INSN_H

#include <hv/types.h>

#define X86_MAX_INSN_LEN 15

enum x86_mode {
	X86_MODE_REAL,
	X86_MODE_PROT16,
	X86_MODE_PROT32,
	X86_MODE_LONG,
};

enum x86_seg {
	X86_SEG_ES,
	X86_SEG_CS,
	X86_SEG_SS,
	X86_SEG_DS,
	X86_SEG_FS,
	X86_SEG_GS,
};

struct x86_insn {
	uint8_t len;
	uint8_t nr_prefixes;
	bool opsize /* 66 */, adsize /* 67 */, lock, rep /* F3 */,
		repne /* F2 */;
	int8_t seg;  /* -1 none, else enum x86_seg */
	uint8_t rex; /* 0 none */
	bool vex, evex;
	uint8_t map; /* 1 = one-byte, 2 = 0F, 3 = 0F38, 4 = 0F3A */
	uint8_t opcode;
	bool has_modrm;
	uint8_t modrm, sib;
	bool has_sib;
	int64_t disp;
	uint8_t disp_size;
	uint64_t imm;
	uint8_t imm_size;
	uint8_t opnd_bytes; /* effective operand size 1/2/4/8 */
	/* Additions beyond the core interface. */
	bool xop;
	uint8_t opcode_bytes; /* escape/VEX bytes and the opcode itself */
	bool rip_relative;    /* long mode ModRM mod=00 rm=101 */
	uint8_t addr_bytes;   /* effective address size 2/4/8 */
	uint8_t vex_bytes[3]; /* VEX/XOP/EVEX payload after C4/C5/8F/62 */
};

/*
 * Decodes the instruction at @bytes, of which @avail are readable.
 * Returns its length (1..15), -EINVAL for an invalid encoding or one
 * longer than 15 bytes, or -ENODATA when @avail ends before the
 * instruction does.  @out is filled on success (and undefined otherwise).
 */
int x86_decode(const uint8_t *bytes, size_t avail, enum x86_mode mode,
	       struct x86_insn *out);

#ifdef HV_INSN_INTERNAL
/*
 * Shared by hv/arch/x86/hvm/insn_*.c only: opcode attributes and the
 * tables/rules that produce them.
 */
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
#define A_SPECIAL 0x1000 /* escape, group or other case needing code */
#define A_I32 0x2000	 /* 32-bit immediate (XOP map 0A) */
#define A_REG 0x4000	 /* memory form (mod != 11) is #UD */

/* Mandatory-prefix classes: the last of F2/F3, else 66, else none. */
#define PN 0x1	/* no mandatory prefix */
#define P66 0x2 /* 66 */
#define PF3 0x4 /* F3 */
#define PF2 0x8 /* F2 */

unsigned int x86_attr_onebyte(uint8_t op);
unsigned int x86_attr_0f(uint8_t op);
int x86_group_onebyte(const struct x86_insn *o, unsigned int attr);
int x86_group_0f(const struct x86_insn *o, enum x86_mode mode,
		 unsigned int attr);
unsigned int x86_prefix_class(const struct x86_insn *o);
bool x86_prefix_ok(unsigned int map, uint8_t op, unsigned int cls);
bool x86_3dnow_defined(uint64_t suffix);
#endif

#endif
