import { AwsServices, awsIntegration } from './aws-integrations';
import { GatewayError, RenderedResponse } from './gateway-responses';
import { Origins } from './http-integrations';
import { LocalFunction, LocalFunctions, invokeWithin } from './lambda-functions';
import { LAMBDA_FAILURE, proxyEvent, proxyResponse } from './lambda-proxy';
import { IntegrationResult, TemplateScope } from './mapping';
import { ParsedRequest, header } from './request-context';
import { RouteMatch } from './router';
import { lambdaLogicalIdOf } from '../template/intrinsics';
import { LocalRestApi, LocalStage } from '../template/rest-api-reader';
import { InputParameters } from '../vtl/builtins';

/** API Gateway stops waiting at the integration's timeout: 504. */
const TIMED_OUT: GatewayError = { type: 'INTEGRATION_TIMEOUT', message: 'Endpoint request timed out' };

/** What integrations reach: the template's functions, the origins HTTP integrations are sent to instead of the definition's, the AWS services. */
export interface Backends {
  readonly functions: LocalFunctions;
  readonly origins: Origins;
  readonly aws: AwsServices;
}

/**
 * A non-proxy integration called with the integration request's body: MOCK answers the status
 * its template names; a Lambda function (AWS integration) gets the body as its event, and its
 * error message is what selection patterns match; another AWS service gets the service request.
 */
export async function nonProxyIntegration(
  integration: { readonly [key: string]: any }, request: ParsedRequest, params: InputParameters, scope: TemplateScope, mapped: string,
  backends: Backends, route: string,
): Promise<IntegrationResult | GatewayError> {
  const type = String(integration.type).toLowerCase();
  if (type === 'mock') return mockIntegration(mapped);
  const logicalId = type === 'aws' ? lambdaLogicalIdOf(String(integration.uri)) : undefined;
  if (logicalId !== undefined) return lambdaIntegration(backends.functions.get(logicalId), mapped, integration.timeoutInMillis);
  if (type === 'aws') return awsIntegration(integration, request, params, scope, mapped, backends.aws, route);
  throw new Error(`LocalGateway: ${route} has a ${type} integration (${integration.uri ?? 'no URI'}), which the local gateway does not run yet`);
}

/**
 * A Lambda function behind templates: its event is the mapped body (parsed when it is JSON);
 * its answer, as JSON, is the integration response; a thrown error becomes Lambda's error
 * object, whose `errorMessage` the selection patterns match.
 */
async function lambdaIntegration(fn: LocalFunction, mapped: string, timeoutInMillis: unknown): Promise<IntegrationResult | GatewayError> {
  let event: unknown = mapped;
  try {
    event = JSON.parse(mapped);
  } catch {
    // A body that is not JSON is the event as it is.
  }
  try {
    const invocation = await invokeWithin(fn, event, timeoutInMillis);
    if ('timedOut' in invocation) return TIMED_OUT;
    const answer = invocation.answer;
    return { statusCode: 200, headers: {}, body: answer === undefined ? 'null' : JSON.stringify(answer) };
  } catch (e) {
    // An error of the function's code may come from another realm (its own Error class): read it by shape.
    const error = typeof e === 'object' && e !== null && 'message' in e ? e as { message: unknown; name?: unknown } : { message: String(e) };
    const message = String(error.message);
    const body = JSON.stringify({ errorMessage: message, errorType: String(error.name ?? 'Error'), stackTrace: [] });
    return { statusCode: 200, headers: {}, body, selector: message };
  }
}

/** A Lambda proxy integration: the function of the URI gets the proxy event; a failure or a malformed answer is a 502. */
export async function lambdaProxy(
  api: LocalRestApi, backends: Backends, integration: { readonly [key: string]: any }, request: ParsedRequest, match: RouteMatch,
  stage: LocalStage, context: Map<string, unknown>, contentType: string,
): Promise<RenderedResponse | GatewayError> {
  const logicalId = lambdaLogicalIdOf(String(integration.uri));
  if (logicalId === undefined) {
    throw new Error(`LocalGateway: ${match.route.method} ${match.route.resourcePath} is an AWS_PROXY integration of no Lambda function of the template (${integration.uri})`);
  }
  const binary = isBinary(contentType, api.binaryMediaTypes);
  const event = proxyEvent(request, match.route, match.pathParameters, stage.variables, context, binary);
  let response: RenderedResponse | GatewayError;
  try {
    const invocation = await invokeWithin(backends.functions.get(logicalId), event, integration.timeoutInMillis);
    if ('timedOut' in invocation) return TIMED_OUT;
    response = proxyResponse(invocation.answer);
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('LocalGateway:')) throw e;
    return LAMBDA_FAILURE;
  }
  // A base64 body reaches the client as bytes only when it accepts a binary media type; otherwise as the base64 text.
  if ('type' in response || !response.base64) return response;
  const accept = header(request.headers, 'Accept')?.split(',')[0]?.split(';')[0]?.trim().toLowerCase() ?? '';
  return { ...response, base64: isBinary(accept, api.binaryMediaTypes) };
}

/** Whether a content type is one of the API's binary media types (`*` in either part matches anything there). */
export function isBinary(contentType: string, binaryMediaTypes: readonly string[]): boolean {
  const [type, subtype] = contentType.split('/');
  return binaryMediaTypes.some(media => {
    const [t, s] = media.toLowerCase().split('/');
    return (t === '*' || t === type) && (s === '*' || s === subtype);
  });
}

/** A MOCK integration answers the status code its request template names (200 when it names none), with no body. */
function mockIntegration(mapped: string): IntegrationResult {
  let statusCode = 200;
  try {
    const parsed = JSON.parse(mapped);
    if (parsed && typeof parsed === 'object' && parsed.statusCode !== undefined) statusCode = Number(parsed.statusCode);
  } catch {
    // A request template that is not JSON names no status code.
  }
  return { statusCode, headers: {}, body: '', selector: String(statusCode) };
}

