import { randomUUID } from 'crypto';
import { SigningCredential, verifySignature } from './access/iam-signatures';
import { LambdaAuthorizers } from './access/lambda-authorizers';
import { AwsServices, awsIntegration } from './gateway/aws-integrations';
import { LocalClock } from './gateway/clock';
import { bodyField } from './gateway/http-api-mapping';
import { LocalFunctions, invokeWithin } from './gateway/lambda-functions';
import { TemplateScope, render } from './gateway/mapping';
import { ParsedRequest, clfTime } from './gateway/request-context';
import { LOCAL_ACCOUNT, LOCAL_REGION, lambdaLogicalIdOf } from './template/intrinsics';
import { LocalWebSocketApi, LocalWebSocketRoute } from './template/websocket-api-reader';
import { UtilObject } from './vtl/builtins';
import { fromJson } from './vtl/java-values';

/** A WebSocket API's stage ready to take connections, with the connections it holds. */
export interface WebSocketRuntime {
  readonly api: LocalWebSocketApi;
  readonly stage: { readonly name: string; readonly variables: { readonly [name: string]: string } };
  readonly functions: LocalFunctions;
  readonly aws: AwsServices;
  readonly authorizers: LambdaAuthorizers;
  readonly clock: LocalClock;
  readonly connections: Map<string, ConnectionState>;
  /** The access keys whose signatures an IAM-authorized `$connect` accepts. */
  readonly credentials: { readonly [accessKeyId: string]: SigningCredential };
}

/** A connection as the gateway keeps it: when it opened, what its client was sent, whether it is open. */
export interface ConnectionState {
  readonly id: string;
  readonly connectedAt: number;
  readonly received: string[];
  open: boolean;
  authorizer?: { readonly [key: string]: unknown };
}

/** The handshake's outcome: the status the client sees, and the connection when it is open. */
export interface Handshake {
  readonly statusCode: number;
  readonly connection?: ConnectionState;
}

const UTIL = new UtilObject();

/**
 * A client connects: `$connect`'s authorizer judges the handshake (its query string and headers),
 * then its integration runs; a refusal of either (a status of 300 or more from the integration)
 * refuses the connection with that status.
 */
export async function connect(runtime: WebSocketRuntime, request: ParsedRequest, iamPrincipal: string | undefined): Promise<Handshake> {
  const connection: ConnectionState = { id: newConnectionId(), connectedAt: runtime.clock.now(), received: [], open: false };
  const route = runtime.api.routes.find(r => r.routeKey === '$connect');
  if (route?.authorizationType === 'AWS_IAM' && typeof (iamPrincipal ?? verifySignature(request, runtime.credentials, runtime.clock.now())) !== 'string') {
    return { statusCode: 403 };
  }
  if (route?.authorizationType === 'CUSTOM') {
    const admitted = await runtime.authorizers.authorize(String(route.authorizer?.Name), restStyleAuthorizer(route.authorizer ?? {}), {
      request,
      match: { route: { resourcePath: '$connect', method: 'GET', operation: {} }, pathParameters: {} },
      stageVariables: runtime.stage.variables,
      context: context(runtime, connection, '$connect', 'CONNECT'),
      methodArn: `arn:aws:execute-api:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${runtime.api.logicalId}/${runtime.stage.name}/$connect`,
    });
    if ('type' in admitted) return { statusCode: admitted.statusCode ?? (admitted.type === 'UNAUTHORIZED' ? 401 : admitted.type === 'ACCESS_DENIED' ? 403 : 500) };
    connection.authorizer = admitted.authorizer;
  }
  if (route?.integration) {
    const answer = await integrate(runtime, route, connection, request, 'CONNECT');
    if (answer.statusCode >= 300) return { statusCode: answer.statusCode };
  }
  connection.open = true;
  runtime.connections.set(connection.id, connection);
  return { statusCode: 200, connection };
}

/**
 * A message from a client: the route the selection expression picks (else `$default`; with
 * neither, API Gateway's Forbidden goes back to the client), its integration run, and, on a
 * two-way route, the integration's answer sent back to the client.
 */
export async function receive(runtime: WebSocketRuntime, connection: ConnectionState, body: string): Promise<void> {
  if (!connection.open) throw new Error(`LocalGateway: connection ${connection.id} is closed`);
  const key = selectRoute(runtime.api.routeSelectionExpression, body);
  const route = runtime.api.routes.find(r => r.routeKey === key) ?? runtime.api.routes.find(r => r.routeKey === '$default');
  const requestId = randomUUID();
  if (!route?.integration) {
    connection.received.push(JSON.stringify({ message: 'Forbidden', connectionId: connection.id, requestId }));
    return;
  }
  const request = { method: 'POST', path: '/', query: {}, headers: {}, body };
  const answer = await integrate(runtime, route, connection, request, 'MESSAGE');
  if (answer.statusCode >= 500) {
    connection.received.push(JSON.stringify({ message: 'Internal server error', connectionId: connection.id, requestId }));
  } else if (route.twoWay && answer.body !== '') {
    connection.received.push(answer.body);
  }
}

/** A client goes away: `$disconnect`'s integration runs; posts to the connection are Gone from then on. */
export async function disconnect(runtime: WebSocketRuntime, connection: ConnectionState): Promise<void> {
  if (!connection.open) return;
  connection.open = false;
  const route = runtime.api.routes.find(r => r.routeKey === '$disconnect');
  if (route?.integration) await integrate(runtime, route, connection, { method: 'POST', path: '/', query: {}, headers: {}, body: '' }, 'DISCONNECT');
}

