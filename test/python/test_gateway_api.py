"""The library as Python users get it: the wheel jsii-pacmak builds, in a CDK app written in Python.

Each test synthesizes an app and asserts on the template, as a user's own tests would.
"""
import json
import os
import re
import tempfile

import aws_cdk as cdk
import pytest
from aws_cdk import aws_cognito as cognito
from aws_cdk import aws_kms as kms
from aws_cdk import aws_lambda as lambda_
from aws_cdk.assertions import Template

from cdk_gateway_api import (
    AccessLogFormats,
    ApiEncryption,
    ApiKey,
    Authorization,
    Authorizer,
    Compliance,
    GatewayApi,
    GatewayHttpApi,
    GatewayPolicyValidator,
    HttpAuthorization,
    HttpIntegration,
    HttpIntegrationConfig,
    HttpIntegrationType,
    HttpRouteOptions,
    IHttpIntegrationContext,
    IIntegrationContext,
    Integration,
    IntegrationConfig,
    IntegrationResponse,
    IntegrationType,
    OpenApiDocument,
    PolicyRuleSet,
    QuotaOptions,
    QuotaPeriod,
    Release,
    RequestValidation,
    RouteOptions,
    StageAlarmOptions,
    StageAlarmsOptions,
    StageOptions,
    ThrottleOptions,
    UsagePlan,
)

RELEASE_FILE = "cdk-gateway-api:releaseFile"
RECORD_RELEASES = "cdk-gateway-api:recordReleases"


def new_app(**context):
    return cdk.App(context={"@aws-cdk/core:validateAgainstDefaultRules": False, **context})


def new_function(scope, id="Fn"):
    return lambda_.Function(
        scope, id,
        runtime=lambda_.Runtime.NODEJS_22_X,
        handler="index.handler",
        code=lambda_.Code.from_inline("exports.handler = async () => ({ statusCode: 200 });"),
    )


def resources(template, type_):
    return template.find_resources(type_)


def shop(stack, prod_release=None):
    """Stages, an authorizer, a usage plan and a key: the API the tests look at."""
    fn = new_function(stack)
    pool = cognito.UserPool(stack, "Pool")
    api = GatewayApi(
        stack, "Api",
        api_name="shop",
        api_key_required=True,
        routes={
            "GET /products": RouteOptions(integration=Integration.lambda_(fn)),
            "GET /products/{productId}": RouteOptions(
                integration=Integration.lambda_(fn),
                authorization=Authorization.authorizer(Authorizer.cognito(user_pools=[pool]), ["shop/read"]),
            ),
            "POST /orders": RouteOptions(integration=Integration.lambda_(fn), throttle=ThrottleOptions(rate_limit=10, burst_limit=20)),
        },
        stages=[
            StageOptions(
                stage_name="prod",
                release=prod_release or Release.latest(),
                access_log_format=AccessLogFormats.rest_json({"tenant": "$context.authorizer.claims.sub"}),
                alarms=StageAlarmsOptions(server_error_rate=StageAlarmOptions(threshold=0.5)),
            ),
            StageOptions(stage_name="dev", variables={"env": "dev"}),
        ],
    )
    plan = UsagePlan(
        stack, "Pro",
        stages=[api.default_stage],
        quota=QuotaOptions(limit=100000, period=QuotaPeriod.MONTH),
        throttle=ThrottleOptions(rate_limit=100, burst_limit=200),
    )
    plan.add_api_key(ApiKey(stack, "AcmeKey"))
    return api


