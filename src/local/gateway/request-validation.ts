import { GatewayError } from './gateway-responses';
import { ParsedRequest, header } from './request-context';
import { validSchema } from './schema-validation';
import { InputParameters } from '../vtl/builtins';

/** The request validator of the route (or the API's): required parameters, then the body's model. */
export function validateRequest(
  definition: { readonly [key: string]: any }, operation: { readonly [key: string]: any }, request: ParsedRequest, params: InputParameters,
): GatewayError | undefined {
  const name = operation['x-amazon-apigateway-request-validator'] ?? definition['x-amazon-apigateway-request-validator'];
  const validator = name === undefined ? undefined : definition['x-amazon-apigateway-request-validators']?.[name];
  if (!validator) return undefined;
  if (validator.validateRequestParameters) {
    const missing = (operation.parameters ?? []).filter((p: any) => p.required && !hasParameter(p, params)).map((p: any) => p.name);
    if (missing.length > 0) return { type: 'BAD_REQUEST_PARAMETERS', message: `Missing required request parameters: [${missing.join(', ')}]` };
  }
  const content = operation.requestBody?.content;
  if (validator.validateRequestBody && content) {
    const contentType = (header(request.headers, 'Content-Type') ?? 'application/json').split(';')[0].trim().toLowerCase();
    const schema = content[contentType]?.schema;
    if (schema !== undefined && !validBody(request.body, schema, definition)) return { type: 'BAD_REQUEST_BODY', message: 'Invalid request body' };
  }
  return undefined;
}

function hasParameter(parameter: { readonly name: string; readonly in: string }, params: InputParameters): boolean {
  switch (parameter.in) {
    case 'path': return params.path[parameter.name] !== undefined;
    case 'query': return params.querystring[parameter.name] !== undefined;
    default: return header(params.header, parameter.name) !== undefined;
  }
}

function validBody(body: string, schema: unknown, definition: { readonly [key: string]: any }): boolean {
  try {
    return validSchema(JSON.parse(body), schema, definition);
  } catch {
    return false;
  }
}

