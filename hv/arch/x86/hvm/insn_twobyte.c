// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86 decoder tables: the 0F, 0F 38 and 0F 3A maps -- opcode attributes,
 * mandatory prefixes, operand-form rules and 3DNow! suffixes.
 */
#include <hv/types.h>
#include <hv/errno.h>
#define HV_INSN_INTERNAL
#include <hv/insn.h>

/* Two-byte (0F xx) opcode map; 0F 0F, 0F 38 and 0F 3A are handled apart. */
unsigned int x86_attr_0f(uint8_t op)
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
 * Mandatory prefixes.  In the SSE part of the 0F map and in the legacy
 * (non-VEX) 0F 38 / 0F 3A maps, the last of F2/F3 (else 66, else none)
 * selects the instruction, and a combination the maps leave empty is #UD.
 * One byte per opcode with the classes that exist; in the 0F 38 / 0F 3A
 * tables 0 means the opcode is undefined (exists only as VEX/EVEX, or not
 * at all), in the 0F table 0 means the opcode is not prefix-selected.
 */

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

unsigned int x86_prefix_class(const struct x86_insn *o)
{
	if (o->repne)
		return PF2;
	if (o->rep)
		return PF3;
	return o->opsize ? P66 : PN;
}

bool x86_prefix_ok(unsigned int map, uint8_t op, unsigned int cls)
{
	switch (map) {
	case 2:
		return !sse_0f_prefixes[op] || (sse_0f_prefixes[op] & cls);
	case 3:
		return map_0f38_prefixes[op] & cls;
	case 4:
		return map_0f3a_prefixes[op] & cls;
	}
	return true;
}

/* Legacy 0F 38 instructions that exist only with a memory or register operand. */
static int map_0f38_forms(const struct x86_insn *o, int attr)
{
	unsigned int cls = x86_prefix_class(o);

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

/*
 * Groups and operand-form rules of the 0F and 0F 38 maps.  Returns the
 * updated attributes or -EINVAL.
 */
int x86_group_0f(const struct x86_insn *o, enum x86_mode mode, unsigned int a)
{
	int attr = a;
	unsigned int reg = (o->modrm >> 3) & 7, mod = o->modrm >> 6;

	if (o->map == 3)
		return map_0f38_forms(o, attr);
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

/* 3DNow! (0F 0F /r ib): the trailing byte selects the operation. */
bool x86_3dnow_defined(uint64_t suffix)
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
