#!/usr/bin/env bash
# Regenerates the README screenshots in docs/screenshots/ from a fresh demo server.
#
# Usage: tests/e2e/screenshots.sh [SERVER_BINARY]   (default build/jianbao)
# Starts the server like tests/e2e/run.sh does, runs tests/e2e/screenshots.mjs against it and
# stops the server. Needs web/dist (npm run build) and web/node_modules.
set -euo pipefail
bin=${1:+$(realpath -m -- "$1")}
cd "$(dirname "$0")/../.."
bin=${bin:-build/jianbao}
source tests/e2e/demo-server.sh
start_demo_server "$bin"

status=0
JIANBAO_URL="$url" node tests/e2e/screenshots.mjs || status=$?
if [ "$status" != 0 ]; then
  echo "screenshots: failed; last lines of the server log:" >&2
  tail -n 40 "$tmp/server.log" >&2
fi
exit "$status"
