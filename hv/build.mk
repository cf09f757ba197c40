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

# Two links: the first with an empty symbol table gives the addresses of
# every function; the second adds the table (read-only data after all code,
# so no function moves) for symbolised backtraces.
$(HV_BUILD)/symbols-empty.c: scripts/gen-symbols.sh
	@mkdir -p $(dir $@)
	$(Q)scripts/gen-symbols.sh > $@
$(HV_BUILD)/%.gen.o: $(HV_BUILD)/%.c
	$(Q)$(HV_CC) $(HV_CFLAGS) -c $< -o $@
$(HV_BUILD)/krypton.pass1: $(HV_OBJS) $(HV_BUILD)/symbols-empty.gen.o hv/arch/x86/boot/krypton.ld
	$(Q)$(HV_LD) $(HV_LDFLAGS) -o $@ $(HV_OBJS) $(HV_BUILD)/symbols-empty.gen.o
$(HV_BUILD)/symbols.c: $(HV_BUILD)/krypton.pass1 scripts/gen-symbols.sh
	$(Q)scripts/gen-symbols.sh $< > $@
$(BUILD)/krypton: $(HV_OBJS) $(HV_BUILD)/symbols.gen.o hv/arch/x86/boot/krypton.ld
	$(Q)$(HV_LD) $(HV_LDFLAGS) -o $@ $(HV_OBJS) $(HV_BUILD)/symbols.gen.o
	$(Q)nm -n $(HV_BUILD)/krypton.pass1 | grep ' [tT] ' > $(HV_BUILD)/pass1.syms
	$(Q)nm -n $@ | grep ' [tT] ' | cmp -s - $(HV_BUILD)/pass1.syms || \
		{ echo "krypton: code moved between link passes"; rm -f $@; exit 1; }
	@echo "  LD      $@ ($$(stat -c %s $@) bytes)"

$(BUILD)/krypton.gz: $(BUILD)/krypton
	$(Q)gzip -9 -n -c $< > $@

-include $(HV_OBJS:.o=.d)
