#!/usr/bin/env bash
# Memory benchmark of the standalone (not a test): 1,000 sources on a local fixture site, -Xmx512m.
# Starts the fixture site and policywatch.jar on a fresh data directory, waits until every source has
# been fetched at least once (GET /api/sources), then keeps sampling for STEADY_SECONDS, and prints the
# resident memory of the JVM plus its embedded PostgreSQL processes: peak and steady (mean of the last
# STEADY_SECONDS). Samples go to $WORK/rss.csv.
#
# usage (from the repository root, after building the jar):
#   ./mvnw -B -q install -DskipTests -pl standalone -am
#   standalone/bench/memory.sh [SOURCES=1000] [STEADY_SECONDS=120]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-$HERE/../target/policywatch.jar}
N=${1:-1000}
STEADY=${2:-120}
WORK=${WORK:-$(mktemp -d /tmp/policywatch-memory.XXXXXX)}
mkdir -p "$WORK"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
SITE_PORT=$(free_port); PORT=$(free_port)

python3 "$HERE/fixture_site.py" "$SITE_PORT" & SITE=$!
JVM=""; SAMPLER=""
cleanup() {
  touch "$WORK/stop"
  [ -n "$JVM" ] && kill "$JVM" 2>/dev/null && wait "$JVM" 2>/dev/null || true
  kill "$SITE" 2>/dev/null || true
  [ -n "$SAMPLER" ] && wait "$SAMPLER" 2>/dev/null || true
}
trap cleanup EXIT

{ echo "sources:"
  for i in $(seq 0 $((N - 1))); do
    printf '  - id: bench-%04d\n    name: 示例规定第%d号\n    url: http://127.0.0.1:%s/reg/%d.html\n    publisher: 示例机关\n    jurisdiction: CN\n    kind: page\n    content: "#content"\n    every: PT5M\n' \
      "$i" "$i" "$SITE_PORT" "$i"
  done; } > "$WORK/sources.yml"

begin=$(date +%s%N)
java -Xmx512m -jar "$JAR" run --data-dir "$WORK/data" --port "$PORT" --sources "$WORK/sources.yml" \
  -Dpolicywatch.embedded-kafka.port=0 -Dpolicywatch.crawler.per-host-delay=0s \
  > "$WORK/stdout.log" 2> "$WORK/stderr.log" & JVM=$!
until grep -q "policywatch is running" "$WORK/stdout.log" 2>/dev/null; do
  kill -0 "$JVM" 2>/dev/null || { echo "policywatch exited; see $WORK/stderr.log"; exit 1; }; sleep 0.1
done
echo "start-up (launch to 'policywatch is running'): $(( ($(date +%s%N) - begin) / 1000000 )) ms"
python3 "$HERE/measure_rss.py" "$JVM" "$WORK/data" "$WORK/stop" > "$WORK/rss.csv" & SAMPLER=$!

while true; do
  fetched=$(curl -sf "http://127.0.0.1:$PORT/api/sources" | jq '[.[] | select(.lastFetchAt != null)] | length' || echo 0)
  [ "$fetched" -ge "$N" ] && break
  sleep 2
done
all_fetched=$(( ($(date +%s%N) - begin) / 1000000 ))
echo "all $N sources fetched at least once: $all_fetched ms after launch"
steady_from=$(tail -1 "$WORK/rss.csv" | cut -d, -f1)
sleep "$STEADY"
touch "$WORK/stop"; wait "$SAMPLER"; SAMPLER=""
documents=$(curl -sf "http://127.0.0.1:$PORT/api/documents" | jq 'if type == "array" then length else (.items | length) end' || echo "?")
echo "documents in the history: $documents"

python3 - "$WORK/rss.csv" "$steady_from" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1]))]
steady_from = int(sys.argv[2])
mb = lambda kb: kb / 1024
def tot(r, pg): return int(r["jvm_rss_kb"]) + int(r[pg])
peak = max(rows, key=lambda r: tot(r, "pg_rss_kb"))
steady = [r for r in rows if int(r["seconds"]) >= steady_from]
mean = lambda key: sum(int(r[key]) for r in steady) / len(steady)
print(f"samples: {len(rows)} (steady window: {len(steady)} s after all sources were fetched)")
print(f"peak   JVM {mb(int(peak['jvm_rss_kb'])):.0f} MB + PostgreSQL {mb(int(peak['pg_rss_kb'])):.0f} MB RSS "
      f"({peak['pg_processes']} processes) = {mb(tot(peak, 'pg_rss_kb')):.0f} MB; PSS sum {mb(tot(peak, 'pg_pss_kb')):.0f} MB")
print(f"steady JVM {mb(mean('jvm_rss_kb')):.0f} MB + PostgreSQL {mb(mean('pg_rss_kb')):.0f} MB RSS "
      f"= {mb(mean('jvm_rss_kb') + mean('pg_rss_kb')):.0f} MB; PSS sum {mb(mean('jvm_rss_kb') + mean('pg_pss_kb')):.0f} MB")
PY
echo "work directory: $WORK"
