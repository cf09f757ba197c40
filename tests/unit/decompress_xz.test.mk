# xz/LZMA2/.lzma decoders and the x86 BCJ filter, checked against liblzma.
UNIT_TESTS += decompress_xz
UNIT_SRCS_decompress_xz := tests/unit/test_decompress_xz.c \
	$(sort $(wildcard hv/common/decompress/*.c))
UNIT_LIBS_decompress_xz := -llzma
$(BUILD)/unit/decompress_xz: tests/unit/test_decompress_util.c \
	$(wildcard hv/common/decompress/*.h)
