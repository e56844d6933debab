#!/usr/bin/env bash
# Page throughput of the platform against a bare Payara Micro + JAX-RS + Freemarker page, on this machine, in one run.
#
#   platform/benchmarks/page-throughput.sh
#
# 1. Builds what is missing or stale (mvn -B -q -DskipTests package: the reactor resolves its own modules, and
#    nothing is installed into ~/.m2, which other checkouts of the project on this machine share).
# 2. Starts the platform from the shipped layout (bin/chorus-server, throwaway data dir, free port) and measures its
#    cold start: wall time from process start to Payara Micro's "ready in" line, and the "ready in" figure itself.
# 3. Warms it up, measures it (wrk -t THREADS -c CONNECTIONS -d DURATION --latency), records its RSS and stops it.
#    Then the same for a bare Payara Micro serving bare-page.war with the same JVM flags (--nocluster
#    --nohazelcast). One server at a time. Warming up takes long on 2 cores: the JIT needs some 400-500 thousand
#    requests (60 s of load for the bare page, 110 s for the platform on a quiet machine, longer on a busy one)
#    before throughput stops rising, and the server's CPU time per request can sit on a plateau for a minute
#    before it falls again. So the warm-up runs 10 s rounds of wrk for at least WARMUP seconds and
#    WARMUP_REQUESTS requests, then until the CPU time per request of three rounds in a row agrees within 5 %,
#    at most WARMUP_MAX seconds in all.
# 4. Prints a table (req/s, p50/p99 latency, transfer/s, server CPU per request, cold start, RSS) and the ratio
#    platform / bare.
#
# Environment (defaults in brackets):
#   DURATION [20s] CONNECTIONS [64] THREADS [2]   wrk settings for the measurement
#   WARMUP [60] WARMUP_REQUESTS [500000] WARMUP_MAX [360 s]   warm-up: at least WARMUP seconds and WARMUP_REQUESTS
#                                requests, then until steady, at most WARMUP_MAX seconds (WARMUP=0: no warm-up;
#                                WARMUP_MAX=WARMUP: a fixed warm-up)
#   JAVA_OPTS [-Xmx768m]         JVM flags for both servers (as bin/chorus-server uses them)
#   PLATFORM_PATH [/campaigns/safe-communities-act]
#   BARE_PATH [/page, or /page?form=false when the platform's page has no action form, so both pages match]
#   BUILD [auto]                 auto: build when an artifact is missing or older than the sources; always; never
#   LAYOUT [platform/distribution/target/chorus]   the shipped layout to run (e.g. a copy of an earlier build, to
#                                compare two builds of the platform on the same machine)
#   READY_TIMEOUT [240]          seconds to wait for a server to be ready
#   RESULTS_DIR [platform/benchmarks/target/page-throughput/<time>]   logs, wrk output, summary.txt
#   TARGET_RATIO [0.8]           the ratio the summary compares against (informational; the exit code ignores it)
#   ONLY [both]                  platform | bare | both
#   QUIET_WAIT [600] QUIET_PCT [10]   before starting a server and before measuring, wait up to QUIET_WAIT seconds
#                                for other processes to use less than QUIET_PCT % of the machine (0: don't wait).
#                                The machine is shared; what other work used while measuring is reported either way.
#   MEASURE_TRIES [3]            measure again (the server stays warm) when other processes used more than
#                                QUIET_PCT % of the machine meanwhile; the least disturbed measurement is reported
# Only 127.0.0.1 is ever loaded. Every wrk run is bounded by its -d.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
built_dist="$root/platform/distribution/target/chorus"
dist="${LAYOUT:-$built_dist}"
bare_war="$root/platform/benchmarks/bare-page/target/bare-page.war"

DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
WARMUP="${WARMUP:-60}"
WARMUP="${WARMUP%s}"
WARMUP_REQUESTS="${WARMUP_REQUESTS:-500000}"
WARMUP_MAX="${WARMUP_MAX:-360}"
WARMUP_MAX="${WARMUP_MAX%s}"
WARMUP_STEP=10
JAVA_OPTS="${JAVA_OPTS:--Xmx768m}"
PLATFORM_PATH="${PLATFORM_PATH:-/campaigns/safe-communities-act}"
BARE_PATH="${BARE_PATH:-}"
BUILD="${BUILD:-auto}"
READY_TIMEOUT="${READY_TIMEOUT:-240}"
TARGET_RATIO="${TARGET_RATIO:-0.8}"
ONLY="${ONLY:-both}"
QUIET_WAIT="${QUIET_WAIT:-600}"
QUIET_PCT="${QUIET_PCT:-10}"
MEASURE_TRIES="${MEASURE_TRIES:-3}"
RESULTS_DIR="${RESULTS_DIR:-$root/platform/benchmarks/target/page-throughput/$(date -u +%Y%m%dT%H%M%SZ)}"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

for tool in java wrk curl awk; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is needed on the PATH"
done
case "$ONLY" in platform|bare|both) ;; *) die "ONLY must be platform, bare or both" ;; esac

mkdir -p "$RESULTS_DIR"
work="$(mktemp -d "${TMPDIR:-/tmp}/chorus-bench.XXXXXX")"
server_pid=""
server_name=""

stop_server() {
  local pid="$server_pid"
  server_pid=""
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      log "server $pid did not stop in 30 s: killing it"
      kill -9 "$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  stop_server
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. build -------------------------------------------------------------------------------------------------
needs_build() {
  [ -f "$built_dist/chorus.war" ] && [ -f "$built_dist/payara-micro.jar" ] && [ -x "$built_dist/bin/chorus-server" ] \
    && [ -f "$bare_war" ] || return 0
  local newer
  newer="$(cd "$root" && find pom.xml platform plugins themes config -newer "$built_dist/chorus.war" -type f \
      -not -path '*/target/*' -not -path 'platform/benchmarks/*' -print -quit 2>/dev/null)"
  [ -n "$newer" ] && return 0
  newer="$(cd "$root" && find platform/benchmarks/bare-page -newer "$bare_war" -type f -not -path '*/target/*' -print -quit)"
  [ -n "$newer" ]
}
case "$BUILD" in
  always) do_build=1 ;;
  never) do_build=0 ;;
  auto) if needs_build; then do_build=1; else do_build=0; fi ;;
  *) die "BUILD must be auto, always or never" ;;
esac
if [ "$do_build" = 1 ]; then
  log "building (mvn -B -q -DskipTests package)..."
  (cd "$root" && mvn -B -q -ntp -DskipTests package) > "$RESULTS_DIR/build.log" 2>&1 \
    || { tail -40 "$RESULTS_DIR/build.log" >&2; die "build failed (see $RESULTS_DIR/build.log)"; }
fi
[ -f "$dist/chorus.war" ] && [ -f "$bare_war" ] || die "missing $dist/chorus.war or $bare_war"
dist="$(cd "$dist" && pwd)"

# --- helpers --------------------------------------------------------------------------------------------------
free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  die "no free port found"
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Starts a server in the background (its pid in server_pid), waits for Payara Micro's "ready in" line and sets
# cold_wall_ms (process start to that line, as seen by polling every 50 ms) and cold_ready_ms (Payara's figure).
start_server() {
  local name="$1" logfile="$2"
  shift 2
  local t0
  t0=$(now_ms)
  "$@" > "$logfile" 2>&1 &
  server_pid=$!
  server_name="$name"
  local deadline=$(( t0 + READY_TIMEOUT * 1000 ))
  while :; do
    if grep -q 'Payara Micro .* ready in' "$logfile" 2>/dev/null; then
      cold_wall_ms=$(( $(now_ms) - t0 ))
      break
    fi
    kill -0 "$server_pid" 2>/dev/null || { tail -30 "$logfile" >&2; die "$name exited before it was ready (log: $logfile)"; }
    [ "$(now_ms)" -lt "$deadline" ] || { tail -30 "$logfile" >&2; die "$name not ready after ${READY_TIMEOUT}s (log: $logfile)"; }
    sleep 0.05
  done
  cold_ready_ms="$(grep -o 'Payara Micro .* ready in [0-9,.]* (ms)' "$logfile" | head -1 | sed 's/.*ready in \([0-9,.]*\) (ms)/\1/' | tr -d ',.')"
}

