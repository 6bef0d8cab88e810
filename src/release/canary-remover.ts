import {
  Aws, CustomResource, Duration, RemovalPolicy, Stack, Validations, aws_apigateway as apigw, aws_iam as iam, aws_lambda as lambda, aws_logs as logs,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { dependOnlyOnPolicies } from '../core/function-dependencies';
import { CANARY_REMOVER_SOURCE } from '../handlers/canary-remover-source';

const SINGLETON_ID = 'GatewayApiCanaryRemover';

/** What the remover needs to know about the stage whose canary ends. */
export interface CanaryRemovalProps {
  readonly restApiId: string;
  readonly stage: apigw.CfnStage;
  /** The deployment the stage's base serves: a new one re-runs the removal. */
  readonly baseDeploymentId: string;
}

/**
 * Removes the stage's canary after CloudFormation has updated the stage, because CloudFormation
 * leaves a canary in place when CanarySetting leaves the template (aws-cdk #33901, SAM #660).
 * Present only on stages whose release ends a canary (promote, rollback, pin); one Lambda
 * function per stack serves them all.
 */
export function removeCanary(scope: Construct, props: CanaryRemovalProps): CustomResource {
  const remover = canaryRemover(scope);
  remover.policy.addStatements(new iam.PolicyStatement({
    actions: ['apigateway:GET', 'apigateway:PATCH'],
    resources: [`arn:${Aws.PARTITION}:apigateway:${Aws.REGION}::/restapis/${props.restApiId}/stages/${props.stage.ref}`],
  }));
  const removal = new CustomResource(scope, 'CanaryRemoval', {
    serviceToken: remover.fn.functionArn,
    resourceType: 'Custom::GatewayApiCanaryRemoval',
    properties: { RestApiId: props.restApiId, StageName: props.stage.ref, Deployment: props.baseDeploymentId },
  });
  // The policy must allow the calls before the removal runs; the stage is referenced already.
  removal.node.addDependency(remover.policy);
  return removal;
}

interface Remover {
  readonly fn: lambda.Function;
  readonly policy: iam.ManagedPolicy;
}

/** The stack's one remover function, with a customer-managed policy (NIST, PCI and HIPAA refuse inline ones). */
function canaryRemover(scope: Construct): Remover {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(SINGLETON_ID) as lambda.Function | undefined;
  if (existing) return { fn: existing, policy: stack.node.findChild(`${SINGLETON_ID}Policy`) as iam.ManagedPolicy };
  const logGroup = new logs.LogGroup(stack, `${SINGLETON_ID}Logs`, {
    retention: logs.RetentionDays.ONE_YEAR,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const policy = new iam.ManagedPolicy(stack, `${SINGLETON_ID}Policy`, {
    description: 'Lets the GatewayApi canary remover end canaries on the stages that ask for it and write its logs',
    statements: [new iam.PolicyStatement({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [logGroup.logGroupArn],
    })],
  });
  const role = new iam.Role(stack, `${SINGLETON_ID}Role`, {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: 'Runs the GatewayApi canary remover',
    managedPolicies: [policy],
  });
  const fn = new lambda.Function(stack, SINGLETON_ID, {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(CANARY_REMOVER_SOURCE),
    role,
    logGroup,
    timeout: Duration.minutes(1),
    description: 'Removes the canary of a GatewayApi stage when its release ends it (CloudFormation leaves it behind)',
  });
  // The role's one policy is managed and attached when the role is made, so the role's ARN orders everything.
  dependOnlyOnPolicies(fn, []);
  acknowledgeFindings(fn, logGroup);
  return { fn, policy };
}

/**
 * The stricter packs' Lambda and log group rules, answered for a function that runs only while
 * CloudFormation ends a canary. A VPC, a dead-letter queue, reserved concurrency or a KMS key
 * would each add resources, cost or deploy-time risk (reserved concurrency fails in accounts
 * at the minimum unreserved concurrency) and protect nothing it handles.
 */
function acknowledgeFindings(fn: lambda.Function, logGroup: logs.LogGroup): void {
  const packs = ['NIST.800.53.R5', 'HIPAA.Security', 'PCI.DSS.321'];
  const ack = (scope: Construct, rules: string[], guardRules: string[], reason: string) => Validations.of(scope).acknowledge(
    ...rules.flatMap(rule => packs.map(pack => ({ id: `${pack}-${rule}`, reason }))),
    ...guardRules.map(rule => ({ id: `cdk-validator-cfnguard::${rule}`, reason })),
  );
  ack(fn, ['LambdaInsideVPC'], ['lambda_inside_vpc_check'],
    'The canary remover calls only the API Gateway control plane (GetStage, UpdateStage on the stages that end a canary); '
    + 'it reaches no resource in a VPC.');
  ack(fn, ['LambdaDLQ', 'LambdaConcurrency'], [],
    'CloudFormation invokes the canary remover once per release step and fails the deployment if it does not answer; '
    + 'a dead-letter queue would add nothing, and reserved concurrency fails in accounts at the minimum unreserved concurrency.');
  ack(logGroup, ['CloudWatchLogGroupEncrypted'], ['cloudwatch_log_group_encrypted_check'],
    'The canary remover logs only API ids, stage names and API Gateway errors, no request data; '
    + 'CloudWatch Logs encrypts it at rest with its own key.');
}
