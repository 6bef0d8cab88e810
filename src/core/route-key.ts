import { IConstruct } from 'constructs';
import { propError } from './errors';

/** HTTP methods a REST API route may use; `ANY` matches every method. */
export const ROUTE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'] as const;
export type RouteMethod = typeof ROUTE_METHODS[number];

/** One segment of a resource path, as API Gateway allows it. */
const LITERAL_PART = /^[a-zA-Z0-9._-]+$/;
const VARIABLE_PART = /^\{([a-zA-Z0-9._-]+)(\+?)\}$/;

/** A parsed route key such as `GET /pets/{petId}`. */
export interface RouteKey {
  readonly key: string;
  readonly method: RouteMethod;
  readonly path: string;
  /** Path parameter names in order, without braces or `+`. */
  readonly pathParameters: string[];
  /** True when the last segment is a greedy `{name+}`. */
  readonly greedy: boolean;
}

const ALLOWED_KEY = `"METHOD /path" with METHOD one of ${ROUTE_METHODS.join(', ')} and a path of `
  + 'segments of a-z A-Z 0-9 . _ - or a {parameter}, a greedy {parameter+} only last, e.g. "GET /pets/{petId}"';

/** Parses and validates a route key; errors name the construct, the prop and the key. */
export function parseRouteKey(scope: IConstruct, prop: string, key: string): RouteKey {
  const match = /^([A-Z]+) (\/.*)$/.exec(key);
  if (!match || !(ROUTE_METHODS as readonly string[]).includes(match[1])) {
    throw propError(scope, prop, key, ALLOWED_KEY);
  }
  const method = match[1] as RouteMethod;
  const path = match[2];
  const pathParameters: string[] = [];
  let greedy = false;
  if (path !== '/') {
    const parts = path.slice(1).split('/');
    parts.forEach((part, index) => {
      const variable = VARIABLE_PART.exec(part);
      if (variable) {
        if (variable[2] === '+' && index !== parts.length - 1) {
          throw propError(scope, prop, key, `a greedy path parameter ({${variable[1]}+}) only as the last segment`);
        }
        if (pathParameters.includes(variable[1])) {
          throw propError(scope, prop, key, `each path parameter name once per path ({${variable[1]}} repeats)`);
        }
        pathParameters.push(variable[1]);
        greedy = variable[2] === '+';
      } else if (!LITERAL_PART.test(part)) {
        throw propError(scope, prop, key, ALLOWED_KEY);
      }
    });
  }
  return { key, method, path, pathParameters, greedy };
}

/**
 * API Gateway allows one variable segment per level: `/pets/{id}` and `/pets/{petId}/toys`
 * cannot live in the same API. Returns the first conflict between two paths, if any.
 */
export function variableSiblingConflict(a: string, b: string): string | undefined {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 1; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    const va = pa[i].startsWith('{');
    const vb = pb[i].startsWith('{');
    if (va && vb) return `${pa.slice(0, i + 1).join('/')} and ${pb.slice(0, i + 1).join('/')}`;
    return undefined;
  }
  return undefined;
}
