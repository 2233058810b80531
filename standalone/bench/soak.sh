#!/usr/bin/env bash
# Soak benchmark of the standalone (issue #12 acceptance; not a test): policywatch.jar at -Xmx512m with
# 50 sources on 127.0.0.1 (soak_site.py) for DURATION seconds: 40 normal pages that gain one numbered
# article every CHANGE_PERIOD seconds (staggered), crawled every minute, and 10 hostile ones (huge,
# gzip bombs, slow, redirecting to internal addresses, erroring, malformed), crawled every 2 minutes.
# Alerts go to a Slack-channel subscription posting to a local webhook receiver (allowed by origin)
# and to the console channel. The changes stop DRAIN seconds before the end so the last alerts arrive.
# Samples the RSS of the JVM and its embedded PostgreSQL every SAMPLE seconds, checks the JVM never
# changed or restarted, and at the end prints (soak_report.py): every expected change of the 40 normal
# sources alerted exactly once (missing and duplicated listed), RSS of the first vs the last 5 minutes,
# the hostile sources' statuses, and whether the internal service was ever reached.
#
# usage (from the repository root; package, never install):
#   ./mvnw -B -q package -DskipTests -pl standalone -am
#   DURATION=1800 standalone/bench/soak.sh        # env: DURATION CHANGE_PERIOD DRAIN SAMPLE WORK JAR
# exit status: 0 when every check held, 1 otherwise.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-$HERE/../target/policywatch.jar}
DURATION=${DURATION:-1800}
CHANGE_PERIOD=${CHANGE_PERIOD:-180}
DRAIN=${DRAIN:-240}
SAMPLE=${SAMPLE:-30}
WORK=${WORK:-$(mktemp -d /tmp/policywatch-soak.XXXXXX)}
mkdir -p "$WORK"
[ -f "$JAR" ] || { echo "no $JAR: build it first (./mvnw -B -q package -DskipTests -pl standalone -am)"; exit 2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
NORMAL=(); for i in 0 1 2 3; do NORMAL+=("$(free_port)"); done
HOSTILE=(); for i in $(seq 0 9); do HOSTILE+=("$(free_port)"); done
INTERNAL=$(free_port); RECEIVER=$(free_port); PORT=$(free_port)
ADMIN=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
HOSTILE_IDS=(huge-gzip huge-chunked gzip-bomb gzip-unasked slow-drip slow-headers redirect-internal redirect-metadata erroring malformed)
python3 - "$WORK/site.json" "$WORK" "$INTERNAL" "$RECEIVER" "${NORMAL[*]}" "${HOSTILE[*]}" <<'PY'
import json, sys
f, work, internal, receiver, normal, hostile = sys.argv[1:]
json.dump({"work": work, "internal": int(internal), "receiver": int(receiver),
           "normal": [int(p) for p in normal.split()], "hostile": [int(p) for p in hostile.split()]}, open(f, "w"))
PY

SITE=""; JVM=""; SAMPLER=""
cleanup() {
  touch "$WORK/stop"
  [ -n "$JVM" ] && kill "$JVM" 2>/dev/null && wait "$JVM" 2>/dev/null || true
  [ -n "$SITE" ] && kill "$SITE" 2>/dev/null || true
  [ -n "$SAMPLER" ] && wait "$SAMPLER" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM
python3 "$HERE/soak_site.py" "$WORK/site.json" > "$WORK/site.log" 2>&1 & SITE=$!
until grep -q "soak site ready" "$WORK/site.log" 2>/dev/null; do
  kill -0 "$SITE" 2>/dev/null || { echo "soak site exited:"; cat "$WORK/site.log"; exit 2; }; sleep 0.5
done
cat "$WORK/site.log"

{ echo "sources:"
  for n in $(seq 0 39); do
    printf '  - id: normal-%02d\n    name: 示例规定第%d号\n    url: http://127.0.0.1:%s/reg/%d.html\n    publisher: 示例机关\n    jurisdiction: CN\n    kind: page\n    content: "#content"\n    every: PT1M\n' \
      "$n" "$n" "${NORMAL[$((n % 4))]}" "$n"
  done
  for i in $(seq 0 9); do
    printf '  - id: hostile-%s\n    name: Hostile %s\n    url: http://127.0.0.1:%s/rules.html\n    publisher: Hostile\n    jurisdiction: XX\n    kind: page\n    every: PT2M\n' \
      "${HOSTILE_IDS[$i]}" "${HOSTILE_IDS[$i]}" "${HOSTILE[$i]}"
  done; } > "$WORK/sources.yml"

java -Xmx512m -XX:+ExitOnOutOfMemoryError -jar "$JAR" run --data-dir "$WORK/data" --port "$PORT" --sources "$WORK/sources.yml" \
  -Dpolicywatch.embedded-kafka.port=0 -Dpolicywatch.crawler.per-host-delay=1s \
  -Dpolicywatch.admin-token="$ADMIN" -Dpolicywatch.notifier.console.enabled=true \
  -Dpolicywatch.notifier.webhook.allowed-hosts="http://127.0.0.1:$RECEIVER" \
  > "$WORK/stdout.log" 2> "$WORK/stderr.log" & JVM=$!
echo "policywatch pid $JVM, port $PORT, work directory $WORK"
launched=$(date +%s)
until grep -q "policywatch is running" "$WORK/stdout.log" 2>/dev/null; do
  kill -0 "$JVM" 2>/dev/null || { echo "policywatch exited at start; see $WORK/stderr.log"; exit 2; }
  [ $(( $(date +%s) - launched )) -lt 600 ] || { echo "policywatch not running after 600 s; see $WORK/stderr.log"; exit 2; }
  sleep 0.5
done
echo "policywatch running $(( $(date +%s) - launched )) s after launch"
JVM_START=$(cut -d' ' -f22 "/proc/$JVM/stat")
begin=$(date +%s)
curl -sf -X POST "http://127.0.0.1:$PORT/api/subscriptions" -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $ADMIN" \
  -d "{\"channel\":\"slack\",\"target\":\"http://127.0.0.1:$RECEIVER/hook/soak\",\"mode\":\"immediate\"}" \
  > "$WORK/subscription.json" || { echo "subscribing the webhook failed"; exit 2; }
python3 - "$WORK/schedule.json" "$begin" "$DURATION" "$DRAIN" "$CHANGE_PERIOD" <<'PY'
import json, sys
f, begin, duration, drain, period = sys.argv[1], *map(int, sys.argv[2:])
json.dump({"t0": begin, "stop": begin + duration - drain, "period": period}, open(f, "w"))
PY
echo "running $DURATION s from $(date -u +%H:%M:%S) UTC; webhook subscription $(jq -r .id "$WORK/subscription.json")"
python3 "$HERE/measure_rss.py" "$JVM" "$WORK/data" "$WORK/stop" "$SAMPLE" > "$WORK/rss.csv" & SAMPLER=$!

status=alive
while [ $(( $(date +%s) - begin )) -lt "$DURATION" ]; do
  if ! kill -0 "$JVM" 2>/dev/null || [ "$(cut -d' ' -f22 "/proc/$JVM/stat" 2>/dev/null)" != "$JVM_START" ]; then
    code=0; wait "$JVM" || code=$?
    status="DIED after $(( $(date +%s) - begin )) s (exit status $code)"; JVM=""; break
  fi
  sleep 5
  elapsed=$(( $(date +%s) - begin ))
  if [ $(( elapsed % 300 )) -lt 5 ]; then
    echo "$(date -u +%H:%M:%S) ${elapsed}s: $(tail -1 "$WORK/rss.csv" | cut -d, -f2 | awk '{printf "JVM RSS %.0f MB", $1/1024}'),"\
" webhook posts $(wc -l < "$WORK/alerts.jsonl"), normal fetches $(wc -l < "$WORK/served.log")"
  fi
done
touch "$WORK/stop"; wait "$SAMPLER" || true; SAMPLER=""
if [ "$status" = alive ]; then
  curl -sf "http://127.0.0.1:$PORT/api/sources" > "$WORK/sources.json" || echo '[]' > "$WORK/sources.json"
  curl -sf "http://127.0.0.1:$PORT/prometheus" > "$WORK/prometheus.txt" || true
  curl -sf "http://127.0.0.1:$PORT/health" > "$WORK/health.json" || true
  curl -sf "http://127.0.0.1:$PORT/api/subscriptions/$(jq -r .id "$WORK/subscription.json")" \
    -H "Authorization: Bearer $ADMIN" > "$WORK/subscription-end.json" || true
else
  echo '[]' > "$WORK/sources.json"
fi
echo "policywatch: $status; launched once: $(grep -c 'policywatch is running' "$WORK/stdout.log") 'policywatch is running' line(s)"
rc=0
python3 "$HERE/soak_report.py" "$WORK" "$status" || rc=$?
echo "work directory: $WORK"
exit "$rc"
