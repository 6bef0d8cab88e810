import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { propError } from '../core/errors';
import { stableText } from '../core/hash';

/** Changes API Gateway makes to a request before the backend gets it, and to the backend's response. */
export interface HttpParameterMappingOptions {
  /**
   * Changes to the request the backend receives, by destination:
   * `append|overwrite|remove:header.NAME`, `append|overwrite|remove:querystring.NAME` or
   * `overwrite:path`, each to a value that may mix text with `$request.header.NAME`,
   * `$request.querystring.NAME`, `$request.body.PATH`, `$request.path`, `$request.path.NAME`,
   * `$context.VAR` and `$stageVariables.VAR`, e.g.
   * `{ 'overwrite:header.X-Tenant': '$context.authorizer.claims.tenant', 'remove:querystring.debug': "''" }`.
   *
   * @default - the request as it came
   */
  readonly requestParameters?: { [destination: string]: string };

  /**
   * Changes to the backend's response, by the status code it answered (200 to 599), then by
   * destination: `append|overwrite|remove:header.NAME` or `overwrite:statuscode`, each to a value
   * that may mix text with `$response.header.NAME`, `$response.body.PATH`, `$context.VAR` and
   * `$stageVariables.VAR`, e.g. `{ '404': { 'overwrite:statuscode': '204' } }`.
   *
   * @default - the response as it came
   */
  readonly responseParameters?: { [statusCode: string]: { [destination: string]: string } };
}

const REQUEST_DESTINATION = /^(?:(?:append|overwrite|remove):(?:header|querystring)\.[A-Za-z0-9!#$%&'*+.^_`|~-]+|overwrite:path)$/;
const RESPONSE_DESTINATION = /^(?:(?:append|overwrite|remove):header\.[A-Za-z0-9!#$%&'*+.^_`|~-]+|overwrite:statuscode)$/;
const REQUEST_SOURCES = /^(?:request\.header\.[^.\s]+|request\.querystring\.[^.\s]+|request\.body\.\S+|request\.path(?:\.[^.\s]+)?|context\.[A-Za-z0-9._]+|stageVariables\.[A-Za-z0-9_]+)$/;
const RESPONSE_SOURCES = /^(?:response\.header\.[^.\s]+|response\.body\.\S+|context\.[A-Za-z0-9._]+|stageVariables\.[A-Za-z0-9_]+)$/;
/** `$name.more` or `${name.more}`: the references a value may hold. */
const REFERENCE = /\$\{([^}]*)\}|\$([A-Za-z][A-Za-z0-9_.-]*)/g;
const STATUS_CODE = /^[2-5]\d{2}$/;
/** Headers API Gateway does not let a mapping change, and prefixes of such headers ending in `*`. */
const RESERVED_HEADERS = [
  'access-control-*', 'apigw-*', 'authorization', 'connection', 'content-encoding', 'content-length', 'content-location',
  'forwarded', 'keep-alive', 'origin', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailers', 'transfer-encoding',
  'upgrade', 'x-amz-*', 'x-amzn-*', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'via',
];

/** Checks a mapping against API Gateway's syntax: destinations, the references of values, status codes and reserved headers. */
export function checkParameterMapping(scope: IConstruct, prop: string, mapping: HttpParameterMappingOptions): void {
  for (const [destination, value] of Object.entries(mapping.requestParameters ?? {})) {
    checkEntry(scope, `${prop}.requestParameters`, destination, value, REQUEST_DESTINATION, REQUEST_SOURCES, 'request');
  }
  for (const [status, entries] of Object.entries(mapping.responseParameters ?? {})) {
    if (!Token.isUnresolved(status) && !STATUS_CODE.test(status)) {
      throw propError(scope, `${prop}.responseParameters`, status, 'status codes from 200 to 599 as keys');
    }
    for (const [destination, value] of Object.entries(entries)) {
      checkEntry(scope, `${prop}.responseParameters['${status}']`, destination, value, RESPONSE_DESTINATION, RESPONSE_SOURCES, 'response');
      if (destination === 'overwrite:statuscode' && !Token.isUnresolved(value) && !value.includes('$') && !STATUS_CODE.test(value)) {
        throw propError(scope, `${prop}.responseParameters['${status}']['overwrite:statuscode']`, value, 'a status code from 200 to 599, or a reference to one');
      }
    }
  }
}

function checkEntry(
  scope: IConstruct, prop: string, destination: string, value: string, destinations: RegExp, sources: RegExp, side: 'request' | 'response',
): void {
  if (Token.isUnresolved(destination)) return;
  if (!destinations.test(destination)) {
    throw propError(scope, `${prop} key`, destination, side === 'request'
      ? 'append:, overwrite: or remove: with header.NAME or querystring.NAME, or overwrite:path'
      : 'append:, overwrite: or remove: with header.NAME, or overwrite:statuscode');
  }
  const header = /:header\.(.+)$/.exec(destination)?.[1].toLowerCase();
  const reserved = header && RESERVED_HEADERS.find(r => r.endsWith('*') ? header.startsWith(r.slice(0, -1)) : header === r);
  if (reserved) throw propError(scope, `${prop} key`, destination, `a header API Gateway lets mappings change (not ${reserved})`);
  if (Token.isUnresolved(value)) return;
  for (const [, braced, bare] of value.matchAll(REFERENCE)) {
    const reference = braced ?? bare;
    if (!sources.test(reference)) {
      throw propError(scope, `${prop}['${destination}']`, value, side === 'request'
        ? 'text and $request.header.NAME, $request.querystring.NAME, $request.body.PATH, $request.path, $request.path.NAME, $context.VAR or $stageVariables.VAR'
        : 'text and $response.header.NAME, $response.body.PATH, $context.VAR or $stageVariables.VAR');
    }
  }
}

/**
 * The integration resource's `ResponseParameters`: by status code, a list of destinations and
 * sources, written as CloudFormation spells them (the L1 takes untyped JSON).
 */
export function renderResponseParameters(
  mapping: { [statusCode: string]: { [destination: string]: string } } | undefined,
): { [statusCode: string]: unknown } | undefined {
  if (!mapping || Object.keys(mapping).length === 0) return undefined;
  return Object.fromEntries(Object.entries(mapping).map(([status, entries]) => [status, {
    ResponseParameters: Object.entries(entries).map(([destination, source]) => ({ Destination: destination, Source: source })),
  }]));
}

/**
 * What of a mapping tells two integration resources apart (routes with the same backend and
 * mapping share one): nothing without a mapping, so an integration's logical id stays as it was.
 */
export function mappingKey(scope: IConstruct, mapping: HttpParameterMappingOptions): string {
  if (!mapping.requestParameters && !mapping.responseParameters) return '';
  return ` ${stableText(scope, JSON.stringify([mapping.requestParameters ?? {}, mapping.responseParameters ?? {}]))}`;
}
