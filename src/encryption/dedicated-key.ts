import { Aws, RemovalPolicy, Stack, aws_iam as iam, aws_kms as kms } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * The API's own customer-managed KMS key (rotated yearly, retained with the logs it encrypts).
 * Grants may be created only for AWS services.
 */
export function dedicatedApiKey(scope: Construct): kms.Key {
  const key = new kms.Key(scope, 'EncryptionKey', {
    description: `Encrypts what ${scope.node.path} keeps at rest`,
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  allowGrantsOnlyForAwsServices(key);
  return key;
}

/**
 * Lets CloudWatch Logs use the key for this account's log groups, as AWS's key policy for
 * CloudWatch Logs does. A key the stack imports keeps its own policy (nothing is added to it).
 */
export function allowCloudWatchLogs(key: kms.IKey): void {
  key.addToResourcePolicy(new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
    // AWS's policy grants kms:Encrypt*, kms:Decrypt*, kms:ReEncrypt*, kms:GenerateDataKey* and
    // kms:Describe*: each action is named here instead of matched by a wildcard.
    actions: [
      'kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey',
      'kms:GenerateDataKeyWithoutPlaintext', 'kms:GenerateDataKeyPair', 'kms:GenerateDataKeyPairWithoutPlaintext', 'kms:DescribeKey',
    ],
    resources: ['*'],
    conditions: {
      ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Stack.of(key).account}:log-group:*` },
    },
  }));
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
