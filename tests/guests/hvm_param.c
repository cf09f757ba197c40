/*
 * HVMOP_set_param / HVMOP_get_param on ourselves
 * (xen/arch/x86/hvm/hvm.c hvmop_set_param, hvmop_get_param): the callback
 * parameter reads back, dom0 has no xenstore or console ring parameters,
 * bad indices and domains are refused, unknown hvm_ops are -ENOSYS.
 */
#include "guest.h"

DEFINE_TEST("hvm_param", "HVM parameters of our own domain");

static long get_param(domid_t dom, uint32_t index, uint64_t *value)
{
	struct xen_hvm_param p = { .domid = dom, .index = index };
	long rc = HYPERVISOR_hvm_op(HVMOP_get_param, &p);

	*value = p.value;
	return rc;
}

static long set_param(domid_t dom, uint32_t index, uint64_t value)
{
	struct xen_hvm_param p = { .domid = dom,
				   .index = index,
				   .value = value };

	return HYPERVISOR_hvm_op(HVMOP_set_param, &p);
}

void test_main(const struct hvm_start_info *si)
{
	const uint64_t cb = ((uint64_t)HVM_PARAM_CALLBACK_TYPE_VECTOR << 56) |
			    0xf3;
	uint64_t v;

	(void)si;
	check_long(set_param(DOMID_SELF, HVM_PARAM_CALLBACK_IRQ, cb), 0,
		   "set HVM_PARAM_CALLBACK_IRQ to vector 0xf3");
	v = 0;
	check_long(get_param(DOMID_SELF, HVM_PARAM_CALLBACK_IRQ, &v), 0,
		   "get HVM_PARAM_CALLBACK_IRQ");
	check(v == cb, "it reads back %#lx (expected %#lx)", (unsigned long)v,
	      (unsigned long)cb);
	check_long(set_param(DOMID_SELF, HVM_PARAM_CALLBACK_IRQ, 0), 0,
		   "set HVM_PARAM_CALLBACK_IRQ back to none");

	/* dom0 runs xenstored itself: no ring was set up for it. */
	v = 0xaa;
	check_long(get_param(DOMID_SELF, HVM_PARAM_STORE_EVTCHN, &v), 0,
		   "get HVM_PARAM_STORE_EVTCHN");
	check_long((long)v, 0, "dom0's HVM_PARAM_STORE_EVTCHN");

	check_long(get_param(DOMID_SELF, HVM_NR_PARAMS, &v), -XEN_EINVAL,
		   "get parameter %u (HVM_NR_PARAMS)", HVM_NR_PARAMS);
	check_long(set_param(DOMID_SELF, HVM_NR_PARAMS, 0), -XEN_EINVAL,
		   "set parameter %u (HVM_NR_PARAMS)", HVM_NR_PARAMS);
	check_long(get_param(1234, HVM_PARAM_CALLBACK_IRQ, &v), -XEN_ESRCH,
		   "get a parameter of domain 1234, which does not exist");
	check_long(HYPERVISOR_hvm_op(0xff, NULL), -XEN_ENOSYS,
		   "unknown hvm_op 0xff");
}
