/* SPDX-License-Identifier: GPL-2.0-only */
/* Internal interfaces of the SVM back-end. */
#ifndef HV_SVM_SVM_H
#define HV_SVM_SVM_H

#include <hv/types.h>
#include <hv/hvm.h>
#include "vmcb.h"

extern uint32_t svm_features;
extern const struct hvm_vendor_ops svm_ops;

bool svm_available(const char **why);
int svm_global_init(void);
void svm_vmrun(struct guest_regs *regs, paddr_t vmcb_pa, paddr_t host_vmcb_pa);
void svm_handle_exit(struct vcpu *v, struct vmcb *vmcb);

#endif
