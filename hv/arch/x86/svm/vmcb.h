/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The AMD SVM Virtual Machine Control Block (AMD64 APM vol. 2, appendix B):
 * a 4 KiB page, control area at 0x000, state-save area at 0x400.
 */
#ifndef HV_SVM_VMCB_H
#define HV_SVM_VMCB_H

#include <hv/types.h>

struct vmcb_seg {
	uint16_t sel;
	uint16_t attr; /* access byte in 0-7, AVL/L/DB/G in 8-11 */
	uint32_t limit;
	uint64_t base;
} __packed;

struct vmcb {
	/* Control area */
	uint32_t intercept_cr;	/* 0x000: reads 0-15, writes 16-31 */
	uint32_t intercept_dr;	/* 0x004 */
	uint32_t intercept_exc; /* 0x008 */
	uint32_t intercept1;	/* 0x00c */
	uint32_t intercept2;	/* 0x010 */
	uint32_t intercept3;	/* 0x014 */
	uint8_t rsvd0[0x03c - 0x018];
	uint16_t pause_filter_thresh; /* 0x03c */
	uint16_t pause_filter_count;  /* 0x03e */
	uint64_t iopm_base_pa;	      /* 0x040 */
	uint64_t msrpm_base_pa;	      /* 0x048 */
	uint64_t tsc_offset;	      /* 0x050 */
	uint32_t asid;		      /* 0x058 */
	uint8_t tlb_control;	      /* 0x05c */
	uint8_t rsvd1[3];
	uint64_t vintr;		/* 0x060 */
	uint64_t int_state;	/* 0x068: bit 0 interrupt shadow */
	uint64_t exitcode;	/* 0x070 */
	uint64_t exitinfo1;	/* 0x078 */
	uint64_t exitinfo2;	/* 0x080 */
	uint64_t exitintinfo;	/* 0x088 */
	uint64_t np_control;	/* 0x090: bit 0 nested paging */
	uint64_t avic_apic_bar; /* 0x098 */
	uint64_t ghcb_pa;	/* 0x0a0 */
	uint64_t eventinj;	/* 0x0a8 */
	uint64_t ncr3;		/* 0x0b0 */
	uint64_t virt_ext;	/* 0x0b8 */
	uint32_t clean_bits;	/* 0x0c0 */
	uint32_t rsvd2;
	uint64_t nrip;		/* 0x0c8 */
	uint8_t insn_len;	/* 0x0d0 */
	uint8_t insn_bytes[15]; /* 0x0d1 */
	uint8_t rsvd3[0x400 - 0x0e0];
	/* State-save area */
	struct vmcb_seg es, cs, ss, ds, fs, gs; /* 0x400 */
	struct vmcb_seg gdtr, ldtr, idtr, tr;	/* 0x460 */
	uint8_t rsvd4[0x4cb - 0x4a0];
	uint8_t cpl; /* 0x4cb */
	uint32_t rsvd5;
	uint64_t efer; /* 0x4d0 */
	uint8_t rsvd6[0x548 - 0x4d8];
	uint64_t cr4;	 /* 0x548 */
	uint64_t cr3;	 /* 0x550 */
	uint64_t cr0;	 /* 0x558 */
	uint64_t dr7;	 /* 0x560 */
	uint64_t dr6;	 /* 0x568 */
	uint64_t rflags; /* 0x570 */
	uint64_t rip;	 /* 0x578 */
	uint8_t rsvd7[0x5d8 - 0x580];
	uint64_t rsp; /* 0x5d8 */
	uint8_t rsvd8[0x5f8 - 0x5e0];
	uint64_t rax;		 /* 0x5f8 */
	uint64_t star;		 /* 0x600 */
	uint64_t lstar;		 /* 0x608 */
	uint64_t cstar;		 /* 0x610 */
	uint64_t sfmask;	 /* 0x618 */
	uint64_t kernel_gs_base; /* 0x620 */
	uint64_t sysenter_cs;	 /* 0x628 */
	uint64_t sysenter_esp;	 /* 0x630 */
	uint64_t sysenter_eip;	 /* 0x638 */
	uint64_t cr2;		 /* 0x640 */
	uint8_t rsvd9[0x668 - 0x648];
	uint64_t g_pat;	 /* 0x668 */
	uint64_t dbgctl; /* 0x670 */
	uint8_t rsvd10[0x1000 - 0x678];
} __packed;

