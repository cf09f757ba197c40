"""The guest tests: what each test guest's boot must show on the console.

One GuestTest per entry: console regexes expected in order, forbidden ones,
whether QEMU must exit by itself or be killed by the timeout, and how the
machine differs from the default QemuConfig. tests/system/run_guest_tests.py
runs them; see its docstring for the hypervisor's side of the contract.
"""

import dataclasses
import re
from typing import Dict, List, Optional

from qemu import QemuConfig

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


# dom0 with N vCPUs, for the SMP guests.
SMP_CMDLINE = ("console=com1 com1=115200,8n1 loglvl=all dom0_mem=32M "
               "dom0_max_vcpus=%d")

# Tests that wait in "sti; hlt; cli" (lib/x86.h safe_halt) need this.

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
                  guest="lapic", module_args="timer"),
    passing_guest("lapic_xapic", d0(r"using the xAPIC MMIO interface"),
                  d0(r"PASS: EOI cleared it from the ISR"), guest="lapic",
                  module_args="xapic"),
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
    passing_guest("pagewalk_remap", d0(r"remap: the first page$"),
                  d0(r"remap: the second page$"),
                  d0(r"remap: the first page$")),
    passing_guest("sched_op"),
    passing_guest("memory_op"),
    passing_guest("hvm_param"),
    passing_guest("settime"),
    passing_guest("balloon"),
    passing_guest("host_memory"),
    passing_guest("grant_table"),
    passing_guest("vcpu_op"),
    passing_guest("runstate"),
    passing_guest("evtchn", d0(r"PASS: no stray events")),
    passing_guest("vcpu_info", d0(r"PASS: and delivered")),
    passing_guest("evtchn_ops"),
    passing_guest("evtchn_rebind"),
    passing_guest("evtchn_many"),
    passing_guest("sched_poll"),
    passing_guest("sched_block"),
    # Idle loops wait in "sti; hlt" and disable interrupts right after.
    passing_guest("hlt_wake"),
    passing_guest("stress"),
    passing_guest("pvclock", timeout=30),
    passing_guest("timer", d0(r"waiting for timers in sti; hlt"),
                  d0(r"PASS: a past deadline fires at once"), timeout=30),
    passing_guest("timer_smp4", d0(r"PASS: a past deadline fires at once"),
                  guest="timer", qemu=dict(smp=4), timeout=30),
    passing_guest("evtchn_smp4", d0(r"PASS: no stray events"),
                  guest="evtchn", qemu=dict(smp=4)),
    # SMP (lib/smp.c): dom0_max_vcpus=N vCPUs, APs started with INIT/SIPI.
    passing_guest("smp_boot", d0(r"MADT: 2 CPUs$"),
                  d0(r"AP 1 up, x2APIC ID 2$"), d0(r"all 2 vCPUs up$"),
                  module_args="cpus=2",
                  qemu=dict(smp=2, cmdline=SMP_CMDLINE % 2)),
    passing_guest("smp_boot_smp4", d0(r"MADT: 4 CPUs$"),
                  d0(r"AP 1 up, x2APIC ID 2$"), d0(r"AP 2 up, x2APIC ID 4$"),
                  d0(r"AP 3 up, x2APIC ID 6$"), d0(r"all 4 vCPUs up$"),
                  guest="smp_boot", module_args="cpus=4",
                  qemu=dict(smp=4, cmdline=SMP_CMDLINE % 4)),
    # More vCPUs than physical CPUs: spinning vCPUs share them.
    passing_guest("smp_boot_4on2", d0(r"MADT: 4 CPUs$"),
                  d0(r"AP 3 up, x2APIC ID 6$"), d0(r"all 4 vCPUs up$"),
                  guest="smp_boot", module_args="cpus=4",
                  qemu=dict(smp=2, cmdline=SMP_CMDLINE % 4)),
    passing_guest("ipi", d0(r"PASS: all-excluding-self from the APs: "),
                  d0(r"PASS: IPIs to absent APIC IDs dropped: "),
                  qemu=dict(smp=2, cmdline=SMP_CMDLINE % 2)),
    passing_guest("ipi_smp4", d0(r"PASS: AP to AP: "),
                  d0(r"PASS: IPIs to absent APIC IDs dropped: "), guest="ipi",
                  qemu=dict(smp=4, cmdline=SMP_CMDLINE % 4)),
    passing_guest("ipi_4on2", d0(r"PASS: AP to AP: "),
                  d0(r"PASS: IPIs to absent APIC IDs dropped: "), guest="ipi",
                  qemu=dict(smp=2, cmdline=SMP_CMDLINE % 4)),
    passing_guest("upcall_vector", d0(r"PASS: event on port \d+ from AP 1 "),
                  d0(r"PASS: both events handled on vCPU 0 in two upcalls"),
                  d0(r"PASS: vCPU 1: \d+ upcalls, all on vector 0xe1"),
                  qemu=dict(smp=2, cmdline=SMP_CMDLINE % 2)),
    passing_guest("upcall_vector_smp4",
                  d0(r"PASS: event on port \d+ from another AP ran on vCPU 3"),
                  d0(r"PASS: vCPU 3: \d+ upcalls, all on vector 0xe3"),
                  guest="upcall_vector",
                  qemu=dict(smp=4, cmdline=SMP_CMDLINE % 4)),
    passing_guest("lapic_bad",
                  d0(r"PASS: cpu 0: a self-IPI still arrives and EOI retires")),
    passing_guest("lapic_bad_smp2",
                  d0(r"PASS: cpu 1: a self-IPI still arrives and EOI retires"),
                  d0(r"still running after the bad accesses$"),
                  guest="lapic_bad",
                  qemu=dict(smp=2, cmdline=SMP_CMDLINE % 2)),
    # The same with the vCPU running: Xen's timers fire from the host timer
    # interrupt, not only when the vCPU blocks.
    passing_guest("timer_busy", d0(r"waiting for timers busy"),
                  d0(r"PASS: a past deadline fires at once"), guest="timer",
                  module_args="busy", timeout=30),
    passing_guest("user_hypercall",
                  d0(r"PASS: SCHEDOP_shutdown\(poweroff\) from CPL 3 = -1$")),
    passing_guest("console", d0(r"console line one$"),
                  d0(r"console line two$")),
    # Xen writes the hardware domain's console output through unchanged,
    # so a line written in pieces comes out as one line.
    passing_guest("console_partial_lines",
                  d0(r"console split across three calls$"), guest="console"),
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
