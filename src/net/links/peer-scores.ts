// Misbehaviour scores and the deny list they feed.
//
// A penalty adds to the peer's score; the score halves every `halfLifeMs`, so a
// peer that slips once in a while never adds up to a ban while a peer that sends
// garbage steadily does. Reaching `threshold` bans the peer: its score resets and
// it is refused for `cooldownMs`.
//
// This is its own object (not a part of PeerLinks) because the deny list must
// exist before libp2p does: createHost passes `connectionGater()` to libp2p so a
// banned peer cannot even complete a connection, and PeerLinks, created after
// libp2p, shares the same scores.

import type { ConnectionGater, PeerId } from '@libp2p/interface'

export interface PeerScoresInit {
  /** Score at which a peer is banned. Default 100. */
  threshold?: number
  /** Time for a score to halve. Default 60 s. */
  halfLifeMs?: number
  /** How long a banned peer is refused. Default 5 min. */
  cooldownMs?: number
  /** Milliseconds clock; tests pass a virtual one. Default Date.now. */
  now?: () => number
  /** Scores below this count as zero and are forgotten. Default 0.5. */
  forgetBelow?: number
}

export interface PenaltyOutcome {
  /** Score after the penalty (0 when it caused a ban, which resets it). */
  score: number
  /** True when this penalty crossed the threshold. */
  banned: boolean
}

interface ScoreEntry {
  score: number
  at: number
}

const DEFAULT_THRESHOLD = 100
const DEFAULT_HALF_LIFE_MS = 60_000
const DEFAULT_COOLDOWN_MS = 5 * 60_000
/** Above this many tracked peers, a penalty first sweeps out forgotten scores. */
const SWEEP_ABOVE = 4096

export class PeerScores {
  readonly threshold: number
  readonly halfLifeMs: number
  readonly cooldownMs: number
  private readonly now: () => number
  private readonly forgetBelow: number
  private readonly scores = new Map<string, ScoreEntry>()
  private readonly deniedUntil = new Map<string, number>()
  private readonly banListeners = new Set<(peer: string, until: number) => void>()

  constructor (init: PeerScoresInit = {}) {
    this.threshold = init.threshold ?? DEFAULT_THRESHOLD
    this.halfLifeMs = init.halfLifeMs ?? DEFAULT_HALF_LIFE_MS
    this.cooldownMs = init.cooldownMs ?? DEFAULT_COOLDOWN_MS
    this.now = init.now ?? Date.now
    this.forgetBelow = init.forgetBelow ?? 0.5
    if (!(this.threshold > 0)) throw new RangeError('threshold must be positive')
    if (!(this.halfLifeMs > 0)) throw new RangeError('halfLifeMs must be positive')
  }

  /** The peer's current (decayed) score. */
  score (peer: PeerId | string): number {
    const key = peer.toString()
    const entry = this.scores.get(key)
    if (entry === undefined) return 0
    return this.decayed(entry, this.now())
  }

  /** Adds `amount` to the peer's score; bans it when the threshold is reached. */
  penalise (peer: PeerId | string, amount: number): PenaltyOutcome {
    const key = peer.toString()
    const now = this.now()
    if (this.scores.size > SWEEP_ABOVE) this.sweep(now)
    const entry = this.scores.get(key)
    const score = (entry === undefined ? 0 : this.decayed(entry, now)) + Math.max(0, amount)
    if (score >= this.threshold) {
      this.scores.delete(key)
      this.ban(key, this.cooldownMs)
      return { score: 0, banned: true }
    }
    this.scores.set(key, { score, at: now })
    return { score, banned: false }
  }

  /** Refuses the peer for `forMs` (default the cool-down) from now. */
  ban (peer: PeerId | string, forMs = this.cooldownMs): void {
    const key = peer.toString()
    const until = this.now() + forMs
    this.deniedUntil.set(key, Math.max(until, this.deniedUntil.get(key) ?? 0))
    for (const listener of this.banListeners) listener(key, until)
  }

  /** Lifts a ban and clears the score. */
  pardon (peer: PeerId | string): void {
    const key = peer.toString()
    this.deniedUntil.delete(key)
    this.scores.delete(key)
  }

  isDenied (peer: PeerId | string): boolean {
    return this.bannedUntil(peer) !== undefined
  }

  /** When the ban ends, or undefined when the peer is not banned. */
  bannedUntil (peer: PeerId | string): number | undefined {
    const key = peer.toString()
    const until = this.deniedUntil.get(key)
    if (until === undefined) return undefined
    if (until <= this.now()) {
      this.deniedUntil.delete(key)
      return undefined
    }
    return until
  }

  /** Called on every ban; returns the unsubscribe function. */
  onBan (listener: (peer: string, until: number) => void): () => void {
    this.banListeners.add(listener)
    return () => { this.banListeners.delete(listener) }
  }

  /**
   * Hooks for libp2p's connection gater: a banned peer is neither dialled nor
   * accepted once its identity is known (after the Noise handshake).
   */
  connectionGater (): Pick<ConnectionGater, 'denyDialPeer' | 'denyInboundEncryptedConnection' | 'denyOutboundEncryptedConnection'> {
    return {
      denyDialPeer: (peer) => this.isDenied(peer),
      denyInboundEncryptedConnection: (peer) => this.isDenied(peer),
      denyOutboundEncryptedConnection: (peer) => this.isDenied(peer)
    }
  }

  private decayed (entry: ScoreEntry, now: number): number {
    const elapsed = now - entry.at
    if (elapsed <= 0) return entry.score
    return entry.score * Math.pow(0.5, elapsed / this.halfLifeMs)
  }

  private sweep (now: number): void {
    for (const [key, entry] of this.scores) {
      if (this.decayed(entry, now) < this.forgetBelow) this.scores.delete(key)
    }
    for (const [key, until] of this.deniedUntil) {
      if (until <= now) this.deniedUntil.delete(key)
    }
  }
}