/** The route key a message selects: the value at the expression's path in its JSON body (`$request.body.action`). */
function selectRoute(expression: string, body: string): string | undefined {
  const path = /^\$request\.body\.(.+)$/.exec(expression)?.[1];
  const value = path === undefined ? undefined : bodyField(body, path);
  return typeof value === 'string' ? value : undefined;
}

/** An integration of a WebSocket route: a Lambda proxy (its event, its answer's status and body), or an AWS service through its mapping template. */
async function integrate(
  runtime: WebSocketRuntime, route: LocalWebSocketRoute, connection: ConnectionState, request: ParsedRequest, eventType: string,
): Promise<{ statusCode: number; body: string }> {
  const integration = route.integration!;
  const type = String(integration.IntegrationType).toUpperCase();
  const requestContext = contextObject(runtime, connection, route.routeKey, eventType);
  if (type === 'AWS_PROXY') {
    const logicalId = lambdaLogicalIdOf(String(integration.IntegrationUri));
    if (logicalId === undefined) throw new Error(`LocalGateway: WebSocket route ${route.routeKey} is a Lambda proxy of no function of the template`);
    const event = {
      requestContext,
      ...(eventType === 'CONNECT' ? { headers: request.headers, queryStringParameters: Object.keys(request.query).length > 0 ? request.query : undefined } : {}),
      ...(request.body === '' ? {} : { body: request.body }),
      isBase64Encoded: false,
    };
    try {
      const invocation = await invokeWithin(runtime.functions.get(logicalId), event, integration.TimeoutInMillis);
      if ('timedOut' in invocation) return { statusCode: 504, body: '' };
      const answer = invocation.answer as { statusCode?: unknown; body?: unknown } | undefined;
      return { statusCode: Number(answer?.statusCode ?? 200), body: answer?.body === undefined || answer.body === null ? '' : String(answer.body) };
    } catch (e) {
      if (e instanceof Error && e.message.startsWith('LocalGateway:')) throw e;
      return { statusCode: 500, body: '' };
    }
  }
  if (type === 'AWS' || type === 'MOCK') {
    const params = { path: {}, querystring: request.query, header: request.headers };
    const scope: TemplateScope = {
      context: context(runtime, connection, route.routeKey, eventType), requestParams: params, stageVariables: runtime.stage.variables, util: UTIL,
    };
    const selection = String(integration.TemplateSelectionExpression ?? '$default').replace(/^\\/, '');
    const template = integration.RequestTemplates?.[selection] ?? integration.RequestTemplates?.$default;
    const mapped = template === undefined ? request.body : render(String(template), request.body, params, scope);
    // A MOCK's integration responses are not run: it accepts, and a two-way route sends nothing back.
    if (type === 'MOCK') return { statusCode: 200, body: '' };
    const restStyle = {
      type: 'aws',
      uri: integration.IntegrationUri,
      httpMethod: integration.IntegrationMethod ?? 'POST',
      requestParameters: integration.RequestParameters,
      timeoutInMillis: integration.TimeoutInMillis,
    };
    const result = await awsIntegration(restStyle, request, params, scope, mapped, runtime.aws, `WebSocket route ${route.routeKey}`);
    return 'type' in result ? { statusCode: 500, body: '' } : { statusCode: result.statusCode, body: result.body };
  }
  throw new Error(`LocalGateway: WebSocket route ${route.routeKey} has a ${type} integration, which the local gateway does not run yet`);
}

function contextObject(runtime: WebSocketRuntime, connection: ConnectionState, routeKey: string, eventType: string): { [key: string]: unknown } {
  const now = runtime.clock.now();
  return {
    routeKey,
    eventType,
    messageDirection: 'IN',
    ...(eventType === 'MESSAGE' ? { messageId: randomUUID() } : {}),
    stage: runtime.stage.name,
    connectedAt: connection.connectedAt,
    requestTimeEpoch: now,
    requestTime: clfTime(new Date(now)),
    identity: { sourceIp: '127.0.0.1' },
    requestId: randomUUID(),
    domainName: `${runtime.api.logicalId}.execute-api.localhost`,
    connectionId: connection.id,
    apiId: runtime.api.logicalId,
    ...(connection.authorizer ? { authorizer: connection.authorizer } : {}),
  };
}

function context(runtime: WebSocketRuntime, connection: ConnectionState, routeKey: string, eventType: string): Map<string, unknown> {
  return fromJson(contextObject(runtime, connection, routeKey, eventType)) as Map<string, unknown>;
}

/** A WebSocket authorizer in the shape the REST API's Lambda authorizers read (`route.request.` sources are `method.request.` ones). */
function restStyleAuthorizer(authorizer: { readonly [key: string]: any }): { [key: string]: any } {
  const sources: string[] = (authorizer.IdentitySource ?? []).map((s: string) => String(s).replace(/^route\.request\./, 'method.request.'));
  return {
    'x-amazon-apigateway-authorizer': {
      type: 'request', authorizerUri: authorizer.AuthorizerUri, identitySource: sources.join(', '), authorizerResultTtlInSeconds: 0,
    },
  };
}

/** Connection ids look like API Gateway's: 16 characters, ending in `=`. */
function newConnectionId(): string {
  return `${randomUUID().replace(/-/g, '').slice(0, 15)}=`;
}
