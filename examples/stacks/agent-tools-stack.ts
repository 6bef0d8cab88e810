// Capability: routes offered to AI agents as MCP tools. An AgentCore gateway (IAM inbound
// authorization) gets two routes of a catalogue API as tools, named by their operationIds and
// described by their summaries; the gateway's role may invoke those two routes and nothing else.
import { Stack, StackProps, aws_bedrockagentcore as agentcore } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { inlineFunction } from './inline-function';
import { Authorization, GatewayApi, Integration } from '../../src';

export class AgentToolsStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const catalogueFn = inlineFunction(this, 'CatalogueFunction', [
      'const products = { p1: { id: "p1", name: "Kettle", price: 39 }, p2: { id: "p2", name: "Teapot", price: 24 } };',
      'exports.handler = async (event) => {',
      '  const id = event.pathParameters?.productId;',
      '  const found = id === undefined ? Object.values(products) : products[id];',
      '  return { statusCode: found ? 200 : 404, headers: { "Content-Type": "application/json" },',
      '    body: JSON.stringify(found ?? { message: "no such product" }) };',
      '};',
    ]);
    const catalogue = Integration.lambda(catalogueFn);

    const api = new GatewayApi(this, 'CatalogueApi', {
      description: 'Products, read by people and by agents',
      routes: {
        'GET /products': { integration: catalogue, operationId: 'listProducts', summary: 'Lists every product with its price.' },
        'GET /products/{productId}': {
          integration: catalogue,
          operationId: 'getProduct',
          summary: 'One product by its id, or 404.',
          authorization: Authorization.none('The catalogue is public: product pages are read without signing in.'),
        },
        // Not offered to agents: no route is a tool unless addMcpTarget names it.
        'POST /products': { integration: catalogue, operationId: 'addProduct', summary: 'Adds a product.' },
      },
    });

    const gateway = new agentcore.Gateway(this, 'AgentGateway', {
      description: 'Tools for the shop assistant',
      authorizerConfiguration: agentcore.GatewayAuthorizer.usingAwsIam(),
    });
    api.addMcpTarget(gateway, {
      routes: ['GET /products', 'GET /products/{productId}'],
      description: 'Read the product catalogue',
    });
  }
}
