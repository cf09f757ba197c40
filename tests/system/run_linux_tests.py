#!/usr/bin/env python3
"""System tests with Debian's stock Linux kernel as dom0 on Krypton.

Needs scripts/linux-fixture.sh (run first by the suite) for
build/linux/{vmlinuz,initrd.gz,...}. Each test boots QEMU under a timeout,
reads the serial console line by line as it arrives (each line stamped
with the host's monotonic clock) and judges what dom0's /init reports on
"KT:" lines. Prints "PASS: linux <name> (...)" or "FAIL: linux <name>: ...".
Python 3 standard library only.
"""

import argparse
import os
import re
import select
import subprocess
import sys
import time

LOG_DIR = "build/test-logs/linux"
HV_CMDLINE = "console=com1 com1=115200,8n1 loglvl=all dom0_mem=512M"
ALWAYS_FORBIDDEN = [r"Panic on CPU", r"Fatal exception in hypervisor",
                    r"crashed:", r"Kernel panic", r"kernel BUG at"]


def qemu_argv(kernel_module, test, smp=1, no_reboot=True, extra_args="",
              hv_extra=""):
    argv = ["qemu-system-x86_64", "-accel", "tcg", "-machine", "q35",
            "-cpu", "qemu64,+svm,+npt", "-m", "1G", "-smp", str(smp),
            "-display", "none", "-monitor", "none", "-serial", "stdio",
            "-kernel", "build/krypton", "-append", HV_CMDLINE + hv_extra,
            "-initrd", "%s console=hvc0 earlyprintk=xen krypton.test=%s%s,"
            "build/linux/initrd.gz" % (kernel_module, test, extra_args)]
    if no_reboot:
        argv.append("-no-reboot")
    return argv


class Boot:
    """A QEMU run whose console lines carry host timestamps."""

    def __init__(self, argv, timeout, log_path, stop=None, stop_count=1,
                 script=None):
        """script: [(regex, bytes)]: when a console line matches the
        next regex, its bytes are typed on the serial console."""
        self.lines = []  # (seconds since start, text)
        self.timed_out = False
        self.exit_status = None
        script = list(script or [])
        start = time.monotonic()
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE if script else
                                subprocess.DEVNULL,
                                stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT)
        buf = b""
        stop_re = re.compile(stop) if stop else None
        hits = 0
        try:
            while True:
                left = timeout - (time.monotonic() - start)
                if left <= 0:
                    self.timed_out = True
                    break
                r, _, _ = select.select([proc.stdout], [], [], min(left, 1))
                if not r:
                    if proc.poll() is not None:
                        break
                    continue
                chunk = os.read(proc.stdout.fileno(), 65536)
                if not chunk:
                    break
                buf += chunk
                while b"\n" in buf:
                    raw, buf = buf.split(b"\n", 1)
                    text = raw.decode("utf-8", "replace").rstrip("\r")
                    self.lines.append((time.monotonic() - start, text))
                    if stop_re and stop_re.search(text):
                        hits += 1
                    if script and re.search(script[0][0], text):
                        try:
                            proc.stdin.write(script.pop(0)[1])
                            proc.stdin.flush()
                        except OSError:
                            pass
                if stop_re and hits >= stop_count:
                    break
        finally:
            if proc.poll() is None:
                proc.kill()
            self.exit_status = proc.wait()
        if buf:
            self.lines.append((time.monotonic() - start,
                               buf.decode("utf-8", "replace")))
        self.elapsed = time.monotonic() - start
        os.makedirs(os.path.dirname(log_path), exist_ok=True)
        with open(log_path, "w") as f:
            f.write("# %s\n" % " ".join(argv))
            for t, l in self.lines:
                f.write("%8.3f %s\n" % (t, l))
            f.write("# exit %s after %.1fs%s\n" % (
                self.exit_status, self.elapsed,
                " (timed out)" if self.timed_out else ""))

    @property
    def text(self):
        return "\n".join(l for _, l in self.lines)

    def first(self, pattern):
        rx = re.compile(pattern)
        for t, l in self.lines:
            m = rx.search(l)
            if m:
                return t, m
        return None, None


def fail(why, b):
    return False, why, b


def ok(what, b):
    return True, what, b


