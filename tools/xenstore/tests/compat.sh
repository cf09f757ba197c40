#!/bin/sh
# Compatibility: Debian's xenstore-utils clients (/usr/bin, Xen 4.17)
# and Krypton's clients run the same scenarios, each against a fresh
# Krypton xenstored; stdout, stderr and exit codes must be identical.
# (There is no reference daemon here: Debian's xen-utils-4.17 xenstored
# needs a hypervisor and segfaults without one.)
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
FAILED=0

# Every command runs by name from PATH so argv[0] (shown in messages)
# is the same for both client sets.
x() {
	echo "\$ $*"
	timeout 10 "$@" 2>&1
	echo "rc=$?"
}

sc_write_read() {
	x xenstore-write /t/a hello /t/b "two words" /t/c ""
	x xenstore-read /t/a /t/b /t/c
	x xenstore-read -p /t/a /t/b
	x xenstore-write /t/esc 'tab\there\nnl\\bs\x01\001\x7f'
	x xenstore-read /t/esc
	x xenstore-read -R /t/esc
	x xenstore-write -R /t/raw 'keep\tthis'
	x xenstore-read /t/raw
	x xenstore-write /t/odd
	x xenstore-read
	x xenstore-read /t/missing
	x xenstore-read /t/a /t/missing
	x xenstore-read 'bad path'
	x xenstore-write rel/x 5
	x xenstore-read rel/x /local/domain/0/rel/x
}

sc_exists_list() {
	x xenstore-write /l/one 1 /l/two 2 /l/three/deep 3
	x xenstore-exists /l/one
	x xenstore-exists /l/none
	x xenstore-exists /l/one /l/none
	x xenstore-list /l
	x xenstore-list -p /l /l/three
	x xenstore-list /l/none
	x xenstore-list /l/one
}

sc_ls() {
	x xenstore-write /ls/a 1 /ls/b/c "x y" /ls/b/d ""
	x xenstore-write /ls/long "$(printf '%0120d' 7)"
	x xenstore-write /ls/bin 'a\001b\tc'
	x xenstore-ls /ls
	x xenstore-ls -f /ls
	x xenstore-ls -p /ls
	x xenstore-ls
	x xenstore-ls /none
	x xenstore ls /ls/b
}

sc_rm() {
	x xenstore-write /r/a/b/c 1 /r/keep v /r/x/y/z 2
	x xenstore-rm /r/a/b/c
	x xenstore-ls /r
	x xenstore-rm -t /r/x/y/z
	x xenstore-ls /r
	x xenstore-rm /r/nothing
	x xenstore-rm /r/no/such
	x xenstore-rm /r
	x xenstore-exists /r
}

sc_chmod() {
	x xenstore-write /p/a/b/c 1
	x xenstore-chmod /p/a/b/c r1 w2 b3 n4
	x xenstore-ls -p /p
	x xenstore-chmod -r /p/a b7
	x xenstore-ls -p /p
	x xenstore-chmod -u /p/a/b/c n0 r9
	x xenstore-ls -p /p
	x xenstore-chmod /p/a q1
	x xenstore-chmod /p/none r1
}

