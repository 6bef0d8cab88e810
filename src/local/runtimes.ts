import { Gatekeeper } from './access/gatekeeper';
import { HttpLambdaAuthorizers } from './access/http-authorizers';
import { SigningCredential } from './access/iam-signatures';
import { LambdaAuthorizers } from './access/lambda-authorizers';
import { Metering } from './access/usage-plans';
import { UserPoolAuthorizers } from './access/user-pools';
import { AwsServices } from './gateway/aws-integrations';
import { CanarySplit, seededRandom } from './gateway/canary-split';
import { LocalClock } from './gateway/clock';
import { LocalFunctions } from './gateway/lambda-functions';
import { ResponseCache } from './gateway/response-cache';
import { Router } from './gateway/router';
import { TokenBuckets } from './gateway/token-bucket';
import { HttpRuntime, httpRouter } from './http-pipeline';
import { LocalGatewayOptions } from './local-options';
import { RestRuntime } from './rest-pipeline';
import { LocalHttpApi, httpApiIds, readHttpApi } from './template/http-api-reader';
import { roleGrants } from './template/iam-grants';
import { LOCAL_ACCOUNT, TemplateJson } from './template/intrinsics';
import { ResourceNames } from './template/resource-names';
import { LocalRestApi, readRestApi } from './template/rest-api-reader';
import { readApiKeys } from './template/usage-plan-reader';
import { readWebSocketApi, webSocketApiIds } from './template/websocket-api-reader';
import { WebSocketRuntime } from './websocket-session';

/** What every runtime shares: the template, the names of its resources, the gateway's clock and token keys, the test's options. */
export interface RuntimeSetting {
  readonly template: TemplateJson;
  readonly names: ResourceNames;
  readonly clock: LocalClock;
  readonly userPools: UserPoolAuthorizers;
  readonly options: LocalGatewayOptions;
}

/** The API a gateway runs: a REST API or an HTTP API of the template, by logical id or as its only API. */
export function chooseApi(template: TemplateJson, logicalId: string | undefined): { kind: 'rest' | 'http' | 'websocket'; logicalId: string } {
  const kinds: Array<['rest' | 'http' | 'websocket', string[]]> = [
    ['rest', Object.entries(template.Resources ?? {}).filter(([, r]) => r.Type === 'AWS::ApiGateway::RestApi').map(([id]) => id)],
    ['http', httpApiIds(template)],
    ['websocket', webSocketApiIds(template)],
  ];
  const all = kinds.flatMap(([kind, ids]) => ids.map(id => ({ kind, logicalId: id })));
  const chosen = logicalId === undefined ? (all.length === 1 ? all[0] : undefined) : all.find(api => api.logicalId === logicalId);
  if (chosen) return chosen;
  throw new Error(all.length === 0
    ? 'LocalGateway: the template has no REST API (AWS::ApiGateway::RestApi) or HTTP or WebSocket API (AWS::ApiGatewayV2::Api)'
    : `LocalGateway: name the API to run with the api option: one of ${all.map(api => api.logicalId).join(', ')}`);
}

/** The stage a gateway answers for: the one named, the API's only one, or `prod` (`$default` for an HTTP API). */
function chooseStage<T>(stages: ReadonlyMap<string, T>, name: string | undefined, fallback: string, apiId: string): T {
  const names = [...stages.keys()];
  const chosen = name ?? (names.length === 1 ? names[0] : fallback);
  const stage = stages.get(chosen);
  if (!stage) throw new Error(`LocalGateway: ${apiId} has no stage ${chosen}; its stages: ${names.join(', ') || 'none'}`);
  return stage;
}

export function restRuntime(setting: RuntimeSetting, logicalId: string): RestRuntime {
  const { template, names, clock, options } = setting;
  const api: LocalRestApi = readRestApi(template, logicalId, options.assemblyDirectory);
  const stage = chooseStage(api.stages, options.stage, 'prod', api.logicalId);
  const functions = new LocalFunctions(template, options.handlers ?? {}, names);
  const keyValues: { [logicalId: string]: string } = {};
  const outsideKeys: string[] = [];
  for (const [key, value] of Object.entries(options.apiKeys ?? {})) {
    const keyId = names.logicalIdOf(key);
    if (keyId === undefined) outsideKeys.push(value);
    else keyValues[keyId] = value;
  }
  return {
    api,
    stage,
    router: new Router(api.definition.paths ?? {}),
    backends: { functions, origins: options.httpOrigins ?? {}, aws: awsServices(options) },
    gatekeeper: new Gatekeeper(api.definition, new LambdaAuthorizers(functions, clock), setting.userPools, signingCredentials(options), clock),
    metering: new Metering(stage, readApiKeys(template, api.logicalId, stage, keyValues), outsideKeys, clock),
    cache: new ResponseCache(stage, clock),
    grants: roleGrants(template),
    logicalIdOf: resource => names.logicalIdOf(resource),
    canary: new CanarySplit(stage, currentDeployment(template, names, api.logicalId),
      options.canarySeed === undefined ? Math.random : seededRandom(options.canarySeed)),
  };
}

