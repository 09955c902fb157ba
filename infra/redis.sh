#!/usr/bin/env bash
# Makes sure a Redis answers on 127.0.0.1:$REDIS_PORT: uses the machine's own if it is up,
# otherwise starts a throwaway redis-server (no persistence) whose pid file marks it as ours.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${FLOWSENTRY_STATE_DIR:-$ROOT/infra/.state}/redis"
PORT="${REDIS_PORT:-6379}"
PIDFILE="$STATE/redis.pid"

redis_up() {
  if command -v redis-cli >/dev/null 2>&1; then
    [[ "$(timeout 2 redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null)" == "PONG" ]]
  else
    # No redis-cli: speak RESP by hand over bash's /dev/tcp.
    timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT && printf 'PING\r\n' >&3 && head -c 5 <&3 | grep -q PONG" 2>/dev/null
  fi
}

if redis_up; then
  echo "redis: already answering on 127.0.0.1:$PORT"
  exit 0
fi

if ! command -v redis-server >/dev/null 2>&1; then
  if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
    echo "redis: redis-server not installed; installing it with apt-get"
    apt-get install -y redis-server >/dev/null || { apt-get update >/dev/null && apt-get install -y redis-server >/dev/null; }
  else
    echo "redis: nothing answers on 127.0.0.1:$PORT and redis-server is not installed." >&2
    echo "redis: install it (e.g. 'sudo apt-get install -y redis-server') or start Redis yourself." >&2
    exit 1
  fi
fi

mkdir -p "$STATE"
echo "redis: starting redis-server on 127.0.0.1:$PORT"
# Test data only: no RDB snapshots, no AOF, so nothing is written to disk.
redis-server --daemonize yes --bind 127.0.0.1 --port "$PORT" --save "" --appendonly no \
  --dir "$STATE" --pidfile "$PIDFILE" --logfile "$STATE/redis.log"

for _ in $(seq 1 50); do
  if redis_up; then
    echo "redis: ready on 127.0.0.1:$PORT (pid $(cat "$PIDFILE" 2>/dev/null || echo '?'))"
    exit 0
  fi
  sleep 0.1
done
echo "redis: redis-server did not answer within 5s; last log lines:" >&2
tail -n 20 "$STATE/redis.log" >&2 || true
exit 1
