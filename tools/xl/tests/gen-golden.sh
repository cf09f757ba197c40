#!/bin/sh
# Regenerates golden files by running a reference xl (Debian's
# xen-utils-4.17 under build/oracle, made by setup-oracle.sh; see README).
# Usage: tests/gen-golden.sh [cases|disk|vif]...  Only cases without a
# golden file are generated unless FORCE=1.  Review every new golden
# before committing it.
here=$(cd "$(dirname "$0")" && pwd)
OX=${OX:-$here/../build/oracle/ox}
[ -x "$OX" ] || { echo "no reference xl at $OX" >&2; exit 1; }
run_args() {
	f=$1; shift
	if [ -f "$f" ]; then
		set -f; old=$IFS; IFS='
'
		"$@" $(cat "$f"); rc=$?
		IFS=$old; set +f
		return $rc
	fi
	"$@"
}
for kind in ${*:-cases disk vif}; do
	cd "$here/$kind" || exit 1
	case $kind in
	cases)
		for cfg in *.cfg; do
			n=${cfg%.cfg}
			[ -f "$n.json" ] && [ -z "$FORCE" ] && continue
			if run_args "$n.args" "$OX" -N create "$cfg" >"$n.json.tmp" 2>/dev/null; then
				if grep -q '^uuid' "$cfg"; then
					mv "$n.json.tmp" "$n.json"
				else
					sed 's/^\(        "uuid": \)"[0-9a-f-]*"/\1"*"/' <"$n.json.tmp" >"$n.json"
					rm -f "$n.json.tmp"
				fi
				echo "generated cases/$n.json"
			else
				echo "reference xl rejected cases/$cfg" >&2
				rm -f "$n.json.tmp"
			fi
		done ;;
	disk|vif)
		cmd=block-attach; [ $kind = vif ] && cmd=network-attach
		for a in *.args; do
			n=${a%.args}
			[ -f "$n.out" ] && [ -z "$FORCE" ] && continue
			run_args "$a" "$OX" -N $cmd 0 >"$n.out" 2>/dev/null
			echo "rc=$?" >>"$n.out"
		done ;;
	esac
done
