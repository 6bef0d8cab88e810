#!/usr/bin/env bash
# `npm run test:python`: the library as Python users get it. Builds the wheel with jsii-pacmak
# (unless dist/python already holds one of the current build), installs it with aws-cdk-lib into
# a fresh virtual environment, and runs the pytest suite of test/python/ on synthesized templates.
set -euo pipefail
cd "$(dirname "$0")/.."

wheel() { ls dist/python/*.whl 2>/dev/null | head -1; }
# The wheel is current when it is newer than the jsii assembly, and the assembly than every source.
if [ ! -f .jsii ] || [ -n "$(find src -newer .jsii -name '*.ts' | head -1)" ]; then npx projen compile; fi
if [ -z "$(wheel)" ] || [ .jsii -nt "$(wheel)" ]; then npx projen package:python; fi

venv="$(mktemp -d)/venv"
trap 'rm -rf "$(dirname "$venv")"' EXIT
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r test/python/requirements.txt "$(wheel)"
"$venv/bin/python" -m pytest -q -p no:cacheprovider test/python