# First request after "ready": status, size and time (ms); it pays for template loading and the first JIT work.
probe() {
  curl -s -o "$1" -w "%{http_code} %{size_download} %{time_total}" --max-time 60 "$2" || true
}

# wrk output → "req_s p50 p99 transfer non2xx socket_errors requests"
parse_wrk() {
  awk '
    /Requests\/sec:/ { rps = $2 }
    /Transfer\/sec:/ { tr = $2 }
    $1 == "50%" { p50 = $2 }
    $1 == "99%" { p99 = $2 }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ { sub(/.*Socket errors: /, ""); gsub(/[a-z]+ /, ""); split($0, e, ", "); errs = e[1] + e[2] + e[3] + e[4] }
    / requests in / { reqs = $1 }
    END { printf "%s %s %s %s %d %d %s\n", rps, p50, p99, tr, non2xx, errs, reqs }' "$1"
}

# CPU time in clock ticks: the whole machine's busy time (all cores), and one process's user + system time.
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }
process_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
hz="$(getconf CLK_TCK 2>/dev/null || echo 100)"
cores="$(nproc 2>/dev/null || echo 1)"
TIMEFORMAT='%U %S'

# Dies if the server started last is gone: the machine is shared, and something else may have stopped it.
server_alive() {
  [ -z "$server_pid" ] || kill -0 "$server_pid" 2>/dev/null \
    || die "${server_name:-the server} (pid $server_pid) exited on its own or was stopped by something else; see its log"
}

# % of the machine used by everything but process $2 (if given) over $1 seconds.
other_busy_pct() {
  local m0 m1 s0=0 s1=0
  m0="$(machine_ticks)"; [ -z "${2:-}" ] || s0="$(process_ticks "$2")"
  sleep "$1"
  m1="$(machine_ticks)"; [ -z "${2:-}" ] || s1="$(process_ticks "$2")"
  awk -v m="$(( m1 - m0 ))" -v s="$(( s1 - s0 ))" -v t="$1" -v hz="$hz" -v cores="$cores" \
    'BEGIN { o = m - s; if (o < 0) o = 0; printf "%.0f\n", 100 * o / (cores * t * hz) }'
}

wait_quiet() {
  [ "$QUIET_WAIT" -gt 0 ] || return 0
  local start pct said=0
  start="$(date +%s)"
  while :; do
    server_alive
    pct="$(other_busy_pct 3 "$server_pid")"
    [ "$pct" -gt "$QUIET_PCT" ] || return 0
    if [ $(( $(date +%s) - start )) -ge "$QUIET_WAIT" ]; then
      log "WARNING: other processes still use ${pct}% of the machine after ${QUIET_WAIT}s; going on anyway"
      return 0
    fi
    if [ $(( $(date +%s) - said )) -ge 30 ]; then
      log "waiting for the machine to quiet down: other processes use ${pct}% of it (up to ${QUIET_WAIT}s)"
      said="$(date +%s)"
    fi
  done
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime | sed 's/.*load average: //'; }

