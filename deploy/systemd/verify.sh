#!/usr/bin/env bash
# Checks ai-voice-bot.service with systemd's own parser: any warning (unknown key, bad value) fails.
# ExecStart is pointed at /bin/true, since the native executable is not built on the test machine.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v systemd-analyze >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends systemd >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed 's|^ExecStart=.*|ExecStart=/bin/true|' ai-voice-bot.service >"$work/ai-voice-bot.service"
if ! out=$(systemd-analyze verify "$work/ai-voice-bot.service" 2>&1) || [ -n "$out" ]; then
  echo "FAIL  deploy/systemd/ai-voice-bot.service"; echo "$out"; exit 1
fi
echo "PASS  deploy/systemd/ai-voice-bot.service (systemd-analyze verify)"
# A stop must outlast the drain (DRAIN_TIMEOUT, 30 s by default) + the goodbye (11 s) + the end-of-call summary
# (SUMMARY_TIMEOUT, 5 s) + the transcript flush (10 s), and its exit code 143 (128 + SIGTERM) must count as success.
stop=$(sed -n 's/^TimeoutStopSec=\([0-9]*\)$/\1/p' ai-voice-bot.service)
if [ -z "$stop" ] || [ "$stop" -lt $((30 + 11 + 5 + 10)) ] || ! grep -qx 'SuccessExitStatus=143' ai-voice-bot.service \
    || ! grep -qx 'KillSignal=SIGTERM' ai-voice-bot.service; then
  echo "FAIL  stop: TimeoutStopSec=${stop:-unset} must be >= 56, with KillSignal=SIGTERM and SuccessExitStatus=143"; exit 1
fi
echo "PASS  stop: TimeoutStopSec=$stop >= DRAIN_TIMEOUT 30 + goodbye 11 + summary 5 + flush 10; SIGTERM; exit 143 is success"
