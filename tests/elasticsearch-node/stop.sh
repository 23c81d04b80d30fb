#!/usr/bin/env bash
# Stops the node started by start.sh on ES_TEST_PORT (9250). Exits 0 when nothing is running.
set -euo pipefail
PORT="${ES_TEST_PORT:-9250}"
RUN_DIR="${ES_TEST_RUN_DIR:-/tmp/pulse-es-node-$PORT}"
PID_FILE="$RUN_DIR/node.pid"
[[ -f "$PID_FILE" ]] || { echo "elasticsearch-node: not running on port $PORT"; exit 0; }
pid="$(cat "$PID_FILE")"
if kill -0 "$pid" 2>/dev/null; then
  kill -TERM "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "elasticsearch-node: pid $pid ignored SIGTERM for 30s; killing" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
fi
rm -f "$PID_FILE"
echo "elasticsearch-node: stopped (port $PORT)"
