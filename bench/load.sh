#!/usr/bin/env bash
# Load benchmark: N concurrent simulated calls for S seconds against the built service, on loopback.
# Prints a table and one line starting "BENCH_JSON ".
#   bench/load.sh [calls=50] [seconds=60]
# By default the OpenAI side is the tagged fake (dev.aivoicebot.bench.fake.TaggedRealtimeServer) in its own JVM
# and the callers are dev.aivoicebot.bench.TaggedLoadBenchmark in a third JVM: latency, loss and order are
# measured end to end from tags written into the audio (see BENCHMARKS.md).
# Environment:
#   BENCH_BINARY=path   run this executable (e.g. the native build) instead of target/quarkus-app's jar
#   BENCH_TARGET=sample run Twilio's Node.js sample instead of the service: `node index.js` in BENCH_SAMPLE_DIR, which
#                       must hold the sample with its node_modules installed (bench/compare.sh prepares it)
#   BENCH_SILENCE_MS    the fake's turn-ending silence for a client whose session.update sets none (default 500)
#   BENCH_PREPARED=1    skip compiling and resolving the test classpath (the caller did it: bench/compare.sh)
#   BENCH_JAVA_OPTS     extra JVM options for the service jar, e.g. -XX:StartFlightRecording=duration=60s,filename=/tmp/b.jfr
#   BENCH_WARMUP=20     seconds between the last call up and the measured window
#   BENCH_THINK_MS=0    the fake's think time before each answer (subtracted from response/greeting latency)
#   BENCH_ANSWER_MS=2000 BENCH_DELTA_MS=100   length of each answer; audio per delta (one delta per DELTA_MS)
#   BENCH_RAMP_MS       arrivals spread over this (default min(10 s, calls x 50 ms))
#   BENCH_TOOL_MS=0     >0: the fake answers each caller turn with a call of the HTTP tool bench_wait, which it serves
#                       itself (POST /tool answers after this many ms); the service gets a TOOLS_FILE declaring it
#   BENCH_KEEP=1        keep the temporary directory (service, fake and generator logs, transcripts)
#   BENCH_OPENAI=emulator   the older driver (LoadBenchmark) against the service's embedded emulator instead;
#     BENCH_SPLIT_EMULATOR=1  with it, the emulator in a second instance of the service
# Builds (./mvnw package -DskipTests) only when the jar is missing and no BENCH_BINARY is given.
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-50}
seconds=${2:-60}
jar=target/quarkus-app/quarkus-run.jar
target=${BENCH_TARGET:-service}
case "$target" in
  service) ;;
  sample) [ -f "${BENCH_SAMPLE_DIR:-}/index.js" ] && [ -d "$BENCH_SAMPLE_DIR/node_modules" ] \
            || { echo "BENCH_TARGET=sample needs BENCH_SAMPLE_DIR with index.js and node_modules" >&2; exit 1; } ;;
  *) echo "BENCH_TARGET must be service or sample, was $target" >&2; exit 1 ;;
esac
if [ "$target" = service ] && [ -z "${BENCH_BINARY:-}" ] && [ ! -f "$jar" ]; then
  ./mvnw -B -q package -DskipTests
fi

