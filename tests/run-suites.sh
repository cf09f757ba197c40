#!/bin/sh
# Runs every suite listed in tests/suites.d/*.list and prints one total line.
# Each .list file holds lines "name shell-command"; one file per component,
# so components register their suites without touching each other's files.
#
# A suite is a shell command run from the repository root. It reports
# results as lines "PASS: name" / "FAIL: name" or as TAP ("ok N - name" /
# "not ok N - name", cmocka's TAP output). A suite that exits non-zero
# without reporting a failure counts as one failure, so a crash is never
# silent. Logs go to build/test-logs/<suite>.log.
#
# Usage: tests/run-suites.sh [suite-name-pattern]
cd "$(dirname "$0")/.." || exit 2
pattern=${1:-.}
logs=build/test-logs
mkdir -p "$logs"
export CMOCKA_MESSAGE_OUTPUT=TAP
total_pass=0
total_fail=0
failed_suites=""
while IFS= read -r line; do
	case "$line" in '#'*|'') continue ;; esac
	name=${line%% *}
	cmd=${line#* }
	echo "$name" | grep -Eq -- "$pattern" || continue
	echo "=== suite $name: $cmd"
	start=$(date +%s)
	sh -c "$cmd" >"$logs/$name.log" 2>&1
	rc=$?
	end=$(date +%s)
	p=$(grep -Ec '^(PASS: |ok [0-9]+ )' "$logs/$name.log")
	f=$(grep -Ec '^(FAIL: |not ok [0-9]+ )' "$logs/$name.log")
	grep -E '^(PASS: |FAIL: |ok [0-9]+ |not ok [0-9]+ )' "$logs/$name.log" | sed "s/^/  [$name] /"
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "  [$name] FAIL: suite exited with status $rc (see $logs/$name.log)"
		tail -n 20 "$logs/$name.log" | sed "s/^/  [$name]   | /"
	fi
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "  [$name] FAIL: suite reported no results (see $logs/$name.log)"
	fi
	[ "$f" -gt 0 ] && failed_suites="$failed_suites $name"
	echo "=== suite $name: $p passed, $f failed ($((end - start))s)"
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
done <<SUITES
$(cat tests/suites.d/*.list)
SUITES
[ -n "$failed_suites" ] && echo "failed suites:$failed_suites"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
