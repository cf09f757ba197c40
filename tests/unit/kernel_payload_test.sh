#!/bin/sh
# Real-data test of the payload decompressors: Debian 12's kernel (the
# linux-image-6.1.*-amd64 package that linux-image-amd64 depends on) is
# fetched once into build/cache/, its bzImage payload (xz with the x86 BCJ
# filter) is decoded with hv/common/decompress/ and compared with liblzma,
# and the resulting vmlinux ELF is re-packed with gzip, zstd and lzma, as
# CONFIG_KERNEL_GZIP/ZSTD/LZMA kernels would carry it, and decoded again.
# Prints PASS:/FAIL: lines (and SPEED: lines for the record).
cd "$(dirname "$0")/../.." || exit 2
cache=build/cache
work=build/kernel-payload
mkdir -p "$cache" "$work"

fail() {
	echo "FAIL: $*"
	exit 1
}

pkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
	awk '/Depends: linux-image-6\.1\.[^ ]*-amd64$/ { print $2; exit }')
if [ -z "$pkg" ]; then
	SUDO=""
	[ "$(id -u)" -ne 0 ] && SUDO=sudo
	$SUDO apt-get update -q >/dev/null 2>&1
	pkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
		awk '/Depends: linux-image-6\.1\.[^ ]*-amd64$/ { print $2; exit }')
fi
[ -n "$pkg" ] || fail "apt-cache knows no linux-image-6.1.*-amd64 for linux-image-amd64"

deb=$(ls "$cache"/"${pkg}"_*_amd64.deb 2>/dev/null | head -n 1)
if [ -z "$deb" ]; then
	(cd "$cache" && apt-get download "$pkg" >/dev/null 2>&1) ||
		fail "apt-get download $pkg"
	deb=$(ls "$cache"/"${pkg}"_*_amd64.deb 2>/dev/null | head -n 1)
fi
[ -n "$deb" ] || fail "no .deb for $pkg in $cache"
echo "# kernel package: $deb"

root="$work/root"
rm -rf "$root"
dpkg-deb -x "$deb" "$root" || fail "dpkg-deb -x $deb"
vmlinuz=$(ls "$root"/boot/vmlinuz-* 2>/dev/null | head -n 1)
[ -n "$vmlinuz" ] || fail "no /boot/vmlinuz-* in $deb"

prog="$work/test_decompress_kernel"
${HOSTCC:-gcc} -O2 -g -Wall -Wextra -DHV_HOST_TEST -Ihv/include -o "$prog" \
	tests/unit/test_decompress_kernel.c hv/common/bzimage.c \
	hv/common/decompress/*.c -llzma -lz -lzstd ||
	fail "build test_decompress_kernel"

elf="$work/vmlinux.elf"
"$prog" bzimage "$vmlinuz" "$elf" || exit 1

# Re-packed payloads, cached per kernel package (zstd -22 and lzma -9 take
# a while the first time).
base="$cache/$(basename "$deb" .deb)"
if [ ! -s "$base.vmlinux.gz" ]; then
	gzip -9 -n -c "$elf" >"$base.vmlinux.gz.tmp" &&
		mv "$base.vmlinux.gz.tmp" "$base.vmlinux.gz" || fail "gzip -9"
fi
# Same settings as the kernel build (scripts/Makefile.lib: zstd22).
if [ ! -s "$base.vmlinux.zst22" ]; then
	zstd -q -22 --ultra -T1 -c "$elf" >"$base.vmlinux.zst22.tmp" &&
		mv "$base.vmlinux.zst22.tmp" "$base.vmlinux.zst22" || fail "zstd -22"
fi
if [ ! -s "$base.vmlinux.lzma" ]; then
	xz --format=lzma -9 -c "$elf" >"$base.vmlinux.lzma.tmp" &&
		mv "$base.vmlinux.lzma.tmp" "$base.vmlinux.lzma" || fail "xz --format=lzma"
fi
rc=0
"$prog" payload "$base.vmlinux.gz" "$elf" || rc=1
"$prog" payload "$base.vmlinux.zst22" "$elf" || rc=1
"$prog" payload "$base.vmlinux.lzma" "$elf" || rc=1
rm -rf "$root"
exit $rc
