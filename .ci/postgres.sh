#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for the results-store tests.
#
#   source .ci/postgres.sh        # starts it (or reuses the one already running), exports COLLECTOR_SIM_TEST_PG
#   bash .ci/postgres.sh          # the same, printing COLLECTOR_SIM_TEST_PG=... for the caller to export
#   bash .ci/postgres.sh stop     # stops it and removes its files
#
# When sourced and it had to start the server, it exports COLLECTOR_SIM_PG_STARTED=1: test.sh then stops
# the server when it ends, and leaves alone a server someone else started.
#
# The cluster lives in a temporary folder (COLLECTOR_SIM_PG_DIR, default $TMPDIR/collector-sim-pg-UID)
# on a free port, with trust authentication on loopback only and fsync off: it holds test data only.
# As root it installs the postgresql package when no server binaries are found, and runs the server as
# the postgres user (initdb refuses root); as any other user it runs the server as that user.

_collector_sim_pg() {
    local base="${COLLECTOR_SIM_PG_DIR:-${TMPDIR:-/tmp}/collector-sim-pg-$(id -u)}"
    local data="$base/data" user="collector" db="collector_sim_test"
    local bindir="" port
    local -a run=()

    _collector_sim_pg_bindir() {
        local d
        for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
            [ -x "$d/initdb" ] && { echo "$d"; return 0; }
        done
        if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
            pg_config --bindir
            return 0
        fi
        return 1
    }

    bindir=$(_collector_sim_pg_bindir) || bindir=""
    if [ -z "$bindir" ]; then
        if [ "$(id -u)" != 0 ]; then
            echo "postgres.sh: PostgreSQL is not installed; install the postgresql package or run this as root" >&2
            return 1
        fi
        # No default cluster: this script makes its own, and a second server would only slow CI down.
        mkdir -p /etc/postgresql-common/createcluster.d
        echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.d/collector-sim.conf
        # The same waiting for apt's lock and retrying of downloads as the rest of the set-up.
        source "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh"
        setup_system_packages postgresql || { echo "postgres.sh: apt-get could not install postgresql" >&2; return 1; }
        bindir=$(_collector_sim_pg_bindir) || { echo "postgres.sh: no initdb after installing postgresql" >&2; return 1; }
    fi

    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /bin/sh postgres
        run=(runuser -u postgres --)
        command -v runuser >/dev/null 2>&1 || run=(su postgres -s /bin/sh -c)
    fi
    _collector_sim_pg_as() {
        if [ "${run[0]:-}" = su ]; then "${run[@]}" "$(printf '%q ' "$@")"; else "${run[@]}" "$@"; fi
    }

    if [ "${1:-}" = stop ]; then
        [ -d "$data" ] && _collector_sim_pg_as "$bindir/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1
        rm -rf "$base"
        unset COLLECTOR_SIM_TEST_PG
        return 0
    fi

    mkdir -p "$base" || return 1
    [ "$(id -u)" = 0 ] && chown postgres "$base"
    if [ -f "$base/port" ] && _collector_sim_pg_as "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        port=$(cat "$base/port")
    else
        if [ ! -f "$data/PG_VERSION" ]; then
            rm -rf "$data"
            _collector_sim_pg_as "$bindir/initdb" -D "$data" -U "$user" -A trust -E UTF8 --locale=C --no-sync \
                >"$base/initdb.log" 2>&1 || { cat "$base/initdb.log" >&2; return 1; }
        fi
        port=""
        for _ in $(seq 50); do  # a port nothing answers on
            local candidate=$((20000 + RANDOM % 30000))
            if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
        done
        [ -n "$port" ] || { echo "postgres.sh: found no free port on 127.0.0.1" >&2; return 1; }
        _collector_sim_pg_as "$bindir/pg_ctl" -D "$data" -l "$base/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$base -c fsync=off -c full_page_writes=off" \
            start >/dev/null || { tail -n 20 "$base/server.log" >&2; return 1; }
        echo "$port" >"$base/port"
        export COLLECTOR_SIM_PG_STARTED=1  # this run started the server, so this run stops it
    fi

    local exists
    exists=$("$bindir/psql" -h 127.0.0.1 -p "$port" -U "$user" -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$db'") || return 1
    if [ "$exists" != 1 ]; then
        "$bindir/createdb" -h 127.0.0.1 -p "$port" -U "$user" "$db" || return 1
    fi
    export COLLECTOR_SIM_TEST_PG="postgresql+psycopg://$user@127.0.0.1:$port/$db"
    echo "COLLECTOR_SIM_TEST_PG=$COLLECTOR_SIM_TEST_PG"
}

_collector_sim_pg "$@"
_collector_sim_pg_rc=$?
unset -f _collector_sim_pg _collector_sim_pg_bindir _collector_sim_pg_as
if (return 0 2>/dev/null); then
    return "$_collector_sim_pg_rc"
fi
exit "$_collector_sim_pg_rc"
