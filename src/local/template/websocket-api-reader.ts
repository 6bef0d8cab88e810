import { TemplateJson } from './intrinsics';
import { readV2Api } from './v2-api-reader';

/** A route of a WebSocket API: its key, authorization, integration, and whether it answers the client (two-way). */
export interface LocalWebSocketRoute {
  /** `$connect`, `$disconnect`, `$default` or a value of the route selection expression. */
  readonly routeKey: string;
  readonly authorizationType: string;
  readonly authorizer?: { readonly [key: string]: any };
  readonly integration?: { readonly [key: string]: any };
  readonly twoWay: boolean;
}

/** A WebSocket API of a template, with its stages' variables. */
export interface LocalWebSocketApi {
  readonly logicalId: string;
  /** `$request.body.action`, the usual. */
  readonly routeSelectionExpression: string;
  readonly routes: readonly LocalWebSocketRoute[];
  readonly stages: ReadonlyMap<string, { readonly name: string; readonly variables: { readonly [name: string]: string } }>;
}

/** The WebSocket APIs of a template, by logical id. */
export function webSocketApiIds(template: TemplateJson): string[] {
  return Object.entries(template.Resources ?? {})
    .filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Api' && r.Properties?.ProtocolType === 'WEBSOCKET').map(([id]) => id);
}

/** A WebSocket API with its routes, integrations, authorizers and stages. */
export function readWebSocketApi(template: TemplateJson, logicalId: string): LocalWebSocketApi {
  const { properties, routes: v2Routes, stages: v2Stages } = readV2Api(template, logicalId);
  const routes = v2Routes.map(({ properties: route, ...joined }) => ({ ...joined, twoWay: route.RouteResponseSelectionExpression !== undefined }));
  const stages = new Map(v2Stages.map(stage => [String(stage.StageName), { name: String(stage.StageName), variables: stage.StageVariables ?? {} }]));
  return { logicalId, routeSelectionExpression: String(properties.RouteSelectionExpression ?? '$request.body.action'), routes, stages };
}
