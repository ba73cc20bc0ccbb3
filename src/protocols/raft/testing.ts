// A small deterministic harness for Raft core tests: N cores, one message queue delivered step
// by step (or all at once), partitions, crashes and restarts from acknowledged records, persists
// acknowledged at once or held, and a minimal host app that checks what it is handed.
// Not the simulator (src/sim): no virtual network delays, just explicit control for tests that
// read like the paper's figures.
//
// Checks made on every effect: commits are contiguous per node and agree across nodes
// (State Machine Safety), and at most one leader per term (Election Safety).

import type { CommittedEntry, Commit, Core, CoreFactory, CoreStatus, Effect, Input, NodeId, Rng, AdminCommand } from '../core.js'
import { createRaftCore, type RaftParams } from './core.js'
import type { RaftMessage } from './messages.js'
import type { RaftRecord } from './records.js'

export type RaftEffect = Effect<RaftMessage, RaftRecord>

const encoder = new TextEncoder()
const decoder = new TextDecoder()

export function text(value: string): Uint8Array {
  return encoder.encode(value)
}

export function show(payload: Uint8Array): string {
  return decoder.decode(payload)
}

/** mulberry32: small, fast, good enough for election timeouts. */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (min, max) => min + Math.floor(next() * (max - min + 1)) }
}

/** Something in flight between two hosts: a core message, or an app snapshot with its core metadata. */
export type Delivery =
  | { readonly kind: 'message'; readonly from: NodeId; readonly to: NodeId; readonly message: RaftMessage }
  | {
    readonly kind: 'snapshot'
    readonly from: NodeId
    readonly to: NodeId
    readonly index: number
    readonly meta: Uint8Array
    readonly appState: readonly CommittedEntry[]
  }

export interface ClusterOptions {
  /** Voters at genesis (default n0..n{size-1}). */
  readonly voters?: readonly NodeId[]
  /** Hosts that run a core but are not voters at genesis (learners in params, or future members). */
  readonly others?: readonly NodeId[]
  readonly params?: Partial<RaftParams>
  readonly seed?: number
  /** Durable records a node starts from (a node "restarted" into a chosen log). */
  readonly records?: Readonly<Record<NodeId, readonly RaftRecord[]>>
  /** Build cores differently (a test subclass with an injected bug). */
  readonly factory?: CoreFactory<RaftMessage, RaftRecord>
  /** 'throw' (default): a safety violation fails the test at once; 'record': collect in `violations`. */
  readonly onViolation?: 'throw' | 'record'
}

export interface Host {
  readonly id: NodeId
  core: Core<RaftMessage, RaftRecord>
  up: boolean
  /** Acknowledge persists as soon as they are emitted. */
  autoPersist: boolean
  /** Acknowledged records, oldest first: what a restart rebuilds from. */
  durable: RaftRecord[]
  unacked: { readonly id: number; readonly record: RaftRecord }[]
  /** Every effect of this incarnation. */
  effects: RaftEffect[]
  /** The app: applied entries, app[i] is index i + 1. */
  app: CommittedEntry[]
  /** The app's durable snapshot (a prefix of `app`). */
  snapshot: CommittedEntry[] | undefined
}

export class Cluster {
  readonly ids: NodeId[]
  readonly queue: Delivery[] = []
  /** Every message any core sent, in order. */
  readonly sent: { readonly from: NodeId; readonly to: NodeId; readonly message: RaftMessage }[] = []
  readonly violations: string[] = []
  readonly params: Partial<RaftParams>
  private readonly hosts = new Map<NodeId, Host>()
  private readonly voters: readonly NodeId[]
  private readonly factory: CoreFactory<RaftMessage, RaftRecord>
  private readonly seed: number
  private readonly onViolation: 'throw' | 'record'
  private readonly agreed = new Map<number, string>()
  private readonly leaders = new Map<number, NodeId>()
  private groups: NodeId[][] | undefined
  private incarnations = 0
  private nextRef = 1

  constructor(size: number, options: ClusterOptions = {}) {
    this.voters = options.voters ?? Array.from({ length: size }, (_, i) => `n${i}`)
    this.ids = [...this.voters, ...(options.others ?? [])]
    this.params = options.params ?? {}
    this.factory = options.factory ?? createRaftCore(this.params)
    this.seed = options.seed ?? 1
    this.onViolation = options.onViolation ?? 'throw'
    for (const id of this.ids) {
      const durable = [...(options.records?.[id] ?? [])]
      this.hosts.set(id, {
        id,
        core: this.build(id, durable),
        up: true,
        autoPersist: true,
        durable,
        unacked: [],
        effects: [],
        app: [],
        snapshot: undefined
      })
    }
  }

