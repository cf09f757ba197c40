/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Instruction corpus for the decoder test (tests/unit/test_insn.c).
 * Assembled and disassembled by tests/unit/gen-insn-corpus.sh; objdump
 * gives each instruction's true bytes.  Three sections, one per mode:
 * .text64 (.code64), .text32 (.code32) and .text16 (.code16).  Branch
 * targets are an undefined symbol ("ext") so that they get full-size
 * displacements.  Nothing here is ever executed.
 */

/* ---------- helpers shared by all modes ---------- */

/* ALU family: every operand form with the given register and memory operands. */
.macro alu_forms op, r8, r16, r32, mem
	\op\()b \r8, \mem
	\op\()w \r16, \mem
	\op\()l \r32, \mem
	\op\()b \mem, \r8
	\op\()w \mem, \r16
	\op\()l \mem, \r32
	\op\()b $0x7f, \mem
	\op\()w $0x12, \mem
	\op\()w $0x1234, \mem
	\op\()l $0x12, \mem
	\op\()l $0x12345678, \mem
.endm

.macro alu_regs op, r8, r16, r32
	\op\()b %cl, \r8
	\op\()w %cx, \r16
	\op\()l %ecx, \r32
	\op\()b $0x12, %al
	\op\()w $0x1234, %ax
	\op\()l $0x12345678, %eax
	\op\()b $0x12, \r8
	\op\()w $0x12, \r16
	\op\()w $0x1234, \r16
	\op\()l $0x12, \r32
	\op\()l $0x12345678, \r32
.endm

