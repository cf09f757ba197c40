# The hypervisor image: build/krypton (ELF64 with multiboot1 and multiboot2
# headers, loadable by QEMU -kernel, mboot.c32 and GRUB) and build/krypton.gz.
HV_CC ?= gcc
HV_LD ?= ld
HV_BUILD := $(BUILD)/hv
HV_SRCS := $(shell find hv -name '*.c' -o -name '*.S' | sort)
HV_OBJS := $(patsubst %,$(HV_BUILD)/%.o,$(HV_SRCS))
HV_INC := $(BUILD)/hvinc
HV_CFLAGS := -std=gnu11 -O2 -g -ffreestanding -nostdlib -nostdinc \
	-isystem $(shell $(HV_CC) -print-file-name=include) -Ihv/include -I$(HV_INC) \
	-mno-red-zone -mno-sse -mno-mmx -mno-sse2 -mno-avx -mno-80387 \
	-fno-pic -fno-pie -mcmodel=small -fno-stack-protector \
	-fno-omit-frame-pointer -fno-strict-aliasing -fno-common \
	-fno-tree-loop-distribute-patterns \
	-fno-asynchronous-unwind-tables \
	-Wall -Wextra -Wno-unused-parameter -Werror=implicit-function-declaration \
	-Werror=return-type -MMD -MP \
	-D__XEN_TOOLS__ \
	-DKRYPTON_CHANGESET='"$(shell git rev-parse --short HEAD 2>/dev/null || echo unavailable)"'
HV_LDFLAGS := -nostdlib -static -z max-page-size=0x1000 -z noexecstack \
	--no-warn-rwx-segments -T hv/arch/x86/boot/krypton.ld

hv: $(BUILD)/krypton $(BUILD)/krypton.gz

$(HV_INC)/xen:
	@mkdir -p $(HV_INC)
	$(Q)ln -sfn /usr/include/xen $@

$(HV_BUILD)/%.c.o: %.c hv/build.mk | $(HV_INC)/xen
	@mkdir -p $(dir $@)
	$(Q)$(HV_CC) $(HV_CFLAGS) -c $< -o $@

$(HV_BUILD)/%.S.o: %.S hv/build.mk | $(HV_INC)/xen
	@mkdir -p $(dir $@)
	$(Q)$(HV_CC) $(HV_CFLAGS) -D__ASSEMBLY__ -c $< -o $@

$(BUILD)/krypton: $(HV_OBJS) hv/arch/x86/boot/krypton.ld
	$(Q)$(HV_LD) $(HV_LDFLAGS) -o $@ $(HV_OBJS)
	@echo "  LD      $@ ($$(stat -c %s $@) bytes)"

$(BUILD)/krypton.gz: $(BUILD)/krypton
	$(Q)gzip -9 -n -c $< > $@

-include $(HV_OBJS:.o=.d)
