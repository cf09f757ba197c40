// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests for the x86 instruction decoder (hv/arch/x86/hvm/insn_decode.c):
 *  (a) a table of hand-picked tricky encodings,
 *  (b) a corpus of real instructions whose lengths come from objdump
 *      (insn-data/corpus.txt next to this binary, see gen-insn-corpus.sh),
 *  (c) random byte strings, which must never crash and must give
 *      self-consistent answers.
 * Every decode reads from a heap buffer of exactly the bytes it is given,
 * so ASan reports any read beyond them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <cmocka.h>

#include <hv/types.h>
#include <hv/errno.h>
#include <hv/insn.h>

static char data_dir[4096];

#define R X86_MODE_REAL
#define P16 X86_MODE_PROT16
#define P32 X86_MODE_PROT32
#define L64 X86_MODE_LONG

static const char *mode_name(enum x86_mode m)
{
	static const char *const names[] = { "real", "prot16", "prot32",
					     "long" };

	return names[m];
}

/* The parts the decoder reports add up to its length. */
static void check_parts(const struct x86_insn *i, int len)
{
	unsigned int expect;

	if (i->evex)
		expect = 5; /* 62 P0 P1 P2 opcode */
	else if (i->xop)
		expect = 4; /* 8F, two payload bytes, opcode */
	else if (i->vex)
		expect = i->opcode_bytes == 3 ? 3 : 4; /* C5 or C4 form */
	else
		expect = i->map == 1 ? 1 : i->map == 2 ? 2 : 3;
	assert_int_equal(i->opcode_bytes, expect);
	assert_int_equal(i->nr_prefixes + i->opcode_bytes + i->has_modrm +
				 i->has_sib + i->disp_size + i->imm_size,
			 len);
	assert_int_equal(i->len, len);
	if (i->has_sib)
		assert_true(i->has_modrm);
	if (i->vex || i->evex || i->xop)
		assert_int_equal(i->rex, 0);
}

/* Decodes @n bytes from an exact-size heap copy. */
static int decode(const uint8_t *bytes, size_t n, enum x86_mode mode,
		  struct x86_insn *out)
{
	uint8_t *p = malloc(n ? n : 1);
	int rc;

	assert_non_null(p);
	memcpy(p, bytes, n);
	rc = x86_decode(n ? p : NULL, n, mode, out);
	free(p);
	if (rc > 0)
		check_parts(out, rc);
	return rc;
}

static size_t parse_hex(const char *s, uint8_t *out, size_t max)
{
	size_t n = 0;

	while (*s && n < max) {
		unsigned int v;

		while (*s == ' ')
			s++;
		if (!*s)
			break;
		if (sscanf(s, "%2x", &v) != 1)
			fail_msg("bad hex \"%s\"", s);
		out[n++] = v;
		s += 2;
	}
	return n;
}

struct tcase {
	enum x86_mode mode;
	const char *hex;
	int expect; /* length, or -EINVAL / -ENODATA */
	const char *what;
};

