# PVH ELF loader (hv/common/elf_loader.c).  The test images are assembled
# and linked at build time by tests/unit/gen-elf.sh into build/unit/elf-data/.
UNIT_TESTS += elf
UNIT_SRCS_elf := tests/unit/test_elf.c hv/common/elf_loader.c

ELF_TEST_VARIANTS := pvh64-note4 pvh64-note8 pvh64-sect pvh64-none \
	pvh32-note4 pvh32-sect pvh32-none
ELF_TEST_IMAGES := $(patsubst %,$(BUILD)/unit/elf-data/%.elf,$(ELF_TEST_VARIANTS))

$(BUILD)/unit/elf-data/%.elf: tests/unit/gen-elf.sh tests/unit/data/elf/pvh.S \
		tests/unit/data/elf/pvh.lds.S
	$(Q)tests/unit/gen-elf.sh $* $@

$(BUILD)/unit/elf: $(ELF_TEST_IMAGES)
