#!/usr/bin/env bash
# Installs the Python policy engines the parity suite runs (checkov, cfn-lint) into .venv/,
# at the versions pinned in scripts/python-engines.txt. Does nothing when they are installed.
set -euo pipefail
cd "$(dirname "$0")/.."
requirements=scripts/python-engines.txt
stamp=.venv/python-engines.stamp
if [ -f "$stamp" ] && cmp -s "$requirements" "$stamp"; then exit 0; fi
python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r "$requirements"
cp "$requirements" "$stamp"
