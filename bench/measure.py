#!/usr/bin/env python3
"""Runs a command several times with its output to /dev/null and prints the medians of its wall time and CPU time
(user + system, children included) in seconds, and its largest peak RSS in KiB, as `WALL CPU RSS`. CPU time is
what a shared machine disturbs least; wall time is what a user waits.

    measure.py RUNS WARMUP COMMAND...
"""
import os
import statistics
import subprocess
import sys
import time


def once(cmd):
    with open(os.devnull, "wb") as null:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=null, stderr=null)
        _, _, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main(argv):
    runs, warmup, cmd = int(argv[0]), int(argv[1]), argv[2:]
    for _ in range(warmup):
        once(cmd)
    samples = [once(cmd) for _ in range(runs)]
    wall = statistics.median(s[0] for s in samples)
    cpu = statistics.median(s[1] for s in samples)
    rss = max(s[2] for s in samples)
    print(f"{wall:.6f} {cpu:.6f} {rss}")


if __name__ == "__main__":
    main(sys.argv[1:])
