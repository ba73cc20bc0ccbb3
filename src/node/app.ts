// The app actor: applies committed batches to the key-value state machine in log
// order, answers the clients waiting for their operations, serves reads once the
// state has caught up with the index a read needs, and snapshots the state every
// `snapshotEvery` entries so the log can be compacted.

import { type ActorRef, type Behaviour, assertNever } from '../../actors/index.js'
import type { KvQuery, KvResult } from '../app/kv-ops.js'
import { KvStore } from '../app/kv-store.js'
import type { Logger } from '../log.js'
import type { Certificate, Commit, CoreError } from '../protocols/core.js'
import type { StoredSnapshot } from '../storage/snapshot-store.js'
import { sha256 } from '../net/signing.js'
import type { CommonStoreMsg } from './store.js'

export type SubmitError =
  | { readonly code: 'NOT_LEADER'; readonly leader?: string }
  | { readonly code: 'NO_LEADER' }
  | { readonly code: 'TIMEOUT' }
  | { readonly code: 'OVERLOADED' }
  | { readonly code: 'DROPPED'; readonly reason: string }

/** What a client is told when the core refused its request or read. */
export function submitError (error: CoreError): SubmitError {
  switch (error.code) {
    case 'NOT_LEADER': return error.leader === undefined ? { code: 'NO_LEADER' } : { code: 'NOT_LEADER', leader: error.leader }
    case 'NO_LEADER': return { code: 'NO_LEADER' }
    case 'NO_QUORUM': return { code: 'NO_LEADER' }
    case 'DROPPED': return { code: 'DROPPED', reason: error.reason }
    default: return assertNever(error)
  }
}

export type SubmitOutcome =
  /** `certificate`: the proof the operation was agreed, where the protocol makes one a client can check (PBFT). */
  | { readonly ok: true; readonly index: number; readonly result: KvResult; readonly certificate?: Certificate }
  | { readonly ok: false; readonly error: SubmitError }

export type QueryOutcome = { readonly ok: true; readonly index: number; readonly result: KvResult }

/** An awaited (client, seq) was applied at `index`. */
export interface AppliedNotice {
  readonly type: 'applied'
  readonly client: string
  readonly seq: number
  readonly index: number
  readonly result: KvResult
  /** The commit's certificate, when it carries signatures (Byzantine protocols). */
  readonly certificate?: Certificate
}

export type AppMsg =
  | { readonly type: 'apply'; readonly commit: Commit }
  /** Tell `replyTo` when (client, seq) is applied. */
  | { readonly type: 'await'; readonly client: string; readonly seq: number; readonly replyTo: ActorRef<AppliedNotice> }
  | { readonly type: 'forget'; readonly client: string; readonly seq: number }
  | { readonly type: 'query'; readonly query: KvQuery; readonly atIndex: number; readonly replyTo: ActorRef<QueryOutcome> }
  | { readonly type: 'appliedIndex'; readonly replyTo: ActorRef<number> }
  | { readonly type: 'snapshotSaved'; readonly index: number }
  /** A snapshot received from the leader is stored at `index`: replace the state with it. */
  | { readonly type: 'install'; readonly index: number; readonly replyTo: ActorRef<InstallOutcome> }
  /**
   * PBFT's checkpoint: snapshot the state now (right after the commit that ends at `index`),
   * durably, and answer with the digest of its bytes once it is saved.
   */
  | { readonly type: 'checkpoint'; readonly index: number; readonly replyTo: ActorRef<CheckpointTaken> }

export interface CheckpointTaken {
  readonly type: 'checkpointTaken'
  readonly index: number
  readonly digest: Uint8Array
}

export type InstallOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string }

export interface AppInit {
  readonly store: ActorRef<CommonStoreMsg>
  /** Where `snapshotSaved` goes once a snapshot is durable (the protocol actor compacts its log). */
  readonly onSnapshotSaved: (index: number) => void
  /** Take a snapshot after this many applied entries. */
  readonly snapshotEvery: number
  readonly logger: Logger
}