def check_common(b, forbid=ALWAYS_FORBIDDEN):
    for pat in forbid:
        m = re.search(pat, b.text)
        if m:
            line = [l for _, l in b.lines if re.search(pat, l)][0]
            return "forbidden /%s/: %s" % (pat, line.strip())
    return None


def t_basic(log):
    """Userspace, /sys/hypervisor, sleep 5 in 5 s of wall time (within
    10%), the date advancing, and a clean power-off."""
    b = Boot(qemu_argv("build/linux/vmlinuz", "basic"), 240, log)
    why = check_common(b)
    if why:
        return fail(why, b)
    t_up, _ = b.first(r"KT: userspace up")
    if t_up is None:
        return fail("dom0 userspace not reached", b)
    _, m = b.first(r"KT: hypervisor type (\S+)")
    if not m or m.group(1) != "xen":
        return "/sys/hypervisor/type is not 'xen' (%s)" % (
            m.group(1) if m else "missing"), b
    _, m = b.first(r"KT: hypervisor version (\S+)")
    if not m or m.group(1) != "4.17":
        return fail("/sys/hypervisor/version is not 4.17", b)
    t0, _ = b.first(r"KT: sleep start")
    t1, _ = b.first(r"KT: sleep end")
    if t0 is None or t1 is None:
        return fail("sleep markers missing", b)
    if not 4.5 <= t1 - t0 <= 5.5:
        return fail("sleep 5 took %.2f s of wall time" % (t1 - t0), b)
    _, d1 = b.first(r"KT: date1 (\d+)")
    _, d2 = b.first(r"KT: date2 (\d+)")
    if not d1 or not d2 or int(d2.group(1)) - int(d1.group(1)) < 5:
        return fail("date did not advance by 5 s", b)
    if int(d1.group(1)) < 1600000000:
        return fail("wall clock not set (date %s)" % d1.group(1), b)
    if not re.search(r"All domains have shut down: powering off", b.text):
        return fail("no power-off after dom0's poweroff", b)
    if b.timed_out:
        return fail("QEMU did not exit after power-off", b)
    return ok("userspace at %.1fs, sleep 5 = %.2fs" % (t_up, t1 - t0), b)


def t_reboot(log):
    """`reboot` in dom0 restarts the machine, which boots Krypton again."""
    b = Boot(qemu_argv("build/linux/vmlinuz", "reboot", no_reboot=False),
             240, log, stop=r"Krypton \d+\.\d+: a Xen", stop_count=2)
    why = check_common(b)
    if why:
        return fail(why, b)
    if not re.search(r"d0: shutdown: reboot", b.text):
        return fail("dom0's reboot did not reach the hypervisor", b)
    if len(re.findall(r"Krypton \d+\.\d+: a Xen", b.text)) < 2:
        return fail("the machine did not boot again", b)
    return ok("rebooted", b)


def t_console(log):
    """Typing on the serial console reaches dom0's shell on hvc0; Ctrl-A
    three times switches to the hypervisor, whose 'q' key lists dom0, and
    back; poweroff from the shell ends the machine."""
    ctrl_a3 = b"\x01\x01\x01"
    script = [
        (r"KT: shell", b"echo typed-$((6*7))\n"),
        (r"^\(d0\) typed-42", ctrl_a3),
        (r"Serial input to Xen", b"q"),
        (r"General information for domain 0", ctrl_a3),
        (r"Serial input to DOM0 \(type", b"poweroff -f\n"),
    ]
    b = Boot(qemu_argv("build/linux/vmlinuz", "shell"), 240, log,
             script=script)
    why = check_common(b)
    if why:
        return fail(why, b)
    for pat, what in [(r"^\(d0\) typed-42", "dom0 did not run the typed command"),
                      (r"Serial input to Xen", "Ctrl-A x3 did not switch to the hypervisor"),
                      (r"VCPU0: CPU0", "'q' did not list dom0's vCPU"),
                      (r"All domains have shut down: powering off", "typed poweroff did not power off")]:
        if not re.search(pat, b.text, re.M):
            return fail(what, b)
    if b.timed_out:
        return fail("QEMU did not exit", b)
    return ok("shell, debug keys and poweroff through the serial console", b)


