// A simulated node's host: what the protocol actor does in a real node, on virtual time.
// It feeds the core its inputs and carries out the effects: persist (modelled disk latency,
// acknowledged in id order), send/broadcast (through the network model), commit (apply to this
// node's own KV store and answer waiting clients), linearizable reads (serve once applied up to
// the read index), snapshots (take one every `snapshotEvery` applied entries, ship one when the
// core asks, install a received one). A crash loses everything but the disk; a restart rebuilds
// the core from the persisted records and the app from its latest durable snapshot.
//
// With checkpoint snapshots (PBFT, ProtocolSpec.snapshots): the host snapshots only right after a
// commit effect flagged `checkpoint`, answers `snapshotTaken { index, digest }` with the sha256 of
// the snapshot bytes, and installs a received snapshot only if its bytes hash to the digest the
// core's status names in `snapshotWanted` (a Byzantine sender cannot slip in another state).

import type { Commit, Core, CoreConfig, CoreFactory, CoreStatus, Crypto, Effect, Evidence, Input, NodeId } from '../protocols/core.js'
import { assertNever } from '../protocols/core.js'
import { KvStore, type KvOutcome, type KvStoreOptions } from '../app/kv-store.js'
import { bytesEqual } from '../app/bytes.js'
import type { Applied } from '../app/state-machine.js'
import type { EventQueue } from './event-queue.js'
import { SimRng, STREAM } from './rng.js'
import type { Adversary, AdversaryContext, ClientRequest, ClientResponse, CrashLoss, Outgoing } from './types.js'
import type { KvQuery } from '../app/kv-ops.js'

/** What a host needs from the simulation around it. */
export interface HostWorld<M> {
  readonly now: number
  readonly queue: EventQueue
  readonly seed: number
  send(from: number, to: number, message: M): void
  shipSnapshot(from: number, to: number, index: number, meta: Uint8Array, bytes: Uint8Array): void
  respond(node: number, client: number, response: ClientResponse): void
  clientIndex(clientId: string): number | undefined
  onCommit(node: number, commit: Commit): void
  onApplied(node: number, applied: Applied<KvOutcome>): void
  onSnapshot(node: number, index: number, bytes: Uint8Array): void
  onStatus(node: number, status: CoreStatus): void
  onEvidence(node: number, evidence: Evidence): void
  /** The host saw the core (or itself) break the core contract; the run fails. */
  violation(check: 'contract', node: number, detail: string): void
}

export interface HostOptions {
  /** Disk write latency range, µs. */
  readonly diskUs: readonly [number, number]
  /** Take an app snapshot (and step `snapshotTaken`) every this many applied entries ('periodic' snapshots). */
  readonly snapshotEvery: number
  /** ProtocolSpec.snapshots. */
  readonly snapshots: 'periodic' | 'checkpoint'
  readonly kv: KvStoreOptions
}

interface PendingRead {
  readonly client: number
  readonly opId: number
  readonly query: KvQuery
  index: number
}

/**
 * Snapshots a node keeps on its disk (the latest few: a restarted core may ask for a slightly
 * older one). More than the ten checkpoints a PBFT core keeps, so the host holds every one it may ask for.
 */
const SNAPSHOTS_KEPT = 12

export class SimHost<M, S> {
  readonly ids: readonly NodeId[]
  up = true
  incarnation = 0
  core: Core<M, S> | undefined
  app: KvStore
  /** Acknowledged persist records: the disk. */
  readonly durable: S[] = []
  /** Issued, not yet acknowledged persist records, oldest first. */
  private unsynced: { readonly id: number; readonly record: S }[] = []
  /** Deferrable persists not yet handed to the disk (core.ts, `persist`). */
  private deferred: { readonly id: number; readonly record: S }[] = []
  private diskFreeAt = 0
  private lastPersistId = -Infinity
  /** Durable app snapshots by index (written atomically before the core hears of them). */
  private readonly snapshots = new Map<number, Uint8Array>()
  private lastSnapshotIndex = 0
  /** Tick period in µs (clock skew: a fast clock has a short period). */
  tickPeriodUs: number
  status: CoreStatus | undefined
  /** Writes waiting for their entry to be applied here: client index -> (opId, seq). */
  private readonly waitingWrites = new Map<number, { readonly opId: number; readonly seq: number }>()
  /** Proposal refs -> client index, for proposeFailed. */
  private readonly proposals = new Map<number, { readonly client: number; readonly opId: number }>()
  private readonly reads = new Map<number, PendingRead>()
  /** Reads that are ready at an index this node has not applied yet. */
  private readyReads: PendingRead[] = []
  private nextRef = 1
  /** Inputs the host itself generates while handling effects (snapshotTaken), stepped after them. */
  private followUps: Input<M>[] = []
  private stepping = false
  private readonly diskRng: SimRng
  private adversaryContext: { -readonly [K in keyof AdversaryContext<M, S>]: AdversaryContext<M, S>[K] } | undefined

