#!/usr/bin/env python3
"""Execs per CPU second of the Jazzer children of one `ringtool fuzz` run, after their start.

    fuzz/rate.py FINDINGS_DIR TARGET -- COMMAND...

runs COMMAND (a `ringtool fuzz --target TARGET --findings FINDINGS_DIR ...`), reads the CPU time (user + system) of
each process below it every 0.25 s from /proc and follows libFuzzer's '#N' lines in FINDINGS_DIR/TARGET/fuzz*.log.
For each job it prints when libFuzzer was INITED (the JVM's start, Jazzer's agent and instrumentation and the seed
corpus are behind it), the execs from INITED to DONE, their rate per wall second and per CPU second of that job's
JVM (JIT and GC threads included), the same over the last 30 s, and the JVM's whole CPU time. On a machine shared
with other work the per-CPU rates are the ones to compare.
"""
import glob
import os
import re
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")
STATUS = re.compile(r"^#(\d+)\s+(\w+)")


def processes():
    table = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    s = f.read()
                v = s[s.rfind(")") + 2:].split()
                table[int(d)] = (int(v[1]), (int(v[11]) + int(v[12])) / TICK)
            except OSError:
                pass
    return table


def main(argv):
    findings, target, cmd = argv[0], argv[1], argv[argv.index("--") + 1:]
    pattern = os.path.join(findings, target, "fuzz*.log")
    for f in glob.glob(pattern):
        os.remove(f)
    t0 = time.time()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    logs = {}  # path -> [file, [(t, execs, kind)], partial line]
    cpu = []  # (t, {pid: cpu seconds}) of every process below the command

    def sample():
        now = time.time() - t0
        table = processes()
        below, todo = {}, [child.pid]
        while todo:
            parent = todo.pop()
            for pid, (ppid, c) in table.items():
                if ppid == parent and pid not in below:
                    below[pid] = c
                    todo.append(pid)
        cpu.append((now, below))
        for path in glob.glob(pattern):
            entry = logs.setdefault(path, [open(path), [], ""])
            lines = (entry[2] + entry[0].read()).split("\n")
            entry[2] = lines.pop()
            for line in lines:
                m = STATUS.match(line)
                if m:
                    entry[1].append((now, int(m.group(1)), m.group(2)))

    while child.poll() is None:
        sample()
        time.sleep(0.25)
    sample()

    def cpu_at(pid, when):
        return max([c[pid] for t, c in cpu if t <= when and pid in c] or [0.0])

    def cpu_total(pid):
        return max([c[pid] for _, c in cpu if pid in c] or [0.0])

    # The fuzzing JVMs are the processes that used the most CPU; the launcher JVM waits.
    jvms = sorted({pid for _, c in cpu for pid in c}, key=cpu_total, reverse=True)
    total_execs = total_cpu = 0
    for (path, (_, events, _)), pid in zip(sorted(logs.items()), jvms):
        inited = next((e for e in events if e[2] == "INITED"), None)
        done = next((e for e in events if e[2] == "DONE"), events[-1] if events else None)
        if inited is None or done is None:
            print(f"{os.path.basename(path)}: no INITED or DONE line")
            continue
        execs, wall = done[1] - inited[1], done[0] - inited[0]
        used = cpu_at(pid, done[0]) - cpu_at(pid, inited[0])
        total_execs += execs
        total_cpu += used
        print(f"{os.path.basename(path)}: INITED at {inited[0]:.1f} s; {execs} execs in {wall:.1f} s = "
              f"{execs / wall:.0f} exec/s, {used:.1f} CPU s = {execs / max(used, 0.01):.0f} per CPU s; "
              f"JVM CPU in all {cpu_total(pid):.1f} s")
        earlier = [e for e in events if e[0] <= done[0] - 30]
        if earlier:
            a = earlier[-1]
            late = cpu_at(pid, done[0]) - cpu_at(pid, a[0])
            print(f"  last {done[0] - a[0]:.0f} s: {(done[1] - a[1]) / (done[0] - a[0]):.0f} exec/s, "
                  f"{(done[1] - a[1]) / max(late, 0.01):.0f} per CPU s")
    with open("/proc/loadavg") as f:
        load = f.read().split()[0]
    print(f"all jobs: {total_execs} execs, {total_cpu:.1f} CPU s = {total_execs / max(total_cpu, 0.01):.0f} per CPU s;"
          f" load average {load}")
    return child.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
