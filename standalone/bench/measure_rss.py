#!/usr/bin/env python3
"""Samples the resident memory of the policywatch JVM and of its embedded PostgreSQL (the postmaster
named in DATA_DIR/postgres/postmaster.pid and all its children) once a second until the file STOP
exists (or every INTERVAL seconds, default 1), and prints one CSV line per sample: seconds, jvm_rss_kb, pg_rss_kb, pg_pss_kb, pg_processes.

RSS of the PostgreSQL processes counts their shared buffers once per process (an upper bound);
PSS (from /proc/<pid>/smaps_rollup) shares it out, the fairer sum.

usage: measure_rss.py JVM_PID DATA_DIR STOP_FILE [INTERVAL]
"""
import os
import sys
import time


def status_kb(pid, field):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def pss_kb(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def postgres_pids(data_dir):
    try:
        with open(os.path.join(data_dir, "postgres", "postmaster.pid")) as f:
            master = int(f.readline().strip())
    except (OSError, ValueError):
        return []
    pids = [master]
    for entry in os.listdir("/proc"):
        if entry.isdigit() and status_kb(entry, "PPid") == master:
            pids.append(int(entry))
    return pids


def main():
    jvm, data_dir, stop = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    interval = float(sys.argv[4]) if len(sys.argv) > 4 else 1.0
    start = time.time()
    print("seconds,jvm_rss_kb,pg_rss_kb,pg_pss_kb,pg_processes", flush=True)
    while not os.path.exists(stop):
        pg = postgres_pids(data_dir)
        print(f"{time.time() - start:.0f},{status_kb(jvm, 'VmRSS')},{sum(status_kb(p, 'VmRSS') for p in pg)},"
              f"{sum(pss_kb(p) for p in pg)},{len(pg)}", flush=True)
        deadline = time.time() + interval
        while time.time() < deadline and not os.path.exists(stop):
            time.sleep(min(1.0, interval))


if __name__ == "__main__":
    main()
