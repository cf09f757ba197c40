/*
 * Hypercall arguments pointing at memory the guest cannot supply: Xen's
 * copy_{from,to}_guest fails and the hypercall returns -EFAULT, and the
 * domain carries on. The guest's page tables map only 0..4 GiB (with 48-bit
 * linear addresses, 0xdead000000000 is not even canonical); guest-physical
 * 0xC0000000 is mapped by the guest but backed by nothing in the
 * hypervisor.
 */
#include "guest.h"

DEFINE_TEST("badptr", "bad guest pointers in hypercalls give -EFAULT");

static const struct {
	unsigned long va;
	const char *what;
} bad[] = {
	{ 0xdead000000000UL, "non-canonical address" },
	{ 0x100000000000UL, "unmapped lower-half address" },
	{ 0xffff800000000000UL, "unmapped upper-half address" },
	{ 0xc0000000UL, "address backed by no guest memory" },
};

/* xen_version sub-ops that copy to or from their argument. */
static const struct {
	unsigned int op;
	const char *name;
} xenver_ops[] = {
	{ XENVER_extraversion, "XENVER_extraversion" },
	{ XENVER_compile_info, "XENVER_compile_info" },
	{ XENVER_capabilities, "XENVER_capabilities" },
	{ XENVER_changeset, "XENVER_changeset" },
	{ XENVER_get_features, "XENVER_get_features" },
	{ XENVER_guest_handle, "XENVER_guest_handle" },
	{ XENVER_commandline, "XENVER_commandline" },
};

static void check_bad(unsigned long va, const char *what)
{
	void *p = (void *)va;
	long rc;

	rc = HYPERVISOR_console_io(CONSOLEIO_write, 16, p);
	check_long(rc, -XEN_EFAULT, "console_io write from %#lx (%s)", va,
		   what);

	for (unsigned int j = 0; j < ARRAY_SIZE(xenver_ops); j++) {
		rc = HYPERVISOR_xen_version(xenver_ops[j].op, p);
		check_long(rc, -XEN_EFAULT, "%s with %#lx", xenver_ops[j].name,
			   va);
	}

	rc = HYPERVISOR_sched_op(SCHEDOP_shutdown, p);
	check_long(rc, -XEN_EFAULT, "SCHEDOP_shutdown with %#lx", va);

	check(true, "domain still running after bad pointer %#lx", va);
}

/* End of the RAM range holding our image, from the PVH memory map. */
static unsigned long ram_end(const struct hvm_start_info *si)
{
	const struct hvm_memmap_table_entry *m =
		(const void *)(unsigned long)si->memmap_paddr;
	unsigned long here = (unsigned long)&ram_end;

	if (si->version < 1 || !si->memmap_paddr)
		return 0;
	for (unsigned int i = 0; i < si->memmap_entries; i++)
		if (m[i].type == XEN_HVM_MEMMAP_TYPE_RAM && m[i].addr <= here &&
		    here - m[i].addr < m[i].size)
			return m[i].addr + m[i].size;
	return 0;
}

void test_main(const struct hvm_start_info *si)
{
	unsigned long end = ram_end(si);

	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++)
		check_bad(bad[i].va, bad[i].what);

	/*
	 * Two bytes before the end of RAM: every argument above (4 bytes or
	 * more) starts in RAM and runs past its end, so the copy fails part
	 * way; Xen still returns -EFAULT.
	 */
	if (end && end < 0x100000000UL)
		check_bad(end - 2, "straddles the end of guest RAM");
	else
		printf("no RAM end below 4 GiB in the memory map: "
		       "straddling case not run\n");
}
