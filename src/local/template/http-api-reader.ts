import { TemplateJson } from './intrinsics';
import { readV2Api } from './v2-api-reader';

/** A route of an HTTP API: its key, authorization and integration, intrinsics resolved. */
export interface LocalHttpRoute {
  /** `GET /items/{id}`, `ANY /{proxy+}` or `$default`. */
  readonly routeKey: string;
  readonly authorizationType: string;
  readonly authorizer?: { readonly [key: string]: any };
  readonly scopes: readonly string[];
  readonly integration?: { readonly [key: string]: any };
}

/** A stage of an HTTP API: its variables and throttles (the stage's default, and per route key). */
export interface LocalHttpStage {
  readonly name: string;
  readonly variables: { readonly [name: string]: string };
  readonly defaultThrottle?: { readonly rateLimit: number; readonly burstLimit: number };
  readonly routeThrottles: { readonly [routeKey: string]: { readonly rateLimit: number; readonly burstLimit: number } };
}

/** An HTTP API of a template (`AWS::ApiGatewayV2::Api` of protocol HTTP, built of Route, Integration and Authorizer resources). */
export interface LocalHttpApi {
  readonly logicalId: string;
  readonly cors?: { readonly [key: string]: any };
  readonly routes: readonly LocalHttpRoute[];
  readonly stages: ReadonlyMap<string, LocalHttpStage>;
}

/** The HTTP APIs of a template, by logical id. */
export function httpApiIds(template: TemplateJson): string[] {
  return Object.entries(template.Resources ?? {})
    .filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Api' && (r.Properties?.ProtocolType ?? 'HTTP') === 'HTTP').map(([id]) => id);
}

/** An HTTP API with its routes, integrations, authorizers and stages; refused when it is defined by an OpenAPI body. */
export function readHttpApi(template: TemplateJson, logicalId: string): LocalHttpApi {
  const { properties, routes: v2Routes, stages: v2Stages } = readV2Api(template, logicalId);
  if (properties.Body !== undefined || properties.BodyS3Location !== undefined) {
    throw new Error(`LocalGateway: ${logicalId} is an HTTP API defined by an OpenAPI document, which the local gateway does not read yet`);
  }
  const routes = v2Routes.map(({ properties: route, ...joined }) => ({ ...joined, scopes: (route.AuthorizationScopes ?? []).map(String) }));
  const stages = new Map<string, LocalHttpStage>();
  for (const stage of v2Stages) {
    const throttle = (settings: any) => settings && (settings.ThrottlingRateLimit !== undefined || settings.ThrottlingBurstLimit !== undefined)
      ? { rateLimit: Number(settings.ThrottlingRateLimit ?? 10000), burstLimit: Number(settings.ThrottlingBurstLimit ?? 5000) } : undefined;
    const routeThrottles = Object.fromEntries(Object.entries<any>(stage.RouteSettings ?? {})
      .map(([key, settings]) => [key, throttle(settings)]).filter(([, t]) => t !== undefined));
    stages.set(String(stage.StageName), {
      name: String(stage.StageName), variables: stage.StageVariables ?? {}, defaultThrottle: throttle(stage.DefaultRouteSettings), routeThrottles,
    });
  }
  return { logicalId, cors: properties.CorsConfiguration, routes, stages };
}
