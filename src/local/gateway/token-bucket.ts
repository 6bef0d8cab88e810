import { LocalClock } from './clock';

/** A rate and a burst, per second. */
export interface Throttle {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/**
 * Token buckets by name, as API Gateway throttles: a bucket holds `burstLimit` tokens at most,
 * refilled at `rateLimit` a second on the gateway's clock; a request takes one, or is throttled.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; refilledAt: number }>();

  constructor(private readonly clock: LocalClock) {}

  /** Takes a token from the named bucket; false when it has none. */
  public take(name: string, throttle: Throttle): boolean {
    const now = this.clock.now();
    const bucket = this.buckets.get(name) ?? { tokens: throttle.burstLimit, refilledAt: now };
    bucket.tokens = Math.min(throttle.burstLimit, bucket.tokens + ((now - bucket.refilledAt) / 1000) * throttle.rateLimit);
    bucket.refilledAt = now;
    this.buckets.set(name, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
