import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { PREFLIGHT_SUMMARY } from '../render/openapi-body';

type Json = { [key: string]: unknown };

const EXTENSION_PREFIX = 'x-amazon-apigateway-';
const ANY_METHOD = `${EXTENSION_PREFIX}any-method`;
/** What an ANY route serves, as OpenAPI operations (OPTIONS stays the preflight's). */
const ANY_EXPANDS_TO = ['get', 'post', 'put', 'patch', 'delete', 'head'];

/** Where clients reach one API: the execute-api host of each stage, or its custom domain, in OpenAPI server form. */
export interface ClientServers {
  /** The host, with `{apiId}` and `{region}` variables, e.g. `{apiId}.execute-api.{region}.amazonaws.com`. */
  readonly host: string;
  /** The stage names; the first is the default. `$default` stages are served at the root. */
  readonly stageNames: string[];
  /** The URL of each stage a custom domain serves with execute-api off, by stage name (a Map: stages may be named `constructor`). */
  readonly domainUrls: ReadonlyMap<string, string>;
  /** The region's literal name, when the stack has one. */
  readonly region?: string;
}

/**
 * The servers of an API of `scope`'s stack with these stages; `domainUrl` gives a stage's custom
 * domain URL where clients must use it (execute-api off).
 */
export function clientServers(scope: IConstruct, stageNames: string[], domainUrl: (stageName: string) => string | undefined): ClientServers {
  const stack = Stack.of(scope);
  const literal = (value: string) => (Token.isUnresolved(value) ? undefined : value);
  const domainUrls = new Map<string, string>();
  for (const stageName of stageNames) {
    const url = domainUrl(stageName);
    if (url !== undefined && literal(url)) domainUrls.set(stageName, url);
  }
  return {
    host: `{apiId}.execute-api.{region}.${literal(stack.urlSuffix) ?? 'amazonaws.com'}`,
    stageNames,
    domainUrls,
    region: literal(stack.region),
  };
}

/**
 * What an imported OpenAPI document said of one operation beyond what API Gateway keeps: its
 * parameters' schemas (by `in` and name, e.g. `query limit`) and its declared responses.
 */
export interface DocumentedOperation {
  readonly parameterSchemas: { [inAndName: string]: Json };
  readonly responses?: Json;
}

/**
 * The client's view of a REST API definition: the paths, parameters, bodies, models, responses
 * and security schemes, without API Gateway's extensions (integrations, validators, gateway
 * responses, authorizer internals) and without the CORS preflights the library adds, which
 * browsers send on their own. Operations imported from a document keep the parameter schemas
 * and responses it declared (`documented`, by operationId): the definition API Gateway gets
 * types every parameter as a string and lists the integration's responses.
 */
export function restClientDocument(definition: Json, servers: ClientServers, documented: ReadonlyMap<string, DocumentedOperation> = new Map()): Json {
  const paths: Json = {};
  for (const [path, item] of Object.entries((definition.paths ?? {}) as { [path: string]: Json })) {
    const operations = Object.fromEntries(Object.entries(withAnyExpanded(item))
      .filter(([method, op]) => !isPreflight(method, op as Json))
      .map(([method, op]) => [method, asDocumented(withoutExtensions(op) as Json, documented)]));
    // A greedy {name+} is API Gateway's notation; clients see one path parameter.
    if (Object.keys(operations).length > 0) paths[path.replace(/\{([^}]+)\+\}/, '{$1}')] = operations;
  }
  return withServers({ ...(withoutExtensions(definition) as Json), paths }, servers);
}

/** The operation with the schemas and responses its source document declared, if it came from one. */
function asDocumented(operation: Json, documented: ReadonlyMap<string, DocumentedOperation>): Json {
  const source = documented.get(operation.operationId as string);
  if (!source) return operation;
  const parameters = (operation.parameters as Json[] | undefined)?.map(p => {
    const schema = source.parameterSchemas[`${p.in} ${p.name}`];
    return schema ? { ...p, schema } : p;
  });
  return { ...operation, ...(parameters ? { parameters } : {}), ...(source.responses ? { responses: source.responses } : {}) };
}

/** An ANY operation becomes one operation per method the path does not define otherwise. */
function withAnyExpanded(item: Json): Json {
  const any = item[ANY_METHOD] as Json | undefined;
  if (!any) return item;
  const expanded: Json = {};
  for (const method of ANY_EXPANDS_TO.filter(m => !(m in item))) {
    expanded[method] = { ...any, operationId: `${any.operationId}${method[0].toUpperCase()}${method.slice(1)}` };
  }
  const { [ANY_METHOD]: _any, ...rest } = item;
  return { ...rest, ...expanded };
}

/** The document with an OpenAPI `servers` entry per stage, after `openapi` and `info`. */
export function withServers(document: Json, servers: ClientServers): Json {
  const { openapi, info, ...rest } = document;
  return { openapi, info, servers: serverEntries(servers), ...rest };
}

function serverEntries(s: ClientServers): Json[] {
  const variables = {
    apiId: { default: 'apiId', description: 'The API id: the stack output, or `aws apigateway get-rest-apis` / `get-apis`' },
    region: { default: s.region ?? 'us-east-1', description: 'The AWS Region the API is deployed in' },
  };
  return s.stageNames.map(stage => (s.domainUrls.has(stage)
    ? { url: s.domainUrls.get(stage)!.replace(/\/$/, ''), description: `Stage ${stage}, at its custom domain` }
    : { url: `https://${s.host}${stage === '$default' ? '' : `/${stage}`}`, description: `Stage ${stage}`, variables }));
}

function isPreflight(method: string, operation: Json): boolean {
  return method === 'options' && operation.summary === PREFLIGHT_SUMMARY;
}

/** Drops every `x-amazon-apigateway-*` key, at any depth. */
function withoutExtensions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutExtensions);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value)
    .filter(([key]) => !key.startsWith(EXTENSION_PREFIX))
    .map(([key, v]) => [key, withoutExtensions(v)]));
}
