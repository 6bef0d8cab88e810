import { GatewayError } from './gateway-responses';
import { fillPath, integrationParameters } from './http-integrations';
import { IntegrationResult, TemplateScope } from './mapping';
import { ParsedRequest, header } from './request-context';
import { sha256, signRequest } from '../aws/sigv4';
import { InputParameters } from '../vtl/builtins';

/** A request API Gateway makes of an AWS service for an AWS integration, after its mapping template. */
export interface AwsServiceRequest {
  /** The service of the integration's URI, e.g. `sqs`, `dynamodb`, `s3`. */
  readonly service: string;
  /** The action, for an `action/NAME` URI. */
  readonly action?: string;
  readonly region: string;
  readonly method: string;
  /** The path, for a `path/...` URI (`/` for an action). */
  readonly path: string;
  readonly query: { readonly [name: string]: string };
  readonly headers: { readonly [name: string]: string };
  readonly body: string;
}

/** What a service answered: its status, headers and body. */
export interface AwsServiceAnswer {
  readonly statusCode: number;
  readonly headers: { readonly [name: string]: string };
  readonly body: string;
}

/** Where AWS integrations go: an endpoint that serves every service (an emulator) with credentials, or a test's stand-in. */
export interface AwsServices {
  readonly endpoint?: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly standIn?: (request: AwsServiceRequest) => Promise<AwsServiceAnswer>;
}

/** JSON-protocol services: the `X-Amz-Target` prefix and content type API Gateway sends an action with. */
const JSON_PROTOCOL: { readonly [service: string]: readonly [string, string] } = {
  dynamodb: ['DynamoDB_20120810', '1.0'],
  states: ['AWSStepFunctions', '1.0'],
  kinesis: ['Kinesis_20131202', '1.1'],
  firehose: ['Firehose_20150804', '1.1'],
  events: ['AWSEvents', '1.1'],
  logs: ['Logs_20140328', '1.1'],
  ssm: ['AmazonSSM', '1.1'],
  secretsmanager: ['secretsmanager', '1.1'],
};

/**
 * An AWS integration (`arn:aws:apigateway:REGION:SERVICE:action/NAME` or `:path/PATH`): the
 * mapped body, the URI's path with its placeholders filled, and the integration's request
 * parameters make the service request, which goes to the configured endpoint (signed with
 * Signature Version 4 for the service) or to the test's stand-in; the service's answer is the
 * integration response, selected by its status code.
 */
export async function awsIntegration(
  integration: { readonly [key: string]: any }, request: ParsedRequest, params: InputParameters, scope: TemplateScope, mapped: string,
  services: AwsServices, route: string,
): Promise<IntegrationResult | GatewayError> {
  const uri = /^arn:[^:]+:apigateway:([^:]*):(?:[^.:]+\.)?([^:]+):(action|path)\/(.*)$/.exec(String(integration.uri));
  if (!uri) throw new Error(`LocalGateway: ${route} has an AWS integration whose URI the local gateway cannot read: ${integration.uri}`);
  const [, region, service, kind, rest] = uri;
  const contentType = header(request.headers, 'Content-Type') ?? 'application/json';
  const parameters = integrationParameters(integration, params, scope, { headers: { 'Content-Type': contentType }, query: {} });
  const [actionName, ...actionParameters] = rest.split('&');
  const action = kind === 'action' ? actionName : undefined;
  // `action/GetObject&Bucket={bucket}`: the URI's own parameters join the query string, placeholders filled.
  const uriQuery = Object.fromEntries(kind === 'action' ? actionParameters.map(p => p.split('=')).map(([k, v = '']) => [k, fillPath(v, parameters.path)]) : []);
  // API Gateway asks services for JSON (query-protocol services such as SQS and SNS answer XML otherwise).
  const headers: { [name: string]: string } = { Accept: 'application/json', ...parameters.header };
  const method = String(integration.httpMethod ?? 'POST').toUpperCase();
  const json = action !== undefined && JSON_PROTOCOL[service] !== undefined;
  const answer = await awsServiceCall({
    service,
    action,
    region,
    method,
    path: kind === 'path' ? fillPath(`/${rest}`, parameters.path) : '/',
    // A query-protocol action (SQS, SNS) names itself in the query string; a JSON one in its target.
    query: action !== undefined && !json ? { Action: action, ...uriQuery, ...parameters.querystring } : { ...uriQuery, ...parameters.querystring },
    headers,
    body: ['GET', 'HEAD', 'DELETE'].includes(method) ? '' : mapped,
  }, services, integration.timeoutInMillis, route);
  return 'type' in answer ? answer : answerOf(answer);
}

/**
 * A service request sent where AWS integrations go: a JSON-protocol action gets the target and
 * content type API Gateway sends it with; the test's stand-in answers it, or the endpoint
 * (signed for the service).
 */
export async function awsServiceCall(
  request: AwsServiceRequest, services: AwsServices, timeoutInMillis: unknown, route: string,
): Promise<AwsServiceAnswer | GatewayError> {
  const json = request.action === undefined ? undefined : JSON_PROTOCOL[request.service];
  const headers = { ...request.headers };
  if (json && header(headers, 'X-Amz-Target') === undefined) headers['X-Amz-Target'] = `${json[0]}.${request.action}`;
  if (json && !/^application\/x-amz-json/.test(header(headers, 'Content-Type') ?? '')) {
    const existing = Object.keys(headers).find(h => h.toLowerCase() === 'content-type');
    if (existing !== undefined) delete headers[existing];
    headers['Content-Type'] = `application/x-amz-json-${json[1]}`;
  }
  const serviceRequest = { ...request, headers };
  if (services.standIn) return services.standIn(serviceRequest);
  if (!services.endpoint) {
    throw new Error(`LocalGateway: ${route} calls ${request.service}${request.action ? ` ${request.action}` : ''} (an AWS integration); give the local gateway `
      + 'awsEndpoint (an emulator serving AWS APIs) or awsServices (a stand-in of the test\'s)');
  }
  return send(serviceRequest, services.endpoint, services.credentials, timeoutInMillis);
}

function answerOf(answer: AwsServiceAnswer): IntegrationResult {
  return { statusCode: answer.statusCode, headers: answer.headers, body: answer.body, selector: String(answer.statusCode) };
}

async function send(
  request: AwsServiceRequest, endpoint: string, credentials: AwsServices['credentials'], timeoutInMillis: unknown,
): Promise<AwsServiceAnswer | GatewayError> {
  const base = new URL(endpoint);
  const search = new URLSearchParams(request.query).toString();
  const url = `${base.origin}${request.path}${search ? `?${search}` : ''}`;
  const headers = { ...request.headers, 'Host': base.host, 'x-amz-content-sha256': sha256(request.body) };
  const signed = signRequest({ method: request.method, path: request.path, query: request.query, headers, body: request.body },
    credentials, request.service, request.region, new Date());
  delete (signed as { [name: string]: string }).Host;
  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method,
      headers: signed,
      body: request.body === '' ? undefined : request.body,
      signal: AbortSignal.timeout(Number(timeoutInMillis ?? 29_000)),
    });
  } catch (e) {
    if ((e as Error).name === 'TimeoutError') return { type: 'INTEGRATION_TIMEOUT', message: 'Endpoint request timed out' };
    return { type: 'INTEGRATION_FAILURE', message: 'Internal server error', statusCode: 500 };
  }
  const answerHeaders: { [name: string]: string } = {};
  response.headers.forEach((value, name) => { answerHeaders[name] = value; });
  return { statusCode: response.status, headers: answerHeaders, body: await response.text() };
}
