import { ClientServers, withServers } from './client-document';
import { capitalize, deriveOperationId } from '../model/operation-id';
import { V2RouteAuthorizer } from '../model/v2-route-table';

type Json = { [key: string]: unknown };

/** What a client needs to know of one HTTP API route. */
export interface HttpDocumentRoute {
  readonly routeKey: string;
  /** `AWS_IAM`, `JWT`, `CUSTOM` or `NONE`. */
  readonly authorizationType: string;
  readonly authorizer?: V2RouteAuthorizer;
  readonly scopes?: string[];
}


const SIGV4_SCHEME: Json = { type: 'apiKey', name: 'Authorization', in: 'header', description: 'AWS Signature Version 4 (IAM)' };
const ANY_EXPANDS_TO = ['get', 'post', 'put', 'patch', 'delete', 'head'];
const PATH_PARAMETER = /\{([^}+]+)\+?\}/g;

/**
 * The client-facing OpenAPI 3 document of an HTTP API: a path per route (ANY as every method,
 * `$default` left out: it is whatever no route matches), its path parameters, its security
 * requirement, and a server per stage.
 */
export function httpClientDocument(
  info: { title: string; description?: string }, routes: readonly HttpDocumentRoute[], servers: ClientServers,
): Json {
  const paths: { [path: string]: Json } = {};
  const schemes: Json = {};
  for (const route of [...routes].sort((a, b) => a.routeKey.localeCompare(b.routeKey))) {
    if (route.routeKey === '$default') continue;
    const [method, path] = route.routeKey.split(' ');
    const clientPath = path.replace(PATH_PARAMETER, '{$1}');
    const item = (paths[clientPath] ??= {});
    const operation = renderOperation(route, method, path, schemes);
    if (method !== 'ANY') {
      item[method.toLowerCase()] = operation;
      continue;
    }
    for (const m of ANY_EXPANDS_TO.filter(x => !routes.some(r => r.routeKey === `${x.toUpperCase()} ${path}`))) {
      item[m] = { ...operation, operationId: `${operation.operationId}${capitalize(m)}` };
    }
  }
  return withServers({
    openapi: '3.0.1',
    info: { title: info.title, ...(info.description ? { description: info.description } : {}), version: '1.0' },
    paths,
    ...(Object.keys(schemes).length > 0 ? { components: { securitySchemes: schemes } } : {}),
  }, servers);
}

function renderOperation(route: HttpDocumentRoute, method: string, path: string, schemes: Json): Json {
  const parameters = [...path.matchAll(PATH_PARAMETER)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  const security = securityRequirement(route, schemes);
  const scopes = route.scopes?.length ? `Requires the scopes ${route.scopes.join(', ')}.` : undefined;
  return {
    operationId: deriveOperationId(method, path),
    ...(scopes ? { description: scopes } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    responses: { default: { description: 'The backend\'s response' } },
    ...(security ? { security: [security] } : {}),
  };
}

/** The route's requirement, adding the scheme it names to `schemes`. */
function securityRequirement(route: HttpDocumentRoute, schemes: Json): Json | undefined {
  if (route.authorizationType === 'AWS_IAM') {
    schemes.sigv4 = SIGV4_SCHEME;
    return { sigv4: [] };
  }
  if (!route.authorizer) return undefined;
  schemes[route.authorizer.name] = authorizerScheme(route.authorizer);
  return { [route.authorizer.name]: [] };
}

/** A JWT in the Authorization header is a bearer token; any other credential is a named header or query parameter. */
function authorizerScheme(a: V2RouteAuthorizer): Json {
  const source = /^\$request\.(header|querystring)\.(.+)$/.exec(a.identitySource[0] ?? '');
  if (a.type === 'JWT' && (!source || (source[1] === 'header' && source[2].toLowerCase() === 'authorization'))) {
    return { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' };
  }
  return { type: 'apiKey', name: source?.[2] ?? 'Authorization', in: source?.[1] === 'querystring' ? 'query' : 'header' };
}
