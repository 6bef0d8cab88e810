// Capability: HTTP backends, as a proxy (streamed too) and with mapping templates, parameters and a timeout.
import { Duration, Stack, StackProps, aws_apigateway as apigw } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { jsonString } from './vtl';
import { GatewayApi, Integration } from '../../src';

export class HttpBackendStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    new GatewayApi(this, 'FacadeApi', {
      description: 'A facade in front of HTTP backends',
      routes: {
        // Proxy: any method and path under /legacy goes to the legacy service unchanged;
        // {proxy} in the URL is filled from the route's greedy path parameter.
        'ANY /legacy/{proxy+}': {
          integration: Integration.url('https://legacy.example.com/{proxy}'),
        },
        // A streamed proxy: exports reach the caller as the backend writes them, past 10 MB and
        // for up to 5 minutes; never cached.
        'GET /exports/{name}': {
          integration: Integration.url('https://legacy.example.com/exports/{name}', {
            responseTransferMode: apigw.ResponseTransferMode.STREAM,
            timeout: Duration.minutes(5),
          }),
        },
        // Non-proxy: the request is reshaped for the payments backend, the answer for the client,
        // and the backend gets 5 seconds before API Gateway answers 504.
        'POST /payments': {
          integration: Integration.urlWithTemplates('https://payments.example.com/v2/charges', {
            timeout: Duration.seconds(5),
            requestParameters: {
              'integration.request.header.Idempotency-Key': 'method.request.header.Idempotency-Key',
              'integration.request.header.X-Request-Id': 'context.requestId',
              'integration.request.querystring.source': "'gateway-api-example'",
            },
            requestTemplates: {
              'application/json': '{"amount_cents": $input.json(\'$.amount\'), '
                + `"currency": "${jsonString("$input.path('$.currency')")}", `
                + '"caller_ip": "$context.identity.sourceIp"}',
            },
            integrationResponses: [
              {
                statusCode: '201',
                responseTemplates: {
                  'application/json': '{"paymentId": $input.json(\'$.charge_id\'), "status": $input.json(\'$.state\')}',
                },
                responseParameters: { 'method.response.header.Location': 'integration.response.header.Location' },
              },
              { statusCode: '402', selectionPattern: '402' },
              { statusCode: '502', selectionPattern: '5\\d{2}' },
            ],
          }),
          // Required: API Gateway answers 400 to a request without it.
          requestParameters: { 'method.request.header.Idempotency-Key': true },
        },
      },
      stages: [{
        // A stream's latency is its length: the stage alarms on errors, and the access log's
        // timeToFirstContent tells how soon exports start.
        alarms: { latencyP99: { enabled: false }, integrationLatencyP99: { enabled: false } },
      }],
    });
  }
}