/**
 * The deployment of the template's definition: GatewayApi names it `Deployment` (the ones it
 * keeps for earlier definitions are `Deployment<fingerprint>`). Unknown without construct paths.
 */
function currentDeployment(template: TemplateJson, names: ResourceNames, apiLogicalId: string): string | undefined {
  return Object.entries(template.Resources ?? {}).find(([id, r]) => r.Type === 'AWS::ApiGateway::Deployment'
    && (r.Properties?.RestApiId as { Ref?: string } | undefined)?.Ref === apiLogicalId && names.pathOf(id)?.endsWith('/Deployment'))?.[0];
}

export function httpRuntime(setting: RuntimeSetting, logicalId: string): HttpRuntime {
  const { template, names, clock, options } = setting;
  const api: LocalHttpApi = readHttpApi(template, logicalId);
  const functions = new LocalFunctions(template, options.handlers ?? {}, names);
  return {
    api,
    stage: chooseStage(api.stages, options.stage, '$default', api.logicalId),
    router: httpRouter(api),
    backends: { functions, origins: options.httpOrigins ?? {}, aws: awsServices(options), privateOrigin: arn => privateOrigin(arn, names, options) },
    lambdaAuthorizers: new HttpLambdaAuthorizers(functions, clock),
    tokenKeys: () => setting.userPools.trusted(),
    credentials: signingCredentials(options),
    clock,
    buckets: new TokenBuckets(clock),
  };
}

export function webSocketRuntime(setting: RuntimeSetting, logicalId: string): WebSocketRuntime {
  const { template, names, clock, options } = setting;
  const api = readWebSocketApi(template, logicalId);
  const functions = new LocalFunctions(template, options.handlers ?? {}, names);
  return {
    api,
    stage: chooseStage(api.stages, options.stage, 'prod', api.logicalId),
    functions,
    aws: awsServices(options),
    authorizers: new LambdaAuthorizers(functions, clock),
    clock,
    connections: new Map(),
    credentials: signingCredentials(options),
  };
}

/** The test's server for a private integration's target: the `httpOrigins` entry naming the target by its ARN, construct path or logical id. */
function privateOrigin(targetArn: string, names: ResourceNames, options: LocalGatewayOptions): string | undefined {
  const target = /[:/]([A-Za-z0-9]+)$/.exec(targetArn)?.[1];
  return Object.entries(options.httpOrigins ?? {})
    .find(([name]) => name === targetArn || (target !== undefined && names.logicalIdOf(name) === target))?.[1];
}

export function signingCredentials(options: LocalGatewayOptions): { [accessKeyId: string]: SigningCredential } {
  return Object.fromEntries((options.iamCredentials ?? []).map(c => [c.accessKeyId, {
    secretAccessKey: c.secretAccessKey,
    principal: c.principal ?? `arn:aws:iam::${LOCAL_ACCOUNT}:user/${c.accessKeyId}`,
  }]));
}

/** The template with the physical ids the test gives (by logical id or construct path); Lambda functions and the API's resources keep their own. */
export function withPhysicalIds(template: TemplateJson, names: ResourceNames, physicalIds: { [name: string]: string }): TemplateJson {
  const ids: { [logicalId: string]: string } = {};
  for (const [name, physicalId] of Object.entries(physicalIds)) {
    const logicalId = names.logicalIdOf(name);
    if (logicalId === undefined) throw new Error(`LocalGateway: physicalIds names ${name}, which is no resource of the template (by logical id or construct path)`);
    // Functions run here, and the API's own resources are read by their logical ids.
    const type = template.Resources?.[logicalId]?.Type ?? '';
    if (type !== 'AWS::Lambda::Function' && !type.startsWith('AWS::ApiGateway')) ids[logicalId] = physicalId;
  }
  return Object.keys(ids).length === 0 ? template : { ...template, PhysicalIds: ids };
}

export function awsServices(options: LocalGatewayOptions): AwsServices {
  const standIn = options.awsServices;
  return {
    endpoint: options.awsEndpoint,
    credentials: options.awsCredentials ?? { accessKeyId: 'test', secretAccessKey: 'test' },
    standIn: standIn && (async request => {
      const answer = await standIn.call({ ...request, query: { ...request.query }, headers: { ...request.headers } });
      const body = answer?.body;
      return {
        statusCode: Number(answer?.statusCode ?? 200),
        headers: { ...answer?.headers },
        body: body === undefined || body === null ? '' : typeof body === 'string' ? body : JSON.stringify(body),
      };
    }),
  };
}
