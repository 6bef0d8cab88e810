import { Aws, Duration, RemovalPolicy, Token, aws_dynamodb as dynamodb, aws_kms as kms } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WebSocketIntegration } from './websocket-integration';
import { propError } from '../core/errors';
import { allowKey } from '../integrations/service-grants';

/** API Gateway closes a WebSocket connection after two hours at most. */
const MAX_CONNECTION_SECONDS = 7200;

/** The table of open connections a WebSocket API keeps by itself. */
export interface ConnectionsTableOptions {
  /**
   * How long a row outlives its connection's start, so rows whose `$disconnect` AWS missed
   * expire. At least two hours: API Gateway keeps a connection open that long at most.
   *
   * @default Duration.hours(2)
   */
  readonly timeToLive?: Duration;

  /**
   * The key the table is encrypted with.
   *
   * @default - the API's key (`encryption`), or the key AWS manages for DynamoDB in the account under `ApiEncryption.awsOwnedKeys()`
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * What happens to the table when it leaves the stack. Its rows are short-lived connection
   * records.
   *
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** The table and the two integrations that keep it. @internal */
export interface ConnectionsTable {
  readonly table: dynamodb.Table;
  readonly connect: WebSocketIntegration;
  readonly disconnect: WebSocketIntegration;
}

/**
 * A table keyed by `connectionId` with `connectedAt` and an `expiresAt` TTL, written by API
 * Gateway itself: `$connect` puts the row and `$disconnect` deletes it, each an AWS integration
 * with a role allowed that one action on this table. No function runs for either.
 */
export function connectionsTable(scope: Construct, prop: string, options: ConnectionsTableOptions, apiKey?: () => kms.IKey): ConnectionsTable {
  const ttl = options.timeToLive?.toSeconds() ?? MAX_CONNECTION_SECONDS;
  if (!Token.isUnresolved(ttl) && (!Number.isInteger(ttl) || ttl < MAX_CONNECTION_SECONDS)) {
    throw propError(scope, `${prop}.timeToLive`, `${ttl} seconds`, `at least ${MAX_CONNECTION_SECONDS} seconds (connections last up to two hours), in whole seconds`);
  }
  const encryptionKey = options.encryptionKey ?? apiKey?.();
  const table = new dynamodb.Table(scope, 'Connections', {
    partitionKey: { name: 'connectionId', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    timeToLiveAttribute: 'expiresAt',
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    encryption: encryptionKey ? dynamodb.TableEncryption.CUSTOMER_MANAGED : dynamodb.TableEncryption.AWS_MANAGED,
    encryptionKey,
    removalPolicy: options.removalPolicy ?? RemovalPolicy.DESTROY,
  });
  const action = (name: string) => `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}:dynamodb:action/${name}`;
  const key = '"connectionId": {"S": "$context.connectionId"}';
  const connect = WebSocketIntegration._awsService(`connections put ${table.node.path}`, {
    uri: action('PutItem'),
    // $context.connectedAt is in milliseconds; DynamoDB's TTL reads seconds.
    template: `#set($expiresAt = $context.connectedAt / 1000 + ${ttl})\n`
      + `{"TableName": "${table.tableName}", "Item": {${key}, "connectedAt": {"N": "$context.connectedAt"}, "expiresAt": {"N": "$expiresAt"}}}`,
  }, role => {
    table.grant(role, 'dynamodb:PutItem');
    allowKey(role, encryptionKey, ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey']);
  });
  const disconnect = WebSocketIntegration._awsService(`connections delete ${table.node.path}`, {
    uri: action('DeleteItem'),
    template: `{"TableName": "${table.tableName}", "Key": {${key}}}`,
  }, role => {
    table.grant(role, 'dynamodb:DeleteItem');
    allowKey(role, encryptionKey, ['kms:Decrypt']);
  });
  return { table, connect, disconnect };
}