sc_watch() {
	x xenstore-write /wt/init 0
	wo=$D/watch.out
	rm -f "$wo"
	timeout 10 xenstore-watch -n 4 /wt >"$wo" 2>&1 &
	wp=$!
	# wait until the watch is registered (its first event is printed)
	i=0
	while [ ! -s "$wo" ] && [ $i -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	x xenstore-write /wt/a 1
	x xenstore-write /other 1
	x xenstore-write /wt/b/c 2
	x xenstore-rm /wt/a
	wait $wp
	echo "watch rc=$?"
	cat "$wo"
}

sc_bigdir() {
	i=0
	args=""
	while [ $i -lt 120 ]; do
		args="$args /big/child-with-a-rather-long-name-number-$i $i"
		i=$((i + 1))
	done
	# shellcheck disable=SC2086
	timeout 20 xenstore-write $args
	echo "rc=$?"
	# more than XENSTORE_PAYLOAD_MAX of names: DIRECTORY_PART
	x xenstore-list /big
	xenstore-ls /big | wc -l
}

sc_multicall() {
	x xenstore write /m/a 1
	x xenstore read /m/a
	x xenstore exists /m/a
	x xenstore list /
	x xenstore rm /m/a
	x xenstore bogus /m
	x xenstore-read -t /m
	x xenstore-ls -t
}

sc_edges() {
	x xenstore-write rel/a 1 rel/b/c 2
	x xenstore-ls rel
	x xenstore-exists rel/b
	x xenstore-list -p rel
	x xenstore-write /e/v '\x41\102\z\q\'
	x xenstore-read /e/v
	x xenstore-read -R /e/v
	x xenstore-read -s /e/v
	x xenstore-write /e/w '\x4' /e/x '\1' /e/y '\0012'
	x xenstore-read /e/w /e/x /e/y
	x xenstore-chmod /e/v rabc
	x xenstore-chmod /e/v r5 w
	x xenstore-ls -p /e
	# values right at the 80-column limit of xenstore-ls
	x xenstore-write /e/w67 "$(printf '%067d' 0)" /e/w68 "$(printf '%068d' 0)"
	x xenstore-write /e/w69 "$(printf '%069d' 0)"
	x xenstore-ls /e
	x xenstore-write /e/p/q 1
	x xenstore-write /e/p v
	x xenstore-rm -t /e/p/q
	x xenstore-ls /e/p
	x xenstore-exists /e/p
	x xenstore-ls -p /
	x xenstore-ls -f -p /e/p
	x xenstore-watch -n 1 rel
	x xenstore-watch
	x xenstore-chmod /e
	x xenstore-read --prefix --raw /e/x /e/w
	x xenstore-list --prefix /e/p
	x xenstore-watch --number 1 /e
	x xenstore-ls /e/
	x xenstore-read /e/
	x xenstore-rm /e/x /e/y /e/none
	x xenstore-ls -h
	x xenstore-rm -p /e
	x xenstore
	x xenstore-exists
	x xenstore-chmod -u -r /e/v b3
	x xenstore-ls -p /e
}

SCENARIOS=${SCENARIOS:-"write_read exists_list ls rm chmod watch bigdir multicall edges"}

run_set() { # name bindir
	mkdir -p "$TMPROOT/$1.out"
	for s in $SCENARIOS; do
		start_daemon "$1-$s" || { fail "$1: daemon start ($s)"; continue; }
		(PATH=$2:$PATH; "sc_$s") >"$TMPROOT/$1.out/$s" 2>&1
		daemon_alive || echo "daemon died" >>"$TMPROOT/$1.out/$s"
		stop_daemon
	done
}

run_set debian /usr/bin
run_set krypton "$BUILD"

for s in $SCENARIOS; do
	if diff -a -u "$TMPROOT/debian.out/$s" "$TMPROOT/krypton.out/$s" \
		>"$TMPROOT/$s.diff"; then
		pass "compat: $s ($(grep -c '^\$ ' "$TMPROOT/krypton.out/$s") commands, identical to Debian clients)"
	else
		fail "compat: $s differs from Debian clients"
		cat "$TMPROOT/$s.diff"
	fi
	if grep -q "daemon died" "$TMPROOT/debian.out/$s" "$TMPROOT/krypton.out/$s"; then
		fail "compat: daemon crashed in $s"
	fi
done
# The libxenstore API: one scenario, linked against both libraries.
for lib in debian krypton; do
	start_daemon "api-$lib" || fail "api: daemon start"
	timeout 30 "$BUILD/compat_api_$lib" >"$TMPROOT/api-$lib.out" 2>&1
	echo "rc=$?" >>"$TMPROOT/api-$lib.out"
	daemon_alive || echo "daemon died" >>"$TMPROOT/api-$lib.out"
	stop_daemon
done
if diff -u "$TMPROOT/api-debian.out" "$TMPROOT/api-krypton.out"; then
	pass "compat: libxenstore API scenario ($(wc -l <"$TMPROOT/api-krypton.out") results, identical with Debian's libxenstore)"
else
	fail "compat: libxenstore API scenario differs"
fi
if grep -q "daemon died" "$TMPROOT/api-krypton.out" ||
	! grep -q "^rc=0" "$TMPROOT/api-krypton.out"; then
	fail "compat: API scenario did not complete"
fi

# Message-type coverage, from the daemons' traces (-T).  The Debian runs
# show which types Xen 4.17's own clients and library exercised; the
# types they cannot send (newer than 4.17, or without a library call)
# come from wire_probe's raw requests against Krypton's daemon.
start_daemon wire || fail "wire: daemon start"
timeout 60 "$BUILD/wire_probe" >"$TMPROOT/wire.out" 2>&1 ||
	fail "wire_probe (see below)"
stop_daemon
ALL="READ WRITE MKDIR RM DIRECTORY DIRECTORY_PART GET_PERMS SET_PERMS WATCH
UNWATCH WATCH_EVENT TRANSACTION_START TRANSACTION_END INTRODUCE RELEASE
IS_DOMAIN_INTRODUCED GET_DOMAIN_PATH SET_TARGET RESUME RESET_WATCHES
CONTROL GET_FEATURE SET_FEATURE GET_QUOTA SET_QUOTA"
seen() { # type trace-files...
	t=$1
	shift
	if [ "$t" = WATCH_EVENT ]; then
		cat "$@" | grep -q "^[^ ]* OUT conn[0-9]* dom[0-9]* WATCH_EVENT "
	else
		cat "$@" | grep -q "^[^ ]* IN  conn[0-9]* dom[0-9]* $t "
	fi
}
by_debian=""
missing=""
for t in $ALL; do
	if seen "$t" "$TMPROOT"/debian-*/trace "$TMPROOT"/api-debian/trace; then
		by_debian="$by_debian $t"
	elif ! seen "$t" "$TMPROOT"/wire/trace; then
		missing="$missing $t"
	fi
done
if [ -z "$missing" ]; then
	pass "coverage: all $(echo $ALL | wc -w) message types exercised"
else
	fail "coverage: never exercised:$missing"
fi
echo "# types sent by Debian's clients/libxenstore (results compared):$by_debian"

[ -n "$KXS_KEEP" ] && cp -r "$TMPROOT" "$KXS_KEEP"
exit $FAILED
