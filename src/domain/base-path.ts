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

/** The base paths a domain serves, each by one stage; the root only as the domain's one mapping. */
export class BasePaths {
  private readonly served = new Map<string, string>();

  /** How many base paths are served. */
  public get size(): number {
    return this.served.size;
  }

  /** Records a base path as served by a stage and returns the mapping's construct id. */
  public claim(scope: IConstruct, prop: string, basePath: string | undefined, stagePath: string): string {
    const key = basePath ?? '';
    const taken = this.served.get(key);
    if (taken) throw propError(scope, prop, basePath ?? '(root)', `a base path no other mapping of the domain has (${taken} is served there)`);
    const root = this.served.get('');
    if (root || (key === '' && this.served.size > 0)) {
      throw propError(scope, prop, basePath ?? '(root)',
        `a root mapping only as the domain's one mapping (API Gateway refuses others beside it); the domain already serves ${root ?? [...this.served.values()].join(', ')}`);
    }
    this.served.set(key, stagePath);
    return `Mapping.${key === '' ? '(root)' : key.replace(/\//g, '|')}`;
  }
}
