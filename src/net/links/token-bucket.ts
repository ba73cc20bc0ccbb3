// Per-peer inbound rate limit. A bucket holds up to `burst` tokens and refills at
// `ratePerSecond`; time comes from the caller's clock so tests can drive it.

export class TokenBucket {
  private tokens: number
  private refilledAt: number

  constructor (
    private readonly ratePerSecond: number,
    private readonly burst: number,
    now: number
  ) {
    this.tokens = burst
    this.refilledAt = now
  }

  /** Takes `amount` tokens if the bucket holds them; false means over the limit. */
  take (amount: number, now: number): boolean {
    if (this.tokens < amount) this.refill(now)
    if (this.tokens < amount) return false
    this.tokens -= amount
    return true
  }

  private refill (now: number): void {
    const elapsedMs = now - this.refilledAt
    if (elapsedMs <= 0) return
    this.tokens = Math.min(this.burst, this.tokens + (elapsedMs * this.ratePerSecond) / 1000)
    this.refilledAt = now
  }
}
