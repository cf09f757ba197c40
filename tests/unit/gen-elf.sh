#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Builds one ELF test image for tests/unit/test_elf.c.
#   gen-elf.sh VARIANT OUT     VARIANT = pvh{64,32}-{note4,note8,sect,none}
# "sect" has the 4-byte note only as a section (no PT_NOTE segment).
set -e
variant=$1
out=$2
src=tests/unit/data/elf
tmp=$out.tmp
mkdir -p "$(dirname "$out")"

case $variant in
pvh64-*) asflags=--64; ldemu=elf_x86_64; base=0xffffffff80000000 ;;
pvh32-*) asflags=--32; ldemu=elf_i386; base=0 ;;
*) echo "gen-elf.sh: unknown variant $variant" >&2; exit 1 ;;
esac
case $variant in
*-note4) size=4; phdr=-DNOTE_PHDR ;;
*-note8) size=8; phdr=-DNOTE_PHDR ;;
*-sect) size=4; phdr= ;;
*-none) size=0; phdr=-DNOTE_PHDR ;;
*) echo "gen-elf.sh: unknown variant $variant" >&2; exit 1 ;;
esac

cpp -P -DNOTE_DESC_SIZE=$size -DKERNEL_BASE=$base "$src/pvh.S" >"$tmp.s"
as $asflags -o "$tmp.o" "$tmp.s"
cpp -P -DKERNEL_BASE=$base $phdr "$src/pvh.lds.S" >"$tmp.lds"
ld -m $ldemu -static -nostdlib --build-id=none -z max-page-size=0x1000 \
	-z noexecstack -T "$tmp.lds" -o "$tmp.elf" "$tmp.o"
mv "$tmp.elf" "$out"
rm -f "$tmp.s" "$tmp.o" "$tmp.lds"
