"""Deploys a cloud assembly's stacks to the emulator, as `cdk deploy` would to an account:
publishes each stack's file assets to the bootstrap bucket, then creates (or updates) the stack
through CloudFormation and waits for it.

Resources of services the emulator cannot run are taken out of the template first, and said so:
a `Ref` to one becomes its logical id and a `Fn::GetAtt` a placeholder of the same shape, so the
rest of the stack deploys and its routes that need the missing service are skipped, not failed.

    python deploy.py <cloud assembly dir> <out.json> [stack ...]

writes, per stack, its outputs, its resources' physical ids and what was taken out.
"""
from __future__ import annotations

import io
import json
import os
import re
import sys
import time
import zipfile
from pathlib import Path

import boto3
from botocore.config import Config

ENDPOINT = f"http://127.0.0.1:{os.environ.get('EMULATOR_PORT', '4566')}"
ACCOUNT, REGION = "000000000000", "us-east-1"

# Resource type prefixes the emulator cannot run, and why (what the suite reports).
UNAVAILABLE = {
    "AWS::DynamoDB::": "DynamoDB needs DynamoDB Local, which LocalStack downloads from outside the package registries",
    "AWS::ApiGatewayV2::": "LocalStack's community edition has no API Gateway v2 (HTTP and WebSocket APIs answer 501)",
    "AWS::EC2::": "LocalStack's community edition is not started with EC2 here (VPCs, endpoints and links are not emulated)",
    "AWS::ServiceDiscovery::": "Cloud Map is not in LocalStack's community edition",
    "AWS::WAFv2::": "WAF is not in LocalStack's community edition",
    "AWS::Cognito::": "Cognito is not in LocalStack's community edition",
    "AWS::Route53::": "the example's hosted zones are imported by id and do not exist in the emulator's account",
    "AWS::KinesisFirehose::": "Firehose is not started here",
    "AWS::BedrockAgentCore::": "Bedrock AgentCore is not in LocalStack's community edition",
    "AWS::CloudFront::": "CloudFront is not in LocalStack's community edition",
    # Its one writer is an HTTP API route (POST /clicks), which the emulator cannot call anyway.
    "AWS::Kinesis::": "Kinesis is not started here (LocalStack would install kinesis-mock at start for the HTTP API's stream only)",
}


def client(service: str):
    return boto3.client(
        service, endpoint_url=ENDPOINT, region_name=REGION,
        aws_access_key_id="test", aws_secret_access_key="test",
        config=Config(retries={"max_attempts": 2}, read_timeout=900),
    )


def stacks_of(assembly: Path) -> dict[str, dict]:
    manifest = json.loads((assembly / "manifest.json").read_text())
    return {name: artifact for name, artifact in manifest["artifacts"].items()
            if artifact["type"] == "aws:cloudformation:stack"}


def publish_assets(assembly: Path, assets_file: str) -> None:
    s3 = client("s3")
    assets = json.loads((assembly / assets_file).read_text())
    for asset in assets.get("files", {}).values():
        source = assembly / asset["source"]["path"]
        if asset["source"].get("packaging") == "zip":
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for file in sorted(source.rglob("*")):
                    archive.write(file, file.relative_to(source))
            body = buffer.getvalue()
        else:
            body = source.read_bytes()
        for destination in asset["destinations"].values():
            bucket = substitute(destination["bucketName"])
            s3.create_bucket(Bucket=bucket)
            s3.put_object(Bucket=bucket, Key=substitute(destination["objectKey"]), Body=body)


def substitute(text: str) -> str:
    return text.replace("${AWS::AccountId}", ACCOUNT).replace("${AWS::Region}", REGION).replace("${AWS::Partition}", "aws")


def without_unavailable(template: dict) -> tuple[dict, dict[str, str]]:
    """The template less the resources of unavailable services, and {logical id: why} for those."""
    removed = {}
    for logical_id, resource in template["Resources"].items():
        for prefix, why in UNAVAILABLE.items():
            if resource["Type"].startswith(prefix):
                removed[logical_id] = f"{resource['Type']}: {why}"
    if not removed:
        return template, removed

    def placeholder(node):
        if isinstance(node, list):
            return [placeholder(item) for item in node]
        if not isinstance(node, dict):
            return node
        if set(node) == {"Ref"} and node["Ref"] in removed:
            return node["Ref"]
        if set(node) == {"Fn::GetAtt"}:
            target = node["Fn::GetAtt"]
            logical_id, attribute = target if isinstance(target, list) else target.split(".", 1)
            if logical_id in removed:
                return f"arn:aws:emulator:{REGION}:{ACCOUNT}:{logical_id}/{attribute}"
        if set(node) == {"Fn::Sub"}:
            return {"Fn::Sub": substituted(node["Fn::Sub"], removed)}
        if "DependsOn" in node:
            depends = node["DependsOn"] if isinstance(node["DependsOn"], list) else [node["DependsOn"]]
            node = {**node, "DependsOn": [d for d in depends if d not in removed]}
        return {key: placeholder(value) for key, value in node.items()}

    resources = {k: v for k, v in template["Resources"].items() if k not in removed}
    kept = placeholder({**template, "Resources": resources})
    # Outputs of removed resources would only carry placeholders.
    kept["Outputs"] = {k: v for k, v in kept.get("Outputs", {}).items() if not mentions(v, removed)}
    return kept, removed


