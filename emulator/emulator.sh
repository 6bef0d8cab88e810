#!/usr/bin/env bash
# The API Gateway emulator of the deploy-and-call suite: LocalStack's community runtime on the host,
# without Docker, with every file it writes inside .emulator/ (git-ignored).
#
#   emulator/emulator.sh install   the pinned venv (Python 3.12+), the plugins, the Lambda runtime's SDK
#   emulator/emulator.sh start     starts it on 127.0.0.1:4566 and waits until it is ready
#   emulator/emulator.sh stop      stops it by its process id
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HERE="$ROOT/emulator"
STATE="$ROOT/.emulator"
VENV="$STATE/venv"
PORT="${EMULATOR_PORT:-4566}"
# The services the example app's stacks use that LocalStack's community edition runs on the host.
SERVICES=cloudformation,apigateway,lambda,s3,sqs,sns,stepfunctions,iam,sts,ssm,logs,kms,secretsmanager,cloudwatch,events,route53,acm

fail() { echo "emulator: $*" >&2; exit 1; }

python_for_localstack() {
  # LocalStack 2026.3 finds none of its components on Python 3.11 ("No component plugins found").
  # pyenv's shims answer only for the selected version, so its interpreters are named directly too.
  local pyenv_root; pyenv_root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
  for candidate in python3.13 python3.12 "$pyenv_root"/versions/3.13*/bin/python3 "$pyenv_root"/versions/3.12*/bin/python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; assert sys.version_info >= (3, 12)' 2>/dev/null; then
      echo "$candidate"; return
    fi
  done
  fail "needs Python 3.12 or newer (python3.13 or python3.12 on PATH); found none"
}

install() {
  command -v node >/dev/null || fail "needs node on PATH (the host Lambda executor runs Node.js functions)"
  local stamp="$STATE/installed.sha" want
  want=$(cat "$HERE/requirements.txt" "$HERE/plugins/pyproject.toml" "$HERE/plugins/gateway_api_emulator/"* \
    "$HERE/runtime/package-lock.json" | sha256sum | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return; fi
  local python; python=$(python_for_localstack)
  rm -rf "$VENV" && mkdir -p "$STATE"
  "$python" -m venv "$VENV"
  # PIP_CACHE_DIR keeps pip's cache inside the project too.
  PIP_CACHE_DIR="$STATE/pip-cache" "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$HERE/requirements.txt"
  # Built from a copy: setuptools writes build/ and *.egg-info beside the sources it builds.
  rm -rf "$STATE/plugins" && cp -r "$HERE/plugins" "$STATE/plugins"
  PIP_CACHE_DIR="$STATE/pip-cache" "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-build-isolation --no-deps "$STATE/plugins"
  (cd "$HERE/runtime" && npm ci --no-audit --no-fund --silent --cache "$STATE/npm-cache")
  echo "$want" > "$stamp"
}

start() {
  [ -x "$VENV/bin/python" ] || fail "not installed: run emulator/emulator.sh install"
  if [ -f "$STATE/pid" ] && kill -0 "$(cat "$STATE/pid")" 2>/dev/null; then fail "already running (pid $(cat "$STATE/pid"))"; fi
  mkdir -p "$STATE/root" "$STATE/tmp" "$STATE/home"
  (
    cd "$STATE"
    # It takes the host for a container unless told otherwise, and would then write under /etc and /var/lib.
    export OVERRIDE_IN_DOCKER=0 FILESYSTEM_ROOT="$STATE/root" TMPDIR="$STATE/tmp" HOME="$STATE/home" \
      GATEWAY_LISTEN="127.0.0.1:$PORT" DNS_ADDRESS=0 DISABLE_EVENTS=1 SKIP_SSL_CERT_DOWNLOAD=1 LOCALSTACK_CLI=0 \
      SERVICES="$SERVICES" LAMBDA_RUNTIME_EXECUTOR=host GATEWAY_EMULATOR_NODE_PATH="$HERE/runtime/node_modules"
    exec "$VENV/bin/python" -m localstack.runtime.main > "$STATE/emulator.log" 2>&1
  ) &
  echo $! > "$STATE/pid"
  for _ in $(seq 1 120); do
    if grep -q '^Ready\.' "$STATE/emulator.log" 2>/dev/null; then return; fi
    kill -0 "$(cat "$STATE/pid")" 2>/dev/null || { tail -20 "$STATE/emulator.log" >&2; fail "exited while starting (log above)"; }
    sleep 0.5
  done
  stop; fail "not ready after 60 s (see .emulator/emulator.log)"
}

stop() {
  [ -f "$STATE/pid" ] || return 0
  local pid; pid=$(cat "$STATE/pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  # Functions the executor started are the emulator's children's children: end any left behind.
  pkill -f "$VENV/lib/.*/gateway_api_emulator/runner.js" 2>/dev/null || true
  rm -f "$STATE/pid"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 install|start|stop" >&2; exit 2 ;;
esac
