# Hypervisor command line parser (hv/common/cmdline.c).
UNIT_TESTS += cmdline
UNIT_SRCS_cmdline := tests/unit/test_cmdline.c hv/common/cmdline.c
