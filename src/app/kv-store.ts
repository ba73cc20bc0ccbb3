// The key-value store: the state machine the simulator and the node replicate.
//
// Semantics follow etcd's v3 KV where it has an answer (versions, create/mod index, Txn compares,
// prefix range), with log indexes in place of etcd's revisions. Client sessions follow the Raft
// dissertation §6.3: each session remembers the results of the requests the client has not yet
// acknowledged, so a retry of (client, seq) returns the original result instead of applying twice.
//
// A committed payload is one request or a batch of them (kv-codec.ts). A batch is applied only
// if its Merkle root matches its requests, and then request by request, in order, every one
// stamped with the batch's log index and answered on its own as if it had an entry to itself.

import { ByteReader, ByteWriter, DecodeFailure, bytesEqual, compareBytes } from './bytes.js'
import { decodeRequest, isBatchPayload, openBatch, readKeyValue, readResult, writeKeyValue, writeResult, type Decoded } from './kv-codec.js'
import { type Compare, compareHolds, type KeyValue, type KvOp, type KvQuery, type KvRequest, type KvResult, type Session, type StepResult, type TxnStep } from './kv-ops.js'
import { ApplyGapError, type Applied, type RestoreError, type StateMachine } from './state-machine.js'
import { assertNever, type CommittedEntry } from '../protocols/core.js'

export interface KvOutcome {
  /** The request's session, when it had one (the host uses it to find the waiting client). */
  readonly session: Session | undefined
  /** True when (client, seq) had been applied before: `result` is the original result, nothing changed. */
  readonly duplicate: boolean
  readonly result: KvResult
}

export interface KvStoreOptions {
  /**
   * Sessions kept; beyond it the least recently used one is dropped (deterministically: by the log
   * index of its last request). A request of a dropped session that is retried after the drop is
   * treated as new, so keep this well above the number of concurrently active clients.
   */
  readonly maxSessions?: number
  /**
   * The request decoder (default `decodeRequest`). The simulator passes a memoising one shared by
   * all its nodes, which see the very same payload objects; decoded requests are never mutated.
   */
  readonly decode?: (payload: Uint8Array) => Decoded<KvRequest>
}

interface SessionState {
  /** Log index of the session's latest request: orders sessions for eviction (ties by client id). */
  lastIndex: number
  /** Every seq below this has been acknowledged by the client; its result is forgotten. */
  floor: number
  /** Results of applied requests at or above `floor`, by seq. */
  readonly results: Map<number, KvResult>
}

const SNAPSHOT_MAGIC = 0x424b5631 // "BKV1"

export class KvStore implements StateMachine<KvOutcome, KvQuery, KvResult> {
  private data = new Map<string, KeyValue>()
  /** Sorted key cache for range reads; dropped whenever a key is created or deleted. */
  private sortedKeys: string[] | undefined
  /** Sessions by client id; the one with the smallest `lastIndex` is evicted first. */
  private sessions = new Map<string, SessionState>()
  private applied = 0
  private readonly maxSessions: number
  private readonly decode: (payload: Uint8Array) => Decoded<KvRequest>

  constructor(options: KvStoreOptions = {}) {
    this.maxSessions = options.maxSessions ?? 100_000
    this.decode = options.decode ?? decodeRequest
  }

  get appliedIndex(): number {
    return this.applied
  }

  get size(): number {
    return this.data.size
  }

  apply(entries: readonly CommittedEntry[]): Applied<KvOutcome>[] {
    const out: Applied<KvOutcome>[] = []
    for (const entry of entries) {
      if (entry.index <= this.applied) continue
      if (entry.index !== this.applied + 1) throw new ApplyGapError(this.applied, entry.index)
      this.applied = entry.index
      switch (entry.kind) {
        case 'app':
          if (isBatchPayload(entry.payload)) this.applyBatch(entry.index, entry.payload, out)
          else out.push({ index: entry.index, result: this.applyRequest(entry.index, this.decode(entry.payload)) })
          break
        case 'noop':
        case 'config':
          break
        default:
          assertNever(entry.kind)
      }
    }
    return out
  }

  query(query: KvQuery): KvResult {
    return this.runStep(query, 0)
  }

  /** Convenience for tests and the API: the current entry of `key`. */
  get(key: string): KeyValue | undefined {
    return this.data.get(key)
  }

