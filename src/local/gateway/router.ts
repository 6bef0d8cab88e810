/** A route of the definition: its path template, method and OpenAPI operation. */
export interface LocalRoute {
  /** The resource path as the definition writes it, e.g. `/pets/{petId}`. */
  readonly resourcePath: string;
  /** The HTTP method, or `ANY`. */
  readonly method: string;
  readonly operation: { readonly [key: string]: any };
}

/** A route matched to a request path, with the path parameters it binds. */
export interface RouteMatch {
  readonly route: LocalRoute;
  readonly pathParameters: { [name: string]: string };
}

const METHODS: { readonly [key: string]: string } = {
  'get': 'GET',
  'post': 'POST',
  'put': 'PUT',
  'delete': 'DELETE',
  'patch': 'PATCH',
  'head': 'HEAD',
  'options': 'OPTIONS',
  'x-amazon-apigateway-any-method': 'ANY',
};

type Segment = { readonly kind: 'static'; readonly text: string } | { readonly kind: 'param' | 'greedy'; readonly name: string };

interface Resource {
  readonly path: string;
  readonly segments: readonly Segment[];
  readonly routes: Map<string, LocalRoute>;
}

/**
 * Matches requests to the definition's routes as API Gateway does: the most specific resource
 * wins (a literal segment over `{param}`, `{param}` over a greedy `{proxy+}`), then the
 * request's own method over `ANY`.
 */
export class Router {
  private readonly resources: Resource[] = [];

  constructor(paths: { readonly [path: string]: { readonly [method: string]: any } }) {
    for (const [path, item] of Object.entries(paths ?? {})) {
      const routes = new Map<string, LocalRoute>();
      for (const [key, operation] of Object.entries(item ?? {})) {
        const method = METHODS[key];
        if (method) routes.set(method, { resourcePath: path, method, operation });
      }
      this.resources.push({ path, segments: parseSegments(path), routes });
    }
  }

  /**
   * The route for a method and path (without the stage), or undefined when the API has none.
   * A REST API picks the most specific resource, then its method; an HTTP API (`byRoute`)
   * picks the most specific route of the method (or `ANY`).
   */
  public match(method: string, path: string, byRoute = false): RouteMatch | undefined {
    const parts = path.split('/').filter(part => part !== '');
    const verb = method.toUpperCase();
    let best: { resource: Resource; params: { [name: string]: string }; rank: number[] } | undefined;
    for (const resource of this.resources) {
      if (byRoute && !resource.routes.has(verb) && !resource.routes.has('ANY')) continue;
      const bound = bind(resource.segments, parts);
      if (!bound) continue;
      if (!best || outranks(bound.rank, best.rank)) best = { resource, params: bound.params, rank: bound.rank };
    }
    if (!best) return undefined;
    const route = best.resource.routes.get(verb) ?? best.resource.routes.get('ANY');
    return route && { route, pathParameters: best.params };
  }
}

function parseSegments(path: string): Segment[] {
  return path.split('/').filter(part => part !== '').map(part => {
    const param = /^\{([^}+]+)(\+)?\}$/.exec(part);
    if (!param) return { kind: 'static', text: part };
    return { kind: param[2] ? 'greedy' : 'param', name: param[1] };
  });
}

/** The parameters a resource binds in a path, and how specific the match is (per segment: literal 2, parameter 1, greedy 0). */
function bind(segments: readonly Segment[], parts: readonly string[]): { params: { [name: string]: string }; rank: number[] } | undefined {
  const params: { [name: string]: string } = {};
  const rank: number[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment.kind === 'greedy') {
      if (i >= parts.length) return undefined;
      params[segment.name] = parts.slice(i).map(decode).join('/');
      rank.push(0);
      return { params, rank };
    }
    if (i >= parts.length) return undefined;
    if (segment.kind === 'static') {
      if (segment.text !== parts[i]) return undefined;
      rank.push(2);
    } else {
      params[segment.name] = decode(parts[i]);
      rank.push(1);
    }
  }
  return segments.length === parts.length ? { params, rank } : undefined;
}

function outranks(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] > b[i];
  }
  return a.length > b.length;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
