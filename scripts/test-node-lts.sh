#!/usr/bin/env bash
# README's test command (`npm test`) on the newest Node.js LTS line, beside the machine's own
# Node.js: the npm registry's `node` package (pinned here) brings that Node.js, and `npm exec`
# puts it first on PATH for the run, so jest, ts-jest and eslint all run on it.
set -euo pipefail
cd "$(dirname "$0")/.."
NODE_LTS=24.21.0
npm exec --yes --package="node@${NODE_LTS}" -- bash -c '
  echo "npm test on Node.js $(node --version)"
  npm test
'
