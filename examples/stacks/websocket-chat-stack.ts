// Capability: a WebSocket API — a chat. Clients connect with a token in the query string
// (browsers cannot set handshake headers), judged by a Lambda authorizer at $connect; API
// Gateway itself records each connection in a DynamoDB table with a TTL and removes it at
// $disconnect. `sendMessage` broadcasts through the @connections API to every open connection;
// `report` queues a message for moderators in SQS, with the sender's connection id; anything
// else gets a help text back on the same connection (a two-way route). A dual-stack custom
// domain serves it.
import {
  CfnOutput, Stack, StackProps, aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_route53 as route53, aws_sqs as sqs,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { inlineFunction } from './inline-function';
import { GatewayDomain, GatewayWebSocketApi, WebSocketAuthorization, WebSocketAuthorizer, WebSocketIntegration } from '../../src';

export class WebSocketChatStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const authorizer = WebSocketAuthorizer.lambda(inlineFunction(this, 'ChatAuthorizer', [
      'exports.handler = async (event) => ({',
      '  principalId: "member",',
      '  policyDocument: { Version: "2012-10-17", Statement: [{',
      '    Action: "execute-api:Invoke", Effect: event.queryStringParameters?.token === "allow" ? "Allow" : "Deny", Resource: event.methodArn,',
      '  }] },',
      '});',
    ]), { identitySources: ['route.request.querystring.token'] });

    const broadcast = inlineFunction(this, 'Broadcast', [
      'const { DynamoDBClient, ScanCommand } = require("@aws-sdk/client-dynamodb");',
      'const { ApiGatewayManagementApiClient, PostToConnectionCommand } = require("@aws-sdk/client-apigatewaymanagementapi");',
      'const db = new DynamoDBClient({});',
      'const connections = new ApiGatewayManagementApiClient({ endpoint: process.env.CALLBACK_URL });',
      'exports.handler = async (event) => {',
      '  const { message } = JSON.parse(event.body);',
      '  const { Items = [] } = await db.send(new ScanCommand({ TableName: process.env.TABLE_NAME, ProjectionExpression: "connectionId" }));',
      '  await Promise.allSettled(Items.map(item => connections.send(new PostToConnectionCommand({',
      '    ConnectionId: item.connectionId.S, Data: JSON.stringify({ from: event.requestContext.connectionId, message }),',
      '  }))));',
      '  return { statusCode: 200 };',
      '};',
    ]);
    const help = inlineFunction(this, 'Help', [
      'exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ actions: ["sendMessage", "report"] }) });',
    ]);
    const reports = new sqs.Queue(this, 'Reports', { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true });

    const chat = new GatewayWebSocketApi(this, 'Chat', {
      description: 'A chat: broadcast, report, help',
      ipAddressType: apigwv2.IpAddressType.DUAL_STACK,
      connect: { authorization: WebSocketAuthorization.authorizer(authorizer), throttle: { rateLimit: 50, burstLimit: 100 } },
      connectionsTable: {},
      routes: {
        sendMessage: { integration: WebSocketIntegration.lambda(broadcast) },
        report: { integration: WebSocketIntegration.sqsSendMessage(reports) },
        $default: { integration: WebSocketIntegration.lambda(help), returnResponse: true },
      },
    });

    // Clients connect to wss://chat.example.com/live, over IPv4 or IPv6; the broadcaster still
    // posts to connections through the stage's callback URL.
    const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId: 'Z0123456789EXAMPLE', zoneName: 'example.com' });
    const domain = new GatewayDomain(this, 'Domain', { domainName: 'chat.example.com', hostedZone: zone, ipAddressType: apigw.IpAddressType.DUAL_STACK });
    new CfnOutput(this, 'ChatUrl', { value: domain.addWebSocketMapping(chat.defaultStage, { basePath: 'live' }) });

    chat.connectionsTable!.grantReadData(broadcast);
    chat.defaultStage.grantManageConnections(broadcast);
    broadcast.addEnvironment('TABLE_NAME', chat.connectionsTable!.tableName);
    broadcast.addEnvironment('CALLBACK_URL', chat.callbackUrl);
  }
}
