#!/usr/bin/env python3
"""System tests of the hypervisor's own boot: loaders, CPUs, refusals.

Each test boots Krypton under QEMU (bounded by a timeout, through
tests/system/qemu.py) and judges the serial console. One line per test:
"PASS: boot <name> (<secs>s)" or "FAIL: boot <name>: <why> (see <log>)".
Python 3 standard library only.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Callable, List, Optional

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu import QemuConfig, run_qemu  # noqa: E402

LOG_DIR = "build/test-logs/boot"
ISO_DIR = "build/iso"
HELLO = "build/guests/hello.elf"
ALWAYS_FORBIDDEN = [r"\(XEN\) Assertion", r"Fatal exception in hypervisor",
                    r"Panic on CPU", r"\(d0\) FAIL"]


@dataclass
class BootTest:
    name: str
    config: Callable[[], QemuConfig]
    expect: List[str]
    forbid: List[str] = field(default_factory=lambda: list(ALWAYS_FORBIDDEN))
    timeout: float = 60
    expect_exit: bool = True  # QEMU must end by itself (power-off/reset)


def make_grub_iso() -> str:
    """An ISO made by grub-mkrescue: GRUB 2 loads krypton.gz with
    multiboot2 and the hello guest with module2, as users boot Xen."""
    root = os.path.join(ISO_DIR, "root")
    iso = os.path.join(ISO_DIR, "krypton-grub.iso")
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(os.path.join(root, "boot", "grub"))
    shutil.copy("build/krypton.gz", os.path.join(root, "boot", "krypton.gz"))
    shutil.copy(HELLO, os.path.join(root, "boot", "hello.elf"))
    with open(os.path.join(root, "boot", "grub", "grub.cfg"), "w") as f:
        f.write("serial --unit=0 --speed=115200\n"
                "terminal_input serial\nterminal_output serial\n"
                "set timeout=0\nset default=0\n"
                "menuentry 'Krypton' {\n"
                "  multiboot2 /boot/krypton.gz console=com1 "
                "com1=115200,8n1 loglvl=all dom0_mem=32M\n"
                "  module2 /boot/hello.elf from-grub\n"
                "}\n")
    subprocess.run(["grub-mkrescue", "-o", iso, root], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return iso


def base(**kw) -> QemuConfig:
    return QemuConfig(initrd=HELLO).replace(**kw)


TESTS = [
    BootTest("multiboot1_hello", lambda: base(),
             [r"Bootloader: qemu \(multiboot1\)",
              r"HVM: SVM with nested paging \(NPT\)",
              r"LAPIC timer: one-shot of 1000 us fired",
              r"\(d0\) Test result: SUCCESS",
              r"All domains have shut down: powering off"]),
    BootTest("smp4", lambda: base(smp=4),
             [r"Brought up 4 CPUs", r"IPI: 3 of 3 secondary CPUs answered",
              r"\(d0\) Test result: SUCCESS"]),
    BootTest("smp2_cpu_max", lambda: base(smp=2, cpu="max"),
             [r"Brought up 2 CPUs", r"\(d0\) Test result: SUCCESS"]),
    BootTest("grub2_multiboot2",
             lambda: QemuConfig(kernel=None, cmdline=None,
                                cdrom=make_grub_iso()),
             [r"Bootloader: GRUB 2[^\n]*\(multiboot2\)",
              r"Command line: console=com1 com1=115200,8n1 loglvl=all",
              r"\(d0\) cmdline: \"from-grub\"",
              r"\(d0\) Test result: SUCCESS",
              r"All domains have shut down: powering off"], timeout=120),
    BootTest("cmdline_forms",
             lambda: base(cmdline="console=com1 com1=115200,8n1,0x3f8,4 "
                          "loglvl=all dom0_mem=max:64M,32M no-bogus "
                          "frobnicate=3",
                          initrd=HELLO + " a b=c"),
             [r"cmdline: unknown option \"no-bogus\"",
              r"cmdline: unknown option \"frobnicate\"",
              r"dom0: 32 MiB RAM",
              r"\(d0\) cmdline: \"a b=c\"",
              r"\(d0\) Test result: SUCCESS"]),
    BootTest("dom0_args_after_dashes",
             lambda: base(cmdline="console=com1 loglvl=all dom0_mem=32M "
                          "-- quiet extra=1",
                          initrd=HELLO + " root=/dev/xvda1"),
             [r"\(d0\) cmdline: \"root=/dev/xvda1 quiet extra=1\"",
              r"\(d0\) Test result: SUCCESS"],
             forbid=ALWAYS_FORBIDDEN + [r"unknown option \"quiet\""]),
    BootTest("loglvl_warning_hides_info",
             lambda: base(cmdline="console=com1 loglvl=warning dom0_mem=32M"),
             [r"\(d0\) Test result: SUCCESS", r"powering off"],
             forbid=ALWAYS_FORBIDDEN + [r"ACPI: FACP"]),
    BootTest("hypervisor_fault_reported",
             lambda: base(cmdline="console=com1 loglvl=all dom0_mem=32M "
                          "krypton_selftest=fault"),
             [r"Fatal exception in hypervisor on CPU0: vector 6 \(#UD",
              r"RIP: 0008:[0-9a-f]{16}",
              r"Faulting at:\n\(XEN\)   \[<[0-9a-f]{16}>\] start_krypton\+0x",
              r"Backtrace:\n\(XEN\)   \[<[0-9a-f]{16}>\] start64\+0x",
              r"Panic on CPU 0", r"Reboot in five seconds"],
             forbid=[r"\(d0\)"]),
    BootTest("refuse_without_svm", lambda: base(cpu="qemu64,-svm"),
             [r"Krypton needs hardware virtualization: CPU has no AMD SVM",
              r"Panic on CPU 0"], forbid=[r"\(d0\)"]),
    BootTest("refuse_without_npt", lambda: base(cpu="qemu64,+svm,-npt"),
             [r"SVM without nested paging \(NPT\) is not supported",
              r"Panic on CPU 0"], forbid=[r"\(d0\)"]),
    BootTest("refuse_without_dom0", lambda: base(initrd=None),
             [r"No dom0 kernel: give it as the first boot module",
              r"Panic on CPU 0"], forbid=[r"\(d0\)"]),
    BootTest("refuse_kernel_without_pvh_note",
             lambda: base(initrd="build/krypton"),
             [r"dom0 kernel has no PVH entry point",
              r"Panic on CPU 0"], forbid=[r"\(d0\)"]),
]


def judge(t: BootTest, run) -> Optional[str]:
    for pat in t.expect:
        if not re.search(pat, run.console):
            lines = [l for l in run.console.splitlines() if l.strip()]
            last = lines[-1] if lines else "(no output)"
            return "missing /%s/ (last line: %s)" % (pat, last)
    for pat in t.forbid:
        m = re.search(pat, run.console)
        if m:
            return "forbidden /%s/ seen: %s" % (pat, m.group(0))
    if t.expect_exit and run.timed_out:
        return "QEMU did not exit by itself within %ss" % t.timeout
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help="regexes of tests to run")
    args = ap.parse_args()
    failed = 0
    for t in TESTS:
        if args.names and not any(re.fullmatch(n, t.name) for n in args.names):
            continue
        log = os.path.join(LOG_DIR, t.name + ".log")
        try:
            cfg = t.config()
        except (OSError, subprocess.CalledProcessError) as e:
            print("FAIL: boot %s: setup failed: %s" % (t.name, e))
            failed += 1
            continue
        run = run_qemu(cfg, t.timeout, log)
        why = judge(t, run)
        if why:
            failed += 1
            print("FAIL: boot %s: %s (see %s)" % (t.name, why, log))
        else:
            print("PASS: boot %s (%.1fs)" % (t.name, run.elapsed))
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