static const struct tcase cases[] = {
	/* Instructions the SVM back-end skips. */
	{ L64, "0f a2", 2, "cpuid" },
	{ L64, "0f 32", 2, "rdmsr" },
	{ L64, "0f 30", 2, "wrmsr" },
	{ L64, "0f 01 d9", 3, "vmmcall" },
	{ L64, "0f 01 c1", 3, "vmcall" },
	{ L64, "f4", 1, "hlt" },
	{ L64, "e4 60", 2, "in al, imm8" },
	{ L64, "e5 60", 2, "in eax, imm8" },
	{ L64, "66 e5 60", 3, "in ax, imm8" },
	{ L64, "e6 80", 2, "out imm8, al" },
	{ L64, "e7 80", 2, "out imm8, eax" },
	{ L64, "ec", 1, "in al, dx" },
	{ L64, "ed", 1, "in eax, dx" },
	{ L64, "ee", 1, "out dx, al" },
	{ L64, "66 ef", 2, "out dx, ax" },
	{ L64, "f3 6c", 2, "rep insb" },
	{ L64, "f3 66 6d", 3, "rep insw" },
	{ L64, "66 f3 6d", 3, "rep insw (other order)" },
	{ L64, "f3 6e", 2, "rep outsb" },
	{ L64, "f3 6f", 2, "rep outsd" },
	{ L64, "f3 67 6f", 3, "rep outsd, 32-bit address" },
	{ L64, "2e f3 6f", 3, "rep outsd cs:" },
	{ L64, "0f 31", 2, "rdtsc" },
	{ L64, "0f 01 f9", 3, "rdtscp" },
	{ L64, "0f 01 c8", 3, "monitor" },
	{ L64, "0f 01 c9", 3, "mwait" },
	{ L64, "0f 01 d1", 3, "xsetbv" },
	{ L64, "0f 01 38", 3, "invlpg (rax)" },
	{ L64, "0f 01 3c 24", 4, "invlpg (rsp)" },
	{ L64, "0f 01 7d 00", 4, "invlpg 0(rbp)" },
	{ L64, "41 0f 01 7d 00", 5, "invlpg 0(r13)" },
	{ L64, "0f 01 bc 24 78 56 34 12", 8, "invlpg disp32(rsp)" },
	{ L64, "0f 01 3d 78 56 34 12", 7, "invlpg rip-relative" },
	{ P32, "0f 01 3d 78 56 34 12", 7, "invlpg abs32" },
	{ P16, "0f 01 3e 34 12", 5, "invlpg abs16" },
	{ L64, "0f 20 c0", 3, "mov rax, cr0" },
	{ L64, "0f 20 00", 3, "mov cr, mod=00 is still a register" },
	{ L64, "0f 22 58", 3, "mov cr, mod=01: no displacement" },
	{ L64, "0f 23 80", 3, "mov dr, mod=10: no displacement" },
	{ L64, "0f 21 04", 3, "mov dr, rm=100: no SIB" },
	{ L64, "44 0f 20 c0", 4, "mov rax, cr8" },
	{ P32, "0f 22 05", 3, "mov cr0, rm=101 mod=00: no disp32" },
	{ P16, "0f 20 06", 3, "mov cr, 16-bit rm=110: no disp16" },
	{ L64, "f3 90", 2, "pause" },
	{ L64, "cc", 1, "int3" },
	{ L64, "cd 80", 2, "int 0x80" },
	{ L64, "cf", 1, "iret" },
	{ L64, "48 cf", 2, "iretq" },
	{ L64, "66 cf", 2, "iretw" },
	{ L64, "0f 09", 2, "wbinvd" },
	{ L64, "0f 08", 2, "invd" },
	{ L64, "f1", 1, "int1" },
	/* Group 3: TEST has an immediate, the others do not. */
	{ L64, "f6 c0 12", 3, "test al, imm8" },
	{ L64, "f6 c8 12", 3, "test al, imm8 (/1 alias)" },
	{ L64, "f6 d0", 2, "not al" },
	{ L64, "f6 38", 2, "idiv byte (rax)" },
	{ L64, "f7 c0 78 56 34 12", 6, "test eax, imm32" },
	{ L64, "66 f7 c0 34 12", 5, "test ax, imm16" },
	{ L64, "48 f7 c0 78 56 34 12", 7, "test rax, imm32" },
	{ L64, "f7 d8", 2, "neg eax" },
	{ L64, "f7 04 24 78 56 34 12", 7, "test (rsp), imm32" },
	{ L64, "f7 05 11 11 11 11 78 56 34 12", 10, "test rip, imm32" },
	{ P16, "f7 06 34 12 78 56", 6, "test [0x1234], imm16" },
	{ P16, "66 f7 06 34 12 78 56 34 12", 9, "test dword [0x1234]" },
	/* moffs. */
	{ L64, "a0 88 77 66 55 44 33 22 11", 9, "mov al, moffs64" },
	{ L64, "48 a1 88 77 66 55 44 33 22 11", 10, "mov rax, moffs64" },
	{ L64, "67 a0 44 33 22 11", 6, "mov al, moffs32" },
	{ L64, "66 a3 88 77 66 55 44 33 22 11", 10, "mov moffs64, ax" },
	{ P32, "a1 44 33 22 11", 5, "mov eax, moffs32" },
	{ P32, "67 a1 22 11", 4, "mov eax, moffs16" },
	{ P16, "a1 22 11", 3, "mov ax, moffs16" },
	{ P16, "67 a1 44 33 22 11", 6, "mov ax, moffs32" },
	{ R, "a2 22 11", 3, "mov moffs16, al (real)" },
	/* MOV r, imm. */
	{ L64, "48 b8 88 77 66 55 44 33 22 11", 10, "mov rax, imm64" },
	{ L64, "49 bf 88 77 66 55 44 33 22 11", 10, "mov r15, imm64" },
	{ L64, "b8 44 33 22 11", 5, "mov eax, imm32" },
	{ L64, "41 b8 44 33 22 11", 6, "mov r8d, imm32" },
	{ L64, "66 b8 22 11", 4, "mov ax, imm16" },
	{ L64, "48 c7 c0 44 33 22 11", 7, "mov rax, simm32" },
	{ L64, "b0 12", 2, "mov al, imm8" },
	{ P16, "b8 22 11", 3, "mov ax, imm16 (16-bit)" },
	{ P16, "66 b8 44 33 22 11", 6, "mov eax, imm32 (16-bit)" },
	/* ENTER, RET imm16, far transfers. */
	{ L64, "c8 10 00 01", 4, "enter" },
	{ P16, "c8 10 00 00", 4, "enter (16-bit)" },
	{ L64, "c2 08 00", 3, "ret imm16" },
	{ L64, "ca 08 00", 3, "retf imm16" },
	{ L64, "9a 00 00 00 00 10 00", -EINVAL, "callf ptr (long)" },
	{ L64, "ea 00 00 00 00 10 00", -EINVAL, "jmpf ptr (long)" },
	{ P32, "9a 78 56 34 12 10 00", 7, "callf ptr16:32" },
	{ P32, "66 ea 34 12 10 00", 6, "jmpf ptr16:16 (32-bit)" },
	{ P16, "ea 34 12 10 00", 5, "jmpf ptr16:16" },
	{ P16, "66 ea 78 56 34 12 10 00", 8, "jmpf ptr16:32 (16-bit)" },
	{ L64, "ff 18", 2, "callf m16:32" },
	{ L64, "ff d8", -EINVAL, "callf with register operand" },
	{ L64, "ff 2c 24", 3, "jmpf m16:32 (rsp)" },
	{ L64, "ff e8", -EINVAL, "jmpf with register operand" },
	{ L64, "ff f8", -EINVAL, "ff /7" },
	{ L64, "ff d0", 2, "call rax" },
	{ L64, "ff 30", 2, "push (rax)" },
	{ L64, "fe c0", 2, "inc al" },
	{ L64, "fe d0", -EINVAL, "fe /2" },
	/* Operand and address size prefixes. */
	{ L64, "05 44 33 22 11", 5, "add eax, imm32" },
	{ L64, "66 05 22 11", 4, "add ax, imm16" },
	{ L64, "48 05 44 33 22 11", 6, "add rax, simm32" },
	{ L64, "66 48 05 44 33 22 11", 7, "REX.W beats 66" },
	{ L64, "48 66 05 22 11", 5, "REX before 66 is ignored" },
	{ L64, "48 41 b8 44 33 22 11", 7, "only the last REX counts" },
	{ L64, "68 44 33 22 11", 5, "push imm32" },
	{ L64, "66 68 22 11", 4, "push imm16" },
	{ P32, "05 44 33 22 11", 5, "add eax, imm32 (32-bit)" },
	{ P32, "66 05 22 11", 4, "add ax, imm16 (32-bit)" },
	{ P16, "05 22 11", 3, "add ax, imm16 (16-bit)" },
	{ P16, "66 05 44 33 22 11", 6, "add eax, imm32 (16-bit)" },
	{ L64, "e8 44 33 22 11", 5, "call rel32" },
	{ L64, "66 e8 22 11", 4, "call rel16 (66, AMD)" },
	{ L64, "0f 84 44 33 22 11", 6, "jz rel32" },
	{ L64, "66 0f 84 22 11", 5, "jz rel16 (66, AMD)" },
	{ L64, "48 e9 44 33 22 11", 6, "jmp rel32 with REX.W" },
	{ P16, "e8 22 11", 3, "call rel16" },
	{ P16, "66 e8 44 33 22 11", 6, "call rel32 (16-bit)" },
	{ P16, "0f 85 22 11", 4, "jnz rel16" },
	{ L64, "eb fe", 2, "jmp rel8" },
	{ L64, "e3 fe", 2, "jrcxz" },
	/* ModRM / SIB / RIP-relative. */
	{ L64, "8b 05 78 56 34 12", 6, "rip-relative" },
	{ L64, "67 8b 05 78 56 34 12", 7, "eip-relative" },
	{ L64, "8b 04 25 78 56 34 12", 7, "SIB base=5 mod=00: abs32" },
	{ L64, "41 8b 04 25 78 56 34 12", 8, "SIB base=13 mod=00: abs32" },
	{ L64, "8b 44 25 12", 4, "SIB base=5 mod=01: rbp+disp8" },
	{ L64, "8b 84 25 78 56 34 12", 7, "SIB base=5 mod=10: disp32" },
	{ L64, "8b 04 24", 3, "(rsp)" },
	{ L64, "8b 45 00", 3, "0(rbp)" },
	{ L64, "8b 00", 2, "(rax)" },
	{ L64, "8b c0", 2, "register" },
	{ L64, "8b 80 78 56 34 12", 6, "disp32(rax)" },
	{ P32, "8b 05 78 56 34 12", 6, "abs32" },
	{ P32, "8b 04 25 78 56 34 12", 7, "SIB abs32 (32-bit)" },
	{ P32, "67 8b 06 34 12", 5, "16-bit addressing in 32-bit mode" },
	{ P16, "8b 06 34 12", 4, "mov ax, [0x1234]" },
	{ P16, "8b 46 12", 3, "mov ax, [bp+0x12]" },
	{ P16, "8b 86 34 12", 4, "mov ax, [bp+0x1234]" },
	{ P16, "8b 00", 2, "mov ax, [bx+si]" },
	{ P16, "8b 04", 2, "mov ax, [si]: no SIB in 16-bit" },
	{ P16, "8b 05", 2, "mov ax, [di]: no disp32 in 16-bit" },
	{ P16, "67 8b 04 24", 4, "32-bit addressing with SIB" },
	{ P16, "67 8b 05 78 56 34 12", 7, "32-bit abs addressing" },
	{ R, "8b 06 34 12", 4, "real mode [0x1234]" },
	/* VEX, LES/LDS. */
	{ L64, "c5 f8 77", 3, "vzeroupper" },
	{ L64, "c5 fc 77", 3, "vzeroall" },
	{ L64, "c4 e2 79 18 00", 5, "vbroadcastss (rax)" },
	{ L64, "c4 e3 79 04 c1 05", 6, "vpermilps imm8" },
	{ L64, "c4 e1 f9 7e c0", 5, "vmovq rax, xmm0" },
	{ L64, "c5 f9 70 c1 1b", 5, "vpshufd imm8" },
	{ L64, "c5 f8 c6 c1 1b", 5, "vshufps imm8" },
	{ L64, "c5 fc 58 05 78 56 34 12", 8, "vaddps rip" },
	{ L64, "c4 e0 79 18 00", -EINVAL, "VEX map 0" },
	{ L64, "c4 e4 79 18 00", -EINVAL, "VEX map 4" },
	{ L64, "66 c5 f8 77", -EINVAL, "66 before VEX" },
	{ L64, "f3 c5 f8 77", -EINVAL, "F3 before VEX" },
	{ L64, "f0 c5 f8 77", -EINVAL, "LOCK before VEX" },
	{ L64, "40 c5 f8 77", -EINVAL, "REX before VEX" },
	{ L64, "67 c4 e2 79 18 00", 6, "67 before VEX is fine" },
	{ L64, "c4 00", -EINVAL, "VEX map 0 (looks like LES)" },
	{ P32, "c5 f8 77", 3, "vzeroupper (32-bit)" },
	{ P32, "c4 e2 79 18 00", 5, "vbroadcastss (32-bit)" },
	{ P32, "c4 00", 2, "les eax, (eax)" },
	{ P32, "c5 05 78 56 34 12", 6, "lds eax, abs32" },
	{ P32, "c4 44 24 12", 4, "les eax, disp8(esp)" },
	{ P16, "c4 06 34 12", 4, "les ax, [0x1234]" },
	{ P16, "c5 f8 77", 3, "vzeroupper (16-bit protected)" },
	{ R, "c5 f8", -EINVAL, "lds with register (real)" },
	{ R, "c4 06 34 12", 4, "les (real)" },
	/* EVEX, BOUND. */
	{ L64, "62 f1 7c 48 58 c1", 6, "vaddps zmm" },
	{ L64, "62 f1 7c 48 58 40 01", 7, "vaddps zmm, disp8*N" },
	{ L64, "62 f1 7c 48 58 80 00 01 00 00", 10, "vaddps zmm, disp32" },
	{ L64, "62 f3 7d 48 1b c1 01", 7, "vextractf32x8 imm8" },
	{ L64, "62 f1 7d 48 70 c1 1b", 7, "vpshufd zmm imm8" },
	{ L64, "62 f1 7c 48 77 c1", 6, "EVEX 0F 77 has ModRM" },
	{ L64, "62 f5 7c 48 58 c1", 6, "vaddph (map 5)" },
	{ L64, "62 f1 78 48 58 c1", -EINVAL, "EVEX P1 bit 2 clear" },
	{ L64, "62 f0 7c 48 58 c1", -EINVAL, "EVEX map 0" },
	{ L64, "62 f4 7c 48 58 c1", -EINVAL, "EVEX map 4" },
	{ L64, "62 f7 7c 48 58 c1", -EINVAL, "EVEX map 7" },
	{ L64, "62 f1", -ENODATA, "EVEX cut after P0" },
	{ L64, "62 00", -EINVAL, "EVEX map 0 seen in P0" },
	{ P32, "62 f1 7c 48 58 c1", 6, "vaddps zmm (32-bit)" },
	{ P32, "62 00", 2, "bound eax, (eax)" },
	{ P32, "62 05 78 56 34 12", 6, "bound eax, abs32" },
	{ P16, "62 06 34 12", 4, "bound ax, [0x1234]" },
	{ R, "62 c0", -EINVAL, "bound with register (real)" },
	/* XOP and POP Ev. */
	{ L64, "8f e8 78 a2 ca 40", 6, "vpcmov (XOP map 8, imm8)" },
	{ L64, "8f e9 78 80 ca", 5, "vfrczps (XOP map 9)" },
	{ L64, "8f ea 78 10 c0 78 56 34 12", 9, "bextr imm32 (XOP map A)" },
	{ L64, "8f eb 78 10 c0", -EINVAL, "XOP map B" },
	{ L64, "8f c0", 2, "pop rax" },
	{ L64, "8f 00", 2, "pop (rax)" },
	{ L64, "8f 20", -EINVAL, "8f /4, not XOP" },
	{ P32, "8f e8 78 a2 ca 40", 6, "vpcmov (32-bit)" },
	{ R, "8f e8", -EINVAL, "8f /5 in real mode" },
	{ R, "8f 06 34 12", 4, "pop [0x1234] (real)" },
	/* 3DNow!, x87, 0F38/0F3A, SSE4a. */
	{ L64, "0f 0f c1 9e", 4, "pfadd" },
	{ L64, "0f 0f 40 12 9e", 5, "pfadd disp8" },
	{ L64, "0f 0f 05 78 56 34 12 9e", 8, "pfadd rip" },
	{ L64, "d9 c0", 2, "fld st0" },
	{ L64, "dd 05 78 56 34 12", 6, "fld qword rip" },
	{ L64, "de c1", 2, "faddp" },
	{ L64, "df e0", 2, "fnstsw ax" },
	{ P16, "d9 06 34 12", 4, "fld [0x1234]" },
	{ L64, "66 0f 38 00 c1", 5, "pshufb" },
	{ L64, "66 0f 3a 0f c1 03", 6, "palignr" },
	{ L64, "f2 0f 38 f1 c1", 5, "crc32" },
	{ L64, "66 0f 78 c1 04 08", 6, "extrq imm, imm" },
	{ L64, "f2 0f 78 ca 04 08", 6, "insertq imm, imm" },
	{ L64, "0f 78 c1", 3, "vmread" },
	{ L64, "66 0f 79 ca", 4, "extrq xmm" },
	{ L64, "f3 0f b8 c1", 4, "popcnt" },
	{ L64, "f3 0f 1e fa", 4, "endbr64" },
	{ L64, "0f 1f 44 00 00", 5, "nopl 0(rax,rax)" },
	{ L64, "66 2e 0f 1f 84 00 00 00 00 00", 10, "long nop" },
	/* Groups whose members differ. */
	{ L64, "c6 c0 12", 3, "mov al, imm8" },
	{ L64, "c6 c8 12", -EINVAL, "c6 /1" },
	{ L64, "c6 f8 12", 3, "xabort" },
	{ L64, "c6 f9 12", -EINVAL, "c6 /7 rm=1" },
	{ L64, "c7 f8 44 33 22 11", 6, "xbegin rel32" },
	{ L64, "66 c7 f8 22 11", 5, "xbegin rel16" },
	{ L64, "c7 c8 44 33 22 11", -EINVAL, "c7 /1" },
	{ L64, "0f ba e0 03", 4, "bt eax, 3" },
	{ L64, "0f ba c0 03", -EINVAL, "0f ba /0" },
	{ L64, "0f 00 d8", 3, "ltr ax" },
	{ L64, "0f 00 f0", -EINVAL, "0f 00 /6" },
	{ L64, "0f c7 08", 3, "cmpxchg8b (rax)" },
	{ L64, "0f c7 c8", -EINVAL, "cmpxchg8b with register" },
	{ L64, "0f c7 f0", 3, "rdrand eax" },
	{ L64, "0f c7 00", -EINVAL, "0f c7 /0" },
	{ L64, "0f 01 f8", 3, "swapgs" },
	{ P32, "0f 01 f8", -EINVAL, "swapgs outside long mode" },
	{ L64, "8d 00", 2, "lea (rax)" },
	{ L64, "8d c0", -EINVAL, "lea with register" },
	{ L64, "0f b2 c0", -EINVAL, "lss with register" },
	{ L64, "63 c1", 2, "movsxd" },
	{ P32, "63 c1", 2, "arpl" },
	/* Opcodes gone in long mode. */
	{ L64, "06", -EINVAL, "push es" },
	{ P32, "06", 1, "push es (32-bit)" },
	{ L64, "27", -EINVAL, "daa" },
	{ P16, "27", 1, "daa (16-bit)" },
	{ L64, "60", -EINVAL, "pusha" },
	{ L64, "ce", -EINVAL, "into" },
	{ P32, "ce", 1, "into (32-bit)" },
	{ L64, "d4 0a", -EINVAL, "aam" },
	{ P32, "d4 0a", 2, "aam (32-bit)" },
	{ L64, "d6", -EINVAL, "salc" },
	{ L64, "82 c0 12", -EINVAL, "82 alias" },
	{ P32, "82 c0 12", 3, "82 alias (32-bit)" },
	{ P32, "40", 1, "inc eax (32-bit)" },
	{ L64, "40", -ENODATA, "lone REX" },
	{ L64, "40 90", 2, "rex nop" },
	/* Undefined opcodes. */
	{ L64, "0f 04", -EINVAL, "0f 04" },
	{ L64, "0f 0a", -EINVAL, "0f 0a" },
	{ L64, "0f 24 c0", -EINVAL, "mov tr" },
	{ L64, "0f 36", -EINVAL, "0f 36" },
	{ L64, "0f 39", -EINVAL, "0f 39" },
	{ L64, "0f a6 c0", 3, "montmul (VIA)" },
	{ L64, "f3 0f a7 e8", 4, "rep xcrypt-ofb (VIA)" },
	{ L64, "0f a6 d8", -EINVAL, "0f a6 /3" },
	{ L64, "0f a7 00", -EINVAL, "0f a7 memory form" },
	{ L64, "0f 7a", -EINVAL, "0f 7a" },
	{ L64, "0f 0b", 2, "ud2 is a defined encoding" },
	{ L64, "0f 0f c1 11", -EINVAL, "3DNow! suffix 11" },
	{ L64, "0f 38 f0 c1", -EINVAL, "movbe with registers" },
	{ L64, "f2 0f 38 f0 c1", 5, "crc32 with registers" },
	{ L64, "66 0f 38 80 c1", -EINVAL, "invept with registers" },
	{ L64, "f3 0f 38 fa c1", 5, "encodekey128" },
	{ L64, "f3 0f 38 fa 01", -EINVAL, "encodekey128 with memory" },
	{ L64, "f3 0f 58 c1", 4, "addss" },
	{ L64, "66 f3 0f 58 c1", 5, "addss (F3 beats 66)" },
	{ L64, "f3 f2 0f 58 c1", 5, "addsd (last of F2/F3 wins)" },
	{ L64, "f3 0f 54 c1", -EINVAL, "andps has no F3 form" },
	{ L64, "f2 0f 60 c1", -EINVAL, "punpcklbw has no F2 form" },
	{ L64, "0f 6c c1", -EINVAL, "punpcklqdq needs 66" },
	{ L64, "0f f0 08", -EINVAL, "lddqu needs F2" },
	{ L64, "f2 0f f0 08", 4, "lddqu" },
	{ L64, "0f 38 10 c1", -EINVAL, "pblendvb needs 66" },
	{ L64, "f3 0f 38 f6 c1", 5, "adox" },
	{ L64, "f2 0f 38 f6 c1", -EINVAL, "0f 38 f6 has no F2 form" },
	{ L64, "0f 3a 0f c1 03", 5, "palignr mm" },
	{ L64, "0f 3a 0e c1 03", -EINVAL, "pblendw needs 66" },
	{ L64, "f3 0f 09", 3, "wbnoinvd" },
	{ L64, "66 0f 09", 3, "66 is ignored on non-SSE opcodes" },
	{ L64, "0f 71 d0 03", 4, "psrlw mm0, 3" },
	{ L64, "0f 71 c0 03", -EINVAL, "0f 71 /0" },
	{ L64, "66 0f 73 d8 03", 5, "psrldq xmm0, 3" },
	{ L64, "0f 73 00 03", -EINVAL, "0f 73 memory form" },
	{ L64, "0f 50 c1", 3, "movmskps" },
	{ L64, "0f 50 01", -EINVAL, "movmskps memory form" },
	{ L64, "0f 2b c1", -EINVAL, "movntps register form" },
	{ L64, "0f 0d c0", -EINVAL, "prefetch register form" },
	{ L64, "0f b8 c1", -EINVAL, "jmpe" },
	{ L64, "0f ae f8", 3, "sfence" },
	{ L64, "0f ae c0", -EINVAL, "0f ae /0 register form" },
	{ L64, "f3 48 0f ae c0", 5, "rdfsbase rax" },
	{ L64, "0f ae 00", 3, "fxsave (rax)" },
	{ L64, "66 0f 38 36 c1", -EINVAL, "0f 38 36 exists only as VEX" },
	{ L64, "0f 38 ff c1", -EINVAL, "0f 38 ff" },
	{ L64, "66 0f 3a 00 c1 00", -EINVAL, "0f 3a 00 exists only as VEX" },
	{ L64, "66 0f 3a 44 c1 00", 6, "pclmulqdq" },
	{ L64, "66 0f 38 82 08", 5, "invpcid" },
	{ L64, "0f ff c0", 3, "ud0" },
	{ L64, "0f b9 c0", 3, "ud1" },
	/* Length limits and short buffers. */
	{ L64, "66 66 66 66 66 66 66 66 66 66 66 66 66 66 90", 15, "15" },
	{ L64, "66 66 66 66 66 66 66 66 66 66 66 66 66 66 66 90", -EINVAL,
	  "16 bytes" },
	{ L64, "66 66 66 66 66 66 66 66 66 66 66 66 66 66 66", -EINVAL,
	  "15 prefixes, nothing more readable" },
	{ L64, "66 66 66 66 66 66 66 66 66 66 66 66 66 66", -ENODATA,
	  "14 prefixes, then the end of the buffer" },
	{ L64, "66 66 66 66 66 66 66 66 66 66 66 66 66 05 22 11", -EINVAL,
	  "immediate crosses byte 15" },
	{ L64, "f0 f2 f3 2e 36 3e 26 64 65 66 67 48 8b 04 24", 15,
	  "every prefix" },
	{ L64, "", -ENODATA, "empty" },
	{ L64, "0f", -ENODATA, "0f" },
	{ L64, "0f 38", -ENODATA, "0f 38" },
	{ L64, "b8 12", -ENODATA, "mov eax, imm32 cut" },
	{ L64, "8b", -ENODATA, "no ModRM" },
	{ L64, "8b 04", -ENODATA, "no SIB" },
	{ L64, "8b 80 00", -ENODATA, "disp32 cut" },
	{ L64, "c4", -ENODATA, "VEX cut" },
	{ P32, "c4", -ENODATA, "VEX or LES?" },
	{ L64, "f3", -ENODATA, "prefix only" },
};

