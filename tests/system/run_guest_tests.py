#!/usr/bin/env python3
"""Boots Krypton in QEMU once per test guest and judges the serial console.

Each guest (tests/guests/<name>.c, built into build/guests/<name>.elf) is
passed to Krypton as its dom0 module. The table in guest_table.py says what
the console must show (regexes, matched in order, each on a later line than
the previous one), what it must not show, and whether QEMU must exit by
itself or be killed by the timeout. One line per test:

    PASS: guest <name> (<secs>s)
    FAIL: guest <name>: <reason> (see <log>)

The hypervisor's side of the contract: guest console output appears as
"(d0) <text>"; SCHEDOP_shutdown logs "(XEN) d0: shutdown: <reason>"; a
domain crash logs "(XEN) d0v0 crashed: <why>"; when the last domain is gone
it logs "(XEN) All domains have shut down: powering off" (poweroff) or
"...: rebooting" (any other reason, or a crash) and powers off or resets,
which ends QEMU (-no-reboot).

--no-hv checks the guest framework alone: QEMU's own PVH loader boots the
guests and they print to port 0xE9 ("no hypervisor"). It is a development
self-check and is not registered as a suite.

Usage: run_guest_tests.py [--no-hv] [--list] [--all] [-v] [--hv IMAGE]
                          [--cpu CPU] [--smp N] [NAME-REGEX ...]
Python 3 standard library only; run from anywhere.
"""

import argparse
import os
import re
import sys
from typing import Optional

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu import QemuConfig, run_qemu  # noqa: E402
from guest_table import (ALWAYS_FORBIDDEN, NOHV_QEMU, NOHV_TESTS,  # noqa: E402
                         TESTS, TIMEOUT, GuestTest)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GUEST_DIR = "build/guests"
LOG_DIR = "build/test-logs/guests"
NOHV_LOG_DIR = "build/test-logs/guests-nohv"


def judge(test: GuestTest, run, timeout: int) -> Optional[str]:
    """Returns why the run failed, or None if it passed."""
    lines = run.console.splitlines()
    always = [p for p in ALWAYS_FORBIDDEN
              if not (test.fails_on_purpose and p == r"FAIL")]
    for pattern in always + test.forbid:
        for line in lines:
            if re.search(pattern, line):
                return "forbidden /%s/ on console: %r" % (pattern,
                                                          line.strip())
    pos = 0
    for pattern in test.expect:
        for i in range(pos, len(lines)):
            if re.search(pattern, lines[i]):
                pos = i + 1
                break
        else:
            where = " after %r" % lines[pos - 1].strip() if pos else ""
            last = [line.strip() for line in lines if line.strip()]
            return "expected /%s/ not found%s%s; console ends with %r" % (
                pattern, where,
                " (timed out after %ds)" % timeout if run.timed_out else "",
                last[-1] if last else "")
    for pattern in test.present:
        if not any(re.search(pattern, line) for line in lines):
            return "expected /%s/ not found" % pattern
    for pattern in test.once:
        n = sum(1 for line in lines if re.search(pattern, line))
        if n != 1:
            return "expected one line /%s/, found %d" % (pattern, n)
    if test.end == TIMEOUT:
        if not run.timed_out:
            return "expected to be killed by the %ds timeout, but QEMU " \
                   "exited with status %d" % (timeout, run.status)
    else:
        if run.timed_out:
            return "timed out after %ds (QEMU did not exit by itself)" % \
                   timeout
        if test.exit_status is not None and run.status != test.exit_status:
            return "QEMU exited with status %d, expected %d" % (
                run.status, test.exit_status)
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*",
                    help="run only tests whose name matches one of these "
                         "regexes (whole name)")
    ap.add_argument("--no-hv", action="store_true",
                    help="self-check: boot guests with QEMU's PVH loader, "
                         "no hypervisor")
    ap.add_argument("--hv", default="build/krypton",
                    help="hypervisor image (default build/krypton)")
    ap.add_argument("--cpu", help="QEMU -cpu model for every test")
    ap.add_argument("--smp", type=int, help="QEMU -smp for every test")
    ap.add_argument("--timeout-scale", type=float, default=1.0,
                    help="multiply every timeout (slow machines)")
    ap.add_argument("--all", action="store_true",
                    help="also run tests marked pending")
    ap.add_argument("--list", action="store_true", help="list tests")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="show the console tail of failing tests")
    args = ap.parse_args()
    os.chdir(ROOT)

    tests = NOHV_TESTS if args.no_hv else TESTS
    log_dir = NOHV_LOG_DIR if args.no_hv else LOG_DIR
    if args.names:
        tests = [t for t in tests
                 if any(re.fullmatch(n, t.name) for n in args.names)]
        if not tests:
            print("FAIL: guest tests: no test matches %s" % args.names)
            return 1
    if args.list:
        for t in tests:
            print(t.name + (" (pending: %s)" % t.pending if t.pending
                            else ""))
        return 0

    failed = 0
    for t in tests:
        if t.pending and not (args.all or args.names):
            print("SKIP: guest %s: pending: %s" % (t.name, t.pending),
                  flush=True)
            continue
        log = os.path.join(log_dir, t.name + ".log")
        timeout = max(1, int(round(t.timeout * args.timeout_scale)))
        guest = os.path.join(GUEST_DIR, (t.guest or t.name) + ".elf")
        if args.no_hv:
            cfg = QemuConfig(**NOHV_QEMU).replace(kernel=guest, **t.qemu)
        else:
            module = guest + (" " + t.module_args if t.module_args else "")
            cfg = QemuConfig(kernel=args.hv, initrd=module).replace(**t.qemu)
        if args.cpu:
            cfg = cfg.replace(cpu=args.cpu)
        if args.smp:
            cfg = cfg.replace(smp=args.smp)

        missing = [f for f in cfg.boot_files() if not os.path.isfile(f)]
        if missing:
            os.makedirs(log_dir, exist_ok=True)
            with open(log, "w", encoding="utf-8") as f:
                f.write("# not run: missing %s\n" % ", ".join(missing))
            print("FAIL: guest %s: %s not found (run make hv guests) "
                  "(see %s)" % (t.name, ", ".join(missing), log), flush=True)
            failed += 1
            continue

        run = run_qemu(cfg, timeout, log)
        why = judge(t, run, timeout)
        if why:
            failed += 1
            print("FAIL: guest %s: %s (see %s)" % (t.name, why, log),
                  flush=True)
            if args.verbose:
                for line in run.console.splitlines()[-20:]:
                    print("    | " + line)
        elif t.end == TIMEOUT:
            print("PASS: guest %s (%.1fs, killed after %ds as expected)" %
                  (t.name, run.elapsed, timeout), flush=True)
        else:
            print("PASS: guest %s (%.1fs)" % (t.name, run.elapsed),
                  flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
