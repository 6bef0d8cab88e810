"""README's Python examples run: each ```python block is executed in a stack of its own, with the
names examples assume (functions, routes) defined, and the stack must synthesize."""
import pathlib
import re

import aws_cdk as cdk
import cdk_gateway_api
import pytest
from aws_cdk import aws_lambda as lambda_

README = pathlib.Path(__file__).resolve().parents[2] / "README.md"
BLOCKS = re.findall(r"^```python\n(.*?)^```", README.read_text(), flags=re.MULTILINE | re.DOTALL)


def fixture_names(stack):
    """What the examples refer to without defining it: the library, backends and routes."""
    def function(id):
        return lambda_.Function(stack, id, runtime=lambda_.Runtime.NODEJS_22_X, handler="index.handler",
                                code=lambda_.Code.from_inline("exports.handler = async () => ({ statusCode: 200 });"))
    names = {name: getattr(cdk_gateway_api, name) for name in cdk_gateway_api.__all__}
    names.update(
        self=stack,
        list_pets=function("ListPets"),
        get_pet=function("GetPet"),
        routes={"GET /pets": cdk_gateway_api.RouteOptions(integration=cdk_gateway_api.Integration.mock())},
    )
    return names


def test_readme_has_python_examples():
    assert len(BLOCKS) >= 2


@pytest.mark.parametrize("block", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_readme_python_example_synthesizes(block):
    app = cdk.App(context={"@aws-cdk/core:validateAgainstDefaultRules": False})
    stack = cdk.Stack(app, "Readme")
    exec(compile(block, str(README), "exec"), fixture_names(stack))
    assert stack.node.children, "the example made nothing"
    app.synth()
