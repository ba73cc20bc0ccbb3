// The mempool actor: admits client requests, batches them into proposals, and answers
// each client once its operation is applied (or fails, or times out).
//
// Batching: requests that arrive while a proposal is being handed to the core wait
// and go together in the next one, up to `maxBatch` operations (etcd's proposal
// pipeline works the same way); under light load a request is proposed at once.
// Admission is bounded: past `maxPending` requests a new one is refused with
// OVERLOADED (HTTP 429) rather than queued without limit.
//
// Sessions (Raft dissertation §6.3): a request that carries a client id and sequence
// keeps them, so a retried request is applied once. A request without one gets this
// node's own client id and the next sequence number; `ack` (the lowest sequence still
// unanswered) lets the state machine forget results the node no longer needs.

import { createHash } from 'node:crypto'
import { type ActorRef, type Behaviour, assertNever } from '../../actors/index.js'
import { encodeRequest } from '../app/kv-codec.js'
import type { KvOp, Session } from '../app/kv-ops.js'
import type { CoreError } from '../protocols/core.js'
import type { AppMsg, AppliedNotice, SubmitError, SubmitOutcome } from './app.js'
import { sessionKey } from './app.js'
import type { ProposeOutcome, ProtocolMsg } from './protocol.js'

export type MempoolMsg =
  | { readonly type: 'submit'; readonly op: KvOp; readonly session?: Session; readonly replyTo: ActorRef<SubmitOutcome> }
  | { readonly type: 'flush' }
  | { readonly type: 'proposed'; readonly batch: readonly string[]; readonly outcome: ProposeOutcome }
  | { readonly type: 'sweep' }
  | AppliedNotice

export interface MempoolInit {
  readonly peerId: string
  readonly protocol: ActorRef<ProtocolMsg>
  readonly app: ActorRef<AppMsg>
  readonly maxBatch?: number
  readonly maxPending?: number
  readonly requestTimeoutMs?: number
  /** Receives the Merkle root of each proposed batch (metrics, logs). */
  readonly onBatch?: (size: number, merkleRoot: Uint8Array) => void
}

interface Pending {
  readonly client: string
  readonly seq: number
  readonly payload: Uint8Array
  readonly replyTo: ActorRef<SubmitOutcome>
  readonly deadline: number
  /** Sequence of this node's own client, or undefined for a client-supplied session. */
  readonly ownSeq: number | undefined
}

const SWEEP_INTERVAL_MS = 250

