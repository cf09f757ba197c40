/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event channels, 2-level ABI (the bitmaps in shared_info). Ports are
 * per domain, numbered from 1 (port 0 is reserved, as in Xen).
 */
#ifndef HV_EVENT_H
#define HV_EVENT_H

#include <hv/types.h>
#include <hv/spinlock.h>
#include <xen/xen.h>

#define EVTCHN_2L_NR_PORTS 4096 /* 64 words of 64 bits on x86-64 */

enum evtchn_state {
	ECS_FREE = 0,
	ECS_RESERVED, /* port 0 */
	ECS_UNBOUND,
	ECS_INTERDOMAIN,
	ECS_PIRQ,
	ECS_VIRQ,
	ECS_IPI,
};

struct domain;
struct vcpu;

struct evtchn {
	uint8_t state;
	uint16_t notify_vcpu;
	union {
		uint32_t virq;
		uint16_t unbound_remote; /* domid allowed to bind */
		struct {
			struct domain *dom;
			uint32_t port;
		} interdomain;
	} u;
};

struct evtchn_table {
	struct evtchn *ports; /* EVTCHN_2L_NR_PORTS entries */
	spinlock_t lock;
};

int evtchn_init(struct domain *d);
void evtchn_destroy(struct domain *d);
/* Raises a per-vCPU VIRQ (VIRQ_TIMER, VIRQ_DEBUG) if the guest bound it. */
void evtchn_send_virq(struct vcpu *v, unsigned int virq);
/* Raises a global VIRQ (VIRQ_DOM_EXC, VIRQ_CONSOLE) on its bound vCPU. */
void evtchn_send_global_virq(struct domain *d, unsigned int virq);
/* Marks @port pending and notifies its vCPU (2-level semantics). */
void evtchn_port_set_pending(struct domain *d, unsigned int port);
bool evtchn_port_is_pending(struct domain *d, unsigned int port);
/* EVTCHNOP_unmask: clears the mask, re-raises a pending event. */
void evtchn_2l_unmask(struct domain *d, unsigned int port);
/* The vCPU has an upcall to take (vcpu_info.evtchn_upcall_pending). */
bool vcpu_upcall_pending(struct vcpu *v);
/* Makes a blocked vCPU runnable (called with an event or timer). */
void vcpu_wake(struct vcpu *v);

long do_event_channel_op(struct vcpu *v, uint64_t cmd, uint64_t arg,
			 uint64_t a3, uint64_t a4, uint64_t a5);

#endif
