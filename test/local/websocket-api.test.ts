import { App, Validations } from 'aws-cdk-lib';
import { WebSocketChatStack } from '../../examples/stacks/websocket-chat-stack';
import { ILocalAwsService, ILocalHandler, LocalAwsRequest, LocalGateway } from '../../src';

/** The example's chat, run locally: DynamoDB and SQS calls recorded by a stand-in, the broadcaster a handler of the test's. */
function chat() {
  const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
  Validations.of(app).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'The example, run locally.' });
  const stack = new WebSocketChatStack(app, 'GatewayApiWebSocketExample');
  const calls: LocalAwsRequest[] = [];
  const aws: ILocalAwsService = { call: request => { calls.push(request); return { body: '{}' }; } };
  // The broadcaster posts to every open connection, as its function does through @connections.
  const open: string[] = [];
  let gateway: LocalGateway;
  const broadcast: ILocalHandler = {
    handle: (event: any) => {
      const data = JSON.stringify({ from: event.requestContext.connectionId, message: JSON.parse(event.body).message });
      for (const id of open) gateway.postToConnection(id, data);
      return { statusCode: 200 };
    },
  };
  gateway = LocalGateway.fromApi(stack.node.findChild('Chat'), { awsServices: aws, handlers: { 'GatewayApiWebSocketExample/Broadcast': broadcast } });
  return { gateway, calls, open };
}

describe('GatewayApiWebSocketExample: a chat', () => {
  test('the $connect authorizer judges the handshake\'s token; an admitted connection is recorded in the table', async () => {
    const { gateway, calls } = chat();
    expect((await gateway.connect()).statusCode).toBe(401);
    const denied = await gateway.connect({ query: { token: 'deny' } });
    expect([denied.statusCode, denied.isOpen]).toEqual([403, false]);
    const ann = await gateway.connect({ query: { token: 'allow' } });
    expect([ann.statusCode, ann.isOpen, ann.connectionId]).toEqual([200, true, expect.stringMatching(/^[0-9a-f]{15}=$/)]);
    expect([calls[0].service, calls[0].action]).toEqual(['dynamodb', 'PutItem']);
    expect(JSON.parse(calls[0].body).Item.connectionId).toEqual({ S: ann.connectionId });
    await ann.close();
    expect([ann.isOpen, calls[1].action, JSON.parse(calls[1].body).Key.connectionId.S]).toEqual([false, 'DeleteItem', ann.connectionId]);
  });

  test('sendMessage broadcasts through @connections; report goes to SQS with the sender; anything else gets help back', async () => {
    const { gateway, calls, open } = chat();
    const ann = await gateway.connect({ query: { token: 'allow' } });
    const bob = await gateway.connect({ query: { token: 'allow' } });
    open.push(ann.connectionId, bob.connectionId);
    await ann.send('{"action": "sendMessage", "message": "hi"}');
    expect(bob.received.map(m => JSON.parse(m))).toEqual([{ from: ann.connectionId, message: 'hi' }]);
    await bob.send('{"action": "report", "about": "spam"}');
    const report = calls.find(c => c.service === 'sqs')!;
    expect(Object.fromEntries(new URLSearchParams(report.body))).toMatchObject({
      'Action': 'SendMessage', 'MessageBody': '{"action": "report", "about": "spam"}', 'MessageAttribute.1.Value.StringValue': bob.connectionId,
    });
    await bob.send('hello?');
    expect(JSON.parse(bob.received[bob.received.length - 1])).toEqual({ actions: ['sendMessage', 'report'] });
    await bob.close();
    expect(() => gateway.postToConnection(bob.connectionId, 'late')).toThrow(/GoneException/);
  });

  test('a WebSocket API takes connections, not requests', async () => {
    await expect(chat().gateway.request('GET /')).rejects.toThrow(/a WebSocket API takes connections: use connect\(\)/);
  });
});
