#!/bin/sh
# Runs the parser fuzz target briefly over the seed corpus (every config
# and spec of the golden tests) plus random mutations.  Prints one PASS
# or FAIL line.  FUZZ_SECONDS overrides the default run time.
fuzz=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(dirname "$fuzz")/fuzz-corpus
secs=${FUZZ_SECONDS:-20}
rm -rf "$work"
mkdir -p "$work"
for f in "$here"/cases/*.cfg "$here"/errors/*.cfg "$here"/disk/*.args "$here"/vif/*.args; do
	[ -f "$f" ] && cp "$f" "$work/$(basename "$f")"
done
log=$(dirname "$fuzz")/fuzz.log
if ASAN_OPTIONS=detect_leaks=1 "$fuzz" -max_total_time="$secs" \
	-max_len=4096 -timeout=10 -rss_limit_mb=1024 -dict="$here/xlcfg.dict" \
	-artifact_prefix="$(dirname "$fuzz")/fuzz-" "$work" >"$log" 2>&1; then
	runs=$(grep -o 'Done [0-9]* runs' "$log" | grep -o '[0-9]*')
	echo "PASS: fuzz xl.cfg parser ($runs runs, ${secs}s, no crash or leak)"
else
	echo "FAIL: fuzz xl.cfg parser (see $log)"
	tail -n 30 "$log"
	exit 1
fi