def test_stages_authorizer_usage_plan_and_alarms():
    stack = cdk.Stack(new_app(), "Shop")
    api = shop(stack)
    template = Template.from_stack(stack)

    template.resource_count_is("AWS::ApiGateway::Stage", 2)
    template.has_resource_properties("AWS::ApiGateway::Stage", {"StageName": "dev", "Variables": {"env": "dev"}})
    prod = [s for s in resources(template, "AWS::ApiGateway::Stage").values() if s["Properties"]["StageName"] == "prod"][0]
    assert json.loads(prod["Properties"]["AccessLogSetting"]["Format"])["tenant"] == "$context.authorizer.claims.sub"

    body = resources(template, "AWS::ApiGateway::RestApi")[stack.get_logical_id(api.rest_api)]["Properties"]["Body"]
    assert body["paths"]["/products/{productId}"]["get"]["security"] == [{"api_key": [], "cognito": ["shop/read"]}]
    assert body["components"]["securitySchemes"]["cognito"]["x-amazon-apigateway-authtype"] == "cognito_user_pools"
    assert body["paths"]["/products"]["get"]["security"] == [{"api_key": [], "sigv4": []}]

    template.has_resource_properties("AWS::ApiGateway::UsagePlan", {
        "Quota": {"Limit": 100000, "Period": "MONTH"},
        "Throttle": {"RateLimit": 100, "BurstLimit": 200},
    })
    template.resource_count_is("AWS::ApiGateway::ApiKey", 1)
    template.resource_count_is("AWS::ApiGateway::UsagePlanKey", 1)
    template.has_resource_properties("AWS::CloudWatch::Alarm", {"Threshold": 0.5, "ComparisonOperator": "GreaterThanThreshold"})
    assert len(api.default_stage.alarms) == 4
    assert api.default_stage.metrics.metric_route("POST /orders", "Latency").dimensions == {
        "ApiName": "shop", "Stage": "prod", "Method": "POST", "Resource": "/orders"}


def test_a_canary_release_serves_the_new_definition_beside_the_old():
    release_file = os.path.join(tempfile.mkdtemp(), "releases.json")
    context = {RELEASE_FILE: release_file, RECORD_RELEASES: True}

    first = cdk.Stack(new_app(**context), "Shop")
    shop(first)
    Template.from_stack(first)

    # A new route and a canary of it: the base keeps deployment 1, 10 % go to the new one.
    second = cdk.Stack(new_app(**context), "Shop")
    api = shop(second, prod_release=Release.canary(percent_traffic=10))
    api.add_route("GET /health", integration=Integration.mock(), api_key_required=False)
    template = Template.from_stack(second)
    prod = [s for s in resources(template, "AWS::ApiGateway::Stage").values() if s["Properties"]["StageName"] == "prod"][0]
    canary = prod["Properties"]["CanarySetting"]
    assert canary["PercentTraffic"] == 10
    assert canary["DeploymentId"] != prod["Properties"]["DeploymentId"]
    with open(release_file) as f:
        recorded = json.load(f)["apis"]["Shop/Api"]
    assert recorded["stages"] == {"prod": {"deployment": 1, "canary": 2}, "dev": {"deployment": 2}}


def test_the_policy_validator_fails_synth_on_an_unvalidated_route_and_reports_an_open_one_with_its_reason():
    app = new_app()
    cdk.Validations.of(app).add_plugins(GatewayPolicyValidator(rule_sets=[PolicyRuleSet.AWS_SOLUTIONS]))
    stack = cdk.Stack(app, "Open")
    fn = new_function(stack)
    # The API judges itself too; here the app-level plugin is what is tested.
    GatewayApi(stack, "Api", policy_validation=False, routes={
        "GET /open": RouteOptions(integration=Integration.lambda_(fn), authorization=Authorization.none("A public health check.")),
        "POST /unchecked": RouteOptions(integration=Integration.lambda_(fn), request_validation=RequestValidation.OFF),
    })
    with pytest.raises(Exception, match="ValidationFailed") as failure:
        app.synth()
    report_file = re.search(r"can be found in: (\S+)", str(failure.value)).group(1)
    with open(report_file) as f:
        report = json.load(f)
    findings = {(v["ruleName"], v["severity"], c["constructPath"]): v["description"]
                for plugin in report["pluginReports"] if plugin["pluginName"] == "GatewayApi"
                for v in plugin["violations"] for c in v["violatingConstructs"]}
    assert ("body-request-validation", "error", "Open/Api/Resource") in findings
    open_route = findings[("body-authorization", "info", "Open/Api/Resource")]
    assert "GET /open" in open_route and "A public health check." in open_route


def test_bad_input_is_a_synth_error_naming_construct_prop_and_value():
    stack = cdk.Stack(new_app(), "Bad")
    with pytest.raises(Exception, match=r"\[Bad/Api\] routes\['GET pets'\]: \"GET pets\" is not allowed"):
        GatewayApi(stack, "Api", routes={"GET pets": RouteOptions(integration=Integration.mock())})


