#!/usr/bin/env python3
"""The tally of a soak run (soak.sh): reads the files in WORK and prints

- the expected changes (from schedule.json: page n is at version floor((stop - t0 - n*period/40) / period)
  at the end; each version j >= 1 added the article marked PWCHG-<n>-<j>) against the alerts that
  named them: the webhook posts (alerts.jsonl) and the console alerts (stdout.log), each change
  counted once per post / alert block. Missing, duplicated and unexpected markers are listed;
- the RSS samples (rss.csv): first 5 minutes vs last 5 minutes, and the trend over the second half (growing: a fitted increase of more than
  5 % of the mean and more than 16 MB);
- the statuses of the hostile sources and of the normal ones (sources.json), hits on the internal
  service (internal.log), fatal errors in the logs, and the crawler and notifier counters.

Exit status 0 when every check held: process alive, every expected change alerted exactly once on
the webhook and on the console, no unexpected alert, RSS flat, internal service never reached.

usage: soak_report.py WORK STATUS
"""
import collections
import csv
import json
import os
import re
import sys

MARK = re.compile(r"PWCHG-(\d+)-(\d+)")


def load(path, default):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return default


def tally(name, blocks, expected):
    counts = collections.Counter()
    merged = 0
    for text in blocks:
        marks = {(int(n), int(j)) for n, j in MARK.findall(text)}
        if len({n for n, _ in marks}) < len(marks):
            merged += 1
        counts.update(marks)
    missing = sorted(expected - set(counts))
    dup = sorted((k, c) for k, c in counts.items() if c > 1)
    unexpected = sorted(set(counts) - expected)
    once = sum(1 for k in expected if counts.get(k) == 1)
    print(f"{name}: {len(blocks)} alerts; {once} of {len(expected)} expected changes alerted exactly once; "
          f"missing {len(missing)}, duplicated {len(dup)}, unexpected {len(unexpected)}"
          + (f"; {merged} alert(s) covered more than one version of a page" if merged else ""))
    if missing:
        print(f"  missing: {' '.join(f'PWCHG-{n}-{j}' for n, j in missing)}")
    if dup:
        print(f"  duplicated: {' '.join(f'PWCHG-{n}-{j}×{c}' for (n, j), c in dup)}")
    if unexpected:
        print(f"  unexpected: {' '.join(f'PWCHG-{n}-{j}' for n, j in unexpected)}")
    return not missing and not dup and not unexpected