/* Other general-purpose instructions with one memory operand. */
.macro gp_mem mem
	incb \mem
	decw \mem
	incl \mem
	notb \mem
	negl \mem
	mulb \mem
	imulw \mem
	divl \mem
	idivb \mem
	testb $0x12, \mem
	testw $0x1234, \mem
	testl $0x12345678, \mem
	testl %eax, \mem
	rolb \mem
	rorw $3, \mem
	rcll %cl, \mem
	shlb $7, \mem
	sarl \mem
	shrw %cl, \mem
	movb %al, \mem
	movw %bx, \mem
	movl %ecx, \mem
	movb \mem, %dl
	movw \mem, %si
	movl \mem, %edi
	movb $0x12, \mem
	movw $0x1234, \mem
	movl $0x12345678, \mem
	movw %ds, \mem
	movw \mem, %es
	leal \mem, %eax
	leaw \mem, %ax
	xchgl %eax, \mem
	xchgb %bl, \mem
	imull $0x12, \mem, %edx
	imull $0x12345678, \mem, %edx
	imulw $0x1234, \mem, %dx
	movzbl \mem, %eax
	movzwl \mem, %eax
	movsbw \mem, %ax
	movswl \mem, %ecx
	btl %eax, \mem
	btsl $5, \mem
	btrw $5, \mem
	btcl %ecx, \mem
	bsfl \mem, %eax
	bsrw \mem, %ax
	shldl $4, %eax, \mem
	shrdw %cl, %ax, \mem
	cmpxchgl %ecx, \mem
	cmpxchgb %cl, \mem
	xaddl %edx, \mem
	lock addl $1, \mem
	lock cmpxchg8b \mem
	seto \mem
	setne \mem
	cmovzl \mem, %eax
	cmovgw \mem, %bx
	popcntl \mem, %eax
	lzcntl \mem, %eax
	tzcntw \mem, %ax
	movbel \mem, %eax
	crc32b \mem, %eax
	crc32l \mem, %eax
	adcxl \mem, %eax
	sgdt \mem
	sidt \mem
	lgdt \mem
	lidt \mem
	smsw \mem
	lmsw \mem
	invlpg \mem
	sldt \mem
	str \mem
	lldt \mem
	ltr \mem
	verr \mem
	verw \mem
	larw \mem, %ax
	lslw \mem, %ax
	lcall *\mem
	ljmp *\mem
	call *\mem
	jmp *\mem
	pushw \mem
	popw \mem
	prefetcht0 \mem
	prefetchnta \mem
	prefetchw \mem
	prefetch \mem
	clflush \mem
	clflushopt \mem
	clwb \mem
	fxsave \mem
	fxrstor \mem
	xsave \mem
	xrstor \mem
	xsaveopt \mem
	xsavec \mem
	xsaves \mem
	xrstors \mem
	ldmxcsr \mem
	stmxcsr \mem
	vmptrld \mem
	vmptrst \mem
	vmclear \mem
	vmxon \mem
	nopl \mem
	nopw \mem
	fldl \mem
	fadds \mem
	fiaddl \mem
	fistps \mem
	fstpt \mem
	fldt \mem
	fnstcw \mem
	fldcw \mem
	fnstenv \mem
	fldenv \mem
	fnsave \mem
	frstor \mem
	fnstsw \mem
	fbld \mem
	fbstp \mem
	fildll \mem
	fistpll \mem
	fisttpl \mem
	fcoms \mem
	fdivrl \mem
	movq \mem, %mm0
	movq %mm1, \mem
	paddb \mem, %mm2
	pshufw $0x1b, \mem, %mm3
	pinsrw $2, \mem, %mm4
	movups \mem, %xmm0
	movaps %xmm1, \mem
	movupd \mem, %xmm2
	movss \mem, %xmm3
	movsd %xmm4, \mem
	movdqa \mem, %xmm5
	movdqu %xmm6, \mem
	addps \mem, %xmm0
	mulsd \mem, %xmm1
	cmpps $3, \mem, %xmm2
	cmpsd $1, \mem, %xmm3
	shufps $0x44, \mem, %xmm4
	pshufd $0x1b, \mem, %xmm5
	pshufb \mem, %xmm6
	pmaddubsw \mem, %xmm7
	palignr $3, \mem, %xmm0
	pblendw $0x55, \mem, %xmm1
	pextrd $1, %xmm2, \mem
	pinsrb $3, \mem, %xmm3
	roundss $4, \mem, %xmm4
	pcmpistri $0x0c, \mem, %xmm5
	aesenc \mem, %xmm6
	pclmulqdq $0x11, \mem, %xmm7
	sha1rnds4 $1, \mem, %xmm0
	sha256rnds2 \mem, %xmm1
	cvtsi2sdl \mem, %xmm2
	cvttss2si \mem, %eax
	movnti %eax, \mem
	movntdq %xmm0, \mem
	lddqu \mem, %xmm1
	vaddps \mem, %xmm1, %xmm2
	vaddpd \mem, %ymm1, %ymm2
	vmovdqu \mem, %ymm3
	vmovups %xmm4, \mem
	vpshufd $0x1b, \mem, %xmm5
	vcmpps $4, \mem, %ymm1, %ymm2
	vpermq $0x1b, \mem, %ymm3
	vblendps $5, \mem, %ymm1, %ymm2
	vbroadcastss \mem, %ymm4
	vfmadd231ps \mem, %xmm1, %xmm2
	vpsllq $3, %xmm1, %xmm2
	vextractf128 $1, %ymm1, \mem
	vinsertf128 $1, \mem, %ymm1, %ymm2
	andnl \mem, %eax, %ecx
	bextrl %eax, \mem, %ecx
	shlxl %eax, \mem, %ecx
	pdepl \mem, %eax, %ecx
	vaddps \mem, %zmm1, %zmm2
	vaddps \mem, %zmm1, %zmm2{%k1}{z}
	vmovdqu64 \mem, %zmm3
	vpternlogd $0x96, \mem, %zmm1, %zmm2
	vpshufd $0x1b, \mem, %zmm5
	vcmpps $1, \mem, %zmm1, %k2
	vaddph \mem, %zmm1, %zmm2
	vpaddd \mem, %xmm1, %xmm2{%k3}
	kmovw \mem, %k1
	pfadd \mem, %mm1
	pfmul \mem, %mm2
	pi2fd \mem, %mm3
	pavgusb \mem, %mm4
	pmulhrw \mem, %mm5
