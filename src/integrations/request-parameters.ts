import { Token } from 'aws-cdk-lib';
import { IIntegrationContext } from './integration-config';
import { propError } from '../core/errors';

const LOCATIONS = 'path|querystring|header|multivaluequerystring|multivalueheader';
const INTEGRATION_PARAMETER = new RegExp(`^integration\\.request\\.(${LOCATIONS})\\.[^\\s.][^\\s]*$`);
const METHOD_PARAMETER = new RegExp(`^method\\.request\\.(${LOCATIONS})\\.([^\\s]+)$`);
const OTHER_SOURCE = /^('[^']*'|context\.[A-Za-z0-9_.-]+|stageVariables\.[A-Za-z0-9_]+)$/;

/**
 * Validates an integration's request parameters against the route they are bound to and
 * returns them. A `method.request.path.NAME` source must be one of the route's path parameters.
 */
export function checkRequestParameters(
  context: IIntegrationContext, parameters: { [name: string]: string } | undefined,
): { [name: string]: string } | undefined {
  if (!parameters) return undefined;
  const prop = `${context.prop}.requestParameters`;
  for (const [name, source] of Object.entries(parameters)) {
    if (!INTEGRATION_PARAMETER.test(name)) {
      throw propError(context.scope, `${prop} key`, name,
        `integration.request.{${LOCATIONS.replace(/\|/g, ', ')}}.NAME`);
    }
    if (Token.isUnresolved(source)) continue;
    const method = METHOD_PARAMETER.exec(source);
    if (method) {
      if (method[1] === 'path' && !context.pathParameters.includes(method[2])) {
        throw propError(context.scope, `${prop}['${name}']`, source,
          `a path parameter of ${context.method} ${context.path}: ${context.pathParameters.join(', ') || '(none)'}`);
      }
    } else if (!OTHER_SOURCE.test(source)) {
      throw propError(context.scope, `${prop}['${name}']`, source,
        `method.request.{${LOCATIONS.replace(/\|/g, ', ')}}.NAME, a static value in single quotes, context.VAR or stageVariables.VAR`);
    }
  }
  return parameters;
}

/** The method request parameters (`method.request.querystring.page`) that a mapping reads. */
export function methodParametersReadBy(mapping: { [name: string]: string } | undefined): string[] {
  return Object.values(mapping ?? {})
    .filter(source => !Token.isUnresolved(source) && METHOD_PARAMETER.test(source));
}