export function appBehaviour (init: AppInit): Behaviour<AppMsg> {
  return {
    async create (ctx) {
      const log = init.logger.child({ actor: 'app' })
      const kv = new KvStore()
      const latest = await ctx.ask<CommonStoreMsg, StoredSnapshot | undefined>(init.store, (replyTo) => ({ type: 'latestSnapshot', replyTo }), 60_000)
      if (!latest.ok) throw new Error(`store did not answer: ${latest.error.code}`)
      if (latest.value !== undefined) {
        const error = kv.restore(latest.value.data)
        if (error !== undefined) throw new Error(`snapshot ${latest.value.index} does not restore: ${error.reason}`)
        log.info({ index: kv.appliedIndex }, 'state restored from snapshot')
      }
      let lastSnapshotIndex = kv.appliedIndex
      let snapshotInFlight = false
      /** Checkpoint snapshots being saved, by index: who hears the digest once it is durable. */
      const checkpoints = new Map<number, { digest: Uint8Array, replyTo: ActorRef<CheckpointTaken> }>()
      const waiters = new Map<string, ActorRef<AppliedNotice>>()
      const reads: Array<{ atIndex: number, query: KvQuery, replyTo: ActorRef<QueryOutcome> }> = []

      const serveReads = (): void => {
        if (reads.length === 0) return
        let kept = 0
        for (const read of reads) {
          if (read.atIndex <= kv.appliedIndex) read.replyTo.tell({ ok: true, index: kv.appliedIndex, result: kv.query(read.query) })
          else reads[kept++] = read
        }
        reads.length = kept
      }

      const maybeSnapshot = (): void => {
        if (snapshotInFlight || kv.appliedIndex - lastSnapshotIndex < init.snapshotEvery) return
        snapshotInFlight = true
        // The snapshot store's term and meta stay empty: the raft core keeps the term and
        // membership at the index and sends them with a snapshot (sendSnapshot's meta).
        init.store.tell({ type: 'saveSnapshot', index: kv.appliedIndex, term: 0, meta: new Uint8Array(), data: kv.snapshot(), replyTo: ctx.self })
      }

      return {
        async receive (msg) {
          switch (msg.type) {
            case 'apply': {
              for (const applied of kv.apply(msg.commit.entries)) {
                const session = applied.result.session
                if (session === undefined) {
                  // Every replica refuses a malformed batch (or one whose Merkle root does not match) the same way.
                  if (applied.result.result.type === 'error') log.warn({ index: applied.index, error: applied.result.result }, 'committed entry not applied')
                  continue
                }
                const key = sessionKey(session.client, session.seq)
                const waiter = waiters.get(key)
                if (waiter === undefined) continue
                waiters.delete(key)
                const { certificate } = msg.commit
                waiter.tell({ type: 'applied', client: session.client, seq: session.seq, index: applied.index, result: applied.result.result, ...(certificate.signers.length > 0 ? { certificate } : {}) })
              }
              serveReads()
              maybeSnapshot()
              return
            }
            case 'await':
              waiters.set(sessionKey(msg.client, msg.seq), msg.replyTo)
              return
            case 'forget':
              waiters.delete(sessionKey(msg.client, msg.seq))
              return
            case 'query':
              reads.push({ atIndex: msg.atIndex, query: msg.query, replyTo: msg.replyTo })
              serveReads()
              return
            case 'appliedIndex':
              msg.replyTo.tell(kv.appliedIndex)
              return
            case 'install': {
              const stored = await ctx.ask<CommonStoreMsg, StoredSnapshot | undefined>(init.store, (replyTo) => ({ type: 'readSnapshot', index: msg.index, replyTo }), 60_000)
              if (!stored.ok || stored.value === undefined) {
                msg.replyTo.tell({ ok: false, reason: stored.ok ? `no snapshot at ${msg.index}` : stored.error.code })
                return
              }
              if (stored.value.index <= kv.appliedIndex) {
                msg.replyTo.tell({ ok: true }) // already past it: nothing to replace
                return
              }
              const error = kv.restore(stored.value.data)
              if (error !== undefined) {
                msg.replyTo.tell({ ok: false, reason: error.reason })
                return
              }
              lastSnapshotIndex = kv.appliedIndex
              log.info({ index: kv.appliedIndex }, 'state replaced by a snapshot from the leader')
              serveReads()
              msg.replyTo.tell({ ok: true })
              return
            }
            case 'checkpoint': {
              if (msg.index !== kv.appliedIndex) throw new Error(`checkpoint at ${msg.index} asked with the state at ${kv.appliedIndex}`)
              const data = kv.snapshot()
              checkpoints.set(msg.index, { digest: sha256(data), replyTo: msg.replyTo })
              init.store.tell({ type: 'saveSnapshot', index: msg.index, term: 0, meta: new Uint8Array(), data, replyTo: ctx.self })
              return
            }
            case 'snapshotSaved': {
              const checkpoint = checkpoints.get(msg.index)
              if (checkpoint !== undefined) {
                checkpoints.delete(msg.index)
                lastSnapshotIndex = Math.max(lastSnapshotIndex, msg.index)
                checkpoint.replyTo.tell({ type: 'checkpointTaken', index: msg.index, digest: checkpoint.digest })
                return
              }
              snapshotInFlight = false
              lastSnapshotIndex = msg.index
              init.onSnapshotSaved(msg.index)
              return
            }
            default:
              assertNever(msg)
          }
        }
      }
    }
  }
}

export function sessionKey (client: string, seq: number): string {
  return `${client}\u0000${seq}`
}
