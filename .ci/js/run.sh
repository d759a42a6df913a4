#!/usr/bin/env bash
# Starts ./certreg serve on a free port and drives it with the AWS SDK for JavaScript v3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
cp "$root/.ci/js/package.json" "$root/.ci/js/check.mjs" "$work/"
(cd "$work" && npm install --no-audit --no-fund --no-package-lock --loglevel=error >/dev/null)
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$root/certreg" serve --port "$port" --data-dir "$work/data" > "$work/serve.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 240); do
    if grep -q 'endpoint:' "$work/serve.log"; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then cat "$work/serve.log"; exit 1; fi
    sleep 0.5
done
(cd "$work" && NODE_NO_WARNINGS=1 node check.mjs "http://127.0.0.1:$port")
