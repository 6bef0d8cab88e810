"""Lambda-backed CloudFormation custom resources for LocalStack's community CloudFormation engine,
which has no provider for them (it would skip the resource and report success).

As in AWS, the provider invokes the function named by ServiceToken with a Create, Update or
Delete request and waits for the response the function sends to ResponseURL. Here ResponseURL
is an object in the emulator's S3 (over HTTPS, as CloudFormation's pre-signed URLs are), read
back once the synchronous invocation returns. Status FAILED fails the resource with the
function's Reason; Data becomes the resource's attributes (Fn::GetAtt).
"""
from __future__ import annotations

import json
import uuid

from localstack import config
from localstack.services.cloudformation.resource_provider import (
    OperationStatus,
    ProgressEvent,
    ResourceProvider,
    ResourceRequest,
)

RESPONSE_BUCKET = "gateway-api-emulator-custom-resource-responses"
# The physical id each custom resource was given, by stack and logical id: CloudFormation sends it
# with Update and Delete, and LocalStack's engine does not hand it back to the provider.
PHYSICAL_IDS: dict[tuple[str, str], str] = {}


class LambdaBackedCustomResourceProvider(ResourceProvider[dict]):
    TYPE = "AWS::CloudFormation::CustomResource"
    SCHEMA = {
        "typeName": TYPE,
        "primaryIdentifier": ["/properties/PhysicalResourceId"],
        "properties": {"ServiceToken": {"type": "string"}},
        "required": ["ServiceToken"],
    }

    def create(self, request: ResourceRequest[dict]) -> ProgressEvent[dict]:
        return self._send(request, "Create")

    def update(self, request: ResourceRequest[dict]) -> ProgressEvent[dict]:
        return self._send(request, "Update")

    def delete(self, request: ResourceRequest[dict]) -> ProgressEvent[dict]:
        return self._send(request, "Delete")

    def read(self, request: ResourceRequest[dict]) -> ProgressEvent[dict]:
        raise NotImplementedError

    def _send(self, request: ResourceRequest[dict], request_type: str) -> ProgressEvent[dict]:
        properties = {key: value for key, value in request.desired_state.items() if key != "PhysicalResourceId"}
        service_token = properties.get("ServiceToken", "")
        if ":lambda:" not in service_token:
            return failed(f"ServiceToken {service_token!r} is not a Lambda function (SNS-backed custom resources are not emulated)")

        key = (request.stack_name, request.logical_resource_id)
        request_id = str(uuid.uuid4())
        s3 = request.aws_client_factory.s3
        s3.create_bucket(Bucket=RESPONSE_BUCKET)
        event = {
            "RequestType": request_type,
            "ServiceToken": service_token,
            "ResponseURL": f"https://127.0.0.1:{config.GATEWAY_LISTEN[0].port}/{RESPONSE_BUCKET}/{request_id}",
            "StackId": request.stack_id,
            "RequestId": request_id,
            "ResourceType": request.resource_type,
            "LogicalResourceId": request.logical_resource_id,
            "ResourceProperties": properties,
        }
        if request_type != "Create":
            event["PhysicalResourceId"] = PHYSICAL_IDS.get(key, request.logical_resource_id)
        if request_type == "Update":
            event["OldResourceProperties"] = request.previous_state or {}

        invocation = request.aws_client_factory.lambda_.invoke(
            FunctionName=service_token, Payload=json.dumps(event).encode()
        )
        if invocation.get("FunctionError"):
            return failed(f"The custom resource's function failed: {invocation['Payload'].read().decode()}")
        try:
            answer = json.loads(s3.get_object(Bucket=RESPONSE_BUCKET, Key=request_id)["Body"].read())
        except s3.exceptions.NoSuchKey:
            return failed("The custom resource's function returned without sending a response to ResponseURL")

        if answer.get("Status") != "SUCCESS":
            return failed(f"Received response status [FAILED] from custom resource. Message returned: {answer.get('Reason')}")
        if request_type == "Delete":
            PHYSICAL_IDS.pop(key, None)
            return ProgressEvent(status=OperationStatus.SUCCESS, resource_model={})
        physical_id = answer.get("PhysicalResourceId") or event.get("PhysicalResourceId") or request_id
        PHYSICAL_IDS[key] = physical_id
        model = {**properties, **(answer.get("Data") or {}), "PhysicalResourceId": physical_id}
        return ProgressEvent(status=OperationStatus.SUCCESS, resource_model=model)


def failed(message: str) -> ProgressEvent[dict]:
    return ProgressEvent(status=OperationStatus.FAILED, resource_model={}, message=message)
