#!/usr/bin/env python3
"""Time a QEMU boot from QEMU's start to a line on its serial console.

QEMU runs under coreutils' timeout(1) (so it dies even if this process is
killed) in its own process group. A reader thread timestamps every console
line as it arrives, relative to time.monotonic() taken just before QEMU is
started. The run stops at the first line matching `until` (a success), at
the first line matching `fail` (a failure, e.g. a panic), when QEMU exits
by itself, or at the timeout; QEMU is then killed.

Library use:

    r = timed_boot(argv, r"KT: userspace up", 60,
                   log_path="build/bench-logs/x.log",
                   marks={"dom0": r"\\*\\*\\* Starting dom0"})
    r.status      # "MATCH", "TIMEOUT" or "FAILED"
    r.time        # seconds to the matching line (None unless MATCH)
    r.marks       # {"dom0": seconds of its first match}
    r.reason      # why a run FAILED/TIMEOUT (last console line, exit status)

CLI:

    timed_boot.py --until REGEX --timeout S [--fail REGEX]
                  [--mark NAME=REGEX ...] [--log FILE] -- qemu-system-x86_64 ...

prints "MARK <name> <seconds>" for each mark seen, then "TIME <seconds>",
"TIMEOUT" or "FAILED <reason>"; exits 0, 1 or 2 respectively.

Python 3 standard library only.
"""

import argparse
import os
import queue
import re
import shlex
import signal
import subprocess
import sys
import threading
import time
from typing import Dict, List, NamedTuple, Optional, Tuple

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEFAULT_LOG_DIR = os.path.join(ROOT, "build", "bench-logs")
KILL_AFTER = 5  # timeout(1) -k: SIGKILL this long after its SIGTERM
MATCH, TIMEOUT, FAILED = "MATCH", "TIMEOUT", "FAILED"
# After a `fail` line, keep this much console output for the reason.
FAIL_CONTEXT_LINES, FAIL_CONTEXT_SECONDS = 4, 1.0


class TimedBoot(NamedTuple):
    status: str                        # MATCH, TIMEOUT or FAILED
    time: Optional[float]              # seconds to the `until` line
    marks: Dict[str, float]            # first time of each mark
    reason: str                        # empty for MATCH
    lines: List[Tuple[float, str]]     # (seconds, line), '\r' stripped
    elapsed: float                     # seconds until QEMU was stopped
    log_path: Optional[str]


def _reader(fd: int, t0: float, out: "queue.Queue") -> None:
    """Puts (seconds, line) for every console line, then (seconds, None)
    at EOF. A line is timestamped when its newline arrives."""
    pending = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            chunk = b""
        now = time.monotonic() - t0
        if not chunk:
            if pending:
                out.put((now, pending.decode("utf-8", "replace")
                         .replace("\r", "")))
            out.put((now, None))
            return
        pending += chunk
        *complete, pending = pending.split(b"\n")
        for raw in complete:
            out.put((now, raw.decode("utf-8", "replace").replace("\r", "")))


def _collect_after(q: "queue.Queue", lines: List[Tuple[float, str]],
                   count: int, seconds: float) -> List[str]:
    """Up to `count` more console lines within `seconds` (a panic message
    follows its "Panic on CPU" line), also appended to `lines`."""
    got: List[str] = []
    end = time.monotonic() + seconds
    while len(got) < count:
        left = end - time.monotonic()
        if left <= 0:
            break
        try:
            t, line = q.get(timeout=left)
        except queue.Empty:
            break
        if line is None:
            break
        lines.append((t, line))
        got.append(line)
    return got


def _stop(proc: subprocess.Popen) -> Optional[int]:
    """Stops QEMU: SIGTERM to timeout(1), which passes it on to QEMU and
    reaps it; SIGKILL to the whole process group if that takes over 5 s."""
    if proc.poll() is not None:
        return proc.returncode
    try:
        proc.send_signal(signal.SIGTERM)
        return proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        return proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        return None


def _default_log_path(label: str) -> str:
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    return os.path.join(DEFAULT_LOG_DIR,
                        "%s-%s-%d.log" % (label, stamp, os.getpid()))


