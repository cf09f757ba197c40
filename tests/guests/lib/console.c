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

void console_write(const char *s, size_t len)
{
	size_t i;

	if (xen_present) {
		HYPERVISOR_console_io(CONSOLEIO_write, len, s);
		return;
	}
	for (i = 0; i < len; i++)
		outb(DEBUGCON_PORT, s[i]);
}