def test_http_api_and_openapi_documents():
    stack = cdk.Stack(new_app(), "Items")
    fn = new_function(stack)
    http = GatewayHttpApi(stack, "Http", routes={"GET /items/{id}": {"integration": HttpIntegration.lambda_(fn)}},
                          default_authorization=HttpAuthorization.iam())
    document = {
        "openapi": "3.0.1", "info": {"title": "orders", "version": "1"},
        "paths": {"/orders/{id}": {"get": {"operationId": "getOrder", "responses": {"200": {"description": "ok"}}}}},
    }
    rest = GatewayApi(stack, "Rest", open_api=OpenApiDocument.from_object(document),
                      operations={"getOrder": RouteOptions(integration=Integration.lambda_(fn))})
    Template.from_stack(stack).has_resource_properties("AWS::ApiGatewayV2::Route", {"RouteKey": "GET /items/{id}", "AuthorizationType": "AWS_IAM"})
    assert list(http.open_api_document()["paths"]) == ["/items/{id}"]
    assert rest.open_api_document()["paths"]["/orders/{id}"]["get"]["operationId"] == "getOrder"
    assert "x-amazon-apigateway-integration" not in json.dumps(rest.open_api_document())


def test_logs_are_encrypted_with_a_key_of_the_api_or_yours_and_aws_keys_are_refused_under_hipaa():
    stack = cdk.Stack(new_app(), "Keys")
    GatewayApi(stack, "Own", routes={"GET /x": RouteOptions(integration=Integration.mock())})
    mine = kms.Key(stack, "Mine", enable_key_rotation=True)
    GatewayApi(stack, "Yours", encryption=ApiEncryption.key(mine), routes={"GET /x": RouteOptions(integration=Integration.mock())})
    template = Template.from_stack(stack)
    keys = {logical_id for logical_id in resources(template, "AWS::KMS::Key") if logical_id.startswith("OwnEncryptionKey")}
    assert len(keys) == 1
    key_ids = sorted(json.dumps(group["Properties"]["KmsKeyId"]) for group in resources(template, "AWS::Logs::LogGroup").values())
    assert key_ids == sorted(json.dumps({"Fn::GetAtt": [k, "Arn"]}) for k in [keys.pop(), stack.get_logical_id(mine.node.default_child)])
    with pytest.raises(Exception, match=r"\[Keys/Hipaa\] encryption: \"ApiEncryption.awsOwnedKeys\(\)\" is not allowed"):
        GatewayHttpApi(stack, "Hipaa", compliance=Compliance.HIPAA_SECURITY, encryption=ApiEncryption.aws_owned_keys())


class HeaderEcho(Integration):
    """A user's own integration, written in Python: a mock answering with a header of the route's."""

    def __init__(self):
        super().__init__()
        self.bound = []

    def bind(self, context: IIntegrationContext) -> IntegrationConfig:
        self.bound.append(f"{context.method} {context.path} at {context.prop}")
        return IntegrationConfig(
            type=IntegrationType.MOCK,
            request_templates={"application/json": '{"statusCode": 200}'},
            responses=[IntegrationResponse(status_code="200", response_templates={"application/json": context.path})],
        )


def test_an_integration_written_in_python_is_bound_to_each_route():
    stack = cdk.Stack(new_app(), "Custom")
    echo = HeaderEcho()
    GatewayApi(stack, "Api", routes={"GET /a/{id}": RouteOptions(integration=echo), "GET /b": RouteOptions(integration=echo)})
    body = next(iter(resources(Template.from_stack(stack), "AWS::ApiGateway::RestApi").values()))["Properties"]["Body"]
    assert echo.bound == ["GET /a/{id} at routes['GET /a/{id}'].integration", "GET /b at routes['GET /b'].integration"]
    integration = body["paths"]["/a/{id}"]["get"]["x-amazon-apigateway-integration"]
    assert integration["type"] == "mock"
    assert integration["responses"]["default"]["responseTemplates"] == {"application/json": "/a/{id}"}


class VersionedBackend(HttpIntegration):
    """A user's own HTTP API integration, written in Python: a URL with the route's method in its path."""

    def __init__(self):
        super().__init__()
        self.bound = []

    def bind(self, context: IHttpIntegrationContext) -> HttpIntegrationConfig:
        self.bound.append(f"{context.route_key} at {context.prop}")
        method = context.route_key.split(" ")[0]
        return HttpIntegrationConfig(
            type=HttpIntegrationType.HTTP_PROXY, uri=f"https://backend.example.com/v2/{method.lower()}", method=method, timeout_in_millis=8000,
        )