.endm

/* Register-only and implicit-operand forms, written the same in every mode. */
.macro gp_common
	nop
	pause
	hlt
	int3
	int $0x80
	int $3
	int1
	cpuid
	rdmsr
	wrmsr
	rdtsc
	rdtscp
	rdpmc
	vmmcall
	vmcall
	vmlaunch
	vmresume
	vmxoff
	vmrun
	vmload
	vmsave
	stgi
	clgi
	skinit
	invlpga
	monitor
	mwait
	monitorx
	mwaitx
	clzero
	xgetbv
	xsetbv
	xend
	xtest
	clac
	stac
	rdpkru
	wrpkru
	wbinvd
	invd
	clts
	ud2
	ud1 %eax, %ecx
	emms
	femms
	lfence
	mfence
	sfence
	sysenter
	sysexit
	syscall
	rsm
	getsec
	leave
	ret
	ret $8
	lret
	lret $16
	iret
	iretw
	iretl
	enter $0x10, $0
	enter $0x1234, $3
	cli
	sti
	clc
	stc
	cmc
	cld
	std
	sahf
	lahf
	fwait
	xlat
	cwtl
	cltd
	cbtw
	cwtd
	inb $0x60, %al
	inw $0x60, %ax
	inl $0x60, %eax
	outb %al, $0x80
	outw %ax, $0x80
	outl %eax, $0x80
	inb %dx, %al
	inw %dx, %ax
	inl %dx, %eax
	outb %al, %dx
	outw %ax, %dx
	outl %eax, %dx
	insb
	insw
	insl
	outsb
	outsw
	outsl
	rep insb
	rep insw
	rep insl
	rep outsb
	rep outsw
	rep outsl
	movsb
	movsw
	movsl
	rep movsb
	rep movsl
	rep stosb
	rep stosw
	rep stosl
	lodsb
	lodsl
	scasb
	repne scasb
	repe cmpsb
	cmpsl
	fld %st(1)
	fxch %st(3)
	faddp %st, %st(2)
	fcomip %st(1), %st
	fucompp
	fnstsw %ax
	fninit
	fnclex
	fldz
	fld1
	fldpi
	fsqrt
	fsin
	fcos
	fprem1
	f2xm1
	fnop
	fchs
	fabs
	ftst
	fxam
	fdecstp
	fincstp
	ffree %st(4)
	fcmovb %st(1), %st
	movd %eax, %mm0
	movd %mm1, %eax
	movq %mm1, %mm2
	psrlw $3, %mm1
	psraw $3, %mm2
	psllq $3, %mm3
	psrldq $4, %xmm1
	pslldq $4, %xmm2
	psrad $2, %xmm3
	pextrw $1, %xmm1, %eax
	pinsrw $1, %eax, %xmm2
	pmovmskb %xmm1, %eax
	movmskps %xmm2, %ecx
	maskmovq %mm1, %mm2
	extrq $4, $8, %xmm1
	insertq $4, $8, %xmm2, %xmm1
	extrq %xmm2, %xmm1
	insertq %xmm2, %xmm1
	pfadd %mm1, %mm2
	pswapd %mm3, %mm4
	pfrcp %mm5, %mm6
	vzeroupper
	vzeroall
	vmovd %eax, %xmm1
	vmovmskps %ymm1, %eax
	vpsrldq $4, %ymm1, %ymm2
	vpgatherdd %xmm0, (%eax,%xmm1,4), %xmm2
	vgatherdps %ymm0, 0x12(%eax,%ymm1,8), %ymm2
	kandw %k1, %k2, %k3
	kmovw %k1, %eax
	kmovq %k1, %k2
	vpbroadcastd %eax, %zmm1
	vaddps {rn-sae}, %zmm1, %zmm2, %zmm3
	vaddps %zmm1, %zmm2, %zmm3{%k1}{z}
	vcvtps2ph $1, %zmm1, %ymm2
	vpcmov %xmm1, %xmm2, %xmm3, %xmm4
	vprotd $3, %xmm1, %xmm2
	vpcomb $2, %xmm1, %xmm2, %xmm3
	vfrczps %xmm1, %xmm2
	bextr $0x1234, %eax, %ecx
	blcfill %eax, %ecx
	llwpcb %eax
	lwpins $0x12345678, %ecx, %eax
	lwpval $0x12345678, %ecx, %eax
	rdrand %eax
	rdseed %ecx
	rdrand %ax
	bswap %eax
	bswap %edi
	xabort $0x12
	endbr32
	endbr64
	pushf
	popf
	pushfw
	popfw
	push $0x12
	pushw $0x1234
	movw %cs, %ax
	movw %ax, %ds
	lsl %ax, %bx
	lar %eax, %ecx
	ltr %ax
	lldt %cx
	smsw %eax
	lmsw %ax
	str %eax
	sldt %ecx
	verr %ax
	bt $3, %eax
	btsw $3, %ax
	shld %cl, %eax, %ebx
	shrd $3, %eax, %ebx
	imul %ecx, %eax
	imul $0x12, %ecx, %eax
	imul $0x12345678, %ecx, %eax
	imulw $0x1234, %cx, %ax
	movzbl %al, %ecx
	movsbw %cl, %ax
	sete %al
	setg %bl
	cmovnel %ecx, %eax
	xchg %eax, %ecx
	xchg %ax, %dx
	xchg %bl, %cl
	test $0x12, %al
	test $0x1234, %ax
	test $0x12345678, %eax
	testb $0x12, %bl
	testw $0x1234, %bx
	testl $0x12345678, %ebx
	rol %eax
	rcr $3, %bl
	sar %cl, %dx
	not %ecx
	neg %bl
	mul %ecx
	div %bx
	movb $0x12, %al
	movb $0x12, %bh
	movw $0x1234, %cx
	movl $0x12345678, %edx
	mov %eax, %ecx
	mov %cl, %dh
	jmp ext
	call ext
	jz ext
	jnz ext
	jb ext
	jg ext
	js ext
