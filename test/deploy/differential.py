"""The differential test: the calls of expected.py sent to the local gateway (`gateway-api serve`
on each API's template) and to the emulator the suite deployed, answers compared.

The local gateway runs each API from the synthesized template: Lambda functions from their
inline code in this process, HTTP integrations sent to the suite's loopback backend, AWS service
integrations to the emulator (the deployed resources named by their physical ids), API keys with
the values the emulator holds. Each pair of answers must agree on the status, the content type,
the headers the row names, and the body (JSON compared whole, once values that differ on every
call are masked; other bodies byte for byte). A disagreement fails the run unless DIFFERENCES
names it with the reason (README's "Testing the API's behaviour in-process" lists them).
"""
from __future__ import annotations

import json
import re
import subprocess
import tempfile
from pathlib import Path

import requests
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

import deploy  # emulator/deploy.py

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / "lib" / "cli" / "gateway-api.js"
# The local gateway checks signatures: every request is signed with this key, which the emulator ignores.
CREDENTIALS = Credentials("AKIDDIFFERENTIAL", "differential-secret")
PRINCIPAL = f"arn:aws:iam::{deploy.ACCOUNT}:role/differential"

# Stacks the local gateway does not run, and why: their rows are not compared.
NOT_LOCAL: dict[str, str] = {}

# Rows whose answers differ, and why; each is checked to differ still, so the list stays true.
CUSTOM_GATEWAY_RESPONSES = (
    "the API customizes its gateway responses (the library's body adds the response type and request id), which "
    "the local gateway renders as AWS does; LocalStack answers its default body whatever the template (the TODO "
    "of its gateway_exception handler: responseTemplates are not applied)")
EARLIER_DEPLOYMENT = (
    "prod's base serves deployment 1 of the release file, an earlier definition than the template's, which the local gateway "
    "refuses to answer for (a 500 that says so); LocalStack, creating every deployment of the stack at once, snapshots the "
    "template's definition in all of them")
DIFFERENCES: dict[str, str] = {
    "stage variables: prod": EARLIER_DEPLOYMENT,
    **{name: CUSTOM_GATEWAY_RESPONSES for name in (
        "validation: missing field", "validation: value outside the enum", "validation: unknown property",
        "HTTP non-proxy: required header missing", "API key: none given", "API key: a wrong one",
        "OpenAPI import: the document's nested model validates")},
}

# Values that differ on every call: ids, times, request ids.
VOLATILE = [
    (re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "<uuid>"),
    (re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?"), "<time>"),
    (re.compile(r"\b1[6-9]\d{8}(\.\d+|\d{3})?\b"), "<epoch>"),
]


def masked(value):
    if isinstance(value, dict):
        return {k: masked(v) for k, v in value.items()}
    if isinstance(value, list):
        return [masked(v) for v in value]
    if isinstance(value, str):
        for pattern, mask in VOLATILE:
            value = pattern.sub(mask, value)
        return value
    if isinstance(value, float) and value > 1.6e9:
        return "<epoch>"
    return value


def signed_headers(method: str, url: str, headers: dict, body) -> dict:
    request = AWSRequest(method=method, url=url, data=body, headers=headers)
    SigV4Auth(CREDENTIALS, "execute-api", deploy.REGION).add_auth(request)
    return dict(request.headers)


def body_of(response: requests.Response):
    """The body as compared: JSON masked, else the bytes."""
    if "json" in (response.headers.get("Content-Type") or ""):
        try:
            return masked(response.json())
        except ValueError:
            pass
    return masked(response.text) if response.encoding or not response.content else response.content


class LocalApi:
    """`gateway-api serve` on one API's stage of a stack's template, with the emulator behind it."""

    def __init__(self, assembly: Path, stack: str, api_logical_id: str, stage: str, physical_ids: dict,
                 api_keys: dict, origins: dict):
        self._ids = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False)
        json.dump(physical_ids, self._ids)
        self._ids.close()
        args = ["node", str(CLI), "serve", str(assembly / f"{stack}.template.json"), "--api", api_logical_id,
                "--stage", stage, "--port", "0", "--aws-endpoint", deploy.ENDPOINT, "--physical-ids", self._ids.name,
                "--iam-credentials", f"{CREDENTIALS.access_key}:{CREDENTIALS.secret_key}:{PRINCIPAL}",
                # LocalStack drops CanarySetting: every request goes to a stage's base there.
                "--canary", "base"]
        for name, value in api_keys.items():
            args += ["--api-key", f"{name}={value}"]
        for origin, target in origins.items():
            args += ["--origin", f"{origin}={target}"]
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.url = self.process.stdout.readline().strip()
        if not self.url.startswith("http://"):
            self.close()
            raise RuntimeError(f"gateway-api serve did not start for {stack}/{api_logical_id}")

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        Path(self._ids.name).unlink(missing_ok=True)


