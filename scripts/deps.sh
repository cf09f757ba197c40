#!/bin/sh
# Install the Debian 12 packages Krypton's build, tests and demo need.
# Idempotent: does nothing (and needs no network) when everything is present.
set -e
PKGS="make gcc binutils python3 qemu-system-x86 qemu-utils libxen-dev libcmocka-dev \
grub-pc-bin grub-common xorriso mtools liblzma-dev libzstd-dev zlib1g-dev \
python3-pexpect expect busybox-static cpio xz-utils zstd gzip clang-format \
xenstore-utils clang libclang-rt-14-dev acpica-tools"
missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
echo "deps: installing:$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing >/dev/null
