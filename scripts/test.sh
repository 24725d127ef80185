#!/usr/bin/env bash
# Runs every test of Jixiao on this machine, installing what a fresh Debian machine lacks:
# the Debian packages the tests use (PostgreSQL, Chromium, CJK fonts, poppler, LibreOffice) and a throwaway
# PostgreSQL server on 127.0.0.1:55432 that is stopped again when the tests end.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh test

# A throwaway PostgreSQL for the tests that run against it (JIXIAO_TEST_PG). Without it half the database tests would
# silently run on SQLite alone, so a server that cannot start fails the run.
fail() { echo "test.sh: $*" >&2; exit 1; }
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] || fail "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); the tests need a real server."
[ "$(id -u)" = 0 ] || fail "starting the throwaway PostgreSQL needs root (it runs as user postgres); run as root."
PGROOT=$(mktemp -d /tmp/jixiao-pg.XXXXXX)
stop_pg() { su postgres -c "$PGBIN/pg_ctl -D $PGROOT/data -m fast -w stop" >/dev/null 2>&1 || true; rm -rf "$PGROOT"; }
trap stop_pg EXIT
chown postgres "$PGROOT"
su postgres -c "$PGBIN/initdb -D $PGROOT/data -U postgres -A trust -E UTF8 --locale=C.UTF-8" >/dev/null \
  || fail "initdb failed in $PGROOT/data."
port=55432
while (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port+1)); done
su postgres -c "$PGBIN/pg_ctl -D $PGROOT/data -l $PGROOT/pg.log -o '-c listen_addresses=127.0.0.1 -p $port -k $PGROOT' -w start" >/dev/null \
  || { cat "$PGROOT/pg.log" >&2 || true; fail "PostgreSQL ($PGBIN) did not start on 127.0.0.1:$port; its log is above."; }
export JIXIAO_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=jixiao_test"
echo "== PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') for tests on 127.0.0.1:$port"

dotnet build Jixiao.slnx -c Release -nologo -v q
dotnet test Jixiao.slnx -c Release --no-build -nologo -v q "$@"