def smp_test(pcpus, vcpus):
    def t(log):
        b = Boot(qemu_argv("build/linux/vmlinuz", "smp", smp=pcpus,
                           hv_extra=" dom0_max_vcpus=%d" % vcpus),
                 300, log)
        why = check_common(b)
        if why:
            return fail(why, b)
        _, m = b.first(r"KT: nproc (\d+)")
        if not m:
            return fail("dom0 userspace not reached", b)
        if int(m.group(1)) != vcpus:
            return fail("nproc is %s, not %d" % (m.group(1), vcpus), b)
        t0, _ = b.first(r"KT: sleep start")
        t1, _ = b.first(r"KT: sleep end")
        if t0 is None or t1 is None:
            return fail("sleep markers missing", b)
        if not 4.5 <= t1 - t0 <= 5.5:
            return fail("sleep 5 with every vCPU loaded took %.2f s"
                        % (t1 - t0), b)
        busy = re.findall(r"KT: cpu(\d+) busy (\d+)", b.text)
        if len(busy) != vcpus:
            return fail("/proc/stat lists %d CPUs" % len(busy), b)
        # The load runs about 5 s: 500 ticks (USER_HZ) per vCPU at most.
        # Each vCPU must get at least 60% of its fair share of the CPUs
        # there really are (QEMU's vCPUs share this host's cores too), and
        # none more than 1.5 times another: a vCPU left waiting while a
        # CPU idles, or two sharing one CPU, fails this.
        cpus = min(pcpus, os.cpu_count() or 1)
        fair = 500 * min(1.0, cpus / vcpus)
        ticks = [int(t) for _, t in busy]
        short = [c for c, t in busy if int(t) < 0.6 * fair]
        if short:
            return fail("vCPU(s) %s got less than 60%% of a fair %d ticks "
                        "(%s)" % (",".join(short), fair, busy), b)
        if max(ticks) > 1.5 * min(ticks):
            return fail("unfair shares of the CPUs: %s" % (busy,), b)
        _, m1 = b.first(r"KT: task on cpu (\d+)")
        _, m2 = b.first(r"KT: task moved to cpu (\d+)")
        if not m1 or int(m1.group(1)) != vcpus - 1:
            return fail("taskset -c %d did not place the task" % (vcpus - 1),
                        b)
        if not m2 or int(m2.group(1)) != 0:
            return fail("taskset -p did not move the task to vCPU 0", b)
        if not re.search(r"All domains have shut down: powering off",
                         b.text) or b.timed_out:
            return fail("no clean power-off", b)
        return ok("%d vCPUs on %d CPUs: busy ticks %s, sleep 5 = %.2fs, "
                  "taskset works" % (vcpus, pcpus, "/".join(map(str, ticks)),
                                     t1 - t0), b)
    t.__doc__ = "dom0 with %d vCPUs on %d CPUs" % (vcpus, pcpus)
    return t


def loader_test(module, what):
    def t(log):
        b = Boot(qemu_argv(module, "poweroff"), 240, log)
        why = check_common(b)
        if why:
            return fail(why, b)
        t_up, _ = b.first(r"KT: userspace up")
        if t_up is None:
            return fail("dom0 userspace not reached with %s" % what, b)
        if b.timed_out:
            return fail("QEMU did not exit after power-off", b)
        return ok("%s: userspace at %.1fs" % (what, t_up), b)
    t.__doc__ = "dom0 boots from %s" % what
    return t


TESTS = {
    "basic": t_basic,
    "reboot": t_reboot,
    "console": t_console,
    "smp2_vcpus1": smp_test(2, 1),
    "smp2_vcpus2": smp_test(2, 2),
    "smp2_vcpus4": smp_test(2, 4),
    "smp4_vcpus4": smp_test(4, 4),
    "gzip_payload": loader_test("build/linux/vmlinuz.gzip",
                                "a gzip bzImage payload"),
    "zstd_payload": loader_test("build/linux/vmlinuz.zstd",
                                "a zstd bzImage payload"),
    "elf_vmlinux": loader_test("build/linux/vmlinux",
                               "an uncompressed ELF vmlinux"),
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    failed = 0
    for name, fn in TESTS.items():
        if args.names and not any(re.fullmatch(n, name) for n in args.names):
            continue
        log = os.path.join(LOG_DIR, name + ".log")
        try:
            ok, result, _ = fn(log)
        except OSError as e:
            ok, result = False, "could not run: %s" % e
        if ok:
            print("PASS: linux %s (%s)" % (name, result))
        else:
            failed += 1
            print("FAIL: linux %s: %s (see %s)" % (name, result, log))
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