work=$(mktemp -d)
service_pid=
emulator_pid=
fake_pid=
generator_pid=
cleanup() {
  for pid in $generator_pid $service_pid $emulator_pid $fake_pid; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  if [ -n "${BENCH_KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM # so that cleanup runs: the background processes ignore the terminal's interrupt
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
management_port=$(free_port)
token=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
public=https://voice.example.test

# Prod profile, no call limit, transcripts in the temp dir; health and metrics on loopback too.
export QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1 PUBLIC_BASE_URL=$public \
  TWILIO_AUTH_TOKEN=$token STREAM_TOKEN_SECRET=$token GENERATE_VOICE_API_KEY=$token ADMIN_API_KEY=$token LOG_DIR="$work/transcripts" MAX_CONCURRENT_CALLS=0
unset OPENAI_API_KEY
start() { # PORT MANAGEMENT_PORT LOG -- the service (jar or BENCH_BINARY), or the sample, in the background
  if [ "$target" = sample ]; then
    # exec: $! is node itself, whose /proc the callers read. The sample dials ${OPENAI_WS_BASE}/v1/realtime.
    (cd "$BENCH_SAMPLE_DIR" && PORT=$1 OPENAI_API_KEY=sk-bench-not-a-key \
      OPENAI_WS_BASE="${OPENAI_REALTIME_URL%/v1/realtime}" exec node index.js) >"$3" 2>&1 &
  elif [ -n "${BENCH_BINARY:-}" ]; then
    PORT=$1 MANAGEMENT_PORT=$2 "$BENCH_BINARY" >"$3" 2>&1 &
  else
    # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
    PORT=$1 MANAGEMENT_PORT=$2 java ${BENCH_JAVA_OPTS:-} -jar "$jar" >"$3" 2>&1 &
  fi
}
await_url() { # URL LOG [PID]
  for _ in $(seq 60); do
    curl -fs -o /dev/null "$1" && return 0
    if [ -n "${3:-}" ] && ! kill -0 "$3" 2>/dev/null; then echo "the process behind $1 exited at start:" >&2; tail -50 "$2" >&2; exit 1; fi
    sleep 1
  done
  echo "$1 did not come up" >&2; tail -50 "$2" >&2; exit 1
}
await_ready() { # MANAGEMENT_PORT LOG PID: the service's readiness, or the sample's root route
  if [ "$target" = sample ]; then await_url "http://127.0.0.1:$port/" "$2" "$3"
  else await_url "http://127.0.0.1:$1/q/health/ready" "$2" "$3"; fi
}

if [ "${BENCH_OPENAI:-fake}" = emulator ]; then
  [ "$target" = service ] || { echo "BENCH_OPENAI=emulator runs the service only" >&2; exit 1; }
  if [ -n "${BENCH_SPLIT_EMULATOR:-}" ]; then
    emulator_port=$(free_port)
    emulator_management_port=$(free_port)
    # no JFR for this one
    BENCH_JAVA_OPTS= EMULATOR_ENABLED=true start "$emulator_port" "$emulator_management_port" "$work/emulator.log"
    emulator_pid=$!
    await_ready "$emulator_management_port" "$work/emulator.log" "$emulator_pid"
    export EMULATOR_ENABLED=false OPENAI_API_KEY=sk-bench-not-a-key \
      OPENAI_REALTIME_URL="ws://127.0.0.1:$emulator_port/emulator/v1/realtime"
  else
    export EMULATOR_ENABLED=true
  fi
  start "$port" "$management_port" "$work/service.log"
  service_pid=$!
  await_ready "$management_port" "$work/service.log" "$service_pid"
  echo "== $calls calls for $seconds s against pid $service_pid (${BENCH_BINARY:-$jar}${emulator_pid:+; emulator in pid $emulator_pid}), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
  ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.aivoicebot.bench.LoadBenchmark \
    -Dexec.args="http://127.0.0.1:$port $service_pid $calls $seconds $public $token http://127.0.0.1:$management_port"
  grep -E ' (ERROR|WARN) ' "$work/service.log" | cut -c1-200 | sort | uniq -c | sort -rn | head -5 || true
  exit 0
fi

# The fake and the generator run as plain JVMs on the test classpath (not inside Maven), so each is one
# process whose CPU is read from /proc, and neither pays for Maven's heap.
if [ -z "${BENCH_PREPARED:-}" ]; then
  ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
classpath="target/test-classes:target/classes:$(cat target/bench.classpath)"
lean_jvm=(java -XX:+UseSerialGC -Xms256m -Xmx1g -cp "$classpath")
fake_port=$(free_port)
think=${BENCH_THINK_MS:-0}
tool_ms=${BENCH_TOOL_MS:-0}
"${lean_jvm[@]}" dev.aivoicebot.bench.fake.TaggedRealtimeServer port="$fake_port" think-ms="$think" \
  answer-ms="${BENCH_ANSWER_MS:-2000}" delta-ms="${BENCH_DELTA_MS:-100}" tool-ms="$tool_ms" \
  silence-ms="${BENCH_SILENCE_MS:-500}" >"$work/fake.log" 2>&1 &
fake_pid=$!
await_url "http://127.0.0.1:$fake_port/stats" "$work/fake.log" "$fake_pid"

if [ "$tool_ms" -gt 0 ]; then
  # The prod profile refuses HTTP tools without a signing secret; the fake does not check the signature.
  cat >"$work/tools.json" <<EOF
{"tools": [{"name": "bench_wait", "description": "Wait for the benchmark's slow back end.",
  "url": "http://127.0.0.1:$fake_port/tool", "timeout": "$((tool_ms + 5000))ms"}]}
EOF
  export TOOLS_FILE="$work/tools.json" TOOLS_SIGNING_SECRET="$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
fi

export EMULATOR_ENABLED=false OPENAI_API_KEY=sk-bench-not-a-key \
  OPENAI_REALTIME_URL="ws://127.0.0.1:$fake_port/v1/realtime"
start "$port" "$management_port" "$work/service.log"
service_pid=$!
await_ready "$management_port" "$work/service.log" "$service_pid"
if [ "$target" = sample ]; then what="Node sample in $BENCH_SAMPLE_DIR"; management=; else what=${BENCH_BINARY:-$jar}; management="http://127.0.0.1:$management_port"; fi

echo "== $calls calls for $seconds s against pid $service_pid ($what); fake OpenAI in pid $fake_pid;" \
  "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
# In the background and waited for, so that a TERM sent to this script runs cleanup at once (bash runs a trap
# only after a foreground command has finished).
"${lean_jvm[@]}" dev.aivoicebot.bench.TaggedLoadBenchmark local="http://127.0.0.1:$port" target="$target" \
  management="$management" pid="$service_pid" \
  calls="$calls" seconds="$seconds" warmup="${BENCH_WARMUP:-20}" public="$public" token="$token" \
  fake="http://127.0.0.1:$fake_port" fake-pid="$fake_pid" think-ms="$think" tool-ms="$tool_ms" \
  ${BENCH_RAMP_MS:+ramp-ms=$BENCH_RAMP_MS} \
  2> >(grep -v '^SLF4J' >&2) &
generator_pid=$!
wait "$generator_pid"
generator_pid=
grep -E ' (ERROR|WARN) ' "$work/service.log" | cut -c1-200 | sort | uniq -c | sort -rn | head -5 || true
