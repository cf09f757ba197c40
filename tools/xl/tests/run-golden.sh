#!/bin/sh
# Golden tests for xl.  Prints one PASS:/FAIL: line per case.
#
#   cases/NAME.cfg [+ NAME.args]  `xl -N create NAME.cfg ARGS' must exit 0
#                                 and print NAME.json (a c_info uuid of
#                                 "*" in the golden matches any uuid)
#   errors/NAME.cfg [+ .args]     must exit non-zero with stderr = NAME.err
#   disk/NAME.args                `xl -N block-attach 0 ARGS' = NAME.out
#   vif/NAME.args                 `xl -N network-attach 0 ARGS' = NAME.out
#   cli/NAME.sh                   a shell test; stdout+stderr+rc = NAME.out
#                                 (TMPDIR: scratch dir, KDIR: test kernels)
# .args files hold one argument per line.  XL is the binary under test.
here=$(cd "$(dirname "$0")" && pwd)
XL=${XL:-$here/../xl}
export XL_CONF=$here/no-such-xl.conf XL_HOST_CPUS=8 XL_FAKE_HYPERVISOR=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

args_of() { # file -> sets positional args via eval-safe list
	if [ -f "$1" ]; then cat "$1"; fi
}

run_args() { # dir name cmd... ; runs cmd with the lines of dir/name.args appended
	f=$1; shift
	if [ -f "$f" ]; then
		set -f
		old=$IFS
		IFS='
'
		# shellcheck disable=SC2046
		"$@" $(cat "$f")
		rc=$?
		IFS=$old
		set +f
		return $rc
	fi
	"$@"
}

norm_uuid() {
	sed 's/^\(        "uuid": \)"[0-9a-f-]*"/\1"*"/'
}

result() { # ok name detail
	if [ "$1" = 0 ]; then
		echo "PASS: $2"
	else
		echo "FAIL: $2${3:+ ($3)}"
		fail=$((fail + 1))
	fi
}

cd "$here/cases" || exit 1
for cfg in *.cfg; do
	[ -e "$cfg" ] || continue
	n=${cfg%.cfg}
	run_args "$n.args" "$XL" -N create "$cfg" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if grep -q '"uuid": "\*"' "$n.json"; then
		norm_uuid <"$tmp/out" >"$tmp/cmp"
	else
		cp "$tmp/out" "$tmp/cmp"
	fi
	if [ $rc -eq 0 ] && cmp -s "$tmp/cmp" "$n.json"; then
		result 0 "config $n"
	else
		result 1 "config $n" "rc=$rc"
		diff -u "$n.json" "$tmp/cmp" | head -20
		head -5 "$tmp/err"
	fi
done

cd "$here/errors" || exit 1
for cfg in *.cfg; do
	[ -e "$cfg" ] || continue
	n=${cfg%.cfg}
	run_args "$n.args" "$XL" -N create "$cfg" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -ne 0 ] && [ ! -s "$tmp/out" ] && cmp -s "$tmp/err" "$n.err"; then
		result 0 "error $n"
	else
		result 1 "error $n" "rc=$rc"
		diff -u "$n.err" "$tmp/err" | head -20
	fi
done

for kind in disk vif; do
	cd "$here/$kind" || exit 1
	cmd=block-attach
	[ $kind = vif ] && cmd=network-attach
	for a in *.args; do
		[ -e "$a" ] || continue
		n=${a%.args}
		run_args "$a" "$XL" -N $cmd 0 >"$tmp/out" 2>"$tmp/err"
		rc=$?
		{ cat "$tmp/out"; echo "rc=$rc"; } >"$tmp/cmp"
		if cmp -s "$tmp/cmp" "$n.out"; then
			result 0 "$kind spec $n"
		else
			result 1 "$kind spec $n"
			diff -u "$n.out" "$tmp/cmp" | head -20
			head -3 "$tmp/err"
		fi
	done
done

cd "$here/cli" || exit 1
for t in *.sh; do
	[ -e "$t" ] || continue
	n=${t%.sh}
	rm -rf "$tmp/t" && mkdir "$tmp/t"
	XL=$XL TMPDIR=$tmp/t KDIR=$KDIR sh "$t" >"$tmp/out" 2>&1
	echo "rc=$?" >>"$tmp/out"
	if cmp -s "$tmp/out" "$n.out"; then
		result 0 "cli $n"
	else
		result 1 "cli $n"
		diff -u "$n.out" "$tmp/out" | head -20
	fi
done
[ $fail -eq 0 ]
