/*
 * Console output. Under Xen (CPUID leaf 0x40000000 says "XenVMMXenVMM")
 * text goes to HYPERVISOR_console_io(CONSOLEIO_write); with no hypervisor,
 * e.g. when QEMU boots the guest itself through its PVH loader, it goes to
 * the Bochs/QEMU debug port 0xE9 (QEMU: -debugcon stdio).
 */
#include <xen/arch-x86/cpuid.h>

#include "guest.h"

#define DEBUGCON_PORT 0xe9

static bool xen_present;
/* Serialises output from several vCPUs (lib/smp.c) line by line. */
static volatile int console_lock;

void console_init(void)
{
	struct cpuid_regs r = cpuid(XEN_CPUID_FIRST_LEAF);

	xen_present = r.ebx == XEN_CPUID_SIGNATURE_EBX &&
		      r.ecx == XEN_CPUID_SIGNATURE_ECX &&
		      r.edx == XEN_CPUID_SIGNATURE_EDX;
}

bool hypervisor_present(void)
{
	return xen_present;
}

/*
 * Interrupts stay off while the lock is held, so that a handler printing
 * on the same CPU cannot wait for it forever. Code at CPL 3 (user_call)
 * cannot CLI and does not take the lock.
 */
void console_write(const char *s, size_t len)
{
	bool locked = (read_cs() & 3) == 0;
	unsigned long flags = 0;
	size_t i;

	if (locked) {
		asm volatile("pushfq; popq %0; cli" : "=r"(flags) : : "memory");
		while (__atomic_exchange_n(&console_lock, 1, __ATOMIC_ACQUIRE))
			asm volatile("pause" ::: "memory");
	}
	if (xen_present)
		HYPERVISOR_console_io(CONSOLEIO_write, len, s);
	else
		for (i = 0; i < len; i++)
			outb(DEBUGCON_PORT, s[i]);
	if (locked) {
		__atomic_store_n(&console_lock, 0, __ATOMIC_RELEASE);
		if (flags & (1u << 9))
			local_irq_enable();
	}
}
