# Shared helpers for the shell tests: a private daemon per test run.
# Everything lives in a temporary directory (socket, state, log), so the
# tests never touch /run or /var and can run beside anything else.
BUILD=${BUILD:-$(pwd)/build}
TMPROOT=$(mktemp -d /tmp/kxs-test.XXXXXX)
trap 'stop_daemon; rm -rf "$TMPROOT"' EXIT

# start_daemon NAME [extra xenstored options]
# XENSTORED=xenstored-asan picks the AddressSanitizer build.  Its leak
# check at exit is off: LeakSanitizer's ptrace-based stop of the process
# was seen to deadlock on this loaded machine.  Leaks are covered by the
# unit tests (LSan) and by the daemon's own counters (CONTROL memreport).
start_daemon() {
	D=$TMPROOT/$1
	shift
	mkdir -p "$D"
	export XENSTORED_PATH=$D/socket
	ASAN_OPTIONS=detect_leaks=0:abort_on_error=0 \
		timeout 300 "$BUILD/${XENSTORED:-xenstored}" -N -D \
		--state-file "$D/state" --log-file "$D/log" -T "$D/trace" \
		-F "$D/pid" "$@" &
	DAEMON_PID=$!
	i=0
	while [ ! -S "$XENSTORED_PATH" ] && [ $i -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	[ -S "$XENSTORED_PATH" ]
}

# Stops the daemon with SIGTERM; never waits more than 20 seconds.
stop_daemon() {
	[ -n "$DAEMON_PID" ] || return 0
	real=$(cat "$D/pid" 2>/dev/null)
	kill -TERM "$DAEMON_PID" 2>/dev/null
	i=0
	while [ -n "$real" ] && [ -d "/proc/$real" ] &&
		[ "$(cut -d' ' -f3 "/proc/$real/stat" 2>/dev/null)" != Z ] &&
		[ $i -lt 400 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	if [ $i -ge 400 ]; then
		echo "# xenstored $real did not exit within 20s of SIGTERM:"
		grep -E 'State|TracerPid' "/proc/$real/status" | sed 's/^/#   /'
		kill -KILL "$real" 2>/dev/null
	fi
	wait "$DAEMON_PID" 2>/dev/null
	DAEMON_RC=$?
	DAEMON_PID=
}

daemon_alive() {
	[ -n "$DAEMON_PID" ] && kill -0 "$DAEMON_PID" 2>/dev/null
}

pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; FAILED=1; }
