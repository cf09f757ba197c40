/*
 * Fixed IPIs between vCPUs through the x2APIC ICR (Intel SDM vol. 3,
 * 10.6 and 10.12.9; Xen's xen/arch/x86/hvm/vlapic.c): by physical
 * destination, and with the shorthands "self" and "all excluding self",
 * sent by the boot vCPU and by the APs. The APs idle in sti; hlt and each
 * vCPU counts its IPIs in a handler that sees the vector in its ISR and
 * EOIs it; every count must come out exact. An IPI to an APIC ID that no
 * vCPU has is dropped.
 */
#include "smp.h"

DEFINE_TEST("ipi", "fixed IPIs between vCPUs through the x2APIC ICR");

#define IPI_VECTOR 0xe0	 /* counted */
#define WAKE_VECTOR 0xd0 /* wakes an AP to run its command */

enum cmd {
	CMD_NONE,
	CMD_SEND,
	CMD_SELF,
	CMD_ALL_BUT_SELF
};

struct ap_cmd {
	enum cmd cmd;
	unsigned int dest, times;
};

static volatile unsigned int ipis[SMP_MAX_CPUS], wakes[SMP_MAX_CPUS];
static volatile unsigned int isr_bad[SMP_MAX_CPUS];
static volatile struct ap_cmd cmds[SMP_MAX_CPUS];
static volatile bool ap_failed[SMP_MAX_CPUS];
static volatile unsigned int ready, stopped;
static volatile bool stop;
static unsigned int expected[SMP_MAX_CPUS], expected_wakes[SMP_MAX_CPUS];
static unsigned int nr;

static unsigned int get(volatile unsigned int *p)
{
	return __atomic_load_n(p, __ATOMIC_SEQ_CST);
}

/* The vector is in service while its handler runs, and not after EOI. */
static void count_irq(volatile unsigned int *counts, uint8_t vector)
{
	unsigned int cpu = smp_this_cpu();

	if (!apic_isr_has(vector))
		__atomic_fetch_add(&isr_bad[cpu], 1, __ATOMIC_SEQ_CST);
	apic_eoi();
	if (apic_isr_has(vector))
		__atomic_fetch_add(&isr_bad[cpu], 1, __ATOMIC_SEQ_CST);
	__atomic_fetch_add(&counts[cpu], 1, __ATOMIC_SEQ_CST);
}

static void on_ipi(struct cpu_regs *regs)
{
	(void)regs;
	count_irq(ipis, IPI_VECTOR);
}

static void on_wake(struct cpu_regs *regs)
{
	(void)regs;
	count_irq(wakes, WAKE_VECTOR);
}

/* Lets pending interrupts in: STI's shadow covers one instruction. */
static void irq_window(void)
{
	local_irq_enable();
	asm volatile("nop; nop; nop" ::: "memory");
	local_irq_disable();
}

/*
 * One IPI at a time, each waiting until it was counted, so that two never
 * merge in the target's IRR. Called with interrupts off unless the target
 * is the caller itself.
 */
static bool send_counted(unsigned int to, uint32_t shorthand)
{
	unsigned int before[SMP_MAX_CPUS], self = smp_this_cpu();
	bool ok = true;

	for (unsigned int i = 0; i < nr; i++)
		before[i] = get(&ipis[i]);
	apic_icr_write(shorthand ? 0 : smp_apic_id(to), shorthand | IPI_VECTOR);
	for (unsigned int i = 0; i < nr; i++) {
		bool hit = shorthand == ICR_DEST_SELF	    ? i == self
			   : shorthand == ICR_ALL_EXCL_SELF ? i != self
							    : i == to;

		if (hit && i == self) {
			irq_window();
			ok &= get(&ipis[i]) != before[i];
		} else if (hit) {
			ok &= spin_until(get(&ipis[i]) != before[i],
					 SMP_WAIT_TSC);
		}
	}
	return ok;
}

static void run_cmd(unsigned int cpu, volatile struct ap_cmd *c)
{
	uint32_t shorthand = c->cmd == CMD_SELF		  ? ICR_DEST_SELF
			     : c->cmd == CMD_ALL_BUT_SELF ? ICR_ALL_EXCL_SELF
							  : 0;

	for (unsigned int i = 0; i < c->times; i++)
		if (!send_counted(c->dest, shorthand))
			ap_failed[cpu] = true;
}

void ap_main(unsigned int cpu)
{
	apic_sw_enable();
	__atomic_fetch_add(&ready, 1, __ATOMIC_SEQ_CST);
	/* Interrupts are off except inside sti; hlt. */
	for (;;) {
		if (cmds[cpu].cmd != CMD_NONE) {
			run_cmd(cpu, &cmds[cpu]);
			__atomic_store_n(&cmds[cpu].cmd, CMD_NONE,
					 __ATOMIC_SEQ_CST);
		} else if (__atomic_load_n(&stop, __ATOMIC_SEQ_CST)) {
			break;
		} else {
			safe_halt();
		}
	}
	__atomic_fetch_add(&stopped, 1, __ATOMIC_SEQ_CST);
	for (;;)
		safe_halt();
}

/*
 * Waits until every count reaches what is expected, lets a while pass
 * for strays (with interrupts on here), then checks them exactly.
 */
