// The mempool actor: admits client requests, batches them into proposals, and answers
// each client once its operation is applied (or fails, or times out).
//
// Batching: at most `maxBatchesInFlight` batches are on their way at once (proposed or
// forwarded, and not yet answered); requests that arrive meanwhile wait and go together in
// the next batch, up to `maxBatch` operations or `maxBatchBytes` of them. Under light load a
// request is proposed at once; under heavy load the batches grow until the pipeline is full,
// so the cost of a round (an entry, its Appends and acks, a fsync) is shared by many requests.
// (etcd gets the same effect from its Ready loop: what arrives during one fsync goes in the
// next.) Measured on a 3-node mesh with 64 clients: one batch per request without the window. A proposal is one payload, so one log entry: a batch carrying
// the Merkle root of its requests (kv-codec.ts), which every replica checks before
// applying it. Forwards still carry requests one by one: the leader admits them
// like its own clients' and batches them with the rest.
// Admission is bounded: past `maxPending` requests a new one is refused with
// OVERLOADED (HTTP 429) rather than queued without limit.
//
// Followers forward: a batch goes straight to the leader this node knows of, or, when the
// local core refuses it with NOT_LEADER, to the leader the refusal names, as one Forward frame; the leader proposes it and answers with a ForwardResult. The
// follower usually learns the outcome first by applying the entry itself (its app tells
// it, as for local proposals), which also gives the client read-your-writes on that node.
// A forwarded request is never forwarded again: a leader that lost its role answers
// NOT_LEADER and the client retries. When the leader changes (the protocol actor says
// so), every batch still waiting for an answer goes to the new leader, or back into
// the local queue if this node is the new leader: the sessions make a repeat harmless.
//
// Sessions (Raft dissertation §6.3): a request that carries a client id and sequence
// keeps them, so a retried request is applied once. A request without one gets this
// node's own client id and the next sequence number; `ack` (the lowest sequence still
// unanswered) lets the state machine forget results the node no longer needs.

import { Histogram, type Registry } from 'prom-client'
import { registered } from '../api/metrics.js'
import { type ActorRef, type Behaviour, assertNever } from '../../actors/index.js'
import { decodeRequest, decodeResult, encodeBatch, encodeRequest, encodeResult } from '../app/kv-codec.js'
import type { KvOp, Session } from '../app/kv-ops.js'
import type { AppMsg, AppliedNotice, SubmitError, SubmitOutcome } from './app.js'
import { sessionKey, submitError } from './app.js'
import type { ForwardedResult } from '../net/wire/messages.js'
import type { HostMsg, ProposeOutcome } from './protocol.js'
import type { InboundFrame, RouterMsg } from './router.js'

export type MempoolMsg =
  | { readonly type: 'submit'; readonly op: KvOp; readonly session?: Session; readonly replyTo: ActorRef<SubmitOutcome> }
  | { readonly type: 'flush' }
  | { readonly type: 'proposed'; readonly batch: readonly string[]; readonly outcome: ProposeOutcome }
  | { readonly type: 'sweep' }
  | AppliedNotice
  | InboundFrame
  /** The protocol actor's view of the leader changed. */
  | { readonly type: 'leader'; readonly leader: string | undefined }

export interface MempoolInit {
  readonly peerId: string
  readonly protocol: ActorRef<HostMsg>
  readonly app: ActorRef<AppMsg>
  readonly router: ActorRef<RouterMsg>
  readonly maxBatch?: number
  /** Request bytes in one batch; a single larger request still goes, alone. */
  readonly maxBatchBytes?: number
  readonly maxPending?: number
  /** Batches proposed or forwarded and not yet answered, at most; the next one waits. Default 2. */
  readonly maxBatchesInFlight?: number
  readonly requestTimeoutMs?: number
  /** consensus_latency_seconds: from admission to the applied result, per request. */
  readonly registry?: Registry
}

