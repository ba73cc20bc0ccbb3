// A toy protocol for testing the simulator itself: the first voter is the leader forever and
// replicates its log to the others (primary-backup with majority acknowledgement). No
// elections, so it only stays live while the leader is up: the simulator's scenarios without
// leader faults (happy, lossy, skew) must pass with it, and its planted bugs must be caught.

import type { Commit, Core, CoreConfig, CoreFactory, CoreStatus, Effect, EntryKind, Input, NodeId, Payload } from '../../src/protocols/core.js'
import type { ProtocolSpec } from '../../src/sim/types.js'

interface ToyEntry {
  readonly kind: EntryKind
  readonly payload: Payload
}

export type ToyMessage =
  | { readonly type: 'append'; readonly prevIndex: number; readonly entries: readonly ToyEntry[]; readonly commit: number }
  | { readonly type: 'ack'; readonly index: number }

/** Entries written from `index` on (replacing anything there). */
export interface ToyRecord {
  readonly index: number
  readonly entries: readonly ToyEntry[]
}

export interface ToyBugs {
  /** Serve reads anywhere, at once, from local state: stale reads. */
  readonly localReads?: boolean
  /** The leader slips an entry no client proposed into its log (validity). */
  readonly forgeEntry?: boolean
}

class FixedLeaderCore implements Core<ToyMessage, ToyRecord> {
  private readonly log: ToyEntry[] = []
  private durableLength = 0
  private commitIndex = 0
  /** Highest index emitted in a commit effect. */
  private emitted = 0
  private nextPersistId = 1
  private readonly pendingPersist: { id: number; end: number }[] = []
  private readonly match = new Map<NodeId, number>()
  private readonly leader: NodeId

  constructor(private readonly config: CoreConfig, records: readonly ToyRecord[], private readonly bugs: ToyBugs) {
    this.leader = config.voters[0]!
    for (const record of records) this.write(record.index, record.entries)
    this.durableLength = this.log.length
  }

  private get isLeader(): boolean {
    return this.config.id === this.leader
  }

  status(): CoreStatus {
    return { role: this.isLeader ? 'leader' : 'follower', epoch: 1, leader: this.leader, commitIndex: this.commitIndex }
  }

  step(input: Input<ToyMessage>): Effect<ToyMessage, ToyRecord>[] {
    const out: Effect<ToyMessage, ToyRecord>[] = []
    switch (input.type) {
      case 'tick':
        if (this.isLeader) for (const peer of this.config.voters) if (peer !== this.config.id) this.sendAppend(peer, out)
        break
      case 'message':
        this.receive(input.from, input.message, out)
        break
      case 'propose': {
        if (!this.isLeader) {
          out.push({ type: 'proposeFailed', ref: input.ref, error: { code: 'NOT_LEADER', leader: this.leader } })
          break
        }
        const start = this.log.length + 1
        const entries = input.payloads.map((payload) => ({ kind: 'app' as const, payload }))
        this.persist(start, entries, out)
        out.push({ type: 'proposeAccepted', ref: input.ref })
        for (const peer of this.config.voters) if (peer !== this.config.id) this.sendAppend(peer, out)
        break
      }
      case 'persisted': {
        while (this.pendingPersist.length > 0 && this.pendingPersist[0]!.id <= input.id) this.durableLength = Math.max(this.durableLength, this.pendingPersist.shift()!.end)
        if (this.isLeader) this.maybeCommit(out)
        else {
          out.push({ type: 'send', to: this.leader, message: { type: 'ack', index: this.durableLength } })
          this.emitCommits(out)
        }
        break
      }
      case 'read':
        if (this.bugs.localReads === true) out.push({ type: 'readReady', ref: input.ref, index: 0 })
        else if (!this.isLeader) out.push({ type: 'readFailed', ref: input.ref, error: { code: 'NOT_LEADER', leader: this.leader } })
        // Everything in the leader's log that is committed and applied covers every acknowledged write.
        else out.push({ type: 'readReady', ref: input.ref, index: this.log.length })
        break
      case 'snapshotTaken':
      case 'snapshotApplied':
      case 'admin':
        break
    }
    return out
  }

  private receive(from: NodeId, message: ToyMessage, out: Effect<ToyMessage, ToyRecord>[]): void {
    switch (message.type) {
      case 'append': {
        if (this.isLeader || from !== this.leader) return
        if (message.prevIndex > this.log.length) return // a gap: the leader's next heartbeat resends from our ack
        const skip = this.log.length - message.prevIndex
        const fresh = message.entries.slice(skip)
        if (fresh.length > 0) this.persist(this.log.length + 1, fresh, out)
        else out.push({ type: 'send', to: this.leader, message: { type: 'ack', index: this.durableLength } })
        this.commitIndex = Math.max(this.commitIndex, Math.min(message.commit, this.durableLength))
        this.emitCommits(out)
        return
      }
      case 'ack':
        if (!this.isLeader) return
        this.match.set(from, Math.max(this.match.get(from) ?? 0, message.index))
        this.maybeCommit(out)
        return
    }
  }

  private sendAppend(peer: NodeId, out: Effect<ToyMessage, ToyRecord>[]): void {
    const from = this.match.get(peer) ?? 0
    out.push({ type: 'send', to: peer, message: { type: 'append', prevIndex: from, entries: this.log.slice(from, from + 64), commit: this.commitIndex } })
  }

  private persist(index: number, entries: readonly ToyEntry[], out: Effect<ToyMessage, ToyRecord>[]): void {
    this.write(index, entries)
    const id = this.nextPersistId++
    this.pendingPersist.push({ id, end: index + entries.length - 1 })
    out.push({ type: 'persist', id, record: { index, entries } })
  }

  private write(index: number, entries: readonly ToyEntry[]): void {
    this.log.length = index - 1
    this.log.push(...entries)
  }

  private maybeCommit(out: Effect<ToyMessage, ToyRecord>[]): void {
    const acks = [this.durableLength, ...this.config.voters.filter((v) => v !== this.config.id).map((v) => this.match.get(v) ?? 0)].sort((a, b) => b - a)
    const quorum = Math.floor(this.config.voters.length / 2) + 1
    this.commitIndex = Math.max(this.commitIndex, acks[quorum - 1]!)
    this.emitCommits(out)
  }

  private emitCommits(out: Effect<ToyMessage, ToyRecord>[]): void {
    if (this.commitIndex <= this.emitted) return
    const entries = this.log.slice(this.emitted, this.commitIndex).map((e, i) => ({ index: this.emitted + 1 + i, kind: e.kind, payload: e.payload }))
    const commit: Commit = { position: this.emitted + 1, entries, certificate: { protocol: 'raft', epoch: 1, signers: [], proof: new Uint8Array() } }
    out.push({ type: 'commit', commit })
    this.emitted = this.commitIndex
    if (this.bugs.forgeEntry === true && this.isLeader && this.commitIndex === 10) {
      const forged = entries[entries.length - 1]!.payload.slice()
      forged[forged.length - 1]! ^= 1
      this.persist(this.log.length + 1, [{ kind: 'app', payload: forged }], out)
    }
  }
}

export function createFixedLeaderCore(bugs: ToyBugs = {}): CoreFactory<ToyMessage, ToyRecord> {
  return (config, records) => new FixedLeaderCore(config, records, bugs)
}

export function fixedLeader(bugs: ToyBugs = {}, name = 'fixed-leader'): ProtocolSpec<ToyMessage, ToyRecord> {
  return { name, factory: createFixedLeaderCore(bugs), tickUs: 10_000, recoveryUs: 2_000_000 }
}
