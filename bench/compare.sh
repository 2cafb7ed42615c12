#!/usr/bin/env bash
# The service and Twilio's Node.js sample side by side: N concurrent calls for S seconds against each, in turn
# (service, sample, service, sample, ...), each run through bench/load.sh with a fresh fake OpenAI, the same
# callers and the same script. Prints one table of both with the ratios service/sample, and appends one JSON
# line per run to bench/results/<UTC date>.jsonl. Method and figures: bench/README.md, "compare.sh".
#   bench/compare.sh [calls=50] [seconds=45]
# Environment:
#   BENCH_ROUNDS=2       rounds; each round runs the service, then the sample
#   BENCH_BINARY=path    the service as this executable (the native build) instead of target/quarkus-app's jar
#   BENCH_SAMPLE_SRC     the sample's sources (default ../shared/peers/twilio-node-sample); copied and installed
#                        once (npm install) under ~/.cache/ai-voice-bot-bench, keyed by its files and Node's version
#   BENCH_SILENCE_MS=900 the fake's turn-ending silence for the sample, which sets none (the service asks 900 ms)
#   BENCH_KEEP=1         keep each run's logs (printed paths); BENCH_WARMUP etc. pass through to bench/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-50}
seconds=${2:-45}
rounds=${BENCH_ROUNDS:-2}
sample_src=${BENCH_SAMPLE_SRC:-../shared/peers/twilio-node-sample}
jar=target/quarkus-app/quarkus-run.jar

fail() { echo "compare.sh: $*" >&2; exit 1; }
for tool in java node npm curl python3; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (the service needs java; the sample node and npm)"
done
[[ "$calls" =~ ^[1-9][0-9]*$ && "$seconds" =~ ^[1-9][0-9]*$ && "$rounds" =~ ^[1-9][0-9]*$ ]] \
  || fail "calls, seconds and BENCH_ROUNDS must be positive integers"
[ -f "$sample_src/index.js" ] && [ -f "$sample_src/package.json" ] || fail "no Node sample at $sample_src (BENCH_SAMPLE_SRC)"
if [ -n "${BENCH_BINARY:-}" ]; then
  [ -x "$BENCH_BINARY" ] || fail "BENCH_BINARY=$BENCH_BINARY is not an executable"
  build=native
else
  [ -f "$jar" ] || ./mvnw -B -q package -DskipTests || fail "building the jar failed"
  build=jar
fi
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath \
  || fail "compiling the load generator failed"
classpath="target/test-classes:target/classes:$(cat target/bench.classpath)"

# The sample, installed once per version of its files and of Node (npm needs the registry only then).
key=$(cat "$sample_src/index.js" "$sample_src/package.json" <(node --version) | sha256sum | cut -c1-12)
sample_dir=${XDG_CACHE_HOME:-$HOME/.cache}/ai-voice-bot-bench/twilio-node-sample-$key
if [ ! -f "$sample_dir/.installed" ]; then
  rm -rf "$sample_dir" && mkdir -p "$sample_dir"
  cp -r "$sample_src/." "$sample_dir" && chmod -R u+w "$sample_dir" # the shared copy is read-only
  echo "installing the Node sample in $sample_dir"
  (cd "$sample_dir" && npm install --no-audit --no-fund) >"$sample_dir/npm-install.log" 2>&1 \
    || { tail -20 "$sample_dir/npm-install.log" >&2; rm -rf "$sample_dir"; fail "npm install of the sample failed (log above)"; }
  touch "$sample_dir/.installed"
fi

work=$(mktemp -d)
run_pid=
cleanup() {
  # bench/load.sh stops what it started (service or sample, fake, callers) on TERM.
  if [ -n "$run_pid" ]; then kill "$run_pid" 2>/dev/null || true; wait "$run_pid" 2>/dev/null || true; fi
  if [ -n "${BENCH_KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p bench/results
results=bench/results/$(date -u +%F).jsonl
compare_id=$(date -u +%Y%m%dT%H%M%SZ)-$build-$calls
cpu_model=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//; s/["\\]//g')
mem_mb=$(awk '/^MemTotal:/ {printf "%d", $2 / 1024}' /proc/meminfo)
java_version=$(java -version 2>&1 | head -1 | sed 's/["\\]//g')
node_version=$(node --version)
echo "== compare $compare_id: $calls calls x $seconds s, $rounds round(s), service = $build, sample = $sample_dir;" \
  "$(nproc) x $cpu_model, $mem_mb MB; $java_version; node $node_version"

for round in $(seq "$rounds"); do
  for target in service sample; do
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    log=$work/$target-r$round.log
    echo "-- round $round, $target (load average before: $load) ..."
    BENCH_TARGET=$target BENCH_SAMPLE_DIR=$sample_dir BENCH_PREPARED=1 BENCH_SILENCE_MS=${BENCH_SILENCE_MS:-900} \
      bench/load.sh "$calls" "$seconds" >"$log" 2>&1 &
    run_pid=$!
    rc=0
    wait "$run_pid" || rc=$?
    run_pid=
    line=$(grep '^BENCH_JSON ' "$log" | tail -1 || true)
    if [ "$rc" -ne 0 ] || [ -z "$line" ]; then
      tail -40 "$log" >&2
      fail "round $round, $target: bench/load.sh failed (exit $rc; its log's end above)"
    fi
    json=${line#BENCH_JSON \{}
    printf '{"run":"compare-%s-%s-r%d","compare_id":"%s","round":%d,"build":"%s","load_avg_before":"%s","nproc":%d,"cpu_model":"%s","mem_total_mb":%d,"java":"%s","node":"%s","silence_ms_default":%d,%s\n' \
      "$build" "$target" "$round" "$compare_id" "$round" "$build" "$load" "$(nproc)" "$cpu_model" "$mem_mb" \
      "$java_version" "$node_version" "${BENCH_SILENCE_MS:-900}" "$json" >>"$results"
    grep -E '^(cpu_s_per_call_minute|fwd_latency_p99_ms|ret_latency_p99_ms|calls_up_at_window_start) ' "$log" \
      | tr -s ' ' | paste -sd ';' | sed 's/^/   /'
  done
done

echo
echo "== $calls calls x $seconds s; service = $build; medians over $rounds round(s); lines in $results (compare_id $compare_id)"
java -cp "$classpath" dev.aivoicebot.bench.CompareTable "$results" "$compare_id"