  /**
   * A batch whose framing or root is bad is not applied at all: one error outcome and no session
   * touched, so its clients time out and a retry applies once. A root mismatch means the bytes
   * are not what the proposer hashed, so nothing in them (sessions included) is trusted. Inside a
   * good batch, a request that does not decode fails alone, as a lone bad payload does.
   */
  private applyBatch(index: number, payload: Uint8Array, out: Applied<KvOutcome>[]): void {
    const batch = openBatch(payload)
    if (!batch.ok) {
      out.push({ index, result: undecodable(batch.error.reason) })
      return
    }
    for (const request of batch.value.requests) out.push({ index, result: this.applyRequest(index, this.decode(request)) })
  }

  private applyRequest(index: number, decoded: Decoded<KvRequest>): KvOutcome {
    // Every node decodes the same bytes the same way, so a bad payload is a deterministic no-op.
    if (!decoded.ok) return undecodable(decoded.error.reason)
    const { session, op } = decoded.value
    if (session === undefined) return { session, duplicate: false, result: this.runOp(op, index) }

    let state = this.sessions.get(session.client)
    if (state !== undefined) {
      const cached = state.results.get(session.seq)
      if (cached !== undefined) return { session, duplicate: true, result: cached }
      if (session.seq < state.floor) {
        return { session, duplicate: true, result: { type: 'error', error: { code: 'STALE_REQUEST', client: session.client, seq: session.seq } } }
      }
    } else {
      state = { lastIndex: index, floor: 0, results: new Map() }
      this.sessions.set(session.client, state)
      if (this.sessions.size > this.maxSessions) this.evictLeastRecent(session.client)
    }
    const result = this.runOp(op, index)
    state.lastIndex = index
    state.results.set(session.seq, result)
    const ack = session.ack ?? session.seq
    if (ack > state.floor) {
      state.floor = ack
      for (const seq of state.results.keys()) if (seq < ack) state.results.delete(seq)
    }
    return { session, duplicate: false, result }
  }

  /**
   * Drop the session whose latest request is oldest, other than `keep` (the one being opened).
   * Requests of one batch share an index, so ties go to the smallest client id: the map's order
   * differs between a replica that restored a snapshot and one that did not, and must not matter.
   */
  private evictLeastRecent(keep: string): void {
    let oldest: string | undefined
    let oldestIndex = Infinity
    for (const [client, state] of this.sessions) {
      if (client === keep) continue
      if (state.lastIndex < oldestIndex || (state.lastIndex === oldestIndex && oldest !== undefined && client < oldest)) {
        oldest = client
        oldestIndex = state.lastIndex
      }
    }
    if (oldest !== undefined) this.sessions.delete(oldest)
  }

  private runOp(op: KvOp, index: number): KvResult {
    switch (op.type) {
      case 'put':
      case 'delete':
      case 'get':
      case 'range':
        return this.runStep(op, index)
      case 'cas': {
        const current = this.data.get(op.key)
        const matches = op.expected === undefined ? current === undefined : current !== undefined && bytesEqual(current.value, op.expected)
        if (matches) this.put(op.key, op.value, index)
        return { type: 'cas', succeeded: matches }
      }
      case 'txn': {
        const succeeded = op.compare.every((c) => this.holds(c))
        const steps = succeeded ? op.success : op.failure
        const results: StepResult[] = []
        for (const step of steps) results.push(this.runStep(step, index))
        return { type: 'txn', succeeded, results }
      }
      default:
        return assertNever(op)
    }
  }

  /** `index` is the log index writing steps are stamped with (0 for queries, which never write). */
  private runStep(step: TxnStep, index: number): StepResult {
    switch (step.type) {
      case 'put':
        this.put(step.key, step.value, index)
        return { type: 'put' }
      case 'delete': {
        const deleted = this.data.delete(step.key)
        if (deleted) this.sortedKeys = undefined
        return { type: 'delete', deleted }
      }
      case 'get':
        return { type: 'get', found: this.data.get(step.key) }
      case 'range':
        return this.range(step.prefix, step.limit)
      default:
        return assertNever(step)
    }
  }

  private put(key: string, value: Uint8Array, index: number): void {
    const current = this.data.get(key)
    if (current === undefined) {
      this.data.set(key, { key, value, version: 1, createIndex: index, modIndex: index })
      this.sortedKeys = undefined
    } else {
      this.data.set(key, { key, value, version: current.version + 1, createIndex: current.createIndex, modIndex: index })
    }
  }

