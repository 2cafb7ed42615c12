#!/usr/bin/env bash
# Load benchmark: N concurrent simulated calls for S seconds against the built service and its embedded
# OpenAI emulator, on loopback. Prints a table and one line starting "BENCH_JSON ".
#   bench/load.sh [calls=50] [seconds=60]
# Environment:
#   BENCH_BINARY=path   run this executable (e.g. the native build) instead of target/quarkus-app's jar
#   BENCH_JAVA_OPTS     extra JVM options for the jar, e.g. -XX:StartFlightRecording=duration=60s,filename=/tmp/b.jfr
#   BENCH_KEEP=1        keep the temporary directory (service log, transcripts)
#   BENCH_SPLIT_EMULATOR=1  run the emulator in a second instance of the service, so the measured process
#                       does only the bridge's work (its OpenAI side is then a plain ws:// loopback socket)
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
emulator_pid=
cleanup() {
  for pid in $service_pid $emulator_pid; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  if [ -n "${BENCH_KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
token=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
public=https://voice.example.test

# Prod profile, no call limit, transcripts in the temp dir; the emulator in-process unless split off.
export QUARKUS_HTTP_HOST=127.0.0.1 PUBLIC_BASE_URL=$public TWILIO_AUTH_TOKEN=$token \
  STREAM_TOKEN_SECRET=$token GENERATE_VOICE_API_KEY=$token LOG_DIR="$work/transcripts" MAX_CONCURRENT_CALLS=0
unset OPENAI_API_KEY
start() { # PORT LOG -- the service (jar or BENCH_BINARY) in the background
  if [ -n "${BENCH_BINARY:-}" ]; then
    PORT=$1 "$BENCH_BINARY" >"$2" 2>&1 &
  else
    # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
    PORT=$1 java ${BENCH_JAVA_OPTS:-} -jar "$jar" >"$2" 2>&1 &
  fi
}
await_ready() { # PORT LOG
  for _ in $(seq 60); do curl -fs -o /dev/null "http://127.0.0.1:$1/q/health/ready" && return 0; sleep 1; done
  echo "service did not come up"; tail -50 "$2"; exit 1
}
if [ -n "${BENCH_SPLIT_EMULATOR:-}" ]; then
  emulator_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  BENCH_JAVA_OPTS= EMULATOR_ENABLED=true start "$emulator_port" "$work/emulator.log" # no JFR for this one
  emulator_pid=$!
  await_ready "$emulator_port" "$work/emulator.log"
  export EMULATOR_ENABLED=false OPENAI_API_KEY=sk-bench-not-a-key \
    OPENAI_REALTIME_URL="ws://127.0.0.1:$emulator_port/emulator/v1/realtime"
else
  export EMULATOR_ENABLED=true
fi
start "$port" "$work/service.log"
service_pid=$!
await_ready "$port" "$work/service.log"

echo "== $calls calls for $seconds s against pid $service_pid (${BENCH_BINARY:-$jar}${emulator_pid:+; emulator in pid $emulator_pid}), $(nproc) cores, $(date -u +%FT%TZ)"
./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.aivoicebot.bench.LoadBenchmark \
  -Dexec.args="http://127.0.0.1:$port $service_pid $calls $seconds $public $token"
grep -E ' (ERROR|WARN) ' "$work/service.log" | cut -c1-200 | sort | uniq -c | sort -rn | head -5 || true
