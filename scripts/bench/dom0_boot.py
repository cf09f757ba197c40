#!/usr/bin/env python3
"""dom0 boot benchmark: Krypton against Debian's Xen 4.17 in the same QEMU.

Boots the same Linux kernel and initramfs as dom0 under each hypervisor
with identical QEMU settings and times QEMU's start to the initramfs
marker "KT: userspace up" (tests/system/timed_boot.py). Runs alternate
between the two systems in ABBA order (K X, X K, K X, ...) so that a drift
in the shared machine's load hits both alike. Writes a table and JSON:

    scripts/bench/dom0_boot.py [--runs N] [--timeout S] [--out-dir DIR]

Environment: BENCH_RUNS (default 5), BENCH_TIMEOUT (seconds per boot,
default 150), KRYPTON (build/krypton), XEN_ELF (build/cache/xen-4.17.elf).
Exits 0 when the results were written, whatever Krypton's status; 1 when
the Xen reference itself never reached userspace (a broken setup).

Python 3 standard library only.
"""

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from typing import Dict, List, Optional

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.dont_write_bytecode = True  # no __pycache__ in tests/system
sys.path.insert(0, os.path.join(ROOT, "tests", "system"))
import timed_boot  # noqa: E402

QEMU_COMMON = ["qemu-system-x86_64", "-accel", "tcg", "-machine", "q35",
               "-cpu", "qemu64,+svm,+npt", "-m", "1G", "-smp", "2",
               "-display", "none", "-monitor", "none", "-serial", "stdio",
               "-no-reboot"]
HV_APPEND = "console=com1 com1=115200,8n1 dom0_mem=512M"
MODULES = ("build/linux/vmlinuz console=hvc0 earlyprintk=xen "
           "krypton.test=poweroff,build/linux/initrd.gz")
UNTIL = r"KT: userspace up"
# Lines after which waiting on is pointless: hypervisor panics, Linux
# panics, a crashed dom0 (Xen: "Hardware Dom0 crashed", Krypton: "d0v0
# crashed: ...").
FAIL = (r"Panic on CPU|Kernel panic|Dom0 crashed|Dom0 halted|"
        r"d0v[0-9]+ crashed")

# Comparable points of both boots. "dom0" is the last line each
# hypervisor prints before dom0 runs its first instruction: Krypton's
# "*** Starting dom0" precedes its vCPU run loop; Xen 4.17 prints "***
# Serial input to DOM0" from console_endboot() just before it unpauses
# dom0 (its later "Freed NkB init memory" can already race with dom0 on
# the second CPU).
COMMON_MARKS = {
    "hv_console": r"^\(XEN\) ",             # first hypervisor line
    "cpus_up": r"\(XEN\) Brought up [0-9]+ CPUs",
    "linux_banner": r"Linux version [0-9]",  # dom0's first printk
}
SYSTEMS = {
    "krypton": {
        "name": "Krypton",
        "marks": dict(COMMON_MARKS, dom0_start=r"\*\*\* Starting dom0"),
    },
    "xen": {
        "name": "Xen 4.17 (Debian)",
        "marks": dict(COMMON_MARKS,
                      dom0_start=r"\*\*\* Serial input to DOM0"),
    },
}
MARK_ORDER = ["hv_console", "cpus_up", "dom0_start", "linux_banner"]
MARK_HELP = {
    "hv_console": "first hypervisor console line",
    "cpus_up": "'Brought up N CPUs'",
    "dom0_start": "last hypervisor line before dom0 runs",
    "linux_banner": "dom0 'Linux version' line",
    "userspace": "'KT: userspace up' (the benchmark)",
    "dom0_linux": "userspace - dom0_start (Linux boot as dom0)",
}


