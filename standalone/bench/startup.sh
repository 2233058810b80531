#!/usr/bin/env bash
# Start-up time of the standalone: milliseconds from launching the jar to its "policywatch is running"
# line, then a clean stop (SIGTERM) whose duration is printed too. Run it twice on the same DATA_DIR to
# see a first start (new data directory) and a restart.
#
# usage: standalone/bench/startup.sh DATA_DIR [PORT]      (JAR=… overrides the jar)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-$HERE/../target/policywatch.jar}
D=$1; P=${2:-18580}
out=$(mktemp); err=$(mktemp)
start=$(date +%s%N)
java -jar "$JAR" run --data-dir "$D" --port "$P" -Dpolicywatch.embedded-kafka.port=0 > "$out" 2> "$err" &
pid=$!
until grep -q "policywatch is running" "$out"; do
  kill -0 "$pid" 2>/dev/null || { echo "policywatch exited:"; tail "$err"; exit 1; }; sleep 0.05
done
echo "start-up: $(( ($(date +%s%N) - start) / 1000000 )) ms"
grep -E "ready at|ready on|started in" "$err" | cut -c1-160
stop=$(date +%s%N); kill "$pid"; wait "$pid" || true
echo "stop: $(( ($(date +%s%N) - stop) / 1000000 )) ms   (logs: $err)"
