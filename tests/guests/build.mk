# Test guests: tiny freestanding PVH kernels, one scenario each (like Xen's
# XTF). Every tests/guests/<name>.c is linked with the framework in
# tests/guests/lib/ into $(BUILD)/guests/<name>.elf, an ELF64 image loaded
# at 1 MiB that carries a XEN_ELFNOTE_PHYS32_ENTRY note.
#
# The Xen public headers are reached through $(BUILD)/guests/include/xen, a
# symlink to /usr/include/xen, so that -nostdinc keeps the host's libc
# headers out while <xen/...> still resolves.

GUEST_SRC := tests/guests
GUEST_OUT := $(BUILD)/guests
GUEST_OBJDIR := $(GUEST_OUT)/obj
GUEST_NAMES := $(sort $(basename $(notdir $(wildcard $(GUEST_SRC)/*.c))))
GUEST_ELFS := $(addprefix $(GUEST_OUT)/,$(addsuffix .elf,$(GUEST_NAMES)))

GUEST_LIB_C := $(wildcard $(GUEST_SRC)/lib/*.c)
GUEST_LIB_S := $(wildcard $(GUEST_SRC)/lib/*.S)
GUEST_LIB_OBJS := $(patsubst $(GUEST_SRC)/lib/%,$(GUEST_OBJDIR)/lib/%.o,\
	$(GUEST_LIB_C) $(GUEST_LIB_S))
GUEST_HDRS := $(wildcard $(GUEST_SRC)/lib/*.h)
GUEST_LDS := $(GUEST_SRC)/lib/guest.ld

GUEST_CC ?= gcc
GUEST_XEN_LINK := $(GUEST_OUT)/include/xen
GUEST_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror \
	-ffreestanding -nostdlib -nostdinc \
	-isystem $(shell $(GUEST_CC) -print-file-name=include) \
	-I$(GUEST_OUT)/include -I$(GUEST_SRC)/lib \
	-D__XEN_INTERFACE_VERSION__=0x00040e00 \
	-m64 -mno-red-zone -mno-sse -mno-sse2 -mno-mmx -mno-avx -mno-80387 \
	-mcmodel=small -fno-pic -fno-pie -fno-stack-protector \
	-fno-asynchronous-unwind-tables -fno-unwind-tables \
	-fno-builtin -fno-common -fcf-protection=none \
	-fno-delete-null-pointer-checks
GUEST_LDFLAGS := -nostdlib -static -no-pie -Wl,--build-id=none \
	-Wl,-z,max-page-size=0x1000 -Wl,-z,noexecstack -Wl,--no-warn-rwx-segments -Wl,-T,$(GUEST_LDS)

.PHONY: guests
guests: $(GUEST_ELFS)

$(GUEST_XEN_LINK):
	@mkdir -p $(dir $@)
	$(Q)ln -sfn /usr/include/xen $@

$(GUEST_OBJDIR)/lib/%.c.o: $(GUEST_SRC)/lib/%.c $(GUEST_HDRS) tests/guests/build.mk | $(GUEST_XEN_LINK)
	@mkdir -p $(dir $@)
	$(Q)$(GUEST_CC) $(GUEST_CFLAGS) -c -o $@ $<

$(GUEST_OBJDIR)/lib/%.S.o: $(GUEST_SRC)/lib/%.S $(GUEST_HDRS) tests/guests/build.mk | $(GUEST_XEN_LINK)
	@mkdir -p $(dir $@)
	$(Q)$(GUEST_CC) $(GUEST_CFLAGS) -D__ASSEMBLY__ -c -o $@ $<

$(GUEST_OBJDIR)/%.o: $(GUEST_SRC)/%.c $(GUEST_HDRS) tests/guests/build.mk | $(GUEST_XEN_LINK)
	@mkdir -p $(dir $@)
	$(Q)$(GUEST_CC) $(GUEST_CFLAGS) -c -o $@ $<

$(GUEST_OUT)/%.elf: $(GUEST_OBJDIR)/%.o $(GUEST_LIB_OBJS) $(GUEST_LDS)
	$(Q)$(GUEST_CC) $(GUEST_LDFLAGS) -o $@ $< $(GUEST_LIB_OBJS) -lgcc