export function mempoolBehaviour (init: MempoolInit): Behaviour<MempoolMsg> {
  const maxBatch = init.maxBatch ?? 1000
  const maxPending = init.maxPending ?? 20_000
  const requestTimeoutMs = init.requestTimeoutMs ?? 5000
  // A fresh client id per incarnation: a restarted mempool must not reuse old sequence numbers.
  const ownClient = `node/${init.peerId}/${Date.now().toString(36)}`
  return {
    create (ctx) {
      const pending = new Map<string, Pending>()
      let queue: string[] = []
      let proposing = false
      let nextSeq = 1
      /** This node's sequences still unanswered, oldest first (lazy deletion). */
      const ownOpen: number[] = []
      const ownDone = new Set<number>()

      const lowestOpen = (): number => {
        while (ownOpen.length > 0 && ownDone.has(ownOpen[0] ?? 0)) ownDone.delete(ownOpen.shift() ?? 0)
        return ownOpen[0] ?? nextSeq
      }

      const finish = (key: string, outcome: SubmitOutcome): void => {
        const request = pending.get(key)
        if (request === undefined) return
        pending.delete(key)
        if (request.ownSeq !== undefined) ownDone.add(request.ownSeq)
        request.replyTo.tell(outcome)
      }

      const fail = (keys: readonly string[], error: SubmitError): void => {
        for (const key of keys) {
          const request = pending.get(key)
          if (request !== undefined) init.app.tell({ type: 'forget', client: request.client, seq: request.seq })
          finish(key, { ok: false, error })
        }
      }

      const flush = (): void => {
        if (proposing || queue.length === 0) return
        const batch = queue.slice(0, maxBatch)
        queue = queue.slice(batch.length)
        const payloads: Uint8Array[] = []
        for (const key of batch) {
          const request = pending.get(key)
          if (request !== undefined) payloads.push(request.payload)
        }
        if (payloads.length === 0) return
        init.onBatch?.(payloads.length, merkleRoot(payloads))
        proposing = true
        init.protocol.ask<ProposeOutcome>((replyTo) => ({ type: 'propose', payloads, replyTo }), requestTimeoutMs).then(
          (reply) => { ctx.self.tell({ type: 'proposed', batch, outcome: reply.ok ? reply.value : { ok: false, error: { code: 'DROPPED', reason: reply.error.code } } }) },
          (err: unknown) => { ctx.self.tell({ type: 'proposed', batch, outcome: { ok: false, error: { code: 'DROPPED', reason: String(err) } } }) }
        )
      }

      ctx.timers.startPeriodic('sweep', { type: 'sweep' }, SWEEP_INTERVAL_MS)
      return {
        receive (msg) {
          switch (msg.type) {
            case 'submit': {
              if (pending.size >= maxPending) {
                msg.replyTo.tell({ ok: false, error: { code: 'OVERLOADED' } })
                return
              }
              let session = msg.session
              let ownSeq: number | undefined
              if (session === undefined) {
                ownSeq = nextSeq++
                ownOpen.push(ownSeq)
                session = { client: ownClient, seq: ownSeq, ack: lowestOpen() }
              }
              const key = sessionKey(session.client, session.seq)
              if (pending.has(key)) {
                // The same (client, seq) is already on its way: answer the newer caller when it lands.
                finish(key, { ok: false, error: { code: 'DROPPED', reason: 'superseded by a retry of the same request' } })
              }
              pending.set(key, {
                client: session.client,
                seq: session.seq,
                payload: encodeRequest({ session, op: msg.op }),
                replyTo: msg.replyTo,
                deadline: ctx.clock.now() + requestTimeoutMs,
                ownSeq
              })
              init.app.tell({ type: 'await', client: session.client, seq: session.seq, replyTo: ctx.self })
              queue.push(key)
              flush()
              return
            }
            case 'flush':
              flush()
              return
            case 'proposed':
              proposing = false
              if (!msg.outcome.ok) fail(msg.batch, submitError(msg.outcome.error))
              flush()
              return
            case 'applied':
              finish(sessionKey(msg.client, msg.seq), { ok: true, index: msg.index, result: msg.result })
              return
            case 'sweep': {
              const now = ctx.clock.now()
              const expired: string[] = []
              for (const [key, request] of pending) if (request.deadline <= now) expired.push(key)
              if (expired.length > 0) {
                const expiredSet = new Set(expired)
                queue = queue.filter((key) => !expiredSet.has(key))
                fail(expired, { code: 'TIMEOUT' })
              }
              return
            }
            default:
              assertNever(msg)
          }
        },
        cleanup () {
          fail([...pending.keys()], { code: 'DROPPED', reason: 'node stopping' })
        }
      }
    }
  }
}

function submitError (error: CoreError): SubmitError {
  switch (error.code) {
    case 'NOT_LEADER': return error.leader === undefined ? { code: 'NO_LEADER' } : { code: 'NOT_LEADER', leader: error.leader }
    case 'NO_LEADER': return { code: 'NO_LEADER' }
    case 'NO_QUORUM': return { code: 'NO_LEADER' }
    case 'DROPPED': return { code: 'DROPPED', reason: error.reason }
    default: return assertNever(error)
  }
}

/** Binary Merkle tree over sha256 of each operation; an odd node is carried up unchanged. */
export function merkleRoot (leaves: readonly Uint8Array[]): Uint8Array {
  let level: Uint8Array[] = leaves.map((leaf) => createHash('sha256').update(leaf).digest())
  if (level.length === 0) return createHash('sha256').digest()
  while (level.length > 1) {
    const next: Uint8Array[] = []
    for (let i = 0; i < level.length; i += 2) {
      const left = level[i]
      const right = level[i + 1]
      if (left === undefined) break
      next.push(right === undefined ? left : createHash('sha256').update(left).update(right).digest())
    }
    level = next
  }
  return level[0] ?? createHash('sha256').digest()
}
