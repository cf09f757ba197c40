UNIT_TESTS += page_bitmap
UNIT_SRCS_page_bitmap := tests/unit/test_page_bitmap.c hv/common/page_bitmap.c
