"""The expected answers of the example app's APIs, deployed on the emulator: one row a call.

Each row names the stack and the API (its construct id), the stage, the request, the status
and the part of the body that matters, and a side effect to check where the route has one
(a message received, an execution started, with its input). README's "What is proven by a
deployment" lists what the table covers and what it cannot.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Callable

# The CORS origin the Lambda example admits, and the header a browser sends with a preflight.
APP_ORIGIN = "https://app.example.com"


@dataclass
class Call:
    name: str
    stack: str
    api: str
    path: str
    method: str = "GET"
    stage: str = "prod"
    headers: dict = field(default_factory=dict)
    body: str | bytes | None = None
    status: int = 200
    # Keys and values the JSON body must have (a subset: other keys may be there too).
    json: dict | None = None
    # Text the body must contain, when it is not JSON.
    text: str | None = None
    # Bytes the body must start with, for binary answers.
    starts_with: bytes | None = None
    # Response headers that must have these values (names are case-insensitive).
    response_headers: dict = field(default_factory=dict)
    # A check of what the call did beyond its answer: effect(world, response) raises AssertionError.
    effect: Callable | None = None


def json_body(value: dict) -> str:
    return json.dumps(value)


JSON = {"Content-Type": "application/json"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


# --- Side effects -------------------------------------------------------------------------------

def message_in(queue_logical_id: str, expected_body: dict):
    def check(world, response):
        body = world.receive_message(world.physical_id("GatewayApiAwsServicesExample", queue_logical_id))
        assert json.loads(body) == expected_body, f"the queue received {body!r}"
    return check


def published_to(topic_logical_id: str, expected_message: dict):
    def check(world, response):
        message = world.subscription_message(world.physical_id("GatewayApiAwsServicesExample", topic_logical_id))
        assert json.loads(message) == expected_message, f"the topic published {message!r}"
    return check


def execution_started(state_machine_logical_id: str, expected_input: dict):
    def check(world, response):
        execution_arn = response.json()["executionArn"]
        execution = world.sfn.describe_execution(executionArn=execution_arn)
        assert execution["stateMachineArn"] == world.physical_id("GatewayApiAwsServicesExample", state_machine_logical_id)
        assert json.loads(execution["input"]) == expected_input, f"the execution's input is {execution['input']!r}"
    return check


def charge_request(expected: dict):
    """What the payments backend (the echo server) received from the mapping template."""
    def check(world, response):
        request = world.backend.last_request("/v2/charges")
        assert request is not None, "the payments backend was not called"
        assert json.loads(request["body"]) == expected, f"the backend received {request['body']!r}"
        assert request["query"] == "source=gateway-api-example", f"query {request['query']!r}"
        assert request["headers"].get("idempotency-key") == "key-1"
    return check


# --- The table ----------------------------------------------------------------------------------

LAMBDA = "GatewayApiLambdaExample"
HTTP_BACKEND = "GatewayApiHttpBackendExample"
AWS_SERVICES = "GatewayApiAwsServicesExample"
LARGE = "GatewayApiLargeDefinitionExample"
RELEASES = "GatewayApiReleasesExample"
USAGE = "GatewayApiUsagePlansExample"
ENDPOINTS = "GatewayApiEndpointsExample"
OBSERVABILITY = "GatewayApiObservabilityExample"
AGENT_TOOLS = "GatewayApiAgentToolsExample"
CDN = "GatewayApiCdnExample"

CALLS: list[Call] = [
    # Lambda proxy: the function shapes the whole answer.
    Call("proxy: list", LAMBDA, "PetsApi", "/pets", json={"route": "/pets", "petId": None}),
    Call("proxy: path parameter", LAMBDA, "PetsApi", "/pets/7", json={"route": "/pets/{petId}", "petId": "7"}),
    Call("proxy: greedy path", LAMBDA, "PetsApi", "/toys/ball/red", json={"route": "/{proxy+}"}),
    Call("proxy: ANY method", LAMBDA, "PetsApi", "/toys", method="DELETE", json={"route": "/{proxy+}"}),
    # Request validation: the body model, before the function runs.
    Call("validation: valid body", LAMBDA, "PetsApi", "/pets", method="POST", headers=JSON,
         body=json_body({"name": "Rex", "species": "dog", "age": 3}), json={"route": "/pets"}),
    Call("validation: missing field", LAMBDA, "PetsApi", "/pets", method="POST", headers=JSON,
         body=json_body({"name": "Rex"}), status=400, json={"message": "Invalid request body"}),
    Call("validation: value outside the enum", LAMBDA, "PetsApi", "/pets", method="POST", headers=JSON,
         body=json_body({"name": "Rex", "species": "horse"}), status=400, json={"message": "Invalid request body"}),
    Call("validation: unknown property", LAMBDA, "PetsApi", "/pets", method="POST", headers=JSON,
         body=json_body({"name": "Rex", "species": "cat", "colour": "red"}), status=400,
         json={"message": "Invalid request body"}),
    # Lambda non-proxy: VTL builds the event and the answer; an error message selects the 404.
    Call("non-proxy: request and response templates", LAMBDA, "PetsApi", "/owners/ann?verbose=true",
         json={"owner": "ann", "petCount": 0}),
    Call("non-proxy: a quote in a parameter stays valid JSON", LAMBDA, "PetsApi", "/owners/O'Brien",
         json={"owner": "O'Brien", "petCount": 0}),
    Call("non-proxy: error selection pattern", LAMBDA, "PetsApi", "/owners/nobody", status=404,
         json={"message": "owner not found"}),
    # Binary media types: a PNG out as bytes, a PNG in base64-encoded for the function.
    Call("binary: a PNG answered as bytes", LAMBDA, "PetsApi", "/pets/7/photo", headers={"Accept": "image/png"},
         starts_with=PNG_SIGNATURE, response_headers={"Content-Type": "image/png"}),
    # (A PNG body would reach the function base64-encoded; LocalStack reads every body it validates as
    # JSON and answers 500 to one that is not UTF-8, so that direction is not called here.)
    Call("binary: a JSON body reaches it as text", LAMBDA, "PetsApi", "/pets/7/photo", method="PUT",
         headers=JSON, body=json_body({"caption": "Rex"}), json={"route": "/pets/{petId}/photo", "binaryBody": False}),
    # CORS: the preflight the library answers, for an admitted origin.
    Call("CORS: preflight", LAMBDA, "PetsApi", "/pets", method="OPTIONS",
         headers={"Origin": APP_ORIGIN, "Access-Control-Request-Method": "POST"}, status=204,
         response_headers={"Access-Control-Allow-Origin": APP_ORIGIN, "Access-Control-Allow-Credentials": "true",
                           "Access-Control-Max-Age": "600"}),

    # HTTP proxy and non-proxy, to a loopback server standing in for the example's backends.
    Call("HTTP proxy: path and query reach the backend", HTTP_BACKEND, "FacadeApi", "/legacy/accounts/42?verbose=1",
         json={"path": "/accounts/42", "query": "verbose=1", "method": "GET"}),
    # Streamed (responseTransferMode STREAM): the emulator buffers the stream, so this shows the
    # route's wiring and answer, not its streaming.
    Call("HTTP proxy, streamed: the export reaches the caller", HTTP_BACKEND, "FacadeApi", "/exports/report.csv",
         json={"path": "/exports/report.csv", "method": "GET"}),
    Call("HTTP non-proxy: required header missing", HTTP_BACKEND, "FacadeApi", "/payments", method="POST",
         headers=JSON, body=json_body({"amount": 1250, "currency": "EUR"}), status=400,
         json={"message": "Missing required request parameters: [Idempotency-Key]"}),
    Call("HTTP non-proxy: templates both ways, parameters, status mapping", HTTP_BACKEND, "FacadeApi", "/payments",
         method="POST", headers={**JSON, "Idempotency-Key": "key-1"},
         body=json_body({"amount": 1250, "currency": "EUR"}), status=201,
         json={"paymentId": "ch_1250", "status": "succeeded"},
         response_headers={"Location": "/v2/charges/ch_1250"},
         effect=charge_request({"amount_cents": 1250, "currency": "EUR", "caller_ip": "127.0.0.1"})),

    # AWS services called by API Gateway itself, each through its own role.
    Call("mock", AWS_SERVICES, "OrdersApi", "/health", json={"status": "ok"}),
    Call("an integration of your own (a mock answering 503)", AWS_SERVICES, "OrdersApi", "/returns", status=503,
         json={"message": "GET /returns is under maintenance"}, response_headers={"Retry-After": "3600"}),
    Call("SQS SendMessage", AWS_SERVICES, "OrdersApi", "/orders/queue", method="POST", headers=JSON,
         body=json_body({"sku": "tea", "quantity": 2}),
         effect=message_in("OrdersQueue3DFA1D51", {"sku": "tea", "quantity": 2})),
    Call("SNS Publish", AWS_SERVICES, "OrdersApi", "/events", method="POST", headers=JSON,
         body=json_body({"event": "shipped", "order": "o-1"}),
         effect=published_to("OrderEvents91E7078A", {"event": "shipped", "order": "o-1"})),
    Call("any AWS service action: SQS GetQueueAttributes", AWS_SERVICES, "OrdersApi", "/orders/queue/depth",
         text="ApproximateNumberOfMessages"),
    # (JSON bodies: LocalStack validates every body as JSON, where AWS validates only bodies with a model.)
    Call("S3 PutObject", AWS_SERVICES, "OrdersApi", "/documents/terms.json", method="PUT", headers=JSON,
         body=json_body({"delivery": "within 3 days"})),
    Call("S3 GetObject", AWS_SERVICES, "OrdersApi", "/documents/terms.json", json={"delivery": "within 3 days"}),
    Call("S3 ListObjectsV2: the key written is listed", AWS_SERVICES, "OrdersApi", "/documents",
         text="<Key>terms.json</Key>", response_headers={"Content-Type": "application/xml"}),
    Call("S3 GetObject: no such key", AWS_SERVICES, "OrdersApi", "/documents/missing.txt", status=404,
         json={"message": "no such object"}),
    Call("EventBridge PutEvents", AWS_SERVICES, "OrdersApi", "/orders/events", method="POST", headers=JSON,
         body=json_body({"order": "o-3", "note": "it's here"}), json={"FailedEntryCount": 0}),
    Call("Step Functions StartExecution", AWS_SERVICES, "OrdersApi", "/fulfilments", method="POST", headers=JSON,
         body=json_body({"order": "o-2"}), effect=execution_started("FulfilmentB5B164CA", {"order": "o-2"})),
    Call("Step Functions StartSyncExecution", AWS_SERVICES, "OrdersApi", "/quotes", method="POST", headers=JSON,
         body=json_body({"sku": "tea"}), json={"order": {"sku": "tea"}, "total": 42}),

    # Stage variables reach the backend, per stage.
    Call("stage variables: prod", RELEASES, "Api", "/version",
         json={"stage": "prod", "variables": {"env": "prod", "featureFlags": "stable"}}),
    Call("stage variables: dev", RELEASES, "Api", "/version", stage="dev",
         json={"stage": "dev", "variables": {"env": "dev", "featureFlags": "preview"}}),
    Call("dev follows the definition", RELEASES, "Api", "/version/router", stage="dev", json={"stage": "dev"}),
    # The canary's own stage, where the domain's rule sends X-Version: preview: the newest
    # version (the base has no /version/{component}) with the canary's variables.
    Call("the canary's stage serves the canary", RELEASES, "Api", "/version/router", stage="prod-canary",
         json={"stage": "prod-canary", "variables": {"env": "prod", "featureFlags": "preview"}}),

    # API keys and usage plans.
    Call("API key: none given", USAGE, "Api", "/products", status=403, json={"message": "Forbidden"}),
    Call("API key: a wrong one", USAGE, "Api", "/products", headers={"x-api-key": "not-a-key-of-any-plan"},
         status=403, json={"message": "Forbidden"}),
    Call("API key: the trial plan's", USAGE, "Api", "/products?page=2", headers={"x-api-key": "{key:TrialKey}"},
         json={"route": "/products", "page": "2"}),
    Call("API key: the secret's", USAGE, "Api", "/products/p-1", headers={"x-api-key": "{key:AcmeKey}"},
         json={"route": "/products/{productId}"}),
    Call("API key: a route that needs none", USAGE, "Api", "/health", json={"route": "/health"}),

    # An API built from an OpenAPI document, operations bound by operationId.
    Call("OpenAPI import: list", OBSERVABILITY, "OrdersApi", "/orders?status=open", json={"operation": "/orders"}),
    Call("OpenAPI import: create", OBSERVABILITY, "OrdersApi", "/orders", method="POST", headers=JSON,
         body=json_body({"items": [{"sku": "TEA-1", "quantity": 2}]}), status=201, json={"operation": "/orders"}),
    Call("OpenAPI import: the document's nested model validates", OBSERVABILITY, "OrdersApi", "/orders", method="POST",
         headers=JSON, body=json_body({"items": [{"sku": "tea", "quantity": 0}]}), status=400,
         json={"message": "Invalid request body"}),
    Call("OpenAPI import: second stage", OBSERVABILITY, "OrdersApi", "/orders/o-1", stage="test",
         json={"operation": "/orders/{orderId}"}),

    # Endpoint types.
    Call("EDGE endpoint", ENDPOINTS, "EdgeApi", "/hello", json={"hello": "world"}),

    # The routes an AgentCore gateway offers as MCP tools (the gateway itself is not in the emulator).
    Call("MCP tool listProducts", AGENT_TOOLS, "CatalogueApi", "/products", text='"name":"Teapot"'),
    Call("MCP tool getProduct", AGENT_TOOLS, "CatalogueApi", "/products/p1", json={"id": "p1", "name": "Kettle", "price": 39}),
    Call("MCP tool getProduct: unknown id", AGENT_TOOLS, "CatalogueApi", "/products/p9", status=404,
         json={"message": "no such product"}),

    # The origin of a CloudFront distribution (the distribution itself is not in the emulator).
    Call("CloudFront origin: every article", CDN, "ArticlesApi", "/articles", text='"title":"Steeping tea"'),
    Call("CloudFront origin: one article", CDN, "ArticlesApi", "/articles/a1", json={"id": "a1", "title": "Kettles, a history"}),
]

# The large definition, imported from S3 by the library's custom resource: every route answers.
CALLS += [
    Call(f"definition from S3: route {i}", LARGE, "CatalogApi", f"/catalog/section{i}/item-{i}",
         text=f"/catalog/section{i}/item-{i}")
    for i in range(200)
]
