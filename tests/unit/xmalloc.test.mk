UNIT_TESTS += xmalloc
UNIT_SRCS_xmalloc := tests/unit/test_xmalloc.c hv/common/xmalloc.c
UNIT_CFLAGS_xmalloc := -DHV_XMALLOC_IMPL -DHV_MM_SHIM