def compare(row, local: requests.Response, emulated: requests.Response) -> list[str]:
    problems = []
    if local.status_code != emulated.status_code:
        problems.append(f"status {local.status_code} here, {emulated.status_code} on the emulator")
    for name in ["Content-Type", *row.response_headers]:
        ours, theirs = local.headers.get(name), emulated.headers.get(name)
        if (ours or "").replace(" ", "").lower() != (theirs or "").replace(" ", "").lower():
            problems.append(f"header {name}: {ours!r} here, {theirs!r} on the emulator")
    ours, theirs = body_of(local), body_of(emulated)
    if ours != theirs:
        problems.append(f"body {str(ours)[:200]!r} here, {str(theirs)[:200]!r} on the emulator")
    return problems


def run(world, assembly: Path, calls, execute_api: str, backend: str, origins, resolve_key) -> tuple[list, dict]:
    """Sends each call to both; returns (name, ok, problem) per compared row and the rows left out, with why."""
    outcomes, left_out, servers = [], {}, {}
    try:
        for row in calls:
            if row.stack in NOT_LOCAL:
                left_out[row.name] = NOT_LOCAL[row.stack]
                continue
            key = (row.stack, row.api, row.stage)
            if key not in servers:
                servers[key] = local_api(world, assembly, row, {origin: backend for origin in origins})
            server = servers[key]
            api_id = world.resource(row.stack, row.api, "AWS::ApiGateway::RestApi")
            headers = {k: resolve_key(world, row, v) for k, v in row.headers.items()}
            answers = []
            for url in (f"{server.url}{row.path}", f"{execute_api}/{api_id}/{row.stage}{row.path}"):
                answers.append(requests.request(row.method, url, headers=signed_headers(row.method, url, headers, row.body),
                                                data=row.body, timeout=30))
            problems = compare(row, *answers)
            if row.name in DIFFERENCES:
                ok = bool(problems)
                problem = f"documented difference ({DIFFERENCES[row.name]})" if ok else "documented as differing, but agrees: update DIFFERENCES"
                outcomes.append((f"differential: {row.name}", ok, problem))
            else:
                outcomes.append((f"differential: {row.name}", not problems, "; ".join(problems)))
    finally:
        for server in servers.values():
            server.close()
    return outcomes, left_out


def local_api(world, assembly: Path, row, origins: dict) -> LocalApi:
    resources = world.deployed[row.stack]["resources"]
    pattern = re.compile(rf"^{re.escape(row.api)}[0-9A-F]{{8}}$")
    api_logical_id = next(logical_id for logical_id, r in resources.items()
                          if r["type"] == "AWS::ApiGateway::RestApi" and pattern.match(logical_id))
    physical_ids = {logical_id: r["id"] for logical_id, r in resources.items()
                    if r["id"] and r["type"] in DEPLOYED_TYPES}
    api_keys = {logical_id: world.apigateway.get_api_key(apiKey=r["id"], includeValue=True)["value"]
                for logical_id, r in resources.items() if r["type"] == "AWS::ApiGateway::ApiKey"}
    return LocalApi(assembly, row.stack, api_logical_id, row.stage, physical_ids, api_keys, origins)


# The resources AWS integrations name, whose physical ids the local gateway takes.
DEPLOYED_TYPES = {"AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::DynamoDB::Table", "AWS::S3::Bucket",
                  "AWS::StepFunctions::StateMachine", "AWS::Kinesis::Stream", "AWS::Events::EventBus", "AWS::IAM::Role"}