def test_an_http_integration_written_in_python_is_bound_to_each_route_and_checked():
    stack = cdk.Stack(new_app(), "CustomHttp")
    backend = VersionedBackend()
    GatewayHttpApi(stack, "Api", routes={"GET /a": HttpRouteOptions(integration=backend), "POST /a": HttpRouteOptions(integration=backend)})
    assert backend.bound == ["GET /a at routes['GET /a'].integration", "POST /a at routes['POST /a'].integration"]
    integrations = resources(Template.from_stack(stack), "AWS::ApiGatewayV2::Integration").values()
    assert sorted((i["Properties"]["IntegrationUri"], i["Properties"]["TimeoutInMillis"]) for i in integrations) == [
        ("https://backend.example.com/v2/get", 8000), ("https://backend.example.com/v2/post", 8000),
    ]

    class TooSlow(VersionedBackend):
        def bind(self, context):
            return HttpIntegrationConfig(type=HttpIntegrationType.HTTP_PROXY, uri="https://slow.example.com", timeout_in_millis=60000)

    with pytest.raises(Exception, match=r"\[CustomHttp/Slow\] routes\['GET /a'\]\.integration\.bind\(\)\.timeoutInMillis: 60000 is not allowed"):
        GatewayHttpApi(stack, "Slow", routes={"GET /a": HttpRouteOptions(integration=TooSlow())})


def test_aws_cdk_lib_takes_a_gateway_api_where_it_takes_a_rest_api():
    from aws_cdk import aws_apigateway as apigw
    from aws_cdk import aws_bedrockagentcore as agentcore
    from aws_cdk import aws_certificatemanager as acm
    from aws_cdk import aws_cloudfront as cloudfront
    from aws_cdk import aws_cloudfront_origins as origins
    from aws_cdk import aws_events as events
    from aws_cdk import aws_events_targets as event_targets
    from aws_cdk import aws_route53 as route53
    from aws_cdk import aws_route53_targets as dns_targets
    from cdk_gateway_api import GatewayDomain

    stack = cdk.Stack(new_app(), "Consumers")
    fn = new_function(stack)
    api = GatewayApi(stack, "Shop", routes={
        "GET /items": RouteOptions(integration=Integration.lambda_(fn)),
        "POST /jobs": RouteOptions(integration=Integration.lambda_(fn)),
    })
    assert isinstance(api, apigw.RestApiBase)
    assert isinstance(api.deployment_stage, apigw.Stage)
    assert api.deployment_stage.stage_name == "prod"

    cloudfront.Distribution(stack, "Cdn", default_behavior=cloudfront.BehaviorOptions(origin=origins.RestApiOrigin(api, origin_path="")))
    events.Rule(stack, "Nightly", schedule=events.Schedule.rate(cdk.Duration.days(1)),
                targets=[event_targets.ApiGateway(api, method="POST", path="/jobs")])
    plan = apigw.UsagePlan(stack, "Plan")
    plan.add_api_stage(api=api, stage=api.deployment_stage)
    agentcore.Gateway(stack, "Tools").add_api_gateway_target("ShopTools", rest_api=api,
        api_gateway_tool_configuration=agentcore.ApiGatewayToolConfiguration(
            tool_filters=[agentcore.ApiGatewayToolFilter(filter_path="/items", methods=[agentcore.ApiGatewayHttpMethod.GET])]))
    zone = route53.PublicHostedZone(stack, "Zone", zone_name="example.com")
    certificate = acm.Certificate.from_certificate_arn(stack, "Cert", "arn:aws:acm:eu-west-1:111122223333:certificate/abc")
    domain = GatewayDomain(stack, "Domain", domain_name="api.example.com", certificate=certificate)
    domain.add_mapping(api.default_stage)
    route53.ARecord(stack, "Alias", zone=zone, record_name="api",
                    target=route53.RecordTarget.from_alias(dns_targets.ApiGatewayDomain(domain)))
    # Route 53's ApiGateway target reads the domain aws-cdk-lib's addDomainName made.
    api.add_domain_name("L2Domain", domain_name="l2.example.com", certificate=certificate)
    route53.ARecord(stack, "L2Alias", zone=zone, record_name="l2", target=route53.RecordTarget.from_alias(dns_targets.ApiGateway(api)))

    template = Template.from_stack(stack)
    api_ref = {"Ref": stack.get_logical_id(api.rest_api)}
    origin = next(iter(resources(template, "AWS::CloudFront::Distribution").values()))["Properties"]["DistributionConfig"]["Origins"][0]
    # The domain serves the first stage at its root and turns execute-api off: CloudFront goes to the domain.
    assert origin["DomainName"] == {"Fn::Select": [2, {"Fn::Split": ["/", "https://api.example.com/"]}]}
    assert origin["OriginPath"] == ""
    target = next(iter(resources(template, "AWS::Events::Rule").values()))["Properties"]["Targets"][0]
    assert "/prod/POST/jobs" in json.dumps(target["Arn"])
    [api_stage] = next(iter(resources(template, "AWS::ApiGateway::UsagePlan").values()))["Properties"]["ApiStages"]
    assert (api_stage["ApiId"], api_stage["Stage"]) == (api_ref, "prod")
    tools = next(iter(resources(template, "AWS::BedrockAgentCore::GatewayTarget").values()))["Properties"]
    assert tools["TargetConfiguration"]["Mcp"]["ApiGateway"]["RestApiId"] == api_ref
    assert tools["TargetConfiguration"]["Mcp"]["ApiGateway"]["Stage"] == "prod"
    records = [r["Properties"] for r in resources(template, "AWS::Route53::RecordSet").values()]
    assert any(r["AliasTarget"]["DNSName"] == {"Fn::GetAtt": [stack.get_logical_id(domain.cfn_domain_name), "RegionalDomainName"]} for r in records)
    assert any(r["Name"] == "l2.example.com." for r in records)
    # aws-cdk-lib's mapping names the stage as written; the GatewayDomain's by a reference to the stage resource.
    mappings = [m["Properties"] for m in resources(template, "AWS::ApiGateway::BasePathMapping").values()]
    assert {json.dumps(m["Stage"]) for m in mappings if m["RestApiId"] == api_ref} == {
        '"prod"', json.dumps({"Ref": stack.get_logical_id(api.default_stage.stage)})}


