#!/bin/sh
# A throwaway PostgreSQL 15 cluster for one test run (CTest fixture "postgres", see tests/server/CMakeLists.txt).
#   pg-cluster.sh start DIR   a fresh cluster in DIR/data, listening only on the Unix socket DIR/.s.PGSQL.5432
#   pg-cluster.sh stop DIR    stops it (fast shutdown) and removes DIR
# No TCP listener, so parallel runs and other PostgreSQL servers never collide on a port. Superuser
# "casedesk", trust authentication (the socket lives in the build tree), ICU German collation as in production.
# Durability is off (fsync, full page writes): the cluster only lives as long as the test run.
# initdb refuses to run as root, so as root the cluster belongs to the system user postgres.
set -eu

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

usage() {
    echo "usage: $0 start|stop DIR" >&2
    exit 2
}

[ $# -eq 2 ] || usage
action=$1
dir=$2
case $dir in
/*) ;;
*) dir=$(pwd)/$dir ;;
esac

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

stop_cluster() {
    if [ -f "$dir/data/postmaster.pid" ]; then
        # A stale cluster whose server died leaves its pid file behind; removing the directory is enough then.
        as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
}

case $action in
start)
    # A Unix socket path holds at most 107 bytes; PostgreSQL adds "/.s.PGSQL.5432".
    if [ ${#dir} -gt 90 ]; then
        echo "$0: socket directory path too long (over 90 bytes): $dir; use a shorter build directory" >&2
        exit 1
    fi
    stop_cluster
    mkdir -p "$dir"
    chmod 700 "$dir"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$dir"
    fi
    if ! as_owner "$PG_BIN/initdb" -D "$dir/data" -A trust -U casedesk -E UTF8 --locale=C.UTF-8 \
        --locale-provider=icu --icu-locale=de-DE >"$dir/initdb.log" 2>&1; then
        cat "$dir/initdb.log" >&2
        exit 1
    fi
    if ! as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
        -o "-k '$dir' -c listen_addresses='' -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
        start >/dev/null; then
        cat "$dir/postgres.log" >&2
        exit 1
    fi
    echo "PostgreSQL test cluster running, socket directory $dir"
    ;;
stop)
    stop_cluster
    ;;
*)
    usage
    ;;
esac
