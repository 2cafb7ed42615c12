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
