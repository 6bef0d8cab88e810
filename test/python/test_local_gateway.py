"""The local gateway from Python: through jsii, and `gateway-api serve` over HTTP."""
import json
import pathlib
import subprocess
import tempfile
import urllib.error
import urllib.request

import aws_cdk as cdk
from aws_cdk import aws_cognito as cognito
from aws_cdk import aws_lambda as lambda_
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from cdk_gateway_api import (
    Authorization,
    Authorizer,
    GatewayApi,
    Integration,
    IntegrationResponse,
    LocalGateway,
    RouteOptions,
)

# The command the npm package installs (`npx gateway-api`), from this repository's build.
CLI = pathlib.Path(__file__).resolve().parents[2] / "lib" / "cli" / "gateway-api.js"


def mock(template):
    return Integration.mock(integration_responses=[
        IntegrationResponse(status_code="200", response_templates={"application/json": template})])


def served_stack(outdir):
    app = cdk.App(outdir=outdir, context={
        "@aws-cdk/core:validateAgainstDefaultRules": False, "aws:cdk:enable-path-metadata": True})
    stack = cdk.Stack(app, "Served")
    orders = lambda_.Function(stack, "Orders", runtime=lambda_.Runtime.NODEJS_22_X, handler="index.handler", code=lambda_.Code.from_inline(
        "exports.handler = async (event) => ({ statusCode: 201, body: JSON.stringify({ placed: JSON.parse(event.body) }) });"))
    GatewayApi(stack, "Api", policy_validation=False, routes={
        "GET /health": RouteOptions(integration=mock('{"status": "ok"}'), authorization=Authorization.none("Uptime checks")),
        "GET /me": RouteOptions(integration=mock('{"caller": "$context.identity.userArn"}')),
        "POST /orders": RouteOptions(integration=Integration.lambda_(orders), authorization=Authorization.none("A local test")),
    })
    return app.synth().get_stack_by_name("Served").template_full_path


