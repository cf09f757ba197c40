#!/bin/sh
# The reference hypervisor for the benchmarks: Debian 12's Xen 4.17
# (xen-hypervisor-4.17-amd64), downloaded with apt-get into build/cache/
# (never committed) and gunzipped to build/cache/xen-4.17.elf, because
# QEMU's -kernel cannot load the gzipped /boot/xen-4.17-amd64.gz.
# Prints the ELF's path. Idempotent: reuses a downloaded package.
set -e
cd "$(dirname "$0")/../.."
cache=build/cache
pkg=xen-hypervisor-4.17-amd64
mkdir -p "$cache"
deb=$(ls "$cache"/${pkg}_*.deb 2>/dev/null | sort -V | tail -n 1)
if [ -z "$deb" ]; then
	(cd "$cache" && { apt-get download "$pkg" >&2 ||
		{ apt-get update -q >&2 && apt-get download "$pkg" >&2; }; })
	deb=$(ls "$cache"/${pkg}_*.deb | sort -V | tail -n 1)
fi
elf=$cache/xen-4.17.elf
if [ ! -s "$elf" ] || [ "$deb" -nt "$elf" ]; then
	rm -rf "$cache/xen-pkg"
	dpkg-deb -x "$deb" "$cache/xen-pkg"
	gunzip -c "$cache/xen-pkg/boot/xen-4.17-amd64.gz" >"$elf.tmp"
	mv "$elf.tmp" "$elf"
	rm -rf "$cache/xen-pkg"
fi
basename "$deb" >"$cache/xen-package"
echo "$elf"