def substituted(sub, removed):
    """A Fn::Sub whose ${X} and ${X.Attr} of removed resources are written out as placeholders."""
    text, variables = (sub, None) if isinstance(sub, str) else sub

    def replace(match):
        logical_id, _, attribute = match.group(1).partition(".")
        if logical_id not in removed:
            return match.group(0)
        return f"arn:aws:emulator:{REGION}:{ACCOUNT}:{logical_id}/{attribute}" if attribute else logical_id

    text = re.sub(r"\$\{([A-Za-z0-9.]+)\}", replace, text)
    return text if variables is None else [text, variables]


def mentions(node, names) -> bool:
    text = json.dumps(node)
    return any(f'"{name}"' in text or f'"{name}/' in text or f':{name}/' in text for name in names)


def deploy(assembly: Path, name: str, artifact: dict, rewrites: dict[str, str] | None = None) -> dict:
    """Deploys one stack; `rewrites` replaces text in its template (for example a backend's origin)."""
    cfn = client("cloudformation")
    properties = artifact["properties"]
    for dependency in artifact.get("dependencies", []):
        if dependency.endswith(".assets"):
            publish_assets(assembly, f"{dependency[:-len('.assets')]}.assets.json")
    template, removed = without_unavailable(json.loads((assembly / properties["templateFile"]).read_text()))
    body = json.dumps(template)
    for old, new in (rewrites or {}).items():
        body = body.replace(old, new)
    # Templates over CloudFormation's 51,200-byte inline limit go through S3, as the CDK CLI does.
    s3 = client("s3")
    s3.create_bucket(Bucket="emulator-templates")
    s3.put_object(Bucket="emulator-templates", Key=f"{name}.json", Body=body.encode())
    source = {"TemplateURL": f"{ENDPOINT}/emulator-templates/{name}.json"}
    capabilities = ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"]
    started = time.time()
    try:
        cfn.describe_stacks(StackName=name)
        exists = True
    except cfn.exceptions.ClientError:
        exists = False
    operation = "UPDATE" if exists else "CREATE"
    if exists:
        try:
            cfn.update_stack(StackName=name, Capabilities=capabilities, **source)
        except cfn.exceptions.ClientError as error:
            if "No updates are to be performed" not in str(error):
                raise
            operation = ""
    else:
        cfn.create_stack(StackName=name, Capabilities=capabilities, **source)
    stack = wait(cfn, name, started, operation)
    resources = cfn.describe_stack_resources(StackName=name)["StackResources"]
    return {
        "status": stack["StackStatus"],
        "seconds": round(time.time() - started, 1),
        "outputs": {o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs", [])},
        "resources": {r["LogicalResourceId"]: {"type": r["ResourceType"], "id": r.get("PhysicalResourceId")} for r in resources},
        "removed": removed,
    }


def wait(cfn, name: str, since: float, operation: str) -> dict:
    """The stack once its operation ends; raises with each failed resource's reason unless all succeeded.

    LocalStack can report CREATE_COMPLETE after a rollback, so the events since the operation began
    decide, not the final status alone."""
    while True:
        stack = cfn.describe_stacks(StackName=name)["Stacks"][0]
        status = stack["StackStatus"]
        if status.startswith(operation) and (status.endswith("_COMPLETE") or status.endswith("_FAILED")):
            break
        time.sleep(0.3)
    events = [e for e in cfn.describe_stack_events(StackName=name)["StackEvents"] if e["Timestamp"].timestamp() >= since - 1]
    failures = [f"{e['LogicalResourceId']} ({e['ResourceType']}): {e.get('ResourceStatusReason')}"
                for e in events if e["ResourceStatus"].endswith("_FAILED") and e["ResourceType"] != "AWS::CloudFormation::Stack"]
    if failures or status not in ("CREATE_COMPLETE", "UPDATE_COMPLETE"):
        raise RuntimeError(f"{name} ended {status}:\n  " + "\n  ".join(failures))
    return stack


def ensure_bootstrap_version() -> None:
    """CDK templates check the bootstrap version that `cdk bootstrap` leaves in SSM."""
    client("ssm").put_parameter(Name="/cdk-bootstrap/hnb659fds/version", Value="30", Type="String", Overwrite=True)


def deploy_all(assembly: Path, names: list[str], rewrites: dict[str, str] | None = None) -> tuple[dict, list[str]]:
    """Deploys the named stacks (all of the assembly's when none are named), saying for each what
    was taken out and why; a stack that fails is reported and the others still deploy.
    Returns the results by stack and the names of those that failed."""
    ensure_bootstrap_version()
    stacks = stacks_of(assembly)
    results, failed = {}, []
    for name in names or stacks:
        try:
            results[name] = deploy(assembly, name, stacks[name], rewrites)
        except Exception as error:
            print(f"FAILED to deploy {name}: {error}", flush=True)
            failed.append(name)
            continue
        removed = results[name]["removed"]
        print(f"deployed {name} in {results[name]['seconds']} s"
              + (f", without {len(removed)} resources the emulator cannot run:" if removed else ""), flush=True)
        for why in sorted(set(removed.values())):
            print(f"    {why}")
    return results, failed


def main(argv: list[str]) -> None:
    assembly, out, names = Path(argv[0]), Path(argv[1]), argv[2:]
    results, failed = deploy_all(assembly, names)
    out.write_text(json.dumps(results, indent=2))
    if failed:
        sys.exit(f"{len(failed)} stacks failed to deploy: {', '.join(failed)}")


if __name__ == "__main__":
    main(sys.argv[1:])