  constructor(
    readonly index: number,
    readonly id: NodeId,
    private readonly world: HostWorld<M>,
    private readonly factory: CoreFactory<M, S>,
    private readonly idToIndex: ReadonlyMap<NodeId, number>,
    voters: readonly NodeId[],
    private readonly options: HostOptions,
    tickPeriodUs: number,
    readonly adversary: Adversary<M, S> | undefined,
    /** This node's signing key (SimCrypto.forNode): its core's CoreConfig.crypto. */
    private readonly crypto: Crypto
  ) {
    this.ids = voters
    this.app = new KvStore(options.kv)
    this.tickPeriodUs = tickPeriodUs
    this.diskRng = new SimRng(world.seed, STREAM.disk * 1000 + index)
    this.core = this.buildCore([])
    if (adversary !== undefined) {
      this.adversaryContext = {
        id,
        peers: voters.filter((v) => v !== id),
        rng: new SimRng(world.seed, STREAM.adversary * 1000 + index),
        now: 0,
        honest: this.core,
        crypto
      }
    }
  }

  private buildCore(records: readonly S[]): Core<M, S> {
    const config: CoreConfig = { id: this.id, voters: this.ids, rng: new SimRng(this.world.seed, STREAM.node * 1000 + this.index * 100 + this.incarnation), crypto: this.crypto }
    return this.factory(config, records)
  }

  // -------------------------------------------------------------------------------------------
  // Inputs

  step(input: Input<M>): void {
    if (this.adversary !== undefined) {
      this.stepAdversary(input)
      return
    }
    const core = this.core
    if (core === undefined) return
    if (input.type === 'tick') this.writeDeferred()
    this.stepping = true
    this.handle(core.step(input))
    while (this.followUps.length > 0 && this.up) {
      const next = this.followUps.shift()!
      this.handle(core.step(next))
    }
    this.stepping = false
  }

  private stepAdversary(input: Input<M>): void {
    const context = this.adversaryContext!
    context.now = this.world.now
    for (const out of this.adversary!(input, context)) this.sendOut(out)
  }

  private sendOut(out: Outgoing<M>): void {
    if (out.to === 'all') {
      for (let to = 0; to < this.ids.length; to++) if (to !== this.index) this.world.send(this.index, to, out.message)
      return
    }
    const to = this.idToIndex.get(out.to)
    if (to !== undefined && to !== this.index) this.world.send(this.index, to, out.message)
  }

  /** A persist id this host scheduled is now durable. */
  persisted(id: number): void {
    const head = this.unsynced[0]
    if (head === undefined || head.id !== id) {
      this.world.violation('contract', this.index, `disk acknowledged persist ${id} out of order`)
      return
    }
    this.unsynced.shift()
    this.durable.push(head.record)
    this.step({ type: 'persisted', id })
  }

  clientRequest(request: ClientRequest): void {
    if (this.adversary !== undefined) return // an adversarial node ignores clients; they time out and go elsewhere
    switch (request.kind) {
      case 'write': {
        const ref = this.nextRef++
        this.waitingWrites.set(request.client, { opId: request.opId, seq: request.seq })
        this.proposals.set(ref, { client: request.client, opId: request.opId })
        this.step({ type: 'propose', ref, payloads: [request.payload] })
        return
      }
      case 'read': {
        const ref = this.nextRef++
        this.reads.set(ref, { client: request.client, opId: request.opId, query: request.query, index: 0 })
        this.step({ type: 'read', ref })
        return
      }
      default:
        assertNever(request)
    }
  }

  snapshotArrived(from: number, index: number, meta: Uint8Array, bytes: Uint8Array): void {
    if (this.adversary !== undefined) return
    let digest: Uint8Array | undefined
    if (this.options.snapshots === 'checkpoint') {
      // Install only the state the core asked for, certified by a quorum: its bytes must hash to it.
      const wanted = this.core?.status().snapshotWanted
      digest = this.crypto.digest(bytes)
      if (wanted === undefined || wanted.index !== index || !bytesEqual(wanted.digest, digest)) return
    }
    if (index > this.app.appliedIndex) {
      const error = this.app.restore(bytes)
      if (error !== undefined) {
        this.world.violation('contract', this.index, `snapshot from ${this.ids[from]} at ${index} does not restore: ${error.reason}`)
        return
      }
      if (this.app.appliedIndex !== index) {
        this.world.violation('contract', this.index, `snapshot shipped as index ${index} holds state at ${this.app.appliedIndex}`)
        return
      }
      this.storeSnapshot(index, bytes)
      this.serveReadyReads()
    } else {
      // Our app is already past the snapshot. Keep the sender's bytes (the core may ask us to
      // forward them) and make our own newer state durable, so that after a crash the app never
      // restarts behind the point the core is about to compact its log to.
      this.storeSnapshot(index, bytes)
      if (this.options.snapshots === 'periodic') this.takeSnapshot(false)
    }
    this.step(digest === undefined ? { type: 'snapshotApplied', from: this.ids[from]!, index, meta } : { type: 'snapshotApplied', from: this.ids[from]!, index, meta, digest })
  }

