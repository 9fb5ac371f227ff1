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
if [ ! -x "$bin" ]; then echo "e2e: server binary $bin not found" >&2; exit 2; fi
if [ ! -f web/dist/index.html ]; then echo "e2e: web/dist missing; run npm run build in web/" >&2; exit 2; fi
if [ ! -d web/node_modules/playwright-core ]; then echo "e2e: web/node_modules missing; run npm ci in web/" >&2; exit 2; fi
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then echo "e2e: ${CHROMIUM:-/usr/bin/chromium} missing" >&2; exit 2; fi

tmp=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
url="http://127.0.0.1:$port"

"$bin" serve --listen "127.0.0.1:$port" --db "sqlite:$tmp/e2e.db" --demo --web-root web/dist \
  >"$tmp/server.log" 2>&1 &
server_pid=$!

ready=0
for _ in $(seq 150); do
  if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
  if node -e "fetch('$url/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" 2>/dev/null; then
    ready=1
    break
  fi
  sleep 0.2
done
if [ "$ready" != 1 ]; then
  echo "e2e: server did not become ready at $url; its log:" >&2
  cat "$tmp/server.log" >&2
  exit 1
fi

status=0
JIANBAO_URL="$url" node --test --test-concurrency=1 tests/e2e/ || status=$?
if [ "$status" != 0 ]; then
  echo "e2e: failed; last lines of the server log:" >&2
  tail -n 40 "$tmp/server.log" >&2
fi
exit "$status"
