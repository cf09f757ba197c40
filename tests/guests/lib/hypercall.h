/*
 * Hypercalls from a 64-bit PVH guest: VMMCALL with the hypercall number in
 * RAX and arguments in RDI, RSI, RDX, R10, R8; the result comes back in RAX
 * as a long, a negative Xen errno on failure. A debug Xen deliberately
 * scribbles over the argument registers (R9 included), so all of them are
 * treated as clobbered.
 */
#ifndef GUEST_HYPERCALL_H
#define GUEST_HYPERCALL_H

#include <xen/xen.h>
#include <xen/sched.h>
#include <xen/version.h>
#include <xen/errno.h>
#include <xen/event_channel.h>
#include <xen/memory.h>
#include <xen/vcpu.h>
#include <xen/hvm/hvm_op.h>
#include <xen/hvm/params.h>

static inline long hypercall5(unsigned long nr, unsigned long a1,
			      unsigned long a2, unsigned long a3,
			      unsigned long a4, unsigned long a5)
{
	register unsigned long r10 asm("r10") = a4;
	register unsigned long r8 asm("r8") = a5;

	asm volatile("vmmcall"
		     : "+a"(nr), "+D"(a1), "+S"(a2), "+d"(a3), "+r"(r10),
		       "+r"(r8)
		     :
		     : "r9", "memory");
	return (long)nr;
}

static inline long hypercall3(unsigned long nr, unsigned long a1,
			      unsigned long a2, unsigned long a3)
{
	return hypercall5(nr, a1, a2, a3, 0, 0);
}

static inline long hypercall2(unsigned long nr, unsigned long a1,
			      unsigned long a2)
{
	return hypercall5(nr, a1, a2, 0, 0, 0);
}

static inline long HYPERVISOR_console_io(unsigned int cmd, unsigned int count,
					 const void *buf)
{
	return hypercall3(__HYPERVISOR_console_io, cmd, count,
			  (unsigned long)buf);
}

static inline long HYPERVISOR_xen_version(unsigned int cmd, void *arg)
{
	return hypercall2(__HYPERVISOR_xen_version, cmd, (unsigned long)arg);
}

static inline long HYPERVISOR_sched_op(unsigned int cmd, void *arg)
{
	return hypercall2(__HYPERVISOR_sched_op, cmd, (unsigned long)arg);
}

static inline long HYPERVISOR_memory_op(unsigned int cmd, void *arg)
{
	return hypercall2(__HYPERVISOR_memory_op, cmd, (unsigned long)arg);
}

static inline long HYPERVISOR_event_channel_op(unsigned int cmd, void *arg)
{
	return hypercall2(__HYPERVISOR_event_channel_op, cmd,
			  (unsigned long)arg);
}

static inline long HYPERVISOR_hvm_op(unsigned int cmd, void *arg)
{
	return hypercall2(__HYPERVISOR_hvm_op, cmd, (unsigned long)arg);
}

static inline long HYPERVISOR_vcpu_op(unsigned int cmd, unsigned int vcpu,
				      void *arg)
{
	return hypercall3(__HYPERVISOR_vcpu_op, cmd, vcpu, (unsigned long)arg);
}

#endif /* GUEST_HYPERCALL_H */
