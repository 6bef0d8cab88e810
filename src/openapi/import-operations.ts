import { IConstruct } from 'constructs';
import { DocumentedOperation } from './client-document';
import { OpenApiDocument } from './openapi-document';
import { Authorization } from '../auth/authorization';
import { propError } from '../core/errors';
import { fromOpenApiSchema } from '../model/json-schema';
import { RequestValidation, RouteOptions } from '../model/route-options';

type Json = { [key: string]: any };

const METHODS: { [key: string]: string } = {
  'get': 'GET',
  'put': 'PUT',
  'post': 'POST',
  'delete': 'DELETE',
  'patch': 'PATCH',
  'head': 'HEAD',
  'options': 'OPTIONS',
  'x-amazon-apigateway-any-method': 'ANY',
};
const VALIDATOR = 'x-amazon-apigateway-request-validator';
const VALIDATORS = 'x-amazon-apigateway-request-validators';
const SCHEMA_REF = /^#\/components\/schemas\/([a-zA-Z0-9]+)$/;
const PARAMETER_REF = /^#\/components\/parameters\/(.+)$/;
const RESPONSE_REF = /^#\/components\/responses\/(.+)$/;

/** A route of the document, bound to the options its operationId names. */
export interface ImportedRoute {
  /** How the route is named in errors, e.g. `operations['listPets']`. */
  readonly prop: string;
  readonly routeKey: string;
  readonly options: RouteOptions;
  /** The parameter schemas and responses the document declared, for the exported document. */
  readonly documented: DocumentedOperation;
}

/** What a document gives the API besides its routes. */
export interface ImportedApi {
  readonly description?: string;
  readonly routes: ImportedRoute[];
  /** Every schema of `components.schemas`, in OpenAPI form, by name. */
  readonly models: Map<string, Json>;
  /** What the document's root validator validates, when it names one. */
  readonly defaultValidation?: RequestValidation;
}

/**
 * Reads a document's operations as routes: route key, operationId, summary, query and header
 * parameters, request body (its model by `$ref`), request validator and API key requirement,
 * with the integration (and anything else) from `operations[operationId]`. Every operation must
 * be bound, and every binding must name an operation.
 */
export function importOperations(
  scope: IConstruct, source: OpenApiDocument, operations: { [operationId: string]: RouteOptions }, hasDefaultAuthorization: boolean,
): ImportedApi {
  const doc = source.document as Json;
  const reader = new DocumentReader(scope, doc);
  const routes: ImportedRoute[] = [];
  const operationIds: string[] = [];
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const [key, operation] of Object.entries<Json>(item)) {
      const method = METHODS[key];
      if (!method) continue;
      const where = `openApi paths['${path}'].${key}`;
      const operationId = operation.operationId;
      if (typeof operationId !== 'string') throw propError(scope, `${where}.operationId`, operationId, 'an operationId on every operation (routes are bound to integrations by it)');
      operationIds.push(operationId);
      const prop = `operations['${operationId}']`;
      const bound = operations[operationId];
      if (!bound) {
        throw propError(scope, prop, undefined, `the options of operation ${operationId} (${method} ${path}), with its integration`);
      }
      const fromDocument = reader.routeOptions(where, operationId, [...(item.parameters ?? []), ...(operation.parameters ?? [])], operation);
      if (fromDocument.needsAuthorization && !bound.authorization && !hasDefaultAuthorization) {
        throw propError(scope, `${prop}.authorization`, undefined,
          `an authorization for the security scheme(s) ${fromDocument.needsAuthorization} the document requires (or the API's defaultAuthorization)`);
      }
      routes.push({
        prop,
        documented: fromDocument.documented,
        routeKey: `${method} ${path}`,
        options: {
          ...fromDocument.options,
          ...bound,
          requestParameters: { ...fromDocument.options.requestParameters, ...bound.requestParameters },
        },
      });
    }
  }
  const unknown = Object.keys(operations).filter(id => !operationIds.includes(id));
  if (unknown.length > 0) throw propError(scope, 'operations', unknown, `operationIds of the document: ${operationIds.join(', ')}`);
  return {
    description: doc.info?.description,
    routes,
    models: new Map(Object.entries<Json>(doc.components?.schemas ?? {})),
    defaultValidation: reader.defaultValidation(),
  };
}

/** The parts of one operation the document decides. */
interface OperationFromDocument {
  readonly options: Omit<RouteOptions, 'integration'>;
  /** The schemes the operation requires that the library cannot build, if any. */
  readonly needsAuthorization?: string;
  readonly documented: DocumentedOperation;
}

class DocumentReader {
  private readonly schemes: Json;
  private readonly validators: Json;

  constructor(private readonly scope: IConstruct, private readonly doc: Json) {
    this.schemes = doc.components?.securitySchemes ?? {};
    this.validators = doc[VALIDATORS] ?? {};
  }

