#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on loopback for the store tests.
#
#   source scripts/ci_postgres.sh      # exports SITREP_TEST_PG=postgresql://...
#   bash scripts/ci_postgres.sh        # prints the export line
#   bash scripts/ci_postgres.sh stop   # stops the server
#
# Installs PostgreSQL from Debian packages when it is missing (apt-get), initialises a cluster
# in $SITREP_PG_DIR (default /tmp/sitrep-pg) owned by a non-root user (PostgreSQL refuses to run
# as root), starts it on 127.0.0.1 on a free port with trust authentication for loopback only,
# and creates the database $SITREP_PG_DB (default sitrep_test). Idempotent: a second run reuses
# the running server. SITREP_PG_DURABLE=1 keeps fsync on (benchmarks). Safe to source: it changes no shell options of the caller.

_sitrep_pg_main() {
    local dir="${SITREP_PG_DIR:-/tmp/sitrep-pg}"
    local db="${SITREP_PG_DB:-sitrep_test}"
    local pguser="${SITREP_PG_OS_USER:-postgres}"
    local bindir port fast
    # Tests need no durability; SITREP_PG_DURABLE=1 keeps PostgreSQL's defaults (for benchmarks).
    if [ "${SITREP_PG_DURABLE:-0}" = "1" ]; then
        fast=""
    else
        fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi

    _sitrep_pg_bindir() {
        local d
        for d in /usr/lib/postgresql/*/bin; do
            [ -x "$d/initdb" ] && { echo "$d"; return 0; }
        done
        return 1
    }

    bindir="$(_sitrep_pg_bindir)"
    if [ -z "$bindir" ]; then
        if [ "$(id -u)" -ne 0 ]; then
            echo "ci_postgres: PostgreSQL is not installed and I am not root: apt-get install -y postgresql" >&2
            return 1
        fi
        echo "ci_postgres: installing PostgreSQL from Debian packages" >&2
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || return 1
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 || return 1
        bindir="$(_sitrep_pg_bindir)" || { echo "ci_postgres: initdb not found after install" >&2; return 1; }
    fi

    # Run server commands as a non-root user.
    if [ "$(id -u)" -eq 0 ]; then
        if ! id "$pguser" >/dev/null 2>&1; then
            useradd --system --no-create-home --shell /usr/sbin/nologin "$pguser" || return 1
        fi
        _sitrep_pg_run() { runuser -u "$pguser" -- "$@"; }
    else
        pguser="$(id -un)"
        _sitrep_pg_run() { "$@"; }
    fi

    if [ "${1:-}" = "stop" ]; then
        if [ -f "$dir/data/postmaster.pid" ]; then
            _sitrep_pg_run "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >&2
        fi
        return 0
    fi

    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown "$pguser" "$dir"

    # Reuse a running server.
    if [ -f "$dir/port" ] && [ -f "$dir/data/postmaster.pid" ] \
        && "$bindir/pg_isready" -q -h 127.0.0.1 -p "$(cat "$dir/port")"; then
        port="$(cat "$dir/port")"
    else
        if [ ! -f "$dir/data/PG_VERSION" ]; then
            rm -rf "$dir/data"
            _sitrep_pg_run "$bindir/initdb" -D "$dir/data" -U "$pguser" --auth=trust --encoding=UTF8 \
                --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
                || { cat "$dir/initdb.log" >&2; return 1; }
        fi
        rm -f "$dir/data/postmaster.pid"
        port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
        echo "$port" >"$dir/port"
        _sitrep_pg_run "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $dir $fast" \
            start >&2 || { tail -20 "$dir/server.log" >&2; return 1; }
    fi

    local exists
    exists="$("$bindir/psql" -h 127.0.0.1 -p "$port" -U "$pguser" -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$db'")" || return 1
    if [ "$exists" != "1" ]; then
        "$bindir/createdb" -h 127.0.0.1 -p "$port" -U "$pguser" "$db" || return 1
    fi

    SITREP_TEST_PG="postgresql://$pguser@127.0.0.1:$port/$db"
    export SITREP_TEST_PG
    echo "export SITREP_TEST_PG=$SITREP_TEST_PG"
}

_sitrep_pg_main "$@"
_sitrep_pg_rc=$?
unset -f _sitrep_pg_main _sitrep_pg_bindir _sitrep_pg_run 2>/dev/null
# shellcheck disable=SC2317
return $_sitrep_pg_rc 2>/dev/null || exit $_sitrep_pg_rc
