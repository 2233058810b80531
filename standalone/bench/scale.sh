#!/usr/bin/env bash
# One box, measured (issue #19): N sources (default 20,000) on a local fixture site, the standalone at
# -Xmx512m. A benchmark, not a test. It
#  1. starts standalone/bench/FixtureSite.java (N pages over HOSTS loopback addresses, ETag +
#     Last-Modified, 304 to conditional requests; it counts page requests, 200s and 304s);
#  2. starts policywatch.jar on a fresh data directory with one `page` source per page (every 6 h) and
#     waits for the first pass: every page fetched (N 200s at the site), then for every document's
#     BASELINE in the history (history_versions in the embedded PostgreSQL), at most HISTORY_WAIT seconds
#     (default 1200; the count and the rate are printed either way);
#  3. stops it (SIGTERM), starts it again on the same data directory with start-spread 0 (every source
#     due at once) and times the all-304 pass: from "policywatch is running" to the site's last answer,
#     N requests all answered 304 (the crawl state, ETags and Last-Modified, survived the restart), and
#     checks that GET /api/sources shows every source NOT_MODIFIED and that the history did not grow;
#  4. samples the RSS of the JVM and of the embedded PostgreSQL (measure_rss.py) in both runs and prints
#     the peaks, with the load average at each step (the machine is shared: figures are upper bounds).
#
# usage (from the repository root, after ./mvnw -B -q package -DskipTests -pl standalone -am):
#   standalone/bench/scale.sh [SOURCES=20000] [HOSTS=50]
#   (JAR=… WORK=… HEAP=512m CONCURRENCY=8 HISTORY_WAIT=1200 override; PHASE=restart WORK=<dir of an earlier
#    run> runs step 3 alone on that run's data directory and site; LAUNCH=cds starts the jar through
#    standalone/bin/policywatch: class-data archive, recorded by the first run's stop, and MALLOC_ARENA_MAX=2)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-$HERE/../target/policywatch.jar}
N=${1:-20000}
HOSTS=${2:-50}
HEAP=${HEAP:-512m}
CONCURRENCY=${CONCURRENCY:-8}
HISTORY_WAIT=${HISTORY_WAIT:-1200}
PHASE=${PHASE:-all}
WORK=${WORK:-$(mktemp -d /tmp/policywatch-scale.XXXXXX)}
mkdir -p "$WORK"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s%N; }
ms() { echo $(( ($(now) - $1) / 1000000 )); }
load() { cut -d' ' -f1-3 /proc/loadavg; }
PORT=$(free_port)

rm -f "$WORK/site/ready"
java -Xmx256m "$HERE/FixtureSite.java" "$WORK/site" "$N" "$HOSTS" PT6H > "$WORK/site.log" 2>&1 & SITE=$!
JVM=""; SAMPLER=""
cleanup() {
  touch "$WORK/stop"
  [ -n "$JVM" ] && kill "$JVM" 2>/dev/null && wait "$JVM" 2>/dev/null || true
  kill "$SITE" 2>/dev/null || true
  [ -n "$SAMPLER" ] && wait "$SAMPLER" 2>/dev/null || true
}
trap cleanup EXIT
until [ -f "$WORK/site/ready" ]; do kill -0 "$SITE" 2>/dev/null || { cat "$WORK/site.log"; exit 1; }; sleep 0.2; done
STATS=$(cat "$WORK/site/stats-url")
stats() { curl -sf "$STATS"; }              # requests ok notModified firstMs lastMs
reset() { curl -sf "${STATS%/__stats}/__reset" > /dev/null; }

