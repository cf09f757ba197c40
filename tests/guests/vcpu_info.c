/*
 * VCPUOP_register_vcpu_info moves vCPU 0's vcpu_info out of shared_info
 * into a guest page (xen/common/domain.c map_vcpu_info): the offset must
 * leave room for the structure, it can be done once, the old contents
 * come along, everything is marked pending so no event is lost, and
 * events then go to the new place only.
 */
#include "guest.h"

DEFINE_TEST("vcpu_info", "VCPUOP_register_vcpu_info");

#define CALLBACK_VECTOR 0xf3
#define OFFSET 128

static uint8_t page[4096] __attribute__((aligned(4096)));
static unsigned int hits;

static void count_event(evtchn_port_t port)
{
	(void)port;
	hits++;
}

static long register_at(unsigned int offset)
{
	struct vcpu_register_vcpu_info r = {
		.mfn = (unsigned long)page >> 12,
		.offset = offset,
	};

	return HYPERVISOR_vcpu_op(VCPUOP_register_vcpu_info, 0, &r);
}

static void open_irq_window(void)
{
	local_irq_enable();
	asm volatile("nop; nop; nop" ::: "memory");
	local_irq_disable();
}

void test_main(const struct hvm_start_info *si)
{
	volatile struct vcpu_info *vi = (void *)(page + OFFSET);
	struct evtchn_bind_ipi ipi = { .vcpu = 0 };
	struct evtchn_send send;
	struct shared_info *s;
	unsigned int before;
	uint64_t t_before;
	long rc;

	(void)si;
	s = map_shared_info(&rc);
	if (!check(s != NULL, "shared_info mapped (rc %ld)", rc))
		return;
	check_long(evtchn_init(s, CALLBACK_VECTOR), 0,
		   "HVM_PARAM_CALLBACK_IRQ = vector %#x", CALLBACK_VECTOR);

	memset(page, 0xaa, sizeof(page));
	check_long(register_at(4096 - sizeof(struct vcpu_info) + 1),
		   -XEN_EINVAL, "vcpu_info running past the end of the page");
	t_before = pvclock_read(&s->vcpu_info[0].time);
	if (!check_long(register_at(OFFSET), 0,
			"VCPUOP_register_vcpu_info at offset %u", OFFSET))
		return;
	evtchn_use_vcpu_info(vi);
	check(page[OFFSET - 1] == 0xaa &&
		      page[OFFSET + sizeof(struct vcpu_info)] == 0xaa,
	      "only the vcpu_info bytes of the page were written");
	if (check(vi->time.version % 2 == 0 && vi->time.tsc_to_system_mul,
		  "the new vcpu_info carries time information (version %u)",
		  vi->time.version)) {
		uint64_t t_new = pvclock_read(&vi->time);

		/* Time goes on from before the move, not from elsewhere. */
		check(t_new + 1000000 >= t_before &&
			      t_new < t_before + 1000000000,
		      "its PV clock continues from before the move (%lu ns, "
		      "then %lu ns)",
		      (unsigned long)t_before, (unsigned long)t_new);
	}
	check(vi->evtchn_upcall_pending && vi->evtchn_pending_sel == ~0UL,
	      "everything is marked pending (upcall %u, selector %#lx)",
	      vi->evtchn_upcall_pending, (unsigned long)vi->evtchn_pending_sel);
	before = evtchn_callbacks();
	open_irq_window();
	check(evtchn_callbacks() == before + 1 && !vi->evtchn_upcall_pending,
	      "which gives one spurious callback");
	check_long(register_at(OFFSET), -XEN_EINVAL,
		   "registering a second time");

	if (!check_long(HYPERVISOR_event_channel_op(EVTCHNOP_bind_ipi, &ipi), 0,
			"EVTCHNOP_bind_ipi"))
		return;
	evtchn_set_handler(ipi.port, count_event);
	s->vcpu_info[0].evtchn_upcall_pending = 0;
	send.port = ipi.port;
	check_long(HYPERVISOR_event_channel_op(EVTCHNOP_send, &send), 0,
		   "EVTCHNOP_send");
	check(vi->evtchn_upcall_pending &&
		      !s->vcpu_info[0].evtchn_upcall_pending,
	      "the event is flagged in the new vcpu_info, not the old one");
	open_irq_window();
	check(hits == 1, "and delivered (%u)", hits);
}