# warm_up <name> <url>: rounds of WARMUP_STEP seconds of wrk; once WARMUP seconds and WARMUP_REQUESTS requests
# have passed, stops when the server's CPU time per request of the last three rounds agrees within 5 % (CPU per
# request, unlike req/s, hardly moves when other work shares the machine); at most WARMUP_MAX seconds in all.
# Sets warm_s, warm_n (requests served) and warm_rounds (µs per request of each round: the warm-up curve).
warm_up() {
  local name="$1" url="$2" out="$RESULTS_DIR/$1-warmup.txt" us s0 s1 n last3=""
  warm_s=0
  warm_n=0
  warm_rounds=""
  : > "$out"
  [ "$WARMUP" -gt 0 ] || return 0
  log "$name: warming up (at least ${WARMUP}s and $WARMUP_REQUESTS requests, then until steady, at most ${WARMUP_MAX}s)"
  while :; do
    s0="$(process_ticks "$server_pid")"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP_STEP}s" "$url" >> "$out" 2>&1 || server_alive
    s1="$(process_ticks "$server_pid")"
    server_alive
    n="$(awk '/ requests in / { n = $1 } END { print n + 0 }' <(tail -n 12 "$out"))"
    us="$(awk -v t=$(( s1 - s0 )) -v hz="$hz" -v n="$n" 'BEGIN { printf "%.0f", (n > 0 ? t / hz * 1e6 / n : 0) }')"
    warm_s=$(( warm_s + WARMUP_STEP ))
    warm_n=$(( warm_n + n ))
    warm_rounds="${warm_rounds:+$warm_rounds }$us"
    last3="$(echo "$last3 $us" | awk '{ s = ""; for (i = (NF > 3 ? NF - 2 : 1); i <= NF; i++) s = s (s == "" ? "" : " ") $i; print s }')"
    if [ "$warm_s" -ge "$WARMUP" ] && [ "$warm_n" -ge "$WARMUP_REQUESTS" ] \
        && awk -v r="$last3" 'BEGIN { k = split(r, a, " "); if (k < 3) exit 1
             lo = a[1]; hi = a[1]; for (i = 2; i <= 3; i++) { if (a[i] < lo) lo = a[i]; if (a[i] > hi) hi = a[i] }
             exit !(lo > 0 && (hi - lo) / lo < 0.05) }'; then
      break
    fi
    [ $(( warm_s + WARMUP_STEP )) -le "$WARMUP_MAX" ] || { log "WARNING $name: not steady after ${WARMUP_MAX}s"; break; }
  done
  log "$name: warmed up for ${warm_s}s, $warm_n requests; server CPU µs per request by round: $warm_rounds"
}

