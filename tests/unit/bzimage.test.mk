# bzImage setup header / payload location (hv/common/bzimage.c).
UNIT_TESTS += bzimage
UNIT_SRCS_bzimage := tests/unit/test_bzimage.c hv/common/bzimage.c
