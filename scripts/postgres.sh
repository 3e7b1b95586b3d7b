#!/usr/bin/env bash
# A throw-away PostgreSQL 15 for tests and development, run as an unprivileged
# user (initdb refuses root: as root it runs as `nobody` through runuser).
#
#   scripts/postgres.sh start DIR PORT   # init if needed, start on 127.0.0.1:PORT,
#                                        # create database `ponte`, print its URI
#   scripts/postgres.sh stop DIR         # stop the server whose data is in DIR
#   scripts/postgres.sh uri DIR          # print the URI of a started server
#
# DIR holds everything (data/ with postgres.log, sock/, initdb.log) and belongs to the
# server's user. Both commands are idempotent. Authentication is `trust` for
# the superuser `app` on loopback only: never use this set-up in production
# (docs/deployment.md describes a real one).
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
ROLE=app
DATABASE=ponte

usage() {
  echo "usage: $0 start DIR PORT | stop DIR | uri DIR" >&2
  exit 2
}

# Runs a command as the server's user: `nobody` when we are root, else us.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u nobody -- "$@"
  else
    "$@"
  fi
}

[[ $# -ge 2 ]] || usage
command=$1
dir=$2
[[ -x "$PG_BIN/pg_ctl" ]] || { echo "postgres.sh: no PostgreSQL 15 in $PG_BIN (apt-get install postgresql-15)" >&2; exit 1; }
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
cd /  # the server's user may not be allowed into the caller's directory

case "$command" in
  start)
    [[ $# -eq 3 ]] || usage
    port=$3
    if [[ $(id -u) -eq 0 ]]; then
      chown nobody:nogroup "$dir"
      if ! runuser -u nobody -- test -x "$dir"; then
        echo "postgres.sh: user nobody cannot enter $dir (a parent directory is closed); choose a DIR under /tmp" >&2
        exit 1
      fi
    fi
    as_owner mkdir -p "$dir/sock"
    if [[ ! -f "$dir/data/PG_VERSION" ]]; then
      as_owner "$PG_BIN/initdb" -D "$dir/data" -U "$ROLE" --auth=trust -E UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    if ! as_owner "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/data/postgres.log" -w -t 60 \
        -o "-p $port -k $dir/sock -c listen_addresses=127.0.0.1" start >/dev/null ||
        { tail -n 20 "$dir/data/postgres.log" >&2; exit 1; }
    fi
    # The port of a server that was already running wins over the one given.
    running_port=$(sed -n 4p "$dir/data/postmaster.pid" 2>/dev/null || true)
    port=${running_port:-$port}
    exists=$(as_owner "$PG_BIN/psql" -h "$dir/sock" -p "$port" -U "$ROLE" -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")
    if [[ "$exists" != 1 ]]; then
      as_owner "$PG_BIN/createdb" -h "$dir/sock" -p "$port" -U "$ROLE" -E UTF8 "$DATABASE"
    fi
    echo "postgresql://$ROLE@127.0.0.1:$port/$DATABASE"
    ;;
  stop)
    if [[ -f "$dir/data/PG_VERSION" ]] &&
      as_owner "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    ;;
  uri)
    port=$(sed -n 4p "$dir/data/postmaster.pid" 2>/dev/null || true)
    [[ -n "$port" ]] || { echo "postgres.sh: no server running in $dir" >&2; exit 1; }
    echo "postgresql://$ROLE@127.0.0.1:$port/$DATABASE"
    ;;
  *) usage ;;
esac
