import { Token } from 'aws-cdk-lib';
import { IIntegrationContext } from './integration-config';
import { IntegrationResponse } from './options';
import { propError } from '../core/errors';

const STATUS_CODE = /^[1-5]\d{2}$/;
const RESPONSE_HEADER = /^method\.response\.header\.[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/** Default responses for non-proxy integrations: everything answers 200. */
export const PASS_THROUGH_RESPONSES: IntegrationResponse[] = [{ statusCode: '200' }];

/** Default responses for AWS service integrations: the service's 4XX and 5XX are not a 200. */
export const AWS_SERVICE_RESPONSES: IntegrationResponse[] = [
  { statusCode: '200' },
  { statusCode: '400', selectionPattern: '4\\d{2}' },
  { statusCode: '500', selectionPattern: '5\\d{2}' },
];

/** Validates status codes, response headers and that each selection pattern appears once. */
export function checkIntegrationResponses(
  context: IIntegrationContext, responses: IntegrationResponse[],
): IntegrationResponse[] {
  const seen = new Set<string>();
  responses.forEach((response, i) => {
    const prop = `${context.prop}.integrationResponses[${i}]`;
    if (!STATUS_CODE.test(response.statusCode)) {
      throw propError(context.scope, `${prop}.statusCode`, response.statusCode, 'a three-digit HTTP status code from 100 to 599');
    }
    const pattern = response.selectionPattern ?? 'default';
    if (seen.has(pattern)) {
      throw propError(context.scope, `${prop}.selectionPattern`, response.selectionPattern ?? '(default)',
        'each selection pattern once per integration (one response without a pattern is the default)');
    }
    seen.add(pattern);
    if (response.selectionPattern !== undefined && !Token.isUnresolved(response.selectionPattern)) {
      try {
        new RegExp(response.selectionPattern);
      } catch {
        throw propError(context.scope, `${prop}.selectionPattern`, response.selectionPattern, 'a regular expression (API Gateway matches it against the status code or error message)');
      }
    }
    for (const header of Object.keys(response.responseParameters ?? {})) {
      if (!RESPONSE_HEADER.test(header)) {
        throw propError(context.scope, `${prop}.responseParameters key`, header, 'method.response.header.NAME');
      }
    }
  });
  return responses;
}
