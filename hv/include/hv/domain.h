/* SPDX-License-Identifier: GPL-2.0-only */
/* Domains and their virtual CPUs (vendor-neutral). */
#ifndef HV_DOMAIN_H
#define HV_DOMAIN_H

#include <hv/types.h>
#include <hv/spinlock.h>
#include <hv/p2m.h>
#include <hv/timer.h>
#include <hv/event.h>
#include <hv/grant_table.h>
#include <hv/vlapic.h>

#include <hv/boot.h>

#define MAX_VCPUS 64
#define INVALID_GFN_ENTRY (~0ULL)
#define DOMAIN_NAME_MAX 64

/* Guest general-purpose registers. The vendor back-end keeps rax, rsp,
 * rip and rflags in sync with its control block around each guest entry,
 * so exit handlers read and write them here only. */
struct guest_regs {
	uint64_t rax, rbx, rcx, rdx, rsi, rdi, rbp, rsp;
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
	uint64_t rip, rflags;
};

enum vcpu_state {
	VCPU_RUNNABLE,
	VCPU_BLOCKED,
	VCPU_DOWN,
};

struct domain;

/* Vendor-neutral exit classes for statistics. */
enum hvm_exit_class {
	HVM_EXIT_OTHER,
	HVM_EXIT_INTR,
	HVM_EXIT_VINTR,
	HVM_EXIT_CPUID,
	HVM_EXIT_HLT,
	HVM_EXIT_IO,
	HVM_EXIT_MSR,
	HVM_EXIT_HYPERCALL,
	HVM_EXIT_NPF,
	HVM_EXIT_NR
};

struct vcpu_info;
struct shared_info;

struct vcpu {
	struct domain *domain;
	unsigned int vcpu_id;
	enum vcpu_state state;
	struct guest_regs regs;
	void *arch; /* the vendor's per-vCPU state (e.g. the VMCB) */
	uint64_t nr_exits;
	/* Exit statistics: by reason (vendor-neutral class) and I/O port. */
	uint64_t exit_stats[HVM_EXIT_NR];
	uint16_t io_port_hot[8]; /* most frequent ports seen */
	uint64_t io_port_hits[8];
	unsigned int processor; /* physical CPU it runs or last ran on */
	int pinned_cpu;		/* -1: may run anywhere */
	bool wait_for_sipi;	/* INIT received, SIPI not yet */
	uint8_t upcall_vector;	/* HVMOP_set_evtchn_upcall_vector; 0: none */
	/* x87/SSE state (FXSAVE format) while the vCPU is off its CPU. */
	uint8_t fpu[512] __aligned(16);
	bool is_running; /* a CPU's loop owns it (sched lock) */
	bool on_runq;
	struct vcpu *runq_next;
	struct vlapic vlapic;

	/* Where the guest reads its vcpu_info: shared_info's slot, or the
	 * page it registered (VCPUOP_register_vcpu_info). */
	struct vcpu_info *vcpu_info;
	bool vcpu_info_registered;
	uint64_t vcpu_info_gfn;
	uint16_t virq_to_port[NR_VIRQS];

	struct timer singleshot; /* VCPUOP_set_singleshot_timer */
	struct timer poll_timer; /* SCHEDOP_poll timeout */
	bool polling;		 /* blocked in SCHEDOP_poll */
	uint64_t poll_ports[8];
	unsigned int nr_poll_ports;

	uint64_t runstate_gva;	 /* VCPUOP_register_runstate_memory_area */
	unsigned int runstate;	 /* RUNSTATE_* */
	uint64_t runstate_entry; /* system time it entered that state */
	uint64_t runstate_time[4];
};

enum domain_state {
	DOMAIN_RUNNING,
	DOMAIN_SHUTDOWN, /* asked to stop: reason in shutdown_code */
	DOMAIN_CRASHED,
	DOMAIN_DEAD,
};

struct domain {
	uint16_t domid;
	char name[DOMAIN_NAME_MAX];
	bool is_privileged;
	enum domain_state state;
	unsigned int shutdown_code; /* SHUTDOWN_* from xen/sched.h */
	unsigned int nr_vcpus;
	struct vcpu *vcpus[MAX_VCPUS];
	struct p2m p2m;
	uint64_t tot_pages, max_pages;

	struct shared_info *shared_info; /* hypervisor-owned page */
	uint64_t shared_info_gfn;	 /* INVALID_GFN_ENTRY: not mapped */
	unsigned int nr_e820;		 /* the guest's memory map */
	struct e820_entry e820[8];
	uint64_t max_gfn;
	struct evtchn_table evtchn;
	struct grant_table grant;
	uint64_t hvm_params[64]; /* HVM_NR_PARAMS in Xen 4.17 is 39 */
	uint8_t callback_vector; /* HVM_PARAM_CALLBACK_IRQ type 2; 0: none */
	unsigned int weight;	 /* scheduler weight, 256 by default */
	unsigned long vm_assist;
	struct domain *next;
	spinlock_t lock;
};

struct domain *domain_create(uint16_t domid, const char *name, bool privileged,
			     unsigned int nr_vcpus);
void domain_destroy(struct domain *d);
/* Requests shutdown with a SHUTDOWN_* reason; the domain stops running. */
void domain_shutdown(struct domain *d, unsigned int reason);
/* Kills the domain after an unrecoverable guest error, with one log line. */
void domain_crash(struct vcpu *v, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
bool domain_is_alive(const struct domain *d);
struct domain *domain_list(void);
struct domain *domain_by_id(uint16_t domid);
/* Fills the time records and wall clock of every vCPU's vcpu_info. */
void shared_info_init_time(struct domain *d);
void shared_info_set_wallclock(struct domain *d);
/* Sets the wall-clock time at system time 0 (dom0's XENPF_settime64). */
void wallclock_set(uint64_t wall_ns_at_boot);
const char *shutdown_reason_name(unsigned int code);

#endif
