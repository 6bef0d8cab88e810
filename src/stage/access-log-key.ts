import { Aws, RemovalPolicy, Stack, aws_iam as iam, aws_kms as kms } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * A customer-managed KMS key (rotated yearly, retained) for the stage's access logs, as the
 * NIST, PCI and HIPAA packs require. CloudWatch Logs may use it only for this account's log
 * groups, and grants may be created only for AWS services.
 */
export function accessLogKey(scope: Construct): kms.Key {
  const key = new kms.Key(scope, 'AccessLogKey', {
    description: `Encrypts the access logs of ${scope.node.path}`,
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  key.addToResourcePolicy(new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
    // What AWS's CloudWatch Logs key policy grants (kms:Encrypt*, kms:Decrypt*, kms:ReEncrypt*,
    // kms:GenerateDataKey*, kms:Describe*), each action named instead of matched by a wildcard.
    actions: [
      'kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey',
      'kms:GenerateDataKeyWithoutPlaintext', 'kms:GenerateDataKeyPair', 'kms:GenerateDataKeyPairWithoutPlaintext', 'kms:DescribeKey',
    ],
    resources: ['*'],
    conditions: {
      ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Stack.of(scope).account}:log-group:*` },
    },
  }));
  allowGrantsOnlyForAwsServices(key);
  return key;
}

/** Grants on the key only for AWS services acting on AWS resources (Control Tower CT.KMS.PR.3). */
export function allowGrantsOnlyForAwsServices(key: kms.Key): void {
  key.addToResourcePolicy(new iam.PolicyStatement({
    effect: iam.Effect.DENY,
    principals: [new iam.AnyPrincipal()],
    actions: ['kms:CreateGrant'],
    resources: ['*'],
    conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
  }));
}
