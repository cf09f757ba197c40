#!/usr/bin/env python3
"""Boots Krypton in QEMU once per test guest and judges the serial console.

Each guest (tests/guests/<name>.c, built into build/guests/<name>.elf) is
passed to Krypton as its dom0 module. The table below says what the console
must show (regexes, matched in order, each on a later line than the
previous one), what it must not show, and whether QEMU must exit by itself
or be killed by the timeout. One line per test:

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
import dataclasses
import os
import re
import sys
from typing import Dict, List, Optional

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu import QemuConfig, run_qemu  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GUEST_DIR = "build/guests"
LOG_DIR = "build/test-logs/guests"
NOHV_LOG_DIR = "build/test-logs/guests-nohv"

# Never acceptable on any line of any run.
ALWAYS_FORBIDDEN = [
    r"FAIL",
    r"\(XEN\) Assertion",
    r"PANIC",
    r"Fatal exception in hypervisor",
]

EXIT = "exit"        # QEMU must stop by itself (poweroff, reset)
TIMEOUT = "timeout"  # QEMU must still be running when the timeout hits


@dataclasses.dataclass
class GuestTest:
    name: str
    expect: List[str]                 # regexes, in console order
    forbid: List[str] = dataclasses.field(default_factory=list)
    present: List[str] = dataclasses.field(default_factory=list)  # anywhere
    once: List[str] = dataclasses.field(default_factory=list)  # exactly 1 line
    end: str = EXIT
    timeout: int = 60                 # seconds
    exit_status: Optional[int] = 0    # QEMU's status for EXIT (None: any)
    qemu: Dict[str, object] = dataclasses.field(default_factory=dict)
    module_args: str = ""             # the guest module's command line
    guest: Optional[str] = None       # guest ELF name if not `name`, so
                                      # one guest can run in variants
    # Why this test cannot pass yet (a hypervisor feature still missing).
    # A pending test is reported as "SKIP: ..." and not run, unless it is
    # named on the command line or --all is given; remove the mark when the
    # feature lands.
    pending: Optional[str] = None
    # The guest fails on purpose (framework check): "FAIL" lines are
    # allowed; the other always-forbidden patterns still apply.
    fails_on_purpose: bool = False


def d0(text: str) -> str:
    """Regex for a line the guest printed through the hypervisor."""
    return r"\(d0\) " + text


POWEROFF_END = [
    d0(r"Test result: SUCCESS"),
    r"\(XEN\) d0: shutdown: poweroff",
    r"\(XEN\) All domains have shut down: powering off",
]
NOT_REBOOTING = [r"All domains have shut down: rebooting", r"crashed:"]
NOT_POWERING_OFF = [r"All domains have shut down: powering off"]
ONE_CRASH = [r"\(XEN\) d0v0 crashed: "]


def passing_guest(name: str, *checks: str, **kw) -> GuestTest:
    """A guest that reports PASS lines, SUCCESS, and powers off."""
    guest = kw.get("guest") or name
    return GuestTest(name,
                     [d0(r"Krypton guest test '%s'" % guest)] + list(checks) +
                     POWEROFF_END,
                     present=[d0(r"PASS: ")], forbid=NOT_REBOOTING, **kw)


def shutdown_guest(reason: str, end_regex: str, forbid: List[str]):
    return GuestTest(
        "shutdown_" + reason,
        [d0(r"calling SCHEDOP_shutdown\(%s\)" % reason),
         r"\(XEN\) d0: shutdown: %s\b" % reason, end_regex],
        forbid=forbid + [r"Test result"])


def unmapped_guest(name: str, verb: str, access: str = "") -> GuestTest:
    """The 'unmapped' guest; `access` is its command line (read, write,
    exec)."""
    return GuestTest(
        name,
        [d0(r"%s guest-physical 0xc0000000" % verb),
         r"\(XEN\) d0v0 crashed: .*unmapped guest-physical address "
         r"0x0*[cC]0000000\b",
         r"\(XEN\) All domains have shut down: rebooting"],
        forbid=NOT_POWERING_OFF + [r"Test result"], once=ONE_CRASH,
        guest="unmapped", module_args=access)


TESTS = [
    # The module's command line (after the file name) reaches the guest
    # through hvm_start_info.cmdline_paddr, as Xen does for dom0.
    passing_guest("hello", d0(r"Hello from a Krypton test guest"),
                  d0(r'cmdline: "hello-arg=1 two"'),
                  module_args="hello-arg=1 two"),
    # Variants: the same guests on other machines.
    passing_guest("hello_smp2", d0(r"Hello from a Krypton test guest"),
                  guest="hello", qemu=dict(smp=2)),
    passing_guest("cpuid_cpu_max", guest="cpuid",
                  qemu=dict(cpu="max", smp=2)),
    passing_guest("selftest"),
    passing_guest("cpuid"),
    passing_guest("xen_version",
                  d0(r'Xen command line: "%s"' % re.escape(
                      QemuConfig().cmdline))),
    passing_guest("xen_version_pagesize"),
    passing_guest("badptr",
                  d0(r"PASS: domain still running after bad pointer "
                     r"0xc0000000"),
                  d0(r"PASS: console_io write from 0x[0-9a-f]+ \(straddles "
                     r"the end of guest RAM\)")),
    passing_guest("entry_state"),
    passing_guest("acpi"),
    passing_guest("msr"),
    passing_guest("svm_insns"),
    passing_guest("lapic", d0(r"using the x2APIC MSR interface"),
                  d0(r"PASS: EOI cleared it from the ISR")),
    passing_guest("lapic_timer", d0(r"PASS: the count stopped at 0"),
                  guest="lapic", module_args="timer",
                  pending="the APIC timer does not run: TMCCT reads 0 and "
                          "a one-shot never fires"),
    passing_guest("lapic_xapic", d0(r"using the xAPIC MMIO interface"),
                  d0(r"PASS: EOI cleared it from the ISR"), guest="lapic",
                  module_args="xapic",
                  pending="the xAPIC MMIO page at 0xfee00000 is not "
                          "emulated: the first access crashes the domain"),
    passing_guest("cr_writes",
                  pending="CR4 writes are not intercepted and QEMU's TCG "
                          "lets a nested guest load reserved CR4 bits, so "
                          "VMRUN fails (exit 0xffffffff) and the domain is "
                          "crashed; Xen intercepts CR4 writes and injects "
                          "#GP"),
    dataclasses.replace(passing_guest("ioport"),
                        forbid=NOT_REBOOTING + [r"IOPORT-LEAK"]),
    # dom0_mem sets dom0's RAM (less the legacy hole below 1 MiB).
    passing_guest("start_info", d0(r"RAM: 3[0-2]\d{3} KiB$"),
                  d0(r"PASS: read and wrote every RAM page")),
    passing_guest("start_info_dom0_mem_64M", d0(r"RAM: 6[0-5]\d{3} KiB$"),
                  d0(r"PASS: read and wrote every RAM page"),
                  guest="start_info",
                  qemu=dict(cmdline="console=com1 com1=115200,8n1 "
                                    "loglvl=all dom0_mem=64M")),
    passing_guest("pagewalk", d0(r"pagewalk: split across two pages$"),
                  d0(r"pagewalk: read from a read-only page$"),
                  d0(r"pagewalk: through a 2 MiB page$")),
    passing_guest("sched_op"),
    passing_guest("memory_op"),
    passing_guest("hvm_param"),
    passing_guest("balloon",
                  pending="decrease_reservation leaves the frame usable "
                          "(console_io from it still works), counts a "
                          "never-populated frame as returned, and "
                          "populate_physmap then does not restore the "
                          "reservation"),
    passing_guest("host_memory",
                  pending="XENMEM_machine_memory_map and "
                          "XENMEM_maximum_ram_page describe dom0's memory, "
                          "not the host's"),
    passing_guest("grant_table"),
    passing_guest("vcpu_op"),
    passing_guest("runstate"),
    passing_guest("evtchn", d0(r"PASS: no stray events")),
    passing_guest("vcpu_info", d0(r"PASS: and delivered")),
    passing_guest("evtchn_ops"),
    passing_guest("evtchn_rebind"),
    passing_guest("sched_poll"),
    passing_guest("sched_block"),
    passing_guest("stress"),
    passing_guest("timer", d0(r"waiting for timers in sti; hlt"),
                  d0(r"PASS: a past deadline fires at once"), timeout=30),
    passing_guest("timer_smp4", d0(r"PASS: a past deadline fires at once"),
                  guest="timer", qemu=dict(smp=4), timeout=30),
    passing_guest("evtchn_smp4", d0(r"PASS: no stray events"),
                  guest="evtchn", qemu=dict(smp=4)),
    # The same with the vCPU running: Xen's timers fire from the host timer
    # interrupt, not only when the vCPU blocks.
    passing_guest("timer_busy", d0(r"waiting for timers busy"),
                  d0(r"PASS: a past deadline fires at once"), guest="timer",
                  module_args="busy", timeout=30,
                  pending="one-shot timers fire only while the vCPU is "
                          "halted: a running vCPU gets no VIRQ_TIMER, even "
                          "for a deadline already past"),
    passing_guest("user_hypercall",
                  d0(r"PASS: SCHEDOP_shutdown\(poweroff\) from CPL 3 = -1$")),
    passing_guest("console", d0(r"console line one$"),
                  d0(r"console line two$")),
    # Xen writes the hardware domain's console output through unchanged,
    # so a line written in pieces comes out as one line.
    passing_guest("console_partial_lines",
                  d0(r"console split across three calls$"), guest="console",
                  pending="a line written in several console_io calls comes "
                          "out as one (d0) line per call"),
    passing_guest("unknown_hypercall", d0(r"PASS: domain still running")),
    passing_guest("hypercall32",
                  d0(r"hello from 32-bit compatibility mode$")),
    passing_guest("hypercall_page",
                  d0(r"PASS: XENVER_version through the hypercall page")),
    shutdown_guest("poweroff",
                   r"\(XEN\) All domains have shut down: powering off",
                   NOT_REBOOTING),
    shutdown_guest("reboot", r"\(XEN\) All domains have shut down: rebooting",
                   NOT_POWERING_OFF + [r"crashed:"]),
    shutdown_guest("crash", r"\(XEN\) All domains have shut down: rebooting",
                   NOT_POWERING_OFF),
    # Xen 4.17 reboots the machine when the hardware domain shuts down for
    # any reason but poweroff (xen/common/shutdown.c hwdom_shutdown).
    shutdown_guest("watchdog",
                   r"\(XEN\) All domains have shut down: rebooting",
                   NOT_POWERING_OFF),
    shutdown_guest("suspend",
                   r"\(XEN\) All domains have shut down: rebooting",
                   NOT_POWERING_OFF),
    GuestTest("triple_fault",
              [d0(r"loading a zero-limit IDT"),
               r"\(XEN\) d0v0 crashed: .*triple fault",
               r"\(XEN\) All domains have shut down: rebooting"],
              forbid=NOT_POWERING_OFF + [r"Test result"], once=ONE_CRASH),
    unmapped_guest("unmapped", "reading"),
    unmapped_guest("unmapped_write", "writing", "write"),
    unmapped_guest("unmapped_exec", "executing at", "exec"),
    # HLT with IF=0 on the last vCPU: Xen takes the vCPU down and powers the
    # domain off (xen/arch/x86/hvm/hvm.c hvm_hlt, hvm_vcpu_down).
    GuestTest("hlt_cli",
              [d0(r"halting with interrupts off"),
               r"\(XEN\) d0: shutdown: poweroff",
               r"\(XEN\) All domains have shut down: powering off"],
              forbid=NOT_REBOOTING + [r"Test result"]),
    # The framework's own failure path: an unexpected exception is reported
    # and the guest crashes itself.
    GuestTest("fault_report",
              [d0(r"writing to unmapped 0x100000000000"),
               d0(r"FAIL: unexpected exception #PF \(vector 14\) error code "
                  r"0x2 at rip 0x[0-9a-f]+, cr2 0x100000000000"),
               d0(r"Test result: FAILURE"), r"\(XEN\) d0: shutdown: crash",
               r"\(XEN\) All domains have shut down: rebooting"],
              forbid=[r"still running after the fault"] + NOT_POWERING_OFF,
              fails_on_purpose=True),
    GuestTest("forever", [d0(r"spinning forever")],
              forbid=[r"d0: shutdown", r"crashed:", r"All domains have shut"],
              end=TIMEOUT, timeout=15),
    GuestTest("idle_forever", [d0(r"idling forever")],
              forbid=[r"d0: shutdown", r"crashed:", r"All domains have shut"],
              end=TIMEOUT, timeout=12),
]

# --no-hv: the framework under QEMU's PVH loader. isa-debug-exit makes a
# poweroff with SUCCESS exit QEMU with status 1 ((0 << 1) | 1).
NOHV_QEMU = dict(kernel=None, cmdline=None, console="debugcon",
                 extra=["-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"])
NOHV_END = [r"^Test result: SUCCESS", r"^no hypervisor: exiting QEMU \(poweroff\)"]
NOHV_TESTS = [
    GuestTest("hello", [r"^no hypervisor: printing to port 0xe9",
                        r"^Hello from a Krypton test guest", r"^PASS: "] +
              NOHV_END, exit_status=1, timeout=30),
    GuestTest("selftest", [r"^no hypervisor", r"^PASS: ud2 raises #UD",
                           r"^PASS: unmapped read raises #PF"] + NOHV_END,
              exit_status=1, timeout=30),
    GuestTest("entry_state", [r"^PASS: CR0 "] + NOHV_END, exit_status=1,
              timeout=30),
    # -no-reboot turns the guest's triple fault into a QEMU exit (status 0).
    GuestTest("triple_fault", [r"^loading a zero-limit IDT"],
              forbid=[r"Test result"], exit_status=0, timeout=30),
    GuestTest("fault_report",
              [r"^FAIL: unexpected exception #PF \(vector 14\) error code "
               r"0x2 at rip 0x[0-9a-f]+, cr2 0x100000000000",
               r"^Test result: FAILURE", r"^no hypervisor: exiting QEMU "
               r"\(crash\)"], forbid=[r"still running after the fault"],
              fails_on_purpose=True, exit_status=3, timeout=30),
    GuestTest("forever", [r"^spinning forever"], end=TIMEOUT, timeout=10),
]


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
