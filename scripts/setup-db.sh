#!/usr/bin/env bash
# Makes this machine ready to run Faultline's database: PostgreSQL reachable, pgvector (0.8+) available,
# the faultline role and databases created, and the vector, btree_gin and pg_trgm extensions created in them.
# Idempotent: every step checks first and says what it does. Safe to run again.
#
# Settings (env vars, with local defaults):
#   FAULTLINE_DB_HOST (127.0.0.1)  FAULTLINE_DB_PORT (5432)
#   FAULTLINE_DB_USER (faultline)  FAULTLINE_DB_PASSWORD (faultline)
#   FAULTLINE_DB_NAMES ("faultline faultline_test")   databases to create
#   FAULTLINE_DB_RECREATE (0)      1: drop and recreate those databases first (benchmarks, browser tests)
set -euo pipefail

HOST="${FAULTLINE_DB_HOST:-127.0.0.1}"
PORT="${FAULTLINE_DB_PORT:-5432}"
APP_USER="${FAULTLINE_DB_USER:-faultline}"
APP_PASSWORD="${FAULTLINE_DB_PASSWORD:-faultline}"
DB_NAMES="${FAULTLINE_DB_NAMES:-faultline faultline_test}"

say() { printf '[setup-db] %s\n' "$*"; }
die() { printf '[setup-db] ERROR: %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_update_once() { if [ "$apt_updated" = 0 ]; then say "apt-get update"; as_root apt-get update -qq; apt_updated=1; fi; }
apt_install() { apt_update_once; say "apt-get install $*"; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; }

# Runs psql as the PostgreSQL superuser: over TCP as 'postgres' when trust auth allows it,
# otherwise through the local socket as the postgres OS user.
psql_super() {
    export PGOPTIONS="-c client_min_messages=warning"
    if psql -h "$HOST" -p "$PORT" -U postgres -d postgres -w -Atc 'select 1' >/dev/null 2>&1; then
        psql -h "$HOST" -p "$PORT" -U postgres -w -v ON_ERROR_STOP=1 -Atq "$@"
    elif [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- psql -p "$PORT" -v ON_ERROR_STOP=1 -Atq "$@"
    else
        sudo -u postgres psql -p "$PORT" -v ON_ERROR_STOP=1 -Atq "$@"
    fi
}

# 1. PostgreSQL server reachable?
command -v pg_isready >/dev/null || apt_install postgresql-client
if pg_isready -q -h "$HOST" -p "$PORT"; then
    say "PostgreSQL is reachable on $HOST:$PORT"
else
    case "$HOST" in 127.0.0.1|localhost|::1) ;; *) die "no PostgreSQL on $HOST:$PORT and it is not local: start it there or point FAULTLINE_DB_HOST elsewhere";; esac
    if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
        apt_install postgresql
    fi
    for v in $(ls /etc/postgresql); do
        say "starting PostgreSQL cluster $v/main"
        as_root pg_ctlcluster --skip-systemctl-redirect "$v" main start 2>/dev/null || as_root pg_ctlcluster "$v" main start || true
    done
    for _ in $(seq 1 30); do pg_isready -q -h "$HOST" -p "$PORT" && break; sleep 1; done
    pg_isready -q -h "$HOST" -p "$PORT" || die "PostgreSQL did not come up on $HOST:$PORT"
    say "PostgreSQL is up on $HOST:$PORT"
fi

MAJOR="$(psql_super -d postgres -c 'show server_version_num' | cut -c1-2)"
say "server major version: $MAJOR"

# 2. pgvector available to the server?
has_vector() { [ "$(psql_super -d postgres -c "select count(*) from pg_available_extensions where name='vector'")" = 1 ]; }
install_pgvector_from_debian_source() {
    # Debian 12 (bookworm) has no pgvector package: build Debian's own source package from trixie.
    local uri work lists
    uri="$(grep -hoE '^URIs: *\S+' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -1 | awk '{print $2}')"
    [ -n "$uri" ] || uri="$(grep -hoE '^deb +\S+' /etc/apt/sources.list 2>/dev/null | grep -v security | head -1 | awk '{print $2}')"
    [ -n "$uri" ] || uri="http://deb.debian.org/debian"
    work="$(mktemp -d)"; lists="$work/lists"; mkdir -p "$lists/partial"
    echo "deb-src $uri trixie main" > "$work/trixie-src.list"
    say "fetching Debian's pgvector source package (trixie, $uri) into $work"
    apt_install build-essential "postgresql-server-dev-$MAJOR"
    local opts=(-o "Dir::Etc::SourceList=$work/trixie-src.list" -o Dir::Etc::SourceParts=/dev/null -o "Dir::State::Lists=$lists")
    as_root apt-get "${opts[@]}" update -qq
    (cd "$work" && as_root apt-get "${opts[@]}" source --download-only -qq pgvector >/dev/null)
    (cd "$work" && tar xzf pgvector_*.orig.tar.gz && cd pgvector-*/ \
        && say "building pgvector $(basename "$PWD")" \
        && make -s PG_CONFIG="/usr/lib/postgresql/$MAJOR/bin/pg_config" >/dev/null \
        && as_root make -s install PG_CONFIG="/usr/lib/postgresql/$MAJOR/bin/pg_config" >/dev/null)
    rm -rf "$work"
}
if has_vector; then
    say "pgvector is available"
else
    say "pgvector is missing: installing it"
    apt_update_once
    if ! (apt-cache show "postgresql-$MAJOR-pgvector" >/dev/null 2>&1 && apt_install "postgresql-$MAJOR-pgvector"); then
        install_pgvector_from_debian_source
    fi
    has_vector || die "pgvector still not available after installing it"
    say "pgvector installed"
fi

# 3. Role, databases, extension.
if [ "$(psql_super -d postgres -c "select count(*) from pg_roles where rolname='$APP_USER'")" = 0 ]; then
    say "creating role $APP_USER"
    psql_super -d postgres -c "create role \"$APP_USER\" login password '$APP_PASSWORD'"
fi
for db in $DB_NAMES; do
    if [ "${FAULTLINE_DB_RECREATE:-0}" = 1 ]; then
        say "recreating database $db (FAULTLINE_DB_RECREATE=1)"
        psql_super -d postgres -c "drop database if exists \"$db\" with (force)"
    fi
    if [ "$(psql_super -d postgres -c "select count(*) from pg_database where datname='$db'")" = 0 ]; then
        say "creating database $db owned by $APP_USER"
        psql_super -d postgres -c "create database \"$db\" owner \"$APP_USER\""
    fi
    # CREATE EXTENSION vector needs a superuser (the extension is not 'trusted'); the app's migrations then find it.
    psql_super -d "$db" -c "create extension if not exists vector"
    # btree_gin (contrib, trusted) lets the full-text index lead with the site; the migrations would create it too
    psql_super -d "$db" -c "create extension if not exists btree_gin"
    # pg_trgm (contrib, trusted): trigram similarity for spelling help in search
    psql_super -d "$db" -c "create extension if not exists pg_trgm"
    say "database $db ready (vector $(psql_super -d "$db" -c "select extversion from pg_extension where extname='vector'"))"
done
say "done"
