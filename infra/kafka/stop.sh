#!/usr/bin/env bash
# Stops the broker that start.sh started (found via its pid file). Fine if not running.
set -euo pipefail

KAFKA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$KAFKA_DIR/../.." && pwd)"
STATE="${FLOWSENTRY_STATE_DIR:-$ROOT/infra/.state}/kafka"
PIDFILE="$STATE/kafka.pid"

if [[ ! -f "$PIDFILE" ]]; then
  echo "kafka: not started by start.sh (no pid file); nothing to stop"
  exit 0
fi
pid="$(cat "$PIDFILE")"
# Only signal the pid if it still is our broker: pids get recycled.
if [[ -z "$pid" ]] || ! grep -q 'kafka\.Kafka' "/proc/$pid/cmdline" 2>/dev/null; then
  echo "kafka: not running (stale pid file removed)"
  rm -f "$PIDFILE"
  exit 0
fi

echo "kafka: stopping pid $pid"
kill -TERM "$pid" 2>/dev/null || true
# A clean shutdown lets KRaft close its log, which makes the next start faster.
for _ in $(seq 1 40); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if kill -0 "$pid" 2>/dev/null; then
  echo "kafka: still running after 20s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  sleep 0.5
fi
rm -f "$PIDFILE"
echo "kafka: stopped"
