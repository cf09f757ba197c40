#!/bin/sh
# Sets up the reference xl (Debian 12's xen-utils-4.17) under
# build/oracle without installing it: downloads the package with
# apt-get download, extracts it, and builds the LD_PRELOAD shim.
# The libraries it needs (libxenlight, libxlutil, ...) come from
# libxenmisc4.17, which libxen-dev already pulls in.
set -e
here=$(cd "$(dirname "$0")" && pwd)
o=$here/../build/oracle
mkdir -p "$o"
cd "$o"
ls xen-utils-4.17_*.deb >/dev/null 2>&1 || apt-get download xen-utils-4.17
rm -rf x && dpkg-deb -x xen-utils-4.17_*.deb x
gcc -shared -fPIC -O2 -o shim.so "$here/oracle-shim.c" -ldl
cat >ox <<'OX'
#!/bin/sh
D=$(dirname "$(readlink -f "$0")")
LD_PRELOAD=$D/shim.so exec "$D/x/usr/lib/xen-4.17/bin/xl" "$@"
OX
chmod +x ox
echo "reference xl: $o/ox"
