#!/usr/bin/env bash
# Stops what up.sh started: the Kafka broker, and Redis only if redis.sh started it
# (a machine-wide Redis that was already running is left alone).
set -euo pipefail

INFRA="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STATE="${FLOWSENTRY_STATE_DIR:-$INFRA/.state}"
REDIS_PIDFILE="$STATE/redis/redis.pid"

bash "$INFRA/kafka/stop.sh"

if [[ -f "$REDIS_PIDFILE" ]]; then
  pid="$(cat "$REDIS_PIDFILE")"
  # Only signal the pid if it still is a redis-server: pids get recycled.
  if [[ -n "$pid" ]] && grep -q 'redis-server' "/proc/$pid/cmdline" 2>/dev/null; then
    echo "redis: stopping our redis-server (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  else
    echo "redis: our redis-server is not running"
  fi
  rm -f "$REDIS_PIDFILE"
else
  echo "redis: not started by redis.sh; leaving it alone"
fi
