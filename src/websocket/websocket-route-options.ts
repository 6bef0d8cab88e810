import { WebSocketAuthorization } from './websocket-authorizer';
import { WebSocketIntegration } from './websocket-integration';
import { ThrottleOptions } from '../throttle/throttle';

/** A message route of a WebSocket API: `$default` or a custom route key. */
export interface WebSocketRouteOptions {
  /** Where the message goes. */
  readonly integration: WebSocketIntegration;

  /**
   * Whether the integration's answer is sent back to the client (a two-way route, with a
   * `$default` route response).
   *
   * @default false
   */
  readonly returnResponse?: boolean;

  /**
   * The route's own limits on every stage, within the stage's.
   *
   * @default - the stage's limits
   */
  readonly throttle?: ThrottleOptions;
}

/** The `$connect` route: who may connect, and what runs when they do. */
export interface WebSocketConnectRouteOptions {
  /**
   * What runs when a client connects; a failure refuses the connection.
   *
   * @default - the connections table's PutItem, when the API has one (required otherwise)
   */
  readonly integration?: WebSocketIntegration;

  /**
   * Who may connect.
   *
   * @default WebSocketAuthorization.iam()
   */
  readonly authorization?: WebSocketAuthorization;

  /**
   * The route's own limits on every stage, within the stage's.
   *
   * @default - the stage's limits
   */
  readonly throttle?: ThrottleOptions;
}

/** The `$disconnect` route: what runs when a connection closes (best effort: AWS may miss some). */
export interface WebSocketDisconnectRouteOptions {
  /**
   * What runs when a connection closes.
   *
   * @default - the connections table's DeleteItem, when the API has one (no route otherwise)
   */
  readonly integration?: WebSocketIntegration;
}
