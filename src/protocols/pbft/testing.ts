// A small deterministic harness for PBFT core tests: N cores, one message queue delivered in
// order (or held, dropped, reordered), partitions, crashes and restarts from acknowledged
// records, a minimal host app that takes the checkpoint snapshots the core asks for and installs
// transferred ones only when they hash to the certified digest, and a way to speak as a node
// (a Byzantine one signing with its own key, or anyone forging a signature). Not the simulator
// (src/sim): explicit control, for tests that read like the paper's cases.
//
// Checked on every effect: commits are contiguous per node and agree across nodes.

import type { CommittedEntry, Commit, Core, CoreFactory, CoreStatus, Crypto, Effect, Input, NodeId } from '../core.js'
import { SimCrypto } from '../../sim/crypto.js'
import { createPbftCore, PbftCore, type PbftParams } from './core.js'
import type { PbftMessage, SignedFields, UnsignedMessage } from './messages.js'
import type { PbftRecord } from './records.js'
import { ByteWriter } from '../../app/bytes.js'
import { Digests, hex, sign } from './signing.js'

export type PbftEffect = Effect<PbftMessage, PbftRecord>

const encoder = new TextEncoder()
const decoder = new TextDecoder()

export function text(value: string): Uint8Array {
  return encoder.encode(value)
}

export function show(payload: Uint8Array): string {
  return decoder.decode(payload)
}

