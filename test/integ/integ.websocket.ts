// A WebSocket chat: a Lambda authorizer, the connections table, broadcast, SQS and two-way routes.
import { integApp, integTest } from './integ-app';
import { WebSocketChatStack } from '../../examples/stacks/websocket-chat-stack';

const app = integApp();
integTest(app, 'WebSocket', new WebSocketChatStack(app, 'GatewayApiWebSocketExample'));
