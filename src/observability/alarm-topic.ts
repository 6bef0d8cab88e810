import { Aws, Stack, aws_iam as iam, aws_kms as kms, aws_sns as sns } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { allowGrantsOnlyForAwsServices } from '../encryption/dedicated-key';

const SINGLETON_ID = 'GatewayApiAlarms';

/**
 * The topic the alarms of every API in the stack notify when the API names no actions of its
 * own: compliance rules (Control Tower's alarm action check, the NIST, PCI and HIPAA packs)
 * refuse alarms that notify nobody. Subscribe on-call to it. It is encrypted with a key of its
 * own (CloudWatch cannot publish to a topic under the AWS-managed SNS key) and refuses
 * publishers without TLS.
 */
export function stackAlarmTopic(scope: IConstruct): sns.ITopic {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(SINGLETON_ID) as sns.Topic | undefined;
  if (existing) return existing;
  const cloudwatch = new iam.ServicePrincipal('cloudwatch.amazonaws.com');
  const key = new kms.Key(stack, `${SINGLETON_ID}Key`, {
    description: 'Encrypts the topic GatewayApi alarms notify',
    enableKeyRotation: true,
  });
  key.addToResourcePolicy(new iam.PolicyStatement({
    principals: [cloudwatch],
    // Publishing to an encrypted topic: a data key, and decrypting it.
    actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
    resources: ['*'],
  }));
  allowGrantsOnlyForAwsServices(key);
  const topic = new sns.Topic(stack, SINGLETON_ID, {
    displayName: 'GatewayApi alarms',
    masterKey: key,
    enforceSSL: true,
  });
  // A topic policy replaces the default one: CloudWatch alarms of this account are let in by name.
  topic.addToResourcePolicy(new iam.PolicyStatement({
    principals: [cloudwatch],
    actions: ['sns:Publish'],
    resources: [topic.topicArn],
    conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
  }));
  return topic;
}
