#!/usr/bin/env bash
# The crawler against urlwatch on the same local URLs, all-304 pass (issue #19). A benchmark, not a test.
#
# Both check the same URLS pages (default 1,000) of one fixture site, standalone/bench/FixtureSite.java,
# a JVM of its own serving 50 loopback hosts with ETag + Last-Modified and 304 to conditional requests;
# neither shares a process with it. Both send conditional requests from what they stored in their first
# pass, with the same parallelism: urlwatch runs 10 workers (its fixed MAX_WORKERS), the crawler
# `concurrency` 10 (one request per host at a time, per-host delay 0). Each tool runs as it is meant to:
# urlwatch is a new process for each pass (as cron runs it); policywatch (the standalone jar, the whole
# product: crawler, Kafka, diff-service, notifier) is one long-running process asked to check every
# source at once (POST /api/sources/crawl), with the ETag and Last-Modified kept in its crawl state.
# With COLD=1 each policywatch pass is instead the first thing a restarted process does (start-spread 0:
# every source due at once): a cold JVM that is still starting its other services.
#
# A pass is timed by the site, the same way for both: from its first to its last page request (and for
# urlwatch also the wall time of the process, start-up included). Runs alternate (urlwatch, policywatch,
# urlwatch, …) so both meet the same machine load; the load average is printed with every run. Each pass
# must be URLS requests all answered 304, else the run is reported as failed.
#
# usage (after ./mvnw -B -q package -DskipTests -pl standalone -am; apt-get install -y urlwatch):
#   standalone/bench/vs_urlwatch.sh [RUNS=3] [URLS=1000]        (JAR=… WORK=… COLD=1 override)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-$HERE/../target/policywatch.jar}
RUNS=${1:-3}
N=${2:-1000}
WORK=${WORK:-$(mktemp -d /tmp/policywatch-vs-urlwatch.XXXXXX)}
URLWATCH=${URLWATCH:-/usr/bin/urlwatch}
[ -x "$URLWATCH" ] || { echo "urlwatch is not installed (apt-get install -y urlwatch)"; exit 2; }
mkdir -p "$WORK"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s%N; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
PORT=$(free_port)
COLD=${COLD:-0}
TOKEN=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
export POLICYWATCH_ADMIN_TOKEN=$TOKEN

java -Xmx256m "$HERE/FixtureSite.java" "$WORK/site" "$N" 50 PT6H > "$WORK/site.log" 2>&1 & SITE=$!
JVM=""
cleanup() { if [ -n "$JVM" ]; then kill "$JVM" 2>/dev/null || true; wait "$JVM" 2>/dev/null || true; fi; kill "$SITE" 2>/dev/null || true; }
trap cleanup EXIT
until [ -f "$WORK/site/ready" ]; do kill -0 "$SITE" 2>/dev/null || { cat "$WORK/site.log"; exit 1; }; sleep 0.2; done
STATS=$(cat "$WORK/site/stats-url")
stats() { curl -sf "$STATS"; }              # requests ok notModified firstMs lastMs
reset() { curl -sf "${STATS%/__stats}/__reset" > /dev/null; }
printf 'report:\n  stdout:\n    enabled: false\n' > "$WORK/urlwatch.yaml"
urlwatch() {  # urlwatch LOGNAME -> prints the process wall time in ms
  local begin; begin=$(now)
  "$URLWATCH" --urls "$WORK/site/urls.yaml" --config "$WORK/urlwatch.yaml" --cache "$WORK/urlwatch-cache.db" \
    --hooks "$WORK/no-hooks.py" > "$WORK/$1.log" 2>&1 || { echo "urlwatch failed, see $WORK/$1.log" >&2; exit 1; }
  echo $(( ($(now) - begin) / 1000000 ))
}
launch() {  # launch NAME [extra -D options…]: starts policywatch, waits for its banner
  local name=$1; shift
  java -Xmx512m -jar "$JAR" run --data-dir "$WORK/data" --port "$PORT" --sources "$WORK/site/sources.yml" \
    -Dpolicywatch.embedded-kafka.port=0 -Dpolicywatch.crawler.per-host-delay=0s -Dpolicywatch.crawler.concurrency=10 \
    -Dpolicywatch.notifier.console.enabled=false "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" & JVM=$!
  until grep -q "policywatch is running" "$WORK/$name.out" 2>/dev/null; do
    kill -0 "$JVM" 2>/dev/null || { echo "policywatch exited; see $WORK/$name.err"; exit 1; }; sleep 0.1
  done
}
await_requests() {  # until the site has seen N page requests since the last reset (bounded: 10 minutes)
  local limit=$(( $(now) + 600000000000 ))
  until [ "$(stats | cut -d' ' -f1)" -ge "$N" ]; do
    [ "$(now)" -lt "$limit" ] || { echo "pass did not reach $N requests in 10 minutes: $(stats)" >&2; exit 1; }
    sleep 0.2
  done
  sleep 1 # a request beyond N (a second fetch) would be counted by now
}
pass_result() {  # pass_result WHO -> "span_ms", and fails the run unless every request was answered 304
  read -r req okc nm first last <<< "$(stats)"
  if [ "$req" -ne "$N" ] || [ "$nm" -ne "$N" ]; then
    echo "$1: $req requests, $nm answered 304, $okc answered 200: not an all-304 pass of $N" >&2; exit 1
  fi
  echo $(( last - first ))
}