static void check_counts(const char *what)
{
	bool ok = true;

	local_irq_enable();
	for (unsigned int i = 0; i < nr; i++)
		spin_until(get(&ipis[i]) >= expected[i], SMP_WAIT_TSC);
	tsc_delay(SMP_QUIET_TSC);
	local_irq_disable();
	for (unsigned int i = 0; i < nr; i++) {
		ok &= get(&ipis[i]) == expected[i] &&
		      get(&wakes[i]) == expected_wakes[i];
		if (get(&ipis[i]) != expected[i] ||
		    get(&wakes[i]) != expected_wakes[i])
			printf("cpu %u: %u IPIs, %u wake-ups; expected %u, %u\n",
			       i, get(&ipis[i]), get(&wakes[i]), expected[i],
			       expected_wakes[i]);
	}
	check(ok, "%s: every vCPU's count is exact", what);
}

/* Has AP `cpu` run a command, woken by an IPI; BSP interrupts on. */
static void ap_do(unsigned int cpu, enum cmd cmd, unsigned int dest,
		  unsigned int times)
{
	bool done;

	cmds[cpu].dest = dest;
	cmds[cpu].times = times;
	__atomic_store_n(&cmds[cpu].cmd, cmd, __ATOMIC_SEQ_CST);
	apic_icr_write(smp_apic_id(cpu), WAKE_VECTOR);
	expected_wakes[cpu]++;
	local_irq_enable();
	done = spin_until(__atomic_load_n(&cmds[cpu].cmd, __ATOMIC_SEQ_CST) ==
				  CMD_NONE,
			  SMP_WAIT_TSC);
	local_irq_disable();
	check(done && !ap_failed[cpu], "AP %u ran command %u (%u x to cpu %u)",
	      cpu, cmd, times, dest);
}

static void from_bsp(void)
{
	/* Physical destination, to each AP. */
	for (unsigned int i = 1; i < nr; i++) {
		bool ok = true;

		for (unsigned int k = 0; k < 4; k++)
			ok &= send_counted(i, 0);
		expected[i] += 4;
		check(ok, "4 IPIs to APIC ID %u arrived one by one",
		      smp_apic_id(i));
	}
	check_counts("BSP to each AP");

	/* Self: stays in the IRR while interrupts are off. */
	for (unsigned int k = 0; k < 3; k++) {
		apic_icr_write(0, ICR_DEST_SELF | IPI_VECTOR);
		if (k == 0)
			check(apic_irr_has(IPI_VECTOR) && get(&ipis[0]) == 0,
			      "self IPI waits in the IRR with interrupts off");
		irq_window();
		expected[0]++;
	}
	check_counts("3 self IPIs");

	/* All excluding self. */
	for (unsigned int k = 0; k < 3; k++) {
		check(send_counted(0, ICR_ALL_EXCL_SELF),
		      "all-excluding-self IPI %u reached every AP", k);
		for (unsigned int i = 1; i < nr; i++)
			expected[i]++;
	}
	check_counts("3 all-excluding-self IPIs");
}

static void from_aps(void)
{
	for (unsigned int i = 1; i < nr; i++) {
		ap_do(i, CMD_SEND, 0, 2);
		expected[0] += 2;
	}
	check_counts("each AP to the BSP");
	for (unsigned int i = 1; i < nr && nr > 2; i++) {
		unsigned int to = i % (nr - 1) + 1;

		ap_do(i, CMD_SEND, to, 3);
		expected[to] += 3;
	}
	if (nr > 2)
		check_counts("AP to AP");
	for (unsigned int i = 1; i < nr; i++) {
		ap_do(i, CMD_SELF, 0, 2);
		expected[i] += 2;
	}
	check_counts("self IPIs on the APs");
	for (unsigned int i = 1; i < nr; i++) {
		ap_do(i, CMD_ALL_BUT_SELF, 0, 1);
		for (unsigned int j = 0; j < nr; j++)
			expected[j] += j != i;
	}
	check_counts("all-excluding-self from the APs");
}

void test_main(const struct hvm_start_info *si)
{
	const uint32_t nobody[] = { 0, 1, 0x100, 0xfffe };

	nr = smp_init(si);
	if (!check(nr >= 2, "at least two vCPUs (%u)", nr))
		return;
	set_irq_handler(IPI_VECTOR, on_ipi);
	set_irq_handler(WAKE_VECTOR, on_wake);
	apic_sw_enable();
	for (unsigned int i = 1; i < nr; i++)
		if (!smp_start_ap(i))
			test_abort("AP %u did not start", i);
	if (!check(spin_until(ready == nr - 1, SMP_WAIT_TSC),
		   "%u APs idle in sti; hlt", nr - 1))
		return;

	from_bsp();
	from_aps();

	/* No vCPU has these x2APIC IDs (odd ones, or beyond the last). */
	for (unsigned int k = 0; k < ARRAY_SIZE(nobody); k++)
		apic_icr_write(nobody[k] ? nobody[k] : 2 * nr, IPI_VECTOR);
	check_counts("IPIs to absent APIC IDs dropped");

	for (unsigned int i = 0; i < nr; i++)
		check_long(isr_bad[i], 0,
			   "cpu %u: vector in the ISR in its handler, gone "
			   "after EOI",
			   i);
	__atomic_store_n(&stop, true, __ATOMIC_SEQ_CST);
	apic_icr_write(0, ICR_ALL_EXCL_SELF | WAKE_VECTOR);
	for (unsigned int i = 1; i < nr; i++)
		expected_wakes[i]++;
	check(spin_until(stopped == nr - 1, SMP_WAIT_TSC), "the APs stopped");
	check_counts("at the end");
}
