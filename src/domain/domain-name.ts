import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { propError } from '../core/errors';

const DOMAIN_NAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
const MAX_DOMAIN_NAME_LENGTH = 253;

/** A lowercase DNS name; a wildcard first label only where the domain allows one. */
export function checkDomainName(scope: IConstruct, domainName: string, wildcard = true): void {
  if (Token.isUnresolved(domainName)) return;
  if (domainName.length > MAX_DOMAIN_NAME_LENGTH || !DOMAIN_NAME.test(domainName) || (!wildcard && domainName.startsWith('*.'))) {
    throw propError(scope, 'domainName', domainName,
      `a lowercase DNS name of at most ${MAX_DOMAIN_NAME_LENGTH} characters, e.g. api.example.com`
      + (wildcard ? ', optionally starting with "*."' : ' (private custom domains cannot be wildcards)'));
  }
}