  host(id: NodeId): Host {
    const host = this.hosts.get(id)
    if (host === undefined) throw new Error(`no host ${id}`)
    return host
  }

  status(id: NodeId): CoreStatus {
    return this.host(id).core.status()
  }

  /** The up node that believes it leads in the highest term. */
  leader(): NodeId | undefined {
    let best: { id: NodeId; term: number } | undefined
    for (const host of this.hosts.values()) {
      const status = host.core.status()
      if (host.up && status.role === 'leader' && (best === undefined || status.epoch > best.term)) {
        best = { id: host.id, term: status.epoch }
      }
    }
    return best?.id
  }

  /** Step one core and carry out its effects; returns that step's own effects. */
  step(id: NodeId, input: Input<RaftMessage>): RaftEffect[] {
    const host = this.host(id)
    if (!host.up) throw new Error(`${id} is down`)
    const effects = host.core.step(input)
    this.carryOut(host, effects)
    if (host.autoPersist) this.acknowledgePersists(id)
    return effects
  }

  tick(ids: readonly NodeId[] = this.upIds(), times = 1): void {
    for (let t = 0; t < times; t++) {
      for (const id of ids) if (this.host(id).up) this.step(id, { type: 'tick' })
    }
  }

  /** Each round: tick every up node once, then deliver everything deliverable. */
  run(rounds: number, options: DeliverOptions = {}): void {
    for (let r = 0; r < rounds; r++) {
      this.tick()
      this.deliverAll(options)
    }
  }

  /** Deliver queued items in order until none is left that is not held; returns how many were delivered. */
  deliverAll(options: DeliverOptions = {}): number {
    const limit = options.limit ?? 100_000
    let delivered = 0
    for (;;) {
      const position = this.queue.findIndex(item => options.hold?.(item) !== true)
      if (position < 0) return delivered
      const [item] = this.queue.splice(position, 1)
      if (item === undefined) return delivered
      if (options.drop?.(item) === true) continue
      if (this.deliver(item)) delivered++
      if (delivered > limit) throw new Error('deliverAll: the cluster does not quiesce')
    }
  }

  /**
   * Deliver everything in a random order drawn from `rng`, losing a share `dropRate` of the items
   * and delivering a share `duplicateRate` twice: an unreliable, reordering network.
   */
  deliverShuffled(rng: Rng, options: { readonly dropRate?: number; readonly duplicateRate?: number; readonly limit?: number } = {}): number {
    const limit = options.limit ?? 100_000
    let delivered = 0
    while (this.queue.length > 0) {
      const [item] = this.queue.splice(rng.int(0, this.queue.length - 1), 1)
      if (item === undefined || rng.next() < (options.dropRate ?? 0)) continue
      if (this.deliver(item)) delivered++
      if (rng.next() < (options.duplicateRate ?? 0)) this.queue.push(item)
      if (delivered > limit) throw new Error('deliverShuffled: the cluster does not quiesce')
    }
    return delivered
  }

  /** Deliver the first queued item matching `match` (default: the first); returns whether one was delivered. */
  deliverOne(match: (item: Delivery) => boolean = () => true): boolean {
    const position = this.queue.findIndex(match)
    if (position < 0) return false
    const [item] = this.queue.splice(position, 1)
    return item !== undefined && this.deliver(item)
  }

