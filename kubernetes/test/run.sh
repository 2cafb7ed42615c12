#!/usr/bin/env bash
# Validates the Kubernetes manifests (validate.mjs says how). Installs what it needs: kubectl (Debian's
# kubernetes-client, when no kubectl is on the PATH) and the pinned npm packages (npm ci, into node_modules/).
set -euo pipefail
cd "$(dirname "$0")"
began=$(date +%s)
if ! command -v kubectl >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends kubernetes-client >/dev/null
fi
echo "kubectl: $(kubectl version --client 2>/dev/null | head -1)"
npm ci --no-audit --no-fund --loglevel=error
status=0
node validate.mjs || status=$?
echo "kubernetes validation took $(( $(date +%s) - began )) s"
exit $status
