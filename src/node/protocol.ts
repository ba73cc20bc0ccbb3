// The protocol actor: hosts one pure Raft core (src/protocols/raft) in a node. It
// turns wall-clock time into ticks, feeds the core the frames the validator passed
// and the proposals and reads of the mempool and API, and carries out the core's
// effects in order: persists go to the store (the core itself holds back whatever
// depends on them until `persisted` comes back), sends go to the router, commits to
// the app actor.

import { randomInt } from 'node:crypto'
import { Counter, Gauge, type Registry } from 'prom-client'
import { type ActorContext, type ActorRef, type Behaviour, assertNever } from '../../actors/index.js'
import type { AdminCommand, CoreError, CoreStatus, Effect, Input, Rng } from '../protocols/core.js'
import { type RaftMessage, type RaftParams, type RaftRecord, createRaftCore } from '../protocols/raft/index.js'
import type { Logger } from '../log.js'
import type { AppMsg } from './app.js'
import type { InboundFrame, RouterMsg } from './router.js'
import type { LoadedState, StoreMsg } from './store.js'

export type ProposeOutcome = { readonly ok: true } | { readonly ok: false; readonly error: CoreError }
export type ReadOutcome = { readonly ok: true; readonly index: number } | { readonly ok: false; readonly error: CoreError }

export type ProtocolMsg =
  | InboundFrame
  | { readonly type: 'tick' }
  | { readonly type: 'persisted'; readonly id: number }
  | { readonly type: 'propose'; readonly payloads: readonly Uint8Array[]; readonly replyTo: ActorRef<ProposeOutcome> }
  | { readonly type: 'read'; readonly replyTo: ActorRef<ReadOutcome> }
  | { readonly type: 'admin'; readonly command: AdminCommand; readonly replyTo: ActorRef<ProposeOutcome> }
  /** The app's snapshot at `index` is durable: the core may compact its log. */
  | { readonly type: 'snapshotSaved'; readonly index: number }
  | { readonly type: 'status'; readonly replyTo: ActorRef<CoreStatus> }

export interface ProtocolInit {
  readonly peerId: string
  readonly voters: readonly string[]
  readonly heartbeatMs: number
  readonly electionMs: number
  readonly preVote: boolean
  readonly checkQuorum: boolean
  readonly store: ActorRef<StoreMsg>
  readonly router: ActorRef<RouterMsg>
  readonly app: ActorRef<AppMsg>
  readonly registry: Registry
  readonly logger: Logger
}

/** Node randomness for election timeouts: no need for a seed outside the simulator. */
const cryptoRng: Rng = {
  next: () => randomInt(0, 2 ** 48) / 2 ** 48,
  int: (min, max) => randomInt(min, max + 1)
}