  public routeOptions(where: string, operationId: string, parameters: Json[], operation: Json): OperationFromDocument {
    const requestParameters: { [source: string]: boolean } = {};
    const parameterSchemas: { [inAndName: string]: Json } = {};
    parameters.forEach((p, i) => {
      const parameter = this.parameter(`${where}.parameters[${i}]`, p);
      if (parameter.schema) parameterSchemas[`${parameter.in} ${parameter.name}`] = parameter.schema;
      if (parameter.in === 'path') return;
      if (parameter.in !== 'query' && parameter.in !== 'header') {
        throw propError(this.scope, `${where}.parameters[${i}].in`, parameter.in, 'path, query or header (API Gateway reads no others)');
      }
      requestParameters[`method.request.${parameter.in === 'query' ? 'querystring' : 'header'}.${parameter.name}`] = parameter.required === true;
    });
    const security: Json[] = operation.security ?? this.doc.security ?? [];
    const required = [...new Set(security.flatMap(requirement => Object.keys(requirement)))];
    const apiKeyRequired = required.some(name => this.isApiKey(name)) || undefined;
    const signed = required.some(name => this.schemes[name]?.['x-amazon-apigateway-authtype'] === 'awsSigv4');
    const others = required.filter(name => !this.isApiKey(name) && this.schemes[name]?.['x-amazon-apigateway-authtype'] !== 'awsSigv4');
    const validatorName = operation[VALIDATOR];
    return {
      options: {
        operationId,
        summary: operation.summary,
        requestParameters,
        requestBody: this.requestBody(`${where}.requestBody`, operation.requestBody),
        requestValidation: validatorName === undefined ? undefined : this.validation(`${where}.${VALIDATOR}`, validatorName),
        apiKeyRequired,
        authorization: signed ? Authorization.iam() : undefined,
      },
      needsAuthorization: others.length > 0 && !signed ? others.join(', ') : undefined,
      documented: { parameterSchemas, responses: this.responses(operation.responses) },
    };
  }

  /** The operation's responses, each `$ref` to components.responses written out (the export has no such components). */
  private responses(responses: Json | undefined): Json | undefined {
    if (!responses) return undefined;
    return Object.fromEntries(Object.entries<Json>(responses).map(([status, response]) => {
      const ref = RESPONSE_REF.exec(String(response?.$ref ?? ''));
      return [status, (ref && this.doc.components?.responses?.[ref[1]]) ?? response];
    }));
  }

  private parameter(where: string, p: Json): Json {
    if (p.$ref === undefined) return p;
    const ref = PARAMETER_REF.exec(String(p.$ref));
    const resolved = ref && this.doc.components?.parameters?.[ref[1]];
    if (!resolved) throw propError(this.scope, `${where}.$ref`, p.$ref, 'a reference to a parameter of components.parameters');
    return resolved;
  }

  private requestBody(where: string, body: Json | undefined): RouteOptions['requestBody'] {
    const content = Object.entries<Json>(body?.content ?? {});
    if (content.length === 0) return undefined;
    const [contentType, media] = content.find(([type]) => type === 'application/json') ?? content[0];
    const schema = media.schema;
    if (!schema) return undefined;
    if (schema.$ref === undefined) return { schema: fromOpenApiSchema(schema), contentType };
    const ref = SCHEMA_REF.exec(schema.$ref);
    const model = ref && this.doc.components?.schemas?.[ref[1]];
    if (!model) throw propError(this.scope, `${where}.content['${contentType}'].schema.$ref`, schema.$ref, 'a reference to a schema of components.schemas with an alphanumeric name');
    return { schema: fromOpenApiSchema(model), modelName: ref[1], contentType };
  }

  public defaultValidation(): RequestValidation | undefined {
    const name = this.doc[VALIDATOR];
    return name === undefined ? undefined : this.validation(`openApi ${VALIDATOR}`, name);
  }

  private validation(where: string, name: string): RequestValidation {
    const validator = this.validators[name];
    if (!validator) throw propError(this.scope, where, name, `a validator of the document's ${VALIDATORS}: ${Object.keys(this.validators).join(', ') || '(none)'}`);
    const body = validator.validateRequestBody === true;
    const parameters = validator.validateRequestParameters === true;
    if (body && parameters) return RequestValidation.BODY_AND_PARAMETERS;
    if (body) return RequestValidation.BODY_ONLY;
    return parameters ? RequestValidation.PARAMETERS_ONLY : RequestValidation.OFF;
  }

  /** API Gateway's API keys: an apiKey scheme reading the `x-api-key` header. */
  private isApiKey(name: string): boolean {
    const scheme = this.schemes[name];
    return scheme?.type === 'apiKey' && scheme.in === 'header' && String(scheme.name).toLowerCase() === 'x-api-key';
  }
}
