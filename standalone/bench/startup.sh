#!/usr/bin/env bash
# Start-up time of the standalone: milliseconds from launching the jar to its "policywatch is running"
# line, then a clean stop (SIGTERM) whose duration is printed too. Run it twice on the same DATA_DIR to
# see a first start (new data directory) and a restart.
#
# usage: standalone/bench/startup.sh DATA_DIR [PORT]      (JAR=… overrides the jar; PORT 0 picks a free one)
#   LAUNCH=cds starts it through standalone/bin/policywatch (class-data archive: recorded by the first
#   run's stop, used by the later ones; POLICYWATCH_CDS_DIR=… keeps the archives elsewhere)
#   JAVA_OPTS=… JVM options for either launch
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-$HERE/../target/policywatch.jar}
D=$1; P=${2:-18580}
out=$(mktemp); err=$(mktemp)
start=$(date +%s%N)
ARGS=(run --data-dir "$D" --port "$P" -Dpolicywatch.embedded-kafka.port=0)
# shellcheck disable=SC2086
if [ "${LAUNCH:-jar}" = cds ]; then
  POLICYWATCH_JAR=$JAR "$HERE/../bin/policywatch" "${ARGS[@]}" > "$out" 2> "$err" &
else
  java ${JAVA_OPTS:-} -jar "$JAR" "${ARGS[@]}" > "$out" 2> "$err" &
fi
pid=$!
until grep -q "policywatch is running" "$out"; do
  kill -0 "$pid" 2>/dev/null || { echo "policywatch exited:"; tail "$err"; exit 1; }; sleep 0.05
done
echo "start-up: $(( ($(date +%s%N) - start) / 1000000 )) ms (load $(cut -d' ' -f1-3 /proc/loadavg))"
grep -E "ready at|ready on|started in" "$err" | cut -c1-160
stop=$(date +%s%N); kill "$pid"; wait "$pid" || true
echo "stop: $(( ($(date +%s%N) - stop) / 1000000 )) ms   (logs: $err)"