def sh(argv: List[str]) -> str:
    try:
        return subprocess.run(argv, cwd=ROOT, capture_output=True,
                              text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def host_info() -> Dict[str, object]:
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    rev = sh(["git", "rev-parse", "HEAD"])
    dirty_hv = sh(["git", "status", "--porcelain", "--", "hv"])
    qemu = sh(["qemu-system-x86_64", "--version"])
    return {
        "git_revision": rev,
        "git_describe": sh(["git", "describe", "--always", "--dirty"]),
        # build/krypton is built from the working tree, which may hold
        # other engineers' uncommitted hypervisor changes.
        "hv_uncommitted_files": len(dirty_hv.splitlines()),
        "qemu_version": qemu.splitlines()[0] if qemu else "",
        "host_cpu_model": cpu,
        "host_cpus": os.cpu_count(),
        "host_kernel": platform.release(),
    }


def loadavg() -> str:
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return ""


def summary(values: List[float]) -> Optional[Dict[str, float]]:
    if not values:
        return None
    return {"best": min(values), "median": statistics.median(values),
            "worst": max(values), "n": len(values)}


def ratio(a: Optional[dict], b: Optional[dict], key: str) -> Optional[float]:
    if not a or not b or not b[key]:
        return None
    return a[key] / b[key]


def run_one(sysname: str, image: str, i: int, timeout: float) -> dict:
    argv = QEMU_COMMON + ["-kernel", image, "-append", HV_APPEND,
                          "-initrd", MODULES]
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    log = os.path.join(timed_boot.DEFAULT_LOG_DIR,
                       "dom0-boot-%s-%d-%s.log" % (sysname, i, stamp))
    load = loadavg()
    r = timed_boot.timed_boot(argv, UNTIL, timeout, fail=FAIL,
                              marks=SYSTEMS[sysname]["marks"], log_path=log)
    run = {"run": i, "status": r.status, "time": r.time, "marks": r.marks,
           "reason": r.reason, "load_before": load,
           "log": os.path.relpath(log, ROOT)}
    if r.status == timed_boot.MATCH and "dom0_start" in r.marks:
        run["dom0_linux"] = r.time - r.marks["dom0_start"]
    shown = ("%.2fs" % r.time if r.time is not None
             else "%s (%s)" % (r.status, r.reason))
    print("  %-7s run %d: %s  [load %s]" % (sysname, i, shown, load),
          flush=True)
    return run


def system_result(runs: List[dict]) -> dict:
    ok = [r for r in runs if r["status"] == timed_boot.MATCH]
    res = {"runs": runs, "ok": len(ok), "failed": len(runs) - len(ok),
           "userspace": summary([r["time"] for r in ok]),
           "dom0_linux": summary([r["dom0_linux"] for r in ok
                                  if "dom0_linux" in r]),
           "marks": {}}
    for m in MARK_ORDER:
        res["marks"][m] = summary([r["marks"][m] for r in ok
                                   if m in r["marks"]])
    if not runs:
        res["status"] = "NOT RUN"
    elif len(ok) == len(runs):
        res["status"] = "OK"
    elif ok:
        res["status"] = "PARTIAL"
    else:
        statuses = {r["status"] for r in runs}
        res["status"] = ("TIMEOUT" if statuses == {timed_boot.TIMEOUT}
                         else "FAILED")
    failures = [r for r in runs if r["status"] != timed_boot.MATCH]
    if failures:
        # Distinct reasons, first seen first.
        reasons: List[str] = []
        for r in failures:
            why = "%s: %s" % (r["status"], r["reason"])
            if why not in reasons:
                reasons.append(why)
        res["failure_reasons"] = reasons
    return res


def fmt(v: Optional[float], spec: str = "%.2f") -> str:
    return spec % v if v is not None else "-"


def write_text(path: str, data: dict) -> None:
    k, x = data["systems"]["krypton"], data["systems"]["xen"]
    out = []
    out.append("Krypton vs Xen 4.17: dom0 boot to userspace under QEMU/TCG")
    out.append("=" * 62)
    out.append("date          %s" % data["date"])
    out.append("git revision  %s (%s; %d uncommitted file(s) under hv/ "
               "in the build)" % (data["host"]["git_revision"][:12],
                                  data["host"]["git_describe"],
                                  data["host"]["hv_uncommitted_files"]))
    out.append("QEMU          %s" % data["host"]["qemu_version"])
    out.append("host CPU      %s, %s CPUs, load %s before / %s after"
               % (data["host"]["host_cpu_model"], data["host"]["host_cpus"],
                  data["load_before"], data["load_after"]))
    out.append("xen image     %s" % data["xen_package"])
    out.append("dom0 kernel   %s" % data["kernel_package"])
    out.append("runs          %d per system, alternating (ABBA), "
               "timeout %gs per boot" % (data["runs"], data["timeout_s"]))
    out.append("QEMU          %s -kernel <hv> -append '%s' -initrd '%s'"
               % (" ".join(QEMU_COMMON), HV_APPEND, MODULES))
    out.append("")
    out.append("Seconds from QEMU start to 'KT: userspace up' "
               "(lower is better):")
    out.append("")
    out.append("  %-20s %-8s %5s %8s %8s %8s" %
               ("system", "status", "ok", "best", "median", "worst"))
    for key in ("krypton", "xen"):
        s = data["systems"][key]
        u = s["userspace"] or {}
        out.append("  %-20s %-8s %2d/%-2d %8s %8s %8s" %
                   (SYSTEMS[key]["name"], s["status"], s["ok"],
                    s["ok"] + s["failed"], fmt(u.get("best")),
                    fmt(u.get("median")), fmt(u.get("worst"))))
    out.append("")
    r = data["ratios"]
    out.append("  ratio Krypton/Xen, median: %s   best: %s   "
               "(< 1: Krypton faster)" % (fmt(r["userspace_median"], "%.3f"),
                                          fmt(r["userspace_best"], "%.3f")))
    out.append("")
    out.append("Milestones, median seconds from QEMU start "
               "(successful runs):")
    out.append("")
    out.append("  %-14s %9s %9s %8s  %s" %
               ("milestone", "Krypton", "Xen", "K/X", "meaning"))
    rows = MARK_ORDER + ["userspace", "dom0_linux"]
    for m in rows:
        if m in ("userspace", "dom0_linux"):
            km, xm = k[m], x[m]
        else:
            km, xm = k["marks"][m], x["marks"][m]
        kv = km["median"] if km else None
        xv = xm["median"] if xm else None
        rv = kv / xv if kv is not None and xv else None
        out.append("  %-14s %9s %9s %8s  %s" %
                   (m, fmt(kv), fmt(xv), fmt(rv, "%.3f"), MARK_HELP[m]))
    out.append("")
    out.append("  dom0_start: Krypton '*** Starting dom0', Xen '*** Serial "
               "input to DOM0'")
    out.append("  (both include loading and decompressing the dom0 bzImage).")
    out.append("")
    out.append("Per run (seconds to userspace, or status):")
    for key in ("krypton", "xen"):
        vals = []
        for run in data["systems"][key]["runs"]:
            vals.append("%.2f" % run["time"] if run["time"] is not None
                        else run["status"])
        out.append("  %-8s %s" % (key, "  ".join(vals)))
    for key in ("krypton", "xen"):
        for why in data["systems"][key].get("failure_reasons", []):
            out.append("  %s %s" % (key, why))
    out.append("")
    out.append("Console logs: build/bench-logs/dom0-boot-*.log (not kept "
               "in git).")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int,
                   default=int(os.environ.get("BENCH_RUNS", "5")))
    p.add_argument("--timeout", type=float,
                   default=float(os.environ.get("BENCH_TIMEOUT", "150")))
    p.add_argument("--out-dir", default=os.path.join(ROOT, "bench",
                                                     "results"))
    o = p.parse_args()
    if o.runs < 1:
        p.error("--runs must be at least 1")
    images = {
        "krypton": os.environ.get("KRYPTON", "build/krypton"),
        "xen": os.environ.get("XEN_ELF", "build/cache/xen-4.17.elf"),
    }
    os.chdir(ROOT)
    for f in list(images.values()) + ["build/linux/vmlinuz",
                                      "build/linux/initrd.gz"]:
        if not os.path.isfile(f):
            print("dom0-boot: missing %s" % f, file=sys.stderr)
            return 1

    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = loadavg()
    print("dom0-boot: %d run(s) per system, timeout %gs, load %s"
          % (o.runs, o.timeout, load_before), flush=True)
    runs: Dict[str, List[dict]] = {"krypton": [], "xen": []}
    for i in range(1, o.runs + 1):
        order = ["krypton", "xen"] if i % 2 else ["xen", "krypton"]
        for sysname in order:
            runs[sysname].append(run_one(sysname, images[sysname], i,
                                         o.timeout))

    k, x = system_result(runs["krypton"]), system_result(runs["xen"])
    data = {
        "benchmark": "dom0-boot",
        "date": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "host": host_info(),
        "load_before": load_before,
        "load_after": loadavg(),
        "runs": o.runs,
        "timeout_s": o.timeout,
        "metric": "seconds from QEMU start to the serial line "
                  "'KT: userspace up'",
        "qemu_argv": QEMU_COMMON + ["-kernel", "<hypervisor>", "-append",
                                    HV_APPEND, "-initrd", MODULES],
        "images": images,
        "xen_package": sh(["cat", "build/cache/xen-package"]) or "unknown",
        "kernel_package": sh(["cat", "build/linux/kernel-package"])
        or "unknown",
        "marks": {"krypton": SYSTEMS["krypton"]["marks"],
                  "xen": SYSTEMS["xen"]["marks"]},
        "systems": {"krypton": k, "xen": x},
        "ratios": {
            "userspace_median": ratio(k["userspace"], x["userspace"],
                                      "median"),
            "userspace_best": ratio(k["userspace"], x["userspace"], "best"),
            "dom0_start_median": ratio(k["marks"]["dom0_start"],
                                       x["marks"]["dom0_start"], "median"),
            "dom0_linux_median": ratio(k["dom0_linux"], x["dom0_linux"],
                                       "median"),
        },
    }
    os.makedirs(o.out_dir, exist_ok=True)
    jpath = os.path.join(o.out_dir, "dom0-boot.json")
    tpath = os.path.join(o.out_dir, "dom0-boot.txt")
    with open(jpath + ".tmp", "w") as f:
        json.dump(data, f, indent=2, sort_keys=True)
        f.write("\n")
    os.replace(jpath + ".tmp", jpath)
    write_text(tpath + ".tmp", data)
    os.replace(tpath + ".tmp", tpath)
    with open(tpath) as f:
        sys.stdout.write(f.read())
    return 0 if x["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