  // -------------------------------------------------------------------------------------------
  // Effects

  private handle(effects: readonly Effect<M, S>[]): void {
    for (let i = 0; i < effects.length; i++) {
      if (!this.up) return
      const effect = effects[i]!
      switch (effect.type) {
        case 'send': {
          const to = this.idToIndex.get(effect.to)
          if (to === undefined || to === this.index) this.world.violation('contract', this.index, `send to unknown or own id ${effect.to}`)
          else this.world.send(this.index, to, effect.message)
          break
        }
        case 'broadcast':
          for (let to = 0; to < this.ids.length; to++) if (to !== this.index) this.world.send(this.index, to, effect.message)
          break
        case 'persist':
          // As the node does (PersistBatch): a deferrable record waits for the next one that is
          // not, or for the next tick; a crash meanwhile loses it unwritten.
          if (effect.deferrable === true) {
            this.deferred.push({ id: effect.id, record: effect.record })
            break
          }
          this.writeDeferred()
          this.persist(effect.id, effect.record)
          break
        case 'commit':
          this.commit(effect.commit, effect.checkpoint === true)
          break
        case 'proposeAccepted':
          break
        case 'proposeFailed': {
          const proposal = this.proposals.get(effect.ref)
          if (proposal === undefined) break
          this.proposals.delete(effect.ref)
          const waiting = this.waitingWrites.get(proposal.client)
          if (waiting !== undefined && waiting.opId === proposal.opId) this.waitingWrites.delete(proposal.client)
          this.world.respond(this.index, proposal.client, { ok: false, opId: proposal.opId, error: effect.error })
          break
        }
        case 'readReady': {
          const read = this.reads.get(effect.ref)
          if (read === undefined) break
          this.reads.delete(effect.ref)
          read.index = effect.index
          if (this.app.appliedIndex >= effect.index) this.serveRead(read)
          else this.readyReads.push(read)
          break
        }
        case 'readFailed': {
          const read = this.reads.get(effect.ref)
          if (read === undefined) break
          this.reads.delete(effect.ref)
          this.world.respond(this.index, read.client, { ok: false, opId: read.opId, error: effect.error })
          break
        }
        case 'sendSnapshot': {
          const to = this.idToIndex.get(effect.to)
          const bytes = this.snapshots.get(effect.index)
          if (to === undefined) this.world.violation('contract', this.index, `sendSnapshot to unknown id ${effect.to}`)
          else if (bytes === undefined) this.world.violation('contract', this.index, `sendSnapshot at ${effect.index}: no snapshot at that index was reported to the core`)
          else this.world.shipSnapshot(this.index, to, effect.index, effect.meta, bytes)
          break
        }
        case 'evidence':
          this.world.onEvidence(this.index, effect.evidence)
          break
        case 'status':
          this.status = effect.status
          this.world.onStatus(this.index, effect.status)
          break
        default:
          assertNever(effect)
      }
    }
  }

  private writeDeferred(): void {
    const deferred = this.deferred
    this.deferred = []
    for (const { id, record } of deferred) this.persist(id, record)
  }

  private persist(id: number, record: S): void {
    if (id <= this.lastPersistId) this.world.violation('contract', this.index, `persist id ${id} not above ${this.lastPersistId}`)
    this.lastPersistId = id
    const [min, max] = this.options.diskUs
    // One disk: writes complete in issue order, each after its own latency.
    const done = Math.max(this.world.now + min + Math.floor(this.diskRng.next() * (max - min + 1)), this.diskFreeAt)
    this.diskFreeAt = done
    this.unsynced.push({ id, record })
    this.world.queue.schedule(done, 'persisted', this.index, -1, this.incarnation, id)
  }

