#!/bin/sh
# xenstored throughput over the Unix socket: read, write, directory and
# 10-write transactions from 1 and 8 concurrent clients.  Not part of
# `make check`.  Results go to bench/results/xenstore.txt (BENCH_OUT
# overrides); BENCH_SECONDS sets the length of each run (default 5).
cd "$(dirname "$0")" || exit 2
root=$(cd ../.. && pwd)
out=${BENCH_OUT:-$root/bench/results/xenstore.txt}
secs=${BENCH_SECONDS:-5}
make -s all "$(pwd)/build/bench" || exit 1
dir=$(mktemp -d /tmp/kxs-bench.XXXXXX)
export XENSTORED_PATH=$dir/socket
timeout $((secs * 8 * 3 + 120)) build/xenstored -N -D \
	--state-file "$dir/state" --log-file "$dir/log" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
i=0
while [ ! -S "$XENSTORED_PATH" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
mkdir -p "$(dirname "$out")"
{
	echo "# Krypton xenstored, Unix socket, $(date -u +%Y-%m-%dT%H:%MZ)"
	echo "# $(nproc) CPUs, ${secs}s per run; ops/s summed over clients"
	echo "# (tx10 = one transaction of 10 writes = 12 requests)"
	printf '%-10s %12s %12s\n' op 1-client 8-clients
	for op in read write directory tx10; do
		a=$(timeout $((secs + 60)) build/bench 1 "$secs" $op)
		b=$(timeout $((secs + 60)) build/bench 8 "$secs" $op)
		printf '%-10s %12s %12s\n' $op "$a" "$b"
	done
} | tee "$out"
