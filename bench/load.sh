#!/usr/bin/env bash
# Load benchmark: N concurrent simulated calls for S seconds against the built service and its embedded
# OpenAI emulator, on loopback. Prints a table and one line starting "BENCH_JSON ".
#   bench/load.sh [calls=50] [seconds=60]
# Environment:
#   BENCH_BINARY=path   run this executable (e.g. the native build) instead of target/quarkus-app's jar
#   BENCH_JAVA_OPTS     extra JVM options for the jar, e.g. -XX:StartFlightRecording=duration=60s,filename=/tmp/b.jfr
#   BENCH_KEEP=1        keep the temporary directory (service log, transcripts)
# Builds (./mvnw package -DskipTests) only when the jar is missing and no BENCH_BINARY is given.
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-50}
seconds=${2:-60}
jar=target/quarkus-app/quarkus-run.jar
if [ -z "${BENCH_BINARY:-}" ] && [ ! -f "$jar" ]; then
  ./mvnw -B -q package -DskipTests
fi

work=$(mktemp -d)
service_pid=
cleanup() {
  if [ -n "$service_pid" ]; then kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; fi
  if [ -n "${BENCH_KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
token=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
public=https://voice.example.test

# Prod profile, emulator on (no OPENAI_API_KEY), no call limit, transcripts in the temp dir.
export PORT=$port QUARKUS_HTTP_HOST=127.0.0.1 PUBLIC_BASE_URL=$public TWILIO_AUTH_TOKEN=$token \
  STREAM_TOKEN_SECRET=$token GENERATE_VOICE_API_KEY=$token LOG_DIR="$work/transcripts" \
  EMULATOR_ENABLED=true MAX_CONCURRENT_CALLS=0
unset OPENAI_API_KEY
if [ -n "${BENCH_BINARY:-}" ]; then
  "$BENCH_BINARY" >"$work/service.log" 2>&1 &
else
  # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
  java ${BENCH_JAVA_OPTS:-} -jar "$jar" >"$work/service.log" 2>&1 &
fi
service_pid=$!
for _ in $(seq 60); do curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break; sleep 1; done
curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready" || { echo "service did not come up"; tail -50 "$work/service.log"; exit 1; }

echo "== $calls calls for $seconds s against pid $service_pid (${BENCH_BINARY:-$jar}), $(nproc) cores, $(date -u +%FT%TZ)"
./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.aivoicebot.bench.LoadBenchmark \
  -Dexec.args="http://127.0.0.1:$port $service_pid $calls $seconds $public $token"
grep -E ' (ERROR|WARN) ' "$work/service.log" | cut -c1-200 | sort | uniq -c | sort -rn | head -5 || true
