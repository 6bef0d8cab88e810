"""The deploy-and-call suite: deploys the example app (and a release walked through its steps)
to the running emulator, calls every route of the table in expected.py, and checks each answer
and side effect.

    python test/deploy/suite.py <example cloud assembly> <release walk dir>

Prints one line per call, what was deployed without which resources and why, and
`deploy: N stacks, M calls, K matched`; exits non-zero on any mismatch.
"""
from __future__ import annotations

import json
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "emulator"))
sys.path.insert(0, str(Path(__file__).parent))

import deploy  # noqa: E402  (emulator/deploy.py)
import differential  # noqa: E402
from expected import CALLS, Call  # noqa: E402

EXECUTE_API = f"{deploy.ENDPOINT}/_aws/execute-api"
# The example's HTTP backends are on the internet, which this machine does not reach: the suite
# deploys them pointing at a loopback server that answers as those backends would.
BACKEND_ORIGINS = ("https://legacy.example.com", "https://payments.example.com")
# What the example's account holds before the app is deployed.
ACME_API_KEY = "acme-0123456789abcdefghijklmnop"


class Backend(BaseHTTPRequestHandler):
    """Stands in for the legacy service (echoes the request) and the payments service (charges)."""
    requests: list[dict] = []

    def _answer(self):
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        url = urlsplit(self.path)
        seen = {"method": self.command, "path": url.path, "query": url.query, "body": body,
                "headers": {k.lower(): v for k, v in self.headers.items()}}
        Backend.requests.append(seen)
        if url.path == "/v2/charges":
            charge = f"ch_{json.loads(body)['amount_cents']}"
            self._send(201, {"charge_id": charge, "state": "succeeded"}, {"Location": f"/v2/charges/{charge}"})
        else:
            self._send(200, {k: seen[k] for k in ("method", "path", "query")})

    def _send(self, status, payload, headers=None):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _answer

    def log_message(self, *args):
        pass

    @classmethod
    def last_request(cls, path):
        return next((r for r in reversed(cls.requests) if r["path"] == path), None)


class World:
    """What the checks look at: the deployed stacks, AWS clients and the loopback backend."""

    def __init__(self, deployed: dict):
        self.deployed = deployed
        self.sqs = deploy.client("sqs")
        self.sns = deploy.client("sns")
        self.sfn = deploy.client("stepfunctions")
        self.apigateway = deploy.client("apigateway")
        self.backend = Backend
        self._topic_queues: dict[str, str] = {}

    def physical_id(self, stack: str, logical_id: str) -> str:
        return self.deployed[stack]["resources"][logical_id]["id"]

    def resource(self, stack: str, construct_id: str, resource_type: str) -> str:
        """The physical id of a stack's resource of that type whose logical id is the construct id and a hash."""
        pattern = re.compile(rf"^{re.escape(construct_id)}[0-9A-F]{{8}}$")
        matches = [r["id"] for logical_id, r in self.deployed[stack]["resources"].items()
                   if r["type"] == resource_type and pattern.match(logical_id)]
        if len(matches) != 1:
            raise LookupError(f"{stack}: {len(matches)} {resource_type} named {construct_id}")
        return matches[0]

    def receive_message(self, queue_url: str) -> str:
        messages = self.sqs.receive_message(QueueUrl=queue_url, WaitTimeSeconds=5, MaxNumberOfMessages=1).get("Messages", [])
        assert messages, "no message arrived"
        self.sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=messages[0]["ReceiptHandle"])
        return messages[0]["Body"]

    def subscribe(self, topic_arn: str) -> None:
        """A queue subscribed to the topic before the calls, to see what the API publishes."""
        queue_url = self.sqs.create_queue(QueueName=f"observer-{len(self._topic_queues)}")["QueueUrl"]
        queue_arn = self.sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        self.sns.subscribe(TopicArn=topic_arn, Protocol="sqs", Endpoint=queue_arn, Attributes={"RawMessageDelivery": "true"})
        self._topic_queues[topic_arn] = queue_url

    def subscription_message(self, topic_arn: str) -> str:
        return self.receive_message(self._topic_queues[topic_arn])


def subset(expected, actual) -> bool:
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and subset(v, actual[k]) for k, v in expected.items())
    return expected == actual


def call(world: World, row: Call) -> tuple[bool, str]:
    api_id = world.resource(row.stack, row.api, "AWS::ApiGateway::RestApi")
    headers = {k: resolve_key(world, row, v) for k, v in row.headers.items()}
    response = requests.request(row.method, f"{EXECUTE_API}/{api_id}/{row.stage}{row.path}",
                                headers=headers, data=row.body, timeout=30)
    problems = []
    if response.status_code != row.status:
        problems.append(f"status {response.status_code}, expected {row.status}")
    if row.json is not None:
        try:
            body = response.json()
        except ValueError:
            body = None
        if not subset(row.json, body):
            problems.append(f"body {response.text[:300]!r}, expected {json.dumps(row.json)}")
    if row.text is not None and row.text not in response.text:
        problems.append(f"body {response.text[:300]!r}, expected it to contain {row.text!r}")
    if row.starts_with is not None and not response.content.startswith(row.starts_with):
        problems.append(f"body {response.content[:40]!r}, expected it to start with {row.starts_with!r}")
    for name, value in row.response_headers.items():
        if response.headers.get(name) != value:
            problems.append(f"header {name}: {response.headers.get(name)!r}, expected {value!r}")
    if not problems and row.effect:
        try:
            row.effect(world, response)
        except AssertionError as error:
            problems.append(f"side effect: {error}")
    return not problems, "; ".join(problems)