def test_aws_cdk_lib_takes_a_websocket_api_and_an_http_api_as_its_own():
    from aws_cdk import aws_apigatewayv2 as apigwv2
    from cdk_gateway_api import GatewayWebSocketApi

    stack = cdk.Stack(new_app(), "V2Consumers")
    chat = GatewayWebSocketApi(stack, "Chat", connections_table={})
    apigwv2.WebSocketStage(stack, "Dev", web_socket_api=chat, stage_name="dev")
    http = GatewayHttpApi(stack, "Http", routes={"GET /items": HttpRouteOptions(integration=HttpIntegration.url("https://items.example.com"))})
    apigwv2.HttpStage(stack, "Canary", http_api=http.as_http_api, stage_name="canary")
    stages = {(json.dumps(r["Properties"]["ApiId"]), r["Properties"]["StageName"]) for r in resources(Template.from_stack(stack), "AWS::ApiGatewayV2::Stage").values()}
    assert (json.dumps({"Ref": stack.get_logical_id(chat.web_socket_api)}), "dev") in stages
    assert (json.dumps({"Ref": stack.get_logical_id(http.http_api)}), "canary") in stages


def test_routes_named_become_mcp_tools_of_an_agentcore_gateway_and_others_are_refused():
    from aws_cdk import aws_bedrockagentcore as agentcore

    stack = cdk.Stack(new_app(), "Agents")
    api = GatewayApi(stack, "Pets", routes={
        "GET /pets": RouteOptions(integration=Integration.mock(), operation_id="listPets", summary="Lists the pets."),
        "ANY /admin": RouteOptions(integration=Integration.mock()),
    })
    gateway = agentcore.Gateway(stack, "Tools", authorizer_configuration=agentcore.GatewayAuthorizer.using_aws_iam())
    api.add_mcp_target(gateway, routes=["GET /pets"])
    with pytest.raises(Exception, match=r"addMcpTarget routes\[0\]: \"ANY /admin\" is not allowed"):
        api.add_mcp_target(gateway, routes=["ANY /admin"], target_name="admin")
    target = next(iter(resources(Template.from_stack(stack), "AWS::BedrockAgentCore::GatewayTarget").values()))["Properties"]
    tools = target["TargetConfiguration"]["Mcp"]["ApiGateway"]["ApiGatewayToolConfiguration"]
    assert tools["ToolOverrides"] == [{"Name": "listPets", "Path": "/pets", "Method": "GET", "Description": "Lists the pets."}]
    assert target["CredentialProviderConfigurations"] == [{"CredentialProviderType": "GATEWAY_IAM_ROLE"}]


