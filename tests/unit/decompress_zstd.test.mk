# Zstandard decoder (hv/common/decompress/zstd*.c), checked against libzstd.
UNIT_TESTS += decompress_zstd
UNIT_SRCS_decompress_zstd := tests/unit/test_decompress_zstd.c \
	hv/common/decompress/zstd.c hv/common/decompress/zstd_fse.c \
	hv/common/decompress/zstd_huf.c hv/common/decompress/zstd_seq.c \
	hv/common/decompress/xxhash64.c hv/common/decompress/decompress.c \
	hv/common/decompress/gunzip.c hv/common/decompress/inflate.c \
	hv/common/decompress/crc.c hv/common/decompress/xz.c \
	hv/common/decompress/lzma2.c hv/common/decompress/lzma.c \
	hv/common/decompress/unlzma.c hv/common/decompress/bcj_x86.c
UNIT_LIBS_decompress_zstd := -lzstd
$(BUILD)/unit/decompress_zstd: tests/unit/test_decompress_util.c \
	$(wildcard hv/common/decompress/*.h)
