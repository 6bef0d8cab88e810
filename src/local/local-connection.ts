import { ConnectionState, WebSocketRuntime, disconnect, receive } from './websocket-session';

/**
 * A client's connection to a WebSocket API run by a LocalGateway: what it sends goes to the
 * route its body selects; what the API sends it (two-way routes' answers, `@connections` posts,
 * the gateway's errors) is in `received`.
 */
export class LocalConnection {
  /** @internal */
  public static _of(statusCode: number, runtime: WebSocketRuntime, state?: ConnectionState): LocalConnection {
    return new LocalConnection(statusCode, runtime, state);
  }

  private constructor(
    /** The handshake's status: 200 when the connection opened; 401, 403 or 500 (or the `$connect` integration's status) when it was refused. */
    public readonly statusCode: number,
    private readonly runtime: WebSocketRuntime,
    private readonly state?: ConnectionState,
  ) {}

  /** The connection's id (`$context.connectionId`); empty when the connection was refused. */
  public get connectionId(): string {
    return this.state?.id ?? '';
  }

  /** Whether the connection is open. */
  public get isOpen(): boolean {
    return this.state?.open ?? false;
  }

  /** The messages the API has sent the client so far, oldest first. */
  public get received(): string[] {
    return [...(this.state?.received ?? [])];
  }

  /** Sends a message, and resolves once the API has handled it. */
  public async send(message: string): Promise<void> {
    if (!this.state) throw new Error(`LocalGateway: the connection was refused (${this.statusCode}); it cannot send`);
    await receive(this.runtime, this.state, message);
  }

  /** Closes the connection: `$disconnect` runs. */
  public async close(): Promise<void> {
    if (this.state) await disconnect(this.runtime, this.state);
  }
}