def test_a_stage_of_an_api_made_elsewhere_is_served_by_a_usage_plan():
    stack = cdk.Stack(new_app(), "Imported")
    legacy = GatewayApi.from_stage_attributes(stack, "Legacy", rest_api_id="a1b2c3d4e5", rest_api_name="legacy", stage_name="prod",
                                              route_keys=["POST /reports"])
    UsagePlan(stack, "Partners", stages=[legacy], route_throttles={"POST /reports": ThrottleOptions(rate_limit=5, burst_limit=10)})
    [api_stage] = next(iter(resources(Template.from_stack(stack), "AWS::ApiGateway::UsagePlan").values()))["Properties"]["ApiStages"]
    assert api_stage == {"ApiId": "a1b2c3d4e5", "Stage": "prod", "Throttle": {"/reports/POST": {"RateLimit": 5, "BurstLimit": 10}}}
    assert legacy.metrics.metric_server_errors().dimensions == {"ApiName": "legacy", "Stage": "prod"}


def test_any_aws_service_action_gets_a_role_allowed_that_action_on_its_resources_only():
    from aws_cdk import aws_events as events
    from aws_cdk import aws_s3 as s3
    stack = cdk.Stack(new_app(), "Actions")
    bus = events.EventBus(stack, "Bus")
    GatewayApi(stack, "Api", routes={
        "GET /docs/{key}": RouteOptions(integration=Integration.s3_get_object(s3.Bucket(stack, "Docs"), key_prefix="public/")),
        "POST /events": RouteOptions(integration=Integration.event_bridge_put_events(bus, source="com.example", detail_type="Happened")),
        "GET /bus": RouteOptions(integration=Integration.aws_service_action(
            service="events", action="DescribeEventBus", resources=[bus.event_bus_arn], json_target_prefix="AWSEvents",
            request_template='{"Name": "%s"}' % bus.event_bus_name)),
    })
    statements = [s for p in resources(Template.from_stack(stack), "AWS::IAM::Policy").values() for s in p["Properties"]["PolicyDocument"]["Statement"]]
    assert sorted(s["Action"] for s in statements) == ["events:DescribeEventBus", "events:PutEvents", "s3:GetObject"]


def test_streamed_routes_dual_stack_apis_and_a_websocket_domain():
    from aws_cdk import aws_apigateway as apigw
    from aws_cdk import aws_apigatewayv2 as apigwv2
    from aws_cdk import aws_route53 as route53
    from aws_cdk import aws_kinesis as kinesis
    from aws_cdk import aws_s3 as s3
    from cdk_gateway_api import GatewayDomain, GatewayWebSocketApi, RouteCacheOptions, WebSocketConnectRouteOptions, WebSocketIntegration
    stack = cdk.Stack(new_app(), "Streams")
    api = GatewayApi(stack, "Api", ip_address_type=apigw.IpAddressType.DUAL_STACK, routes={
        "POST /chat": RouteOptions(integration=Integration.lambda_(
            new_function(stack), response_transfer_mode=apigw.ResponseTransferMode.STREAM)),
        "GET /docs": RouteOptions(integration=Integration.s3_list_objects(s3.Bucket(stack, "Docs"), key_prefix="public/")),
        "POST /clicks": RouteOptions(integration=Integration.kinesis_put_records(kinesis.Stream(stack, "Clicks"))),
    })
    zone = route53.HostedZone.from_hosted_zone_attributes(stack, "Zone", hosted_zone_id="Z0123456789ABC", zone_name="example.com")
    domain = GatewayDomain(stack, "Domain", domain_name="chat.example.com", hosted_zone=zone, ip_address_type=apigw.IpAddressType.DUAL_STACK)
    chat = GatewayWebSocketApi(stack, "Chat", ip_address_type=apigwv2.IpAddressType.DUAL_STACK,
                               connect=WebSocketConnectRouteOptions(integration=WebSocketIntegration.lambda_(new_function(stack, "Connect"))))
    assert domain.add_web_socket_mapping(chat.default_stage, base_path="live") == "wss://chat.example.com/live"

    template = Template.from_stack(stack)
    body = template.find_resources("AWS::ApiGateway::RestApi")[stack.get_logical_id(api.rest_api)]["Properties"]["Body"]
    chat_route = body["paths"]["/chat"]["post"]["x-amazon-apigateway-integration"]
    assert chat_route["responseTransferMode"] == "STREAM"
    assert chat_route["timeoutInMillis"] == 900000
    assert "response-streaming-invocations" in json.dumps(chat_route["uri"])
    assert body["paths"]["/docs"]["get"]["x-amazon-apigateway-integration"]["requestParameters"][
        "integration.request.querystring.list-type"] == "'2'"
    template.has_resource_properties("AWS::ApiGateway::RestApi", {"EndpointConfiguration": {"Types": ["REGIONAL"], "IpAddressType": "dualstack"}})
    template.resource_count_is("AWS::Route53::RecordSet", 2)

    with pytest.raises(Exception, match=r"no cache on a streamed route"):
        GatewayApi(cdk.Stack(new_app(), "Cached"), "Api", routes={
            "GET /chat": RouteOptions(integration=Integration.url("https://example.com", response_transfer_mode=apigw.ResponseTransferMode.STREAM),
                                      cache=RouteCacheOptions(enabled=True)),
        })


