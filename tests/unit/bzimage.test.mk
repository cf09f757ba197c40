# bzImage setup header / payload location (hv/common/bzimage.c), and the
# payload decoded end to end through hv/common/decompress/.
UNIT_TESTS += bzimage
UNIT_SRCS_bzimage := tests/unit/test_bzimage.c hv/common/bzimage.c \
	$(sort $(wildcard hv/common/decompress/*.c))
UNIT_LIBS_bzimage := -llzma
