#!/usr/bin/env bash
# A petition signature's POST under load, durable on PostgreSQL (issue 5: >= 2,000 signatures/s on the 2-core machine).
#   platform/benchmarks/petition-post.sh            (DURATION=20s CONNECTIONS=64 WARMUP=15s PORT=18082)
# Each request: the petitions plugin validates the form (a town, so no lookup), then one transaction upserts the
# supporter, appends the consent, checks the one-signature-per-e-mail key, inserts the action record and the
# autoresponse's outbox row, and answers 303 (a repeated e-mail, every tenth request, answers 200 "already signed").
# The mail worker is off so only the request path is measured. Only 127.0.0.1 is loaded. Builds with `mvn package`
# (never install: ~/.m2 may be shared). Do not run it on a machine other work is using: the figures mean nothing.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
DURATION="${DURATION:-20s}"; CONNECTIONS="${CONNECTIONS:-64}"; WARMUP="${WARMUP:-15s}"; PORT="${PORT:-18082}"
PSQL=(psql -q -h 127.0.0.1 -U postgres -d test)
lua="$root/platform/benchmarks/scripts/post-signature.lua"
dist="$root/platform/distribution/target/chorus"
url="http://127.0.0.1:$PORT/campaigns/stand-with-immigrant-families/actions/sign"
work="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

[ -f "$dist/chorus.war" ] && [ -f "$dist/plugins/petitions.jar" ] \
  || mvn -B -q -DskipTests package -pl platform/distribution -am
"${PSQL[@]}" -c "DROP DATABASE IF EXISTS chorus_bench_petition" -c "CREATE DATABASE chorus_bench_petition"

PLATFORM_HTTP_PORT=$PORT PLATFORM_DATA_DIR="$work/data" PLATFORM_DB_URL=jdbc:postgresql://127.0.0.1:5432/chorus_bench_petition \
PLATFORM_DB_USER=postgres PLATFORM_DB_POOL_SIZE=32 PLATFORM_MAIL_WORKER_ENABLED=false \
PLATFORM_REFERENCE_DATA_DIR="${PLATFORM_REFERENCE_DATA_DIR:-$root/../shared/data}" \
  "$dist/bin/chorus-server" > "$work/platform.log" 2>&1 &
pid=$!
for _ in $(seq 1 180); do grep -q "Payara Micro .* ready in" "$work/platform.log" && break; sleep 1; done
grep -q "Payara Micro .* ready in" "$work/platform.log" || { echo "not ready" >&2; tail -50 "$work/platform.log" >&2; exit 1; }

echo "== POST $url (PostgreSQL)"
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$lua" "$url" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$lua" "$url" | tee "$work/wrk.txt"

# Stop the platform first: requests wrk gave up on may still be committing, and the counts must be of one state.
kill "$pid"; wait "$pid" 2>/dev/null || true
q() { psql -At -h 127.0.0.1 -U postgres -d chorus_bench_petition -c "$1"; }
read -r signatures distinct outbox <<<"$(q "SELECT (SELECT count(*) FROM action_record) || ' ' || (SELECT count(DISTINCT lower(s.email))
  FROM action_record r JOIN supporter s ON s.id = r.supporter_id) || ' ' || (SELECT count(*) FROM outbox_message)")"
echo
echo "| what | req/s | p99 | errors |"
echo "|---|---|---|---|"
echo "| petition signature POST | $(grep "Requests/sec" "$work/wrk.txt" | awk '{print $2}') | $(grep -E "^ +99%" "$work/wrk.txt" | awk '{print $2}') | $(grep -E "Non-2xx or 3xx|Socket errors" "$work/wrk.txt" | tr '\n' ' ' || echo none) |"
echo
echo "stored: $signatures signatures from $distinct distinct e-mails (must be equal: one per e-mail), $outbox autoresponses queued"
[ "$signatures" = "$distinct" ] || { echo "DUPLICATE SIGNATURES" >&2; exit 1; }
