#!/bin/sh
# The daemon as a process: options, logging, pid file, trace, the state
# file across restarts, daemonising, and socket-level robustness
# (wire_probe).  Uses Krypton's clients; every step has a timeout.
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
FAILED=0
XS=$BUILD/xenstore

# Socket-level protocol and robustness checks, against a daemon built
# with AddressSanitizer: any memory error makes it exit non-zero.
XENSTORED=xenstored-asan start_daemon probe || fail "daemon start"
timeout 120 "$BUILD/wire_probe"
[ $? -eq 0 ] || FAILED=1
# the libxenstore scenario and a watcher killed mid-stream, too
timeout 60 "$BUILD/compat_api_krypton" >/dev/null || fail "API scenario under ASan"
timeout 5 "$XS-watch" /tool >/dev/null 2>&1 &
sleep 0.2
kill $! 2>/dev/null
# the feature and quota calls of the client library
timeout 30 "$BUILD/api_ext" || FAILED=1
if daemon_alive; then pass "daemon survives hostile clients"; else fail "daemon died under hostile clients"; fi
# nothing of the departed clients is left: one connection (this one)
sleep 0.2
m=$(timeout 5 "$BUILD/xs_ctl" memreport)
echo "$m" | grep -q "^connections: 1$" && echo "$m" | grep -q "^watches: 0$" &&
	echo "$m" | grep -q "^transactions: 0$" &&
	pass "no per-connection state left after disconnects" ||
	fail "state left behind: $m"
stop_daemon
if [ "$DAEMON_RC" = 0 ]; then
	pass "clean exit on SIGTERM, no memory errors (ASan)"
else
	fail "exit status $DAEMON_RC on SIGTERM (ASan report in $D/log?)"
	cat "$TMPROOT/probe/log" | tail -30
fi

# Domain rings through the whole daemon, without a hypervisor: the ring
# page is a file (--ring-dir) mapped by the daemon on INTRODUCE and by a
# "guest" process; the daemon runs under ASan.
mkdir -p "$TMPROOT/pages"
dd if=/dev/zero of="$TMPROOT/pages/5" bs=4096 count=1 2>/dev/null
XENSTORED=xenstored-asan start_daemon ring --ring-dir "$TMPROOT/pages" ||
	fail "daemon start with --ring-dir"
timeout 5 "$XS-write" /local/domain/5 "" >/dev/null
timeout 5 "$XS-chmod" /local/domain/5 n5
timeout 5 "$BUILD/xs_ctl" introduce 5 1 1 && pass "INTRODUCE maps the ring page" ||
	fail "INTRODUCE with a ring page"
timeout 30 "$BUILD/ring_guest" "$TMPROOT/pages/5" "$TMPROOT/pages/ready" \
	>"$TMPROOT/guest.out" 2>&1 &
