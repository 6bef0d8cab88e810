import { aws_kinesisfirehose as firehose, aws_s3 as s3 } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AccessLogFormats, GatewayApi, GatewayHttpApi, HttpIntegration, Integration } from '../../src';
import { newFunction, newStack, synthApi } from '../util';

const routes = { 'GET /x': { integration: Integration.mock() } };

function deliveryStream(scope: any, name: string): firehose.DeliveryStream {
  return new firehose.DeliveryStream(scope, name, {
    deliveryStreamName: name,
    destination: new firehose.S3Bucket(new s3.Bucket(scope, `${name}Bucket`)),
  });
}

describe('access logs', () => {
  test('presets: the library JSON with fields of your own, per protocol, and the Common Log Format', () => {
    const rest = JSON.parse(AccessLogFormats.restJson({ tenant: '$context.authorizer.tenant' }).toString());
    expect(rest).toMatchObject({ requestId: '$context.requestId', xrayTraceId: '$context.xrayTraceId', tenant: '$context.authorizer.tenant' });
    expect(JSON.parse(AccessLogFormats.httpJson().toString())).toMatchObject({ routeKey: '$context.routeKey', path: '$context.path' });
    expect(JSON.parse(AccessLogFormats.webSocketJson().toString())).toMatchObject({ connectionId: '$context.connectionId', eventType: '$context.eventType' });
    expect(AccessLogFormats.commonLogFormat().toString()).toMatch(/^\$context\.identity\.sourceIp/);
    expect(() => AccessLogFormats.restJson({ tenant: 'acme' })).toThrow(/field tenant = "acme" is not allowed\. Allowed: a \$context variable/);
    expect(() => AccessLogFormats.restJson({ 'bad name': '$context.path' })).toThrow(/field name "bad name" is not allowed/);

    const { template } = synthApi(() => ({ routes, stages: [{ accessLogFormat: AccessLogFormats.restJson({ tenant: '$context.authorizer.tenant' }) }] }));
    const stage = Object.values(template.findResources('AWS::ApiGateway::Stage'))[0];
    expect(JSON.parse(stage.Properties.AccessLogSetting.Format).tenant).toBe('$context.authorizer.tenant');
  });

  test('a REST stage can log to a Firehose stream named amazon-apigateway-*, with no log group of its own', () => {
    const { template, api, stack } = synthApi(s => ({ routes, stages: [{ accessLogDeliveryStream: deliveryStream(s, 'amazon-apigateway-pets') }] }));
    const stage = Object.values(template.findResources('AWS::ApiGateway::Stage'))[0];
    const streamId = stack.getLogicalId(stack.node.findChild('amazon-apigateway-pets').node.defaultChild as any);
    expect(stage.Properties.AccessLogSetting.DestinationArn).toEqual({ 'Fn::GetAtt': [streamId, 'Arn'] });
    expect(api.defaultStage.accessLogGroup).toBeUndefined();
    expect(Object.keys(template.findResources('AWS::Logs::LogGroup')).filter(id => id.includes('AccessLogs'))).toEqual([]);
  });

  test('a stream API Gateway would refuse, or two destinations, are refused at synth', () => {
    const stack = newStack();
    expect(() => new GatewayApi(stack, 'A', { routes, stages: [{ accessLogDeliveryStream: deliveryStream(stack, 'pets-logs') }] }))
      .toThrow(/\[Test\/A\/Stage\.prod\] stages\[0\]\.accessLogDeliveryStream: "pets-logs" is not allowed\. Allowed: a delivery stream whose name starts with "amazon-apigateway-"/);
    const stream = deliveryStream(stack, 'amazon-apigateway-x');
    expect(() => new GatewayApi(stack, 'B', { routes, stages: [{ accessLogDeliveryStream: stream, accessLogging: false }] }))
      .toThrow(/accessLogDeliveryStream: .* Allowed: no delivery stream when accessLogging is false/);
  });

  test('HTTP stages log to their own log group in the HTTP JSON preset', () => {
    const stack = newStack();
    new GatewayHttpApi(stack, 'Http', { routes: { 'GET /x': { integration: HttpIntegration.lambda(newFunction(stack)) } } });
    const stage = Object.values(Template.fromStack(stack).findResources('AWS::ApiGatewayV2::Stage'))[0];
    expect(stage.Properties.AccessLogSettings.Format).toBe(AccessLogFormats.httpJson().toString());
  });
});
