import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { Authorization } from '../auth/authorization';
import { RouteCacheOptions } from '../cache/route-cache';
import { Integration } from '../integrations/integration';
import { ThrottleOptions } from '../throttle/throttle';

/**
 * Which parts of a request API Gateway validates before calling the backend.
 */
export enum RequestValidation {
  /** Validate the body against its model and require the required parameters. */
  BODY_AND_PARAMETERS = 'BODY_AND_PARAMETERS',
  /** Validate only the body. */
  BODY_ONLY = 'BODY_ONLY',
  /** Validate only the required parameters. */
  PARAMETERS_ONLY = 'PARAMETERS_ONLY',
  /** No validation: every request reaches the backend. */
  OFF = 'OFF',
}

/**
 * The body a route accepts, checked by API Gateway's request validator.
 */
export interface RequestBody {
  /** The JSON schema (draft 4) the body must match. */
  readonly schema: apigw.JsonSchema;

  /**
   * The model name, alphanumeric. Routes that share a name share the model.
   *
   * @default - derived from the route, e.g. `PostPetsRequest` for `POST /pets`
   */
  readonly modelName?: string;

  /**
   * The content type the schema applies to.
   *
   * @default 'application/json'
   */
  readonly contentType?: string;
}

/**
 * One route of a REST API: its backend, and what API Gateway checks before calling it.
 *
 * ```ts
 * api.addRoute('POST /pets', { integration: Integration.lambda(fn), requestBody: { schema: petSchema } });
 * ```
 */
export interface RouteOptions {
  /** The backend that serves the route. */
  readonly integration: Integration;

  /**
   * The OpenAPI operationId, unique in the API.
   *
   * @default - derived from the route key, e.g. `getPetsPetId` for `GET /pets/{petId}`
   */
  readonly operationId?: string;

  /**
   * A one-line summary of the route, shown in the API's OpenAPI document.
   *
   * @default - none
   */
  readonly summary?: string;

  /**
   * The body the route accepts; with validation on, other bodies are answered 400.
   *
   * @default - any body
   */
  readonly requestBody?: RequestBody;

  /**
   * Query strings and headers the route reads, `method.request.querystring.NAME` or
   * `method.request.header.NAME`, to `true` when required. Path parameters are declared from
   * the route key and always required.
   *
   * @default - none besides the path parameters
   */
  readonly requestParameters?: { [methodParameter: string]: boolean };

  /**
   * Who may call the route.
   *
   * @default - the API's `defaultAuthorization`
   */
  readonly authorization?: Authorization;

  /**
   * What API Gateway validates on this route.
   *
   * @default - the API's `requestValidation`
   */
  readonly requestValidation?: RequestValidation;

  /**
   * Findings of the policy rules that judge one route at a time, acknowledged for this route
   * alone, by id, with the reason: `{ 'GatewayApi::body-request-validation': 'Uploads are images: no model to check' }`.
   * (An open route's finding is acknowledged by the reason given to `Authorization.none`.)
   *
   * @default - none
   */
  readonly acknowledgments?: { [id: string]: string };

  /**
   * Whether callers must send an API key (`x-api-key`, or from a Lambda authorizer with
   * `apiKeySource` AUTHORIZER) that belongs to a usage plan of the stage.
   *
   * @default - the API's `apiKeyRequired`
   */
  readonly apiKeyRequired?: boolean;

  /**
   * Throttling of this route on every stage, in place of the stage's own limits. A route
   * above its stage's limits or the account's default (10,000 rps, burst 5,000) gets a synth
   * warning.
   *
   * @default - the stage's throttling
   */
  readonly throttle?: ThrottleOptions;

  /**
   * How the route is cached on stages with a cache: on or off, its TTL, and the request
   * parameters in its cache key.
   *
   * @default - the stage's cache settings, with no cache key parameters
   */
  readonly cache?: RouteCacheOptions;
}