def test_a_private_integration_reaches_an_internal_load_balancer_through_the_apis_vpc_link():
    from aws_cdk import aws_ec2 as ec2
    from aws_cdk import aws_elasticloadbalancingv2 as elbv2
    stack = cdk.Stack(new_app(), "Private")
    vpc = ec2.Vpc(stack, "Vpc", max_azs=2, nat_gateways=0,
                  subnet_configuration=[ec2.SubnetConfiguration(name="app", subnet_type=ec2.SubnetType.PRIVATE_ISOLATED)])
    alb = elbv2.ApplicationLoadBalancer(stack, "Alb", vpc=vpc)
    api = GatewayApi(stack, "Api", routes={
        "GET /orders/{id}": RouteOptions(integration=Integration.application_load_balancer(alb, url="https://orders.internal.example.com/orders/{id}")),
    })
    template = Template.from_stack(stack)
    body = template.find_resources("AWS::ApiGateway::RestApi")[stack.get_logical_id(api.rest_api)]["Properties"]["Body"]
    integration = body["paths"]["/orders/{id}"]["get"]["x-amazon-apigateway-integration"]
    assert integration["connectionType"] == "VPC_LINK"
    assert integration["integrationTarget"] == {"Ref": stack.get_logical_id(alb.node.default_child)}
    template.resource_count_is("AWS::ApiGatewayV2::VpcLink", 1)
    template.has_resource_properties("AWS::EC2::SecurityGroupIngress", {"FromPort": 443, "ToPort": 443})


