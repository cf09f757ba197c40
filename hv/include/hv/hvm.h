/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The vendor-neutral vCPU core and the hooks a virtualization back-end
 * (SVM now, VMX later) provides. Exit handlers in the back-end decode
 * their vendor's exit information and call the hvm_handle_* functions,
 * which hold all policy.
 */
#ifndef HV_HVM_H
#define HV_HVM_H

#include <hv/types.h>
#include <hv/domain.h>

/* Control state a neutral handler may need to interpret guest memory. */
struct guest_ctrl {
	uint64_t cr0, cr2, cr3, cr4, efer;
	bool cs_long; /* CS.L: 64-bit code */
	bool cs_db;   /* CS.D/B: 32-bit default operand size */
	uint64_t cs_base;
	unsigned int cpl;
};

/* The register state a PVH vCPU starts in (32-bit flat, paging off). */
struct vcpu_boot_state {
	uint64_t rip, rbx, rsp;
};

struct hvm_vendor_ops {
	const char *name;
	int (*cpu_init)(void); /* enable virtualization on this CPU */
	int (*vcpu_init)(struct vcpu *v);
	void (*vcpu_destroy)(struct vcpu *v);
	void (*vcpu_set_boot_state)(struct vcpu *v,
				    const struct vcpu_boot_state *s);
	/* Real mode at @vector << 12, as a SIPI starts an application CPU. */
	void (*vcpu_set_sipi_state)(struct vcpu *v, uint8_t vector);
	/* Enters the guest once and handles the exit that ends it. */
	void (*run_once)(struct vcpu *v);
	void (*get_ctrl)(struct vcpu *v, struct guest_ctrl *c);
	void (*inject_exception)(struct vcpu *v, unsigned int vector,
				 bool has_error, uint32_t error_code);
	/* The nested page tables changed: flush what the TLB may hold. */
	void (*flush_guest_tlb)(struct vcpu *v);
	uint64_t (*get_efer)(struct vcpu *v);
	void (*set_efer)(struct vcpu *v, uint64_t efer);
	/* The instruction that exited was emulated: an STI or MOV SS
	 * interrupt shadow it sat in is over. */
	void (*end_interrupt_shadow)(struct vcpu *v);
	/* Event delivery: an external interrupt on @vector if the guest can
	 * take one now (returns true), else arrange an exit when it can. */
	bool (*inject_interrupt)(struct vcpu *v, uint8_t vector);
	void (*cancel_irq_window)(struct vcpu *v);
	uint64_t (*get_msr_state)(struct vcpu *v, uint32_t msr, bool *ok);
	bool (*set_msr_state)(struct vcpu *v, uint32_t msr, uint64_t val);
};

extern const struct hvm_vendor_ops *hvm_ops;

/*
 * I/O ports the control domain reaches directly, without exits: the PIT's
 * channel 2 and its gate (0x61), which Linux uses to calibrate its clock.
 * The hypervisor itself only uses the PIT during its own boot.
 */
extern const uint16_t hvm_dom0_passthrough_ports[];
extern const unsigned int hvm_nr_dom0_passthrough_ports;

/* Picks and initialises the back-end on the boot CPU; panics if none. */
void hvm_init(void);
void hvm_cpu_init(void); /* on each CPU */

/* Neutral exit handlers (arch/x86/hvm/). len: instruction length. */
void hvm_handle_cpuid(struct vcpu *v, unsigned int len);
void hvm_handle_hypercall(struct vcpu *v, unsigned int len);
void hvm_handle_hlt(struct vcpu *v, unsigned int len);
/* Port I/O; for IN the result goes to (part of) rax. */
void hvm_handle_io(struct vcpu *v, uint16_t port, unsigned int size, bool in,
		   uint64_t next_rip);
void hvm_handle_string_io(struct vcpu *v, uint16_t port, unsigned int size,
			  bool in, bool rep, uint64_t next_rip);
void hvm_handle_msr(struct vcpu *v, bool write, unsigned int len);
void hvm_handle_npf(struct vcpu *v, uint64_t gpa, uint64_t error_code);

/* Advances RIP past the instruction that caused the exit. */
static inline void hvm_advance_rip(struct vcpu *v, unsigned int len)
{
	v->regs.rip += len;
	hvm_ops->end_interrupt_shadow(v);
}

/* Continues at @rip after an emulated instruction (the same rule). */
static inline void hvm_set_next_rip(struct vcpu *v, uint64_t rip)
{
	v->regs.rip = rip;
	hvm_ops->end_interrupt_shadow(v);
}

/*
 * Decodes the length of the instruction at the guest's RIP (the back-end
 * has no NRIP-save). Returns 0 and crashes the domain if the bytes can't
 * be fetched or decoded. @expect_opcode_len: the minimum plausible length.
 */
unsigned int hvm_insn_length(struct vcpu *v, unsigned int min_len);
struct x86_insn;
/* The same, also returning the decoded instruction. */
unsigned int hvm_fetch_decode(struct vcpu *v, unsigned int min_len,
			      struct x86_insn *out);

/* The guest-virtual address inside a XEN_GUEST_HANDLE (a typed pointer
 * in the public headers: never do pointer arithmetic on it directly). */
#define GUEST_HANDLE_ADDR(h) ((uint64_t)(uintptr_t)(h).p)

/* Guest memory, through the guest's own page tables. 0 or -EFAULT. */
int copy_from_guest(struct vcpu *v, void *dst, uint64_t gva, size_t len);
int copy_to_guest(struct vcpu *v, uint64_t gva, const void *src, size_t len);
/* Guest-physical access (no guest paging). 0 or -EFAULT. */
int copy_from_guest_phys(struct domain *d, void *dst, uint64_t gpa, size_t len);
int copy_to_guest_phys(struct domain *d, uint64_t gpa, const void *src,
		       size_t len);
int clear_guest_phys(struct domain *d, uint64_t gpa, size_t len);

/* One guest entry on this CPU: events first, then until the next exit. */
void hvm_vcpu_enter(struct vcpu *v);

#endif