interface Pending {
  readonly client: string
  readonly seq: number
  readonly payload: Uint8Array
  readonly reply: (outcome: SubmitOutcome) => void
  readonly deadline: number
  /** Admission time (ms clock), for the commit latency histogram. */
  readonly admittedAt: number
  /** Sequence of this node's own client, or undefined for a client-supplied session. */
  readonly ownSeq: number | undefined
  /** Came from a follower: never forwarded again. */
  readonly forwarded: boolean
}

/** A batch in the in-flight window: it leaves once none of its requests is unanswered. */
interface InFlightBatch {
  unanswered: number
}

/** A Forward from a follower, answered once every payload has an outcome. */
interface ForwardCollector {
  readonly from: string
  readonly requestId: number
  readonly results: Array<ForwardedResult | undefined>
  remaining: number
}

const SWEEP_INTERVAL_MS = 250
/**
 * A batch is one Raft entry, and an Append carries at least one entry however large. Kept to
 * the protocol actor's maxBytesPerAppend (256 KiB), a batch leaves the in-flight Appends within
 * the router's per-peer queue, as they were sized, and far below the wire's 1 MiB payload
 * limit, past which no follower could ever receive the entry.
 */
const DEFAULT_MAX_BATCH_BYTES = 256 * 1024

export function mempoolBehaviour (init: MempoolInit): Behaviour<MempoolMsg> {
  const maxBatch = init.maxBatch ?? 1000
  const maxBatchBytes = init.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES
  const maxPending = init.maxPending ?? 20_000
  const maxBatchesInFlight = init.maxBatchesInFlight ?? 2
  const requestTimeoutMs = init.requestTimeoutMs ?? 5000
  const registry = init.registry
  const latency = registry === undefined
    ? undefined
    : registered(registry, 'consensus_latency_seconds', () => new Histogram({
      name: 'consensus_latency_seconds',
      help: 'Client request latency on this node, from admission to the applied result',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry]
    }))
  // A fresh client id per incarnation: a restarted mempool must not reuse old sequence numbers.
  const ownClient = `node/${init.peerId}/${Date.now().toString(36)}`
  return {
    create (ctx) {
      const pending = new Map<string, Pending>()
      /** Batches this node forwarded to the leader, by request id. */
      const forwardedBatches = new Map<number, readonly string[]>()
      let nextForwardId = 1
      let queue: string[] = []
      let proposing = false
      let leader: string | undefined
      /** The batch each request went out in, until it is answered: the in-flight window. */
      const batchOf = new Map<string, InFlightBatch>()
      let batchesInFlight = 0
      let nextSeq = 1
      /** This node's sequences still unanswered, oldest first (lazy deletion). */
      const ownOpen: number[] = []
      const ownDone = new Set<number>()

      const lowestOpen = (): number => {
        while (ownOpen.length > 0 && ownDone.has(ownOpen[0] ?? 0)) ownDone.delete(ownOpen.shift() ?? 0)
        return ownOpen[0] ?? nextSeq
      }

      /** `key` no longer holds its batch in the window; the last one out frees the batch's place. */
      const untrack = (key: string): void => {
        const batch = batchOf.get(key)
        if (batch === undefined) return
        batchOf.delete(key)
        if (--batch.unanswered > 0) return
        batchesInFlight--
        if (queue.length > 0) ctx.self.tell({ type: 'flush' })
      }

      const track = (keys: readonly string[]): void => {
        const batch: InFlightBatch = { unanswered: 0 }
        for (const key of keys) {
          if (!pending.has(key)) continue
          untrack(key)
          batchOf.set(key, batch)
          batch.unanswered++
        }
        if (batch.unanswered > 0) batchesInFlight++
      }

      const finish = (key: string, outcome: SubmitOutcome): void => {
        const request = pending.get(key)
        if (request === undefined) return
        untrack(key)
        pending.delete(key)
        if (request.ownSeq !== undefined) ownDone.add(request.ownSeq)
        if (outcome.ok) latency?.observe((ctx.clock.now() - request.admittedAt) / 1000)
        request.reply(outcome)
      }

      const fail = (keys: readonly string[], error: SubmitError): void => {
        for (const key of keys) {
          const request = pending.get(key)
          if (request !== undefined) init.app.tell({ type: 'forget', client: request.client, seq: request.seq })
          finish(key, { ok: false, error })
        }
      }

      const admit = (request: Pending): void => {
        const key = sessionKey(request.client, request.seq)
        if (pending.has(key)) {
          // The same (client, seq) is already on its way: answer the newer caller when it lands.
          finish(key, { ok: false, error: { code: 'DROPPED', reason: 'superseded by a retry of the same request' } })
        }
        pending.set(key, request)
        init.app.tell({ type: 'await', client: request.client, seq: request.seq, replyTo: ctx.self })
        queue.push(key)
        flush()
      }

      /** Sends the local part of a refused batch to the leader; forwarded requests fail instead. */
      const forward = (batch: readonly string[], to: string): void => {
        const mine = batch.filter((key) => pending.get(key)?.forwarded === false)
        const theirs = batch.filter((key) => pending.get(key)?.forwarded === true)
        fail(theirs, { code: 'NOT_LEADER', leader: to })
        if (mine.length === 0) return
        const requestId = nextForwardId++
        forwardedBatches.set(requestId, mine)
        sendForward(requestId, mine, to)
      }

      const sendForward = (requestId: number, keys: readonly string[], to: string): void => {
        const payloads = keys.flatMap((key) => {
          const request = pending.get(key)
          return request === undefined ? [] : [request.payload]
        })
        if (payloads.length === 0) return
        init.router.tell({ type: 'send', to, message: { type: 'forward', requestId, payloads }, whenFull: 'drop' })
      }

      /** A new leader: unanswered forwards go to it (the same request id), or into our own queue. */
      const leaderChanged = (next: string | undefined): void => {
        leader = next
        if (next === undefined) return
        for (const [requestId, keys] of forwardedBatches) {
          const live = keys.filter((key) => pending.has(key))
          if (live.length === 0) {
            forwardedBatches.delete(requestId)
            continue
          }
          if (next === init.peerId) {
            forwardedBatches.delete(requestId)
            // Back in the queue, they are no longer on their way: they must not hold the window.
            for (const key of live) untrack(key)
            queue.push(...live)
          } else {
            sendForward(requestId, keys, next)
          }
        }
        flush()
      }

      const acceptForward = (from: string, requestId: number, payloads: readonly Uint8Array[]): void => {
        const collector: ForwardCollector = { from, requestId, results: payloads.map(() => undefined), remaining: payloads.length }
        const settle = (i: number, result: ForwardedResult): void => {
          if (collector.results[i] !== undefined) return
          collector.results[i] = result
          if (--collector.remaining > 0) return
          init.router.tell({ type: 'send', to: from, message: { type: 'forwardResult', requestId, results: collector.results.map((r) => r ?? { ok: false, code: 'DROPPED' }) }, whenFull: 'drop' })
        }
        payloads.forEach((payload, i) => {
          const decoded = decodeRequest(payload)
          const session = decoded.ok ? decoded.value.session : undefined
          // A repeat of a forward we already hold (sent again after a leader change): the
          // first copy answers.
          if (session !== undefined && pending.has(sessionKey(session.client, session.seq))) return
          if (session === undefined || pending.size >= maxPending) {
            settle(i, { ok: false, code: session === undefined ? 'BAD_REQUEST' : 'OVERLOADED' })
            return
          }
          admit({
            client: session.client,
            seq: session.seq,
            payload,
            reply: (outcome) => { settle(i, outcome.ok ? { ok: true, index: outcome.index, result: encodeResult(outcome.result) } : { ok: false, code: outcome.error.code, ...('leader' in outcome.error && outcome.error.leader !== undefined ? { leader: outcome.error.leader } : {}) }) },
            deadline: ctx.clock.now() + requestTimeoutMs,
            admittedAt: ctx.clock.now(),
            ownSeq: undefined,
            forwarded: true
          })
        })
      }

      const forwardAnswered = (requestId: number, results: readonly ForwardedResult[]): void => {
        const batch = forwardedBatches.get(requestId)
        if (batch === undefined) return
        forwardedBatches.delete(requestId)
        batch.forEach((key, i) => {
          const result = results[i]
          if (result === undefined) return
          if (result.ok) {
            const decoded = decodeResult(result.result)
            if (decoded.ok) finish(key, { ok: true, index: result.index, result: decoded.value })
            return
          }
          const request = pending.get(key)
          if (request !== undefined) init.app.tell({ type: 'forget', client: request.client, seq: request.seq })
          finish(key, { ok: false, error: remoteError(result.code, result.leader) })
        })
      }

      const flush = (): void => {
        if (proposing || queue.length === 0 || batchesInFlight >= maxBatchesInFlight) return
        const requests: Uint8Array[] = []
        let bytes = 0
        let taken = 0
        for (; taken < queue.length && requests.length < maxBatch; taken++) {
          const request = pending.get(queue[taken] ?? '')
          if (request === undefined) continue
          if (requests.length > 0 && bytes + request.payload.length > maxBatchBytes) break
          bytes += request.payload.length
          requests.push(request.payload)
        }
        const batch = queue.slice(0, taken)
        queue = queue.slice(taken)
        if (requests.length === 0) return
        track(batch)
        if (leader !== undefined && leader !== init.peerId) {
          // The core would only refuse it: straight to the leader.
          forward(batch, leader)
          if (queue.length > 0) flush()
          return
        }
        const payloads = [encodeBatch(requests)]
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
              const replyTo = msg.replyTo
              admit({
                client: session.client,
                seq: session.seq,
                payload: encodeRequest({ session, op: msg.op }),
                reply: (outcome) => { replyTo.tell(outcome) },
                deadline: ctx.clock.now() + requestTimeoutMs,
                admittedAt: ctx.clock.now(),
                ownSeq,
                forwarded: false
              })
              return
            }
            case 'flush':
              flush()
              return
            case 'proposed':
              proposing = false
              if (!msg.outcome.ok) {
                const error = msg.outcome.error
                if (error.code === 'NOT_LEADER' && error.leader !== undefined && error.leader !== init.peerId) forward(msg.batch, error.leader)
                else fail(msg.batch, submitError(error))
              }
              flush()
              return
            case 'leader':
              leaderChanged(msg.leader)
              return
            case 'inbound':
              switch (msg.message.type) {
                case 'forward': acceptForward(msg.from, msg.message.requestId, msg.message.payloads); return
                case 'forwardResult': forwardAnswered(msg.message.requestId, msg.message.results); return
                default: return
              }
            case 'applied':
              finish(sessionKey(msg.client, msg.seq), { ok: true, index: msg.index, result: msg.result, ...(msg.certificate !== undefined ? { certificate: msg.certificate } : {}) })
              return
            case 'sweep': {
              const now = ctx.clock.now()
              const expired: string[] = []
              for (const [key, request] of pending) if (request.deadline <= now) expired.push(key)
              if (expired.length > 0) {
                const expiredSet = new Set(expired)
                queue = queue.filter((key) => !expiredSet.has(key))
                fail(expired, { code: 'TIMEOUT' })
                for (const [requestId, batch] of forwardedBatches) {
                  if (batch.every((key) => !pending.has(key))) forwardedBatches.delete(requestId)
                }
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

function remoteError (code: string, leader: string | undefined): SubmitError {
  switch (code) {
    case 'NOT_LEADER': return leader === undefined ? { code: 'NO_LEADER' } : { code: 'NOT_LEADER', leader }
    case 'NO_LEADER': return { code: 'NO_LEADER' }
    case 'TIMEOUT': return { code: 'TIMEOUT' }
    case 'OVERLOADED': return { code: 'OVERLOADED' }
    default: return { code: 'DROPPED', reason: `the leader answered ${code}` }
  }
}

