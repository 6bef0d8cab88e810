import { Token, aws_apigateway as apigw } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ParameterModel, RouteModel, ValidatorName } from './api-model';
import { toOpenApiSchema } from './json-schema';
import { capitalize, deriveOperationId } from './operation-id';
import { RequestValidation, RouteOptions } from './route-options';
import { ApiAuthorizers } from '../auth/api-authorizers';
import { Authorization } from '../auth/authorization';
import { requiredReason } from '../auth/open-route';
import { MAX_CACHE_TTL_SECONDS } from '../cache/route-cache';
import { checkIntegerInRange, checkOAuthScopes } from '../core/checks';
import { propError } from '../core/errors';
import { RouteKey, parseRouteKey, variableSiblingConflict } from '../core/route-key';
import { IntegrationConfig } from '../integrations/integration-config';
import { methodParametersReadBy } from '../integrations/request-parameters';
import { checkThrottle } from '../throttle/throttle';

const MODEL_NAME = /^[a-zA-Z0-9]+$/;
const OPERATION_ID = /^[a-zA-Z][a-zA-Z0-9_]*$/;
/** The policy rules that judge one route of a definition at a time, so that one route can be acknowledged. */
const ROUTE_RULE_IDS = ['GatewayApi::body-authorization', 'GatewayApi::body-request-validation'];
const DECLARED_PARAMETER = /^method\.request\.(querystring|header|path)\.([^\s]+)$/;

export const VALIDATOR_NAMES: { [v in RequestValidation]: ValidatorName } = {
  [RequestValidation.BODY_AND_PARAMETERS]: 'body-and-parameters',
  [RequestValidation.BODY_ONLY]: 'body-only',
  [RequestValidation.PARAMETERS_ONLY]: 'parameters-only',
  [RequestValidation.OFF]: 'none',
};

/**
 * The routes of one API, validated as they are added: route keys, duplicates, path
 * conflicts API Gateway refuses, operation ids, parameters and body models.
 */
export class RouteTable {
  public readonly routes: RouteModel[] = [];
  public readonly schemas = new Map<string, { [key: string]: unknown }>();
  private readonly schemaJson = new Map<string, string>();

  constructor(
    private readonly scope: IConstruct,
    private readonly defaultValidation: RequestValidation,
    private readonly defaultAuthorization: Authorization,
    private readonly defaultApiKeyRequired: boolean,
    private readonly authorizers: ApiAuthorizers,
  ) {}

  /**
   * Validates a route and adds it. `bind` binds the integration once the key is known to be valid.
   */
  public add(prop: string, routeKey: string, options: RouteOptions, bind: (key: RouteKey) => IntegrationConfig): RouteModel {
    const key = parseRouteKey(this.scope, prop, routeKey);
    this.checkUnique(prop, key);
    const integration = bind(key);
    const operationId = options.operationId ?? deriveOperationId(key.method, key.path);
    if (!OPERATION_ID.test(operationId)) {
      throw propError(this.scope, `${prop}.operationId`, operationId, 'a letter followed by letters, digits and underscores');
    }
    const clash = this.routes.find(r => r.operationId === operationId);
    if (clash) {
      throw propError(this.scope, `${prop}.operationId`, operationId,
        `an operationId not used by another route (${clash.key.key} has it); set operationId on one of them`);
    }
    checkThrottle(this.scope, `${prop}.throttle`, options.throttle);
    checkIntegerInRange(this.scope, `${prop}.cache.ttl`, options.cache?.ttl?.toSeconds({ integral: false }), 0, MAX_CACHE_TTL_SECONDS, 'seconds');
    this.checkStreamedUncached(prop, options, integration);
    const validation = options.requestValidation ?? this.defaultValidation;
    const authorization = options.authorization ?? this.defaultAuthorization;
    const authorizationProp = options.authorization ? `${prop}.authorization` : 'defaultAuthorization';
    const authorizationType = authorization.authorizationType as RouteModel['authorizationType'];
    const authorizer = authorization._authorizer && this.authorizers.bind(authorization._authorizer, authorizationProp);
    const scopes = this.scopes(authorizationProp, authorization);
    const route: RouteModel = {
      key,
      operationId,
      summary: options.summary,
      integration,
      parameters: this.parameters(prop, key, options, integration),
      requestBody: options.requestBody && {
        modelName: this.addSchema(`${prop}.requestBody`, options.requestBody.modelName ?? `${capitalize(operationId)}Request`,
          toOpenApiSchema(options.requestBody.schema)),
        contentType: options.requestBody.contentType ?? 'application/json',
      },
      validator: VALIDATOR_NAMES[validation],
      authorizationType,
      authorizer: authorizer && { name: authorizer.name, scopes },
      identitySources: authorizer?.identitySources ?? (authorizationType === 'AWS_IAM' ? ['method.request.header.Authorization'] : []),
      apiKeyRequired: options.apiKeyRequired ?? this.defaultApiKeyRequired,
      throttle: options.throttle,
      cache: {
        enabled: options.cache?.enabled,
        ttlSeconds: options.cache?.ttl?.toSeconds({ integral: false }),
        keyParameters: [...new Set(options.cache?.keyParameters ?? [])],
      },
      acknowledgments: this.acknowledgments(prop, authorizationProp, authorization, options.acknowledgments),
    };
    this.routes.push(route);
    return route;
  }

