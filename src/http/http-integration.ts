import {
  Duration, aws_apigatewayv2 as apigwv2, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, aws_events as events,
  aws_iam as iam, aws_lambda as lambda, aws_servicediscovery as servicediscovery, aws_sqs as sqs, aws_stepfunctions as sfn,
} from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { checkPattern } from '../core/checks';
import { propError } from '../core/errors';
import { allowSendMessage } from '../integrations/service-grants';
import { checkedMethod, checkedTimeout, urlProxyFields } from '../v2/integration-checks';

/** HTTP API integrations may take 30 s at most. */
const MAX_TIMEOUT_MS = 30000;

/** Options of a Lambda proxy integration of an HTTP API. */
export interface HttpLambdaIntegrationOptions {
  /**
   * How long API Gateway waits for the function (50 ms to 30 s).
   *
   * @default Duration.seconds(30)
   */
  readonly timeout?: Duration;

  /**
   * The event format the function receives: `2.0` (the HTTP API format) or `1.0` (the REST
   * proxy format, for functions shared with a REST API).
   *
   * @default '2.0'
   */
  readonly payloadFormatVersion?: string;
}

/** Options of an HTTP proxy integration of an HTTP API. */
export interface HttpUrlIntegrationOptions {
  /**
   * The method API Gateway uses towards the backend; `ANY` passes the caller's on.
   *
   * @default 'ANY'
   */
  readonly method?: string;

  /**
   * How long API Gateway waits for the backend (50 ms to 30 s).
   *
   * @default Duration.seconds(30)
   */
  readonly timeout?: Duration;
}

/** Options of a private integration: a load balancer listener or Cloud Map service reached through a VPC link. */
export interface HttpPrivateIntegrationOptions {
  /**
   * The VPC link to reach the backend through.
   *
   * @default - the API's own VPC link for the backend's VPC (one per VPC, shared by its integrations)
   */
  readonly vpcLink?: apigwv2.IVpcLink;

  /**
   * The backend's VPC, where the API's VPC link is created. Needed for Cloud Map services and
   * for imported listeners, whose load balancer's VPC is not known.
   *
   * @default - the listener's load balancer's VPC
   */
  readonly vpc?: ec2.IVpc;

  /**
   * The method API Gateway uses towards the backend; `ANY` passes the caller's on.
   *
   * @default 'ANY'
   */
  readonly method?: string;

  /**
   * How long API Gateway waits for the backend (50 ms to 30 s).
   *
   * @default Duration.seconds(30)
   */
  readonly timeout?: Duration;

  /**
   * Calls the backend over TLS and verifies its certificate is for this name. Set it when the
   * listener is HTTPS or TLS.
   *
   * @default - the backend is called over plain HTTP
   */
  readonly secureServerName?: string;
}

/** Options of an SQS SendMessage integration of an HTTP API. */
export interface HttpSqsIntegrationOptions {
  /**
   * The message group of a FIFO queue: a literal or a request value such as `$request.header.X-Group`.
   *
   * @default - none (a standard queue)
   */
  readonly messageGroupId?: string;
}

/** Options of an EventBridge PutEvents integration of an HTTP API. */
export interface HttpEventBridgeIntegrationOptions {
  /** The events' `source`, e.g. `com.example.orders`. */
  readonly source: string;

  /** The events' `detail-type`, e.g. `OrderPlaced`. */
  readonly detailType: string;
}

/** An integration as its resource needs it. @internal */
export interface HttpIntegrationConfig {
  /** Equal for integrations that may share one resource. */
  readonly key: string;
  readonly integrationType: string;
  readonly integrationUri?: string;
  readonly integrationMethod?: string;
  readonly payloadFormatVersion: string;
  readonly timeoutInMillis: number;
  /** The function API Gateway must be allowed to invoke. */
  readonly function?: lambda.IFunction;
  /** For AWS service integrations: the action API Gateway calls, e.g. `SQS-SendMessage`. */
  readonly integrationSubtype?: string;
  /** For AWS service integrations: the action's parameters. */
  readonly requestParameters?: { [name: string]: string };
  /** For AWS service integrations: allows the role API Gateway assumes to call the action. */
  readonly grant?: (role: iam.IGrantable) => void;
  /** For private integrations: how the backend is reached. */
  readonly vpcLink?: HttpVpcLinkTarget;
  /** For private integrations over TLS: the name the backend's certificate must carry. */
  readonly serverNameToVerify?: string;
}

