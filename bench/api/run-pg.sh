#!/usr/bin/env bash
# Agenda reads and meeting-request writes on `ponte serve` over SQLite (one
# server) and over PostgreSQL (one server, then two servers on one database).
#
#   bench/api/run-pg.sh [ponte-binary]        (default: build/ponte)
#
# Needs wrk, curl, jq and PostgreSQL 15's binaries (scripts/postgres.sh starts a
# throw-away server in the temporary directory; PONTE_BENCH_PG_URI uses yours
# instead — its database is overwritten by `ponte demo`). Prints a Markdown table.
#
# Reads: GET /api/v1/events/icstiw-2026/agenda as giulia.rossi@ponte.demo
# (bearer token), wrk -t2 -c32. Writes: each wrk thread holds one connection
# and loops "POST /requests {to: its own organization}" then "POST
# /requests/{id}/cancel": two writes per cycle, no conflicts between threads.
# Two servers: one wrk per server at the same moment, each with half the
# threads and connections; requests/s are summed, p50 is the mean, p99 the
# worse of the two.
set -euo pipefail

PONTE=$(realpath "${1:-build/ponte}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DURATION=${DURATION:-10s}
READ_THREADS=${READ_THREADS:-2}
READ_CONNECTIONS=${READ_CONNECTIONS:-32}
WRITERS=${WRITERS:-4}  # wrk threads = connections for the write load
EVENT=icstiw-2026
EMAIL=giulia.rossi@ponte.demo
PASSWORD=ponte-demo-2026

WORK=$(mktemp -d /tmp/ponte-bench-api-pg.XXXXXX)
chmod 755 "$WORK"  # the PostgreSQL server may run as nobody
SERVER_PIDS=()
PG_STARTED=""
stop_servers() {
  for pid in "${SERVER_PIDS[@]}"; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  SERVER_PIDS=()
}
cleanup() {
  stop_servers
  [[ -n "$PG_STARTED" ]] && "$ROOT/scripts/postgres.sh" stop "$WORK/pg" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts `ponte serve --db $1`; appends its base URL to BASES.
start_server() {
  local n=${#SERVER_PIDS[@]}
  "$PONTE" serve --db "$1" --listen 127.0.0.1:0 --log-level warn \
    >"$WORK/serve$n.out" 2>"$WORK/serve$n.err" &
  SERVER_PIDS+=($!)
  for _ in $(seq 100); do
    grep -q 'serving' "$WORK/serve$n.out" 2>/dev/null && break
    sleep 0.1
  done
  BASES+=("$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$WORK/serve$n.out")")
}

# Signs in on $1 and prints a bearer token.
bearer() {
  local body csrf
  body=$(printf '{"email":"%s","password":"%s"}' "$EMAIL" "$PASSWORD")
  csrf=$(curl -sf -c "$WORK/jar" -H 'Content-Type: application/json' -d "$body" \
    "$1/api/v1/auth/login" | jq -r .csrf_token)
  curl -sf -b "$WORK/jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    -d '{"label":"bench"}' "$1/api/v1/auth/tokens" | jq -r .token
}

# Organizations giulia's can ask (a request to them and its cancellation
# both succeed), one per writer thread; prints them space-separated.
targets() {
  local base=$1 token=$2 want=$3 found=() id rid
  for id in $(curl -sf -H "Authorization: Bearer $token" \
    "$base/api/v1/events/$EVENT/organizations?limit=500" | jq -r '.items[].id'); do
    rid=$(curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "{\"to\":$id}" "$base/api/v1/events/$EVENT/requests" | jq -r '.id // empty')
    [[ -z "$rid" ]] && continue
    curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d '{}' "$base/api/v1/events/$EVENT/requests/$rid/cancel" || continue
    found+=("$id")
    [[ ${#found[@]} -ge $want ]] && break
  done
  echo "${found[@]}"
}

# "1.23ms" / "456.00us" / "1.02s" → milliseconds
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000
    printf "%.2f", n }'
}

# wrk output file → "req/s p50_ms p99_ms non2xx"
summarize() {
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' "$1")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$1")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$1")")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$1")
  echo "$rps $p50 $p99 ${non2xx:-0}"
}

# Sums per-server summaries ("rps p50 p99 bad" lines on stdin).
combine() {
  awk '{ rps += $1; p50 += $2; if ($3 > p99) p99 = $3; bad += $4; n++ }
       END { printf "%.0f %.2f %.2f %d\n", rps, p50 / n, p99, bad }'
}

write_lua() {  # $1 token, $2.. targets; one target per wrk thread
  local token=$1
  shift
  cat >"$WORK/auth.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
LUA
  cat >"$WORK/write.lua" <<LUA
local targets = { $(echo "$@" | tr ' ' ',') }
local next_target = 1
function setup(thread)
  thread:set("to", targets[next_target])
  next_target = next_target + 1
end
function init(args)
  pending = nil
  headers = { ["Authorization"] = "Bearer $token", ["Content-Type"] = "application/json" }
end
function request()
  if pending then
    return wrk.format("POST", "/api/v1/events/$EVENT/requests/" .. pending .. "/cancel", headers, "{}")
  end
  return wrk.format("POST", "/api/v1/events/$EVENT/requests", headers, '{"to":' .. to .. '}')
end
function response(status, headers, body)
  if status == 201 then pending = body:match('"id":(%d+)') else pending = nil end
end
LUA
}

# Runs one wrk per server at once. $1: reads|writes; $2: per-server threads;
# $3: per-server connections. Prints the combined summary.
run_wrk() {
  local kind=$1 threads=$2 connections=$3 i pids=()
  for i in "${!BASES[@]}"; do
    if [[ $kind == reads ]]; then
      wrk -t"$threads" -c"$connections" -d"$DURATION" --latency -s "$WORK/auth.lua" \
        "${BASES[$i]}/api/v1/events/$EVENT/agenda" >"$WORK/wrk.$i" &
    else
      # Each server's writers get their own targets: offset the Lua table.
      sed "s/^local next_target = 1/local next_target = $((i * threads + 1))/" \
        "$WORK/write.lua" >"$WORK/write.$i.lua"
      wrk -t"$threads" -c"$connections" -d"$DURATION" --latency -s "$WORK/write.$i.lua" \
        "${BASES[$i]}" >"$WORK/wrk.$i" &
    fi
    pids+=($!)
  done
  wait "${pids[@]}"
  for i in "${!BASES[@]}"; do
    cat "$WORK/wrk.$i" >>"$WORK/wrk.log"
    summarize "$WORK/wrk.$i"
  done | combine
}

ROWS=()
# $1 label, $2 db, $3 servers
measure() {
  local label=$1 db=$2 servers=$3 token tgt
  BASES=()
  for _ in $(seq "$servers"); do start_server "$db"; done
  token=$(bearer "${BASES[0]}")
  tgt=$(targets "${BASES[0]}" "$token" "$WRITERS")
  [[ $(wc -w <<<"$tgt") -ge $WRITERS ]] || { echo "not enough request targets: $tgt" >&2; exit 1; }
  write_lua "$token" $tgt
  echo "$label: reads..." >&2
  read -r R_RPS R_P50 R_P99 R_BAD < <(run_wrk reads $((READ_THREADS / servers > 0 ?
    READ_THREADS / servers : 1)) $((READ_CONNECTIONS / servers)))
  echo "$label: writes..." >&2
  read -r W_RPS W_P50 W_P99 W_BAD < <(run_wrk writes $((WRITERS / servers)) $((WRITERS / servers)))
  ROWS+=("| $label | $R_RPS | $R_P50 ms | $R_P99 ms | $W_RPS | $W_P50 ms | $W_P99 ms | $R_BAD / $W_BAD |")
  stop_servers
}

echo "building the demo database on SQLite..." >&2
"$PONTE" demo --db "$WORK/demo.db" --no-serve >"$WORK/demo-sqlite.log" 2>&1
if [[ -n "${PONTE_BENCH_PG_URI:-}" ]]; then
  PG_URI=$PONTE_BENCH_PG_URI
else
  PG_URI=$("$ROOT/scripts/postgres.sh" start "$WORK/pg" "$(free_port)" | tail -1)
  PG_STARTED=1
fi
echo "building the demo database on PostgreSQL ($PG_URI)..." >&2
"$PONTE" demo --db "$PG_URI" --no-serve >"$WORK/demo-pg.log" 2>&1

measure "SQLite, 1 server" "$WORK/demo.db" 1
measure "PostgreSQL, 1 server" "$PG_URI" 1
measure "PostgreSQL, 2 servers" "$PG_URI" 2

echo
echo "wrk -d$DURATION --latency on $(nproc) cores; reads: GET /api/v1/events/$EVENT/agenda," \
  "-t$READ_THREADS -c$READ_CONNECTIONS in all; writes: POST requests + cancel, $WRITERS" \
  "connections in all; two servers: one wrk each (half the threads and connections), summed"
echo
echo "| backend | reads req/s | reads p50 | reads p99 | writes req/s | writes p50 | writes p99 | non-2xx reads / writes |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
