#!/usr/bin/env bash
# Runs the member-services benchmark on SQLite (a fresh file in /tmp) and on a throw-away
# PostgreSQL 15 cluster started here on a loopback port.
#   bench/members/run.sh [BENCH_BINARY] [RUNS] [EXTRA ARGS…]   (e.g. --only import)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-build/src/members/jb_members_bench}
runs=${2:-5}
shift $(( $# > 2 ? 2 : $# ))
echo "== SQLite"
"$bin" --runs "$runs" "$@"
pg=/usr/lib/postgresql/15/bin
dir=$(mktemp -d /tmp/jb-bench-pg-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as=()
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; as=(runuser -u postgres --); fi
"${as[@]}" "$pg/initdb" -D "$dir/data" -A trust -U jianbao -E UTF8 --locale=C.UTF-8 >/dev/null
"${as[@]}" "$pg/pg_ctl" -D "$dir/data" -w -l "$dir/log" \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
trap '"${as[@]}" "$pg/pg_ctl" -D "$dir/data" -m fast stop >/dev/null; rm -rf "$dir"' EXIT
"${as[@]}" "$pg/psql" -h 127.0.0.1 -p "$port" -U jianbao -d postgres -qc "CREATE DATABASE bench"
echo "== PostgreSQL 15"
"$bin" --db "postgresql://jianbao@127.0.0.1:$port/bench" --runs "$runs" "$@"
