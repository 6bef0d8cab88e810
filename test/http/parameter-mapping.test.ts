import { aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2 } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { GatewayHttpApi, HttpIntegration, HttpIntegrationType, HttpParameterMappingOptions } from '../../src';
import { newStack } from '../util';

const BACKEND = 'https://backend.example.com/items';

function integrations(mapping: HttpParameterMappingOptions, more: HttpParameterMappingOptions[] = []): any[] {
  const stack = newStack();
  const routes: { [key: string]: { integration: HttpIntegration } } = { 'GET /items': { integration: HttpIntegration.url(BACKEND, mapping) } };
  more.forEach((m, i) => routes[`GET /more${i}`] = { integration: HttpIntegration.url(BACKEND, m) });
  new GatewayHttpApi(stack, 'Api', { routes });
  return Object.values(Template.fromStack(stack).findResources('AWS::ApiGatewayV2::Integration')).map((r: any) => r.Properties);
}

describe('HTTP API parameter mapping', () => {
  test('request changes and response changes by status code reach the integration resource', () => {
    const [integration] = integrations({
      requestParameters: {
        'overwrite:header.X-Tenant': '$context.authorizer.claims.tenant',
        'append:querystring.source': 'gateway',
        'remove:querystring.debug': "''",
        'overwrite:path': '/v2${request.path}',
      },
      responseParameters: {
        404: { 'overwrite:statuscode': '204' },
        200: { 'append:header.X-Served-By': '$context.requestId', 'remove:header.Server': "''" },
      },
    });
    expect(integration.RequestParameters).toEqual({
      'overwrite:header.X-Tenant': '$context.authorizer.claims.tenant',
      'append:querystring.source': 'gateway',
      'remove:querystring.debug': "''",
      'overwrite:path': '/v2${request.path}',
    });
    expect(integration.ResponseParameters).toEqual({
      404: { ResponseParameters: [{ Destination: 'overwrite:statuscode', Source: '204' }] },
      200: {
        ResponseParameters: [
          { Destination: 'append:header.X-Served-By', Source: '$context.requestId' },
          { Destination: 'remove:header.Server', Source: "''" },
        ],
      },
    });
  });

  test('routes to one backend with different mappings get one integration each; the same mapping shares one', () => {
    const a = { requestParameters: { 'overwrite:header.X-Version': 'a' } };
    expect(integrations(a, [a, { requestParameters: { 'overwrite:header.X-Version': 'b' } }, {}])).toHaveLength(3);
  });

  test('a private integration takes a mapping too', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    const listener = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc }).addListener('Http', { port: 80, open: false, defaultAction: elbv2.ListenerAction.fixedResponse(200) });
    new GatewayHttpApi(stack, 'Api', {
      routes: { 'ANY /orders/{proxy+}': { integration: HttpIntegration.albListener(listener, { requestParameters: { 'overwrite:path': '$request.path.proxy' } }) } },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Integration', { RequestParameters: { 'overwrite:path': '$request.path.proxy' } });
  });

  test('what API Gateway\'s mapping syntax refuses is refused at synth', () => {
    const cases: Array<[HttpParameterMappingOptions, RegExp]> = [
      [{ requestParameters: { 'set:header.X': 'a' } }, /requestParameters key: "set:header.X" is not allowed. Allowed: append:, overwrite: or remove: with header.NAME or querystring.NAME, or overwrite:path/],
      [{ requestParameters: { 'append:path': 'a' } }, /"append:path" is not allowed/],
      [{ requestParameters: { 'overwrite:header.Authorization': 'a' } }, /a header API Gateway lets mappings change \(not authorization\)/],
      [{ requestParameters: { 'overwrite:header.x-amz-date': 'a' } }, /not x-amz-\*/],
      [{ requestParameters: { 'overwrite:header.X-Tenant': '$response.header.x' } }, /requestParameters\['overwrite:header.X-Tenant'\]: "\$response.header.x" is not allowed. Allowed: text and \$request.header.NAME/],
      [{ requestParameters: { 'overwrite:header.X-Tenant': '$request.cookie.session' } }, /Allowed: text and \$request/],
      [{ responseParameters: { 100: { 'overwrite:statuscode': '200' } } }, /responseParameters: "100" is not allowed. Allowed: status codes from 200 to 599 as keys/],
      [{ responseParameters: { 404: { 'overwrite:statuscode': '99' } } }, /\['overwrite:statuscode'\]: "99" is not allowed. Allowed: a status code from 200 to 599/],
      [{ responseParameters: { 404: { 'overwrite:querystring.a': 'b' } } }, /append:, overwrite: or remove: with header.NAME, or overwrite:statuscode/],
      [{ responseParameters: { 200: { 'append:header.X': '$request.header.y' } } }, /Allowed: text and \$response.header.NAME/],
    ];
    for (const [mapping, error] of cases) expect(() => integrations(mapping)).toThrow(error);
  });

  test('an integration of your own is held to the same syntax; an AWS service action\'s parameters are its own', () => {
    class Custom extends HttpIntegration {
      constructor(private readonly parameters: { [k: string]: string }, private readonly subtype?: string) {
        super();
      }
      public bind() {
        return this.subtype
          ? { type: HttpIntegrationType.AWS_PROXY, subtype: this.subtype, requestParameters: this.parameters, payloadFormatVersion: '1.0' }
          : { type: HttpIntegrationType.HTTP_PROXY, uri: BACKEND, method: 'GET', requestParameters: this.parameters };
      }
    }
    expect(() => new GatewayHttpApi(newStack(), 'Api', { routes: { 'GET /a': { integration: new Custom({ 'header.X': 'a' }) } } }))
      .toThrow(/routes\['GET \/a'\]\.integration\.bind\(\)\.requestParameters key: "header.X" is not allowed/);
    new GatewayHttpApi(newStack(), 'Api', { routes: { 'GET /a': { integration: new Custom({ QueueUrl: 'https://sqs', MessageBody: '$request.body' }, 'SQS-SendMessage') } } });
  });
});