1:	jmp 1b
2:	jz 2b
3:	jnz 3b
4:	loop 4b
5:	loope 5b
6:	loopne 6b
	movl %ds:0x12345678, %eax
	movl %fs:0x12, %eax
	movl %gs:0x12, %eax
	.irp op, add, or, adc, sbb, and, sub, xor, cmp
	alu_regs \op, %bl, %bx, %ebx
	.endr
.endm

.macro alu64 op, m
	alu_forms \op, %r9b, %r9w, %r9d, "\m"
	\op\()q %r10, \m
	\op\()q \m, %r11
	\op\()q $0x12, \m
	\op\()q $-0x12345678, \m
.endm

.macro mem64 m
	gp_mem "\m"
	.irp op, add, or, adc, sbb, and, sub, xor, cmp
	alu64 \op, "\m"
	.endr
	movq %rax, \m
	movq \m, %r15
	movq $0x12345678, \m
	movslq \m, %rax
	leaq \m, %rsp
	pushq \m
	popq \m
	callq *\m
	jmpq *\m
	cmpxchg16b \m
	incq \m
	imulq $0x12345678, \m, %r8
	testq $0x12345678, \m
	vmovdqu8 \m, %zmm31
	vaddps \m, %zmm30, %zmm29{%k7}
	vaddps \m, %xmm20, %xmm21
	vpaddq \m, %ymm9, %ymm10
	andnq \m, %r8, %r9
	crc32q \m, %rax
	movbeq \m, %r12
	fxsave64 \m
	xsave64 \m
.endm

