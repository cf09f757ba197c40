#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Byte-pattern sweep for the decoder test: for every opcode of the one-byte,
# 0F, 0F38 and 0F3A maps, under several prefixes and ModRM bytes, plus
# 20000 random byte strings per mode, emits one candidate per symbol
# (objdump restarts decoding at each symbol), assembles the lot and keeps
# objdump's first instruction of each symbol:
#   MODE HEXBYTES # mnemonic
# Candidates objdump cannot decode ("(bad)") or splits into a bare prefix
# are left out, and so are a few that objdump accepts but current CPUs
# reject (#UD): 66/F2/F3/REX before VEX, SWAPGS outside 64-bit mode, the
# 386/486 test-register moves 0F 24/26.  FWAIT (9B) is skipped because
# objdump folds it into the following x87 instruction.
# Usage: gen-insn-sweep.sh OUT
set -e
out=$1
tmp=$out.tmp
mkdir -p "$(dirname "$out")"
: >"$tmp.txt"

for spec in 64:x86-64:code64 32:i386:code32 16:i8086:code16; do
	mode=${spec%%:*}
	rest=${spec#*:}
	march=${rest%%:*}
	awk -v mode="$mode" -v dir="${spec##*:}" '
	function hx(v) { return sprintf("0x%02x", v) }
	function emit(bytes,   i, n, a, s) {
		if (skip(bytes))
			return
		n = split(bytes, a, " ")
		s = ""
		for (i = 1; i <= n; i++)
			s = s (i > 1 ? ", " : "") a[i]
		for (i = 0; i < 15; i++)
			s = s ", 0x11"
		printf "c%d:\n\t.byte %s\n", sym++, s
	}
	# Encodings left out of the comparison (see the header).
	function skip(bytes,   a, n, i, op, m, pre) {
		n = split(bytes, a, " ")
		pre = 0
		for (i = 1; i <= n; i++) {
			if (a[i] == "0x66" || a[i] == "0xf2" || a[i] == "0xf3" ||
			    (mode + 0 == 64 && a[i] ~ /^0x4/))
				pre = 1
			else if (a[i] != "0x67")
				break
		}
		op = a[i]
		m = strtonum_(a[i + 1])
		if (op == "0x9b")
			return 1
		if (op == "0x0f" && (a[i + 1] == "0x24" || a[i + 1] == "0x26"))
			return 1
		if (op == "0x0f" && a[i + 1] == "0x01" && a[i + 2] == "0xf8" &&
		    mode + 0 != 64)
			return 1
		if (pre && (op == "0xc4" || op == "0xc5" || op == "0x62") &&
		    (mode + 0 == 64 || m >= 192))
			return 1
		if (pre && op == "0x8f" && m % 32 >= 8)
			return 1
		return 0
	}
	function strtonum_(h,   v, i, c) {
		v = 0
		h = tolower(substr(h, 3))
		for (i = 1; i <= length(h); i++) {
			c = index("0123456789abcdef", substr(h, i, 1)) - 1
			v = v * 16 + c
		}
		return v
	}
	BEGIN {
		print "\t.text"
		print "\t." dir
		np = split("none 0x66 0x67 0xf3 0xf2", pfx, " ")
		if (mode + 0 == 64) {
			pfx[++np] = "0x48"
			pfx[++np] = "0x66 0x48"
			pfx[++np] = "0x41"
		}
		nm = split("0x00 0x04:0x25 0x04:0x4c 0x05 0x06 0x45 0x86 0xc0 0xc8 0xd0 0xd8 0xe0 0xe8 0xf0 0xf8 0xf9 0xc1 0xd1 0xd9", mrm, " ")
		for (p = 1; p <= np; p++) {
			pre = pfx[p] == "none" ? "" : pfx[p] " "
			for (op = 0; op < 256; op++) {
				# Prefix bytes (decimal: mawk has no hex literals).
				one = !(op == 38 || op == 46 || op == 54 ||
					op == 62 || op == 100 || op == 101 ||
					op == 102 || op == 103 || op == 240 ||
					op == 242 || op == 243 ||
					(mode + 0 == 64 && op >= 64 && op < 80))
				for (m = 1; m <= nm; m++) {
					gsub(":", " ", mrm[m])
					if (one)
						emit(pre hx(op) " " mrm[m])
					emit(pre "0x0f " hx(op) " " mrm[m])
					emit(pre "0x0f 0x38 " hx(op) " " mrm[m])
					emit(pre "0x0f 0x3a " hx(op) " " mrm[m])
				}
			}
		}
		# Random candidates, biased towards prefixes and escapes.
		srand(mode + 0)
		nh = split("0x66 0x67 0xf2 0xf3 0xf0 0x0f 0x0f 0x0f 0x38 0x3a 0xc4 0xc5 0x62 0x8f 0x2e 0x64 0x48 0x41 0xd9 0xf6 0xf7 0xc7 0x01 0x05 0x04 0x44 0x84 0xa0 0xa1", hot, " ")
		for (k = 0; k < 20000; k++) {
			r = ""
			for (i = 0; i < 12; i++) {
				if (rand() < 0.3)
					b = hot[int(rand() * nh) + 1]
				else
					b = hx(int(rand() * 256))
				r = r (i ? " " : "") b
			}
			emit(r)
		}
	}' >"$tmp.S"
	as -o "$tmp.o" "$tmp.S"
	objdump -d --insn-width=16 -M "$march" "$tmp.o" |
	awk -v mode="$mode" -F '\t' '
		/^[0-9a-f]+ <c[0-9]+>:$/ { first = 1; next }
		first && /^ *[0-9a-f]+:\t/ {
			first = 0
			if (NF < 3 || $3 ~ /\(bad\)/) next
			# Only prefixes: objdump shows ignored prefixes apart.
			nw = split($3, w, " ")
			for (i = 1; i <= nw; i++)
				if (w[i] !~ /^(rex(\.[WRXB]+)?|data16|data32|addr16|addr32|lock|repz|repnz|rep|cs|ds|es|ss|fs|gs|bnd|notrack|xacquire|xrelease)$/)
					break
			if (i > nw) next
			bytes = $2; gsub(/ +$/, "", bytes); gsub(/ /, "", bytes)
			# FWAIT merged into the x87 instruction after it.
			rest = bytes
			while (rest ~ /^(26|2e|36|3e|64|65|66|67|f0|f2|f3)/ ||
			       (mode + 0 == 64 && rest ~ /^4/))
				rest = substr(rest, 3)
			if (rest ~ /^9b/ && length(rest) > 2) next
			# 386/486 test registers; SWAPGS outside 64-bit mode.
			if (rest ~ /^0f2[46]/) next
			if (rest ~ /^0f01f8/ && mode + 0 != 64) next
			print mode, bytes, "#", $3
		}
	' >>"$tmp.txt"
done
rm -f "$tmp.o" "$tmp.S"
mv "$tmp.txt" "$out"
