/*
 * EVTCHNOP_bind_vcpu and EVTCHNOP_reset (xen/common/event_channel.c):
 * unbound and interdomain ports can move between vCPUs, IPI and per-vCPU
 * VIRQ ports cannot, a vCPU that does not exist is -ENOENT; a reset
 * closes every port of the domain.
 */
#include "guest.h"

DEFINE_TEST("evtchn_rebind", "EVTCHNOP_bind_vcpu and EVTCHNOP_reset");

static long op(unsigned int cmd, void *arg)
{
	return HYPERVISOR_event_channel_op(cmd, arg);
}

static long bind_vcpu(evtchn_port_t port, uint32_t vcpu)
{
	struct evtchn_bind_vcpu b = { .port = port, .vcpu = vcpu };

	return op(EVTCHNOP_bind_vcpu, &b);
}

static uint32_t status_of(evtchn_port_t port)
{
	struct evtchn_status st = { .dom = DOMID_SELF, .port = port };

	return op(EVTCHNOP_status, &st) ? 0xffffffff : st.status;
}

void test_main(const struct hvm_start_info *si)
{
	struct evtchn_alloc_unbound au = { .dom = DOMID_SELF,
					   .remote_dom = DOMID_SELF };
	struct evtchn_bind_ipi ipi = { .vcpu = 0 };
	struct evtchn_bind_virq virq = { .virq = VIRQ_TIMER, .vcpu = 0 };
	struct evtchn_reset reset = { .dom = DOMID_SELF };

	(void)si;
	if (!check_long(op(EVTCHNOP_alloc_unbound, &au), 0, "alloc_unbound") ||
	    !check_long(op(EVTCHNOP_bind_ipi, &ipi), 0, "bind_ipi") ||
	    !check_long(op(EVTCHNOP_bind_virq, &virq), 0, "bind VIRQ_TIMER"))
		return;

	check_long(bind_vcpu(au.port, 0), 0, "bind_vcpu of the unbound port");
	check_long(bind_vcpu(ipi.port, 0), -XEN_EINVAL,
		   "bind_vcpu of the IPI port");
	check_long(bind_vcpu(virq.port, 0), -XEN_EINVAL,
		   "bind_vcpu of the per-vCPU VIRQ_TIMER port");
	check_long(bind_vcpu(au.port, 1000), -XEN_ENOENT,
		   "bind_vcpu to vCPU 1000");

	check_long(op(EVTCHNOP_reset, &reset), 0, "EVTCHNOP_reset");
	check(status_of(au.port) == EVTCHNSTAT_closed &&
		      status_of(ipi.port) == EVTCHNSTAT_closed &&
		      status_of(virq.port) == EVTCHNSTAT_closed,
	      "every port is closed afterwards (%u, %u, %u)",
	      status_of(au.port), status_of(ipi.port), status_of(virq.port));
	virq.port = 0;
	check_long(op(EVTCHNOP_bind_virq, &virq), 0,
		   "VIRQ_TIMER can be bound again");
}
