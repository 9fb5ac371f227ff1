# Sourced by tests/e2e/run.sh and tests/e2e/screenshots.sh (from the repository root, with
# `set -euo pipefail`): checks what the browser scripts need, then start_demo_server BIN starts
# the server with --demo on a free loopback port and a fresh SQLite file in a temp directory,
# serving web/dist, and waits for /healthz. It sets $url, $tmp (holding server.log) and
# $server_pid; an EXIT trap stops the server and removes $tmp.

check_e2e_prerequisites() {
  local bin=$1
  if [ ! -x "$bin" ]; then echo "e2e: server binary $bin not found" >&2; exit 2; fi
  web_root=${JIANBAO_WEB_ROOT:-web/dist}
  if [ ! -f "$web_root/index.html" ]; then echo "e2e: $web_root missing; run npm run build in web/" >&2; exit 2; fi
  if [ ! -d web/node_modules/playwright-core ]; then echo "e2e: web/node_modules missing; run npm ci in web/" >&2; exit 2; fi
  if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then echo "e2e: ${CHROMIUM:-/usr/bin/chromium} missing" >&2; exit 2; fi
}

stop_demo_server() {
  if [ -n "${server_pid:-}" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ -n "${tmp:-}" ]; then rm -rf "$tmp"; fi
}

start_demo_server() {
  local bin=$1
  check_e2e_prerequisites "$bin"
  tmp=$(mktemp -d)
  server_pid=""
  trap stop_demo_server EXIT

  local port
  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  url="http://127.0.0.1:$port"

  "$bin" serve --listen "127.0.0.1:$port" --db "sqlite:$tmp/e2e.db" --demo --web-root "$web_root" \
    >"$tmp/server.log" 2>&1 &
  server_pid=$!

  local ready=0
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
}