  /** Remove queued items matching `match` (lost messages). */
  drop(match: (item: Delivery) => boolean): number {
    let dropped = 0
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const item = this.queue[i]
      if (item !== undefined && match(item)) {
        this.queue.splice(i, 1)
        dropped++
      }
    }
    return dropped
  }

  /** Tick `id` alone until it campaigns, then deliver everything: it must end up leader. */
  elect(id: NodeId): void {
    const limit = 2 * (this.params.electionTicks ?? 10) + 1
    for (let t = 0; t < limit && this.status(id).role !== 'pre-candidate' && this.status(id).role !== 'candidate'; t++) {
      this.tick([id])
    }
    this.deliverAll()
    const status = this.status(id)
    if (status.role !== 'leader') throw new Error(`elect(${id}): ended as ${status.role} in term ${status.epoch}`)
  }

  propose(id: NodeId, ...payloads: string[]): RaftEffect[] {
    return this.step(id, { type: 'propose', ref: this.nextRef++, payloads: payloads.map(text) })
  }

  read(id: NodeId): { readonly ref: number; readonly effects: RaftEffect[] } {
    const ref = this.nextRef++
    return { ref, effects: this.step(id, { type: 'read', ref }) }
  }

  admin(id: NodeId, command: AdminCommand): RaftEffect[] {
    return this.step(id, { type: 'admin', ref: this.nextRef++, command })
  }

  /** Hold (false) or acknowledge at once (true) `id`'s persists. Turning it on acknowledges what is held. */
  setAutoPersist(id: NodeId, on: boolean): void {
    this.host(id).autoPersist = on
    if (on) this.acknowledgePersists(id)
  }

  /** Make `count` (default all) of `id`'s held persists durable and tell its core, one id at a time. */
  acknowledgePersists(id: NodeId, count = Infinity): void {
    const host = this.host(id)
    for (let done = 0; done < count && host.up; done++) {
      const next = host.unacked.shift()
      if (next === undefined) return
      host.durable.push(next.record)
      const effects = host.core.step({ type: 'persisted', id: next.id })
      this.carryOut(host, effects)
    }
  }

  /** The app takes a snapshot of everything it applied and tells its core. */
  takeSnapshot(id: NodeId): RaftEffect[] {
    const host = this.host(id)
    host.snapshot = host.app.slice()
    return this.step(id, { type: 'snapshotTaken', index: host.app.length })
  }

  /** Only nodes in the same group can talk; nodes in no group are isolated. */
  partition(...groups: NodeId[][]): void {
    this.groups = groups
  }

  isolate(id: NodeId): void {
    this.partition([id], this.ids.filter(other => other !== id))
  }

  heal(): void {
    this.groups = undefined
  }

  connected(a: NodeId, b: NodeId): boolean {
    if (this.groups === undefined) return true
    return this.groups.some(group => group.includes(a) && group.includes(b))
  }

  /** Stop `id`: unacknowledged persists and queued messages to it are lost. */
  crash(id: NodeId): void {
    const host = this.host(id)
    host.up = false
    host.unacked = []
    this.drop(item => item.to === id)
  }

  /** Rebuild `id` from its acknowledged records; its app restarts from its snapshot. */
  restart(id: NodeId): void {
    const host = this.host(id)
    host.core = this.build(id, host.durable)
    host.up = true
    host.effects = []
    host.app = host.snapshot?.slice() ?? []
  }

  /** The app's applied entries as readable strings: the payload of 'app' entries, "(noop)", "(config)". */
  applied(id: NodeId): string[] {
    return this.host(id).app.map(describe)
  }

  effects<T extends RaftEffect['type']>(id: NodeId, type: T): Extract<RaftEffect, { type: T }>[] {
    return this.host(id).effects.filter((effect): effect is Extract<RaftEffect, { type: T }> => effect.type === type)
  }

  /** Messages of `type` sent so far, optionally only from `from` and/or to `to`. */
  messages<T extends RaftMessage['type']>(
    type: T,
    filter: { readonly from?: NodeId; readonly to?: NodeId } = {}
  ): { from: NodeId; to: NodeId; message: Extract<RaftMessage, { type: T }> }[] {
    const found: { from: NodeId; to: NodeId; message: Extract<RaftMessage, { type: T }> }[] = []
    for (const sent of this.sent) {
      if (sent.message.type !== type) continue
      if (filter.from !== undefined && sent.from !== filter.from) continue
      if (filter.to !== undefined && sent.to !== filter.to) continue
      found.push({ from: sent.from, to: sent.to, message: sent.message as Extract<RaftMessage, { type: T }> })
    }
    return found
  }

  private upIds(): NodeId[] {
    return this.ids.filter(id => this.host(id).up)
  }

  private build(id: NodeId, durable: readonly RaftRecord[]): Core<RaftMessage, RaftRecord> {
    const rng = seededRng(this.seed * 7919 + this.ids.indexOf(id) * 104729 + this.incarnations++ * 15485863)
    return this.factory({ id, voters: this.voters, rng }, durable.slice())
  }

  private deliver(item: Delivery): boolean {
    const target = this.hosts.get(item.to)
    if (target === undefined || !target.up || !this.connected(item.from, item.to)) return false
    switch (item.kind) {
      case 'message':
        this.step(item.to, { type: 'message', from: item.from, message: item.message })
        return true
      case 'snapshot':
        // The host installs a snapshot only if it is ahead of its app, then tells its core.
        if (item.index > target.app.length) {
          this.checkAgreement(item.to, item.appState)
          target.app = item.appState.slice()
          target.snapshot = item.appState.slice()
        }
        this.step(item.to, { type: 'snapshotApplied', from: item.from, index: item.index, meta: item.meta })
        return true
    }
  }

  private carryOut(host: Host, effects: readonly RaftEffect[]): void {
    host.effects.push(...effects)
    for (const effect of effects) {
      switch (effect.type) {
        case 'send':
          this.enqueue(host.id, effect.to, effect.message)
          break
        case 'broadcast':
          for (const to of this.ids) if (to !== host.id) this.enqueue(host.id, to, effect.message)
          break
        case 'persist':
          host.unacked.push({ id: effect.id, record: effect.record })
          break
        case 'commit':
          this.apply(host, effect.commit)
          break
        case 'sendSnapshot': {
          const snapshot = host.snapshot
          if (snapshot === undefined || snapshot.length !== effect.index) {
            this.violation(`${host.id} asked to send a snapshot at ${effect.index} it does not have`)
            break
          }
          this.queue.push({ kind: 'snapshot', from: host.id, to: effect.to, index: effect.index, meta: effect.meta, appState: snapshot })
          break
        }
        case 'status':
          if (effect.status.role === 'leader') {
            const existing = this.leaders.get(effect.status.epoch)
            if (existing !== undefined && existing !== host.id) {
              this.violation(`two leaders in term ${effect.status.epoch}: ${existing} and ${host.id}`)
            }
            this.leaders.set(effect.status.epoch, host.id)
          }
          break
        case 'proposeAccepted':
        case 'proposeFailed':
        case 'readReady':
        case 'readFailed':
        case 'evidence':
          break
      }
    }
  }

  private enqueue(from: NodeId, to: NodeId, message: RaftMessage): void {
    this.sent.push({ from, to, message })
    this.queue.push({ kind: 'message', from, to, message })
  }

  private apply(host: Host, commit: Commit): void {
    commit.entries.forEach((entry, offset) => {
      if (entry.index !== commit.position + offset) this.violation(`${host.id}: commit is not contiguous`)
      if (entry.index <= host.app.length) {
        // Re-emitted after a restart: must be the same entry.
        const existing = host.app[entry.index - 1]
        if (existing === undefined || key(existing) !== key(entry)) {
          this.violation(`${host.id}: index ${entry.index} committed again with different content`)
        }
        return
      }
      if (entry.index !== host.app.length + 1) {
        this.violation(`${host.id}: commit of ${entry.index} after applied ${host.app.length} leaves a gap`)
        return
      }
      this.checkAgreement(host.id, [entry])
      host.app.push(entry)
    })
  }

  private checkAgreement(id: NodeId, entries: readonly CommittedEntry[]): void {
    for (const entry of entries) {
      const agreed = this.agreed.get(entry.index)
      if (agreed === undefined) this.agreed.set(entry.index, key(entry))
      else if (agreed !== key(entry)) {
        this.violation(`agreement: ${id} commits ${key(entry)} at ${entry.index}, another node committed ${agreed}`)
      }
    }
  }

  private violation(message: string): void {
    this.violations.push(message)
    if (this.onViolation === 'throw') throw new Error(message)
  }
}

export interface DeliverOptions {
  /** Items to throw away instead of delivering. */
  readonly drop?: (item: Delivery) => boolean
  /** Items to leave in the queue. */
  readonly hold?: (item: Delivery) => boolean
  readonly limit?: number
}

export function cluster(size: number, options: ClusterOptions = {}): Cluster {
  return new Cluster(size, options)
}

function key(entry: CommittedEntry): string {
  return `${entry.kind}:${show(entry.payload)}`
}

function describe(entry: CommittedEntry): string {
  switch (entry.kind) {
    case 'app': return show(entry.payload)
    case 'noop': return '(noop)'
    case 'config': return '(config)'
  }
}

/** A message between two given nodes, of a given type. */
export function between(from: NodeId, to: NodeId, type?: RaftMessage['type']): (item: Delivery) => boolean {
  return item => item.from === from && item.to === to && (type === undefined || (item.kind === 'message' && item.message.type === type))
}

/** Any message of one of the given types. */
export function ofType(...types: RaftMessage['type'][]): (item: Delivery) => boolean {
  return item => item.kind === 'message' && types.includes(item.message.type)
}
