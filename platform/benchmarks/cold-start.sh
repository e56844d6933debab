#!/usr/bin/env bash
# Cold start of the platform against a bare Payara Micro, on this machine, in one run.
#
#   platform/benchmarks/cold-start.sh            (ROUNDS=3 JAVA_OPTS=-Xmx768m)
#
# Each round starts, one at a time, and stops when ready (Payara Micro's "ready in" line, polled every 50 ms):
#   empty      Payara Micro with nothing deployed
#   bare       Payara Micro serving bare-page.war (JAX-RS + Freemarker, the page benchmark's companion)
#   first      the platform from the shipped layout (bin/chorus-server) on an empty data folder: it also creates the
#              schema and seeds districts, legislators and the scorecard from the reference data
#   restart    the platform again on the data folder "first" left: what an operator's restart costs
# Same JVM flags and --nocluster --nohazelcast for all. Prints each round's wall times and the medians, and the
# ratios of the platform's restart and first start to the bare page app and to the empty Payara Micro.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
ROUNDS="${ROUNDS:-3}"; JAVA_OPTS="${JAVA_OPTS:--Xmx768m}"; PORT="${PORT:-18095}"
dist="$root/platform/distribution/target/chorus"
bare_war="$root/platform/benchmarks/bare-page/target/bare-page.war"
work="$(mktemp -d)"
trap 'pkill -f -- "--port $PORT" 2>/dev/null || true; rm -rf "$work"' EXIT

[ -f "$dist/chorus.war" ] && [ -f "$bare_war" ] || mvn -B -q -DskipTests package
export PLATFORM_REFERENCE_DATA_DIR="${PLATFORM_REFERENCE_DATA_DIR:-$root/../shared/data}"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# start <log> <command...>: wall ms from process start to Payara's "ready in" line; stops the server after.
start() {
  local log="$1"; shift
  local t0 pid
  t0=$(now_ms)
  "$@" > "$log" 2>&1 &
  pid=$!
  until grep -q 'Payara Micro .* ready in' "$log" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$log" >&2; echo "exited before ready: $log" >&2; exit 1; }
    sleep 0.05
  done
  echo $(( $(now_ms) - t0 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

payara() { exec java $JAVA_OPTS -Duser.timezone=UTC -jar "$dist/payara-micro.jar" --port "$PORT" --nocluster --nohazelcast --disablephonehome "$@"; }
platform() { exec env PLATFORM_HTTP_PORT="$PORT" PLATFORM_DATA_DIR="$1" JAVA_OPTS="$JAVA_OPTS" "$dist/bin/chorus-server"; }

declare -a empty bare first restart
for r in $(seq 1 "$ROUNDS"); do
  rm -rf "$work/data"
  empty+=("$(start "$work/empty.log" payara)")
  bare+=("$(start "$work/bare.log" payara --deploy "$bare_war" --contextroot /)")
  first+=("$(start "$work/first.log" platform "$work/data")")
  restart+=("$(start "$work/restart.log" platform "$work/data")")
  echo "round $r: empty ${empty[-1]} ms, bare ${bare[-1]} ms, first ${first[-1]} ms, restart ${restart[-1]} ms (load $(cut -d' ' -f1 /proc/loadavg))"
done

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
e=$(median "${empty[@]}"); b=$(median "${bare[@]}"); f=$(median "${first[@]}"); s=$(median "${restart[@]}")
echo
echo "median of $ROUNDS, wall ms to ready: empty Payara Micro $e, bare page app $b, platform first start $f, restart $s"
awk -v e="$e" -v b="$b" -v f="$f" -v s="$s" 'BEGIN {
  printf "restart / bare page app: %.2f   restart / empty Payara Micro: %.2f   (target <= 1.5)\n", s / b, s / e
  printf "first start / bare page app: %.2f   first start / empty Payara Micro: %.2f\n", f / b, f / e }'
