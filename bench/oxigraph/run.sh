#!/usr/bin/env bash
# The canned queries, unchanged, against Oxigraph (npm package "oxigraph", WASM, in memory, in Node):
#   bench/oxigraph/run.sh EXPORT.nq QUERIES_DIR OUT.csv [WARMUP] [RUNS]
# Installs oxigraph@0.5.11 into bench/work/oxigraph on first use. Latency is in-process (no HTTP),
# so compare it with the in-process (JMH) column for Jena.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
DIR="$HERE/../work/oxigraph"
mkdir -p "$DIR"
if [ ! -d "$DIR/node_modules/oxigraph" ]; then
  (cd "$DIR" && npm init -y > /dev/null && npm install --no-audit --no-fund oxigraph@0.5.11 > /dev/null)
fi
NODE_PATH="$DIR/node_modules" node --max-old-space-size=8192 "$HERE/bench.js" "$@"
