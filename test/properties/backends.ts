import {
  Duration, Stack, aws_certificatemanager as acm, aws_cognito as cognito, aws_dynamodb as dynamodb, aws_events as events, aws_lambda as lambda,
  aws_sns as sns, aws_sqs as sqs, aws_stepfunctions as sfn,
} from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { newFunction } from '../util';

/**
 * The backends a generated configuration points at, made on first use so that a run holds only
 * the resources its routes need. Each is configured as its own engines expect, so that what the
 * engines report belongs to the API.
 */
export class Backends {
  private readonly made = new Map<string, IConstruct>();

  constructor(private readonly stack: Stack) {}

  /** What was made, for `judge`. */
  public get constructs(): IConstruct[] {
    return [...this.made.values()];
  }

  public function(id = 'Handler'): lambda.IFunction {
    return this.once(id, () => newFunction(this.stack, id));
  }

  public get queue(): sqs.IQueue {
    return this.once('Queue', () => new sqs.Queue(this.stack, 'Queue', { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true }));
  }

  public get topic(): sns.ITopic {
    return this.once('Topic', () => new sns.Topic(this.stack, 'Topic', { enforceSSL: true }));
  }

  public get table(): dynamodb.ITable {
    return this.once('Table', () => new dynamodb.Table(this.stack, 'Table', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    }));
  }

  public get stateMachine(): sfn.IStateMachine {
    return this.once('Workflow', () => new sfn.StateMachine(this.stack, 'Workflow', {
      definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Wait(this.stack, 'Wait', { time: sfn.WaitTime.duration(Duration.seconds(1)) })),
      tracingEnabled: true,
    }));
  }

  /** A certificate for `api.example.com`, in the stack's region. */
  public get certificate(): acm.ICertificate {
    return this.once('Certificate', () => new acm.Certificate(this.stack, 'Certificate', { domainName: 'api.example.com' }));
  }

  public get userPool(): cognito.IUserPool {
    return this.once('Users', () => new cognito.UserPool(this.stack, 'Users'));
  }

  public get userPoolClient(): cognito.IUserPoolClient {
    return this.once('UsersClient', () => this.userPool.addClient('Client'));
  }

  /** The account's default bus, imported. */
  public get eventBus(): events.IEventBus {
    return this.once('Bus', () => events.EventBus.fromEventBusName(this.stack, 'Bus', 'default'));
  }

  private once<T extends IConstruct>(id: string, make: () => T): T {
    if (!this.made.has(id)) this.made.set(id, make());
    return this.made.get(id) as T;
  }
}
