#!/bin/sh
# casedesk-run: the whole of CaseDesk on this machine, for trying it out (`make run`).
#
# Starts a private PostgreSQL 15 cluster in a data folder (made on the first start, reused after), migrates it
# (which deploys the bundled process models and form definitions), adds the demo teams, users and cases (a second run
# adds nothing), starts casedesk-server on a loopback port the system chooses, then the client connected to it.
# Closing the client stops the server and the cluster.
#
#   CASEDESK_RUN_DIR     the data folder (default ~/.local/share/casedesk-run, as root /var/lib/casedesk-run)
#   CASEDESK_RUN_CASES   demo cases in the database (default 5000)
#   CASEDESK_RUN_CLIENT  a command run instead of the client, with CASEDESK_SERVER_URL set (used by the tests)
# Further arguments go to the client.
#
# The cluster listens only on a Unix socket in the data folder, so it never collides with another PostgreSQL.
# initdb refuses to run as root, so as root the cluster belongs to the system user postgres.
set -eu
umask 077 # the logs and the cache are the user's alone

bin=$(cd "$(dirname "$0")" && pwd)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
if [ "$(id -u)" -eq 0 ]; then
    dir=${CASEDESK_RUN_DIR:-/var/lib/casedesk-run}
else
    dir=${CASEDESK_RUN_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/casedesk-run}
fi
cases=${CASEDESK_RUN_CASES:-5000}
socket_dir=$dir/pg

say() { echo "casedesk-run: $*" >&2; }
fail() {
    say "$*"
    exit 1
}

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# A Unix socket path holds at most 107 bytes; PostgreSQL adds "/.s.PGSQL.5432".
[ ${#socket_dir} -le 90 ] || fail "the data folder's path is too long for PostgreSQL's socket: $dir (set CASEDESK_RUN_DIR)"
[ -x "$PG_BIN/initdb" ] || fail "PostgreSQL 15 is missing ($PG_BIN); run: make deps"

mkdir -p "$dir"
if [ "$(id -u)" -eq 0 ]; then
    chmod 711 "$dir" # postgres reaches its folder pg/, nothing else in here
fi
if [ ! -f "$socket_dir/data/PG_VERSION" ]; then
    say "creating the database cluster in $socket_dir (once)"
    rm -rf "$socket_dir"
    mkdir -p "$socket_dir"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$socket_dir"
    fi
    as_owner "$PG_BIN/initdb" -D "$socket_dir/data" -A trust -U casedesk -E UTF8 --locale=C.UTF-8 \
        --locale-provider=icu --icu-locale=de-DE >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        fail "initdb failed"
    }
fi

server_pid=
stop_all() {
    if [ -n "$server_pid" ]; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    as_owner "$PG_BIN/pg_ctl" -D "$socket_dir/data" -m fast -w stop >/dev/null 2>&1 || true
}
trap stop_all EXIT
trap 'exit 130' INT TERM

if ! as_owner "$PG_BIN/pg_ctl" -D "$socket_dir/data" status >/dev/null 2>&1; then
    as_owner "$PG_BIN/pg_ctl" -D "$socket_dir/data" -l "$socket_dir/postgres.log" -w -t 60 \
        -o "-k '$socket_dir' -c listen_addresses=''" start >/dev/null || {
        tail -n 20 "$socket_dir/postgres.log" >&2
        fail "PostgreSQL did not start"
    }
fi

psql_admin() { psql -X -q -h "$socket_dir" -U casedesk -d postgres "$@"; }
if [ "$(psql_admin -At -c "SELECT count(*) FROM pg_database WHERE datname = 'casedesk'")" != 1 ]; then
    psql_admin -c "CREATE DATABASE casedesk" || fail "could not create the database"
fi

CASEDESK_DB="host=$socket_dir dbname=casedesk user=casedesk"
export CASEDESK_DB
server="$bin/casedesk-server"
"$server" migrate >/dev/null 2>"$dir/migrate.log" || {
    cat "$dir/migrate.log" >&2
    fail "migration failed"
}
"$server" demo --cases "$cases" >/dev/null || fail "adding the demo data failed"

echo "Demo users (password for all: casedesk-demo):"
"$server" user list

# The server prints "listening on HOST:PORT" once it listens; wait for that line (or its death).
log=$dir/server.log
: >"$log"
"$server" serve --listen 127.0.0.1:0 >"$log" 2>&1 &
server_pid=$!
port=
while [ -z "$port" ]; do
    kill -0 "$server_pid" 2>/dev/null || {
        cat "$log" >&2
        fail "the server stopped"
    }
    port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$log")
    [ -n "$port" ] || sleep 0.1
done
CASEDESK_SERVER_URL=http://127.0.0.1:$port
export CASEDESK_SERVER_URL
say "server at $CASEDESK_SERVER_URL (log: $log)"

status=0
if [ -n "${CASEDESK_RUN_CLIENT:-}" ]; then
    sh -c "$CASEDESK_RUN_CLIENT" || status=$?
else
    "$bin/casedesk" --server "$CASEDESK_SERVER_URL" --cache "$dir/cache.db" "$@" || status=$?
fi
exit $status
