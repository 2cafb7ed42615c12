#!/usr/bin/env bash
# The dashboard and the alert rules, checked with a real Prometheus against the real service:
#  1. promtool check rules on alert-rules.yaml;
#  2. the service (target/quarkus-app, built by ./mvnw verify or package) starts on loopback with its
#     built-in OpenAI emulator and a fake speech endpoint, health and metrics on their own MANAGEMENT_PORT;
#  3. Prometheus scrapes that port every second (loopback only) and loads the rules while simulated calls
#     (a turn, a barge-in, two turns) and /generate-voice requests run;
#  4. promtool check metrics on a scrape (parse errors fail; lint findings fail only for our own families);
#  5. evaluate.py runs every dashboard and rule expression through Prometheus' HTTP API.
# Run from anywhere: kubernetes/monitoring/test/run.sh. Installs Debian's prometheus if missing (as root).
set -euo pipefail
cd "$(dirname "$0")/../../.."
began=$(date +%s)
here=kubernetes/monitoring/test
calls=${CALLS:-5}

if ! command -v prometheus >/dev/null || ! command -v promtool >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "No $jar: build it first (./mvnw -B verify, or ./mvnw -B package -DskipTests)"; exit 2; }

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { # URL SECONDS WHAT
  for _ in $(seq "$2"); do curl -fs -o /dev/null "$1" && return 0; sleep 1; done
  echo "FAIL: $3 did not come up ($1)"; return 1
}

echo "== promtool check rules"
promtool check rules kubernetes/monitoring/alert-rules.yaml

app_port=$(free_port); management_port=$(free_port); prom_port=$(free_port); speech_port=$(free_port)
token=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
python3 "$here/fake_speech.py" "$speech_port" & pids+=($!)
echo "== service on 127.0.0.1:$app_port, management on $management_port (emulator, calling a tool at each call's first turn; fake speech on $speech_port)"
PORT=$app_port MANAGEMENT_PORT=$management_port QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
  PUBLIC_BASE_URL=https://voice.example.test TWILIO_AUTH_TOKEN=$token STREAM_TOKEN_SECRET=$token \
  EMULATOR_ENABLED=true OPENAI_API_KEY=sk-not-a-real-key EMULATOR_TOOL_CALLS='turn:1 -> current_time()' \
  OPENAI_BASE_URL=http://127.0.0.1:$speech_port/v1 GENERATE_VOICE_API_KEY=$token ADMIN_API_KEY=$token LOG_DIR="$work/transcripts" \
  java -jar "$jar" >"$work/service.log" 2>&1 & pids+=($!)
wait_for "http://127.0.0.1:$management_port/q/health/ready" 60 "the service" || { tail -50 "$work/service.log"; exit 1; }

cat >"$work/prometheus.yml" <<YAML
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files:
  - $PWD/kubernetes/monitoring/alert-rules.yaml
scrape_configs:
  - job_name: ai-voice-bot
    metrics_path: /q/metrics
    static_configs:
      - targets: ["127.0.0.1:$management_port"]
YAML
promtool check config "$work/prometheus.yml" >/dev/null
echo "== prometheus on 127.0.0.1:$prom_port"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --web.listen-address="127.0.0.1:$prom_port" >"$work/prometheus.log" 2>&1 & pids+=($!)
wait_for "http://127.0.0.1:$prom_port/-/ready" 30 "prometheus" || { tail -20 "$work/prometheus.log"; exit 1; }
sleep 2 # a first scrape before any call, so rates start from the zeros

echo "== $calls simulated calls and /generate-voice requests"
speak() { # EXPECTED_STATUS BODY
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$app_port/generate-voice" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$2")
  [ "$status" = "$1" ] || { echo "FAIL: /generate-voice answered $status, expected $1"; exit 1; }
}
speak 200 '{"text":"Hello! Thanks for calling."}'
speak 400 '{"text":""}'
./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.aivoicebot.sim.PlaceCalls \
  -Dexec.args="http://127.0.0.1:$app_port $calls 12 https://voice.example.test $token"
speak 200 '{"text":"Goodbye.","format":"wav"}'
sleep 3 # the last scrapes see the calls ended

echo "== promtool check metrics"
curl -fs "http://127.0.0.1:$management_port/q/metrics" >"$work/scrape.txt"
lint=$(promtool check metrics <"$work/scrape.txt" 2>&1) || true
if grep -q "error while linting" <<<"$lint"; then
  echo "FAIL: promtool cannot parse the scrape: $lint"; exit 1
fi
# The registry (Prometheus simpleclient 0.16) writes a counter's TYPE and HELP under the family name
# (calls_started) and its sample as calls_started_total, as OpenMetrics does; promtool's 0.0.4 parser then
# reports "no help text" for every counter. So that finding is checked here instead: the family's HELP.
ours=$(grep -E '^(calls|bridge|openai|transcript|speech|service|tool)_' <<<"$lint" | grep -v '_total no help text$' || true)
for counter in $(grep -E '^(calls|bridge|openai|transcript|speech|service|tool)_\S+_total no help text$' <<<"$lint" | cut -d' ' -f1); do
  grep -qE "^# HELP ${counter%_total} \S" "$work/scrape.txt" || ours+=$'\n'"$counter: no HELP for ${counter%_total}"
done
if [ -n "$ours" ]; then
  echo "FAIL: promtool lint findings on our metrics:"; echo "$ours"; exit 1
fi
echo "scrape parses; our families lint clean (counters' HELP checked under the family name); built-in JVM/Netty/process families:"
grep -vE '^(calls|bridge|openai|transcript|speech|service|tool)_' <<<"$lint" | sed 's/^/  /' || true

echo "== dashboard and rule expressions through Prometheus' HTTP API"
status=0
python3 "$here/evaluate.py" "http://127.0.0.1:$prom_port" "$work/scrape.txt" kubernetes/monitoring/grafana-dashboard.json || status=$?
echo "prometheus check took $(( $(date +%s) - began )) s"
exit $status