/* ---------- 64-bit ---------- */
	.section .text64, "ax"
	.code64
	gp_common
	.irp m, (%rax), (%rsp), (%rbp), (%r12), (%r13), 0x12(%rax), -0x12(%rbp), 0x12345678(%rax), "(%rax,%rbx,4)", "0x12(%rsp,%rcx,8)", "0x12345678(%r8,%r15,2)", "(,%rcx,2)", "0x1234(,%rcx,8)", 0x12345678, ext(%rip), 0x12(%eax), "(%r13d,%r12d)", %fs:0x10(%rax), %gs:(%rbx)
	mem64 "\m"
	.endr
	.irp op, add, or, adc, sbb, and, sub, xor, cmp
	alu_regs \op, %r9b, %r9w, %r9d
	\op\()q %r8, %r9
	\op\()q $0x12, %rax
	\op\()q $0x12345678, %rax
	\op\()q $-1, %r12
	\op\()b $1, %sil
	.endr
	push %rcx
	push %r12
	pop %r9
	pop %rdi
	pushw %cx
	push $0x12345678
	inc %eax
	dec %r8
	incw %r10w
	jmp *%rax
	call *%r11
	jmpq *(%rax)
	mov %cr0, %rax
	mov %cr3, %r9
	mov %rax, %cr4
	mov %cr8, %rax
	mov %rcx, %cr8
	mov %dr7, %rax
	mov %rax, %dr0
	movabs $0x1122334455667788, %rax
	movabs $0x1122334455667788, %r15
	mov $0x12345678, %rax
	mov $-1, %r8
	mov $0x12345678, %r8d
	movw $0x1234, %r9w
	movb $0x12, %r10b
	movabs 0x1122334455667788, %al
	movabs 0x1122334455667788, %ax
	movabs 0x1122334455667788, %eax
	movabs 0x1122334455667788, %rax
	movabs %al, 0x1122334455667788
	movabs %rax, 0x1122334455667788
	addr32 movl 0x12345678, %eax
	movslq %eax, %rcx
	movsbq %al, %r8
	movzwq %ax, %r9
	xchg %rax, %r8
	xchg %r8, %r9
	bswap %r12
	bswap %rax
	iretq
	lretq
	sysretq
	sysretl
	sysexitq
	swapgs
	rdpid %rax
	wrfsbase %rax
	rdfsbase %ecx
	wrgsbase %r9
	rdgsbase %r12d
	ptwrite %eax
	incsspq %rax
	rdsspq %rcx
	saveprevssp
	setssbsy
	serialize
	tpause %eax
	umwait %ecx
	umonitor %rax
	invpcid (%rax), %rcx
	invept (%rax), %rcx
	invvpid (%rax), %rcx
	vmread %rax, %rcx
	vmwrite %rcx, %rax
	vmread %rax, (%rbx)
	xbegin ext
	movdir64b (%rax), %rcx
	movdiri %eax, (%rbx)
	enqcmd (%rax), %rcx