export function protocolBehaviour (init: ProtocolInit): Behaviour<ProtocolMsg> {
  const metrics = protocolMetrics(init.registry)
  return {
    async create (ctx) {
      const log = init.logger.child({ actor: 'protocol' })
      const loaded = await ctx.ask<StoreMsg, LoadedState>(init.store, (replyTo) => ({ type: 'load', replyTo }), 60_000)
      if (!loaded.ok) throw new Error(`store did not load: ${loaded.error.code}`)
      const params: Partial<RaftParams> = {
        heartbeatTicks: 1,
        electionTicks: Math.max(2, Math.round(init.electionMs / init.heartbeatMs)),
        preVote: init.preVote,
        checkQuorum: init.checkQuorum
      }
      const core = createRaftCore(params)({ id: init.peerId, voters: init.voters, rng: cryptoRng }, loaded.value.records)
      log.info({ records: loaded.value.records.length, status: core.status() }, 'raft core restored')
      let status = core.status()
      metrics.term.set(status.epoch)
      const pendingProposals = new Map<number, ActorRef<ProposeOutcome>>()
      const pendingReads = new Map<number, ActorRef<ReadOutcome>>()
      let nextRef = 1

      const carryOut = async (effects: Effect<RaftMessage, RaftRecord>[]): Promise<void> => {
        let persistRecords: RaftRecord[] = []
        let persistId = 0
        const flushPersist = async (): Promise<void> => {
          if (persistRecords.length === 0) return
          // Acks are cumulative: one request with the highest id covers the step's records.
          await init.store.send({ type: 'persist', id: persistId, records: persistRecords, replyTo: ctx.self })
          persistRecords = []
        }
        for (const effect of effects) {
          switch (effect.type) {
            case 'persist':
              persistRecords.push(effect.record)
              persistId = effect.id
              break
            case 'send':
              // Raft retransmits what is lost, so a peer whose queue is full drops the message
              // rather than stalling the rest (router.ts).
              init.router.tell({ type: 'send', to: effect.to, message: { type: 'raft', message: effect.message }, whenFull: 'drop' })
              break
            case 'broadcast':
              throw new Error('the raft core sends per peer; broadcast is not expected')
            case 'commit':
              await flushPersist()
              metrics.committed.inc(effect.commit.entries.filter((entry) => entry.kind === 'app').length)
              await init.app.send({ type: 'apply', commit: effect.commit })
              break
            case 'proposeAccepted':
              pendingProposals.get(effect.ref)?.tell({ ok: true })
              pendingProposals.delete(effect.ref)
              metrics.proposalsAccepted.inc()
              break
            case 'proposeFailed':
              pendingProposals.get(effect.ref)?.tell({ ok: false, error: effect.error })
              pendingProposals.delete(effect.ref)
              break
            case 'readReady':
              pendingReads.get(effect.ref)?.tell({ ok: true, index: effect.index })
              pendingReads.delete(effect.ref)
              break
            case 'readFailed':
              pendingReads.get(effect.ref)?.tell({ ok: false, error: effect.error })
              pendingReads.delete(effect.ref)
              break
            case 'sendSnapshot':
              // Snapshot transfer to a follower that fell behind the compacted log is the
              // synchronizer's job; until it exists such a follower cannot catch up.
              log.warn({ to: effect.to, index: effect.index }, 'follower needs a snapshot; snapshot transfer is not available yet')
              break
            case 'evidence':
              log.warn({ evidence: effect.evidence }, 'misbehaviour observed')
              break
            case 'status': {
              const before = status
              status = effect.status
              metrics.term.set(status.epoch)
              if (before.leader !== status.leader && status.leader !== undefined) {
                metrics.viewChanges.inc({ reason: before.leader === undefined ? 'election' : 'leader-change' })
              }
              if (before.role !== status.role || before.leader !== status.leader) {
                log.info({ role: status.role, term: status.epoch, leader: status.leader }, 'raft status')
              }
              break
            }
            default:
              assertNever(effect)
          }
        }
        await flushPersist()
      }
      const step = async (input: Input<RaftMessage>): Promise<void> => { await carryOut(core.step(input)) }

      ctx.timers.startPeriodic('tick', { type: 'tick' }, init.heartbeatMs)
      return {
        async receive (msg) {
          switch (msg.type) {
            case 'inbound':
              if (msg.message.type !== 'raft') return
              await step({ type: 'message', from: msg.from, message: msg.message.message })
              return
            case 'tick':
              await step({ type: 'tick' })
              return
            case 'persisted':
              await step({ type: 'persisted', id: msg.id })
              return
            case 'propose': {
              const ref = nextRef++
              pendingProposals.set(ref, msg.replyTo)
              metrics.proposalsReceived.inc()
              await step({ type: 'propose', ref, payloads: msg.payloads })
              return
            }
            case 'read': {
              const ref = nextRef++
              pendingReads.set(ref, msg.replyTo)
              await step({ type: 'read', ref })
              return
            }
            case 'admin': {
              const ref = nextRef++
              pendingProposals.set(ref, msg.replyTo)
              await step({ type: 'admin', ref, command: msg.command })
              return
            }
            case 'snapshotSaved':
              await step({ type: 'snapshotTaken', index: msg.index })
              return
            case 'status':
              msg.replyTo.tell(core.status())
              return
            default:
              assertNever(msg)
          }
        },
        cleanup () {
          const stopped: CoreError = { code: 'DROPPED', reason: 'node stopping' }
          for (const replyTo of pendingProposals.values()) replyTo.tell({ ok: false, error: stopped })
          for (const replyTo of pendingReads.values()) replyTo.tell({ ok: false, error: stopped })
        }
      }
    }
  }
}

interface ProtocolMetrics {
  readonly proposalsReceived: Counter
  readonly proposalsAccepted: Counter
  readonly committed: Counter
  readonly viewChanges: Counter<'reason'>
  readonly term: Gauge
}

/** Metric names from the specification (DESIGN.md, "Metrics"); registered once per registry. */
function protocolMetrics (registry: Registry): ProtocolMetrics {
  const existing = (name: string): unknown => registry.getSingleMetric(name)
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> =>
    (existing(name) as Counter<L> | undefined) ?? new Counter({ name, help, labelNames, registers: [registry] })
  return {
    proposalsReceived: counter('consensus_proposals_received_total', 'Proposals (batches of client operations) handed to the core'),
    proposalsAccepted: counter('consensus_proposals_accepted_total', 'Proposals the leader accepted for ordering'),
    committed: counter('consensus_transactions_committed_total', 'Client operations committed'),
    viewChanges: counter('consensus_view_changes_total', 'Leader changes (Raft) or view changes (BFT)', ['reason']),
    term: (existing('consensus_term') as Gauge | undefined) ?? new Gauge({ name: 'consensus_term', help: 'Current Raft term or BFT view', registers: [registry] })
  }
}

export type { ActorContext }
