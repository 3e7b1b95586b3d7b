#!/usr/bin/env bash
# Throughput and latency of `ponte serve` on the personal agenda, against nginx
# serving the same bytes as a static file, and the latency of signing in.
#
#   bench/api/run.sh [ponte-binary]        (default: build/ponte)
#
# Needs wrk, nginx (nginx-light), curl and jq. Builds a fresh demo database,
# signs in as giulia.rossi@ponte.demo (session + CSRF, then a bearer token),
# and prints a Markdown table. Target: >= 5,000 req/s, p99 < 20 ms, and at
# least half of nginx's requests/s on the same machine.
set -euo pipefail

PONTE=$(realpath "${1:-build/ponte}")
THREADS=${THREADS:-2}        # wrk threads
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-10s}
LOGINS=${LOGINS:-20}
EVENT=icstiw-2026
EMAIL=giulia.rossi@ponte.demo
PASSWORD=ponte-demo-2026

WORK=$(mktemp -d /tmp/ponte-bench-api.XXXXXX)
SERVER_PID=""
NGINX_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  [[ -n "$NGINX_PID" ]] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

echo "building the demo database..." >&2
"$PONTE" demo --db "$WORK/demo.db" --no-serve >"$WORK/demo.log" 2>&1

"$PONTE" serve --db "$WORK/demo.db" --listen 127.0.0.1:0 --log-level warn \
  >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER_PID=$!
for _ in $(seq 100); do
  grep -q 'serving' "$WORK/serve.out" 2>/dev/null && break
  sleep 0.1
done
BASE=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$WORK/serve.out")
echo "ponte at $BASE" >&2

# Sign in: session cookie and CSRF token, then a bearer token.
LOGIN_BODY=$(printf '{"email":"%s","password":"%s"}' "$EMAIL" "$PASSWORD")
CSRF=$(curl -sf -c "$WORK/jar" -H 'Content-Type: application/json' -d "$LOGIN_BODY" \
  "$BASE/api/v1/auth/login" | jq -r .csrf_token)
TOKEN=$(curl -sf -b "$WORK/jar" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
  -d '{"label":"bench"}' "$BASE/api/v1/auth/tokens" | jq -r .token)
AGENDA="$BASE/api/v1/events/$EVENT/agenda"

mkdir -p "$WORK/www"
chmod 755 "$WORK" "$WORK/www"  # nginx workers run as an unprivileged user
curl -sf -H "Authorization: Bearer $TOKEN" "$AGENDA" >"$WORK/www/agenda.json"
chmod 644 "$WORK/www/agenda.json"
ENTRIES=$(jq '.entries | length' "$WORK/www/agenda.json")
BYTES=$(wc -c <"$WORK/www/agenda.json")
echo "agenda: $ENTRIES entries, $BYTES bytes" >&2

cat >"$WORK/auth.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
LUA

# nginx serving the same body, not as a daemon, from the temporary directory.
NGINX_PORT=$(free_port)
cat >"$WORK/nginx.conf" <<CONF
daemon off;
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx.err warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/tmp-body;
  proxy_temp_path $WORK/tmp-proxy;
  fastcgi_temp_path $WORK/tmp-fastcgi;
  uwsgi_temp_path $WORK/tmp-uwsgi;
  scgi_temp_path $WORK/tmp-scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { root $WORK/www; default_type application/json; }
  }
}
CONF
nginx -p "$WORK" -c "$WORK/nginx.conf" 2>"$WORK/nginx.start.err" &
NGINX_PID=$!
for _ in $(seq 50); do
  curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT/agenda.json" && break
  sleep 0.1
done
cmp -s <(curl -sf "http://127.0.0.1:$NGINX_PORT/agenda.json") "$WORK/www/agenda.json" ||
  { echo "nginx does not serve the agenda file" >&2; cat "$WORK/nginx.err" >&2; exit 1; }

# "1.23ms" / "456.00us" / "1.02s" → milliseconds
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000
    printf "%.2f", n }'
}

# wrk run → "req/s p50_ms p99_ms non2xx"
measure() {
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@")
  echo "$out" >>"$WORK/wrk.log"
  local rps p50 p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(to_ms "$(echo "$out" | awk '$1 == "50%" {print $2}')")
  p99=$(to_ms "$(echo "$out" | awk '$1 == "99%" {print $2}')")
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  echo "$rps $p50 $p99 ${non2xx:-0}"
}

echo "wrk on ponte agenda..." >&2
read -r P_RPS P_P50 P_P99 P_BAD < <(measure -s "$WORK/auth.lua" "$AGENDA")
echo "wrk on nginx static..." >&2
read -r N_RPS N_P50 N_P99 N_BAD < <(measure "http://127.0.0.1:$NGINX_PORT/agenda.json")

echo "logins..." >&2
: >"$WORK/logins"
for _ in $(seq "$LOGINS"); do
  curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' \
    -d "$LOGIN_BODY" "$BASE/api/v1/auth/login" >>"$WORK/logins"
done
read -r L_P50 L_P95 < <(sort -n "$WORK/logins" | awk '{ v[NR] = $1 * 1000 } END {
  m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
  i = int(0.95 * NR + 0.999999); if (i < 1) i = 1; if (i > NR) i = NR
  printf "%.1f %.1f\n", m, v[i] }')

RATIO=$(awk -v p="$P_RPS" -v n="$N_RPS" 'BEGIN { printf "%.2f", (n > 0 ? p / n : 0) }')
CORES=$(nproc)
echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency; $CORES cores; agenda of $EMAIL: $ENTRIES entries, $BYTES bytes; non-2xx: ponte $P_BAD, nginx $N_BAD"
echo
echo "| path | requests/s | p50 | p99 | target |"
echo "|---|---|---|---|---|"
echo "| ponte GET /api/v1/events/$EVENT/agenda | $P_RPS | $P_P50 ms | $P_P99 ms | ≥ 5,000 req/s, p99 < 20 ms |"
echo "| nginx, same body as a static file | $N_RPS | $N_P50 ms | $N_P99 ms | |"
echo "| ponte / nginx | $RATIO × | | | ≥ 0.5 × |"
echo "| POST /api/v1/auth/login (curl, $LOGINS sequential; argon2id 2 passes, 64 MiB) | | $L_P50 ms | p95 $L_P95 ms | |"
