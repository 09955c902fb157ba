#!/usr/bin/env bash
# Makes sure Debian's chromium is installed for the browser tests (console and HTML report,
# driven by playwright-core, which never downloads a browser): installs it with apt-get,
# as root or through sudo, when /usr/bin/chromium is missing.
set -euo pipefail

CHROMIUM="${FLOWSENTRY_CHROMIUM:-/usr/bin/chromium}"

if [[ -x "$CHROMIUM" ]]; then
  echo "chromium: $("$CHROMIUM" --version 2>/dev/null | head -n 1) ($CHROMIUM)"
  exit 0
fi

sudo=""
if [[ "$(id -u)" != "0" ]]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "chromium: $CHROMIUM is missing and neither root nor sudo is available." >&2
    echo "chromium: install it (e.g. 'apt-get install -y chromium') and run again." >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium: $CHROMIUM is missing and apt-get is not available; install chromium." >&2
  exit 1
fi

echo "chromium: not installed; installing Debian's chromium with apt-get"
# A fresh machine's package index may be empty or stale: update once if the install fails.
$sudo apt-get install -y chromium >/dev/null 2>&1 ||
  { $sudo apt-get update >/dev/null && $sudo apt-get install -y chromium >/dev/null; }
if [[ ! -x "$CHROMIUM" ]]; then
  echo "chromium: apt-get finished but $CHROMIUM is still missing" >&2
  exit 1
fi
echo "chromium: installed ($("$CHROMIUM" --version 2>/dev/null | head -n 1))"