static void test_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct tcase *t = &cases[i];
		struct x86_insn insn;
		uint8_t b[32];
		size_t n = parse_hex(t->hex, b, sizeof(b));
		int rc = decode(b, n, t->mode, &insn);

		if (rc != t->expect)
			fail_msg("%s [%s] %s: got %d, expected %d", t->what,
				 mode_name(t->mode), t->hex, rc, t->expect);
		if (rc > 0)
			assert_int_equal(insn.len, rc);
	}
}

/* Field-level checks on a few decodes. */
static void test_fields(void **state)
{
	struct x86_insn i;
	uint8_t b[32];
	size_t n;

	(void)state;
	n = parse_hex("f0 f2 f3 2e 36 3e 26 64 65 66 67 48 8b 04 24", b, 32);
	assert_int_equal(decode(b, n, L64, &i), 15);
	assert_int_equal(i.nr_prefixes, 12);
	assert_true(i.lock && i.rep && !i.repne && i.opsize && i.adsize);
	assert_int_equal(i.seg, X86_SEG_GS);
	assert_int_equal(i.rex, 0x48);
	assert_int_equal(i.map, 1);
	assert_int_equal(i.opcode, 0x8b);
	assert_true(i.has_modrm && i.has_sib);
	assert_int_equal(i.modrm, 0x04);
	assert_int_equal(i.sib, 0x24);
	assert_int_equal(i.opnd_bytes, 8);
	assert_int_equal(i.addr_bytes, 4);

	n = parse_hex("48 66 89 43 f0", b, 32);
	assert_int_equal(decode(b, n, L64, &i), 5);
	assert_int_equal(i.rex, 0);
	assert_int_equal(i.opnd_bytes, 2);
	assert_int_equal(i.disp, -16);
	assert_int_equal(i.disp_size, 1);

	n = parse_hex("f3 f2 a6", b, 32);
	assert_int_equal(decode(b, n, P32, &i), 3);
	assert_true(i.repne && !i.rep);
	assert_int_equal(i.opnd_bytes, 1);

	n = parse_hex("8b 05 fc ff ff ff", b, 32);
	assert_int_equal(decode(b, n, L64, &i), 6);
	assert_true(i.rip_relative);
	assert_int_equal(i.disp, -4);
	assert_int_equal(i.disp_size, 4);
	assert_int_equal(decode(b, n, P32, &i), 6);
	assert_false(i.rip_relative);

	n = parse_hex("48 a1 88 77 66 55 44 33 22 11", b, 32);
	assert_int_equal(decode(b, n, L64, &i), 10);
	assert_false(i.has_modrm);
	assert_true((uint64_t)i.disp == 0x1122334455667788ULL);
	assert_int_equal(i.disp_size, 8);
	assert_int_equal(i.imm_size, 0);

	n = parse_hex("49 bf 88 77 66 55 44 33 22 11", b, 32);
	assert_int_equal(decode(b, n, L64, &i), 10);
	assert_true(i.imm == 0x1122334455667788ULL);
	assert_int_equal(i.imm_size, 8);
	assert_int_equal(i.opnd_bytes, 8);
	assert_int_equal(i.opcode, 0xbf);

	n = parse_hex("c8 34 12 05", b, 32);
	assert_int_equal(decode(b, n, L64, &i), 4);
	assert_int_equal(i.imm, 0x051234);
	assert_int_equal(i.imm_size, 3);

	n = parse_hex("66 ea 34 12 10 00", b, 32);
	assert_int_equal(decode(b, n, P32, &i), 6);
	assert_int_equal(i.imm, 0x00101234);
	assert_int_equal(i.imm_size, 4);

	n = parse_hex("8b 46 fe", b, 32);
	assert_int_equal(decode(b, n, R, &i), 3);
	assert_int_equal(i.disp, -2);
	assert_int_equal(i.addr_bytes, 2);
	assert_int_equal(i.opnd_bytes, 2);

	n = parse_hex("66 ed", b, 32);
	assert_int_equal(decode(b, n, P16, &i), 2);
	assert_int_equal(i.opnd_bytes, 4);
	assert_int_equal(decode(b, n, L64, &i), 2);
	assert_int_equal(i.opnd_bytes, 2);

	n = parse_hex("0f 20 d8", b, 32);
	assert_int_equal(decode(b, n, L64, &i), 3);
	assert_int_equal(i.opnd_bytes, 8);
	assert_int_equal(i.map, 2);
	assert_int_equal(i.opcode, 0x20);
	assert_int_equal(decode(b, n, P32, &i), 3);
	assert_int_equal(i.opnd_bytes, 4);

	n = parse_hex("0f 01 d9", b, 32);
	assert_int_equal(decode(b, n, L64, &i), 3);
	assert_int_equal(i.map, 2);
	assert_int_equal(i.opcode, 0x01);
	assert_int_equal(i.modrm, 0xd9);

	n = parse_hex("ff 35 00 10 00 00", b, 32);
	assert_int_equal(decode(b, n, L64, &i), 6);
	assert_int_equal(i.opnd_bytes, 8);

	n = parse_hex("c4 e3 79 04 c1 05", b, 32);
	assert_int_equal(decode(b, n, L64, &i), 6);
	assert_true(i.vex && !i.evex);
	assert_int_equal(i.map, 4);
	assert_int_equal(i.opcode, 0x04);
	assert_int_equal(i.imm, 5);

	n = parse_hex("62 f1 7c 48 58 c1", b, 32);
	assert_int_equal(decode(b, n, L64, &i), 6);
	assert_true(i.evex && !i.vex);
	assert_int_equal(i.map, 2);
	assert_int_equal(i.opcode, 0x58);

	n = parse_hex("0f 0f c1 9e", b, 32);
	assert_int_equal(decode(b, n, L64, &i), 4);
	assert_int_equal(i.map, 2);
	assert_int_equal(i.opcode, 0x0f);
	assert_int_equal(i.imm, 0x9e);

	n = parse_hex("66 0f 3a 0f c1 03", b, 32);
	assert_int_equal(decode(b, n, L64, &i), 6);
	assert_int_equal(i.map, 4);
	assert_int_equal(i.opcode, 0x0f);

	n = parse_hex("8f ea 78 10 c0 78 56 34 12", b, 32);
	assert_int_equal(decode(b, n, L64, &i), 9);
	assert_true(i.xop);
	assert_int_equal(i.map, 10);
	assert_int_equal(i.imm, 0x12345678);
	assert_int_equal(i.imm_size, 4);
}

