# shellcheck shell=bash
# `./koban test`: the whole CI pipeline (sourced by ./koban after lib.sh and pg.sh).
#
# Counting rule: every test from TRX/JUnit counts one; each explicit check (contract drift,
# dotnet format, typecheck, lint, deployment checks) counts one passed or failed;
# an infrastructure step (install, restore, build, database, API start) counts one failed
# when it fails and nothing when it works. A test run that fails without reporting a failed
# test (crash, no result file) counts one failed. The last line is "N passed, N failed".

KOBAN_TEST_PG_PORT="${KOBAN_TEST_PG_PORT:-55433}"
KOBAN_E2E_PORT="${KOBAN_E2E_PORT:-5081}"
KOBAN_DEPLOY_PORT="${KOBAN_DEPLOY_PORT:-5082}"
# per-suite time limits (seconds): the whole run must stay far below CI's limits
KOBAN_DOTNET_TEST_TIMEOUT="${KOBAN_DOTNET_TEST_TIMEOUT:-2400}"
KOBAN_E2E_TIMEOUT="${KOBAN_E2E_TIMEOUT:-1500}"

OUT="$KOBAN_ROOT/out"
RESULTS="$OUT/test-results"
LOGS="$OUT/logs"
WC="$KOBAN_ROOT/web-client"
COUNT=("python3" "$KOBAN_ROOT/scripts/count-results.py")

TOTAL_PASS=0 TOTAL_FAIL=0
S_NAMES=() S_SECS=() S_PASS=() S_FAIL=() S_NOTE=()
CUR_PASS=0 CUR_FAIL=0 CUR_SKIP=0 CUR_NOTE="" STEP_NAME="" STEP_T0=""

step() {
    STEP_NAME="$1" STEP_T0="$(now)" CUR_PASS=0 CUR_FAIL=0 CUR_SKIP=0 CUR_NOTE=""
    printf '\n%s==> [%s]%s\n' "$_B" "$STEP_NAME" "$_N"
}
# pass|fail LABEL: one counted check
pass() { CUR_PASS=$((CUR_PASS + 1)); printf '%sPASS%s %s\n' "$_G" "$_N" "$1"; }
fail() { CUR_FAIL=$((CUR_FAIL + 1)); printf '%sFAIL%s %s\n' "$_R" "$_N" "$1"; }
note() { CUR_NOTE="${CUR_NOTE:+$CUR_NOTE; }$1"; }
# add P F S: counts read from a result file
add() { CUR_PASS=$((CUR_PASS + $1)); CUR_FAIL=$((CUR_FAIL + $2)); CUR_SKIP=$((CUR_SKIP + ${3:-0})); }
step_end() {
    local secs
    secs="$(elapsed "$STEP_T0")"
    [ "$CUR_SKIP" -gt 0 ] && note "$CUR_SKIP skipped"
    S_NAMES+=("$STEP_NAME") S_SECS+=("$secs") S_PASS+=("$CUR_PASS") S_FAIL+=("$CUR_FAIL") S_NOTE+=("$CUR_NOTE")
    TOTAL_PASS=$((TOTAL_PASS + CUR_PASS)) TOTAL_FAIL=$((TOTAL_FAIL + CUR_FAIL))
    printf '%s<== [%s] %s passed, %s failed%s in %s s%s\n' "$_B" "$STEP_NAME" "$CUR_PASS" "$CUR_FAIL" \
        "${CUR_NOTE:+ ($CUR_NOTE)}" "$secs" "$_N"
}
skip_step() { step "$1"; note "skipped: $2"; say "skipped: $2"; step_end; }

# count_file trx|junit FILE RC LABEL: adds the file's counts; a failed run without a
# failed test in its results (or without results) counts one failed.
count_file() {
    local kind="$1" file="$2" rc="$3" label="$4" counts p f s
    if [ -f "$file" ] && counts="$("${COUNT[@]}" "$kind" "$file")"; then
        read -r p f s <<<"$counts"
        add "$p" "$f" "$s"
        say "$label: $p passed, $f failed, $s skipped (from ${file#"$KOBAN_ROOT"/})"
        if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
            fail "$label exited with code $rc without a failed test (crash or setup error?)"
        fi
    elif [ "$rc" -eq 0 ]; then
        warn "$label: no result file ${file#"$KOBAN_ROOT"/} (no tests?)"
        note "no results"
    else
        fail "$label exited with code $rc and wrote no results"
    fi
}

