# shellcheck shell=bash
# Private PostgreSQL clusters for development and tests (sourced by ./koban after lib.sh).
#
# initdb refuses to run as root, so as root every server command runs as the `postgres`
# OS user (created by Debian's postgresql package); as a normal user it runs as that user.
# Directories: <base>/<name> (data, mode 700) and <base>/<name>-run (log + unix socket).
# <base> is .data/ unless the server user cannot reach it (e.g. a clone under /root,
# which is mode 700): then /var/tmp/koban-<hash of the repo path>/ is used instead.

pg_user() { if is_root; then echo postgres; else id -un; fi; }
pg_as() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

# data_base_for USER: a directory under which USER can create/read files.
data_base_for() {
    local user="$1"
    mkdir -p "$KOBAN_DATA" && chmod 755 "$KOBAN_DATA" 2>/dev/null
    if ! is_root || [ "$user" = root ] || runuser -u "$user" -- test -x "$KOBAN_DATA" 2>/dev/null; then
        echo "$KOBAN_DATA"
    else
        local alt
        alt="/var/tmp/koban-$(printf '%s' "$KOBAN_ROOT" | md5sum | cut -c1-10)"
        mkdir -p "$alt" && chmod 755 "$alt"
        echo "$alt"
    fi
}

# pg_dirs NAME: sets PGC_DATA, PGC_RUN for cluster NAME.
pg_dirs() {
    local base
    base="$(data_base_for "$(pg_user)")"
    PGC_DATA="$base/$1"
    PGC_RUN="$base/$1-run"
    # unix socket paths are limited to 107 bytes
    if [ $(( ${#PGC_RUN} + 16 )) -gt 100 ]; then
        PGC_RUN="/tmp/koban-$(printf '%s' "$PGC_DATA" | md5sum | cut -c1-10)-run"
    fi
}

# pg_bin: the server binaries matching the cluster's major version when it exists.
pg_bin() {
    if [ -n "${PGC_DATA:-}" ] && [ -f "$PGC_DATA/PG_VERSION" ] &&
       [ -x "/usr/lib/postgresql/$(cat "$PGC_DATA/PG_VERSION")/bin/postgres" ]; then
        echo "/usr/lib/postgresql/$(cat "$PGC_DATA/PG_VERSION")/bin"
    else
        pg_bindir
    fi
}

pg_running() { [ -f "$PGC_DATA/postmaster.pid" ] && pg_as "$(pg_bin)/pg_ctl" -D "$PGC_DATA" status >/dev/null 2>&1; }

# pg_start NAME PORT [-c name=value ...]: initdb if needed, start if not running.
# Sets PG_STARTED=1 when this call started the server (so the caller stops it), 0 otherwise.
pg_start() {
    local name="$1" port="$2"; shift 2
    PG_STARTED=0
    pg_dirs "$name"
    local bin owner=()
    bin="$(pg_bin)"
    [ -n "$bin" ] && [ -x "$bin/initdb" ] || { err "PostgreSQL server binaries not found (apt-get install postgresql)"; return 1; }
    is_root && owner=(-o postgres -g postgres)
    install -d "${owner[@]}" -m 700 "$PGC_DATA" && install -d "${owner[@]}" -m 755 "$PGC_RUN" || return 1
    if [ ! -f "$PGC_DATA/PG_VERSION" ]; then
        info "initdb $PGC_DATA"
        if ! pg_as "$bin/initdb" -D "$PGC_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
                >"$PGC_RUN/initdb.log" 2>&1; then
            cat "$PGC_RUN/initdb.log" >&2
            return 1
        fi
    fi
    if pg_running; then
        local running_port
        running_port="$(sed -n 4p "$PGC_DATA/postmaster.pid" 2>/dev/null)"
        if [ "$running_port" != "$port" ]; then
            err "cluster $PGC_DATA is already running on port $running_port, not $port"
            return 1
        fi
        info "PostgreSQL ($name) already running on 127.0.0.1:$port"
        return 0
    fi
    if port_in_use "$port"; then
        err "port $port is already in use (another PostgreSQL?); choose another port with the KOBAN_*PG_PORT variables"
        return 1
    fi
    local opts="-p $port -k '$PGC_RUN' -c listen_addresses=127.0.0.1 $*"
    if ! pg_as "$bin/pg_ctl" -D "$PGC_DATA" -l "$PGC_RUN/postgres.log" -o "$opts" -w -t 60 start >/dev/null; then
        err "PostgreSQL failed to start; end of $PGC_RUN/postgres.log:"
        tail -n 30 "$PGC_RUN/postgres.log" >&2
        return 1
    fi
    PG_STARTED=1
    info "PostgreSQL ($name) started on 127.0.0.1:$port"
}

# pg_stop NAME: fast shutdown if running.
pg_stop() {
    pg_dirs "$1"
    [ -f "$PGC_DATA/PG_VERSION" ] || return 0
    if pg_running; then
        pg_as "$(pg_bin)/pg_ctl" -D "$PGC_DATA" -m fast -w -t 60 stop >/dev/null &&
            info "PostgreSQL ($1) stopped"
    fi
}

# pg_destroy NAME: stop and delete the cluster.
pg_destroy() {
    pg_dirs "$1"
    if [ -f "$PGC_DATA/postmaster.pid" ]; then
        pg_as "$(pg_bin)/pg_ctl" -D "$PGC_DATA" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PGC_DATA" "$PGC_RUN"
}

# pg_psql PORT [psql args...]: superuser psql on the private cluster (reads SQL from stdin).
pg_psql() {
    local port="$1"; shift
    "$(pg_bin)/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres "$@"
}

# pg_ensure_roles PORT: koban_owner (owns the databases) and koban_app (the API's runtime role).
pg_ensure_roles() {
    pg_psql "$1" <<'SQL'
SELECT 'CREATE ROLE koban_owner LOGIN NOSUPERUSER NOCREATEROLE'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'koban_owner')\gexec
SELECT 'CREATE ROLE koban_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'koban_app')\gexec
SQL
}

# pg_ensure_db PORT DBNAME OWNER: creates the database once.
pg_ensure_db() {
    pg_psql "$1" -v db="$2" -v owner="$3" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db')\gexec
SQL
}