7:	jrcxz 7b
8:	jecxz 8b
	vpextrq $1, %xmm1, %rax
	vmovq %rax, %xmm1
	vmovq %xmm1, %r8
	vpinsrq $1, %r9, %xmm1, %xmm2
	vpbroadcastq %rax, %zmm1
	vaddps %zmm28, %zmm29, %zmm30
	vpternlogq $0xff, %zmm31, %zmm0, %zmm1
	kmovq %rax, %k1
	shlx %rax, %rbx, %rcx
	rorx $3, %r8, %r9
	mulx %rax, %rbx, %rcx
	pdep %r8, %r9, %r10
	tzcnt %r8, %r9
	popcnt %rax, %rcx
	cmovz %r8, %r9
	cqto
	cltq
	lock xaddq %rax, (%rbx)
	lock orq $1, (%rsp)
	rep movsq
	rep stosq
	lodsq
	scasq
	cmpsq
	leave
	enterq $8, $1
	pushfq
	popfq
	vcvtsi2sd %rax, %xmm1, %xmm2
	cvtsi2sdq %r8, %xmm9
	movq %rax, %xmm0
	movq %xmm15, %r15
	pinsrq $1, %rax, %xmm1
	pextrq $1, %xmm1, %rax
	fs movq (%rax), %rax
	gs movq 0x28, %rax
	lock addw $1, (%rax)
	notrack jmp *%rax
	bnd jmp ext
	xacquire lock incl (%rax)
	xrelease movl $0, (%rax)
	vaddps (%rax){1to16}, %zmm1, %zmm2
	vaddpd 0x40(%rax){1to8}, %zmm1, %zmm2{%k1}
	vpgatherdd 0x10(%rax,%zmm1,4), %zmm2{%k1}
	vpscatterdd %zmm2, 0x10(%rax,%zmm1,4){%k1}
	vcvtph2ps 0x12345678(%rip), %zmm3
	vpermt2d %zmm1, %zmm2, %zmm3
	vextracti64x4 $1, %zmm1, 0x100(%rsp)
	vfpclassps $4, (%rax){1to16}, %k2
	vpdpbusd %zmm1, %zmm2, %zmm3
	vaesenc %zmm1, %zmm2, %zmm3
	vgf2p8affineqb $3, %zmm1, %zmm2, %zmm3
	vcvtne2ps2bf16 %zmm1, %zmm2, %zmm3
	vp2intersectd %zmm1, %zmm2, %k2
	vmovw %xmm1, %eax
	vfmadd132ph 0x40(%rax){1to32}, %zmm1, %zmm2
	tileloadd (%rax,%rbx,1), %tmm0
	tilestored %tmm1, 0x40(%rax,%rcx,4)
	tdpbssd %tmm0, %tmm1, %tmm2
	ldtilecfg (%rax)
	tilerelease
	vpdpbusd %ymm1, %ymm2, %ymm3
	{vex} vpdpbusd %xmm1, %xmm2, %xmm3
	vaesenc %ymm1, %ymm2, %ymm3
	vpclmulqdq $0x11, %ymm1, %ymm2, %ymm3
	sha256msg1 %xmm1, %xmm2
	gf2p8mulb %xmm1, %xmm2
	aesenc128kl (%rax), %xmm1
	loadiwkey %xmm1, %xmm2
	encodekey128 %eax, %ebx
	hreset $1
	uiret
	testui
	clui
	stui
	senduipi %rax
	wrmsrns
	rdmsrlist
	wrmsrlist
	pconfig
	wbnoinvd
	mcommit
	rdpru
	invlpgb
	tlbsync
	psmash
	pvalidate
	rmpupdate
	rmpadjust
	vmgexit
	cldemote (%rax)
	clrssbsy (%rax)
	wrssq %rax, (%rbx)
	wrussd %eax, (%rbx)
	endbr64
	xsusldtrk
	xresldtrk
	aadd %eax, (%rbx)
	axor %rax, (%rbx)

/* ---------- 32-bit ---------- */
	.section .text32, "ax"
	.code32
	gp_common
	.irp m, (%eax), (%esp), (%ebp), 0x12(%ebp), -0x80(%eax), 0x12345678(%eax), "(%eax,%ebx,4)", "0x12(%esp,%ecx,8)", "(,%ecx,2)", "0x1234(,%ecx,8)", 0x12345678, "(%bx,%si)", "0x12(%bp,%di)", 0x1234(%bx), %es:(%edi), %ss:0x10(%esp)
	gp_mem "\m"
	.irp op, add, or, adc, sbb, and, sub, xor, cmp
	alu_forms \op, %dl, %dx, %edx, "\m"
	.endr
	boundl %eax, \m
	boundw %ax, \m
	les \m, %ecx
	lds \m, %edx
	lss \m, %esp
	lfs \m, %eax
	lgs \m, %ebx
	arpl %ax, \m
	.endr
	push %ecx
	pop %edi
	pushw %cx
	inc %eax
	dec %ecx
	incw %dx
	pusha
	popa
	pushaw
	popal
	push %es
	push %cs
	push %ss
	push %ds
	pop %es
	pop %ss
	pop %ds
	push %fs
	pop %gs
	daa
	das
	aaa
	aas
	aam
	aad
	aam $0x10
	aad $7
	into
	jmp *%eax
	call *%ecx
	jmpw *%ax
	mov %cr0, %eax
	mov %eax, %cr4
	mov %cr2, %ecx
	mov %dr6, %eax
	mov %eax, %dr7
	ljmp $0x10, $0x12345678
	lcall $0x8, $0x1234
	ljmpw $0x10, $0x1234
	lcallw $0x18, $0x5678
	movl 0x12345678, %eax
	movb 0x12345678, %al
	movl %eax, 0x12345678
	movb %al, 0x12345678
	movw %ax, %es:0x1234
	addr16 movl 0x1234, %eax
	addr16 movb %al, 0x1234
