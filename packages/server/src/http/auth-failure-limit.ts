// Failed authentication is limited per client address: after `max` failed guesses within `windowMs` (well-formed
// tokens that match no usable credential; a missing or malformed token can never be right, so it is answered 401
// and not counted), every further failed guess from that address gets 429 with `Retry-After` until the window
// ends, so a guesser learns nothing more. The token is checked first: a valid token from the same address (a
// neighbour behind the same NAT) is never refused for someone else's failures. Successful requests don't count.
// A fixed window per address, held in a Map whose size is capped: expired entries are swept when it is
// full, then the oldest go, so a flood of distinct addresses can't grow memory without bound.
import { isIPv4 } from "node:net";
import ipaddr from "ipaddr.js";

export interface AuthFailureLimitOptions {
  /** Failures allowed per address and window; 0 turns the limit off. */
  max: number;
  windowMs: number;
  /** Addresses tracked at most (default 10 000). */
  maxEntries?: number;
}

export const DEFAULT_AUTH_FAILURE_LIMIT: AuthFailureLimitOptions = { max: 20, windowMs: 60_000 };

interface Entry {
  start: number;
  failures: number;
}

export class AuthFailureLimiter {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;

  constructor(
    private readonly options: AuthFailureLimitOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  get enabled(): boolean {
    return this.options.max > 0;
  }

  /** Addresses currently tracked (for tests). */
  get size(): number {
    return this.entries.size;
  }

  /** Seconds until `ip` may try again, or 0 when it may now. */
  retryAfter(ip: string | undefined): number {
    // Only failed authentications ask; still, nothing to parse while nobody has failed.
    if (!this.enabled || this.entries.size === 0) {
      return 0;
    }
    const entry = this.entries.get(clientKey(ip));
    if (!entry) {
      return 0;
    }
    const left = entry.start + this.options.windowMs - this.now();
    if (left <= 0) {
      this.entries.delete(clientKey(ip));
      return 0;
    }
    return entry.failures >= this.options.max ? Math.ceil(left / 1000) : 0;
  }

  recordFailure(ip: string | undefined): void {
    if (!this.enabled) {
      return;
    }
    const key = clientKey(ip);
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry && entry.start + this.options.windowMs > now) {
      entry.failures++;
      return;
    }
    if (entry) {
      this.entries.delete(key);
    }
    if (this.entries.size >= this.maxEntries) {
      this.evict(now);
    }
    this.entries.set(key, { start: now, failures: 1 });
  }

  private evict(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.start + this.options.windowMs <= now) {
        this.entries.delete(key);
      }
    }
    // Still full: the oldest windows go first (a Map iterates in insertion order).
    for (const key of this.entries.keys()) {
      if (this.entries.size < this.maxEntries) {
        break;
      }
      this.entries.delete(key);
    }
  }
}

/** IPv4 (also IPv4-mapped IPv6) by address; IPv6 by /64, which one client usually holds whole. */
export function clientKey(ip: string | undefined): string {
  if (!ip) {
    return "unknown";
  }
  if (isIPv4(ip)) {
    return ip;
  }
  try {
    const address = ipaddr.process(ip);
    if (address.kind() === "ipv4") {
      return address.toString();
    }
    return `${(address as ipaddr.IPv6).parts
      .slice(0, 4)
      .map((part) => part.toString(16))
      .join(":")}::/64`;
  } catch {
    return ip;
  }
}
