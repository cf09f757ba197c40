#!/usr/bin/env python3
"""Checks run_guest_tests.judge() against made-up consoles written to the
hypervisor contract, so a change to the table is caught without booting
anything:  python3 tests/system/test_run_guest_tests.py
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_guest_tests as rgt  # noqa: E402
from qemu import QemuRun  # noqa: E402

TESTS = {t.name: t for t in rgt.TESTS}
BOOT = ["(XEN) Krypton hypervisor", "(XEN) Loading dom0"]
OFF = ["(d0) Test result: SUCCESS", "(XEN) d0: shutdown: poweroff",
       "(XEN) All domains have shut down: powering off"]
REBOOT = ["(XEN) All domains have shut down: rebooting"]


def run(lines, status=0, timed_out=False):
    return QemuRun(124 if timed_out else status,
                   "\n".join(BOOT + lines) + "\n", 1.0, timed_out)


def header(name):
    return "(d0) Krypton guest test '%s': something" % name


class Good(unittest.TestCase):
    def ok(self, name, lines, **kw):
        self.assertIsNone(rgt.judge(TESTS[name], run(lines, **kw), 60))

    def test_passing_guests(self):
        self.ok("hello", [header("hello"), "(d0) Hello from a Krypton test "
                "guest (x)", '(d0) cmdline: "hello-arg=1 two"',
                "(d0) PASS: 64-bit"] + OFF)
        self.ok("badptr", [header("badptr"), "(d0) PASS: a", "(d0) PASS: "
                "domain still running after bad pointer 0xc0000000",
                "(d0) PASS: console_io write from 0x1fffffe (straddles the "
                "end of guest RAM) = -14"] + OFF)
        self.ok("xen_version", [header("xen_version"), "(d0) PASS: a",
                '(d0) Xen command line: "console=com1 com1=115200,8n1 '
                'loglvl=all dom0_mem=32M"'] + OFF)
        self.ok("cpuid", [header("cpuid"), "(d0) PASS: a"] + OFF)

    def test_shutdowns(self):
        for reason, end in (("poweroff", OFF[-1:]), ("reboot", REBOOT),
                            ("crash", REBOOT), ("watchdog", REBOOT),
                            ("suspend", REBOOT)):
            self.ok("shutdown_" + reason,
                    ["(d0) calling SCHEDOP_shutdown(%s)" % reason,
                     "(XEN) d0: shutdown: %s" % reason] + end)

    def test_crashes(self):
        self.ok("triple_fault", ["(d0) loading a zero-limit IDT and raising "
                                 "#UD", "(XEN) d0v0 crashed: triple fault "
                                 "at rip 0x100123"] + REBOOT)
        self.ok("unmapped", ["(d0) reading guest-physical 0xc0000000",
                             "(XEN) d0v0 crashed: unmapped guest-physical "
                             "address 0xc0000000 (read)"] + REBOOT)

    def test_fault_report(self):
        self.ok("fault_report", ["(d0) writing to unmapped 0x100000000000",
                                 "(d0) FAIL: unexpected exception #PF (vector "
                                 "14) error code 0x2 at rip 0x100123, cr2 "
                                 "0x100000000000, rsp 0x1", "(d0) Test result: "
                                 "FAILURE", "(XEN) d0: shutdown: crash"] +
                REBOOT)

    def test_forever(self):
        self.ok("forever", ["(d0) spinning forever"], timed_out=True)


class Bad(unittest.TestCase):
    def bad(self, name, lines, want, **kw):
        why = rgt.judge(TESTS[name], run(lines, **kw), 60)
        self.assertIsNotNone(why)
        self.assertIn(want, why)

    def test_fail_line(self):
        self.bad("hello_smp2", [header("hello"), "(d0) Hello from a Krypton "
                 "test guest", "(d0) PASS: a", "(d0) FAIL: b"] + OFF,
                 "forbidden")

    def test_fault_report_other_fail(self):
        self.bad("fault_report", ["(d0) FAIL: unexpected exception #PF "
                 "(vector 14) error code 0x2 at rip 0x1, cr2 0x100000000000",
                 "(XEN) PANIC: oops"], "forbidden")

    def test_hypervisor_panic(self):
        self.bad("hello", [header("hello"), "(XEN) PANIC on CPU 0"],
                 "forbidden")

    def test_no_pass_line(self):
        self.bad("cpuid", [header("cpuid")] + OFF, "PASS")

    def test_order(self):
        self.bad("hello", [header("hello"), "(d0) PASS: a"] + OFF[1:] +
                 ["(d0) Test result: SUCCESS"], "not found")

    def test_timeout_when_exit_expected(self):
        self.bad("hello", [header("hello")], "timed out", timed_out=True)

    def test_exit_when_timeout_expected(self):
        self.bad("forever", ["(d0) spinning forever"], "expected to be killed")

    def test_wrong_end(self):
        self.bad("shutdown_poweroff", ["(d0) calling SCHEDOP_shutdown("
                 "poweroff)", "(XEN) d0: shutdown: poweroff"] + REBOOT,
                 "forbidden")
        self.bad("shutdown_reboot", ["(d0) calling SCHEDOP_shutdown(reboot)",
                 "(XEN) d0: shutdown: poweroff"] + REBOOT, "not found")

    def test_two_crash_lines(self):
        self.bad("triple_fault", ["(d0) loading a zero-limit IDT",
                 "(XEN) d0v0 crashed: triple fault",
                 "(XEN) d0v0 crashed: triple fault"] + REBOOT, "found 2")

    def test_qemu_status(self):
        self.bad("hello_smp2", [header("hello"), "(d0) Hello from a Krypton "
                 "test guest", "(d0) PASS: a"] + OFF, "status 1", status=1)


if __name__ == "__main__":
    unittest.main()
