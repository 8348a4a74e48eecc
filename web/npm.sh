#!/usr/bin/env bash
# Runs npm for the Maven build. Without Node.js/npm on the machine the web client is skipped with a warning,
# so `./mvnw verify` still works where only a JDK is installed (the gateway then serves no page at /).
set -euo pipefail
npm_cmd="${NPM:-npm}"
if ! command -v "$npm_cmd" >/dev/null 2>&1; then
  echo "[web] WARNING: npm not found; skipping 'npm $*' (install Node.js 20+ to build and test the web client)" >&2
  exit 0
fi
exec "$npm_cmd" "$@"
