#!/usr/bin/env bash
# Restore drill (docs/operations.md, "Backups and restore"): dumps the hotline's PostgreSQL with pg_dump, restores the
# dump into a fresh PostgreSQL and compares the two: the row count of every table, and a checksum of the work orders,
# their history and their assignments. Prints both sides and exits 1 when they differ, 0 when the restore reproduced
# the data, 2 on a usage or tool error.
#
#   scripts/restore-drill.sh --source postgresql://hotline:secret@db:5432/hotline
#       restores into a PostgreSQL it creates itself with initdb (the server binaries of --server-bin, else
#       /usr/lib/postgresql/<major>/bin, else the embedded binaries the service unpacked under /tmp/embedded-pg) on a
#       Unix socket in a temporary directory, stopped and removed afterwards
#   scripts/restore-drill.sh --source URL --target postgresql://postgres@standby-host:5432/drill
#       restores into a given, empty database instead
#   scripts/restore-drill.sh --source URL --target URL --compare-only
#       only compares two databases (e.g. a production database and last night's restore)
#
# The source may also come from DRILL_SOURCE_URL or libpq's PG* variables, the target from DRILL_TARGET_URL.
# pg_dump and pg_restore must be of the source server's major version or newer (--client-bin, else PATH, else
# /usr/lib/postgresql/<major>/bin); psql of any recent version does the comparison.
set -euo pipefail

usage() {
    sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
}

source_url=${DRILL_SOURCE_URL:-}
target_url=${DRILL_TARGET_URL:-}
server_bin=${PG_SERVER_BIN:-}
client_bin=${PG_CLIENT_BIN:-}
compare_only=false
keep=false
while [ $# -gt 0 ]; do
    case "$1" in
        --source) source_url=$2; shift 2 ;;
        --target) target_url=$2; shift 2 ;;
        --server-bin) server_bin=$2; shift 2 ;;
        --client-bin) client_bin=$2; shift 2 ;;
        --compare-only) compare_only=true; shift ;;
        --keep) keep=true; shift ;;
        -h|--help) usage ;;
        *) echo "restore-drill: unknown argument $1" >&2; usage ;;
    esac
done
if [ -z "$source_url" ] && [ -z "${PGHOST:-}${PGDATABASE:-}" ]; then
    echo "restore-drill: no source database (--source URL, DRILL_SOURCE_URL or PGHOST/PGDATABASE)" >&2
    exit 2
fi
if $compare_only && [ -z "$target_url" ]; then
    echo "restore-drill: --compare-only needs --target" >&2
    exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/restore-drill.XXXXXX")
server_started=false
cleanup() {
    if $server_started; then
        "$server_bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    if $keep; then
        echo "restore-drill: kept $work" >&2
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT

# the same rendering of times and numbers on both sides, whatever the servers' or this shell's settings
export PGTZ=UTC PGDATESTYLE=ISO PGCLIENTENCODING=UTF8 PGCONNECT_TIMEOUT=${PGCONNECT_TIMEOUT:-10}

psql_at() {
    local url=$1
    shift
    psql ${url:+"$url"} -X -q -A -t -v ON_ERROR_STOP=1 "$@"
}

major_of() {
    # "pg_dump (PostgreSQL) 17.6 (Debian ...)" -> 17
    "$1" --version | sed -E 's/^[^0-9]*([0-9]+).*/\1/'
}

server_major=$(psql_at "$source_url" -c "select current_setting('server_version_num')::int / 10000")

find_tool() {
    local tool=$1 dir
    for dir in "$client_bin" "" "/usr/lib/postgresql/$server_major/bin"; do
        local candidate=${dir:+$dir/}$tool
        if command -v "$candidate" >/dev/null 2>&1 && [ "$(major_of "$candidate")" -ge "$server_major" ]; then
            command -v "$candidate"
            return 0
        fi
    done
    echo "restore-drill: no $tool of PostgreSQL $server_major or newer (--client-bin DIR; on Debian the package" \
        "postgresql-client-$server_major from apt.postgresql.org)" >&2
    return 1
}

# Every table's rows, then the checksum of each work-order table: the sum of the rows' hashes, independent of their
# physical order, streamed (no table is held in memory, however many millions of rows it has).
inventory() {
    psql_at "$1" <<'SQL'
select format('select %L, count(*) from %I.%I', 'table ' || table_name, table_schema, table_name)
from information_schema.tables
where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'
order by table_name
\gexec
select 'schema version ' || max(version::int) from flyway_schema_history where success and version is not null;
select format('select %L, count(*), coalesce(sum((''x'' || substr(md5(t::text), 1, 15))::bit(60)::bigint), 0) from %I t',
              'checksum ' || table_name, table_name)
from information_schema.tables
where table_schema = 'public' and table_name in ('work_order', 'work_order_event', 'work_order_assignment')
order by table_name
\gexec
SQL
}

if ! $compare_only; then
    pg_dump_bin=$(find_tool pg_dump) || exit 2
    pg_restore_bin=$(find_tool pg_restore) || exit 2
    echo "restore-drill: dumping the source (PostgreSQL $server_major) with $pg_dump_bin"
    start=$(date +%s)
    "$pg_dump_bin" ${source_url:+"$source_url"} --format=custom --file="$work/hotline.dump"
    echo "restore-drill: dump of $(du -h "$work/hotline.dump" | cut -f1) in $(($(date +%s) - start)) s"

    if [ -z "$target_url" ]; then
        if [ -z "$server_bin" ]; then
            for dir in "/usr/lib/postgresql/$server_major/bin" "${TMPDIR:-/tmp}"/embedded-pg/PG-*/bin; do
                if [ -x "$dir/initdb" ] && [ "$(major_of "$dir/postgres")" = "$server_major" ]; then
                    server_bin=$dir
                    break
                fi
            done
        fi
        if [ -z "$server_bin" ] || ! [ -x "$server_bin/initdb" ]; then
            echo "restore-drill: no PostgreSQL $server_major server binaries for a fresh server (--server-bin DIR)" \
                "or --target URL" >&2
            exit 2
        fi
        echo "restore-drill: fresh PostgreSQL from $server_bin"
        "$server_bin/initdb" -D "$work/data" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$work/initdb.log"
        "$server_bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
            -o "-c listen_addresses='' -c unix_socket_directories='$work' -p 5432" start >/dev/null
        server_started=true
        psql_at "postgresql:///postgres?host=$work&user=postgres" -c "create database hotline"
        target_url="postgresql:///hotline?host=$work&user=postgres"
    fi

    echo "restore-drill: restoring"
    start=$(date +%s)
    "$pg_restore_bin" --no-owner --no-privileges --exit-on-error --dbname="$target_url" "$work/hotline.dump"
    echo "restore-drill: restored in $(($(date +%s) - start)) s"
fi

inventory "$source_url" >"$work/source.txt"
inventory "$target_url" >"$work/target.txt"
echo "== source"
cat "$work/source.txt"
echo "== restored"
cat "$work/target.txt"
if diff "$work/source.txt" "$work/target.txt" >"$work/diff.txt"; then
    echo "restore-drill: OK, $(grep -c '^table ' "$work/source.txt") tables and the work orders' checksums match"
    exit 0
fi
echo "restore-drill: DIFFERENT (< source, > restored):"
grep '^[<>]' "$work/diff.txt"
exit 1