# quiet NAME CMD...: runs CMD with its output in out/logs/NAME.log; on failure prints the
# first lines of it (compiler, formatter and linter output can run to thousands of lines).
quiet() {
    local name="$1" log="$LOGS/$1.log" rc=0 lines; shift
    "$@" >"$log" 2>&1 || rc=$?
    if [ "$rc" -ne 0 ]; then
        lines="$(wc -l <"$log")"
        grep -v '^[[:space:]]*$' "$log" | head -n 60
        [ "$lines" -gt 60 ] && say "... ($lines lines in all: ${log#"$KOBAN_ROOT"/})"
    fi
    return "$rc"
}

# ------------------------------------------------------------------ background processes
T_E2E_PID='' T_DEPLOY_PID='' T_PG_STARTED=0
test_cleanup() {
    [ -n "$WEB_UNIT_PID" ] && { stop_pgroup "$WEB_UNIT_PID" 10; WEB_UNIT_PID=; }
    [ -n "$T_E2E_PID" ] && { stop_pgroup "$T_E2E_PID" 20; T_E2E_PID=; }
    [ -n "$T_DEPLOY_PID" ] && { stop_pgroup "$T_DEPLOY_PID" 20; T_DEPLOY_PID=; }
    if [ "$T_PG_STARTED" = 1 ]; then pg_stop pg-test; T_PG_STARTED=0; fi
    # On CI, stop the compiler server and MSBuild nodes that outlive the build (nothing of
    # this run may linger); on a developer's machine keep them warm for the next build.
    if [ -n "${CI:-}" ]; then dotnet build-server shutdown >/dev/null 2>&1 || true; fi
}

# api_env NAME PORT DB: the environment for an API process on the test cluster.
api_env() {
    local port="$1" db="$2"
    API_ENV=(
        "ConnectionStrings__Koban=Host=127.0.0.1;Port=$KOBAN_TEST_PG_PORT;Database=$db;Username=koban_app"
        "ConnectionStrings__KobanOwner=Host=127.0.0.1;Port=$KOBAN_TEST_PG_PORT;Database=$db;Username=koban_owner"
        "Koban__Database__Migrate=true" "Koban__Database__AppRole=koban_app" "Koban__Demo__Seed=true"
        "ASPNETCORE_URLS=http://127.0.0.1:$port"
    )
}

# ------------------------------------------------------------------ steps
BUILD_OK=0 RESTORE_OK=0 DB_OK=0 NODE_OK=0 SPA_BUILT=0

t_prerequisites() {
    step "prerequisites"
    ensure_packages --browser || fail "install Debian packages (postgresql, chromium, poppler-utils)"
    if spa_present; then
        if ensure_node_modules; then NODE_OK=1; else fail "npm ci"; fi
    else
        note "no web-client/package.json"
    fi
    ensure_dotnet_tools || fail "dotnet tool restore"
    step_end
}

t_build() {
    step "dotnet build"
    if quiet dotnet-restore dotnet restore Koban.sln -nologo; then
        RESTORE_OK=1
        if quiet dotnet-build dotnet build Koban.sln -c Release --no-restore -nologo -v minimal -clp:NoSummary; then
            BUILD_OK=1
        else
            fail "dotnet build Koban.sln -c Release"
        fi
    else
        fail "dotnet restore Koban.sln"
    fi
    step_end
}

