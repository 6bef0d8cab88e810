import { AwsServices, awsServiceCall } from './aws-integrations';
import { HttpRequestScope, httpProxyEvent, httpProxyResponse, httpRequestContext, isTextual } from './http-api-events';
import { mappedValue } from './http-api-mapping';
import { HOP_HEADERS, Origins, fillPath, send } from './http-integrations';
import { LocalFunctions, invokeWithin } from './lambda-functions';
import { proxyEvent, proxyResponse } from './lambda-proxy';
import { ParsedRequest, header } from './request-context';
import { LOCAL_REGION, lambdaLogicalIdOf } from '../template/intrinsics';
import { fromJson } from '../vtl/java-values';

/** What an HTTP API integration answered: the response, or API Gateway's own refusal (status and message). */
export type HttpAnswer =
  | { readonly statusCode: number; readonly headers: { [name: string]: string }; readonly body: string; readonly base64?: boolean }
  | { readonly refusal: { readonly statusCode: number; readonly message: string } };

const INTERNAL_ERROR = { refusal: { statusCode: 500, message: 'Internal Server Error' } };

/** What HTTP API integrations reach: functions, HTTP origins, a private integration's stand-in server, AWS services. */
export interface HttpBackends {
  readonly functions: LocalFunctions;
  readonly origins: Origins;
  /** The test's server for a private integration's target (a Cloud Map service's or a load balancer listener's ARN). */
  readonly privateOrigin: (targetArn: string) => string | undefined;
  readonly aws: AwsServices;
}

/** The integrations of HTTP APIs: Lambda proxies (payload 2.0 or 1.0), HTTP proxies with their parameter mapping, AWS service subtypes. */
export async function httpApiIntegration(
  integration: { readonly [key: string]: any }, request: ParsedRequest, scope: HttpRequestScope, backends: HttpBackends,
): Promise<HttpAnswer> {
  const type = String(integration.IntegrationType).toUpperCase();
  if (integration.ConnectionType === 'VPC_LINK') {
    const origin = backends.privateOrigin(String(integration.IntegrationUri));
    if (origin === undefined) {
      throw new Error(`LocalGateway: ${scope.routeKey} is a private integration through a VPC link to ${integration.IntegrationUri}; `
        + 'give httpOrigins an entry for it (by the target\'s construct path or logical id) to send it to a server of the test\'s');
    }
    return httpProxy({ ...integration, IntegrationUri: `${origin}${request.path}` }, request, scope, {});
  }
  if (type === 'AWS_PROXY' && integration.IntegrationSubtype !== undefined) return awsSubtype(integration, request, scope, backends.aws);
  if (type === 'AWS_PROXY') return lambda(integration, request, scope, backends.functions);
  if (type === 'HTTP_PROXY') return httpProxy(integration, request, scope, backends.origins);
  throw new Error(`LocalGateway: ${scope.routeKey} has a ${type} integration, which HTTP APIs do not have`);
}

async function lambda(
  integration: { readonly [key: string]: any }, request: ParsedRequest, scope: HttpRequestScope, functions: LocalFunctions,
): Promise<HttpAnswer> {
  const uri = String(integration.IntegrationUri);
  const logicalId = lambdaLogicalIdOf(uri) ?? /^arn:aws:lambda:[^:]*:[^:]*:function:([^:/]+)$/.exec(uri)?.[1];
  if (logicalId === undefined) throw new Error(`LocalGateway: ${scope.routeKey} is a Lambda proxy of no function of the template (${uri})`);
  const v2 = String(integration.PayloadFormatVersion ?? '2.0') === '2.0';
  const route = { resourcePath: scope.routeKey.split(' ')[1] ?? '/', method: scope.routeKey.split(' ')[0], operation: {} };
  const contentType = (header(request.headers, 'Content-Type') ?? '').split(';')[0].trim();
  const event = v2 ? httpProxyEvent(request, scope, !isTextual(contentType))
    : proxyEvent(request, route, { ...scope.pathParameters }, scope.stageVariables, contextMap(request, scope), false);
  let answer: unknown;
  try {
    const invocation = await invokeWithin(functions.get(logicalId), event, integration.TimeoutInMillis, 30_000);
    if ('timedOut' in invocation) return { refusal: { statusCode: 503, message: 'Service Unavailable' } };
    answer = invocation.answer;
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('LocalGateway:')) throw e;
    return INTERNAL_ERROR;
  }
  const response = v2 ? httpProxyResponse(answer) : proxyResponse(answer);
  return response === undefined || 'type' in response ? INTERNAL_ERROR : response;
}

/** `$context` of payload 1.0, from the request's payload 2.0 context. */
function contextMap(request: ParsedRequest, scope: HttpRequestScope): Map<string, unknown> {
  return fromJson(httpRequestContext(request, scope)) as Map<string, unknown>;
}

