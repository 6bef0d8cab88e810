// Shows: a definition too large for a CloudFormation template (here made to look large by a
// low limit) moves to an S3 asset that a custom resource imports into the API.
import { Size, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { inlineFunction } from './inline-function';
import { GatewayApi, Integration } from '../../src';

export class LargeDefinitionStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const handler = inlineFunction(this, 'Catalog', ['exports.handler = async (e) => ({ statusCode: 200, body: e.path });']);
    const api = new GatewayApi(this, 'CatalogApi', {
      // The default, 700 KiB, is reached near 1,200 Lambda routes; 32 KiB shows the mechanism with 200.
      maxInlineDefinitionSize: Size.kibibytes(32),
    });
    const integration = Integration.lambda(handler);
    for (let i = 0; i < 200; i++) {
      api.addRoute(`GET /catalog/section${i}/{itemId}`, { integration });
    }
  }
}