gp=$!
i=0
while [ ! -e "$TMPROOT/pages/ready" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
timeout 5 "$XS-write" /local/domain/5/data/y 1
wait $gp
grc=$?
cat "$TMPROOT/guest.out"
[ $grc -eq 0 ] || fail "ring guest exited with $grc"
[ "$(timeout 5 "$XS-read" /local/domain/5/data/t)" = 2 ] &&
	pass "guest's transaction visible to dom0" || fail "guest's transaction"
timeout 5 "$BUILD/xs_ctl" release 5 && pass "RELEASE unmaps the ring" || fail "RELEASE"
stop_daemon
[ "$DAEMON_RC" = 0 ] && pass "ring run: clean exit, no memory errors (ASan)" ||
	{ fail "ring run: exit $DAEMON_RC"; tail -20 "$TMPROOT/ring/log"; }

# Transactions under contention: writers update two nodes together (the
# clients wrap several writes in one transaction and retry on EAGAIN),
# readers read both in one transaction and must never see them differ.
# Debian's clients and ours run side by side.
start_daemon contention || fail "daemon start"
timeout 5 "$XS-write" /pair/a 0 /pair/b 0
writer() { # client-prefix id
	n=0
	while [ $n -lt 40 ]; do
		timeout 10 "$1-write" /pair/a "$2-$n" /pair/b "$2-$n" || echo "writer $2 failed"
		n=$((n + 1))
	done
}
reader() { # client-prefix
	n=0
	while [ $n -lt 60 ]; do
		v=$(timeout 10 "$1-read" /pair/a /pair/b | tr '\n' ' ')
		set -- "$1" $v
		[ "$2" = "$3" ] || echo "torn read: $v"
		n=$((n + 1))
	done
}
(
	writer /usr/bin/xenstore d1 & writer "$XS" k1 &
	writer /usr/bin/xenstore d2 & writer "$XS" k2 &
	reader /usr/bin/xenstore & reader "$XS" &
	wait
) >"$TMPROOT/contention.out" 2>&1
if [ ! -s "$TMPROOT/contention.out" ]; then
	pass "concurrent transactions: 160 paired writes, 120 reads, none torn"
else
	fail "concurrent transactions: $(head -3 "$TMPROOT/contention.out")"
fi
a=$(timeout 5 "$XS-read" /pair/a)
[ "$a" = "$(timeout 5 "$XS-read" /pair/b)" ] && pass "pair consistent at the end ($a)" ||
	fail "pair differs at the end"
stop_daemon

# The tree survives a restart, permissions and binary values included.
start_daemon persist || fail "daemon start"
timeout 5 "$XS-write" /keep/a 1 /keep/b 'x\001y' >/dev/null
timeout 5 "$XS-chmod" /keep/a n0 r3
pid=$(cat "$TMPROOT/persist/pid" 2>/dev/null)
[ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = xenstored ] &&
	pass "-F writes the pid file" || fail "-F pid file"
before=$(timeout 5 "$XS-ls" -p /keep)
stop_daemon
[ ! -e "$TMPROOT/persist/pid" ] && pass "pid file removed on exit" || fail "pid file left behind"
[ -s "$TMPROOT/persist/state" ] && pass "state file written on exit" || fail "no state file"
start_daemon persist || fail "daemon restart"
after=$(timeout 5 "$XS-ls" -p /keep)
[ -n "$before" ] && [ "$before" = "$after" ] &&
	pass "tree identical after restart" || fail "tree differs after restart: '$before' vs '$after'"
grep -q "restored" "$TMPROOT/persist/log" && pass "restore logged" || fail "restore not logged"
stop_daemon
# a damaged state file: start with a fresh tree, do not crash
printf 'KXSSTATE1\n\377\377' >"$TMPROOT/persist/state"
start_daemon persist || fail "daemon start on damaged state"
[ "$(timeout 5 "$XS-read" /tool/xenstored 2>&1)" = "" ] &&
	pass "damaged state file: fresh tree" || fail "damaged state file"
stop_daemon

# -P prints the pid; SIGUSR1 dumps the tree to the log; SIGHUP reopens it.
mkdir -p "$TMPROOT/sig"
XENSTORED_PATH=$TMPROOT/sig/socket timeout 20 "$BUILD/xenstored" -N -D -P \
	--state-file "$TMPROOT/sig/state" --log-file "$TMPROOT/sig/log" \
	>"$TMPROOT/sig/out" &
i=0
while [ ! -S "$TMPROOT/sig/socket" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
pid=$(cat "$TMPROOT/sig/out")
[ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = xenstored ] &&
	pass "-P prints the daemon's pid" || fail "-P output '$pid'"
XENSTORED_PATH=$TMPROOT/sig/socket timeout 5 "$XS-write" /sig/node hello
kill -USR1 "$pid" 2>/dev/null
mv "$TMPROOT/sig/log" "$TMPROOT/sig/log.old"
kill -HUP "$pid" 2>/dev/null
sleep 0.3
XENSTORED_PATH=$TMPROOT/sig/socket timeout 5 "$BUILD/xs_ctl" print after-hup >/dev/null
sleep 0.1
grep -q 'node = "hello"' "$TMPROOT/sig/log.old" && pass "SIGUSR1 dumps the tree to the log" ||
	fail "SIGUSR1 dump"
grep -q "after-hup" "$TMPROOT/sig/log" && pass "SIGHUP reopens the log" || fail "SIGHUP"
kill "$pid" 2>/dev/null
wait

# Trace file (-T), verbose log, quota options shown by GET_QUOTA.
start_daemon opts -T "$TMPROOT/opts.trace" -E 77 -S 1000 -W 9 -t 3 -A 2 \
	-M 100 -Q outstanding=30 -V -p 3 -K -R --trace-control=+io ||
	fail "daemon start with options"
timeout 5 "$XS-write" /traced v >/dev/null
grep -q "IN  conn[0-9]* dom0 WRITE" "$TMPROOT/opts.trace" &&
	pass "-T traces requests" || fail "-T trace"
grep -q "dom0: connected" "$TMPROOT/opts/log" && pass "-V logs connections" || fail "-V"

q=$(timeout 5 "$BUILD/xs_ctl" quota)
echo "$q" | grep -q "nodes *77" && echo "$q" | grep -q "node-size *1000" &&
	echo "$q" | grep -q "watches *9" && echo "$q" | grep -q "transactions *3" &&
	echo "$q" | grep -q "permissions *2" && echo "$q" | grep -q "path-max *100" &&
	echo "$q" | grep -q "outstanding *30" &&
	pass "-E -S -W -t -A -M -Q set the quotas" || fail "quota options: $q"
timeout 5 "$BUILD/xs_ctl" dump "$TMPROOT/dump.txt" >/dev/null
grep -q 'traced = "v"' "$TMPROOT/dump.txt" && pass "CONTROL dump writes the tree" || fail "tree dump"
stop_daemon
timeout 5 "$BUILD/xenstored" --bogus >/dev/null 2>&1
[ $? -eq 2 ] && pass "unknown option rejected" || fail "unknown option accepted"
timeout 5 "$BUILD/xenstored" -H | grep -q -- "--no-domain-init" && pass "-H prints usage" || fail "-H"

# Without -N the daemon forks; the parent returns once it listens.
mkdir -p "$TMPROOT/fork"
XENSTORED_PATH=$TMPROOT/fork/socket timeout 10 "$BUILD/xenstored" -D -P \
	-F "$TMPROOT/fork/pid" --state-file "$TMPROOT/fork/state" \
	--log-file "$TMPROOT/fork/log" >"$TMPROOT/fork/out"
rc=$?
i=0
while [ ! -s "$TMPROOT/fork/pid" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
pid=$(cat "$TMPROOT/fork/pid" 2>/dev/null)
if [ $rc -eq 0 ] && [ -n "$pid" ] && XENSTORED_PATH=$TMPROOT/fork/socket \
	timeout 5 "$XS-write" /f 1; then
	pass "daemonises without -N"
else
	fail "daemonise (rc=$rc pid=$pid)"
fi
[ -n "$pid" ] && [ "$(cat "$TMPROOT/fork/out")" = "$pid" ] &&
	pass "-P prints the forked daemon's pid" || fail "-P when forking"
[ -n "$pid" ] && kill "$pid"
i=0
while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
[ -s "$TMPROOT/fork/state" ] && pass "forked daemon saves state on SIGTERM" || fail "forked daemon state"
exit $FAILED
