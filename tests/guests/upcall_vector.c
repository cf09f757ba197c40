/*
 * Per-vCPU event-channel upcall vectors (HVMOP_set_evtchn_upcall_vector,
 * as a PVH Linux uses them: arch/x86/xen/enlighten_hvm.c; Xen's
 * xen/arch/x86/hvm/hvm.c and xen/include/public/hvm/hvm_op.h): each vCPU
 * gets its own vector, delivered through its local APIC, so the vector
 * shows in the ISR while the handler runs and needs an EOI. An IPI event
 * channel is bound to each vCPU and raised from another vCPU; the handler
 * must run on the vCPU the port is bound to, with that vCPU's vector.
 * Bad arguments: a vector below 0x10 is -EINVAL, a vCPU the domain does
 * not have -ENOENT. CPUID 0x40000004 EAX bit 6 advertises the hypercall.
 */
#include "smp.h"

DEFINE_TEST("upcall_vector", "per-vCPU event upcall vectors");

#define UPCALL_VECTOR(cpu) (0xe0 + (cpu))
#define WAKE_VECTOR 0xd0

struct ap_cmd {
	volatile bool pending;
	evtchn_port_t port;
};

static struct shared_info *shinfo;
static unsigned int nr;
static evtchn_port_t ports[SMP_MAX_CPUS];
/* Per port index (= the vCPU it is bound to): where its events ran. */
static volatile unsigned int hits[SMP_MAX_CPUS], wrong_cpu[SMP_MAX_CPUS];
/* Per vCPU: upcalls, and ones with a wrong vector or ISR state. */
static volatile unsigned int upcalls[SMP_MAX_CPUS], bad_vector[SMP_MAX_CPUS];
static volatile unsigned int isr_missing[SMP_MAX_CPUS];
static volatile unsigned int isr_after_eoi[SMP_MAX_CPUS];
static volatile unsigned int stray[SMP_MAX_CPUS];
static struct ap_cmd cmds[SMP_MAX_CPUS];
static volatile long ap_send_rc[SMP_MAX_CPUS];
static volatile unsigned int ready;
/* A second port of vCPU 0's, raised from inside its handler. */
static evtchn_port_t extra_port;
static volatile bool raise_extra;
static volatile unsigned int extra_hits, extra_wrong_cpu;
static volatile bool extra_irr_in_service, extra_irr_after_eoi;

static unsigned int get(volatile unsigned int *p)
{
	return __atomic_load_n(p, __ATOMIC_SEQ_CST);
}

static long send(evtchn_port_t port)
{
	struct evtchn_send op = { .port = port };

	return HYPERVISOR_event_channel_op(EVTCHNOP_send, &op);
}

static long set_upcall_vector(uint32_t vcpu, uint8_t vector)
{
	struct xen_hvm_evtchn_upcall_vector op = { .vcpu = vcpu,
						   .vector = vector };

	return HYPERVISOR_hvm_op(HVMOP_set_evtchn_upcall_vector, &op);
}

static int port_index(evtchn_port_t port)
{
	for (unsigned int i = 0; i < nr; i++)
		if (ports[i] == port)
			return (int)i;
	return -1;
}

/*
 * The 2-level scan on this vCPU's vcpu_info: clear upcall_pending, take
 * the selector, then each pending unmasked port. EOI at the end, as
 * Linux's sysvec_xen_hvm_callback does through ack_APIC_irq().
 */