/*
 * Checks every "MODE HEXBYTES # text" line of @name: the decoder must give
 * the length objdump found, ask for more data when one byte is missing,
 * ignore trailing bytes, and agree between real and 16-bit protected mode
 * except for VEX/EVEX/XOP.
 */
static void check_corpus(const char *name, unsigned long min_lines)
{
	char path[4200], line[512];
	unsigned long total = 0, bad = 0, per_mode[3] = { 0 };
	unsigned int seed = 1;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", data_dir, name);
	f = fopen(path, "r");
	if (!f)
		fail_msg("cannot open %s", path);
	while (fgets(line, sizeof(line), f)) {
		char hex[64], *comment = strchr(line, '#');
		uint8_t b[32];
		struct x86_insn insn;
		enum x86_mode mode;
		int m, rc;
		size_t n, k;

		if (sscanf(line, "%d %63s", &m, hex) != 2)
			continue;
		mode = m == 64 ? L64 : m == 32 ? P32 : P16;
		for (k = 0; hex[2 * k] && hex[2 * k + 1] && k < sizeof(b);
		     k++) {
			unsigned int v;

			sscanf(hex + 2 * k, "%2x", &v);
			b[k] = v;
		}
		n = k;
		total++;
		per_mode[m == 64 ? 0 : m == 32 ? 1 : 2]++;
		rc = decode(b, n, mode, &insn);
		if (rc != (int)n) {
			if (bad++ < 40)
				print_message("# mismatch %s: %s got %d (%s",
					      mode_name(mode), hex, rc,
					      comment ? comment + 2 : "?)\n");
			continue;
		}
		/* One byte short: the decoder must ask for more. */
		rc = decode(b, n - 1, mode, &insn);
		if (rc != -ENODATA) {
			if (bad++ < 40)
				print_message("# truncated %s: %s got %d\n",
					      mode_name(mode), hex, rc);
			continue;
		}
		/* Trailing bytes do not change the answer. */
		for (k = n; k < sizeof(b); k++)
			b[k] = rand_r(&seed);
		rc = decode(b, sizeof(b), mode, &insn);
		if (rc != (int)n && bad++ < 40)
			print_message("# with trailing bytes %s: %s got %d\n",
				      mode_name(mode), hex, rc);
		/* Real mode differs from 16-bit protected only for VEX & co. */
		if (mode == P16 && !insn.vex && !insn.evex && !insn.xop) {
			rc = decode(b, n, R, &insn);
			if (rc != (int)n && bad++ < 40)
				print_message("# real mode %s: got %d\n", hex,
					      rc);
		}
	}
	fclose(f);
	print_message("# %s: %lu instructions (64-bit %lu, 32-bit %lu, "
		      "16-bit %lu), %lu failures\n",
		      name, total, per_mode[0], per_mode[1], per_mode[2], bad);
	assert_true(total >= min_lines);
	assert_int_equal(bad, 0);
}

