import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { propError } from '../core/errors';

/** One level of a base path: the characters API Gateway accepts in a mapping's path. */
const SEGMENT = "[a-zA-Z0-9$_.+!*'()-]+";
const BASE_PATH = new RegExp(`^${SEGMENT}(/${SEGMENT})*$`);

/** Validates a mapping's base path; undefined is the root. Returns whether it has several levels. */
export function checkBasePath(scope: IConstruct, prop: string, basePath: string | undefined): boolean {
  if (basePath === undefined || Token.isUnresolved(basePath)) return false;
  if (!BASE_PATH.test(basePath)) {
    throw propError(scope, prop, basePath,
      'path segments of letters, digits and $_.+!*\'()- joined by "/", without a leading or trailing "/" (leave it out for the root)');
  }
  return basePath.includes('/');
}
