// SPDX-License-Identifier: GPL-2.0-only
/*
 * Guest port I/O. Nothing is passed through to the hardware: port 0xe9
 * writes go to the log as the guest's console (the "debugcon" port Xen
 * offers HVM guests), every other port reads all ones and drops writes,
 * like an empty ISA bus.
 */
#include <hv/types.h>
#include <hv/lib.h>
#include <hv/console.h>
#include <hv/hvm.h>
#include <hv/asm.h>
#include <xen/xen.h>
#include <xen/sched.h>

#define DEBUGCON_PORT 0xe9

const uint16_t hvm_dom0_passthrough_ports[] = { 0x42, 0x43, 0x61 };
const unsigned int hvm_nr_dom0_passthrough_ports =
	ARRAY_SIZE(hvm_dom0_passthrough_ports);

static void debugcon_write(struct vcpu *v, uint8_t c)
{
	console_guest_write(v->domain->domid, (const char *)&c, 1);
}

static uint32_t port_read(struct vcpu *v, uint16_t port, unsigned int size)
{
	(void)v;
	(void)port;
	return size == 4 ? 0xffffffffu : (1u << (size * 8)) - 1;
}

/*
 * A guest resetting "the machine" the usual ways (the PCI reset control
 * register, the keyboard controller's reset line) reboots its domain.
 */
static void port_write(struct vcpu *v, uint16_t port, unsigned int size,
		       uint32_t val)
{
	(void)size;
	switch (port) {
	case DEBUGCON_PORT:
		debugcon_write(v, val & 0xff);
		break;
	case 0xcf9:
		if (size == 1 && (val & 0x04))
			domain_shutdown(v->domain, SHUTDOWN_reboot);
		break;
	case 0x64:
		if (size == 1 && (val & 0xff) == 0xfe)
			domain_shutdown(v->domain, SHUTDOWN_reboot);
		break;
	}
}

/* Keeps the most frequently accessed ports (a small approximate table). */
static void count_port(struct vcpu *v, uint16_t port)
{
	unsigned int min = 0;

	for (unsigned int i = 0; i < ARRAY_SIZE(v->io_port_hot); i++) {
		if (v->io_port_hits[i] && v->io_port_hot[i] == port) {
			v->io_port_hits[i]++;
			return;
		}
		if (v->io_port_hits[i] < v->io_port_hits[min])
			min = i;
	}
	v->io_port_hot[min] = port;
	v->io_port_hits[min] = 1;
}

void hvm_handle_io(struct vcpu *v, uint16_t port, unsigned int size, bool in,
		   uint64_t next_rip)
{
	count_port(v, port);
	if (in) {
		uint32_t val = port_read(v, port, size);

		if (size == 4)
			v->regs.rax = val; /* 32-bit results zero-extend */
		else
			v->regs.rax =
				(v->regs.rax & ~((1ULL << (size * 8)) - 1)) |
				val;
	} else {
		port_write(v, port, size, (uint32_t)v->regs.rax);
	}
	/* Safe: the CPU reported the address of the next instruction. */
	hvm_set_next_rip(v, next_rip);
}

/* INS/OUTS, optionally REP: flat segments assumed (PVH and long mode). */
void hvm_handle_string_io(struct vcpu *v, uint16_t port, unsigned int size,
			  bool in, bool rep, uint64_t next_rip)
{
	struct guest_ctrl c;
	uint64_t count = rep ? v->regs.rcx : 1;
	uint64_t mask, done = 0;
	int step = (v->regs.rflags & (1 << 10)) ? -(int)size : (int)size;

	hvm_ops->get_ctrl(v, &c);
	mask = (c.efer & EFER_LMA) && c.cs_long ? ~0ULL : 0xffffffffULL;
	if (!rep)
		count = 1;
	else
		count &= mask;
	/* Bound the work per exit; the guest re-executes for the rest. */
	for (; done < count && done < 4096; done++) {
		uint32_t val = 0;

		if (in) {
			val = port_read(v, port, size);
			if (copy_to_guest(v, v->regs.rdi & mask, &val, size))
				goto fault;
			v->regs.rdi = (v->regs.rdi + step) & mask;
		} else {
			if (copy_from_guest(v, &val, v->regs.rsi & mask, size))
				goto fault;
			port_write(v, port, size, val);
			v->regs.rsi = (v->regs.rsi + step) & mask;
		}
	}
	if (rep)
		v->regs.rcx = (v->regs.rcx & ~mask) | ((count - done) & mask);
	/* Safe: all iterations done, continue after the instruction; else
	 * the guest re-executes the REP instruction with the updated RCX. */
	if (done == count)
		hvm_set_next_rip(v, next_rip);
	return;
fault:
	hvm_ops->inject_exception(v, 13, true, 0); /* bad buffer: #GP(0) */
}