static void on_upcall(struct cpu_regs *regs)
{
	unsigned int cpu = smp_this_cpu();
	volatile struct vcpu_info *vi = &shinfo->vcpu_info[cpu];
	xen_ulong_t sel;

	__atomic_fetch_add(&upcalls[cpu], 1, __ATOMIC_SEQ_CST);
	if (regs->vector != UPCALL_VECTOR(cpu))
		__atomic_fetch_add(&bad_vector[cpu], 1, __ATOMIC_SEQ_CST);
	if (!apic_isr_has(regs->vector))
		__atomic_fetch_add(&isr_missing[cpu], 1, __ATOMIC_SEQ_CST);
	vi->evtchn_upcall_pending = 0;
	sel = __atomic_exchange_n(&vi->evtchn_pending_sel, 0, __ATOMIC_SEQ_CST);
	while (sel) {
		unsigned int w = __builtin_ctzl(sel);
		xen_ulong_t pend;

		sel &= sel - 1;
		pend = shinfo->evtchn_pending[w] & ~shinfo->evtchn_mask[w];
		while (pend) {
			unsigned int b = __builtin_ctzl(pend);
			int idx = port_index(w * 64 + b);

			pend &= pend - 1;
			__atomic_fetch_and(&shinfo->evtchn_pending[w],
					   ~(1UL << b), __ATOMIC_SEQ_CST);
			if (extra_port && w * 64 + b == extra_port) {
				extra_hits++;
				extra_wrong_cpu += cpu != 0;
				continue;
			}
			if (idx < 0) {
				__atomic_fetch_add(&stray[cpu], 1,
						   __ATOMIC_SEQ_CST);
				continue;
			}
			__atomic_fetch_add(&hits[idx], 1, __ATOMIC_SEQ_CST);
			if ((unsigned int)idx != cpu)
				__atomic_fetch_add(&wrong_cpu[idx], 1,
						   __ATOMIC_SEQ_CST);
		}
	}
	if (cpu == 0 && raise_extra) {
		/* In service: the new upcall must wait in the IRR for EOI. */
		raise_extra = false;
		send(extra_port);
		extra_irr_in_service = apic_irr_has(regs->vector) &&
				       apic_isr_has(regs->vector);
	}
	apic_eoi();
	if (apic_isr_has(regs->vector))
		__atomic_fetch_add(&isr_after_eoi[cpu], 1, __ATOMIC_SEQ_CST);
	if (cpu == 0 && extra_irr_in_service && !extra_hits)
		extra_irr_after_eoi = apic_irr_has(regs->vector);
}

static void on_wake(struct cpu_regs *regs)
{
	(void)regs;
	apic_eoi();
}

void ap_main(unsigned int cpu)
{
	apic_sw_enable();
	__atomic_fetch_add(&ready, 1, __ATOMIC_SEQ_CST);
	for (;;) {
		if (__atomic_load_n(&cmds[cpu].pending, __ATOMIC_SEQ_CST)) {
			ap_send_rc[cpu] = send(cmds[cpu].port);
			__atomic_store_n(&cmds[cpu].pending, false,
					 __ATOMIC_SEQ_CST);
		} else {
			safe_halt();
		}
	}
}

/* Has AP `cpu` send an event on `port`; returns the send's result. */
static long ap_send(unsigned int cpu, evtchn_port_t port)
{
	cmds[cpu].port = port;
	__atomic_store_n(&cmds[cpu].pending, true, __ATOMIC_SEQ_CST);
	apic_icr_write(smp_apic_id(cpu), WAKE_VECTOR);
	if (!spin_until(!__atomic_load_n(&cmds[cpu].pending, __ATOMIC_SEQ_CST),
			SMP_WAIT_TSC))
		test_abort("AP %u did not run its command", cpu);
	return ap_send_rc[cpu];
}

static void check_delivery(unsigned int target, const char *from)
{
	bool ok = spin_until(get(&hits[target]) == 1, SMP_WAIT_TSC);

	check(ok && !wrong_cpu[target],
	      "event on port %u from %s ran on vCPU %u (%u hits, %u on "
	      "other vCPUs)",
	      ports[target], from, target, get(&hits[target]),
	      wrong_cpu[target]);
	hits[target] = 0;
}

/* The boot vCPU's own port, from itself and from an AP: waits in IRR. */
static void to_bsp(void)
{
	uint8_t vec = UPCALL_VECTOR(0);

	check_long(send(ports[0]), 0, "send on vCPU 0's port %u", ports[0]);
	check(apic_irr_has(vec) && !apic_isr_has(vec) && !get(&hits[0]),
	      "interrupts off: vector %#x waits in vCPU 0's IRR", vec);
	local_irq_enable();
	asm volatile("nop; nop; nop" ::: "memory");
	local_irq_disable();
	check_delivery(0, "vCPU 0 itself");
	check(!apic_irr_has(vec) && !apic_isr_has(vec),
	      "vector %#x neither requested nor in service after EOI", vec);

	check_long(ap_send(1, ports[0]), 0, "AP 1 sends on vCPU 0's port");
	check(spin_until(apic_irr_has(vec), SMP_WAIT_TSC),
	      "vector %#x reaches vCPU 0's IRR from AP 1", vec);
	local_irq_enable();
	asm volatile("nop; nop; nop" ::: "memory");
	local_irq_disable();
	check_delivery(0, "AP 1");
}

/*
 * An event raised while vCPU 0's upcall is in service (before its EOI):
 * the vector is requested again (IRR) but only delivered after the EOI,
 * once the handler returns.
 */