  /** The route's acknowledged findings: an open route's reason, and those the route names. */
  private acknowledgments(
    prop: string, authorizationProp: string, authorization: Authorization, named: { [id: string]: string } = {},
  ): RouteModel['acknowledgments'] {
    const acknowledgments: RouteModel['acknowledgments'] = [];
    if (authorization.authorizationType === 'NONE') {
      acknowledgments.push({ id: 'GatewayApi::body-authorization', reason: requiredReason(this.scope, authorizationProp, authorization._reason) });
    }
    for (const [id, reason] of Object.entries(named)) {
      if (!ROUTE_RULE_IDS.includes(id)) {
        throw propError(this.scope, `${prop}.acknowledgments key`, id, `the id of a rule that judges routes one at a time: ${ROUTE_RULE_IDS.join(', ')}`);
      }
      if (typeof reason !== 'string' || reason.trim().length === 0) throw propError(this.scope, `${prop}.acknowledgments['${id}']`, reason, 'a reason');
      acknowledgments.push({ id, reason });
    }
    return acknowledgments;
  }

  /** OAuth scopes, which only Cognito authorizers check. */
  private scopes(prop: string, authorization: Authorization): string[] {
    const scopes = authorization._scopes ?? [];
    if (scopes.length > 0 && authorization.authorizationType !== 'COGNITO_USER_POOLS') {
      throw propError(this.scope, `${prop} scopes`, scopes, 'scopes only with a Cognito authorizer');
    }
    checkOAuthScopes(this.scope, prop, scopes);
    return scopes;
  }

  /** API Gateway cannot cache a response it streams. */
  private checkStreamedUncached(prop: string, options: RouteOptions, integration: IntegrationConfig): void {
    if (integration.responseTransferMode !== apigw.ResponseTransferMode.STREAM || options.cache === undefined) return;
    const { enabled, ttl, keyParameters } = options.cache;
    if (enabled === false && ttl === undefined && (keyParameters ?? []).length === 0) return;
    throw propError(this.scope, `${prop}.cache`, options.cache,
      'no cache on a streamed route (responseTransferMode: STREAM): API Gateway cannot cache a streamed response');
  }

  private checkUnique(prop: string, key: RouteKey): void {
    for (const other of this.routes) {
      if (other.key.method === key.method && other.key.path === key.path) {
        throw propError(this.scope, prop, key.key, 'each route key once per API (it is already defined)');
      }
      const conflict = variableSiblingConflict(other.key.path, key.path);
      if (conflict) {
        throw propError(this.scope, prop, key.key,
          `one variable path segment per level; ${conflict} differ only in their parameter name (rename one to match)`);
      }
    }
  }

  /** Path parameters from the key, required ones from the options, and whatever the integration reads. */
  private parameters(prop: string, key: RouteKey, options: RouteOptions, integration: IntegrationConfig): ParameterModel[] {
    const params = new Map<string, ParameterModel>();
    for (const name of key.pathParameters) params.set(`path.${name}`, { name, in: 'path', required: true });
    const declare = (source: string, required: boolean, where: string) => {
      const match = DECLARED_PARAMETER.exec(source);
      if (!match) {
        throw propError(this.scope, where, source, 'method.request.querystring.NAME or method.request.header.NAME');
      }
      if (match[1] === 'path') {
        if (!key.pathParameters.includes(match[2])) {
          throw propError(this.scope, where, source, `a path parameter of ${key.key}: ${key.pathParameters.join(', ') || '(none)'}`);
        }
        return;
      }
      const id = `${match[1]}.${match[2]}`;
      const existing = params.get(id);
      params.set(id, { name: match[2], in: match[1] === 'querystring' ? 'query' : 'header', required: required || !!existing?.required });
    };
    for (const [source, required] of Object.entries(options.requestParameters ?? {})) {
      declare(source, required, `${prop}.requestParameters key`);
    }
    // A cache key parameter must be a declared method request parameter.
    for (const source of options.cache?.keyParameters ?? []) {
      declare(source, false, `${prop}.cache.keyParameters`);
    }
    for (const source of methodParametersReadBy(integration.requestParameters)) {
      const plain = source.replace('.multivaluequerystring.', '.querystring.').replace('.multivalueheader.', '.header.');
      declare(plain, false, `${prop}.integration.requestParameters`);
    }
    return [...params.values()];
  }

  /** Adds a model no route names yet (an imported document's), so other models may refer to it. */
  public addModel(prop: string, name: string, schema: { [key: string]: unknown }): void {
    this.addSchema(prop, name, schema);
  }

  private addSchema(prop: string, name: string, schema: { [key: string]: unknown }): string {
    if (!Token.isUnresolved(name) && !MODEL_NAME.test(name)) {
      throw propError(this.scope, `${prop}.modelName`, name, 'letters and digits only');
    }
    const json = JSON.stringify(schema);
    const existing = this.schemaJson.get(name);
    if (existing !== undefined && existing !== json) {
      throw propError(this.scope, `${prop}.modelName`, name, 'a name not already used by a different schema');
    }
    this.schemaJson.set(name, json);
    this.schemas.set(name, schema);
    return name;
  }
}
