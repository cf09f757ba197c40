#!/bin/sh
# Builds what the Linux system tests and the demo boot:
#   build/linux/vmlinuz       Debian 12's stock kernel (bzImage, xz payload)
#   build/linux/initrd.gz     busybox-static initramfs running
#                             tests/system/initramfs/init
# Idempotent: does nothing when both are newer than their inputs.
set -e
cd "$(dirname "$0")/.."
out=build/linux
mkdir -p "$out"
deb=$(scripts/fetch-debian-kernel.sh)
if [ ! -s "$out/vmlinuz" ] || [ "$deb" -nt "$out/vmlinuz" ]; then
	rm -rf "$out/pkg"
	dpkg-deb -x "$deb" "$out/pkg"
	cp "$(ls "$out"/pkg/boot/vmlinuz-* | head -n 1)" "$out/vmlinuz"
	basename "$deb" >"$out/kernel-package"
	rm -rf "$out/pkg"
fi
init=tests/system/initramfs/init
if [ ! -s "$out/initrd.gz" ] || [ "$init" -nt "$out/initrd.gz" ] ||
	[ /bin/busybox -nt "$out/initrd.gz" ]; then
	root="$out/initramfs"
	rm -rf "$root"
	mkdir -p "$root/bin" "$root/sbin" "$root/proc" "$root/sys" \
		"$root/dev" "$root/tmp" "$root/etc"
	cp /bin/busybox "$root/bin/busybox"
	cp "$init" "$root/init"
	chmod +x "$root/init"
	(cd "$root" && find . | cpio -o -H newc --quiet | gzip -9 -n) \
		>"$out/initrd.gz.tmp"
	mv "$out/initrd.gz.tmp" "$out/initrd.gz"
fi
# Variants for the loader tests: the same kernel with a gzip or zstd
# payload, and as an uncompressed ELF vmlinux.
for v in gzip zstd elf; do
	f="$out/vmlinuz.$v"
	[ "$v" = elf ] && f="$out/vmlinux"
	if [ ! -s "$f" ] || [ "$out/vmlinuz" -nt "$f" ]; then
		python3 scripts/repack-bzimage.py "$out/vmlinuz" "$v" "$f.tmp"
		mv "$f.tmp" "$f"
	fi
done
