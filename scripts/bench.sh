#!/bin/sh
# `make bench`: Krypton against Debian's Xen 4.17 under the same QEMU.
# Results go to bench/results/ (see bench/README.md):
#   dom0-boot.txt/.json   dom0 boot to userspace, Krypton/Xen ratios
#   xenstore.txt          xenstored throughput (tools/xenstore/bench.sh)
# Environment: BENCH_RUNS (boots per system, default 5), BENCH_TIMEOUT
# (seconds per boot, default 150), BENCH_ONLY (dom0-boot or xenstore).
# A Krypton boot that fails or times out is reported as such in the
# results; the script fails only when a benchmark could not run at all.
set -u
cd "$(dirname "$0")/.."
only=${BENCH_ONLY:-}
status=0

if [ -z "$only" ] || [ "$only" = dom0-boot ]; then
	echo "== dom0-boot: preparing inputs"
	if [ ! -s build/krypton ]; then
		make -s hv || exit 1
	fi
	scripts/linux-fixture.sh || exit 1
	scripts/bench/fetch-xen.sh >/dev/null || exit 1
	echo "== dom0-boot: Krypton vs Xen 4.17"
	# Each boot is bounded inside dom0_boot.py; this bounds the whole.
	runs=${BENCH_RUNS:-5}
	per=${BENCH_TIMEOUT:-150}
	timeout -k 10 $((runs * 2 * (per + 20) + 60)) \
		scripts/bench/dom0_boot.py || status=1
fi

if [ -z "$only" ] || [ "$only" = xenstore ]; then
	if [ -x tools/xenstore/bench.sh ]; then
		echo "== xenstore: xenstored throughput"
		timeout -k 10 900 tools/xenstore/bench.sh || status=1
	fi
fi
exit $status
