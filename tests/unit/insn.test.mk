# x86 instruction decoder (hv/arch/x86/hvm/insn_decode.c).  The corpus of
# real instructions is assembled and disassembled at build time by
# tests/unit/gen-insn-corpus.sh into build/unit/insn-data/corpus.txt.
UNIT_TESTS += insn
UNIT_SRCS_insn := tests/unit/test_insn.c hv/arch/x86/hvm/insn_decode.c \
	hv/arch/x86/hvm/insn_onebyte.c hv/arch/x86/hvm/insn_twobyte.c

$(BUILD)/unit/insn-data/corpus.txt: tests/unit/gen-insn-corpus.sh \
		tests/unit/data/insn/corpus.S
	$(Q)tests/unit/gen-insn-corpus.sh $@

$(BUILD)/unit/insn: $(BUILD)/unit/insn-data/corpus.txt

$(BUILD)/unit/insn-data/sweep.txt: tests/unit/gen-insn-sweep.sh
	$(Q)tests/unit/gen-insn-sweep.sh $@

$(BUILD)/unit/insn: $(BUILD)/unit/insn-data/sweep.txt
