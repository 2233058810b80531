#!/usr/bin/env bash
# kill -9 recovery of the standalone (a benchmark, not a test): how long until it runs again and until
# the pipeline (crawl -> exactly-once diff -> history) turns a changed page into a change again.
# 1. starts policywatch.jar on a fresh data dir with one source on a local page, waits for its baseline;
# 2. restarts it cleanly once (start-up on an existing data dir);
# 3. kill -9, changes the page, starts it again on the same data dir, asks for a crawl as soon as the
#    API answers and times: launch -> "policywatch is running", and launch -> the UPDATED change in
#    GET /api/changes (the dead process's consumer-group members must have left first).
#
# usage: standalone/bench/crash_restart.sh [ROUNDS=3]      (JAR=… WORK=… override)
#   LAUNCH=cds: every start through standalone/bin/policywatch (class-data archive in WORK/cds, recorded
#   by the clean stop after the first start, used by the clean restart and every start after a kill -9);
#   NICE=-15: policywatch runs at that niceness (root only), ahead of other work on a busy machine
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-$HERE/../target/policywatch.jar}
ROUNDS=${1:-3}
WORK=${WORK:-$(mktemp -d /tmp/policywatch-crash.XXXXXX)}
mkdir -p "$WORK/site"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
SITE_PORT=$(free_port); PORT=$(free_port)
TOKEN=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
export POLICYWATCH_ADMIN_TOKEN=$TOKEN
page() {  # page VERSION
  printf '<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>崩溃恢复测试办法</title></head><body><div id="content">' > "$WORK/site/reg.html"
  for k in 一 二 三 四 五; do
    printf '<p>第%s条 运营者应当在规定期限内报送第%s项材料，版本%s。</p>' "$k" "$k" "$1" >> "$WORK/site/reg.html"
  done
  printf '</div></body></html>' >> "$WORK/site/reg.html"
}
page 0
python3 -m http.server "$SITE_PORT" --bind 127.0.0.1 --directory "$WORK/site" > "$WORK/site.log" 2>&1 & SITE=$!
printf 'sources:\n  - id: crash-reg\n    name: 崩溃恢复测试办法\n    url: http://127.0.0.1:%s/reg.html\n    publisher: 示例机关\n    jurisdiction: CN\n    kind: page\n    content: "#content"\n    every: PT1H\n' \
  "$SITE_PORT" > "$WORK/sources.yml"
JVM=""
cleanup() { if [ -n "$JVM" ]; then kill "$JVM" 2>/dev/null || true; wait "$JVM" 2>/dev/null || true; fi; kill "$SITE" 2>/dev/null || true; }
trap cleanup EXIT
now() { date +%s%N; }
ms() { echo $(( ($(now) - $1) / 1000000 )); }
load() { cut -d' ' -f1-3 /proc/loadavg; }
launch() {  # launch LOGNAME -> sets JVM and BEGIN, waits for the banner
  rm -f "$WORK/$1.out" "$WORK/$1.err"   # an earlier run's banner must not be read as this one's
  BEGIN=$(now)
  local args=(run --data-dir "$WORK/data" --port "$PORT" --sources "$WORK/sources.yml"
    -Dpolicywatch.embedded-kafka.port=0 -Dpolicywatch.crawler.per-host-delay=0s)
  if [ "${LAUNCH:-jar}" = cds ]; then   # the launcher exec()s java: $! is the JVM
    POLICYWATCH_JAR=$JAR JAVA_OPTS=-Xmx512m POLICYWATCH_CDS_DIR=$WORK/cds ${NICE:+nice -n "$NICE"} "$HERE/../bin/policywatch" "${args[@]}" \
      > "$WORK/$1.out" 2> "$WORK/$1.err" & JVM=$!
  else
    ${NICE:+nice -n "$NICE"} java -Xmx512m -jar "$JAR" "${args[@]}" > "$WORK/$1.out" 2> "$WORK/$1.err" & JVM=$!
  fi
  local limit=$(( $(now) + 180000000000 ))
  until grep -q "policywatch is running" "$WORK/$1.out" 2>/dev/null; do
    kill -0 "$JVM" 2>/dev/null || { echo "policywatch exited; see $WORK/$1.err"; exit 1; }
    [ "$(now)" -lt "$limit" ] || { echo "no banner after 180 s"; exit 1; }
    sleep 0.05
  done
}
changes() {  # number of changes of KIND in the history
  curl -sf "http://127.0.0.1:$PORT/api/changes?kind=$1&limit=500" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))' 2>/dev/null || echo 0
}
await_changes() {  # await_changes KIND N -> waits (bounded 300 s) until the history has N changes of KIND
  local limit=$(( $(now) + 300000000000 ))
  until [ "$(changes "$1")" -ge "$2" ]; do
    [ "$(now)" -lt "$limit" ] || { echo "timed out waiting for $2 $1 changes"; exit 1; }
    sleep 0.1
  done
}
crawl() { curl -sf -X POST -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/sources/crash-reg/crawl" > /dev/null; }

launch first
echo "first start (new data dir): $(ms "$BEGIN") ms to 'policywatch is running' (load $(load))"
await_changes BASELINE 1
echo "baseline in the history: $(ms "$BEGIN") ms after launch"
kill "$JVM"; wait "$JVM" || true
launch clean-restart
echo "restart after a clean stop (existing data dir): $(ms "$BEGIN") ms to 'policywatch is running' (load $(load))"

for r in $(seq 1 "$ROUNDS"); do
  kill -9 "$JVM"; wait "$JVM" 2>/dev/null || true
  page "$r"
  launch "crash-$r"
  running=$(ms "$BEGIN")
  until crawl; do sleep 0.1; done
  await_changes UPDATED "$r"
  echo "kill -9 round $r: $running ms to 'policywatch is running'; change of the edited page in the history $(ms "$BEGIN") ms after launch (load $(load))"
done
echo "work directory: $WORK"
