/**
 * The local gateway's time: the machine's, which a test moves forward to expire what API
 * Gateway keeps for a while (authorizer results, tokens, throttling buckets, quotas, cached
 * responses) without waiting for it.
 */
export class LocalClock {
  private offsetMs = 0;

  /** Milliseconds since the epoch, as the gateway sees them. */
  public now(): number {
    return Date.now() + this.offsetMs;
  }

  public advance(milliseconds: number): void {
    this.offsetMs += milliseconds;
  }
}
