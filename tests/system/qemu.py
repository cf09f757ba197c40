"""Boot a machine in QEMU under a hard timeout and capture its console.

The machine is described by a QemuConfig (data, so a test can vary the CPU
model, vCPU count, hypervisor command line, or boot an ISO instead of
-kernel), and run_qemu() runs it through coreutils' timeout(1):

    run = run_qemu(QemuConfig(initrd="build/guests/hello.elf"), 60,
                   "build/test-logs/guests/hello.log")
    status, console, elapsed, timed_out = run

Python 3 standard library only.
"""

import dataclasses
import os
import shlex
import subprocess
import time
from typing import List, NamedTuple, Optional

# Exit statuses of timeout(1) when it had to stop the command: 124 after
# SIGTERM, 128 + 9 when the command ignored that and got SIGKILL (-k).
TIMEOUT_STATUSES = (124, 137)
KILL_AFTER = 5


@dataclasses.dataclass
class QemuConfig:
    """One QEMU invocation. None or empty fields are left out of argv."""

    binary: str = "qemu-system-x86_64"
    accel: str = "tcg"
    machine: str = "q35"
    cpu: str = "qemu64,+svm,+npt"
    memory: str = "256"
    smp: int = 1
    # Direct boot: a multiboot image with its command line and modules
    # ("-initrd 'mod1 args,mod2'").
    kernel: Optional[str] = "build/krypton"
    cmdline: Optional[str] = "console=com1 com1=115200,8n1 loglvl=all dom0_mem=32M"
    initrd: Optional[str] = None
    # ISO boot instead of -kernel (e.g. a grub-mkrescue image).
    cdrom: Optional[str] = None
    # Where the console is read: "serial" (COM1) or "debugcon" (port 0xE9).
    console: str = "serial"
    no_reboot: bool = True
    extra: List[str] = dataclasses.field(default_factory=list)

    def replace(self, **changes) -> "QemuConfig":
        return dataclasses.replace(self, **changes)

    def argv(self) -> List[str]:
        a = [self.binary, "-accel", self.accel, "-machine", self.machine,
             "-cpu", self.cpu, "-m", str(self.memory), "-smp", str(self.smp),
             "-display", "none", "-monitor", "none"]
        if self.console == "serial":
            a += ["-serial", "stdio"]
        elif self.console == "debugcon":
            a += ["-serial", "none", "-debugcon", "stdio"]
        else:
            raise ValueError("unknown console %r" % self.console)
        if self.no_reboot:
            a.append("-no-reboot")
        if self.cdrom:
            a += ["-cdrom", self.cdrom, "-boot", "d"]
        elif self.kernel:
            a += ["-kernel", self.kernel]
            if self.cmdline:
                a += ["-append", self.cmdline]
            if self.initrd:
                a += ["-initrd", self.initrd]
        return a + list(self.extra)

    def boot_files(self) -> List[str]:
        """Files the boot needs (module arguments stripped)."""
        if self.cdrom:
            return [self.cdrom]
        files = [self.kernel] if self.kernel else []
        if self.kernel and self.initrd:
            files += [m.split(" ", 1)[0] for m in self.initrd.split(",")]
        return files


class QemuRun(NamedTuple):
    status: int        # QEMU's exit status (timeout(1)'s when it was killed)
    console: str       # everything QEMU printed, '\r' removed
    elapsed: float     # seconds
    timed_out: bool    # stopped by the timeout rather than exiting itself


def run_qemu(config: QemuConfig, timeout: float, log_path: str) -> QemuRun:
    """Runs config for at most `timeout` seconds, writes a log, returns a
    QemuRun (status, console text, elapsed seconds, timed_out)."""
    argv = ["timeout", "-k", str(KILL_AFTER), str(timeout)] + config.argv()
    start = time.monotonic()
    try:
        proc = subprocess.run(argv, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT,
                              timeout=timeout + KILL_AFTER + 30)
        status, out = proc.returncode, proc.stdout
    except subprocess.TimeoutExpired as e:
        # timeout(1) itself hung: should not happen, but never wait forever.
        status, out = TIMEOUT_STATUSES[-1], e.stdout or b""
    elapsed = time.monotonic() - start
    timed_out = status in TIMEOUT_STATUSES
    console = out.decode("utf-8", errors="replace").replace("\r", "")

    os.makedirs(os.path.dirname(log_path) or ".", exist_ok=True)
    with open(log_path, "w", encoding="utf-8") as log:
        log.write("# %s\n" % " ".join(shlex.quote(a) for a in argv))
        log.write(console)
        if console and not console.endswith("\n"):
            log.write("\n")
        log.write("# exit status %d after %.1fs%s\n" %
                  (status, elapsed,
                   ", killed by the %ss timeout" % timeout if timed_out
                   else ""))
    return QemuRun(status, console, elapsed, timed_out)
