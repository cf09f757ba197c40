/* SPDX-License-Identifier: GPL-2.0-only */
/* Domains and their virtual CPUs (vendor-neutral). */
#ifndef HV_DOMAIN_H
#define HV_DOMAIN_H

#include <hv/types.h>
#include <hv/spinlock.h>
#include <hv/p2m.h>

#define MAX_VCPUS 64
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

struct vcpu {
	struct domain *domain;
	unsigned int vcpu_id;
	enum vcpu_state state;
	struct guest_regs regs;
	void *arch; /* the vendor's per-vCPU state (e.g. the VMCB) */
	uint64_t nr_exits;
	uint64_t exit_counts[16]; /* by hvm_exit_class */
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
const char *shutdown_reason_name(unsigned int code);

#endif
