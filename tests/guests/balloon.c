/*
 * Giving memory back and taking it again, as a balloon driver does
 * (xen/common/memory.c decrease_reservation, populate_physmap): both
 * return the number of extents done, the reservation follows, a returned
 * frame is no longer usable as a hypercall buffer, and a frame that was
 * never populated cannot be returned.
 */
#include "guest.h"

DEFINE_TEST("balloon", "decrease_reservation and populate_physmap");

static uint8_t frame[4096] __attribute__((aligned(4096)));

static long reservation_op(unsigned int cmd, xen_pfn_t gfn)
{
	struct xen_memory_reservation r = {
		.nr_extents = 1,
		.extent_order = 0,
		.domid = DOMID_SELF,
	};

	set_xen_guest_handle(r.extent_start, &gfn);
	return HYPERVISOR_memory_op(cmd, &r);
}

static long current_pages(void)
{
	domid_t self = DOMID_SELF;

	return HYPERVISOR_memory_op(XENMEM_current_reservation, &self);
}

static void test_balloon(void)
{
	xen_pfn_t gfn = (unsigned long)frame >> 12;
	long before = current_pages();

	frame[0] = 1; /* populated and ours */
	check_long(reservation_op(XENMEM_decrease_reservation, gfn), 1,
		   "decrease_reservation of frame %#lx", (unsigned long)gfn);
	check_long(current_pages(), before - 1, "current reservation");
	check_long(HYPERVISOR_console_io(CONSOLEIO_write, 16, frame),
		   -XEN_EFAULT, "the returned frame is not a usable buffer");

	check_long(reservation_op(XENMEM_populate_physmap, gfn), 1,
		   "populate_physmap of frame %#lx", (unsigned long)gfn);
	check_long(current_pages(), before, "current reservation");
	frame[100] = 0x5a;
	check(((volatile uint8_t *)frame)[100] == 0x5a,
	      "the frame is usable again");

	check_long(reservation_op(XENMEM_decrease_reservation, 0xc0000), 0,
		   "decrease_reservation of never-populated frame 0xc0000");
	check_long(current_pages(), before, "current reservation");
}

void test_main(const struct hvm_start_info *si)
{
	(void)si;
	test_balloon();
}