8:	jecxz 8b
9:	jcxz 9b
	rdpid %eax
	xbegin ext
	lock incl (%eax)
	rep movsw
	vmread %eax, %ecx
	vmwrite (%eax), %ecx
	vaddps %zmm1, %zmm2, %zmm3
	vaddps (%eax), %zmm2, %zmm3{%k1}
	vpbroadcastd %eax, %xmm1
	kmovd %eax, %k1
	vpshufb %ymm1, %ymm2, %ymm3
	vpermilps $5, (%ecx), %ymm2
	andn %eax, %ebx, %ecx
	bzhi %eax, %ebx, %ecx
	cmpxchg8b (%eax)
	.byte 0x0f, 0x20, 0xc0
	enterw $4, $0
	iretw
	data16 call ext
	data16 jz ext

/* ---------- 16-bit ---------- */
	.section .text16, "ax"
	.code16
	gp_common
	.irp m, "(%bx,%si)", "(%bx,%di)", "(%bp,%si)", "(%bp,%di)", (%si), (%di), (%bx), 0x1234, 0x12(%bp), "-0x12(%bx,%si)", "0x1234(%bp,%di)", (%eax), "0x12(%esp,%eax,2)", 0x12345678(%ebp), %fs:(%si), %cs:0x10(%bx)
	gp_mem "\m"
	.irp op, add, or, adc, sbb, and, sub, xor, cmp
	alu_forms \op, %ah, %di, %edi, "\m"
	.endr
	boundw %ax, \m
	boundl %eax, \m
	les \m, %cx
	lds \m, %dx
	lss \m, %sp
	lfs \m, %eax
	arpl %ax, \m
	.endr
	push %cx
	push %ecx
	pop %di
	inc %ax
	dec %cx
	incl %edx
	pusha
	popa
	pushal
	push %es
	push %cs
	pop %ds
	daa
	aam
	aad $7
	into
	jmp *%ax
	call *%cx
	jmpl *%eax
	mov %cr0, %eax
	mov %eax, %cr0
	mov %dr7, %eax
	ljmp $0x10, $0x1234
	ljmpl $0x10, $0x12345678
	lcall $0x8, $0x1234
	lcalll $0x8, $0x12345678
	movw 0x1234, %ax
	movb 0x1234, %al
	movw %ax, 0x1234
	movb %al, %es:0x1234
	addr32 movl 0x12345678, %eax
	addr32 movb %al, 0x12345678
	movl $0x12345678, %eax
	movw $0x1234, %ax
9:	jcxz 9b
8:	jecxz 8b
	retw
	retl
	lretw
	iretw
	iretl
	pushl $0x12345678
	pushw $0x12
	enterl $8, $0
	rep movsl
	rep insw
	rep outsl
	xbegin ext
	lmsw %ax
	lidtl (%si)
	lgdtw (%bx)
	data32 call ext
	vaddps %ymm1, %ymm2, %ymm3
	vpcmov %xmm1, %xmm2, %xmm3, %xmm4
	vaddps %zmm1, %zmm2, %zmm3
	vpaddd (%bx), %xmm1, %xmm2
