"""Entry points LocalStack discovers (see pyproject.toml); each loads its implementation lazily,
as LocalStack's own plugins do, so discovery imports nothing heavy."""
from localstack.services.cloudformation.resource_provider import CloudFormationResourceProviderPlugin
from localstack.services.lambda_.invocation.plugins import RuntimeExecutorPlugin


class HostRuntimeExecutorPlugin(RuntimeExecutorPlugin):
    name = "host"

    def load(self, *args, **kwargs):
        from gateway_api_emulator.host_executor import HostRuntimeExecutor

        return HostRuntimeExecutor


class CustomResourceProviderPlugin(CloudFormationResourceProviderPlugin):
    name = "AWS::CloudFormation::CustomResource"

    def __init__(self):
        self.factory = None

    def load(self):
        from gateway_api_emulator.custom_resource import LambdaBackedCustomResourceProvider

        self.factory = LambdaBackedCustomResourceProvider
