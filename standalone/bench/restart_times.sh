#!/usr/bin/env bash
# The two restart figures of issue #19 in one command (a benchmark, not a test):
#  1. start-up on an existing 20,000-source data directory: launch -> the "policywatch is running" banner,
#     and launch -> GET /health answering UP, ROUNDS times (a clean stop, SIGTERM, between them);
#  2. the pipeline after a kill -9: standalone/bench/crash_restart.sh ROUNDS (one source on a local page;
#     kill -9, edit the page, start again, ask for a crawl as soon as the API answers, time until the
#     edited page's UPDATED change is in GET /api/changes).
# Every figure is printed with the load average (1, 5, 15 min) at that moment.
#
# The data directory of step 1 is made by standalone/bench/scale.sh (first pass of N sources, then its
# restart and all-304 pass; ~4 min on a quiet 2-core machine), unless WORK names the work directory of an
# earlier scale.sh run, which is then reused (only its data/ and site/ are needed). The fixture site runs
# during the starts, and the restarts use scale.sh's restart options (every source due at once:
# start-spread 0s, 8 crawls at a time), so that they compare with scale.sh's "restart -> running".
#
# usage (from the repository root, after ./mvnw -B -q package -DskipTests -pl standalone -am):
#   standalone/bench/restart_times.sh [ROUNDS=3] [SOURCES=20000]
#   JAR=… the jar; WORK=<scale.sh work dir> reuse its data directory; LAUNCH=cds start through
#   standalone/bin/policywatch (class-data archive, recorded by a first clean stop, then used);
#   START_SPREAD=1m the crawler's default spread instead of 0s; STEP=startup|crash one of the two only;
#   NICE=-15 runs policywatch (both steps) at that niceness (root only): on a machine busy with other work
#   it then gets the CPU first, closer to a quiet machine's figures (the load printed is the machine's)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-$HERE/../target/policywatch.jar}
ROUNDS=${1:-3}
N=${2:-20000}
STEP=${STEP:-all}
now() { date +%s%N; }
ms() { echo $(( ($(now) - $1) / 1000000 )); }
load() { cut -d' ' -f1-3 /proc/loadavg; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
echo "jar $JAR ($(stat -c %s "$JAR") bytes, $(date -u -r "$JAR" +%FT%TZ)); launch ${LAUNCH:-jar}; load $(load)"

if [ "$STEP" != crash ]; then
  if [ -z "${WORK:-}" ]; then
    WORK=$(mktemp -d /tmp/policywatch-restart.XXXXXX)
    echo "== making a $N-source data directory with scale.sh in $WORK"
    WORK=$WORK HISTORY_WAIT=${HISTORY_WAIT:-900} JAR=$JAR LAUNCH=${LAUNCH:-jar} "$HERE/scale.sh" "$N" 50
  fi
  [ -d "$WORK/data/postgres" ] && [ -d "$WORK/site" ] || { echo "no data directory in $WORK"; exit 1; }
  rm -f "$WORK/site/ready"
  java -Xmx256m "$HERE/FixtureSite.java" "$WORK/site" "$N" 50 PT6H > "$WORK/site-restarts.log" 2>&1 & SITE=$!
  JVM=""
  cleanup() { if [ -n "$JVM" ]; then kill "$JVM" 2>/dev/null || true; wait "$JVM" 2>/dev/null || true; fi; kill "$SITE" 2>/dev/null || true; }
  trap cleanup EXIT
  until [ -f "$WORK/site/ready" ]; do kill -0 "$SITE" 2>/dev/null || { cat "$WORK/site-restarts.log"; exit 1; }; sleep 0.2; done
  PORT=$(free_port)
  echo "== start-up on the existing $(grep -c '^  - id:' "$WORK/site/sources.yml")-source data directory $WORK/data"
  for r in $(seq 0 "$ROUNDS"); do
    [ "$r" = 0 ] && [ "${LAUNCH:-jar}" != cds ] && continue   # round 0 only records the class-data archive
    args=(run --data-dir "$WORK/data" --port "$PORT" --sources "$WORK/site/sources.yml" -Dpolicywatch.embedded-kafka.port=0
      -Dpolicywatch.crawler.per-host-delay=0s -Dpolicywatch.crawler.concurrency=8 -Dpolicywatch.notifier.console.enabled=false
      -Dpolicywatch.crawler.start-spread="${START_SPREAD:-0s}")
    rm -f "$WORK/restart-$r.out" "$WORK/restart-$r.err"   # an earlier run's banner must not be read as this one's
    BEGIN=$(now)
    if [ "${LAUNCH:-jar}" = cds ]; then   # the launcher exec()s java: $! is the JVM
      POLICYWATCH_JAR=$JAR JAVA_OPTS=-Xmx512m POLICYWATCH_CDS_DIR=$WORK/cds ${NICE:+nice -n "$NICE"} "$HERE/../bin/policywatch" \
        "${args[@]}" > "$WORK/restart-$r.out" 2> "$WORK/restart-$r.err" & JVM=$!
    else
      ${NICE:+nice -n "$NICE"} java -Xmx512m -jar "$JAR" "${args[@]}" > "$WORK/restart-$r.out" 2> "$WORK/restart-$r.err" & JVM=$!
    fi
    banner=""; up=""
    limit=$(( $(now) + 300000000000 ))
    while [ -z "$banner" ] || [ -z "$up" ]; do
      if [ -z "$banner" ] && grep -q "policywatch is running" "$WORK/restart-$r.out" 2>/dev/null; then banner=$(ms "$BEGIN"); fi
      if [ -z "$up" ] && curl -s -m 1 "http://127.0.0.1:$PORT/health" 2>/dev/null | grep -q '"UP"'; then up=$(ms "$BEGIN"); fi
      kill -0 "$JVM" 2>/dev/null || { echo "policywatch exited; see $WORK/restart-$r.err"; exit 1; }
      [ "$(now)" -lt "$limit" ] || { echo "not up after 300 s"; exit 1; }
      sleep 0.05
    done
    if [ "$r" = 0 ]; then
      echo "round 0 (records the class-data archive at its stop): $banner ms to 'policywatch is running' (load $(load))"
    else
      echo "restart $r: $banner ms to 'policywatch is running', $up ms to /health UP (load $(load))"
    fi
    kill "$JVM"; wait "$JVM" || true; JVM=""
  done
  cleanup; trap - EXIT
fi

if [ "$STEP" != startup ]; then
  echo "== kill -9 -> the pipeline busy again (crash_restart.sh $ROUNDS)"
  # a fresh work directory of its own: WORK names the 20,000-source one of step 1, never this one
  env -u WORK JAR=$JAR NICE=${NICE:-} "$HERE/crash_restart.sh" "$ROUNDS"
fi