# run_one <name> <url-path> <command...>: start, probe, warm up, measure, RSS, stop. Sets res_<name>_*.
run_one() {
  local name="$1" path="$2"
  shift 2
  local port="$PORT" url logfile="$RESULTS_DIR/$name-server.log"
  url="http://127.0.0.1:$port$path"
  wait_quiet
  log "$name: starting on port $port (load average $(loadavg))"
  start_server "$name" "$logfile" "$@"
  log "$name: ready after ${cold_wall_ms} ms wall, Payara says ${cold_ready_ms} ms"
  local first code size secs first_ms
  first="$(probe "$RESULTS_DIR/$name-page.html" "$url")"
  read -r code size secs <<<"$first"
  [ "$code" = 200 ] || { tail -40 "$logfile" >&2; die "$name: GET $url answered $code"; }
  first_ms="$(awk -v s="$secs" 'BEGIN { printf "%d", s * 1000 }')"
  log "$name: GET $path → $code, $size bytes, first request ${first_ms} ms"
  warm_up "$name" "$url"
  local try=1 best_other=101 before m0 s0 m1 s1 t0 t1 wrk_cpu rss_kb rps p50 p99 tr non2xx errs reqs cpu_us other_pct
  while :; do
    wait_quiet
    before="$(loadavg)"
    log "$name: measuring (wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency), load average $before"
    m0="$(machine_ticks)"; s0="$(process_ticks "$server_pid")"; t0=$(now_ms)
    { time wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url" > "$work/wrk.txt" 2>&1 ; } 2> "$work/wrk-time"
    m1="$(machine_ticks)"; s1="$(process_ticks "$server_pid")"; t1=$(now_ms)
    server_alive
    wrk_cpu="$(cat "$work/wrk-time")"
    read -r rps p50 p99 tr non2xx errs reqs <<<"$(parse_wrk "$work/wrk.txt")"
    [ -n "$rps" ] || { cat "$work/wrk.txt" >&2; die "$name: no wrk result"; }
    # Server CPU per request, and how much of the machine went to anything other than this server and wrk: the
    # machine is shared, and other work running at the same time lowers req/s without saying so.
    read -r cpu_us other_pct <<<"$(awk -v m0="$m0" -v m1="$m1" -v s0="$s0" -v s1="$s1" -v w="$wrk_cpu" -v hz="$hz" \
        -v cores="$cores" -v ms=$(( t1 - t0 )) -v n="$reqs" 'BEGIN {
          split(w, a, " "); wrk = (a[1] + a[2]) * hz
          other = (m1 - m0) - (s1 - s0) - wrk; if (other < 0) other = 0
          printf "%d %.0f\n", (n > 0 ? (s1 - s0) / hz * 1e6 / n : 0), 100 * other / (cores * ms / 1000 * hz) }')"
    log "$name: $rps req/s, p50 $p50, p99 $p99, $tr/s; server CPU ${cpu_us} µs per request;" \
      "other work took ${other_pct}% of the machine meanwhile"
    [ "$non2xx" = 0 ] || log "WARNING $name: $non2xx responses were not 2xx/3xx"
    [ "$errs" = 0 ] || log "WARNING $name: $errs socket errors"
    cp "$work/wrk.txt" "$RESULTS_DIR/$name-wrk-$try.txt"
    if [ "$other_pct" -lt "$best_other" ]; then # keep the least disturbed measurement
      best_other="$other_pct"
      cp "$work/wrk.txt" "$RESULTS_DIR/$name-wrk.txt"
      printf -v "res_${name}_rps" '%s' "$rps"
      printf -v "res_${name}_p50" '%s' "$p50"
      printf -v "res_${name}_p99" '%s' "$p99"
      printf -v "res_${name}_tr" '%s' "$tr"
      printf -v "res_${name}_bad" '%s' "$(( non2xx + errs ))"
      printf -v "res_${name}_reqs" '%s' "$reqs"
      printf -v "res_${name}_load" '%s' "$before"
      printf -v "res_${name}_cpu" '%s' "$cpu_us"
      printf -v "res_${name}_other" '%s' "$other_pct"
      printf -v "res_${name}_try" '%s' "$try"
    fi
    [ "$other_pct" -gt "$QUIET_PCT" ] || break
    if [ "$try" -ge "$MEASURE_TRIES" ]; then
      log "WARNING $name: other processes used ${best_other}% of the machine during the least disturbed measurement"
      break
    fi
    log "$name: other work disturbed the measurement; measuring again"
    try=$(( try + 1 ))
  done
  rss_kb="$(ps -o rss= -p "$server_pid" | tr -d ' ')"
  log "$name: RSS $(( rss_kb / 1024 )) MB"
  stop_server
  printf -v "res_${name}_size" '%s' "$size"
  printf -v "res_${name}_cold_wall" '%s' "$cold_wall_ms"
  printf -v "res_${name}_cold_ready" '%s' "$cold_ready_ms"
  printf -v "res_${name}_first" '%s' "$first_ms"
  printf -v "res_${name}_rss" '%s' "$(( rss_kb / 1024 ))"
  printf -v "res_${name}_warm" '%s' "${warm_s}s, $warm_n requests (server CPU µs/request by round: ${warm_rounds:-none})"
}

# --- 2./3. the platform, then the bare page -------------------------------------------------------------------
log "results in $RESULTS_DIR"
if [ "$ONLY" != bare ]; then
  PORT="$(free_port)"
  mkdir -p "$work/platform-data"
  run_one platform "$PLATFORM_PATH" \
    env PLATFORM_HTTP_PORT="$PORT" PLATFORM_DATA_DIR="$work/platform-data" JAVA_OPTS="$JAVA_OPTS" \
    "$dist/bin/chorus-server"