def main():
    work, status = sys.argv[1], sys.argv[2]
    ok = status == "alive"
    schedule = json.loads(load(os.path.join(work, "schedule.json"), "{}") or "{}")
    period, t0, stop = schedule["period"], schedule["t0"], schedule["stop"]
    final = {n: max(0, int((stop - t0 - n * period / 40) // period)) for n in range(40)}
    expected = {(n, j) for n in range(40) for j in range(1, final[n] + 1)}
    served = collections.defaultdict(set)
    for line in load(os.path.join(work, "served.log"), "").splitlines():
        _, n, v = line.split()
        served[int(n)].add(int(v))
    fetches = sum(1 for _ in load(os.path.join(work, "served.log"), "").splitlines())
    never_seen = sorted((n, v) for n in range(40) for v in range(final[n] + 1) if v not in served[n])
    print(f"schedule: a change every {period} s per page (staggered), changes stopped {stop - t0} s after start; "
          f"{len(expected)} changes expected over 40 pages; {fetches} fetches of normal pages")
    if never_seen:
        print(f"  versions the crawler never fetched (changes it saw merged): "
              f"{' '.join(f'{n}v{v}' for n, v in never_seen)}")

    posts = [json.loads(line)["body"] for line in load(os.path.join(work, "alerts.jsonl"), "").splitlines() if line]
    ok &= tally("webhook (Slack channel)", posts, expected)
    blocks, current = [], None
    for line in load(os.path.join(work, "stdout.log"), "").splitlines():
        if line.startswith("== policywatch alert"):
            current = [line]
            blocks.append(current)
        elif current is not None and line.startswith("   "):
            current.append(line)
        else:
            current = None
    ok &= tally("console channel", ["\n".join(b) for b in blocks], expected)

    rows = [{k: int(v) for k, v in r.items()} for r in csv.DictReader(open(os.path.join(work, "rss.csv")))]
    rows = [r for r in rows if r["jvm_rss_kb"] > 0]
    if rows:
        end = rows[-1]["seconds"]
        first = [r for r in rows if r["seconds"] <= 300]
        last = [r for r in rows if r["seconds"] >= end - 300]
        mb = lambda rs, k: sum(r[k] for r in rs) / len(rs) / 1024
        peak = max(rows, key=lambda r: r["jvm_rss_kb"])
        print(f"RSS ({len(rows)} samples over {end} s): JVM first 5 min {mb(first, 'jvm_rss_kb'):.0f} MB, "
              f"last 5 min {mb(last, 'jvm_rss_kb'):.0f} MB, peak {peak['jvm_rss_kb'] / 1024:.0f} MB at {peak['seconds']} s; "
              f"PostgreSQL RSS {mb(first, 'pg_rss_kb'):.0f} → {mb(last, 'pg_rss_kb'):.0f} MB, "
              f"PSS {mb(first, 'pg_pss_kb'):.0f} → {mb(last, 'pg_pss_kb'):.0f} MB")
        half = [r for r in rows if r["seconds"] >= end / 2]
        if len(half) >= 3:
            xs = [r["seconds"] / 60 for r in half]
            for key, label in (("jvm_rss_kb", "JVM"), ("pg_pss_kb", "PostgreSQL PSS")):
                ys = [r[key] / 1024 for r in half]
                mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
                slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / max(1e-9, sum((x - mx) ** 2 for x in xs))
                grows = slope * (xs[-1] - xs[0]) > max(0.05 * my, 16)  # more than 5 % and 16 MB
                print(f"  {label} trend over the second half: {slope:+.2f} MB/min "
                      f"({'GROWING' if grows else 'flat'}: {slope * (xs[-1] - xs[0]):+.0f} MB over {xs[-1] - xs[0]:.0f} min)")
                ok &= not grows
    else:
        print("RSS: no samples")
        ok = False

    sources = json.loads(load(os.path.join(work, "sources.json"), "[]") or "[]")
    if isinstance(sources, dict):
        sources = sources.get("items", [])
    normal = collections.Counter(s.get("lastOutcome") for s in sources if s["id"].startswith("normal-"))
    print(f"normal sources' last outcomes: {dict(normal)}")
    print("hostile sources:")
    for s in sorted((s for s in sources if s["id"].startswith("hostile-")), key=lambda s: s["id"]):
        err = (s.get("lastError") or "").replace("\n", " ")[:140]
        print(f"  {s['id']:<26} {str(s.get('lastOutcome')):<14} HTTP {str(s.get('lastStatus')):<5} "
              f"documents {s.get('documents')} broken {s.get('broken')}  {err}")
        if s.get("documents"):
            ok = False
    hits = load(os.path.join(work, "internal.log"), "").splitlines()
    print(f"internal service reached: {len(hits)} time(s)")
    ok &= not hits
    logs = load(os.path.join(work, "stderr.log"), "") + load(os.path.join(work, "stdout.log"), "")
    errors = [line for line in logs.splitlines() if " ERROR " in line]
    print(f"log: {logs.count('OutOfMemoryError')} OutOfMemoryError, {len(errors)} ERROR lines")
    for e in collections.Counter(re.sub(r"^\S+ \S+ ", "", e)[:160] for e in errors).most_common(5):
        print(f"  {e[1]}× {e[0]}")
    ok &= "OutOfMemoryError" not in logs
    for line in load(os.path.join(work, "prometheus.txt"), "").splitlines():
        if line.startswith(("policywatch_crawler_fetches_total", "policywatch_notifier_deliveries_total")):
            print(f"  {line}")
    sub = load(os.path.join(work, "subscription-end.json"), "")
    if sub:
        s = json.loads(sub)
        print(f"webhook subscription at the end: status {s.get('status')}, deliveries {s.get('deliveries')}")
    print("SOAK: every check held" if ok else "SOAK: SOME CHECK FAILED (see above)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
