#!/usr/bin/env bash
# Starts a bare single-node Elasticsearch 8.19 (server + netty4 HTTP, from Maven Central) in the
# background and waits until the cluster is yellow. Safe to re-run: an already healthy node that we
# started is left alone.
#
# Env: ES_TEST_PORT (9250)  ES_TEST_RUN_DIR (/tmp/pulse-es-node-$PORT)  ES_TEST_HEAP (1g)
#      ES_TEST_START_TIMEOUT seconds (120)  ES_TEST_KEEP_DATA=1 keeps the data dir of a previous run.
#      ES_TEST_JAVA (java on PATH; Elasticsearch 8.19 needs Java 17–24).
#      ES_TEST_GC (Serial | Parallel | G1; default Serial: on 2 shared cores it used the least CPU
#        per indexed document, see docs/ELASTICSEARCH.md. G1 is what Elasticsearch ships with.)
#        With Serial/Parallel the real-memory parent breaker is turned off: those collectors leave
#        garbage on the heap until it is full, which that breaker counts as use and answered bulk
#        loads with spurious 429s; the parent breaker then sums the child breakers (70 % limit).
#      ES_TEST_JAVA_OPTS extra JVM flags.  ES_TEST_SETTINGS extra node settings "k=v;k=v" (TestNode).
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PORT="${ES_TEST_PORT:-9250}"
RUN_DIR="${ES_TEST_RUN_DIR:-/tmp/pulse-es-node-$PORT}"
HEAP="${ES_TEST_HEAP:-1g}"
JAVA="${ES_TEST_JAVA:-java}"
TIMEOUT="${ES_TEST_START_TIMEOUT:-120}"
PID_FILE="$RUN_DIR/node.pid"
LOG_FILE="$RUN_DIR/node.log"
HEALTH_URL="http://127.0.0.1:$PORT/_cluster/health?wait_for_status=yellow&timeout=1s"

healthy() { curl -fsS -m 3 "$HEALTH_URL" >/dev/null 2>&1; }
# The JVM's stack dumps bury the cause: show the exception lines first, then the tail.
show_failure() {
  echo "elasticsearch-node: $1; exceptions in $LOG_FILE:" >&2
  grep -E '(Exception|Error)(:| in thread)|^Caused by' "$LOG_FILE" | grep -v InterruptedException | head -12 >&2 || true
  echo "--- last lines:" >&2
  tail -15 "$LOG_FILE" >&2
}
alive() { [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

if alive && healthy; then
  echo "elasticsearch-node: already running on port $PORT (pid $(cat "$PID_FILE"))"
  exit 0
fi
if ! alive && healthy; then
  echo "elasticsearch-node: port $PORT already answers as a cluster that this script did not start; refusing" >&2
  exit 1
fi
if alive; then
  echo "elasticsearch-node: pid $(cat "$PID_FILE") alive but unhealthy; restarting it" >&2
  "$DIR/stop.sh"
fi

"$DIR/build.sh"

mkdir -p "$RUN_DIR/lib"
# Staged copy: when run as root the node runs as 'nobody' (Elasticsearch refuses root) and cannot
# read ~/.m2 or a private checkout.
rm -rf "$RUN_DIR/classes"
cp -r "$DIR/target/classes" "$RUN_DIR/classes"
tr ':' '\n' <"$DIR/target/classpath.txt" | xargs -I{} cp -u {} "$RUN_DIR/lib/"
if [[ "${ES_TEST_KEEP_DATA:-0}" != "1" ]]; then rm -rf "$RUN_DIR/home"; fi
mkdir -p "$RUN_DIR/home"
: >"$LOG_FILE"

RUN_AS=()
if [[ "$(id -u)" == "0" ]]; then
  chown -R 65534:65534 "$RUN_DIR/home" "$LOG_FILE"
  chmod -R a+rX "$RUN_DIR/lib" "$RUN_DIR/classes"
  chmod a+x "$RUN_DIR"
  RUN_AS=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi

NO_REAL_MEMORY_BREAKER="indices.breaker.total.use_real_memory=false"
case "${ES_TEST_GC:-Serial}" in
  # Elasticsearch's own jvm.options for G1 (reserve and early marking keep the breaker honest).
  G1) GC_FLAGS=(-XX:+UseG1GC -XX:G1ReservePercent=25 -XX:InitiatingHeapOccupancyPercent=30) ;;
  Parallel) GC_FLAGS=(-XX:+UseParallelGC); ES_TEST_SETTINGS="$NO_REAL_MEMORY_BREAKER;${ES_TEST_SETTINGS:-}" ;;
  Serial) GC_FLAGS=(-XX:+UseSerialGC); ES_TEST_SETTINGS="$NO_REAL_MEMORY_BREAKER;${ES_TEST_SETTINGS:-}" ;;
  *) echo "elasticsearch-node: ES_TEST_GC must be G1, Parallel or Serial, got '${ES_TEST_GC}'" >&2; exit 1 ;;
esac
export ES_TEST_SETTINGS

started_ms=$(( $(date +%s%N) / 1000000 ))
cd "$RUN_DIR"
ES_TEST_HOME="$RUN_DIR/home" ES_TEST_PORT="$PORT" setsid "${RUN_AS[@]}" \
  "$JAVA" "-Xms$HEAP" "-Xmx$HEAP" "${GC_FLAGS[@]}" ${ES_TEST_JAVA_OPTS:-} -Djava.io.tmpdir="$RUN_DIR/home" \
  -cp "$RUN_DIR/classes:$RUN_DIR/lib/*" pulse.esnode.TestNode >>"$LOG_FILE" 2>&1 </dev/null &
echo $! >"$PID_FILE"

deadline=$(( $(date +%s) + TIMEOUT ))
until healthy; do
  if ! alive; then
    show_failure "process exited during start"
    rm -f "$PID_FILE"
    exit 1
  fi
  if (( $(date +%s) > deadline )); then
    show_failure "not healthy after ${TIMEOUT}s"
    "$DIR/stop.sh" || true
    exit 1
  fi
  sleep 0.5
done
elapsed_ms=$(( $(date +%s%N) / 1000000 - started_ms ))
printf 'elasticsearch-node: healthy on http://127.0.0.1:%s (pid %s) in %d.%ds\n' \
  "$PORT" "$(cat "$PID_FILE")" $(( elapsed_ms / 1000 )) $(( elapsed_ms % 1000 / 100 ))