_Static_assert(sizeof(struct vmcb) == 4096, "VMCB is one page");
_Static_assert(__builtin_offsetof(struct vmcb, eventinj) == 0x0a8, "eventinj");
_Static_assert(__builtin_offsetof(struct vmcb, es) == 0x400, "save area");
_Static_assert(__builtin_offsetof(struct vmcb, cpl) == 0x4cb, "cpl");
_Static_assert(__builtin_offsetof(struct vmcb, efer) == 0x4d0, "efer");
_Static_assert(__builtin_offsetof(struct vmcb, rip) == 0x578, "rip");
_Static_assert(__builtin_offsetof(struct vmcb, rax) == 0x5f8, "rax");
_Static_assert(__builtin_offsetof(struct vmcb, g_pat) == 0x668, "g_pat");

/* intercept1 */
#define INT1_INTR (1u << 0)
#define INT1_NMI (1u << 1)
#define INT1_SMI (1u << 2)
#define INT1_INIT (1u << 3)
#define INT1_VINTR (1u << 4)
#define INT1_CPUID (1u << 18)
#define INT1_HLT (1u << 24)
#define INT1_INVLPGA (1u << 26)
#define INT1_IOIO (1u << 27)
#define INT1_MSR (1u << 28)
#define INT1_SHUTDOWN (1u << 31)
/* intercept2 */
#define INT2_VMRUN (1u << 0)
#define INT2_VMMCALL (1u << 1)
#define INT2_VMLOAD (1u << 2)
#define INT2_VMSAVE (1u << 3)
#define INT2_STGI (1u << 4)
#define INT2_CLGI (1u << 5)
#define INT2_SKINIT (1u << 6)
#define INT2_XSETBV (1u << 13)

/* Exit codes */
#define SVM_EXIT_EXC_BASE 0x40
#define SVM_EXIT_INTR 0x60
#define SVM_EXIT_NMI 0x61
#define SVM_EXIT_SMI 0x62
#define SVM_EXIT_INIT 0x63
#define SVM_EXIT_VINTR 0x64
#define SVM_EXIT_RDTSC 0x6e
#define SVM_EXIT_CPUID 0x72
#define SVM_EXIT_HLT 0x78
#define SVM_EXIT_INVLPGA 0x7a
#define SVM_EXIT_IOIO 0x7b
#define SVM_EXIT_MSR 0x7c
#define SVM_EXIT_SHUTDOWN 0x7f
#define SVM_EXIT_VMRUN 0x80
#define SVM_EXIT_VMMCALL 0x81
#define SVM_EXIT_VMLOAD 0x82
#define SVM_EXIT_VMSAVE 0x83
#define SVM_EXIT_STGI 0x84
#define SVM_EXIT_CLGI 0x85
#define SVM_EXIT_SKINIT 0x86
#define SVM_EXIT_RDTSCP 0x87
#define SVM_EXIT_XSETBV 0x8d
#define SVM_EXIT_NPF 0x400
#define SVM_EXIT_INVALID ((uint64_t)-1)

/* VINTR field */
#define VINTR_V_IRQ (1ULL << 8)
#define VINTR_PRIO_SHIFT 16
#define VINTR_IGN_TPR (1ULL << 20)
#define VINTR_MASKING (1ULL << 24)

/* EVENTINJ / EXITINTINFO */
#define EVT_VALID (1ULL << 31)
#define EVT_ERR_VALID (1ULL << 11)
#define EVT_TYPE_INTR (0ULL << 8)
#define EVT_TYPE_NMI (2ULL << 8)
#define EVT_TYPE_EXC (3ULL << 8)
#define EVT_TYPE_SWINT (4ULL << 8)

/* IOIO exitinfo1 */
#define IOIO_IN (1u << 0)
#define IOIO_STR (1u << 2)
#define IOIO_REP (1u << 3)
#define IOIO_SZ_SHIFT 4

struct svm_vcpu {
	struct vmcb *vmcb;
	paddr_t vmcb_pa;
	bool flush_tlb; /* next VMRUN flushes the whole TLB */
};

#endif
