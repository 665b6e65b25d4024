#!/bin/sh
# Test of app/casedesk-run (the script behind `make run`): a fresh data folder gets a cluster, the demo and a
# server a demo user can log in to; closing the client stops server and cluster; a second start reuses the
# folder and adds nothing; the client's exit status comes through; a bad data folder is refused clearly.
#   tst_casedeskrun.sh BIN_DIR WORK_DIR
set -eu
bin=$1
work=$2
rm -rf "$work"
mkdir -p "$work"
dir=$work/data
failures=0
check() { # check DESCRIPTION COMMAND...
    description=$1
    shift
    if "$@"; then
        echo "PASS: $description"
    else
        echo "FAIL: $description"
        failures=$((failures + 1))
    fi
}

# The "client" logs in as a demo user and records the server's address and the number of cases.
client='curl -s -o "$CASEDESK_RUN_DIR/login.json" -w "%{http_code}" -H "Content-Type: application/json" \
  -d "{\"login\":\"a.mueller\",\"password\":\"casedesk-demo\",\"clientId\":\"0190a0b0-0000-7000-8000-000000000001\"}" \
  "$CASEDESK_SERVER_URL/api/v1/auth/login" >"$CASEDESK_RUN_DIR/login.status";
  echo "$CASEDESK_SERVER_URL" >"$CASEDESK_RUN_DIR/url";
  psql -X -At -h "$CASEDESK_RUN_DIR/pg" -U casedesk -d casedesk -c "SELECT count(*) FROM cases" >"$CASEDESK_RUN_DIR/cases"'

export CASEDESK_RUN_DIR="$dir" CASEDESK_RUN_CASES=40
CASEDESK_RUN_CLIENT=$client "$bin/casedesk-run" >"$work/first.out" 2>"$work/first.err" || {
    cat "$work/first.err"
    echo "FAIL: first start"
    exit 1
}
check "first start creates the cluster" grep -q "creating the database cluster" "$work/first.err"
check "the demo users and their password are printed" grep -q "password for all: casedesk-demo" "$work/first.out"
check "a demo user is listed" grep -q "^a.mueller " "$work/first.out"
check "a demo user can log in" test "$(cat "$dir/login.status")" = 200
check "the login answers an access token" grep -q '"accessToken"' "$dir/login.json"
check "the demo cases are in the database" test "$(cat "$dir/cases")" = 40
check "the cluster is stopped after the client" test ! -e "$dir/pg/data/postmaster.pid"
check "the server is stopped after the client" sh -c "! curl -s -o /dev/null --max-time 5 \"\$(cat '$dir/url')/api/v1/reference\""
check "the data folder is the user's alone" test "$(stat -c %a "$dir/server.log")" = 600

CASEDESK_RUN_CLIENT=$client "$bin/casedesk-run" >"$work/second.out" 2>"$work/second.err" || {
    cat "$work/second.err"
    echo "FAIL: second start"
    exit 1
}
check "a second start reuses the cluster" sh -c "! grep -q 'creating the database cluster' '$work/second.err'"
check "a second start adds no cases" test "$(cat "$dir/cases")" = 40
check "a second start serves logins again" test "$(cat "$dir/login.status")" = 200

status=0
CASEDESK_RUN_CLIENT='exit 3' "$bin/casedesk-run" >/dev/null 2>&1 || status=$?
check "the client's exit status comes through" test "$status" = 3
check "the cluster is stopped after a failing client" test ! -e "$dir/pg/data/postmaster.pid"

long=$work/$(printf 'x%.0s' $(seq 1 100))
status=0
CASEDESK_RUN_DIR=$long CASEDESK_RUN_CLIENT=true "$bin/casedesk-run" >/dev/null 2>"$work/long.err" || status=$?
check "a data folder too long for the socket is refused" test "$status" = 1
check "with a message naming CASEDESK_RUN_DIR" grep -q "CASEDESK_RUN_DIR" "$work/long.err"

echo "$failures failure(s)"
[ "$failures" -eq 0 ]