/* (b) Corpus of assembler-generated instructions. */
static void test_corpus(void **state)
{
	(void)state;
	check_corpus("corpus.txt", 10000);
}

/* (b') Every opcode under several prefixes and ModRM bytes, per objdump. */
static void test_sweep(void **state)
{
	(void)state;
	check_corpus("sweep.txt", 100000);
}

/* (c) Random byte strings: no crash, answers consistent with themselves. */
static void test_random(void **state)
{
	unsigned int seed = 0x5eed, iter;
	unsigned long ok = 0, inval = 0, nodata = 0;

	(void)state;
	for (iter = 0; iter < 400000; iter++) {
		uint8_t b[20];
		struct x86_insn insn;
		enum x86_mode mode = iter & 3;
		size_t n = rand_r(&seed) % (sizeof(b) + 1), k;
		int rc, rc2;

		for (k = 0; k < sizeof(b); k++) {
			b[k] = rand_r(&seed);
			/* Bias towards prefixes and escapes. */
			if ((rand_r(&seed) & 7) == 0) {
				static const uint8_t hot[] = {
					0x66, 0x67, 0xf2, 0xf3, 0xf0, 0x0f,
					0x48, 0xc4, 0xc5, 0x62, 0x8f, 0x38,
					0x3a, 0x26, 0x64, 0xd9, 0x01, 0xa0,
				};

				b[k] = hot[rand_r(&seed) % sizeof(hot)];
			}
		}
		rc = decode(b, n, mode, &insn);
		if (rc == -EINVAL) {
			inval++;
			continue;
		}
		if (rc == -ENODATA) {
			nodata++;
			assert_true(n < X86_MAX_INSN_LEN);
			continue;
		}
		assert_true(rc >= 1 && rc <= X86_MAX_INSN_LEN);
		assert_true((size_t)rc <= n);
		assert_int_equal(insn.len, rc);
		assert_true(insn.nr_prefixes < rc);
		assert_true(insn.disp_size == 0 || insn.disp_size == 1 ||
			    insn.disp_size == 2 || insn.disp_size == 4 ||
			    insn.disp_size == 8);
		assert_true(insn.imm_size <= 8);
		ok++;
		/* Exactly the instruction's bytes suffice... */
		rc2 = decode(b, rc, mode, &insn);
		assert_int_equal(rc2, rc);
		/* ...and one fewer does not. */
		rc2 = decode(b, rc - 1, mode, &insn);
		assert_int_equal(rc2, -ENODATA);
	}
	print_message("# random: %lu decoded, %lu invalid, %lu short\n", ok,
		      inval, nodata);
	assert_true(ok > 1000 && inval > 100 && nodata > 100);
}

static void test_null(void **state)
{
	struct x86_insn insn;

	(void)state;
	assert_int_equal(x86_decode(NULL, 0, L64, &insn), -ENODATA);
	assert_int_equal(x86_decode(NULL, 100, L64, &insn), -ENODATA);
	assert_int_equal(x86_decode((const uint8_t *)"\x90", 1, 7, &insn),
			 -EINVAL);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),  cmocka_unit_test(test_fields),
		cmocka_unit_test(test_corpus), cmocka_unit_test(test_sweep),
		cmocka_unit_test(test_random), cmocka_unit_test(test_null),
	};
	const char *slash = strrchr(argv[0], '/');

	(void)argc;
	if (slash)
		snprintf(data_dir, sizeof(data_dir), "%.*s/insn-data",
			 (int)(slash - argv[0]), argv[0]);
	else
		snprintf(data_dir, sizeof(data_dir), "insn-data");
	return cmocka_run_group_tests_name("insn", tests, NULL, NULL);
}
