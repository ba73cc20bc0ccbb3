// A latency histogram in the manner of HdrHistogram: log-linear buckets over whole
// microseconds, exact below 256 µs and within 1/128 (0.8 %) above, in a few thousand
// counters whatever the run's length. Percentiles use the nearest-rank definition
// (the smallest recorded value v such that at least p % of the values are <= v) and
// answer with the highest value the bucket holds, clamped to the recorded extremes,
// so a reported p99 is never below the true one by more than the bucket's width.

/** Values below this are counted one per bucket (exactly). */
const EXACT_BELOW = 256
/** Buckets per doubling above EXACT_BELOW: the relative precision is 1/HALF. */
const HALF = EXACT_BELOW / 2
/** Latencies are clamped to 2^32 - 1 µs (about 71 minutes). */
const MAX_MICROS = 0xffffffff
const BUCKETS = (32 - 8 + 1) * HALF + EXACT_BELOW

export interface LatencySummary {
  readonly count: number
  /** Milliseconds. */
  readonly min: number
  readonly mean: number
  readonly p50: number
  readonly p90: number
  readonly p99: number
  readonly p999: number
  readonly max: number
}

export class LatencyHistogram {
  private readonly counts = new Float64Array(BUCKETS)
  private total = 0
  private sumMicros = 0
  private minMicros = Infinity
  private maxMicros = 0

  get count (): number { return this.total }

  /** Records one latency given in milliseconds (fractional). */
  recordMs (ms: number): void {
    this.recordMicros(Math.round(ms * 1000))
  }

  recordMicros (micros: number): void {
    const value = Math.min(MAX_MICROS, Math.max(0, Math.round(micros)))
    this.counts[bucketOf(value)]! += 1
    this.total += 1
    this.sumMicros += value
    if (value < this.minMicros) this.minMicros = value
    if (value > this.maxMicros) this.maxMicros = value
  }

  /** Adds another histogram's counts to this one (for per-op and overall views). */
  add (other: LatencyHistogram): void {
    for (let i = 0; i < BUCKETS; i++) this.counts[i]! += other.counts[i]!
    this.total += other.total
    this.sumMicros += other.sumMicros
    this.minMicros = Math.min(this.minMicros, other.minMicros)
    this.maxMicros = Math.max(this.maxMicros, other.maxMicros)
  }

  /** Nearest-rank percentile in microseconds; 0 for an empty histogram. */
  percentileMicros (percent: number): number {
    if (this.total === 0) return 0
    const rank = Math.max(1, Math.ceil((percent / 100) * this.total))
    let seen = 0
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!
      if (seen >= rank) return Math.min(this.maxMicros, Math.max(this.minMicros, highestInBucket(i)))
    }
    return this.maxMicros
  }

  summary (): LatencySummary {
    const ms = (micros: number): number => micros / 1000
    return {
      count: this.total,
      min: this.total === 0 ? 0 : ms(this.minMicros),
      mean: this.total === 0 ? 0 : ms(this.sumMicros / this.total),
      p50: ms(this.percentileMicros(50)),
      p90: ms(this.percentileMicros(90)),
      p99: ms(this.percentileMicros(99)),
      p999: ms(this.percentileMicros(99.9)),
      max: ms(this.maxMicros)
    }
  }
}

/** Which counter a value (whole µs) falls in. */
export function bucketOf (micros: number): number {
  if (micros < EXACT_BELOW) return micros
  // shift >= 1: the value keeps its top 8 bits, i.e. lands in [HALF, EXACT_BELOW) after the shift.
  const shift = 32 - Math.clz32(micros) - 8
  return shift * HALF + (micros >>> shift)
}

/** The largest value (µs) that `bucketOf` maps to `index`. */
export function highestInBucket (index: number): number {
  if (index < EXACT_BELOW) return index
  const shift = Math.floor((index - EXACT_BELOW) / HALF) + 1
  const top = index - shift * HALF
  return ((top + 1) * 2 ** shift) - 1
}
