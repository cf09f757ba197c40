#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Builds the decoder test corpus: assembles tests/unit/data/insn/corpus.S
# and asks objdump for every instruction's bytes, one line per instruction:
#   MODE HEXBYTES        (MODE = 64, 32 or 16)
# Usage: gen-insn-corpus.sh OUT
set -e
out=$1
src=tests/unit/data/insn/corpus.S
tmp=$out.tmp
mkdir -p "$(dirname "$out")"

as -W --64 -o "$tmp.o" "$src"
: >"$tmp.txt"
for spec in 64:x86-64 32:i386 16:i8086; do
	mode=${spec%%:*}
	objdump -d --insn-width=16 -j ".text$mode" -M "${spec#*:}" "$tmp.o" |
	awk -v mode="$mode" -F '\t' '
		/^ *[0-9a-f]+:\t/ {
			if (NF < 3 || $3 ~ /\(bad\)/) { bad++; next }
			bytes = $2; gsub(/ +$/, "", bytes); gsub(/ /, "", bytes)
			print mode, bytes, "#", $3
		}
		END { if (bad) { print "gen-insn-corpus: " bad " undecodable lines" > "/dev/stderr"; exit 1 } }
	' >>"$tmp.txt"
done
rm -f "$tmp.o"
mv "$tmp.txt" "$out"
