// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86 decoder tables: the one-byte opcode map and its groups (see
 * insn_decode.c for how they are used).
 */
#include <hv/types.h>
#include <hv/errno.h>
#define HV_INSN_INTERNAL
#include <hv/insn.h>

/* One-byte opcode map. */
unsigned int x86_attr_onebyte(uint8_t op)
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

/*
 * Groups of the one-byte map: validity and immediates that depend on
 * ModRM.reg.  Returns the updated attributes or -EINVAL.
 */
int x86_group_onebyte(const struct x86_insn *o, unsigned int a)
{
	int attr = a;
	unsigned int reg = (o->modrm >> 3) & 7;

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
