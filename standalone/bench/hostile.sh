#!/usr/bin/env bash
# Crawler memory benchmark (issue #12 item 2; not a test): the whole standalone at -Xmx512m crawling
# eight sources that each serve a 48.7 MB HTML page gzipped to about 4 MB (each on its own port, so
# all eight are fetched at once at the default concurrency of 8), and ten small normal sources.
# Waits until every source has an outcome, keeps running STEADY_SECONDS more, then prints each
# source's outcome, whether the JVM is still alive, and peak resident memory (JVM and PostgreSQL).
#
# usage (from the repository root; package, never install):
#   ./mvnw -B -q package -DskipTests -pl standalone -am
#   standalone/bench/hostile.sh [STEADY_SECONDS=60] [SIZE_MB=48.7]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-$HERE/../target/policywatch.jar}
STEADY=${1:-60}
SIZE=${2:-48.7}
WORK=${WORK:-$(mktemp -d /tmp/policywatch-hostile.XXXXXX)}
mkdir -p "$WORK"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORTS=(); for i in 0 1 2 3 4 5 6 7 8; do PORTS+=("$(free_port)"); done
PORT=$(free_port)

python3 "$HERE/hostile_site.py" "$SIZE" "${PORTS[@]}" > "$WORK/site.log" 2>&1 & SITE=$!
JVM=""; SAMPLER=""
cleanup() {
  touch "$WORK/stop"
  [ -n "$JVM" ] && kill "$JVM" 2>/dev/null && wait "$JVM" 2>/dev/null || true
  kill "$SITE" 2>/dev/null || true
  [ -n "$SAMPLER" ] && wait "$SAMPLER" 2>/dev/null || true
}
trap cleanup EXIT
until grep -q "huge page" "$WORK/site.log" 2>/dev/null; do sleep 0.5; done
cat "$WORK/site.log"

{ echo "sources:"
  for i in 0 1 2 3 4 5 6 7; do
    printf '  - id: huge-%d\n    name: Huge %d\n    url: http://127.0.0.1:%s/huge.html\n    publisher: Hostile\n    jurisdiction: XX\n    kind: page\n    every: PT2M\n' \
      "$i" "$i" "${PORTS[$i]}"
  done
  for i in $(seq 0 9); do
    printf '  - id: normal-%d\n    name: 示例规定第%d号\n    url: http://127.0.0.1:%s/reg/%d.html\n    publisher: 示例机关\n    jurisdiction: CN\n    kind: page\n    every: PT2M\n' \
      "$i" "$i" "${PORTS[8]}" "$i"
  done; } > "$WORK/sources.yml"

java -Xmx512m -jar "$JAR" run --data-dir "$WORK/data" --port "$PORT" --sources "$WORK/sources.yml" \
  -Dpolicywatch.embedded-kafka.port=0 -Dpolicywatch.crawler.per-host-delay=0s -Dpolicywatch.crawler.start-spread=0s \
  > "$WORK/stdout.log" 2> "$WORK/stderr.log" & JVM=$!
until grep -q "policywatch is running" "$WORK/stdout.log" 2>/dev/null; do
  kill -0 "$JVM" 2>/dev/null || { echo "policywatch exited; see $WORK/stderr.log"; exit 1; }; sleep 0.2
done
begin=$(date +%s)
python3 "$HERE/measure_rss.py" "$JVM" "$WORK/data" "$WORK/stop" > "$WORK/rss.csv" & SAMPLER=$!
while true; do
  kill -0 "$JVM" 2>/dev/null || { echo "policywatch DIED (exit status: $(wait "$JVM"; echo $?)); see $WORK/stderr.log"; exit 1; }
  done_count=$(curl -sf "http://127.0.0.1:$PORT/api/sources" | jq '[.[] | select(.lastOutcome != null and .running == false)] | length' || echo 0)
  [ "$done_count" -ge 18 ] && break
  [ $(( $(date +%s) - begin )) -gt 900 ] && { echo "not every source had an outcome after 15 min"; break; }
  sleep 2
done
echo "every source crawled once: $(( $(date +%s) - begin )) s after start-up"
sleep "$STEADY"
kill -0 "$JVM" 2>/dev/null && echo "policywatch still running after $STEADY s more" || echo "policywatch DIED"
curl -sf "http://127.0.0.1:$PORT/api/sources" | jq -r '.[] | "\(.id)\t\(.lastOutcome)\t\(.lastError // "" | .[0:150])"' | sort
curl -sf "http://127.0.0.1:$PORT/prometheus" | grep -E '^policywatch_crawler_fetches_total|^jvm_memory_used_bytes\{area="heap"' || true
grep -c "OutOfMemoryError" "$WORK/stderr.log" "$WORK/stdout.log" || true
touch "$WORK/stop"; wait "$SAMPLER"; SAMPLER=""
python3 - "$WORK/rss.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
peak = max(rows, key=lambda r: int(r["jvm_rss_kb"]))
print(f"samples: {len(rows)}; peak JVM RSS {int(peak['jvm_rss_kb']) / 1024:.0f} MB, "
      f"PostgreSQL RSS then {int(peak['pg_rss_kb']) / 1024:.0f} MB")
PY
echo "work directory: $WORK"