def call(request):
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_gateway_api_serve_answers_a_synthesized_template_over_http_to_requests_botocore_signs():
    with tempfile.TemporaryDirectory() as outdir:
        template = served_stack(outdir)
        server = subprocess.Popen(
            ["node", str(CLI), "serve", template, "--port", "0", "--iam-credentials", "AKIDPY:py-secret:arn:aws:iam::111122223333:role/py"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            url = server.stdout.readline().strip()
            assert url.startswith("http://127.0.0.1:"), server.stderr.read()
            assert call(url + "/health") == (200, {"status": "ok"})
            order = urllib.request.Request(url + "/orders", data=b'{"sku": "A-1"}', method="POST", headers={"Content-Type": "application/json"})
            assert call(order) == (201, {"placed": {"sku": "A-1"}})

            signed = AWSRequest(method="GET", url=url + "/me?verbose=true")
            SigV4Auth(Credentials("AKIDPY", "py-secret"), "execute-api", "us-east-1").add_auth(signed)
            assert call(urllib.request.Request(signed.url, headers=dict(signed.headers))) == (200, {"caller": "arn:aws:iam::111122223333:role/py"})
            forged = AWSRequest(method="GET", url=url + "/me")
            SigV4Auth(Credentials("AKIDPY", "not-the-secret"), "execute-api", "us-east-1").add_auth(forged)
            status, body = call(urllib.request.Request(forged.url, headers=dict(forged.headers)))
            assert status == 403 and body["message"].startswith("The request signature we calculated does not match")
            assert call(url + "/me")[0] == 403
        finally:
            server.terminate()
            server.wait(timeout=10)


def test_a_local_gateway_issues_user_pool_tokens_and_judges_scopes_and_expiry():
    stack = cdk.Stack(cdk.App(context={"@aws-cdk/core:validateAgainstDefaultRules": False}), "Pool")
    users = Authorizer.cognito(user_pools=[cognito.UserPool(stack, "Users")])
    api = GatewayApi(stack, "Api", policy_validation=False, default_authorization=Authorization.authorizer(users), routes={
        "GET /me": RouteOptions(integration=mock('{"sub": "$context.authorizer.claims.sub"}')),
        "GET /pets": RouteOptions(integration=mock("{}"), authorization=Authorization.authorizer(users, ["pets/read"])),
    })
    gateway = LocalGateway.from_api(api)
    token = gateway.user_pool_token(claims={"sub": "ann"})
    assert gateway.request("GET /me", headers={"Authorization": token}).json() == {"sub": "ann"}
    assert gateway.request("GET /pets", headers={"Authorization": token}).status_code == 401
    assert gateway.request("GET /pets", headers={"Authorization": gateway.user_pool_token(scopes=["pets/read"])}).status_code == 200
    gateway.advance_clock(cdk.Duration.hours(2))
    assert gateway.request("GET /me", headers={"Authorization": token}).json()["message"] == "The incoming token has expired"


def test_a_websocket_api_runs_locally_a_two_way_route_answers_and_a_connection_without_a_route_hears_forbidden():
    from cdk_gateway_api import (
        GatewayWebSocketApi, WebSocketAuthorization, WebSocketConnectRouteOptions, WebSocketIntegration, WebSocketRouteOptions)

    stack = cdk.Stack(cdk.App(context={"@aws-cdk/core:validateAgainstDefaultRules": False}), "Sockets")
    echo = lambda_.Function(stack, "Echo", runtime=lambda_.Runtime.NODEJS_22_X, handler="index.handler", code=lambda_.Code.from_inline(
        "exports.handler = async (event) => ({ statusCode: 200, body: 'echo ' + event.body });"))
    api = GatewayWebSocketApi(stack, "Echoes", connect=WebSocketConnectRouteOptions(
        integration=WebSocketIntegration.lambda_(echo), authorization=WebSocketAuthorization.none("A local test")), routes={
        "echo": WebSocketRouteOptions(integration=WebSocketIntegration.lambda_(echo), return_response=True),
    })
    gateway = LocalGateway.from_api(api)
    connection = gateway.connect()
    assert connection.status_code == 200 and connection.is_open, connection.status_code
    connection.send('{"action": "echo", "n": 1}')
    connection.send('{"action": "shout"}')
    assert connection.received[0] == 'echo {"action": "echo", "n": 1}'
    assert json.loads(connection.received[1])["message"] == "Forbidden"
    connection.close()
    assert not connection.is_open


def example_template(stack):
    """The example app's template of a stack, synthesized when cdk.out does not hold it yet (CI synthesizes it first)."""
    root = CLI.parents[2]
    template = root / "cdk.out" / f"{stack}.template.json"
    if not template.exists():
        subprocess.run(["npx", "projen", "example"], cwd=root, check=True, capture_output=True)
    return template


def test_gateway_api_serve_answers_the_example_apps_pets_api_over_http():
    server = subprocess.Popen(
        ["node", str(CLI), "serve", str(example_template("GatewayApiLambdaExample")), "--port", "0",
         "--iam-credentials", "AKIDPETS:pets-secret"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = server.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), server.stderr.read()

        def signed(path, method="GET", body=None, headers=None):
            request = AWSRequest(method=method, url=url + path, data=body, headers=headers or {})
            SigV4Auth(Credentials("AKIDPETS", "pets-secret"), "execute-api", "us-east-1").add_auth(request)
            return urllib.request.Request(request.url, data=body, method=method, headers=dict(request.headers))

        status, pet = call(signed("/pets/7"))
        assert (status, pet["route"], pet["petId"]) == (200, "/pets/{petId}", "7")
        assert call(signed("/owners/ann?verbose=true")) == (200, {"owner": "ann", "petCount": 0})
        assert call(signed("/owners/nobody")) == (404, {"message": "owner not found"})
        status, body = call(signed("/pets", "POST", b'{"name": "Rex"}', {"Content-Type": "application/json"}))
        assert (status, body["message"]) == (400, "Invalid request body")
        with urllib.request.urlopen(signed("/pets/7/photo", headers={"Accept": "image/png"}), timeout=10) as photo:
            assert photo.read().startswith(b"\x89PNG\r\n\x1a\n")
        with urllib.request.urlopen(signed("/pets/7/story"), timeout=10) as story:
            assert story.headers["Content-Type"] == "text/event-stream" and b"data: pet 7" in story.read()
        assert call(url + "/pets")[0] == 403
    finally:
        server.terminate()
        server.wait(timeout=10)
