#!/usr/bin/env bash
# Brings up what the integration tests need: Redis, a Kafka broker and Debian's chromium for
# the browser tests (anvil is started by the tests themselves; here we only check that its
# binary is installed).
set -euo pipefail

INFRA="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$INFRA/.." && pwd)"

bash "$INFRA/redis.sh"
bash "$INFRA/chromium.sh"

if [[ "${FLOWSENTRY_SKIP_KAFKA:-0}" == "1" ]]; then
  echo "kafka: skipped (FLOWSENTRY_SKIP_KAFKA=1)"
else
  bash "$INFRA/kafka/start.sh"
fi

# The npm package ships one platform package per OS/arch; the wrapper in .bin spawns it.
anvil_bin="$(compgen -G "$ROOT/node_modules/@foundry-rs/anvil-*/bin/anvil" | head -n 1 || true)"
if [[ -z "$anvil_bin" || ! -x "$anvil_bin" ]]; then
  echo "anvil: binary not found under node_modules/@foundry-rs/ (run 'npm ci')" >&2
  exit 1
fi
echo "anvil: $("$anvil_bin" --version | head -n 1) ($anvil_bin)"
