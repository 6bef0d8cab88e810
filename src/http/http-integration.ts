import {
  Duration, aws_apigatewayv2 as apigwv2, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, aws_events as events,
  aws_iam as iam, aws_lambda as lambda, aws_servicediscovery as servicediscovery, aws_sqs as sqs, aws_stepfunctions as sfn,
} from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { HTTP_MAX_TIMEOUT_MS, HttpIntegrationConfig, HttpIntegrationType, IHttpIntegrationContext } from './http-integration-config';
import { HttpParameterMappingOptions, mappingKey } from './parameter-mapping';
import { checkPattern } from '../core/checks';
import { propError } from '../core/errors';
import { allowSendMessage } from '../integrations/service-grants';
import { BoundIntegration } from '../v2/bound-integration';
import { checkedMethod, checkedTimeout, urlProxyFields } from '../v2/integration-checks';


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
export interface HttpUrlIntegrationOptions extends HttpParameterMappingOptions {
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
export interface HttpPrivateIntegrationOptions extends HttpParameterMappingOptions {
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

type Binder = (context: IHttpIntegrationContext) => BoundIntegration<HttpIntegrationConfig>;

/**
 * The backend of an HTTP API route. Create one with a static factory and give it to a route:
 *
 * ```ts
 * new GatewayHttpApi(this, 'Api', { routes: { 'GET /items': { integration: HttpIntegration.lambda(fn) } } });
 * ```
 *
 * Routes to the same backend share one integration resource. An integration of your own
 * extends this class and implements `bind`; the routes it gives the same config share one resource.
 */
export abstract class HttpIntegration {
  /** A Lambda function receives the request as an event (payload format 2.0) and returns the response. */
  public static lambda(fn: lambda.IFunction, options: HttpLambdaIntegrationOptions = {}): HttpIntegration {
    return new FactoryHttpIntegration(({ scope, prop, allowInvoke }) => {
      const version = options.payloadFormatVersion ?? '2.0';
      if (!['1.0', '2.0'].includes(version)) throw propError(scope, `${prop}.payloadFormatVersion`, version, '1.0 or 2.0');
      const timeout = timeoutOf(scope, prop, options.timeout);
      allowInvoke(fn);
      return {
        key: `lambda ${fn.node.path} ${version} ${timeout}`,
        config: { type: HttpIntegrationType.AWS_PROXY, uri: fn.functionArn, payloadFormatVersion: version, timeoutInMillis: timeout },
      };
    });
  }

  /** The request is passed to a public HTTP(S) URL, e.g. `https://backend.example.com/{proxy}`. */
  public static url(url: string, options: HttpUrlIntegrationOptions = {}): HttpIntegration {
    return new FactoryHttpIntegration(({ scope, prop }) => {
      const { key, ...fields } = urlProxyFields(scope, prop, url, options.method ?? 'ANY', options.timeout, HTTP_MAX_TIMEOUT_MS);
      return {
        key: key + mappingKey(scope, options),
        config: {
          type: HttpIntegrationType.HTTP_PROXY,
          ...fields,
          payloadFormatVersion: '1.0',
          requestParameters: options.requestParameters,
          responseParameters: options.responseParameters,
        },
      };
    });
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
    return new FactoryHttpIntegration(({ scope, prop, vpcLinkInto }) => {
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
        key: `private ${backendPath} ${link} ${method} ${timeout} ${serverName ?? ''}` + mappingKey(scope, options),
        config: {
          type: HttpIntegrationType.HTTP_PROXY,
          uri,
          method,
          payloadFormatVersion: '1.0',
          timeoutInMillis: timeout,
          vpcLink: options.vpcLink ?? vpcLinkInto(vpc!, backend),
          secureServerName: serverName,
          requestParameters: options.requestParameters,
          responseParameters: options.responseParameters,
        },
      };
    });
  }

  /** A first-class AWS service integration: API Gateway calls the action with a role of its own. */
  private static awsService(
    key: string, integrationSubtype: string, requestParameters: { [name: string]: string }, grant: (role: iam.IGrantable) => void,
  ): HttpIntegration {
    return new FactoryHttpIntegration(() => ({
      key: `${integrationSubtype} ${key}`,
      config: {
        type: HttpIntegrationType.AWS_PROXY,
        subtype: integrationSubtype,
        requestParameters,
        payloadFormatVersion: '1.0',
        timeoutInMillis: HTTP_MAX_TIMEOUT_MS,
      },
      grant,
    }));
  }

  /**
   * Binds the integration to one route of an API, once per route that uses it: returns the
   * integration resource's settings, and may make what it needs (in `context.scope`) and allow
   * API Gateway to invoke functions (`context.allowInvoke`).
   */
  public abstract bind(context: IHttpIntegrationContext): HttpIntegrationConfig;

  /** Binds the integration with what only the library's own integrations carry. @internal */
  public _bindToRoute(context: IHttpIntegrationContext): BoundIntegration<HttpIntegrationConfig> {
    return { config: this.bind(context) };
  }
}

/** An integration made by one of `HttpIntegration`'s factories. */
class FactoryHttpIntegration extends HttpIntegration {
  constructor(private readonly binder: Binder) {
    super();
  }

  public bind(context: IHttpIntegrationContext): HttpIntegrationConfig {
    return this.binder(context).config;
  }

  public _bindToRoute(context: IHttpIntegrationContext): BoundIntegration<HttpIntegrationConfig> {
    return this.binder(context);
  }
}

function timeoutOf(scope: IConstruct, prop: string, timeout: Duration | undefined): number {
  return checkedTimeout(scope, prop, timeout, HTTP_MAX_TIMEOUT_MS);
}