static void while_in_service(void)
{
	struct evtchn_bind_ipi bind = { .vcpu = 0 };
	unsigned int before = get(&upcalls[0]);

	if (!check_long(HYPERVISOR_event_channel_op(EVTCHNOP_bind_ipi, &bind),
			0, "EVTCHNOP_bind_ipi, a second port for vCPU 0"))
		return;
	extra_port = bind.port;
	raise_extra = true;
	send(ports[0]);
	local_irq_enable();
	asm volatile("nop; nop; nop" ::: "memory");
	local_irq_disable();
	check(extra_irr_in_service,
	      "an event raised in the handler requests the vector again "
	      "while it is in service");
	check(extra_irr_after_eoi,
	      "the request stays in the IRR after the EOI (interrupts off)");
	check(get(&hits[0]) == 1 && extra_hits == 1 && !extra_wrong_cpu &&
		      get(&upcalls[0]) == before + 2,
	      "both events handled on vCPU 0 in two upcalls (%u, %u, %u)",
	      get(&hits[0]), extra_hits, get(&upcalls[0]) - before);
	hits[0] = 0;
}

static void bad_arguments(void)
{
	check_long(set_upcall_vector(0, 0x0f), -XEN_EINVAL,
		   "HVMOP_set_evtchn_upcall_vector vector 0x0f");
	check_long(set_upcall_vector(99, 0xf3), -XEN_ENOENT,
		   "HVMOP_set_evtchn_upcall_vector vcpu 99");
	check_long(set_upcall_vector(nr, 0xf3), -XEN_ENOENT,
		   "HVMOP_set_evtchn_upcall_vector vcpu %u (one too many)", nr);
}

void test_main(const struct hvm_start_info *si)
{
	long rc;

	check(cpuid(0x40000004).eax & (1u << 6),
	      "CPUID 0x40000004 EAX advertises XEN_HVM_CPUID_UPCALL_VECTOR "
	      "(%#x)",
	      cpuid(0x40000004).eax);
	nr = smp_init(si);
	if (!check(nr >= 2, "at least two vCPUs (%u)", nr))
		return;
	shinfo = map_shared_info(&rc);
	if (!check(shinfo != NULL, "shared_info mapped (rc %ld)", rc))
		return;
	bad_arguments();
	set_irq_handler(WAKE_VECTOR, on_wake);
	apic_sw_enable();
	for (unsigned int i = 0; i < nr; i++) {
		struct evtchn_bind_ipi bind = { .vcpu = i };

		set_irq_handler(UPCALL_VECTOR(i), on_upcall);
		check_long(set_upcall_vector(i, UPCALL_VECTOR(i)), 0,
			   "vCPU %u: upcall vector %#x", i, UPCALL_VECTOR(i));
		rc = HYPERVISOR_event_channel_op(EVTCHNOP_bind_ipi, &bind);
		check_long(rc, 0, "EVTCHNOP_bind_ipi to vCPU %u: port %u", i,
			   bind.port);
		ports[i] = bind.port;
	}
	for (unsigned int i = 1; i < nr; i++)
		if (!smp_start_ap(i))
			test_abort("AP %u did not start", i);
	if (!check(spin_until(get(&ready) == nr - 1, SMP_WAIT_TSC),
		   "%u APs idle in sti; hlt", nr - 1))
		return;

	for (unsigned int i = 1; i < nr; i++) {
		check_long(send(ports[i]), 0, "vCPU 0 sends on port %u",
			   ports[i]);
		check_delivery(i, "vCPU 0");
	}
	to_bsp();
	while_in_service();
	for (unsigned int i = 1; i < nr && nr > 2; i++) {
		unsigned int to = i % (nr - 1) + 1;

		check_long(ap_send(i, ports[to]), 0,
			   "AP %u sends on vCPU %u's port %u", i, to,
			   ports[to]);
		check_delivery(to, "another AP");
	}

	tsc_delay(SMP_QUIET_TSC);
	for (unsigned int i = 0; i < nr; i++) {
		check(!bad_vector[i] && !isr_missing[i] && !isr_after_eoi[i],
		      "vCPU %u: %u upcalls, all on vector %#x, in the ISR "
		      "until EOI and not after",
		      i, get(&upcalls[i]), UPCALL_VECTOR(i));
		check(!hits[i] && !stray[i], "vCPU %u: no stray events", i);
	}
	check(!apic_isr_has(UPCALL_VECTOR(0)) &&
		      !apic_irr_has(UPCALL_VECTOR(0)),
	      "vCPU 0: nothing left in the ISR or IRR");
}
