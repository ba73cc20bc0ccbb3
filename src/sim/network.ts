// The network model: every ordered pair of nodes is a link with its own latency distribution,
// loss, duplication and reordering, and can be cut independently (so partitions may be any
// grouping, and asymmetric: a -> b cut while b -> a works). Clients reach nodes over their own
// links, which share the scenario's loss but are never partitioned (a client sits "outside").
//
// Latency per message = link base + exponential jitter, plus, with the reorder probability, a
// long extra delay that lets later messages overtake it. Times are integer microseconds.

import type { SimRng } from './rng.js'

export interface LinkProfile {
  /** Fixed part of the one-way latency, µs (the median over links; see `spread`). */
  readonly baseUs: number
  /** Each link's fixed latency is baseUs x spread^u, u uniform in [-1, 1]: 1.5 for a LAN, 10+ for a WAN. */
  readonly spread: number
  /** Mean of the exponential jitter added to every message, µs. */
  readonly jitterUs: number
  readonly drop: number
  readonly duplicate: number
  readonly reorder: number
  /** Mean extra delay of a reordered message, µs. */
  readonly reorderUs: number
}

export const CALM_LINK: LinkProfile = { baseUs: 500, spread: 1.5, jitterUs: 300, drop: 0, duplicate: 0, reorder: 0, reorderUs: 0 }

export class Network {
  private readonly cut: Uint8Array
  private readonly base: Float64Array
  private readonly jitter: Float64Array
  private readonly drop: Float64Array
  private readonly duplicate: Float64Array
  private readonly reorder: Float64Array
  private readonly reorderUs: Float64Array
  private clientProfile: LinkProfile = CALM_LINK
  /** Delays of the deliveries of the last `plan` call (0, 1 or 2 entries); reused to avoid allocation. */
  readonly delays: number[] = []

  constructor(readonly size: number, private readonly rng: SimRng, profile: LinkProfile = CALM_LINK) {
    const n = size * size
    this.cut = new Uint8Array(n)
    this.base = new Float64Array(n)
    this.jitter = new Float64Array(n)
    this.drop = new Float64Array(n)
    this.duplicate = new Float64Array(n)
    this.reorder = new Float64Array(n)
    this.reorderUs = new Float64Array(n)
    this.setAllLinks(profile)
  }

  /** Apply `profile` to every link, each link drawing its own fixed latency (see `spread`); links are symmetric. */
  setAllLinks(profile: LinkProfile): void {
    for (let from = 0; from < this.size; from++) {
      for (let to = from; to < this.size; to++) {
        const baseUs = profile.baseUs * Math.pow(profile.spread, 2 * this.rng.next() - 1)
        this.setLink(from, to, { ...profile, baseUs })
        this.setLink(to, from, { ...profile, baseUs })
      }
    }
    this.clientProfile = profile
  }

  setLink(from: number, to: number, profile: LinkProfile): void {
    const i = from * this.size + to
    this.base[i] = profile.baseUs
    this.jitter[i] = profile.jitterUs
    this.drop[i] = profile.drop
    this.duplicate[i] = profile.duplicate
    this.reorder[i] = profile.reorder
    this.reorderUs[i] = profile.reorderUs
  }

  /** Loss, duplication and reordering on every link, keeping latencies. */
  setFaultRates(drop: number, duplicate: number, reorder: number, reorderUs: number): void {
    this.drop.fill(drop)
    this.duplicate.fill(duplicate)
    this.reorder.fill(reorder)
    this.reorderUs.fill(reorderUs)
    this.clientProfile = { ...this.clientProfile, drop, duplicate, reorder, reorderUs }
  }

  /** Cut the network into groups: nodes in different groups cannot reach each other; unlisted nodes are isolated. */
  partition(groups: readonly (readonly number[])[]): void {
    const groupOf = new Int32Array(this.size).fill(-1)
    groups.forEach((group, g) => {
      for (const node of group) groupOf[node] = g
    })
    for (let from = 0; from < this.size; from++) {
      for (let to = 0; to < this.size; to++) {
        const together = from === to || (groupOf[from] !== -1 && groupOf[from] === groupOf[to])
        this.cut[from * this.size + to] = together ? 0 : 1
      }
    }
  }

  /** Cut every link to and from `node`, leaving the others' links as they are. */
  isolate(node: number): void {
    for (let other = 0; other < this.size; other++) {
      if (other === node) continue
      this.cut[node * this.size + other] = 1
      this.cut[other * this.size + node] = 1
    }
  }

  /** Restore every link to and from `node` (a later `partition` or `heal` may change them again). */
  reconnect(node: number): void {
    for (let other = 0; other < this.size; other++) {
      this.cut[node * this.size + other] = 0
      this.cut[other * this.size + node] = 0
    }
  }

  /** Cut one direction of one link. */
  cutLink(from: number, to: number): void {
    this.cut[from * this.size + to] = 1
  }

  isCut(from: number, to: number): boolean {
    return this.cut[from * this.size + to] === 1
  }

  /** Restore every link (latencies and fault rates are kept; see `setFaultRates`). */
  heal(): void {
    this.cut.fill(0)
  }

  /**
   * Decide the fate of one message from -> to: fills `delays` with 0 (dropped), 1 or 2
   * (duplicated) delivery delays in µs and returns how many.
   */
  plan(from: number, to: number): number {
    const i = from * this.size + to
    const delays = this.delays
    delays.length = 0
    if (this.cut[i] === 1) return 0
    const rng = this.rng
    if (this.drop[i]! > 0 && rng.next() < this.drop[i]!) return 0
    delays.push(this.latency(this.base[i]!, this.jitter[i]!, this.reorder[i]!, this.reorderUs[i]!))
    if (this.duplicate[i]! > 0 && rng.next() < this.duplicate[i]!) {
      delays.push(this.latency(this.base[i]!, this.jitter[i]!, this.reorder[i]!, this.reorderUs[i]!))
    }
    return delays.length
  }

  /** Same as `plan` for a client <-> node message. */
  planClient(): number {
    const p = this.clientProfile
    const delays = this.delays
    delays.length = 0
    if (p.drop > 0 && this.rng.next() < p.drop) return 0
    delays.push(this.latency(p.baseUs, p.jitterUs, p.reorder, p.reorderUs))
    if (p.duplicate > 0 && this.rng.next() < p.duplicate) delays.push(this.latency(p.baseUs, p.jitterUs, p.reorder, p.reorderUs))
    return delays.length
  }

  private latency(base: number, jitter: number, reorder: number, reorderUs: number): number {
    let us = base + (jitter > 0 ? this.rng.exponential(jitter) : 0)
    if (reorder > 0 && this.rng.next() < reorder) us += this.rng.exponential(reorderUs)
    return Math.max(1, Math.round(us))
  }
}
