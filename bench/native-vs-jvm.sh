#!/usr/bin/env bash
# Measures the packaged JVM jar and the native binary one after the other on this machine; builds nothing.
#   startup: from launch to the first HTTP 200 of /q/health/ready (management port; polled every few ms),
#   median of 3 starts
#   RSS idle: 5 s after that; RSS under load: the highest sample (every 250 ms) while dev.aivoicebot.sim.PlaceCalls
#   places CALLS emulated calls, 150 ms apart, each lasting HOLD_SECONDS (turns answered, barge-ins)
#   size: the native binary, and the jar's whole quarkus-app directory (plus the JVM it needs, not counted)
# Prerequisites: ./mvnw -B verify (jar and test classes) and ./mvnw -B package -Dnative (binary).
# Usage: bench/native-vs-jvm.sh [CALLS] [HOLD_SECONDS]      (defaults: 50 calls of 20 s)
set -euo pipefail
cd "$(dirname "$0")/.."
CALLS=${1:-50}
HOLD=${2:-20}
JAR=target/quarkus-app/quarkus-run.jar
BIN=$(ls target/*-runner 2>/dev/null | head -n1 || true)
[ -f "$JAR" ] || { echo "missing $JAR: run ./mvnw -B verify first" >&2; exit 1; }
[ -n "$BIN" ] && [ -x "$BIN" ] || { echo "missing target/*-runner: run ./mvnw -B package -Dnative first" >&2; exit 1; }
[ -d target/test-classes/dev/aivoicebot/sim ] || { echo "missing test classes: run ./mvnw -B verify first" >&2; exit 1; }

# The call driver runs from the test classpath (Maven only resolves it here; nothing is compiled).
CP_FILE=target/bench-classpath.txt
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
DRIVER_CP="target/test-classes:target/classes:$(cat "$CP_FILE")"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
MANAGEMENT_PORT=$(free_port)
PUBLIC=https://voice.example.test
TOKEN=bench-twilio-token
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
now_ms() { date +%s%3N; }

# start_app NAME COMMAND... : launches the service, waits for its first HTTP 200, sets APP_PID and STARTUP_MS
start_app() {
  local name=$1; shift
  mkdir -p "$WORK/$name"
  # A clean working directory (no .env), the emulator on purpose (prod is not ready without it or a key), a signed
  # webhook, and the prod guard of /generate-voice met.
  local start; start=$(now_ms)
  (cd "$WORK/$name" && exec env -i PATH="$PATH" HOME="$HOME" PORT="$PORT" MANAGEMENT_PORT="$MANAGEMENT_PORT" \
      PUBLIC_BASE_URL="$PUBLIC" EMULATOR_ENABLED=true TWILIO_AUTH_TOKEN="$TOKEN" GENERATE_VOICE_API_KEY=bench \
      LOG_DIR="$WORK/$name/logs" \
      "$@" >"$WORK/$name/app.log" 2>&1) &
  APP_PID=$!
  local ready="http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready"
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$ready" || true)" = 200 ]; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "$name died at start:" >&2; cat "$WORK/$name/app.log" >&2; exit 1; }
    sleep 0.002
  done
  STARTUP_MS=$(( $(now_ms) - start ))
}

stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; }

# measure NAME COMMAND... : prints "NAME|median startup ms of 3|idle MiB|load MiB|calls ok"
measure() {
  local name=$1; shift
  local starts=()
  for _ in 1 2; do start_app "$name" "$@"; starts+=("$STARTUP_MS"); stop_app; done
  start_app "$name" "$@"; starts+=("$STARTUP_MS")
  local startup; startup=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 2p)
  echo "$name startups (ms): ${starts[*]}" >&2
  sleep 5
  local idle; idle=$(rss_kb "$APP_PID")
  java -cp "$DRIVER_CP" dev.aivoicebot.sim.PlaceCalls "http://127.0.0.1:$PORT" "$CALLS" "$HOLD" "$PUBLIC" "$TOKEN" \
      >"$WORK/$name/driver.log" 2>&1 &
  local driver=$! peak=0 rss
  while kill -0 "$driver" 2>/dev/null; do
    rss=$(rss_kb "$APP_PID"); [ "$rss" -gt "$peak" ] && peak=$rss
    sleep 0.25
  done
  local ok="FAILED"; wait "$driver" && ok="$CALLS/$CALLS"
  tail -n1 "$WORK/$name/driver.log" >&2
  stop_app
  echo "$name|$startup|$((idle / 1024))|$((peak / 1024))|$ok"
}

JVM_ROW=$(measure jvm java -jar "$PWD/$JAR")
NATIVE_ROW=$(measure native "$PWD/$BIN")
JAR_MB=$(du -sm target/quarkus-app | cut -f1)
BIN_MB=$(du -m "$BIN" | cut -f1)

echo
echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, $(uname -sr), $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JVM: $(java -version 2>&1 | head -n1)"
echo
echo "| | JVM jar | native binary |"
echo "|---|---|---|"
IFS='|' read -r _ j_start j_idle j_load j_ok <<<"$JVM_ROW"
IFS='|' read -r _ n_start n_idle n_load n_ok <<<"$NATIVE_ROW"
echo "| size | ${JAR_MB} MB (target/quarkus-app, plus a JVM) | ${BIN_MB} MB |"
echo "| startup to first HTTP 200 (median of 3) | ${j_start} ms | ${n_start} ms |"
echo "| RSS idle | ${j_idle} MiB | ${n_idle} MiB |"
echo "| RSS, $CALLS emulated calls up (peak) | ${j_load} MiB | ${n_load} MiB |"
echo "| calls completed without a protocol problem | ${j_ok} | ${n_ok} |"
