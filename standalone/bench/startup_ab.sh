#!/usr/bin/env bash
# Start-up on an existing data directory, before against after, runs alternating so that both meet the
# same load (a benchmark, not a test). Three launches, each on a data directory of its own that one
# untimed start created first:
#   before      java -jar $BEFORE
#   after       java -jar $AFTER                      (the README's command)
#   after+cds   standalone/bin/policywatch with $AFTER (class-data archive, recorded by the untimed
#               start's stop)
# then ROUNDS times each in turn, printing launch -> "policywatch is running" in ms with the load average
# (startup.sh) and, at the end, the median of each.
#
# usage: standalone/bench/startup_ab.sh [ROUNDS=3]
#   env: BEFORE=jar (required), AFTER=jar (default standalone/target/policywatch.jar), WORK=dir, JAVA_OPTS
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROUNDS=${1:-3}
BEFORE=${BEFORE:?set BEFORE to the jar to compare against}
AFTER=${AFTER:-$HERE/../target/policywatch.jar}
WORK=${WORK:-$(mktemp -d /tmp/policywatch-startup-ab.XXXXXX)}
export POLICYWATCH_CDS_DIR=$WORK/cds
run() {  # run NAME JAR LAUNCH -> prints one line, appends the ms to $WORK/NAME.ms
  local all line
  all=$(JAR=$2 LAUNCH=$3 "$HERE/startup.sh" "$WORK/$1" 0)
  line=$(echo "$all" | grep "^start-up")
  echo "$1: $line; broker $(echo "$all" | grep -o "Kafka broker ready.* in [0-9]* ms" | grep -o "[0-9]* ms$"),\
 PostgreSQL $(echo "$all" | grep -o "PostgreSQL ready.* in [0-9]* ms" | grep -o "[0-9]* ms$")"
  echo "$line" | grep -o "[0-9]* ms" | head -1 | grep -o "[0-9]*" >> "$WORK/$1.ms"
}
echo "before $BEFORE ($(stat -c %s "$BEFORE") bytes), after $AFTER ($(stat -c %s "$AFTER") bytes); work $WORK"
echo "untimed first starts (new data directories; the cds one records its archive when it stops):"
run before "$BEFORE" jar; run after "$AFTER" jar; run after+cds "$AFTER" cds
rm -f "$WORK"/*.ms
for r in $(seq 1 "$ROUNDS"); do
  echo "round $r"
  run before "$BEFORE" jar; run after "$AFTER" jar; run after+cds "$AFTER" cds
done
for n in before after after+cds; do
  echo "$n: median $(sort -n "$WORK/$n.ms" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms of $(paste -sd/ "$WORK/$n.ms")"
done
