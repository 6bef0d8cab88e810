"""A LocalStack Lambda runtime executor that runs Node.js functions as processes on the host.

LocalStack's own executor starts a Docker container per execution environment; this machine has
no Docker daemon. Here an execution environment is one `node runner.js` process: it loads the
handler once, then takes invocations one line at a time on stdin and answers on a pipe of its
own, so the handler's console output stays in the logs. LocalStack hands an environment one
invocation at a time, as Lambda does.

Written against localstack-core 2026.3.0 (emulator/requirements.txt pins it): the interface is
`localstack.services.lambda_.invocation.runtime_executor.RuntimeExecutor`.
"""
from __future__ import annotations

import json
import logging
import os
import select
import shutil
import subprocess
import tempfile
from pathlib import Path

from localstack import config
from localstack.services.lambda_.invocation.lambda_models import FunctionVersion, InvocationResult
from localstack.services.lambda_.invocation.runtime_executor import (
    LambdaRuntimeException,
    RuntimeExecutor,
)

LOG = logging.getLogger(__name__)
RUNNER = Path(__file__).with_name("runner.js")
# How long the handler module may take to load (Lambda's init phase allows 10 s).
INIT_TIMEOUT_SECONDS = 10


class HostRuntimeExecutor(RuntimeExecutor):
    def __init__(self, id: str, function_version: FunctionVersion) -> None:
        super().__init__(id, function_version)
        self.process: subprocess.Popen | None = None
        self.results = None
        self.buffer = b""
        self.log_file = Path(tempfile.mkdtemp(prefix="lambda-", dir=config.dirs.tmp)) / "output.log"

    @classmethod
    def prepare_version(cls, function_version: FunctionVersion) -> None:
        runtime = function_version.config.runtime or ""
        if not runtime.startswith("nodejs"):
            raise LambdaRuntimeException(
                f"{function_version.id.function_name}: runtime {runtime or 'image'} cannot run on the host; "
                "the host executor runs Node.js functions only"
            )
        if shutil.which("node") is None:
            raise LambdaRuntimeException("The host executor needs `node` on PATH")
        if function_version.config.code:
            function_version.config.code.prepare_for_execution()

    @classmethod
    def cleanup_version(cls, function_version: FunctionVersion) -> None:
        pass

    def start(self, env_vars: dict[str, str]) -> None:
        code_dir = str(self.function_version.config.code.get_unzipped_code_location())
        read_fd, write_fd = os.pipe()
        env = {
            # Only what a process needs from the host: the function sees its own variables, not the emulator's.
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(config.dirs.tmp),
            **{key: str(value) for key, value in env_vars.items()},
            "LAMBDA_TASK_ROOT": code_dir,
            "GATEWAY_EMULATOR_RESULT_FD": str(write_fd),
            # The AWS SDK that Lambda's Node.js runtimes include (installed with the project).
            "NODE_PATH": os.environ.get("GATEWAY_EMULATOR_NODE_PATH", ""),
            # Responses to CloudFormation go to the emulator's HTTPS port, whose certificate is self-signed.
            "NODE_TLS_REJECT_UNAUTHORIZED": "0",
        }
        with open(self.log_file, "ab") as log:
            self.process = subprocess.Popen(
                ["node", str(RUNNER)],
                cwd=code_dir,
                env=env,
                stdin=subprocess.PIPE,
                stdout=log,
                stderr=log,
                pass_fds=(write_fd,),
            )
        os.close(write_fd)
        self.results = read_fd
        ready = self._read_result(INIT_TIMEOUT_SECONDS)
        if not ready or not ready.get("ready"):
            error = (ready or {}).get("error") or {"errorMessage": "the handler did not load", "logs": self.get_logs()}
            self.stop()
            raise LambdaRuntimeException(f"Init failed: {json.dumps(error)}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=5)
        if self.results is not None:
            os.close(self.results)
            self.results = None

    def get_address(self) -> str:
        return "127.0.0.1"

    def get_endpoint_from_executor(self) -> str:
        return "127.0.0.1"

    def get_runtime_endpoint(self) -> str:
        return f"http://127.0.0.1:{config.GATEWAY_LISTEN[0].port}/_localstack_lambda/{self.id}"

    def invoke(self, payload: dict[str, str]) -> InvocationResult:
        request_id = payload["invoke-id"]
        line = json.dumps({
            "id": request_id,
            "arn": payload["invoked-function-arn"],
            "payload": payload["payload"],
            "traceId": payload.get("trace-id"),
        })
        self.process.stdin.write(line.encode() + b"\n")
        self.process.stdin.flush()
        timeout = int(self.function_version.config.timeout or 3)
        result = self._read_result(timeout)
        if result is None:
            self.stop()
            error = {"errorType": "Sandbox.Timedout", "errorMessage": f"Task timed out after {timeout}.00 seconds"}
            return InvocationResult(request_id, json.dumps(error).encode(), is_error=True, logs=self.get_logs())
        body = json.dumps(result["payload"]).encode()
        return InvocationResult(request_id, body, is_error=not result["ok"], logs=self.get_logs())

    def get_logs(self) -> str:
        try:
            return self.log_file.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def _read_result(self, timeout: float) -> dict | None:
        """The next result line, or None when none came in time or the process ended."""
        while b"\n" not in self.buffer:
            readable, _, _ = select.select([self.results], [], [], timeout)
            if not readable:
                return None
            chunk = os.read(self.results, 65536)
            if not chunk:
                return None
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line)
