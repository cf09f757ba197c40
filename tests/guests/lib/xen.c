/*
 * Helpers over the Xen ABI that several tests share: mapping the shared
 * info page, reading the PV clock, and a small event-channel layer
 * delivered through the HVM callback vector.
 */
#include "guest.h"

static struct shared_info shared_info_page __attribute__((aligned(4096)));
static evtchn_handler_t evtchn_handlers[EVTCHN_2L_NR_CHANNELS];

/*
 * XENMEM_add_to_physmap(XENMAPSPACE_shared_info) puts the shared info
 * frame at the guest frame of our page (virtual == physical here).
 */
struct shared_info *map_shared_info(long *rc_out)
{
	struct xen_add_to_physmap xatp = {
		.domid = DOMID_SELF,
		.space = XENMAPSPACE_shared_info,
		.idx = 0,
		.gpfn = (unsigned long)&shared_info_page >> 12,
	};
	long rc = HYPERVISOR_memory_op(XENMEM_add_to_physmap, &xatp);

	if (rc_out)
		*rc_out = rc;
	return rc ? NULL : &shared_info_page;
}

uint64_t pvclock_read(const volatile struct vcpu_time_info *t)
{
	uint32_t version;
	uint64_t delta, ns;

	do {
		version = t->version;
		asm volatile("" ::: "memory");
		delta = rdtsc() - t->tsc_timestamp;
		if (t->tsc_shift >= 0)
			delta <<= t->tsc_shift;
		else
			delta >>= -t->tsc_shift;
		ns = t->system_time + (uint64_t)(((unsigned __int128)delta *
						  t->tsc_to_system_mul) >>
						 32);
		asm volatile("" ::: "memory");
	} while ((version & 1) || version != t->version);
	return ns;
}

static struct shared_info *evtchn_shinfo;
static volatile struct vcpu_info *evtchn_vcpu_info;
static unsigned int callback_count;

/*
 * The callback vector handler: Xen keeps injecting it while
 * vcpu_info.evtchn_upcall_pending is set, so clear that first, then
 * scan the selector and pending words (the 2-level ABI), clearing each
 * pending bit before running its handler.
 */
static void evtchn_callback(struct cpu_regs *regs)
{
	struct shared_info *s = evtchn_shinfo;
	volatile struct vcpu_info *vi = evtchn_vcpu_info;
	xen_ulong_t sel;

	(void)regs;
	callback_count++;
	vi->evtchn_upcall_pending = 0;
	sel = __atomic_exchange_n(&vi->evtchn_pending_sel, 0, __ATOMIC_SEQ_CST);
	while (sel) {
		unsigned int w = __builtin_ctzl(sel);
		xen_ulong_t pend;

		sel &= sel - 1;
		pend = s->evtchn_pending[w] & ~s->evtchn_mask[w];
		while (pend) {
			unsigned int b = __builtin_ctzl(pend);
			evtchn_port_t port = w * 64 + b;

			pend &= pend - 1;
			__atomic_fetch_and(&s->evtchn_pending[w], ~(1UL << b),
					   __ATOMIC_SEQ_CST);
			if (evtchn_handlers[port])
				evtchn_handlers[port](port);
			else
				test_fail("event on port %u with no handler",
					  port);
		}
	}
}

long evtchn_init(struct shared_info *s, unsigned int vector)
{
	struct xen_hvm_param p = {
		.domid = DOMID_SELF,
		.index = HVM_PARAM_CALLBACK_IRQ,
		.value = ((uint64_t)HVM_PARAM_CALLBACK_TYPE_VECTOR << 56) |
			 vector,
	};

	evtchn_shinfo = s;
	evtchn_vcpu_info = &s->vcpu_info[0];
	set_irq_handler(vector, evtchn_callback);
	return HYPERVISOR_hvm_op(HVMOP_set_param, &p);
}

void evtchn_use_vcpu_info(volatile struct vcpu_info *vi)
{
	evtchn_vcpu_info = vi;
}

unsigned int evtchn_callbacks(void)
{
	return callback_count;
}

void evtchn_set_handler(evtchn_port_t port, evtchn_handler_t fn)
{
	if (port < EVTCHN_2L_NR_CHANNELS)
		evtchn_handlers[port] = fn;
}
