import { aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { ConnectionsTableOptions } from './connections-table';
import { WebSocketConnectRouteOptions, WebSocketDisconnectRouteOptions, WebSocketRouteOptions } from './websocket-route-options';
import { WebSocketStageOptions } from './websocket-stage-options';
import { ApiEncryption } from '../encryption/api-encryption';
import { ApiMonitoringProps } from '../observability/monitoring-props';
import { Compliance } from '../policy/compliance';

/** Properties of a GatewayWebSocketApi. */
export interface GatewayWebSocketApiProps extends ApiMonitoringProps {
  /**
   * The API's name.
   *
   * @default - the construct id
   */
  readonly apiName?: string;

  /**
   * A description of the API.
   *
   * @default - none
   */
  readonly description?: string;

  /**
   * Who can reach the API: IPv4 callers, or IPv4 and IPv6 callers (`DUAL_STACK`).
   *
   * @default IpAddressType.IPV4
   */
  readonly ipAddressType?: apigwv2.IpAddressType;

  /**
   * Where a message's route key is read: each message goes to the route whose key the
   * expression yields, or to `$default`.
   *
   * @default '$request.body.action'
   */
  readonly routeSelectionExpression?: string;

  /**
   * The `$connect` route: who may connect and what runs when they do.
   *
   * @default - IAM-authorized; the connections table's PutItem, when the API has one
   */
  readonly connect?: WebSocketConnectRouteOptions;

  /**
   * The `$disconnect` route.
   *
   * @default - the connections table's DeleteItem, when the API has one; no route otherwise
   */
  readonly disconnect?: WebSocketDisconnectRouteOptions;

  /**
   * Message routes by key: `$default` (messages no other route matches) and custom keys,
   * e.g. `sendMessage`. More can be added with `addRoute`.
   *
   * @default - none
   */
  readonly routes?: { [routeKey: string]: WebSocketRouteOptions };

  /**
   * A DynamoDB table of open connections, written by API Gateway at `$connect` and
   * `$disconnect` (no function runs). Read it with `connectionsTable` to broadcast.
   *
   * @default - no table
   */
  readonly connectionsTable?: ConnectionsTableOptions;

  /**
   * The API's stages. Each deploys every change automatically.
   *
   * @default - one `prod` stage with the library's defaults
   */
  readonly stages?: WebSocketStageOptions[];

  /**
   * Whether the library sets the account's API Gateway CloudWatch Logs role
   * (AWS::ApiGateway::Account, one per stack, retained), which execution logging needs. Turn
   * off where the account's logging role is managed centrally.
   *
   * @default true
   */
  readonly cloudWatchRole?: boolean;

  /**
   * The compliance standard the API is built for: NIST, PCI and HIPAA refuse access logs
   * without a customer-managed KMS key (`ApiEncryption.awsOwnedKeys()`).
   *
   * @default Compliance.AWS_SOLUTIONS
   */
  readonly compliance?: Compliance;

  /**
   * How the API encrypts what it keeps at rest: its access logs (and, where it has them, its
   * web ACL's logs and its connections table).
   *
   * @default ApiEncryption.dedicatedKey() - a customer-managed KMS key of the API's own
   */
  readonly encryption?: ApiEncryption;

  /**
   * Whether the API judges its own resources with the compliance standard's policy rules at
   * `cdk synth`; acknowledge a finding with
   * `Validations.of(api).acknowledge({ id: 'GatewayApi::<rule id>', reason })`.
   *
   * @default true
   */
  readonly policyValidation?: boolean;
}
