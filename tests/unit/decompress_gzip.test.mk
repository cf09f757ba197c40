# gzip/DEFLATE decoder (hv/common/decompress/), checked against zlib.
UNIT_TESTS += decompress_gzip
UNIT_SRCS_decompress_gzip := tests/unit/test_decompress_gzip.c \
	$(sort $(wildcard hv/common/decompress/*.c))
UNIT_LIBS_decompress_gzip := -lz
$(BUILD)/unit/decompress_gzip: tests/unit/test_decompress_util.c \
	$(wildcard hv/common/decompress/*.h)