launch() {  # launch NAME [extra -D options…] -> JVM, BEGIN, RUNNING_MS
  local name=$1; shift
  rm -f "$WORK/stop"
  BEGIN=$(now)
  local args=(run --data-dir "$WORK/data" --port "$PORT" \
    --sources "$WORK/site/sources.yml" -Dpolicywatch.embedded-kafka.port=0 -Dpolicywatch.crawler.per-host-delay=0s \
    -Dpolicywatch.crawler.concurrency="$CONCURRENCY" -Dpolicywatch.notifier.console.enabled=false "$@")
  if [ "${LAUNCH:-jar}" = cds ]; then   # standalone/bin/policywatch exec()s java: $! is the JVM
    POLICYWATCH_JAR=$JAR JAVA_OPTS="-Xmx$HEAP -XX:+ExitOnOutOfMemoryError" POLICYWATCH_CDS_DIR=${POLICYWATCH_CDS_DIR:-$WORK/cds} \
      "$HERE/../bin/policywatch" "${args[@]}" > "$WORK/$name.out" 2> "$WORK/$name.err" & JVM=$!
  else
    java -Xmx"$HEAP" -XX:+ExitOnOutOfMemoryError -jar "$JAR" "${args[@]}" > "$WORK/$name.out" 2> "$WORK/$name.err" & JVM=$!
  fi
  python3 "$HERE/measure_rss.py" "$JVM" "$WORK/data" "$WORK/stop" > "$WORK/rss-$name.csv" & SAMPLER=$!
  until grep -q "policywatch is running" "$WORK/$name.out" 2>/dev/null; do
    kill -0 "$JVM" 2>/dev/null || { echo "policywatch exited; see $WORK/$name.err"; exit 1; }; sleep 0.1
  done
  RUNNING_MS=$(ms "$BEGIN")
  RUNNING_AT=$(( $(now) / 1000000 ))
  PG_PORT=$(grep -o "Embedded PostgreSQL ready on port [0-9]*" "$WORK/$name.err" | grep -o "[0-9]*$")
  echo "[$name] launch -> 'policywatch is running': $RUNNING_MS ms (load $(load))"
}
versions() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atc "SELECT count(*) FROM history_versions" 2>/dev/null || echo 0; }
stop_jvm() {  # stop_jvm NAME: SIGTERM, wait, stop the sampler and print the RSS peak of the run
  kill "$JVM"; wait "$JVM" || true; JVM=""
  touch "$WORK/stop"; wait "$SAMPLER" || true; SAMPLER=""
  python3 - "$WORK/rss-$1.csv" "$1" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
tot = lambda r, pg: int(r["jvm_rss_kb"]) + int(r[pg])
peak = max(rows, key=lambda r: tot(r, "pg_rss_kb"))
jvm = max(int(r["jvm_rss_kb"]) for r in rows)
print(f"[{sys.argv[2]}] RSS peak (of {len(rows)} samples, 1/s): JVM {int(peak['jvm_rss_kb'])/1024:.0f} MB + PostgreSQL "
      f"{int(peak['pg_rss_kb'])/1024:.0f} MB ({peak['pg_processes']} processes) = {tot(peak, 'pg_rss_kb')/1024:.0f} MB "
      f"(PostgreSQL as PSS: {tot(peak, 'pg_pss_kb')/1024:.0f} MB); JVM alone peaked at {jvm/1024:.0f} MB")
PY
}

echo "$N sources on $HOSTS hosts, -Xmx$HEAP, concurrency $CONCURRENCY, jar $JAR ($(stat -c %s "$JAR") bytes); work $WORK"
if [ "$PHASE" = all ]; then
# 1. first pass
launch first
until [ "$(stats | cut -d' ' -f2)" -ge "$N" ]; do kill -0 "$JVM" || exit 1; sleep 2; done
read -r req okc nm first last <<< "$(stats)"
echo "[first] every page fetched: $req requests, $okc answered 200; first -> last request $(( last - first )) ms;" \
     "$(( last - RUNNING_AT )) ms after 'running' (load $(load))"
fetched_ms=$(ms "$BEGIN"); v0=$(versions); limit=$(( $(now) + HISTORY_WAIT * 1000000000 ))
until [ "$(versions)" -ge "$N" ] || [ "$(now)" -ge "$limit" ]; do kill -0 "$JVM" || exit 1; sleep 5; done
v1=$(versions); waited=$(( $(ms "$BEGIN") - fetched_ms ))
echo "[first] versions in the history: $v1 of $N, $(ms "$BEGIN") ms after launch; $(( (v1 - v0) * 1000 / (waited + 1) ))/s" \
     "over the last $waited ms (load $(load))"
stop_jvm first
fi

# 2. restart on the same data directory, every source due at once: the all-304 pass
reset
launch restart -Dpolicywatch.crawler.start-spread=0s
until [ "$(stats | cut -d' ' -f1)" -ge "$N" ]; do kill -0 "$JVM" || exit 1; sleep 1; done
read -r req okc nm first last <<< "$(stats)"
echo "[restart] all-304 pass: $req requests, $nm answered 304, $okc answered 200;" \
     "'running' -> last answer $(( last - RUNNING_AT )) ms; first -> last request $(( last - first )) ms;" \
     "$(( N * 1000 / (last - first + 1) )) sources/s (load $(load))"
sleep 2
curl -sf "http://127.0.0.1:$PORT/api/sources" | jq -r '[.[] | .lastOutcome] | group_by(.) | map("\(.[0]): \(length)") | join(", ")' \
  | sed 's/^/[restart] outcomes in GET \/api\/sources: /'
echo "[restart] versions in the history: $(versions)"
stop_jvm restart
echo "work directory: $WORK"
