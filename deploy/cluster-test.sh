#!/usr/bin/env bash
# The cluster test: policywatch as separate processes on a three-node KRaft Kafka cluster (replication
# factor 3, min.insync.replicas 2) and PostgreSQL, with one broker, one diff-service and one notifier
# SIGKILLed and restarted while 200 changes flow; then the exactly-once tally. See docs/operations.md.
#
#   deploy/cluster-test.sh              build the -Pdist jars, then run the test (exit 0 = passed)
#   SKIP_BUILD=1 deploy/cluster-test.sh reuse the jars already in */target
#   MAVEN_OFFLINE=-o deploy/cluster-test.sh  build without the network
#
# Needs Java 17 and PostgreSQL's server binaries (Debian: apt-get install postgresql); as root the
# database runs as the postgres user. Everything listens on 127.0.0.1. Logs: target/cluster-test/.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
work="$repo/target/cluster-test"
offline="${MAVEN_OFFLINE:-}"   # MAVEN_OFFLINE=-o: no network

rm -rf "$work"
mkdir -p "$work/classes"

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "== building the services' -Pdist jars (crawler, diff-service, notifier, web)"
  ./mvnw -B -q $offline -Pdist -pl crawler,diff-service,notifier,web -am package -Dmaven.test.skip=true
fi
for m in crawler diff-service notifier web; do
  [ -f "$m/target/$m.jar" ] || { echo "missing $m/target/$m.jar (run without SKIP_BUILD)"; exit 1; }
done

echo "== classpath of Apache Kafka's broker (kafka.Kafka, kafka.tools.StorageTool) from the embedded module"
./mvnw -B -q $offline -pl embedded dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/broker.classpath"

echo "== compiling the driver (deploy/cluster/src)"
javac -d "$work/classes" -cp "$(cat "$work/broker.classpath")" $(find deploy/cluster/src -name '*.java')

echo "== running the cluster test"
exec java -Xmx256m -Dfile.encoding=UTF-8 -Djava.net.preferIPv4Stack=true \
  -Dlogback.configurationFile="$repo/deploy/cluster/logback.xml" \
  -cp "$work/classes:$(cat "$work/broker.classpath")" \
  dev.policywatch.cluster.ClusterTest "$repo" "$work" "$work/broker.classpath" "$work/classes"