/** Where a private integration's VPC link comes from. @internal */
export interface HttpVpcLinkTarget {
  /** A link given by the user. */
  readonly link?: apigwv2.IVpcLink;
  /** The VPC the API's own link is created in, when no link is given. */
  readonly vpc?: ec2.IVpc;
  /** The backend, opened to the API's own link on its default port (an ALB listener). */
  readonly backend?: ec2.IConnectable;
}

/** The backend of an HTTP API route. */
export class HttpIntegration {
  /** A Lambda function receives the request as an event (payload format 2.0) and returns the response. */
  public static lambda(fn: lambda.IFunction, options: HttpLambdaIntegrationOptions = {}): HttpIntegration {
    return new HttpIntegration((scope, prop) => {
      const version = options.payloadFormatVersion ?? '2.0';
      if (!['1.0', '2.0'].includes(version)) throw propError(scope, `${prop}.payloadFormatVersion`, version, '1.0 or 2.0');
      const timeout = timeoutOf(scope, prop, options.timeout);
      return {
        key: `lambda ${fn.node.path} ${version} ${timeout}`,
        integrationType: 'AWS_PROXY',
        integrationUri: fn.functionArn,
        payloadFormatVersion: version,
        timeoutInMillis: timeout,
        function: fn,
      };
    });
  }

  /** The request is passed to a public HTTP(S) URL, e.g. `https://backend.example.com/{proxy}`. */
  public static url(url: string, options: HttpUrlIntegrationOptions = {}): HttpIntegration {
    return new HttpIntegration((scope, prop) => ({
      ...urlProxyFields(scope, prop, url, options.method ?? 'ANY', options.timeout, MAX_TIMEOUT_MS),
      payloadFormatVersion: '1.0',
    }));
  }

  /** The request is passed to an Application Load Balancer listener through a VPC link. */
  public static albListener(listener: elbv2.IApplicationListener, options: HttpPrivateIntegrationOptions = {}): HttpIntegration {
    const vpc = listener instanceof elbv2.ApplicationListener ? listener.loadBalancer.vpc : undefined;
    return HttpIntegration.privateIntegration(listener.listenerArn, listener.node.path, options, vpc, listener);
  }

  /** The request is passed to a Network Load Balancer listener through a VPC link. */
  public static nlbListener(listener: elbv2.INetworkListener, options: HttpPrivateIntegrationOptions = {}): HttpIntegration {
    const vpc = listener instanceof elbv2.NetworkListener ? listener.loadBalancer.vpc : undefined;
    return HttpIntegration.privateIntegration(listener.listenerArn, listener.node.path, options, vpc);
  }

  /**
   * The request is passed to an instance of a Cloud Map service through a VPC link. Give the
   * `vpc` (or a `vpcLink`): a service does not know its VPC.
   */
  public static cloudMapService(service: servicediscovery.IService, options: HttpPrivateIntegrationOptions = {}): HttpIntegration {
    return HttpIntegration.privateIntegration(service.serviceArn, service.node.path, options, undefined);
  }

  /** The request body becomes an SQS message (`SQS-SendMessage`); the caller gets SQS's answer. */
  public static sqsSendMessage(queue: sqs.IQueue, options: HttpSqsIntegrationOptions = {}): HttpIntegration {
    return HttpIntegration.awsService(`sqs ${queue.node.path} ${options.messageGroupId ?? ''}`, 'SQS-SendMessage', {
      QueueUrl: queue.queueUrl,
      MessageBody: '$request.body',
      ...(options.messageGroupId ? { MessageGroupId: options.messageGroupId } : {}),
    }, allowSendMessage(queue));
  }

