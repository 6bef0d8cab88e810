import { aws_kms as kms } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { allowCloudWatchLogs, dedicatedApiKey } from './dedicated-key';
import { propError } from '../core/errors';

/**
 * How an API encrypts what it keeps at rest: its access logs, its web ACL's logs and a
 * WebSocket API's connections table.
 *
 * @example
 * declare const key: kms.IKey;
 * new GatewayApi(this, 'Api', { encryption: ApiEncryption.key(key) });
 */
export abstract class ApiEncryption {
  /**
   * A customer-managed KMS key of the API's own, created when something is there to encrypt:
   * rotated yearly, retained with the logs it encrypts, usable by CloudWatch Logs for this
   * account's log groups only, with grants only for AWS services. A key costs about $1 a month.
   */
  public static dedicatedKey(): ApiEncryption {
    return new DedicatedKey();
  }

  /**
   * A customer-managed KMS key of yours. A key of this stack is given the statement that lets
   * CloudWatch Logs use it for this account's log groups; an imported key's policy must allow
   * that already.
   */
  public static key(key: kms.IKey): ApiEncryption {
    return new GivenKey(key);
  }

  /**
   * The encryption CloudWatch Logs and DynamoDB apply by themselves, with keys AWS owns or
   * manages: no key to pay for, but the logs fail Control Tower's CT.CLOUDWATCH.PR.3 and
   * checkov's CKV_AWS_158 (and the table CKV_AWS_119), and the NIST, PCI and HIPAA standards
   * refuse it.
   */
  public static awsOwnedKeys(): ApiEncryption {
    return new AwsOwnedKeys();
  }

  /** How the choice reads in an error message. @internal */
  public abstract readonly _written: string;

  /** The key's getter (the key made on first use), or undefined when AWS's keys encrypt. @internal */
  public abstract _bind(scope: Construct): (() => kms.IKey) | undefined;
}

class DedicatedKey extends ApiEncryption {
  public readonly _written = 'ApiEncryption.dedicatedKey()';

  public _bind(scope: Construct): () => kms.IKey {
    let key: kms.IKey | undefined;
    return () => (key ??= withCloudWatchLogs(dedicatedApiKey(scope)));
  }
}

class GivenKey extends ApiEncryption {
  public readonly _written = 'ApiEncryption.key(key)';

  constructor(private readonly key: kms.IKey) {
    super();
  }

  public _bind(): () => kms.IKey {
    let allowed = false;
    return () => {
      if (!allowed) allowCloudWatchLogs(this.key);
      allowed = true;
      return this.key;
    };
  }
}

class AwsOwnedKeys extends ApiEncryption {
  public readonly _written = 'ApiEncryption.awsOwnedKeys()';

  public _bind(): undefined {
    return undefined;
  }
}

function withCloudWatchLogs(key: kms.Key): kms.Key {
  allowCloudWatchLogs(key);
  return key;
}

/**
 * The getter of the key that encrypts what the API keeps (`encryption`, a dedicated key by
 * default), or undefined for AWS's own keys, which a compliance standard that asks for a
 * customer-managed key (`requiredBy`) refuses.
 */
export function encryptionKeyOf(scope: Construct, encryption: ApiEncryption | undefined, requiredBy?: string): (() => kms.IKey) | undefined {
  const chosen = encryption ?? ApiEncryption.dedicatedKey();
  const key = chosen._bind(scope);
  if (!key && requiredBy) {
    throw propError(scope, 'encryption', chosen._written,
      `ApiEncryption.dedicatedKey() or ApiEncryption.key(key): ${requiredBy} asks for logs encrypted with a customer-managed KMS key`);
  }
  return key;
}
