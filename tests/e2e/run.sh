#!/usr/bin/env bash
# Browser tests of the web UI against the real server.
#
# Usage: tests/e2e/run.sh [SERVER_BINARY]   (default build/jianbao)
# Starts the server with --demo on a free loopback port and a fresh SQLite file in a temp
# directory, serving web/dist; waits for /healthz; runs `node --test tests/e2e/`; stops the
# server; exits with the tests' status. Needs web/dist (npm run build) and web/node_modules.
set -euo pipefail
# A binary given as an argument is taken relative to the caller's directory.
bin=${1:+$(realpath -m -- "$1")}
cd "$(dirname "$0")/../.."
bin=${bin:-build/jianbao}
source tests/e2e/demo-server.sh
start_demo_server "$bin"

status=0
JIANBAO_URL="$url" node --test --test-concurrency=1 ${JIANBAO_E2E_FILES:-tests/e2e/} || status=$?
if [ "$status" != 0 ]; then
  echo "e2e: failed; last lines of the server log:" >&2
  tail -n 40 "$tmp/server.log" >&2
fi
# JIANBAO_E2E_LOG=FILE keeps the whole server log for a look after the run.
if [ -n "${JIANBAO_E2E_LOG:-}" ]; then cp "$tmp/server.log" "$JIANBAO_E2E_LOG"; fi
exit "$status"