def resolve_key(world: World, row: Call, value: str) -> str:
    """`{key:TrialKey}` in a header: the value of that API key of the row's stack."""
    match = re.fullmatch(r"\{key:(\w+)\}", value)
    if not match:
        return value
    key_id = world.resource(row.stack, match.group(1), "AWS::ApiGateway::ApiKey")
    return world.apigateway.get_api_key(apiKey=key_id, includeValue=True)["value"]


def prerequisites() -> None:
    """What the example's account has before `cdk deploy`: the secret one API key reads."""
    secrets = deploy.client("secretsmanager")
    try:
        secrets.create_secret(Name="gateway-api/acme", SecretString=json.dumps({"apiKey": ACME_API_KEY}))
    except secrets.exceptions.ResourceExistsException:
        pass


def release_walk(walk_dir: Path, results: dict) -> list[tuple[str, bool, str]]:
    """Deploys the release walk's `start` (a canary) and `promote` steps and checks what each serves.

    Each later step of a release is an in-place update of the API and its stage, which
    LocalStack's community CloudFormation does not implement for AWS::ApiGateway::RestApi and
    AWS::ApiGateway::Stage (it recreates the stage, which fails): so `start` is deployed as the
    stack's first version and `promote` as a stack of its own, whose canary remover runs."""
    outcomes = []
    stacks = {}
    for step in ("start", "promote"):
        name = f"GatewayApiReleaseWalk{step.capitalize()}"
        artifact = deploy.stacks_of(walk_dir / step)["GatewayApiReleaseWalk"]
        stacks[step] = deploy.deploy(walk_dir / step, name, artifact)
        results[name] = stacks[step]
    apigateway = deploy.client("apigateway")

    def stage_of(step):
        api_id = next(r["id"] for r in stacks[step]["resources"].values() if r["type"] == "AWS::ApiGateway::RestApi")
        return api_id, apigateway.get_stage(restApiId=api_id, stageName="prod")

    # LocalStack's Stage provider drops CanarySetting, so the canary's split and overrides cannot be
    # observed: the base's answer and the promoted stage are.
    api_id, _ = stage_of("start")
    answer = requests.get(f"{EXECUTE_API}/{api_id}/prod/version", timeout=30)
    ok = answer.status_code == 200 and answer.json().get("variables") == {"side": "base"}
    outcomes.append(("release start: the base answers with its variables", ok, answer.text[:200]))

    api_id, stage = stage_of("promote")
    remover = next((r for r in stacks["promote"]["resources"].values() if r["type"] == "Custom::GatewayApiCanaryRemoval"), None)
    ok = remover is not None and bool(remover["id"]) and "canarySettings" not in stage
    outcomes.append(("release promote: the canary remover custom resource ran", ok, f"stage {stage.get('canarySettings')}"))
    answer = requests.get(f"{EXECUTE_API}/{api_id}/prod/version/router", timeout=30)
    ok = answer.status_code == 200 and answer.json().get("resource") == "/version/{component}"
    outcomes.append(("release promote: the promoted route answers", ok, answer.text[:200]))
    return outcomes


def main(argv: list[str]) -> int:
    assembly, walk_dir = Path(argv[0]), Path(argv[1])
    started = time.time()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Backend)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    backend = f"http://127.0.0.1:{server.server_port}"

    prerequisites()
    results, failed_stacks = deploy.deploy_all(assembly, [], rewrites={origin: backend for origin in BACKEND_ORIGINS})
    deployed_at = time.time()

    world = World(results)
    world.subscribe(world.physical_id("GatewayApiAwsServicesExample", "OrderEvents91E7078A"))
    outcomes = []
    for row in CALLS:
        if row.stack in failed_stacks:
            outcomes.append((row.name, False, f"{row.stack} did not deploy"))
            continue
        try:
            ok, problem = call(world, row)
        except Exception as error:
            ok, problem = False, f"{type(error).__name__}: {error}"
        outcomes.append((row.name, ok, problem))
    outcomes += release_walk(walk_dir, results)
    # The same calls to the local gateway, answers compared with the emulator's.
    compared, left_out = differential.run(world, assembly, CALLS, EXECUTE_API, backend, BACKEND_ORIGINS, resolve_key)
    server.shutdown()

    for name, ok, problem in outcomes:
        if not ok or not name.startswith("definition from S3"):
            print(f"{'ok  ' if ok else 'FAIL'} {name}" + ("" if ok else f": {problem}"))
    for name, ok, problem in compared:
        if not ok:
            print(f"FAIL {name}: {problem}")
    for reason in sorted(set(differential.DIFFERENCES.values())):
        rows = [name for name in differential.DIFFERENCES if differential.DIFFERENCES[name] == reason]
        print(f"documented difference, {len(rows)} calls ({', '.join(rows)}): {reason}")
    agreed = sum(1 for _, ok, problem in compared if ok and "documented difference" not in problem)
    documented = sum(1 for _, ok, problem in compared if ok and "documented difference" in problem)
    print(f"differential: {len(compared)} calls compared, {agreed} agreed, {documented} documented differences, "
          f"{len(left_out)} left out" + (f" ({'; '.join(sorted(set(left_out.values())))})" if left_out else ""))
    outcomes += compared
    matched = sum(1 for _, ok, _ in outcomes if ok)
    large = sum(1 for name, _, _ in outcomes if name.startswith("definition from S3"))
    print(f"(and {large} calls to the routes of the definition imported from S3)")
    print(f"deploy took {deployed_at - started:.0f} s, calls {time.time() - deployed_at:.0f} s")
    print(f"deploy: {len(results)} stacks, {len(outcomes)} calls, {matched} matched")
    return 0 if matched == len(outcomes) and not failed_stacks else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