def test_routing_rules_a_private_domain_and_http_parameter_mapping():
    from aws_cdk import aws_apigateway as apigw
    from aws_cdk import aws_certificatemanager as acm
    from aws_cdk import aws_ec2 as ec2
    from aws_cdk import aws_route53 as route53
    from cdk_gateway_api import GatewayDomain, PrivateGatewayDomain
    stack = cdk.Stack(new_app(), "Domains", env=cdk.Environment(account="123456789012", region="eu-west-1"))
    zone = route53.HostedZone.from_hosted_zone_attributes(stack, "Zone", hosted_zone_id="Z0123456789ABC", zone_name="example.com")
    public_api = GatewayApi(stack, "Public", routes={"GET /x": RouteOptions(integration=Integration.mock())},
                            stages=[StageOptions(stage_name="prod"), StageOptions(stage_name="beta")])
    domain = GatewayDomain(stack, "Domain", domain_name="api.example.com", hosted_zone=zone)
    domain.add_mapping(public_api.default_stage, base_path="orders")
    domain.add_routing_rule(priority=10, stage=public_api.stages[1], headers={"X-Version": "beta"})
    with pytest.raises(Exception, match=r"a priority no other rule of the domain has"):
        domain.add_routing_rule(priority=10, stage=public_api.default_stage)

    vpc = ec2.Vpc(stack, "Vpc", nat_gateways=0, max_azs=1)
    endpoint = vpc.add_interface_endpoint("ExecuteApi", service=ec2.InterfaceVpcEndpointAwsService.APIGATEWAY)
    private_api = GatewayApi(stack, "Private", endpoint_type=apigw.EndpointType.PRIVATE, vpc_endpoints=[endpoint],
                             routes={"GET /x": RouteOptions(integration=Integration.mock())})
    internal = PrivateGatewayDomain(stack, "Internal", domain_name="orders.internal.example.com", vpc_endpoints=[endpoint],
                                    certificate=acm.Certificate.from_certificate_arn(stack, "Cert", "arn:aws:acm:eu-west-1:123456789012:certificate/abc"))
    internal.add_mapping(private_api.default_stage, base_path="v1")

    http = GatewayHttpApi(stack, "Http", routes={"GET /items": HttpRouteOptions(integration=HttpIntegration.url(
        "https://backend.example.com/items",
        request_parameters={"overwrite:header.X-Tenant": "$context.requestId"},
        response_parameters={"404": {"overwrite:statuscode": "204"}}))})

    template = Template.from_stack(stack)
    template.has_resource_properties("AWS::ApiGatewayV2::RoutingRule", {"Priority": 10})
    template.has_resource_properties("AWS::ApiGateway::DomainName", {"RoutingMode": "ROUTING_RULE_THEN_BASE_PATH_MAPPING"})
    template.has_resource_properties("AWS::ApiGateway::DomainNameV2", {"EndpointConfiguration": {"Types": ["PRIVATE"], "IpAddressType": "dualstack"}})
    template.resource_count_is("AWS::ApiGateway::DomainNameAccessAssociation", 1)
    template.has_resource_properties("AWS::ApiGateway::BasePathMappingV2", {"BasePath": "v1"})
    template.has_resource_properties("AWS::ApiGatewayV2::Integration", {
        "RequestParameters": {"overwrite:header.X-Tenant": "$context.requestId"},
        "ResponseParameters": {"404": {"ResponseParameters": [{"Destination": "overwrite:statuscode", "Source": "204"}]}},
    })


def test_a_canary_reached_by_header_gets_a_stage_and_a_routing_rule_of_the_domain():
    from aws_cdk import aws_route53 as route53
    from cdk_gateway_api import CanaryHeaderOptions, CustomDomainOptions, StageMappingOptions
    stack = cdk.Stack(new_app(), "HeaderCanary", env=cdk.Environment(account="123456789012", region="eu-west-1"))
    zone = route53.HostedZone.from_hosted_zone_attributes(stack, "Zone", hosted_zone_id="Z0123456789ABC", zone_name="example.com")
    GatewayApi(stack, "Api", routes={"GET /x": RouteOptions(integration=Integration.mock())},
               domain=CustomDomainOptions(domain_name="api.example.com", hosted_zone=zone,
                                          mappings=[StageMappingOptions(stage_name="prod", base_path="v1")]),
               stages=[StageOptions(stage_name="prod", release=Release.canary(
                   percent_traffic=0, header=CanaryHeaderOptions(name="X-Version", value="preview")))])
    template = Template.from_stack(stack)
    names = sorted(s["Properties"]["StageName"] for s in resources(template, "AWS::ApiGateway::Stage").values())
    assert names == ["prod", "prod-canary"]
    template.has_resource_properties("AWS::ApiGatewayV2::RoutingRule", {
        "Conditions": [{"MatchHeaders": {"AnyOf": [{"Header": "X-Version", "ValueGlob": "preview"}]}}, {"MatchBasePaths": {"AnyOf": ["v1"]}}],
    })


def test_a_local_gateway_runs_a_route_with_a_handler_written_in_python():
    import jsii
    from cdk_gateway_api import ILocalHandler, LocalGateway

    @jsii.implements(ILocalHandler)
    class Greeter:
        def handle(self, event):
            return {"statusCode": 200, "body": "hello " + event["pathParameters"]["name"]}

    stack = cdk.Stack(new_app(), "Local")
    fn = new_function(stack, "Greet")
    api = GatewayApi(stack, "Api", routes={
        "GET /greet/{name}": RouteOptions(integration=Integration.lambda_(fn), authorization=Authorization.none("A local test")),
    })
    gateway = LocalGateway.from_api(api, handlers={"Local/Greet": Greeter()})
    response = gateway.request("GET /greet/ann")
    assert (response.status_code, response.body) == (200, "hello ann")
    assert gateway.request("GET /nowhere").status_code == 403