echo "$N URLs on 50 hosts; policywatch $([ "$COLD" = 1 ] && echo "cold (restarted for each pass)" || echo "warm (one process)"); urlwatch $("$URLWATCH" --version 2>&1 | head -1); jar $JAR; work $WORK"
touch "$WORK/no-hooks.py"
# first passes (everything answered 200), not timed
reset; urlwatch urlwatch-first > /dev/null
launch first
until [ "$(stats | cut -d' ' -f2)" -ge $(( 2 * N )) ]; do kill -0 "$JVM" || exit 1; sleep 1; done
if [ "$COLD" = 1 ]; then kill "$JVM"; wait "$JVM" || true; JVM=""; fi
echo "first passes done (urlwatch and policywatch each fetched every page once)"

printf '%-4s %-12s %-14s %-15s %-7s %-11s %-10s %s\n' run urlwatch_ms urlwatch_wall_ms policywatch_ms ratio wall_ratio verdict load
all_met=1
for r in $(seq 1 "$RUNS"); do
  load_before=$(load)
  reset; wall=$(urlwatch "urlwatch-$r"); u=$(pass_result urlwatch)
  if [ "$COLD" = 1 ]; then
    reset; launch "restart-$r" -Dpolicywatch.crawler.start-spread=0s
    await_requests; p=$(pass_result policywatch)
    kill "$JVM"; wait "$JVM" || true; JVM=""
  else
    reset; curl -sf -X POST -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/sources/crawl" > /dev/null
    await_requests; p=$(pass_result policywatch)
  fi
  ratio=$(python3 -c "print(f'{$u / max($p, 1):.2f}')"); wall_ratio=$(python3 -c "print(f'{$wall / max($p, 1):.2f}')")
  verdict=$(python3 -c "print('>=3x' if $u >= 3 * max($p, 1) else 'BELOW 3x')")
  [ "$verdict" = ">=3x" ] || all_met=0
  printf '%-4s %-12s %-14s %-15s %-7s %-11s %-10s %s\n' "$r" "$u" "$wall" "$p" "$ratio" "$wall_ratio" "$verdict" "$load_before -> $(load)"
done
echo "(urlwatch_ms, policywatch_ms: first to last request of the all-304 pass as the site saw it, ratio = their"
echo " quotient, the verdict's measure; urlwatch_wall_ms: urlwatch's process, start-up included, wall_ratio = it / policywatch_ms)"
echo "work directory: $WORK"
if [ "$all_met" = 1 ]; then echo "policywatch had >= 3x urlwatch's throughput in every run"; exit 0; fi
echo "NOT >= 3x in every run"; exit 1
