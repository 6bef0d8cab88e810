import { aws_iam as iam, aws_kms as kms, aws_sns as sns, aws_sqs as sqs } from 'aws-cdk-lib';

/**
 * Exactly the permissions an integration's role needs, named one by one: aws-cdk-lib's grants
 * add actions API Gateway never calls (GetQueueAttributes, GetQueueUrl) and wildcards on keys
 * (kms:ReEncrypt*, kms:GenerateDataKey*), which cdk-nag reports (AwsSolutions-IAM5).
 */
export type Grant = (role: iam.IGrantable) => void;

/** SendMessage on the queue; on a KMS-encrypted queue, the data key calls a producer makes. */
export function allowSendMessage(queue: sqs.IQueue): Grant {
  return role => {
    allow(role, ['sqs:SendMessage'], [queue.queueArn]);
    allowKey(role, queue.encryptionMasterKey, ['kms:GenerateDataKey', 'kms:Decrypt']);
  };
}

/** Publish on the topic; on a KMS-encrypted topic, the data key calls a publisher makes. */
export function allowPublish(topic: sns.ITopic): Grant {
  return role => {
    allow(role, ['sns:Publish'], [topic.topicArn]);
    allowKey(role, topic.masterKey, ['kms:GenerateDataKey', 'kms:Decrypt']);
  };
}

/** These actions on these resources. */
export function allow(role: iam.IGrantable, actions: string[], resources: string[]): void {
  role.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions, resources }));
}

/** These actions on the key, when there is one. */
export function allowKey(role: iam.IGrantable, key: kms.IKey | undefined, actions: string[]): void {
  if (key) allow(role, actions, [key.keyArn]);
}