  private commit(commit: Commit, checkpoint: boolean): void {
    this.world.onCommit(this.index, commit)
    const entries = commit.entries
    if (entries.length === 0) return
    const last = entries[entries.length - 1]!
    if (last.index <= this.app.appliedIndex) {
      // Emitted again after a restart or a snapshot: already in the state. A checkpoint asked for
      // again is answered from the snapshot kept at that index.
      const kept = checkpoint ? this.snapshots.get(last.index) : undefined
      if (kept !== undefined) this.tellCore({ type: 'snapshotTaken', index: last.index, digest: this.crypto.digest(kept) })
      return
    }
    const first = entries[0]!.index
    if (first > this.app.appliedIndex + 1) {
      this.world.violation('contract', this.index, `commit at ${first} leaves a gap after applied index ${this.app.appliedIndex}`)
      return
    }
    const applied = this.app.apply(entries)
    for (const outcome of applied) {
      this.world.onApplied(this.index, outcome)
      const session = outcome.result.session
      if (session === undefined) continue
      const client = this.world.clientIndex(session.client)
      if (client === undefined) continue
      const waiting = this.waitingWrites.get(client)
      if (waiting !== undefined && waiting.seq === session.seq) {
        this.waitingWrites.delete(client)
        this.world.respond(this.index, client, { ok: true, opId: waiting.opId, result: outcome.result.result, index: outcome.index })
      }
    }
    this.serveReadyReads()
    if (this.options.snapshots === 'checkpoint') {
      if (checkpoint) this.takeCheckpointSnapshot()
    } else if (this.app.appliedIndex - this.lastSnapshotIndex >= this.options.snapshotEvery) this.takeSnapshot(true)
  }

  /** Right after the flagged commit: a durable snapshot and its digest for the core's checkpoint message. */
  private takeCheckpointSnapshot(): void {
    const index = this.app.appliedIndex
    const bytes = this.app.snapshot()
    this.world.onSnapshot(this.index, index, bytes)
    this.storeSnapshot(index, bytes)
    this.tellCore({ type: 'snapshotTaken', index, digest: this.crypto.digest(bytes) })
  }

  private tellCore(input: Input<M>): void {
    if (this.stepping) this.followUps.push(input)
    else this.step(input)
  }

  private serveReadyReads(): void {
    if (this.readyReads.length === 0) return
    const applied = this.app.appliedIndex
    const still: PendingRead[] = []
    for (const read of this.readyReads) {
      if (read.index <= applied) this.serveRead(read)
      else still.push(read)
    }
    this.readyReads = still
  }

  private serveRead(read: PendingRead): void {
    this.world.respond(this.index, read.client, { ok: true, opId: read.opId, result: this.app.query(read.query), index: read.index })
  }

  private takeSnapshot(tellCore: boolean): void {
    const index = this.app.appliedIndex
    const bytes = this.app.snapshot()
    this.world.onSnapshot(this.index, index, bytes)
    this.storeSnapshot(index, bytes)
    if (tellCore) this.tellCore({ type: 'snapshotTaken', index })
  }

  private storeSnapshot(index: number, bytes: Uint8Array): void {
    this.snapshots.set(index, bytes)
    if (index > this.lastSnapshotIndex) this.lastSnapshotIndex = index
    if (this.snapshots.size > SNAPSHOTS_KEPT) {
      const oldest = Math.min(...this.snapshots.keys())
      this.snapshots.delete(oldest)
    }
  }

  // -------------------------------------------------------------------------------------------
  // Crash and restart

  crash(loss: CrashLoss, rng: SimRng): void {
    if (!this.up) return
    this.up = false
    this.incarnation++ // kills this incarnation's pending ticks and disk acknowledgements
    this.core = undefined
    let survivors: number
    switch (loss) {
      case 'keep-unsynced':
        survivors = this.unsynced.length
        break
      case 'lose-unsynced':
        survivors = 0
        break
      case 'torn':
        survivors = rng.int(0, this.unsynced.length)
        break
      default:
        assertNever(loss)
    }
    for (let i = 0; i < survivors; i++) this.durable.push(this.unsynced[i]!.record)
    this.unsynced = []
    this.deferred = []
    this.waitingWrites.clear()
    this.proposals.clear()
    this.reads.clear()
    this.readyReads = []
    this.followUps = []
  }

  restart(): void {
    if (this.up) return
    this.up = true
    this.incarnation++
    this.lastPersistId = -Infinity
    this.diskFreeAt = this.world.now
    this.app = new KvStore(this.options.kv)
    if (this.lastSnapshotIndex > 0) {
      const error = this.app.restore(this.snapshots.get(this.lastSnapshotIndex)!)
      if (error !== undefined) this.world.violation('contract', this.index, `own snapshot does not restore: ${error.reason}`)
    }
    this.core = this.buildCore(this.durable.slice())
  }

  /** Highest index this node has applied (its app state), a proxy for what it has committed. */
  get appliedIndex(): number {
    return this.app.appliedIndex
  }
}
