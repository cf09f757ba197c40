# Shared helpers for the shell tests: a private daemon per test run.
# Everything lives in a temporary directory (socket, state, log), so the
# tests never touch /run or /var and can run beside anything else.
BUILD=${BUILD:-$(pwd)/build}
TMPROOT=$(mktemp -d /tmp/kxs-test.XXXXXX)
trap 'stop_daemon; rm -rf "$TMPROOT"' EXIT

# start_daemon NAME [extra xenstored options]
start_daemon() {
	D=$TMPROOT/$1
	shift
	mkdir -p "$D"
	export XENSTORED_PATH=$D/socket
	timeout 300 "$BUILD/${XENSTORED:-xenstored}" -N -D --state-file "$D/state" \
		--log-file "$D/log" -T "$D/trace" "$@" &
	DAEMON_PID=$!
	i=0
	while [ ! -S "$XENSTORED_PATH" ] && [ $i -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	[ -S "$XENSTORED_PATH" ]
}

stop_daemon() {
	if [ -n "$DAEMON_PID" ]; then
		kill -TERM "$DAEMON_PID" 2>/dev/null
		wait "$DAEMON_PID" 2>/dev/null
		DAEMON_RC=$?
		DAEMON_PID=
	fi
}

daemon_alive() {
	[ -n "$DAEMON_PID" ] && kill -0 "$DAEMON_PID" 2>/dev/null
}

pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; FAILED=1; }