/**
 * An HTTP proxy: the URI's placeholders filled from the path parameters, the request forwarded
 * with the integration's parameter mapping (`overwrite:`, `append:`, `remove:` of headers and
 * the query string, `overwrite:path`); a timeout is a 503, a backend out of reach a 500.
 */
async function httpProxy(
  integration: { readonly [key: string]: any }, request: ParsedRequest, scope: HttpRequestScope, origins: Origins,
): Promise<HttpAnswer> {
  const headers: { [name: string]: string } = Object.fromEntries(Object.entries(request.headers)
    .filter(([name]) => !HOP_HEADERS.includes(name.toLowerCase())).map(([name, value]) => [name.toLowerCase(), value]));
  const query: { [name: string]: string } = { ...request.query };
  let path: string | undefined;
  for (const [target, source] of Object.entries<string>(integration.RequestParameters ?? {})) {
    const [, operation, location, name] = /^(overwrite|append|remove):(header|querystring|path)\.?(.*)$/.exec(target) ?? [];
    const value = mappedValue(source, request, scope);
    const into = location === 'header' ? headers : query;
    const key = location === 'header' ? name.toLowerCase() : name;
    if (location === 'path') path = value;
    else if (operation === 'remove') delete into[key];
    else if (operation === 'append' && into[key] !== undefined) into[key] = `${into[key]},${value}`;
    else if (operation) into[key] = value;
  }
  let url = fillPath(String(integration.IntegrationUri), scope.pathParameters);
  if (path !== undefined) url = new URL(path, url).toString();
  const search = new URLSearchParams(query).toString();
  if (search) url += (url.includes('?') ? '&' : '?') + search;
  const method = String(integration.IntegrationMethod ?? 'ANY').toUpperCase();
  const answer = await send({ url, method: method === 'ANY' ? request.method : method, headers, body: ['GET', 'HEAD'].includes(request.method) ? undefined : request.body },
    integration.TimeoutInMillis, origins);
  if ('type' in answer) return { refusal: answer.type === 'INTEGRATION_TIMEOUT' ? { statusCode: 503, message: 'Service Unavailable' } : INTERNAL_ERROR.refusal };
  return answer;
}

/** The AWS services behind integration subtypes: the service and the action. */
const SUBTYPES: { readonly [subtype: string]: readonly [service: string, action: string] } = {
  'SQS-SendMessage': ['sqs', 'SendMessage'],
  'SQS-ReceiveMessage': ['sqs', 'ReceiveMessage'],
  'SQS-DeleteMessage': ['sqs', 'DeleteMessage'],
  'SQS-PurgeQueue': ['sqs', 'PurgeQueue'],
  'Kinesis-PutRecord': ['kinesis', 'PutRecord'],
  'EventBridge-PutEvents': ['events', 'PutEvents'],
  'StepFunctions-StartExecution': ['states', 'StartExecution'],
  'StepFunctions-StartSyncExecution': ['states', 'StartSyncExecution'],
  'StepFunctions-StopExecution': ['states', 'StopExecution'],
  'AppConfig-GetConfiguration': ['appconfig', 'GetConfiguration'],
};

/**
 * An AWS service integration of an HTTP API: the subtype's action with the mapped parameters
 * (form parameters for SQS, a JSON document for the others), sent where AWS integrations go;
 * the service's answer is the response.
 */
async function awsSubtype(
  integration: { readonly [key: string]: any }, request: ParsedRequest, scope: HttpRequestScope, aws: AwsServices,
): Promise<HttpAnswer> {
  const subtype = String(integration.IntegrationSubtype);
  const target = SUBTYPES[subtype];
  if (!target) throw new Error(`LocalGateway: ${scope.routeKey} calls ${subtype}, which the local gateway does not run yet`);
  const [service, action] = target;
  const parameters = Object.fromEntries(Object.entries<string>(integration.RequestParameters ?? {})
    .map(([name, source]) => [name, mappedValue(source, request, scope)]));
  const form = service === 'sqs';
  const answer = await awsServiceCall({
    service,
    action,
    region: LOCAL_REGION,
    method: 'POST',
    path: '/',
    query: form ? { Action: action } : {},
    headers: form ? { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' } : {},
    body: form ? new URLSearchParams({ Action: action, ...parameters }).toString() : JSON.stringify(jsonParameters(subtype, parameters)),
  }, aws, integration.TimeoutInMillis, `${scope.routeKey} (${subtype})`);
  if ('type' in answer) return answer.type === 'INTEGRATION_TIMEOUT' ? { refusal: { statusCode: 503, message: 'Service Unavailable' } } : INTERNAL_ERROR;
  return answer;
}

/** A JSON action's document from the mapped parameters: PutEvents' entry is the one entry of the request. */
function jsonParameters(subtype: string, parameters: { [name: string]: string }): object {
  if (subtype === 'EventBridge-PutEvents') return { Entries: [parameters] };
  return parameters;
}
