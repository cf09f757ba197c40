# Host unit tests (cmocka). Each tests/unit/<name>.test.mk fragment registers one
# test binary without touching this file:
#
#   UNIT_TESTS += <name>
#   UNIT_SRCS_<name> := tests/unit/test_<name>.c hv/common/thing.c ...
#   UNIT_LIBS_<name> := -lz            (optional, besides -lcmocka)
#   UNIT_CFLAGS_<name> := -DFOO        (optional)
#
# Hypervisor sources are compiled for the host with -DHV_HOST_TEST, which
# makes <hv/types.h>, <hv/string.h> and <hv/xmalloc.h> map onto libc.
UNIT_TESTS :=
.SECONDEXPANSION:
include $(sort $(wildcard tests/unit/*.test.mk))

UNIT_BIN := $(BUILD)/unit
UNIT_CFLAGS := $(HOSTCFLAGS) -DHV_HOST_TEST -Ihv/include -I$(BUILD)/unit-include \
	-fsanitize=address,undefined -fno-omit-frame-pointer
UNIT_EXES := $(addprefix $(UNIT_BIN)/,$(UNIT_TESTS))

unit: $(UNIT_EXES)

$(UNIT_BIN)/%: $$(UNIT_SRCS_%) $(wildcard hv/include/hv/*.h) tests/unit/build.mk
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(UNIT_CFLAGS) $(UNIT_CFLAGS_$*) -o $@ $(UNIT_SRCS_$*) $(UNIT_LIBS_$*) -lcmocka

# Runs every unit test binary; each prints TAP lines (CMOCKA_MESSAGE_OUTPUT=TAP).
unit-check: unit
	$(Q)rc=0; for t in $(UNIT_EXES); do \
		echo "# $$t"; CMOCKA_MESSAGE_OUTPUT=TAP $$t || rc=1; done; exit $$rc
