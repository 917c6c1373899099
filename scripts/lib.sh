# shellcheck shell=bash
# Helpers sourced by ./koban. Expects KOBAN_ROOT to be set (absolute repository root).

: "${KOBAN_ROOT:?KOBAN_ROOT must be set}"
KOBAN_DATA="${KOBAN_DATA_DIR:-$KOBAN_ROOT/.data}"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

# ---------------------------------------------------------------- output
if [ -t 1 ]; then _B=$'\e[1m'; _R=$'\e[31m'; _G=$'\e[32m'; _Y=$'\e[33m'; _N=$'\e[0m'; else _B=; _R=; _G=; _Y=; _N=; fi
say()  { printf '%s\n' "$*"; }
info() { printf '%s==>%s %s\n' "$_B" "$_N" "$*"; }
warn() { printf '%swarning:%s %s\n' "$_Y" "$_N" "$*" >&2; }
err()  { printf '%serror:%s %s\n' "$_R" "$_N" "$*" >&2; }
die()  { err "$*"; exit 1; }

now() { date +%s.%N; }
# elapsed START → seconds with one decimal
elapsed() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }

# ---------------------------------------------------------------- privileges / packages
is_root() { [ "$(id -u)" = 0 ]; }
as_root() {
    if is_root; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else err "need root (or sudo) to run: $*"; return 1; fi
}

_APT_UPDATED=0
# apt_install PKG... : installs the given Debian packages (apt-get update once per process).
apt_install() {
    command -v apt-get >/dev/null 2>&1 || { err "apt-get not found: install $* by hand"; return 1; }
    if [ "$_APT_UPDATED" = 0 ]; then
        info "apt-get update"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null || return 1
        _APT_UPDATED=1
    fi
    info "apt-get install $*"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null || return 1
}

pg_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1; }

# ensure_packages [--browser]: installs the Debian packages the project needs when missing.
ensure_packages() {
    local want=()
    [ -n "$(pg_bindir)" ] && [ -x "$(pg_bindir)/initdb" ] || want+=(postgresql)
    command -v python3 >/dev/null 2>&1 || want+=(python3)
    command -v curl >/dev/null 2>&1 || want+=(curl)
    if [ "${1:-}" = --browser ]; then
        command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || want+=(chromium)
        # pdftotext reads rendered PDFs back in the API tests (tests/Koban.Api.Tests/Pdf).
        { command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; } || want+=(poppler-utils)
    fi
    [ ${#want[@]} -eq 0 ] && return 0
    apt_install "${want[@]}"
}

# ---------------------------------------------------------------- node / dotnet
spa_present() { [ -f "$KOBAN_ROOT/web-client/package.json" ]; }

# npm ci when node_modules is missing or package-lock.json is newer than the install.
ensure_node_modules() {
    local wc="$KOBAN_ROOT/web-client"
    spa_present || { warn "web-client/package.json not found: skipping npm ci"; return 0; }
    command -v npm >/dev/null 2>&1 || { err "npm not found: install Node.js 20"; return 1; }
    local stamp="$wc/node_modules/.package-lock.json"
    if [ ! -d "$wc/node_modules" ] || [ ! -f "$stamp" ] ||
       { [ -f "$wc/package-lock.json" ] && [ "$wc/package-lock.json" -nt "$stamp" ]; }; then
        info "npm ci (web-client)"
        if [ -f "$wc/package-lock.json" ]; then
            (cd "$wc" && npm ci --no-audit --no-fund --loglevel=error) || return 1
        else
            warn "web-client/package-lock.json missing: running npm install"
            (cd "$wc" && npm install --no-audit --no-fund --loglevel=error) || return 1
        fi
        touch "$stamp" 2>/dev/null || true
    fi
}

ensure_dotnet_tools() {
    command -v dotnet >/dev/null 2>&1 || { err "dotnet not found: install the .NET 10 SDK"; return 1; }
    [ -f "$KOBAN_ROOT/dotnet-tools.json" ] || [ -f "$KOBAN_ROOT/.config/dotnet-tools.json" ] || return 0
    (cd "$KOBAN_ROOT" && dotnet tool restore >/dev/null) || { err "dotnet tool restore failed"; return 1; }
}

# spa_is_fresh: true when web-client/dist is newer than every SPA input.
spa_is_fresh() {
    local wc="$KOBAN_ROOT/web-client" stamp="$KOBAN_ROOT/web-client/dist/index.html"
    [ -f "$stamp" ] || return 1
    local inputs=() f
    for f in "$wc/src" "$wc/public" "$wc/index.html" "$wc/package-lock.json" "$wc/package.json" \
             "$KOBAN_ROOT/openapi.yaml" "$wc"/vite.config.* "$wc"/tsconfig*.json; do
        [ -e "$f" ] && inputs+=("$f")
    done
    [ ${#inputs[@]} -eq 0 ] && return 0
    [ -z "$(find "${inputs[@]}" -newer "$stamp" -print -quit 2>/dev/null)" ]
}

# build_spa [force]: npm run build unless dist is fresh.
build_spa() {
    spa_present || { warn "web-client/package.json not found: no SPA to build"; return 0; }
    if [ "${1:-}" != force ] && spa_is_fresh; then
        info "SPA is up to date (web-client/dist)"
        return 0
    fi
    info "npm run build (web-client)"
    (cd "$KOBAN_ROOT/web-client" && npm run build --silent) || return 1
    touch "$KOBAN_ROOT/web-client/dist/index.html" 2>/dev/null || true
}

# ---------------------------------------------------------------- processes
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_http URL TIMEOUT_SECONDS [PID]: waits for HTTP 200; gives up early when PID dies.
wait_http() {
    local url="$1" timeout="$2" pid="${3:-}" start=$SECONDS code
    while [ $((SECONDS - start)) -lt "$timeout" ]; do
        code="$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$url" 2>/dev/null)" || code=000
        [ "$code" = 200 ] && return 0
        if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
            err "process $pid exited while waiting for $url"
            return 1
        fi
        sleep 0.5
    done
    err "timed out after ${timeout}s waiting for $url (last HTTP status $code)"
    return 1
}

# start_bg DIR LOGFILE CMD...: starts CMD with cwd DIR in its own session (so Ctrl-C reaches
# only this script, and the whole process group can be stopped); sets BG_PID.
# LOGFILE "-" keeps this script's stdout/stderr.
start_bg() {
    local dir="$1" log="$2"; shift 2
    if [ "$log" = - ]; then ( cd "$dir" && exec setsid "$@" ) </dev/null &
    else ( cd "$dir" && exec setsid "$@" ) </dev/null >"$log" 2>&1 & fi
    BG_PID=$!
}

# stop_pgroup PID [SECONDS]: SIGTERM the process group led by PID, SIGKILL after a grace period.
stop_pgroup() {
    local pid="$1" grace="${2:-15}" i
    [ -n "$pid" ] || return 0
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null; return 0; }
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < grace * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        warn "process $pid did not stop in ${grace}s: killing it"
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
    fi
    wait "$pid" 2>/dev/null
    return 0
}

# descendants PID: prints PID's descendant pids (breadth first).
descendants() {
    local queue=("$1") p c
    while [ ${#queue[@]} -gt 0 ]; do
        p="${queue[0]}"; queue=("${queue[@]:1}")
        for c in $(cat /proc/"$p"/task/*/children 2>/dev/null); do
            echo "$c"; queue+=("$c")
        done
    done
}