  /** The request body starts a Step Functions execution as its input (`StepFunctions-StartExecution`). */
  public static stepFunctionsStartExecution(stateMachine: sfn.IStateMachine): HttpIntegration {
    return HttpIntegration.awsService(`sfn ${stateMachine.node.path}`, 'StepFunctions-StartExecution', {
      StateMachineArn: stateMachine.stateMachineArn,
      Input: '$request.body',
    }, role => stateMachine.grantStartExecution(role));
  }

  /** The request body becomes the detail of an EventBridge event (`EventBridge-PutEvents`). */
  public static eventBridgePutEvents(bus: events.IEventBus, options: HttpEventBridgeIntegrationOptions): HttpIntegration {
    return HttpIntegration.awsService(`events ${bus.node.path} ${options.source} ${options.detailType}`, 'EventBridge-PutEvents', {
      EventBusName: bus.eventBusName,
      Source: options.source,
      DetailType: options.detailType,
      Detail: '$request.body',
    }, role => bus.grantPutEventsTo(role));
  }

  private static privateIntegration(
    uri: string, backendPath: string, options: HttpPrivateIntegrationOptions, backendVpc: ec2.IVpc | undefined, backend?: ec2.IConnectable,
  ): HttpIntegration {
    return new HttpIntegration((scope, prop) => {
      const method = checkedMethod(scope, prop, options.method ?? 'ANY');
      const timeout = timeoutOf(scope, prop, options.timeout);
      if (options.vpcLink && options.vpc) throw propError(scope, `${prop}.vpc`, options.vpc.node.path, 'no vpc when a vpcLink is given');
      const vpc = options.vpc ?? backendVpc;
      if (!options.vpcLink && !vpc) {
        throw propError(scope, `${prop}.vpcLink`, 'undefined', `a vpcLink or the vpc of ${backendPath} (its VPC is not known here)`);
      }
      const serverName = options.secureServerName;
      checkPattern(scope, `${prop}.secureServerName`, serverName, /^[a-zA-Z0-9*]([a-zA-Z0-9.*-]{0,251}[a-zA-Z0-9])?$/, 'a DNS name, e.g. orders.internal.example.com');
      // Construct paths, not ARNs: a token's text depends on how many tokens were made before it.
      const link = options.vpcLink?.node.path ?? vpc!.node.path;
      return {
        key: `private ${backendPath} ${link} ${method} ${timeout} ${serverName ?? ''}`,
        integrationType: 'HTTP_PROXY',
        integrationUri: uri,
        integrationMethod: method,
        payloadFormatVersion: '1.0',
        timeoutInMillis: timeout,
        vpcLink: { link: options.vpcLink, vpc: options.vpcLink ? undefined : vpc, backend: options.vpcLink ? undefined : backend },
        serverNameToVerify: serverName,
      };
    });
  }

  /** A first-class AWS service integration: API Gateway calls the action with a role of its own. */
  private static awsService(
    key: string, integrationSubtype: string, requestParameters: { [name: string]: string }, grant: (role: iam.IGrantable) => void,
  ): HttpIntegration {
    return new HttpIntegration(() => ({
      key: `${integrationSubtype} ${key}`,
      integrationType: 'AWS_PROXY',
      integrationSubtype,
      requestParameters,
      payloadFormatVersion: '1.0',
      timeoutInMillis: MAX_TIMEOUT_MS,
      grant,
    }));
  }

  private constructor(private readonly bind: (scope: IConstruct, prop: string) => HttpIntegrationConfig) {}

  /** Validates the integration for a route and returns what its resource needs. @internal */
  public _bind(scope: IConstruct, prop: string): HttpIntegrationConfig {
    return this.bind(scope, prop);
  }
}

function timeoutOf(scope: IConstruct, prop: string, timeout: Duration | undefined): number {
  return checkedTimeout(scope, prop, timeout, MAX_TIMEOUT_MS);
}