/** mulberry32, as in the Raft harness. */
export function seededRng(seed: number): { next(): number; int(min: number, max: number): number } {
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

export type Delivery =
  | { readonly kind: 'message'; readonly from: NodeId; readonly to: NodeId; readonly message: PbftMessage }
  | { readonly kind: 'snapshot'; readonly from: NodeId; readonly to: NodeId; readonly index: number; readonly meta: Uint8Array; readonly appState: readonly CommittedEntry[] }

export interface ClusterOptions {
  readonly params?: Partial<PbftParams>
  readonly seed?: number
  readonly records?: Readonly<Record<NodeId, readonly PbftRecord[]>>
  readonly factory?: CoreFactory<PbftMessage, PbftRecord>
  /** 'throw' (default): a safety violation fails the test at once; 'record': collect in `violations`. */
  readonly onViolation?: 'throw' | 'record'
}

export interface Host {
  readonly id: NodeId
  core: Core<PbftMessage, PbftRecord>
  up: boolean
  autoPersist: boolean
  durable: PbftRecord[]
  unacked: { readonly id: number; readonly record: PbftRecord }[]
  effects: PbftEffect[]
  /** The app: applied entries, app[i] is index i + 1. */
  app: CommittedEntry[]
  /** Durable app snapshots by index (the latest ten). */
  readonly snapshots: Map<number, CommittedEntry[]>
  readonly crypto: Crypto
}

export class Cluster {
  readonly ids: NodeId[]
  readonly queue: Delivery[] = []
  readonly sent: { readonly from: NodeId; readonly to: NodeId; readonly message: PbftMessage }[] = []
  readonly violations: string[] = []
  readonly simCrypto: SimCrypto
  private readonly hosts = new Map<NodeId, Host>()
  private readonly factory: CoreFactory<PbftMessage, PbftRecord>
  private readonly seed: number
  private readonly onViolation: 'throw' | 'record'
  private readonly agreed = new Map<number, string>()
  private groups: NodeId[][] | undefined
  private incarnations = 0
  private nextRef = 1

  constructor(size: number, options: ClusterOptions = {}) {
    this.ids = Array.from({ length: size }, (_, i) => `n${i}`)
    this.factory = options.factory ?? createPbftCore(options.params ?? {})
    this.seed = options.seed ?? 1
    this.simCrypto = new SimCrypto(this.seed)
    this.onViolation = options.onViolation ?? 'throw'
    for (const id of this.ids) {
      const durable = [...(options.records?.[id] ?? [])]
      const crypto = this.simCrypto.forNode(id)
      this.hosts.set(id, { id, core: undefined as unknown as Core<PbftMessage, PbftRecord>, up: true, autoPersist: true, durable, unacked: [], effects: [], app: [], snapshots: new Map(), crypto })
      this.host(id).core = this.build(id, durable)
    }
  }

  host(id: NodeId): Host {
    const host = this.hosts.get(id)
    if (host === undefined) throw new Error(`no host ${id}`)
    return host
  }

  core(id: NodeId): PbftCore {
    const core = this.host(id).core
    if (!(core instanceof PbftCore)) throw new Error(`${id} does not run a PbftCore`)
    return core
  }

  status(id: NodeId): CoreStatus {
    return this.host(id).core.status()
  }

  /** A digest helper bound to `id`'s key (for building messages in tests). */
  digests(id: NodeId): Digests {
    return new Digests(this.host(id).crypto)
  }

  /** `body` signed with `id`'s own key: what a Byzantine `id` can produce. */
  signAs<B extends UnsignedMessage>(id: NodeId, body: B): B & SignedFields {
    return sign(body, id, this.digests(id))
  }

  /** `body` claiming to be signed by `signer`, with a signature nobody can verify: a forgery. */
  forge<B extends UnsignedMessage>(signer: NodeId, body: B): B & SignedFields {
    return { ...body, signer, signature: new Uint8Array(16).fill(7) }
  }

  /** Queue `message` from `from` to `to` (or every other node), as if `from` had sent it. */
  inject(from: NodeId, to: NodeId | 'all', message: PbftMessage): void {
    if (to === 'all') for (const other of this.ids) { if (other !== from) this.enqueue(from, other, message) }
    else this.enqueue(from, to, message)
  }

  step(id: NodeId, input: Input<PbftMessage>): PbftEffect[] {
    const host = this.host(id)
    if (!host.up) throw new Error(`${id} is down`)
    const effects = host.core.step(input)
    this.carryOut(host, effects)
    if (host.autoPersist) this.acknowledgePersists(id)
    return effects
  }

  tick(ids: readonly NodeId[] = this.upIds(), times = 1): void {
    for (let t = 0; t < times; t++) for (const id of ids) if (this.host(id).up) this.step(id, { type: 'tick' })
  }

  /** Each round: tick every up node once, then deliver everything deliverable. */
  run(rounds: number, options: DeliverOptions = {}): void {
    for (let r = 0; r < rounds; r++) {
      this.tick()
      this.deliverAll(options)
    }
  }

  deliverAll(options: DeliverOptions = {}): number {
    const limit = options.limit ?? 200_000
    let delivered = 0
    for (;;) {
      const position = this.queue.findIndex((item) => options.hold?.(item) !== true)
      if (position < 0) return delivered
      const [item] = this.queue.splice(position, 1)
      if (item === undefined) return delivered
      if (options.drop?.(item) === true) continue
      if (this.deliver(item)) delivered++
      if (delivered > limit) throw new Error('deliverAll: the cluster does not quiesce')
    }
  }

  deliverOne(match: (item: Delivery) => boolean = () => true): boolean {
    const position = this.queue.findIndex(match)
    if (position < 0) return false
    const [item] = this.queue.splice(position, 1)
    return item !== undefined && this.deliver(item)
  }

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

  propose(id: NodeId, ...payloads: string[]): PbftEffect[] {
    return this.step(id, { type: 'propose', ref: this.nextRef++, payloads: payloads.map(text) })
  }

  read(id: NodeId): { readonly ref: number; readonly effects: PbftEffect[] } {
    const ref = this.nextRef++
    return { ref, effects: this.step(id, { type: 'read', ref }) }
  }

  setAutoPersist(id: NodeId, on: boolean): void {
    this.host(id).autoPersist = on
    if (on) this.acknowledgePersists(id)
  }

  acknowledgePersists(id: NodeId, count = Infinity): void {
    const host = this.host(id)
    for (let done = 0; done < count && host.up; done++) {
      const next = host.unacked.shift()
      if (next === undefined) return
      host.durable.push(next.record)
      this.carryOut(host, host.core.step({ type: 'persisted', id: next.id }))
    }
  }

  partition(...groups: NodeId[][]): void {
    this.groups = groups
  }

  isolate(id: NodeId): void {
    this.partition([id], this.ids.filter((other) => other !== id))
  }

  heal(): void {
    this.groups = undefined
  }

  connected(a: NodeId, b: NodeId): boolean {
    if (this.groups === undefined) return true
    return this.groups.some((group) => group.includes(a) && group.includes(b))
  }

  crash(id: NodeId): void {
    const host = this.host(id)
    host.up = false
    host.unacked = []
    this.drop((item) => item.to === id)
  }

  /** Rebuild `id` from its acknowledged records; its app restarts from its latest snapshot. */
  restart(id: NodeId): void {
    const host = this.host(id)
    host.core = this.build(id, host.durable)
    host.up = true
    host.effects = []
    const latest = Math.max(0, ...host.snapshots.keys())
    host.app = host.snapshots.get(latest)?.slice() ?? []
  }

  /** The applied entries as strings: app payloads, "(null)" for a null request, "(read)" for read markers. */
  applied(id: NodeId): string[] {
    return this.host(id).app.map(describe)
  }

  effects<T extends PbftEffect['type']>(id: NodeId, type: T): Extract<PbftEffect, { type: T }>[] {
    return this.host(id).effects.filter((effect): effect is Extract<PbftEffect, { type: T }> => effect.type === type)
  }

  evidence(id?: NodeId): { reporter: NodeId; kind: string; offender: NodeId; detail: string }[] {
    const out: { reporter: NodeId; kind: string; offender: NodeId; detail: string }[] = []
    for (const host of this.hosts.values()) {
      if (id !== undefined && host.id !== id) continue
      for (const effect of host.effects) if (effect.type === 'evidence') out.push({ reporter: host.id, ...effect.evidence })
    }
    return out
  }

  messages<T extends PbftMessage['type']>(type: T, filter: { readonly from?: NodeId; readonly to?: NodeId } = {}): { from: NodeId; to: NodeId; message: Extract<PbftMessage, { type: T }> }[] {
    const found: { from: NodeId; to: NodeId; message: Extract<PbftMessage, { type: T }> }[] = []
    for (const sent of this.sent) {
      if (sent.message.type !== type) continue
      if (filter.from !== undefined && sent.from !== filter.from) continue
      if (filter.to !== undefined && sent.to !== filter.to) continue
      found.push({ from: sent.from, to: sent.to, message: sent.message as Extract<PbftMessage, { type: T }> })
    }
    return found
  }

  /** The digest the harness's app gives a state (what snapshotTaken reports). */
  stateDigest(entries: readonly CommittedEntry[]): Uint8Array {
    const sink = new ByteWriter().string('test-app').uint(entries.length)
    for (const entry of entries) sink.string(entry.kind).bytes(entry.payload)
    return this.simCrypto.digest(sink.finish())
  }

  private upIds(): NodeId[] {
    return this.ids.filter((id) => this.host(id).up)
  }

  private build(id: NodeId, durable: readonly PbftRecord[]): Core<PbftMessage, PbftRecord> {
    const rng = seededRng(this.seed * 7919 + this.ids.indexOf(id) * 104729 + this.incarnations++ * 15485863)
    return this.factory({ id, voters: this.ids, rng, crypto: this.host(id).crypto }, durable.slice())
  }

  private deliver(item: Delivery): boolean {
    const target = this.hosts.get(item.to)
    if (target === undefined || !target.up || !this.connected(item.from, item.to)) return false
    switch (item.kind) {
      case 'message':
        this.step(item.to, { type: 'message', from: item.from, message: item.message })
        return true
      case 'snapshot': {
        // The host installs only the state its core asked for: its bytes must hash to the certified digest.
        const wanted = target.core.status().snapshotWanted
        const digest = this.stateDigest(item.appState)
        if (wanted === undefined || wanted.index !== item.index || hex(wanted.digest) !== hex(digest)) return true
        if (item.index > target.app.length) {
          this.checkAgreement(item.to, item.appState)
          target.app = item.appState.slice()
        }
        this.keepSnapshot(target, item.index, item.appState.slice())
        this.step(item.to, { type: 'snapshotApplied', from: item.from, index: item.index, meta: item.meta, digest })
        return true
      }
    }
  }

  private carryOut(host: Host, effects: readonly PbftEffect[]): void {
    host.effects.push(...effects)
    const followUps: Input<PbftMessage>[] = []
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
          if (effect.checkpoint === true) {
            const last = effect.commit.entries.at(-1)!.index
            const state = host.app.slice(0, last)
            if (state.length === last) {
              this.keepSnapshot(host, last, state)
              followUps.push({ type: 'snapshotTaken', index: last, digest: this.stateDigest(state) })
            }
          }
          break
        case 'sendSnapshot': {
          const snapshot = host.snapshots.get(effect.index)
          if (snapshot === undefined) {
            this.violation(`${host.id} asked to send a snapshot at ${effect.index} it does not have`)
            break
          }
          this.queue.push({ kind: 'snapshot', from: host.id, to: effect.to, index: effect.index, meta: effect.meta, appState: snapshot })
          break
        }
        case 'proposeAccepted':
        case 'proposeFailed':
        case 'readReady':
        case 'readFailed':
        case 'evidence':
        case 'status':
          break
      }
    }
    for (const input of followUps) if (host.up) this.carryOut(host, host.core.step(input))
  }

  private keepSnapshot(host: Host, index: number, state: CommittedEntry[]): void {
    host.snapshots.set(index, state)
    while (host.snapshots.size > 10) host.snapshots.delete(Math.min(...host.snapshots.keys()))
  }

  private enqueue(from: NodeId, to: NodeId, message: PbftMessage): void {
    this.sent.push({ from, to, message })
    this.queue.push({ kind: 'message', from, to, message })
  }

  private apply(host: Host, commit: Commit): void {
    commit.entries.forEach((entry, offset) => {
      if (entry.index !== commit.position + offset) this.violation(`${host.id}: commit is not contiguous`)
      if (entry.index <= host.app.length) {
        const existing = host.app[entry.index - 1]
        if (existing === undefined || key(existing) !== key(entry)) this.violation(`${host.id}: index ${entry.index} committed again with different content`)
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
      else if (agreed !== key(entry)) this.violation(`agreement: ${id} commits ${key(entry)} at ${entry.index}, another node committed ${agreed}`)
    }
  }

  private violation(message: string): void {
    this.violations.push(message)
    if (this.onViolation === 'throw') throw new Error(message)
  }
}

export interface DeliverOptions {
  readonly drop?: (item: Delivery) => boolean
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
  if (entry.kind === 'app') return show(entry.payload)
  if (entry.payload.length === 0) return '(null)'
  return show(entry.payload).startsWith('read:') ? '(read)' : '(noop)'
}

/** Messages between two given nodes, optionally of given types. */
export function between(from: NodeId, to: NodeId, ...types: PbftMessage['type'][]): (item: Delivery) => boolean {
  return (item) => item.from === from && item.to === to && (types.length === 0 || (item.kind === 'message' && types.includes(item.message.type)))
}

/** Any message of one of the given types. */
export function ofType(...types: PbftMessage['type'][]): (item: Delivery) => boolean {
  return (item) => item.kind === 'message' && types.includes(item.message.type)
}

/** Messages to `to`. */
export function to(id: NodeId): (item: Delivery) => boolean {
  return (item) => item.to === id
}

/** Messages from `from`. */
export function from(id: NodeId): (item: Delivery) => boolean {
  return (item) => item.from === id
}
