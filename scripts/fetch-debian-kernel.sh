#!/bin/sh
# Prints the path of Debian 12's stock kernel package (the
# linux-image-6.1.*-amd64 that linux-image-amd64 depends on), downloading
# it once into build/cache/ with apt-get. Never committed.
set -e
cd "$(dirname "$0")/.."
cache=build/cache
mkdir -p "$cache"
find_pkg() {
	apt-cache depends linux-image-amd64 2>/dev/null |
		awk '/Depends: linux-image-6\.1\.[^ ]*-amd64$/ { print $2; exit }'
}
pkg=$(find_pkg)
if [ -z "$pkg" ]; then
	SUDO=""
	[ "$(id -u)" -ne 0 ] && SUDO=sudo
	$SUDO apt-get update -q >/dev/null 2>&1 || true
	pkg=$(find_pkg)
fi
if [ -z "$pkg" ]; then
	# Offline: use whatever kernel package is already cached.
	deb=$(ls "$cache"/linux-image-6.1.*-amd64_*_amd64.deb 2>/dev/null | tail -n 1)
	[ -n "$deb" ] || { echo "fetch-debian-kernel: apt knows no linux-image-6.1.*-amd64" >&2; exit 1; }
	echo "$deb"
	exit 0
fi
deb=$(ls "$cache"/"${pkg}"_*_amd64.deb 2>/dev/null | head -n 1)
if [ -z "$deb" ]; then
	(cd "$cache" && apt-get download "$pkg" >/dev/null 2>&1) || {
		echo "fetch-debian-kernel: apt-get download $pkg failed" >&2
		exit 1
	}
	deb=$(ls "$cache"/"${pkg}"_*_amd64.deb | head -n 1)
fi
echo "$deb"
