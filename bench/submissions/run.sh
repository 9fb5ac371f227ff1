#!/usr/bin/env bash
# Runs the submissions benchmark on SQLite (a fresh file in /tmp) and on a
# throw-away PostgreSQL 15 cluster started here on a loopback port.
# With LibreOffice installed it also converts a generated 50-page HTML
# document to .docx and times `jianbao import-docx` on it (a whole process).
#   bench/submissions/run.sh [BENCH_BINARY] [RUNS] [JIANBAO_BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-build/src/submissions/jb_submissions_bench}
runs=${2:-20}
jianbao=${3:-build/jianbao}
if command -v soffice >/dev/null && [ -x "$jianbao" ]; then
  work=$(mktemp -d /tmp/jb-bench-docx-XXXXXX)
  python3 - "$work/long.html" <<'PY'
import sys
s = "协会组织会员单位围绕网络建设、安全生产和会员服务开展工作，取得了阶段性成效，各单位认真落实有关要求。"
parts = ["<html><head><meta charset='utf-8'></head><body><h1>五十页文档</h1>"]
for page in range(50):
    parts.append(f"<h2>第{page + 1}部分</h2>")
    parts += [f"<p>{s * 3}<b>重点工作</b>{s}</p>" for _ in range(5)]
    parts.append("<ul>" + f"<li>{s}</li>" * 3 + "</ul>")
    if page % 5 == 0:
        parts.append("<table border='1'>" + ("<tr>" + "<td>单元</td>" * 4 + "</tr>") * 6 + "</table>")
open(sys.argv[1], "w").write("".join(parts) + "</body></html>")
PY
  (cd "$work" && soffice -env:UserInstallation=file://$work/profile --headless \
     --convert-to docx:"MS Word 2007 XML" long.html >/dev/null 2>&1)
  echo "== LibreOffice-made .docx ($(du -k "$work/long.docx" | cut -f1) KiB), jianbao import-docx --json, 5 runs"
  for i in 1 2 3 4 5; do
    /usr/bin/time -f "  %e s wall, %U+%S s CPU, %M KiB max RSS" "$jianbao" import-docx "$work/long.docx" --json >/dev/null
  done
  rm -rf "$work"
fi
echo "== SQLite"
"$bin" --runs "$runs"
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
"$bin" --db "postgresql://jianbao@127.0.0.1:$port/bench" --runs "$runs"
echo "== PostgreSQL plan of the yearly count"
"${as[@]}" "$pg/psql" -h 127.0.0.1 -p "$port" -U jianbao -d bench -qc "ANALYZE pieces" -c \
  "EXPLAIN (ANALYZE, COSTS OFF) SELECT owner_org_id, COUNT(*), SUM(CASE WHEN state = 'adopted' THEN 1 ELSE 0 END) FROM pieces WHERE target_org_id = 1 AND first_submitted_at >= '2025-12-31T16:00:00Z' AND first_submitted_at < '2026-12-31T16:00:00Z' GROUP BY owner_org_id"
