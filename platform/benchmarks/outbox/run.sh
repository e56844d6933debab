#!/usr/bin/env bash
# Outbox -> GreenMail letters/s. Usage: platform/benchmarks/outbox/run.sh [letters] [workers] [batch]
# BENCH_DB=postgresql uses PostgreSQL at 127.0.0.1:5432 (database test, user postgres) instead of H2.
# Builds the host through the reactor (no install), compiles the harness against its class path, runs it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
out="$here/target"
mkdir -p "$out/classes"
(cd "$repo" && mvn -B -q -pl platform/host -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt")
cp="$repo/platform/host/target/classes:$repo/platform/api/target/classes:$(cat "$out/classpath.txt")"
javac -proc:none -d "$out/classes" -cp "$cp" "$here/src/OutboxBenchmark.java"
exec java -Xmx1g -Dchorus.repo="$repo" \
  -Djava.util.logging.config.file="$repo/config/test-logging.properties" \
  -cp "$out/classes:$cp" OutboxBenchmark "$@"
