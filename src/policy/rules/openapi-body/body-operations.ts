import { bodyOperationLocation } from '../../template/acknowledgments';
import { TemplateIndex, isObject } from '../../template/template-index';
import { isIntrinsic } from '../../template/values';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'x-amazon-apigateway-any-method'];

/** One operation of a REST API's inline OpenAPI definition. */
export interface BodyOperation {
  readonly apiLogicalId: string;
  /** The definition itself, for document-level settings. */
  readonly document: { readonly [key: string]: unknown };
  readonly path: string;
  readonly method: string;
  readonly operation: { readonly [key: string]: unknown };
  /** Where the operation is, e.g. `Properties/Body/paths/~1pets/get` (JSON pointer escaping). */
  readonly location: string;
}

/**
 * The operations of every REST API whose definition is inline (`Body`). A definition the
 * template does not hold (`BodyS3Location`, or a `Body` computed by an intrinsic) is not seen.
 */
export function bodyOperations(template: TemplateIndex): BodyOperation[] {
  return template.ofType('AWS::ApiGateway::RestApi').flatMap(api => {
    const document = api.properties.Body;
    if (!isObject(document) || isIntrinsic(document) || !isObject(document.paths)) return [];
    return Object.entries(document.paths).flatMap(([path, item]) => !isObject(item) ? [] : METHODS
      .filter(method => isObject(item[method]))
      .map(method => ({
        apiLogicalId: api.logicalId,
        document,
        path,
        method,
        operation: item[method] as { readonly [key: string]: unknown },
        location: bodyOperationLocation(path, method),
      })));
  });
}

/** A CORS preflight API Gateway answers itself: OPTIONS with a mock integration. */
export function isCorsPreflight(op: BodyOperation): boolean {
  const integration = op.operation['x-amazon-apigateway-integration'];
  return op.method === 'options' && isObject(integration) && integration.type === 'mock';
}