fi
# The bare page with or without an action form, as the platform's page has one or not (it has none while no
# plugin provides the campaign's action type: "This action is not available right now").
if [ -z "$BARE_PATH" ]; then
  if [ "$ONLY" != bare ]; then
    if grep -q '<form' "$RESULTS_DIR/platform-page.html"; then BARE_PATH=/page; else BARE_PATH='/page?form=false'; fi
  elif compgen -G "$dist/plugins/*.jar" > /dev/null || compgen -G "$dist/plugins/*.zip" > /dev/null; then
    BARE_PATH=/page
  else
    BARE_PATH='/page?form=false'
  fi
fi
if [ "$ONLY" != platform ]; then
  PORT="$(free_port)"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags, as in bin/chorus-server
  run_one bare "$BARE_PATH" \
    java $JAVA_OPTS -Duser.timezone=UTC -jar "$dist/payara-micro.jar" \
    --deploy "$bare_war" --contextroot / --port "$PORT" --nocluster --nohazelcast --disablephonehome
fi

# --- 4. summary -----------------------------------------------------------------------------------------------
{
  echo
  echo "Page throughput, $(date -u +'%Y-%m-%d %H:%M UTC'), $(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo '?')$(cd "$root" && git diff --quiet HEAD 2>/dev/null || echo '+changes')"
  echo "$(nproc 2>/dev/null || echo '?') cores, $(java -version 2>&1 | head -1), JAVA_OPTS='$JAVA_OPTS'"
  echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency after a warm-up (until steady; see below), one server at a time"
  echo
  printf '%-9s %-32s %6s %9s %9s %9s %10s %8s %11s %10s %10s %7s\n' server path bytes 'req/s' p50 p99 transfer/s \
    'CPU/req' 'cold wall' 'ready in' 'first req' RSS
  for name in platform bare; do
    rps_var="res_${name}_rps"
    [ -n "${!rps_var:-}" ] || continue
    p_var="res_${name}_size"; p50_var="res_${name}_p50"; p99_var="res_${name}_p99"; tr_var="res_${name}_tr"
    cw_var="res_${name}_cold_wall"; cr_var="res_${name}_cold_ready"; f_var="res_${name}_first"; rss_var="res_${name}_rss"
    cpu_var="res_${name}_cpu"
    if [ "$name" = platform ]; then path="$PLATFORM_PATH"; else path="$BARE_PATH"; fi
    printf '%-9s %-32s %6s %9s %9s %9s %10s %5s µs %8s ms %7s ms %7s ms %4s MB\n' "$name" "$path" "${!p_var}" \
      "${!rps_var}" "${!p50_var}" "${!p99_var}" "${!tr_var}" "${!cpu_var}" "${!cw_var}" "${!cr_var}" "${!f_var}" "${!rss_var}"
  done
  for name in platform bare; do
    bad_var="res_${name}_bad"; load_var="res_${name}_load"; other_var="res_${name}_other"
    [ -n "${!load_var:-}" ] || continue
    warm_var="res_${name}_warm"
    try_var="res_${name}_try"
    echo "$name: warm-up ${!warm_var}; measurement ${!try_var} of up to $MEASURE_TRIES; load average before" \
      "measuring ${!load_var}; other processes used ${!other_var}% of the machine while measuring; non-2xx" \
      "responses + socket errors: ${!bad_var}"
  done
  if [ -n "${res_platform_rps:-}" ] && [ -n "${res_bare_rps:-}" ]; then
    awk -v p="$res_platform_rps" -v b="$res_bare_rps" -v t="$TARGET_RATIO" -v ps="$res_platform_size" -v bs="$res_bare_size" \
        -v pc="$res_platform_cpu" -v bc="$res_bare_cpu" 'BEGIN {
      r = p / b
      printf "\nratio platform/bare (req/s): %.2f (target >= %s): %s\n", r, t, (r >= t ? "meets the target" : "BELOW the target")
      if (pc > 0) printf "ratio by server CPU per request (bare/platform): %.2f\n", bc / pc
      if (bs > 0 && (ps / bs > 1.25 || bs / ps > 1.25)) printf "note: the pages differ in size (%d vs %d bytes)\n", ps, bs
    }'
  fi
  echo "raw output: $RESULTS_DIR"
} | tee "$RESULTS_DIR/summary.txt"
