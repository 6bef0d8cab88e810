#!/usr/bin/env bash
# `npm run test:deploy`: the example app deployed on an emulator and every route of
# test/deploy/expected.py called. Installs the emulator (pinned, into .emulator/), synthesizes the
# example app and a release walked through its steps, starts the emulator on loopback, deploys
# and calls, and stops the emulator by its process id however the run ends.
set -euo pipefail
cd "$(dirname "$0")/.."
export CDK_DISABLE_VERSION_CHECK=true CDK_DISABLE_CLI_TELEMETRY=true
started=$SECONDS

bash emulator/emulator.sh install
echo "test:deploy: emulator installed ($((SECONDS - started)) s)"
npx projen example > .emulator/example-synth.log 2>&1 || { cat .emulator/example-synth.log >&2; exit 1; }
npx ts-node --prefer-ts-exts -P tsconfig.dev.json test/deploy/release-walk.ts .emulator/release-walk > .emulator/walk-synth.log 2>&1 \
  || { cat .emulator/walk-synth.log >&2; exit 1; }
echo "test:deploy: example app and release walk synthesized ($((SECONDS - started)) s)"

trap 'bash emulator/emulator.sh stop' EXIT
bash emulator/emulator.sh start
status=0
.emulator/venv/bin/python test/deploy/suite.py cdk.out .emulator/release-walk || status=$?
echo "test:deploy: took $((SECONDS - started)) s (emulator log: .emulator/emulator.log)"
exit $status