def timed_boot(argv: List[str], until: str, timeout: float,
               fail: Optional[str] = None,
               marks: Optional[Dict[str, str]] = None,
               log_path: Optional[str] = None,
               label: str = "timed-boot") -> TimedBoot:
    """Boots argv (a QEMU command line) and times it; see the module doc.
    log_path None writes build/bench-logs/<label>-<time>-<pid>.log;
    log_path "" writes no log."""
    until_re = re.compile(until)
    fail_re = re.compile(fail) if fail else None
    mark_res = {name: re.compile(rx) for name, rx in (marks or {}).items()}
    if log_path is None:
        log_path = _default_log_path(label)

    full = ["timeout", "-k", str(KILL_AFTER), str(timeout + 2)] + list(argv)
    lines: List[Tuple[float, str]] = []
    seen: Dict[str, float] = {}
    status, match_t, reason = TIMEOUT, None, ""
    q: "queue.Queue" = queue.Queue()

    t0 = time.monotonic()
    proc = subprocess.Popen(full, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    th = threading.Thread(target=_reader, args=(proc.stdout.fileno(), t0, q),
                          daemon=True)
    th.start()
    try:
        while True:
            left = timeout - (time.monotonic() - t0)
            if left <= 0:
                break
            try:
                t, line = q.get(timeout=left)
            except queue.Empty:
                break
            if line is None:  # QEMU exited (or closed its console)
                rc = proc.wait()
                status = FAILED
                reason = "QEMU exited (status %d) before the marker" % rc
                if rc in (124, 137):
                    status = TIMEOUT
                    reason = "timeout(1) stopped QEMU"
                break
            lines.append((t, line))
            for name, rx in mark_res.items():
                if name not in seen and rx.search(line):
                    seen[name] = t
            if until_re.search(line):
                status, match_t = MATCH, t
                break
            if fail_re and fail_re.search(line):
                status = FAILED
                context = _collect_after(q, lines, FAIL_CONTEXT_LINES,
                                         FAIL_CONTEXT_SECONDS)
                reason = "failure at %.2fs: %s" % (
                    t, " | ".join(l.strip() for l in [line] + context
                                  if l.strip()))
                break
    finally:
        elapsed = time.monotonic() - t0
        rc = _stop(proc)
        proc.stdout.close()

    if status == TIMEOUT and not reason:
        reason = "no match within %gs" % timeout
    if status != MATCH:
        last = next((l.strip() for _, l in reversed(lines) if l.strip()), "")
        if last and last not in reason:
            reason += "; last line: %s" % last[:160]

    if log_path:
        os.makedirs(os.path.dirname(log_path) or ".", exist_ok=True)
        with open(log_path, "w", encoding="utf-8") as log:
            log.write("# %s\n" % " ".join(shlex.quote(a) for a in full))
            log.write("# until %r, timeout %gs\n" % (until, timeout))
            for t, line in lines:
                log.write("[%10.6f] %s\n" % (t, line))
            for name in sorted(seen):
                log.write("# MARK %s %.6f\n" % (name, seen[name]))
            log.write("# %s%s after %.3fs (exit status %s)%s\n" %
                      (status, " %.6f" % match_t if match_t is not None
                       else "", elapsed, rc, ": " + reason if reason else ""))
    return TimedBoot(status, match_t, seen, reason, lines, elapsed,
                     log_path or None)


def main(args: List[str]) -> int:
    p = argparse.ArgumentParser(
        description="Time QEMU start to a serial console line.",
        usage="%(prog)s --until REGEX --timeout S [options] -- qemu ...")
    p.add_argument("--until", required=True, help="regex ending the run")
    p.add_argument("--timeout", required=True, type=float, help="seconds")
    p.add_argument("--fail", help="regex meaning the boot failed")
    p.add_argument("--mark", action="append", default=[],
                   metavar="NAME=REGEX", help="also time this line")
    p.add_argument("--log", help="log file (default build/bench-logs/...)")
    p.add_argument("--label", default="timed-boot", help="log name prefix")
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    o = p.parse_args(args)
    cmd = o.cmd[1:] if o.cmd[:1] == ["--"] else o.cmd
    if not cmd:
        p.error("no QEMU command line after --")
    marks = {}
    for m in o.mark:
        name, sep, rx = m.partition("=")
        if not sep or not name:
            p.error("--mark wants NAME=REGEX, got %r" % m)
        marks[name] = rx
    r = timed_boot(cmd, o.until, o.timeout, fail=o.fail, marks=marks,
                   log_path=o.log, label=o.label)
    for name, t in sorted(r.marks.items(), key=lambda kv: kv[1]):
        print("MARK %s %.3f" % (name, t))
    if r.status == MATCH:
        print("TIME %.3f" % r.time)
        return 0
    if r.status == TIMEOUT:
        print("TIMEOUT")
        print("# %s" % r.reason, file=sys.stderr)
        return 1
    print("FAILED %s" % r.reason)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
