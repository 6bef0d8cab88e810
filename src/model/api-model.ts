import { RouteKey } from '../core/route-key';
import { IntegrationConfig } from '../integrations/integration-config';

/** Validator names in the OpenAPI body, by what they validate. */
export type ValidatorName = 'body-and-parameters' | 'body-only' | 'parameters-only' | 'none';

/** A method request parameter as OpenAPI declares it. */
export interface ParameterModel {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
}

/** A route after validation and binding: everything the renderer needs, nothing more. */
export interface RouteModel {
  readonly key: RouteKey;
  readonly operationId: string;
  readonly summary?: string;
  readonly integration: IntegrationConfig;
  readonly parameters: ParameterModel[];
  readonly requestBody?: { readonly modelName: string; readonly contentType: string };
  readonly validator: ValidatorName;
  /** API Gateway's authorization type for the route. */
  readonly authorizationType: 'AWS_IAM' | 'COGNITO_USER_POOLS' | 'CUSTOM' | 'NONE';
  /** The Cognito or Lambda authorizer, by name, with the OAuth scopes the route requires. */
  readonly authorizer?: { readonly name: string; readonly scopes: string[] };
  /** The request parameters that identify the caller to the route's authorization. */
  readonly identitySources: string[];
  /** Whether callers must send an API key. */
  readonly apiKeyRequired: boolean;
  /** The route's own throttling on every stage. */
  readonly throttle?: { readonly rateLimit?: number; readonly burstLimit?: number };
  /** The route's own cache settings on stages with a cache. */
  readonly cache: RouteCacheModel;
  /** Findings of the policy rules acknowledged for this route alone: `GatewayApi::<rule id>` and why. */
  readonly acknowledgments: { readonly id: string; readonly reason: string }[];
}

/** A route's cache settings, validated. */
export interface RouteCacheModel {
  readonly enabled?: boolean;
  readonly ttlSeconds?: number;
  /** Method request parameters in the cache key, e.g. `method.request.querystring.page`. */
  readonly keyParameters: string[];
}

/** CORS after validation, with every default filled in. */
export interface CorsModel {
  readonly allowOrigins: string[];
  readonly allowMethods?: string[];
  readonly allowHeaders: string[];
  readonly exposeHeaders?: string[];
  readonly allowCredentials: boolean;
  readonly maxAgeSeconds?: number;
  readonly statusCode: number;
}

/** A gateway response as rendered: keyed by response type in the API model. */
export interface GatewayResponseModel {
  readonly statusCode?: string;
  readonly headers: { [header: string]: string };
  readonly templates: { [contentType: string]: string };
}

/** The whole REST API definition, ready to render. */
export interface ApiModel {
  readonly title: string;
  /** The validator of every route that does not name its own. */
  readonly defaultValidator: ValidatorName;
  readonly description?: string;
  readonly routes: RouteModel[];
  readonly schemas: Map<string, { [key: string]: unknown }>;
  readonly cors?: CorsModel;
  readonly gatewayResponses: Map<string, GatewayResponseModel>;
  /** The security schemes of the API's Cognito and Lambda authorizers, by name. */
  readonly authorizers: Map<string, { [key: string]: unknown }>;
  /** Where API keys come from, when the API says. */
  readonly apiKeySource?: string;
}
