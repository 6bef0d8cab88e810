import { IConstruct } from 'constructs';
import { checkOAuthScopes, checkPattern } from '../core/checks';
import { propError } from '../core/errors';
import { RouteKey, parseRouteKey } from '../core/route-key';
import { ThrottleOptions, checkThrottle } from '../throttle/throttle';

/** The route key matched when no other route matches, in HTTP and WebSocket APIs alike. */
export const DEFAULT_ROUTE_KEY = '$default';
/** The WebSocket lifecycle routes' keys. */
export const CONNECT_ROUTE_KEY = '$connect';
export const DISCONNECT_ROUTE_KEY = '$disconnect';

/** API Gateway's quota of OAuth scopes on one route. */
const MAX_ROUTE_SCOPES = 10;
/** A message route's key: `$default`, or what the selection expression yields (not another `$` key). */
const MESSAGE_ROUTE_KEY = /^(\$default|[^$\s][^\s]{0,127})$/;
const MESSAGE_ROUTE_KEY_ALLOWED =
  '$default, or a custom key of 1 to 128 characters without spaces, not starting with "$" ($connect and $disconnect are the connect and disconnect props)';

/** Which kind of v2 API a route table serves: it decides which route keys are valid. */
export enum V2Protocol {
  HTTP = 'HTTP',
  WEBSOCKET = 'WEBSOCKET',
}

/** What a client needs to know of a route's authorizer: how to present its credential. */
export interface V2RouteAuthorizer {
  readonly name: string;
  readonly type: 'JWT' | 'REQUEST';
  readonly identitySource: string[];
}

/** A route of an HTTP or WebSocket API, as it was asked for. */
export interface V2RouteSpec {
  readonly routeKey: string;
  /** The prop errors name, e.g. `routes['GET /items']`. */
  readonly prop: string;
  /** `AWS_IAM`, `JWT`, `CUSTOM` or `NONE`. */
  readonly authorizationType: string;
  /** The prop that chose the authorization, which errors about it name. */
  readonly authorizationProp?: string;
  readonly authorizer?: V2RouteAuthorizer;
  readonly scopes?: string[];
  readonly throttle?: ThrottleOptions;
  /** A WebSocket API's `$connect` or `$disconnect` route, which only its `connect` and `disconnect` props make. */
  readonly lifecycle?: boolean;
}

/** A valid route: its spec, and for an HTTP route other than `$default` its parsed method and path. */
export interface V2RouteModel extends V2RouteSpec {
  readonly key?: RouteKey;
}

/**
 * The routes of one HTTP or WebSocket API, validated as they are added: the key's syntax for
 * the protocol, each key once, the throttle, and the scopes (JWT routes only, API Gateway's quota).
 * Renders nothing: the v2 core makes a route's resource, its stages and OpenAPI document read the table.
 */
export class V2RouteTable {
  public readonly routes: V2RouteModel[] = [];

  constructor(private readonly scope: IConstruct, private readonly protocol: V2Protocol) {}

  /** Validates a route and adds it; returns it as the table keeps it. */
  public add(spec: V2RouteSpec): V2RouteModel {
    const key = this.checkKey(spec);
    if (this.routes.some(route => route.routeKey === spec.routeKey)) throw propError(this.scope, 'routes', spec.routeKey, 'each route key once');
    checkThrottle(this.scope, `${spec.prop}.throttle`, spec.throttle);
    this.checkScopes(spec);
    const route = { ...spec, key };
    this.routes.push(route);
    return route;
  }

  private checkKey({ prop, routeKey, lifecycle }: V2RouteSpec): RouteKey | undefined {
    if (this.protocol === V2Protocol.HTTP) return routeKey === DEFAULT_ROUTE_KEY ? undefined : parseRouteKey(this.scope, prop, routeKey);
    if (lifecycle) {
      if (routeKey !== CONNECT_ROUTE_KEY && routeKey !== DISCONNECT_ROUTE_KEY) throw propError(this.scope, prop, routeKey, '$connect or $disconnect');
    } else {
      checkPattern(this.scope, prop, routeKey, MESSAGE_ROUTE_KEY, MESSAGE_ROUTE_KEY_ALLOWED);
    }
    return undefined;
  }

  private checkScopes(spec: V2RouteSpec): void {
    const scopes = spec.scopes;
    if (!scopes) return;
    const prop = spec.authorizationProp ?? `${spec.prop}.authorization`;
    if (spec.authorizationType !== 'JWT') throw propError(this.scope, prop, scopes, 'scopes only with a JWT authorizer');
    if (scopes.length > MAX_ROUTE_SCOPES) {
      throw propError(this.scope, prop, `${scopes.length} scopes`, `at most ${MAX_ROUTE_SCOPES} OAuth scopes per route (API Gateway's quota)`);
    }
    checkOAuthScopes(this.scope, prop, scopes);
  }
}