  private holds(c: Compare): boolean {
    const current = this.data.get(c.key)
    switch (c.target) {
      case 'value':
        // etcd: a value compare against an absent key is false whatever the operator.
        return current !== undefined && compareHolds(c.op, compareBytes(current.value, c.operand))
      case 'version':
        return compareHolds(c.op, (current?.version ?? 0) - c.operand)
      case 'createIndex':
        return compareHolds(c.op, (current?.createIndex ?? 0) - c.operand)
      case 'modIndex':
        return compareHolds(c.op, (current?.modIndex ?? 0) - c.operand)
      default:
        return assertNever(c)
    }
  }

  private range(prefix: string, limit: number): StepResult {
    const keys = this.keysInOrder()
    // First key >= prefix: every key with the prefix follows it contiguously.
    let lo = 0
    let hi = keys.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (keys[mid]! < prefix) lo = mid + 1
      else hi = mid
    }
    const entries: KeyValue[] = []
    let more = false
    for (let i = lo; i < keys.length; i++) {
      const key = keys[i]!
      if (!key.startsWith(prefix)) break
      if (limit > 0 && entries.length === limit) {
        more = true
        break
      }
      entries.push(this.data.get(key)!)
    }
    return { type: 'range', entries, more }
  }

  private keysInOrder(): string[] {
    if (this.sortedKeys === undefined) this.sortedKeys = [...this.data.keys()].sort()
    return this.sortedKeys
  }

  // -------------------------------------------------------------------------------------------
  // Snapshot: magic, appliedIndex, keys in sorted order, sessions in client id order.

  snapshot(): Uint8Array {
    const keys = this.keysInOrder()
    // Sized up front: PBFT takes one every checkpoint, and growing a buffer of megabytes by
    // doubling copied it several times over and left garbage for a major collection each time.
    const w = new ByteWriter(this.snapshotSizeBound())
    w.uint(SNAPSHOT_MAGIC).uint(this.applied)
    w.uint(keys.length)
    for (const key of keys) writeKeyValue(w, this.data.get(key)!)
    w.uint(this.sessions.size)
    const clients = [...this.sessions.keys()].sort()
    for (const client of clients) {
      const state = this.sessions.get(client)!
      w.string(client).uint(state.lastIndex).uint(state.floor).uint(state.results.size)
      const seqs = [...state.results.keys()].sort((a, b) => a - b)
      for (const seq of seqs) {
        w.uint(seq)
        writeResult(w, state.results.get(seq)!)
      }
    }
    // The bound is close: a view of the writer's own buffer saves copying it all once more.
    return w.view()
  }

  /** At least the snapshot's size for the key-values, with room for the sessions (the writer grows if not). */
  private snapshotSizeBound(): number {
    // Per key-value: a key of up to 3 bytes per UTF-16 unit, and five varints of at most 8 bytes.
    let bytes = 64
    for (const kv of this.data.values()) bytes += 3 * kv.key.length + kv.value.length + 40
    return bytes + 256 * this.sessions.size
  }

  restore(snapshot: Uint8Array): RestoreError | undefined {
    const r = new ByteReader(snapshot)
    try {
      if (r.uint() !== SNAPSHOT_MAGIC) r.fail('not a KV snapshot')
      const applied = r.uint()
      const data = new Map<string, KeyValue>()
      const keyCount = r.uint()
      let previous: string | undefined
      for (let i = 0; i < keyCount; i++) {
        const kv = readKeyValue(r)
        if (previous !== undefined && kv.key <= previous) r.fail('keys out of order')
        previous = kv.key
        data.set(kv.key, kv)
      }
      const sessions = new Map<string, SessionState>()
      const sessionCount = r.uint()
      let previousClient = ''
      for (let i = 0; i < sessionCount; i++) {
        const client = r.string(1 << 16)
        const lastIndex = r.uint()
        const floor = r.uint()
        const resultCount = r.uint()
        const results = new Map<number, KvResult>()
        for (let j = 0; j < resultCount; j++) {
          const seq = r.uint()
          results.set(seq, readResult(r))
        }
        if (sessions.size > 0 && client <= previousClient) r.fail('sessions out of order')
        previousClient = client
        sessions.set(client, { lastIndex, floor, results })
      }
      if (!r.done) r.fail('trailing bytes')
      this.applied = applied
      this.data = data
      this.sortedKeys = undefined
      this.sessions = sessions
      return undefined
    } catch (error) {
      if (error instanceof DecodeFailure) return { code: 'BAD_SNAPSHOT', reason: error.message }
      throw error
    }
  }
}

function undecodable(reason: string): KvOutcome {
  return { session: undefined, duplicate: false, result: { type: 'error', error: { code: 'DECODE_ERROR', reason } } }
}

