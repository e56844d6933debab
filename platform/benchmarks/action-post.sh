#!/usr/bin/env bash
# The email action's POST under load, durable on PostgreSQL, next to a bare JAX-RS -> JPA insert in the same run.
#   platform/benchmarks/action-post.sh            (DURATION=20s CONNECTIONS=64 WARMUP=15s)
# Each request: lookup of the point (boundaries index) + supporter upsert + action record + consent + 2 outbox rows,
# committed before the 303. The mail worker is off so only the request path is measured. Only 127.0.0.1 is loaded.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
DURATION="${DURATION:-20s}"; CONNECTIONS="${CONNECTIONS:-64}"; WARMUP="${WARMUP:-15s}"
PORT_PLATFORM="${PORT_PLATFORM:-18080}"; PORT_BARE="${PORT_BARE:-18081}"
PSQL=(psql -q -h 127.0.0.1 -U postgres -d test)
lua="$root/platform/benchmarks/scripts/post-action.lua"
dist="$root/platform/distribution/target/chorus"
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

[ -f "$dist/chorus.war" ] && [ -f "$root/platform/benchmarks/bare-insert/target/bare-insert.war" ] || mvn -B -q -DskipTests package
"${PSQL[@]}" -c "DROP DATABASE IF EXISTS chorus_bench" -c "CREATE DATABASE chorus_bench" \
  -c "DROP DATABASE IF EXISTS chorus_bench_bare" -c "CREATE DATABASE chorus_bench_bare"

wait_ready() { for _ in $(seq 1 180); do grep -q "Payara Micro .* ready in" "$1" && return 0; sleep 1; done; echo "not ready: $1" >&2; tail -50 "$1" >&2; exit 1; }
run_wrk() { # name url
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$lua" "$2" > /dev/null
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$lua" "$2" | tee "$work/$1.txt"
}

echo "== platform: POST /campaigns/safe-communities-act/actions/email-your-legislators (PostgreSQL)"
PLATFORM_HTTP_PORT=$PORT_PLATFORM PLATFORM_DATA_DIR="$work/data" PLATFORM_DB_URL=jdbc:postgresql://127.0.0.1:5432/chorus_bench \
PLATFORM_DB_USER=postgres PLATFORM_DB_POOL_SIZE=32 PLATFORM_MAIL_WORKER_ENABLED=false \
PLATFORM_REFERENCE_DATA_DIR="${PLATFORM_REFERENCE_DATA_DIR:-$root/../shared/data}" \
  "$dist/bin/chorus-server" > "$work/platform.log" 2>&1 &
pids+=($!)
wait_ready "$work/platform.log"
run_wrk platform "http://127.0.0.1:$PORT_PLATFORM/campaigns/safe-communities-act/actions/email-your-legislators"
rss_platform=$(ps -o rss= -p "$(pgrep -f "port $PORT_PLATFORM" | head -1)" | tr -d ' ')
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true
rows=$(psql -At -h 127.0.0.1 -U postgres -d chorus_bench -c "SELECT (SELECT count(*) FROM action_record) || ' actions, ' || (SELECT count(*) FROM outbox_message) || ' outbox rows, ' || (SELECT count(*) FROM supporter) || ' supporters'")

echo "== bare: POST /insert (JAX-RS -> JPA persist, PostgreSQL)"
java -Xmx768m -Duser.timezone=UTC -Dbare.insert.db.url=jdbc:postgresql://127.0.0.1:5432/chorus_bench_bare \
  -jar "$dist/payara-micro.jar" --deploy "$root/platform/benchmarks/bare-insert/target/bare-insert.war" --contextroot / \
  --port "$PORT_BARE" --nocluster --nohazelcast --disablephonehome > "$work/bare.log" 2>&1 &
pids+=($!)
wait_ready "$work/bare.log"
run_wrk bare "http://127.0.0.1:$PORT_BARE/insert"
bare_rows=$(psql -At -h 127.0.0.1 -U postgres -d chorus_bench_bare -c "SELECT count(*) FROM bare_action")

rate() { grep "Requests/sec" "$1" | awk '{print $2}'; }
p99() { grep -E "^ +99%" "$1" | awk '{print $2}'; }
errors() { grep -E "Non-2xx or 3xx|Socket errors" "$1" || echo "none"; }
echo
echo "| endpoint | req/s | p99 | errors |"
echo "|---|---|---|---|"
echo "| platform action POST | $(rate "$work/platform.txt") | $(p99 "$work/platform.txt") | $(errors "$work/platform.txt" | tr '\n' ' ') |"
echo "| bare JAX-RS → JPA insert | $(rate "$work/bare.txt") | $(p99 "$work/bare.txt") | $(errors "$work/bare.txt" | tr '\n' ' ') |"
echo
echo "stored by the platform: $rows; by the bare endpoint: $bare_rows rows; platform RSS ${rss_platform:-?} KB"
