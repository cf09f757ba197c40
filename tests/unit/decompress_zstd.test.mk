# Zstandard decoder (hv/common/decompress/zstd*.c), checked against libzstd.
UNIT_TESTS += decompress_zstd
UNIT_SRCS_decompress_zstd := tests/unit/test_decompress_zstd.c \
	$(sort $(wildcard hv/common/decompress/*.c))
UNIT_LIBS_decompress_zstd := -lzstd
$(BUILD)/unit/decompress_zstd: tests/unit/test_decompress_util.c \
	$(wildcard hv/common/decompress/*.h)