t_contract() {
    step "contract"
    if [ "$BUILD_OK" != 1 ]; then
        note "skipped: build failed"; step_end; return
    fi
    local files=(openapi.yaml)
    if [ "$NODE_OK" = 1 ]; then
        if quiet gen-api bash -c 'cd "$1" && npm run gen:api' _ "$WC"; then
            files+=(web-client/src/api/schema.d.ts)
        else
            fail "npm run gen:api"
        fi
    fi
    if ! git -C "$KOBAN_ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        note "not a git work tree: drift not checked"; step_end; return
    fi
    local f drift=()
    for f in "${files[@]}"; do
        if [ ! -f "$f" ]; then
            drift+=("$f (missing: was it generated?)")
        elif ! git ls-files --error-unmatch -- "$f" >/dev/null 2>&1; then
            drift+=("$f (not committed)")
        elif ! git --no-pager diff --exit-code --stat -- "$f"; then
            drift+=("$f")
        fi
    done
    if [ ${#drift[@]} -eq 0 ]; then
        pass "contract drift: ${files[*]} match the committed versions"
    else
        fail "contract drift: ${drift[*]}"
        say "hint: the build regenerated the API contract; review and commit openapi.yaml and web-client/src/api/schema.d.ts"
    fi
    step_end
}

# dotnet format without a subcommand runs three passes: whitespace, code style (IDE rules, which the build does not
# enforce: EnforceCodeStyleInBuild is off) and analyzers. The analyzer pass repeats what the Release build already
# enforced with the same analyzers and .editorconfig (TreatWarningsAsErrors: any warning failed the build), and it was
# the longest of the three; so only the first two run here. Same rules, same fix command.
t_format() {
    step "dotnet format"
    if [ "$RESTORE_OK" != 1 ]; then note "skipped: restore failed"; step_end; return; fi
    if [ "$BUILD_OK" != 1 ]; then note "analyzers not checked: the build failed"; fi
    if quiet dotnet-format bash -c 'dotnet format whitespace Koban.sln --verify-no-changes &&
            dotnet format style Koban.sln --verify-no-changes --no-restore'; then
        pass "dotnet format --verify-no-changes (whitespace, style; analyzers: the build)"
    else
        fail "dotnet format --verify-no-changes (run: dotnet format Koban.sln)"
    fi
    step_end
}

t_test_db() {
    step "test database"
    pg_destroy pg-test
    if pg_start pg-test "$KOBAN_TEST_PG_PORT" -c fsync=off -c full_page_writes=off \
            -c synchronous_commit=off -c max_connections=200; then
        T_PG_STARTED=$PG_STARTED
        if pg_ensure_roles "$KOBAN_TEST_PG_PORT"; then
            DB_OK=1
            export KOBAN_TEST_PG_ADMIN="Host=127.0.0.1;Port=$KOBAN_TEST_PG_PORT;Username=postgres"
            say "KOBAN_TEST_PG_ADMIN=$KOBAN_TEST_PG_ADMIN"
        else
            fail "create roles koban_owner, koban_app"
        fi
    else
        fail "start the test PostgreSQL cluster"
    fi
    step_end
}

# t_dotnet_test PROJECT RESULTNAME
t_dotnet_test() {
    local project="$1" name="$2"
    step "$name"
    if [ "$BUILD_OK" != 1 ]; then note "skipped: build failed"; step_end; return; fi
    [ "$DB_OK" = 1 ] || warn "the test database is not available: database tests will fail"
    local rc=0
    timeout -k 30 "$KOBAN_DOTNET_TEST_TIMEOUT" dotnet test "$project" --no-build -c Release -nologo \
        --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" || rc=$?
    [ "$rc" = 124 ] && err "$name: timed out after ${KOBAN_DOTNET_TEST_TIMEOUT}s"
    count_file trx "$RESULTS/$name.trx" "$rc" "$name"
    step_end
}

t_npm_check() { # t_npm_check SCRIPT
    step "web $1"
    if [ "$NODE_OK" != 1 ]; then note "skipped: no node_modules"; step_end; return; fi
    if quiet "web-$1" bash -c 'cd "$1" && npm run "$2"' _ "$WC" "$1"; then pass "npm run $1"; else fail "npm run $1"; fi
    step_end
}

# The SPA's unit tests run alongside the .NET API tests: those run one fixture at a time and
# leave the second core mostly idle (the whole command went past 10 minutes run one after the
# other). Vitest starts before the API tests and is collected after them, in its own step.
WEB_UNIT_PID='' WEB_UNIT_T0=''
t_web_unit_start() {
    [ "$NODE_OK" = 1 ] || return 0
    rm -f "$WC/test-results/unit-junit.xml"
    WEB_UNIT_T0="$(now)"
    start_bg "$WC" "$LOGS/web-unit.log" npx --no-install vitest run --passWithNoTests --reporter=default --reporter=junit \
        --outputFile.junit=test-results/unit-junit.xml
    WEB_UNIT_PID=$BG_PID
    say "vitest started alongside the API tests (output: ${LOGS#"$KOBAN_ROOT"/}/web-unit.log)"
}

t_web_unit() {
    step "web unit"
    if [ "$NODE_OK" != 1 ]; then note "skipped: no node_modules"; step_end; return; fi
    local junit="$WC/test-results/unit-junit.xml" rc=0
    if [ -z "$WEB_UNIT_PID" ]; then t_web_unit_start; fi
    wait "$WEB_UNIT_PID" || rc=$?
    WEB_UNIT_PID=
    cat "$LOGS/web-unit.log"
    note "ran alongside the API tests: $(elapsed "$WEB_UNIT_T0") s in all"
    count_file junit "$junit" "$rc" "vitest"
    [ -f "$junit" ] && cp "$junit" "$RESULTS/"
    step_end
}

t_e2e() {
    step "e2e"
    local dll="$KOBAN_ROOT/api/Koban.Api/bin/Release/net10.0/Koban.Api.dll"
    if [ "$NODE_OK" != 1 ]; then note "skipped: no node_modules"; step_end; return; fi
    if ! ls "$WC"/playwright.config.* >/dev/null 2>&1; then note "skipped: no playwright.config"; step_end; return; fi
    if [ "$BUILD_OK" != 1 ] || [ "$DB_OK" != 1 ]; then note "skipped: build or database failed"; step_end; return; fi
    if build_spa force; then SPA_BUILT=1; else fail "npm run build"; step_end; return; fi
    if port_in_use "$KOBAN_E2E_PORT"; then fail "port $KOBAN_E2E_PORT already in use (set KOBAN_E2E_PORT)"; step_end; return; fi
    if ! pg_ensure_db "$KOBAN_TEST_PG_PORT" koban_e2e koban_owner; then fail "create database koban_e2e"; step_end; return; fi

    local log="$LOGS/e2e-api.log" url="http://127.0.0.1:$KOBAN_E2E_PORT"
    api_env "$KOBAN_E2E_PORT" koban_e2e
    start_bg "$KOBAN_ROOT/api/Koban.Api" "$log" env "${API_ENV[@]}" \
        "Koban__SpaRoot=$WC/dist" ASPNETCORE_ENVIRONMENT=Development dotnet "$dll"
    T_E2E_PID=$BG_PID
    if ! wait_http "$url/health/ready" 90 "$T_E2E_PID"; then
        fail "API ready on $url (log: ${log#"$KOBAN_ROOT"/})"
        tail -n 100 "$log"
        stop_pgroup "$T_E2E_PID"; T_E2E_PID=
        step_end; return
    fi
    say "API ready on $url"
    local junit="$WC/test-results/e2e-junit.xml" rc=0
    rm -f "$junit"
    (cd "$WC" && KOBAN_E2E_URL="$url" PLAYWRIGHT_JUNIT_OUTPUT_NAME=test-results/e2e-junit.xml \
        timeout -k 30 "$KOBAN_E2E_TIMEOUT" npx --no-install playwright test --pass-with-no-tests --reporter=list,junit) || rc=$?
    count_file junit "$junit" "$rc" "playwright"
    [ -f "$junit" ] && cp "$junit" "$RESULTS/"
    stop_pgroup "$T_E2E_PID"; T_E2E_PID=
    if [ "$CUR_FAIL" -gt 0 ]; then say "API log: ${log#"$KOBAN_ROOT"/}"; fi
    step_end
}

t_deploy() {
    step "deploy smoke"
    if ! is_root; then note "skipped: needs root (system user koban)"; step_end; return; fi
    if [ "$BUILD_OK" != 1 ] || [ "$DB_OK" != 1 ]; then note "skipped: build or database failed"; step_end; return; fi
    if [ "$SPA_BUILT" != 1 ] && spa_present; then
        if [ "$NODE_OK" = 1 ] && build_spa; then SPA_BUILT=1; else fail "SPA build for the publish output"; fi
    fi
    if port_in_use "$KOBAN_DEPLOY_PORT"; then fail "port $KOBAN_DEPLOY_PORT already in use (set KOBAN_DEPLOY_PORT)"; step_end; return; fi
    id -u koban >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin koban ||
        { fail "useradd koban"; step_end; return; }
    local pub
    pub="$(data_base_for koban)/publish"
    rm -rf "$pub"
    if ! quiet dotnet-publish dotnet publish api/Koban.Api -c Release -o "$pub" --no-restore -nologo \
            -p:OpenApiGenerateDocuments=false; then
        fail "dotnet publish"; step_end; return
    fi
    if [ -f "$WC/dist/index.html" ]; then
        rm -rf "$pub/wwwroot" && cp -r "$WC/dist" "$pub/wwwroot"
    fi
    chmod -R a+rX "$pub"
    if ! pg_ensure_db "$KOBAN_TEST_PG_PORT" koban_deploy koban_owner; then fail "create database koban_deploy"; step_end; return; fi

    local log="$LOGS/deploy-api.log" url="http://127.0.0.1:$KOBAN_DEPLOY_PORT"
    api_env "$KOBAN_DEPLOY_PORT" koban_deploy
    start_bg "$pub" "$log" runuser -u koban -- env -u Koban__SpaRoot "${API_ENV[@]}" \
        ASPNETCORE_ENVIRONMENT=Production "$(command -v dotnet)" Koban.Api.dll
    T_DEPLOY_PID=$BG_PID
    if wait_http "$url/health/ready" 90 "$T_DEPLOY_PID"; then
        pass "published API: /health/ready is 200"
    else
        fail "published API: /health/ready is 200"
        tail -n 60 "$log"
    fi
    local body
    body="$(curl -s -m 10 "$url/" 2>/dev/null)"
    if [[ "$body" == *'<div id="root">'* ]]; then
        pass "published API: / serves the SPA index.html"
    else
        fail "published API: / serves the SPA index.html"
    fi
    local p uid="" 
    for p in $(descendants "$T_DEPLOY_PID"); do
        if [ "$(cat /proc/"$p"/comm 2>/dev/null)" = dotnet ]; then
            uid="$(awk '/^Uid:/ { print $2 }' /proc/"$p"/status 2>/dev/null)"
            break
        fi
    done
    if [ -n "$uid" ] && [ "$uid" != 0 ]; then
        pass "published API runs as a non-root user (uid $uid)"
    else
        fail "published API runs as a non-root user (uid '${uid:-not found}')"
    fi
    stop_pgroup "$T_DEPLOY_PID"; T_DEPLOY_PID=
    step_end
}

t_summary() {
    printf '\n%sSummary%s\n' "$_B" "$_N"
    printf '%-22s %8s %8s %8s  %s\n' step seconds passed failed notes
    local i
    for i in "${!S_NAMES[@]}"; do
        printf '%-22s %8s %8s %8s  %s\n' "${S_NAMES[$i]}" "${S_SECS[$i]}" "${S_PASS[$i]}" "${S_FAIL[$i]}" "${S_NOTE[$i]}"
    done
    printf '%-22s %8s %8s %8s\n' total "$(elapsed "$T_START")" "$TOTAL_PASS" "$TOTAL_FAIL"
    say "Results: ${RESULTS#"$KOBAN_ROOT"/}, logs: ${LOGS#"$KOBAN_ROOT"/}"
    # name what failed, last, where a truncated log still shows it
    if [ "$TOTAL_FAIL" -gt 0 ]; then
        "${COUNT[@]}" failures "$RESULTS"/*.trx "$RESULTS"/*.xml 2>/dev/null | head -n 20
    fi
}

cmd_test() {
    T_START="$(now)"
    export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
    trap test_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    rm -rf "$RESULTS" "$LOGS"
    mkdir -p "$RESULTS" "$LOGS"

    t_prerequisites
    t_build
    t_contract
    t_format
    t_test_db
    t_dotnet_test tests/Koban.Domain.Tests domain-tests
    t_web_unit_start
    t_dotnet_test tests/Koban.Api.Tests api-tests
    t_npm_check typecheck
    t_npm_check lint
    t_web_unit
    t_e2e
    t_deploy

    step "cleanup"
    test_cleanup
    step_end
    trap - EXIT INT TERM
    t_summary
    printf '%s passed, %s failed\n' "$TOTAL_PASS" "$TOTAL_FAIL"
    [ "$TOTAL_FAIL" -eq 0 ]
    exit $?
}
