import { TemplateJson, resolveIntrinsics } from './intrinsics';

/** A route of an HTTP or WebSocket API as its Route resource writes it, its authorizer and integration joined in. */
export interface V2Route {
  readonly routeKey: string;
  readonly authorizationType: string;
  readonly authorizer?: { readonly [key: string]: any };
  readonly integration?: { readonly [key: string]: any };
  /** The Route resource's own properties, intrinsics resolved. */
  readonly properties: { readonly [key: string]: any };
}

/** What HTTP and WebSocket APIs are made of in a template: the Api's properties, its routes and its stages' properties. */
export interface V2ApiParts {
  readonly properties: { readonly [key: string]: any };
  readonly routes: readonly V2Route[];
  readonly stages: ReadonlyArray<{ readonly [key: string]: any }>;
}

/** The Api resource of an `AWS::ApiGatewayV2` API and the Route, Integration, Authorizer and Stage resources of it. */
export function readV2Api(template: TemplateJson, logicalId: string): V2ApiParts {
  const resources = template.Resources ?? {};
  const properties = resolveIntrinsics(resources[logicalId].Properties ?? {}, template) as { [key: string]: any };
  const of = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type)
    .map(([id, r]) => [id, resolveIntrinsics(r.Properties ?? {}, template) as { [key: string]: any }] as const)
    .filter(([, p]) => p.ApiId === logicalId);
  const integrations = new Map(of('AWS::ApiGatewayV2::Integration'));
  const authorizers = new Map(of('AWS::ApiGatewayV2::Authorizer'));
  const routes = of('AWS::ApiGatewayV2::Route').map(([, route]) => ({
    routeKey: String(route.RouteKey),
    authorizationType: String(route.AuthorizationType ?? 'NONE').toUpperCase(),
    authorizer: route.AuthorizerId === undefined ? undefined : authorizers.get(String(route.AuthorizerId)),
    integration: typeof route.Target === 'string' ? integrations.get(route.Target.replace(/^integrations\//, '')) : undefined,
    properties: route,
  }));
  return { properties, routes, stages: of('AWS::ApiGatewayV2::Stage').map(([, stage]) => stage) };
}
