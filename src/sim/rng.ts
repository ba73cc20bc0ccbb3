// The simulator's only source of randomness: xoshiro128** seeded through splitmix32.
//
// One run = one seed. Every concern (network, faults, clients, each node's core) draws from its
// own stream, derived from the seed and a stream label, so adding a draw in one place (say a new
// fault) does not shift every other random choice of the run.

import type { Rng } from '../protocols/core.js'

function splitmix32(state: number): () => number {
  return () => {
    state = (state + 0x9e3779b9) | 0
    let z = state
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
}

/** Stream labels: one per concern of a run. */
export const STREAM = { network: 1, faults: 2, clients: 3, scenario: 4, disk: 5, adversary: 6, node: 100 } as const

export class SimRng implements Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  /** `stream` selects an independent sequence for the same seed. */
  constructor(seed: number, stream = 0) {
    const mix = splitmix32((seed ^ Math.imul(stream + 1, 0x632be5ab)) >>> 0)
    this.a = mix()
    this.b = mix()
    this.c = mix()
    this.d = mix()
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1 // the all-zero state is a fixed point
  }

  /** Uniform 32-bit unsigned integer. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0
    const t = this.b << 9
    this.c ^= this.a
    this.d ^= this.b
    this.b ^= this.c
    this.a ^= this.d
    this.c ^= t
    this.d = rotl(this.d, 11)
    return result
  }

  next(): number {
    return this.nextU32() / 4294967296
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return probability > 0 && this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(this.next() * items.length)]!
  }

  /** Exponentially distributed with the given mean (latency tails, think times). */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next())
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      const t = items[i]!
      items[i] = items[j]!
      items[j] = t
    }
    return items
  }

  /** A new independent stream derived from this one's current state. */
  fork(label: number): SimRng {
    return new SimRng(this.nextU32(), label)
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k))
}
