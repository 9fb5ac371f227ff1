#!/usr/bin/env bash
# Benchmark: import the whole shared CSV (50,172 rows) into a fresh SQLite
# database and validate every rule, as whole processes. Target: under 1 s.
#
# usage: bench/epidemic/run.sh [JIANBAO_BINARY] [RUNS]
#   JIANBAO_BINARY  default build/jianbao, else build-epidemic/jianbao
#   RUNS            default 5
# Prints one line per run and a summary (median and best wall time, CPU time).
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${1:-}"
if [[ -z "$bin" ]]; then
  for b in "$root/build/jianbao" "$root/build-epidemic/jianbao"; do
    [[ -x "$b" ]] && bin="$b" && break
  done
fi
[[ -x "$bin" ]] || { echo "no jianbao binary; build first or pass its path" >&2; exit 1; }
runs="${2:-5}"
shared="${JIANBAO_SHARED:-$root/../shared}"
csv="$shared/data/epidemic/canghailan-wuhan-2019-ncov_china_2020-01-01_2020-04-30.csv"
[[ -r "$csv" ]] || { echo "missing $csv" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)   load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "binary:  $bin"
echo "run  import_wall  validate_wall  total_wall  total_cpu  violations"

walls=()
for i in $(seq 1 "$runs"); do
  db="$tmp/bench$i.db"
  /usr/bin/time -f "%e %U %S" -o "$tmp/t_import" "$bin" epidemic import "$csv" --db "$db" >/dev/null
  /usr/bin/time -f "%e %U %S" -o "$tmp/t_validate" "$bin" epidemic validate --db "$db" --json \
    >"$tmp/violations.json"
  read -r iw iu is <"$tmp/t_import"
  read -r vw vu vs <"$tmp/t_validate"
  total=$(echo "$iw + $vw" | bc)
  cpu=$(echo "$iu + $is + $vu + $vs" | bc)
  count=$(grep -c '"rule"' "$tmp/violations.json" || true)
  printf "%3d  %11s  %13s  %10s  %9s  %10s\n" "$i" "$iw" "$vw" "$total" "$cpu" "$count"
  walls+=("$total")
done
sorted=$(printf "%s\n" "${walls[@]}" | sort -n)
echo "best total wall: $(echo "$sorted" | head -1) s; median: $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") s (target < 1 s)"
