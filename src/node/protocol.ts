// The protocol actor: hosts one pure Raft core (src/protocols/raft) in a node. It
// turns wall-clock time into ticks, feeds the core the frames the validator passed
// and the proposals and reads of the mempool and API, and carries out the core's
// effects in order: persists go to the store (the core itself holds back whatever
// depends on them until `persisted` comes back), sends go to the router, commits to
// the app actor.
//
// Reads on a follower (Raft thesis §6.4, as etcd does it): the core refuses a read
// with NOT_LEADER; the actor then asks the leader for a read index over the wire,
// and the API serves the read locally once the app has applied up to that index.
// Operator commands (members promote/remove) a follower refuses go to the leader the
// same way.
//
// Membership: a node outside the membership (a fresh node started with the network's
// genesis) asks the voters to let it join; the leader adds it as a learner (thesis
// §4.2.1: it receives the log, never votes). It becomes a voter when the operator
// promotes it, or, when the genesis sets autoPromote, when the leader sees it caught up.
// The membership in use is reported to the validator, which accepts consensus frames
// from members only.

import { randomInt } from 'node:crypto'
import { type Counter, Gauge, type Registry } from 'prom-client'
import { registered, registeredCounter } from '../api/metrics.js'
import { type ActorContext, type ActorRef, type Behaviour, assertNever } from '../../actors/index.js'
import type { AdminCommand, CommittedEntry, CoreError, CoreStatus, Effect, Input, Members, Rng } from '../protocols/core.js'
import { type RaftMessage, type RaftParams, type RaftRecord, createRaftCore } from '../protocols/raft/index.js'
import type { Logger } from '../log.js'
import { payloadRequestCount } from '../app/kv-codec.js'
import type { AppMsg } from './app.js'
import type { InboundFrame, RouterMsg } from './router.js'
import type { LoadedState, StoreMsg } from './store.js'

export type ProposeOutcome = { readonly ok: true } | { readonly ok: false; readonly error: CoreError }
export type ReadOutcome = { readonly ok: true; readonly index: number } | { readonly ok: false; readonly error: CoreError }

/** What the mempool, the API and the synchronizer ask of a protocol actor, whichever protocol it hosts. */
export type HostMsg =
  | { readonly type: 'propose'; readonly payloads: readonly Uint8Array[]; readonly replyTo: ActorRef<ProposeOutcome> }
  | { readonly type: 'read'; readonly replyTo: ActorRef<ReadOutcome> }
  | { readonly type: 'admin'; readonly command: AdminCommand; readonly replyTo: ActorRef<ProposeOutcome> }
  | { readonly type: 'status'; readonly replyTo: ActorRef<CoreStatus> }
  /**
   * The synchronizer installed the snapshot `from` sent (or the app was already past it);
   * `digest`: the digest of its bytes, for a core that certifies snapshots (CoreStatus.snapshotWanted).
   */
  | { readonly type: 'snapshotInstalled'; readonly from: string; readonly index: number; readonly meta: Uint8Array; readonly digest?: Uint8Array }

export type ProtocolMsg =
  | HostMsg
  | InboundFrame
  | { readonly type: 'tick' }
  | { readonly type: 'persisted'; readonly id: number }
  /** The app's snapshot at `index` is durable: the core may compact its log. */
  | { readonly type: 'snapshotSaved'; readonly index: number }

export interface ProtocolInit {
  readonly peerId: string
  readonly voters: readonly string[]
  readonly heartbeatMs: number
  readonly electionMs: number
  readonly preVote: boolean
  readonly checkQuorum: boolean
  readonly store: ActorRef<StoreMsg<RaftRecord>>
  readonly router: ActorRef<RouterMsg>
  readonly app: ActorRef<AppMsg>
  readonly registry: Registry
  readonly logger: Logger
  /** Told whenever the leader this core knows of changes (the mempool re-routes forwards). */
  readonly onLeaderChange?: (leader: string | undefined) => void
  /** Told whenever the membership in use changes (the validator accepts frames from members). */
  readonly onMembers?: (members: Members) => void
  /** The core wants `to` to receive the snapshot at `index` (the synchronizer sends it). */
  readonly onSendSnapshot?: (to: string, index: number, meta: Uint8Array) => void
  /** The leader promotes a learner to voter by itself once it has caught up. */
  readonly autoPromote?: boolean
  readonly nodeVersion?: string
}

/** How often a node outside the membership asks to join, and a leader tries to promote caught-up learners. */
const MEMBERSHIP_INTERVAL_MS = 1000

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
      const loaded = await ctx.ask<StoreMsg<RaftRecord>, LoadedState<RaftRecord>>(init.store, (replyTo) => ({ type: 'load', replyTo }), 60_000)
      if (!loaded.ok) throw new Error(`store did not load: ${loaded.error.code}`)
      const params: Partial<RaftParams> = {
        heartbeatTicks: 1,
        electionTicks: Math.max(2, Math.round(init.electionMs / init.heartbeatMs)),
        preVote: init.preVote,
        checkQuorum: init.checkQuorum,
        // In-flight Append bytes (inflight x bytes per Append = 2 MiB) must fit the router's
        // per-peer queue (4 MiB): the router drops what does not fit, and a follower catching
        // up then waits for retransmissions. Measured: 100k entries caught up in 27 s with
        // 256 x 512 KiB in flight.
        maxBytesPerAppend: 256 * 1024,
        maxInflightAppends: 8,
        // Under load a follower's match trails the leader's last index by what is in flight
        // (up to a few thousand entries at full rate): within that, a learner has caught up.
        promoteMaxLag: 5000
      }
      const core = createRaftCore(params)({ id: init.peerId, voters: init.voters, rng: cryptoRng }, loaded.value.records)
      log.info({ records: loaded.value.records.length, status: core.status() }, 'raft core restored')
      let status = core.status()
      metrics.term.set(status.epoch)
      /** Who hears the outcome of a proposal or admin command, by core ref. */
      const pendingProposals = new Map<number, (outcome: ProposeOutcome) => void>()
      /** Operator commands passed to the leader, by request id. */
      const remoteAdmins = new Map<number, { reply: (outcome: ProposeOutcome) => void, deadline: number }>()
      let members: Members | undefined = status.members
      if (members !== undefined) init.onMembers?.(members)
      let membershipCheckAt = 0
      // Only a node with no history asks to join. One whose log shows it was a member and
      // no longer is was removed: like etcd, it does not rejoin by itself.
      let mayAskToJoin = loaded.value.records.length === 0
      /** Reads by core ref: a local client's, or a follower's that asked us for a read index. */
      const pendingReads = new Map<number, ReadWaiter>()
      /** Local reads waiting for the leader's read index, by request id, with their deadline. */
      const remoteReads = new Map<number, { replyTo: ActorRef<ReadOutcome>, deadline: number }>()
      /** Read-index requests whose leader changed are asked again of the new one (or of our own core). */
      const rerouteReads = async (leader: string): Promise<void> => {
        for (const [requestId, remote] of remoteReads) {
          if (leader === init.peerId) {
            remoteReads.delete(requestId)
            const ref = nextRef++
            pendingReads.set(ref, { kind: 'local', replyTo: remote.replyTo })
            await step({ type: 'read', ref })
          } else {
            init.router.tell({ type: 'send', to: leader, message: { type: 'readIndex', requestId }, whenFull: 'drop' })
          }
        }
      }
      let leaderChange: string | undefined
      let nextRef = 1
      const readDeadlineMs = 5 * init.electionMs

      const answerRead = (waiter: ReadWaiter, outcome: ReadOutcome): void => {
        if (waiter.kind === 'local') {
          const error = outcome.ok ? undefined : outcome.error
          if (error?.code === 'NOT_LEADER' && error.leader !== undefined && error.leader !== init.peerId) {
            const requestId = nextRef++
            remoteReads.set(requestId, { replyTo: waiter.replyTo, deadline: ctx.clock.now() + readDeadlineMs })
            init.router.tell({ type: 'send', to: error.leader, message: { type: 'readIndex', requestId }, whenFull: 'drop' })
            return
          }
          waiter.replyTo.tell(outcome)
          return
        }
        const message = outcome.ok
          ? { type: 'readIndexResult' as const, requestId: waiter.requestId, ok: true, index: outcome.index }
          : { type: 'readIndexResult' as const, requestId: waiter.requestId, ok: false, index: 0, code: outcome.error.code, ...('leader' in outcome.error && outcome.error.leader !== undefined ? { leader: outcome.error.leader } : {}) }
        init.router.tell({ type: 'send', to: waiter.from, message, whenFull: 'drop' })
      }

      const carryOut = async (effects: Effect<RaftMessage, RaftRecord>[]): Promise<void> => {
        const persists = new PersistBatch<RaftRecord>(init.store, ctx.self)
        const flushPersist = async (): Promise<void> => { await persists.flush() }
        for (const effect of effects) {
          switch (effect.type) {
            case 'persist':
              persists.add(effect.id, effect.record)
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
              metrics.committed.inc(countOperations(effect.commit.entries))
              await init.app.send({ type: 'apply', commit: effect.commit })
              break
            case 'proposeAccepted':
              pendingProposals.get(effect.ref)?.({ ok: true })
              pendingProposals.delete(effect.ref)
              metrics.proposalsAccepted.inc()
              break
            case 'proposeFailed':
              pendingProposals.get(effect.ref)?.({ ok: false, error: effect.error })
              pendingProposals.delete(effect.ref)
              break
            case 'readReady':
            case 'readFailed': {
              const waiter = pendingReads.get(effect.ref)
              pendingReads.delete(effect.ref)
              if (waiter !== undefined) answerRead(waiter, effect.type === 'readReady' ? { ok: true, index: effect.index } : { ok: false, error: effect.error })
              break
            }
            case 'sendSnapshot':
              init.onSendSnapshot?.(effect.to, effect.index, effect.meta)
              break
            case 'evidence':
              metrics.byzantine.inc({ node: effect.evidence.offender, kind: effect.evidence.kind })
              log.warn({ evidence: effect.evidence }, 'misbehaviour observed')
              break
            case 'status': {
              const before = status
              status = effect.status
              metrics.term.set(status.epoch)
              if (before.leader !== status.leader) {
                if (status.leader !== undefined) {
                  metrics.viewChanges.inc({ reason: before.leader === undefined ? 'election' : 'leader-change' })
                  leaderChange = status.leader
                }
                init.onLeaderChange?.(status.leader)
              }
              if (before.role !== status.role || before.leader !== status.leader) {
                log.info({ role: status.role, term: status.epoch, leader: status.leader }, 'raft status')
              }
              if (status.members !== undefined && !sameMembers(members, status.members)) {
                const wasMember = members !== undefined && isMember(init.peerId)
                members = status.members
                log.info({ voters: members.voters, learners: members.learners }, 'membership')
                if (wasMember && !isMember(init.peerId)) log.warn('this node was removed from the membership; it will not rejoin by itself (start it on a fresh data directory to join again)')
                init.onMembers?.(members)
              }
              break
            }
            default:
              assertNever(effect)
          }
        }
        await flushPersist()
      }
      const step = async (input: Input<RaftMessage>): Promise<void> => {
        await carryOut(core.step(input))
        if (leaderChange !== undefined) {
          const leader = leaderChange
          leaderChange = undefined
          await rerouteReads(leader)
        }
      }

      /** Step an operator command; `reply` hears whether the core took it. */
      const admin = async (command: AdminCommand, reply: (outcome: ProposeOutcome) => void): Promise<void> => {
        const ref = nextRef++
        pendingProposals.set(ref, reply)
        await step({ type: 'admin', ref, command })
      }
      const isMember = (peer: string): boolean => members !== undefined && (members.voters.includes(peer) || members.learners.includes(peer))

      /** Outside the membership: ask the voters to join. Leader with autoPromote: promote caught-up learners. */
      const checkMembership = async (): Promise<void> => {
        if (members === undefined) return
        if (isMember(init.peerId)) {
          mayAskToJoin = false
        } else if (mayAskToJoin) {
          for (const voter of members.voters) {
            init.router.tell({ type: 'send', to: voter, message: { type: 'joinRequest', nodeVersion: init.nodeVersion ?? '' }, whenFull: 'drop' })
          }
          return
        }
        if (init.autoPromote !== true || core.status().role !== 'leader') return
        for (const learner of members.learners) {
          // The core refuses a learner that is still behind (promoteMaxLag); the next check asks again.
          await admin({ kind: 'promote', node: learner }, (outcome) => {
            if (outcome.ok) log.info({ learner }, 'learner caught up: promoted to voter')
          })
        }
      }

      ctx.timers.startPeriodic('tick', { type: 'tick' }, init.heartbeatMs)
      return {
        async receive (msg) {
          switch (msg.type) {
            case 'inbound':
              switch (msg.message.type) {
                case 'raft':
                  await step({ type: 'message', from: msg.from, message: msg.message.message })
                  return
                case 'readIndex': {
                  const ref = nextRef++
                  pendingReads.set(ref, { kind: 'remote', from: msg.from, requestId: msg.message.requestId })
                  await step({ type: 'read', ref })
                  return
                }
                case 'readIndexResult': {
                  const remote = remoteReads.get(msg.message.requestId)
                  if (remote === undefined) return
                  remoteReads.delete(msg.message.requestId)
                  const result = msg.message
                  remote.replyTo.tell(result.ok
                    ? { ok: true, index: result.index }
                    : { ok: false, error: result.code === 'NOT_LEADER' && result.leader !== undefined ? { code: 'NOT_LEADER', leader: result.leader } : { code: 'NO_LEADER' } })
                  return
                }
                case 'joinRequest': {
                  const from = msg.from
                  if (core.status().role !== 'leader' || isMember(from)) return
                  await admin({ kind: 'addLearner', node: from }, (outcome) => {
                    if (outcome.ok) log.info({ learner: from, version: msg.message.type === 'joinRequest' ? msg.message.nodeVersion : '' }, 'node joined as a learner')
                  })
                  return
                }
                case 'adminRequest': {
                  const { from } = msg
                  const { requestId } = msg.message
                  const command = parseAdminCommand(msg.message.kind, msg.message.node)
                  const answer = (outcome: ProposeOutcome): void => {
                    const message = outcome.ok
                      ? { type: 'adminResult' as const, requestId, ok: true }
                      : { type: 'adminResult' as const, requestId, ok: false, ...errorFields(outcome.error) }
                    init.router.tell({ type: 'send', to: from, message, whenFull: 'drop' })
                  }
                  if (command === undefined) {
                    answer({ ok: false, error: { code: 'DROPPED', reason: `unknown command ${msg.message.kind}` } })
                    return
                  }
                  // A forwarded command is never forwarded again: a node that is not the leader says so.
                  await admin(command, answer)
                  return
                }
                case 'adminResult': {
                  const remote = remoteAdmins.get(msg.message.requestId)
                  if (remote === undefined) return
                  remoteAdmins.delete(msg.message.requestId)
                  remote.reply(msg.message.ok ? { ok: true } : { ok: false, error: coreErrorOf(msg.message.code, msg.message.reason, msg.message.leader) })
                  return
                }
                default:
                  return
              }
            case 'tick': {
              const now = ctx.clock.now()
              for (const [requestId, remote] of remoteReads) {
                if (remote.deadline > now) continue
                remoteReads.delete(requestId)
                remote.replyTo.tell({ ok: false, error: { code: 'NO_LEADER' } })
              }
              for (const [requestId, remote] of remoteAdmins) {
                if (remote.deadline > now) continue
                remoteAdmins.delete(requestId)
                remote.reply({ ok: false, error: { code: 'NO_LEADER' } })
              }
              await step({ type: 'tick' })
              if (now >= membershipCheckAt) {
                membershipCheckAt = now + MEMBERSHIP_INTERVAL_MS
                await checkMembership()
              }
              return
            }
            case 'persisted':
              await step({ type: 'persisted', id: msg.id })
              return
            case 'propose': {
              const ref = nextRef++
              const { replyTo } = msg
              pendingProposals.set(ref, (outcome) => { replyTo.tell(outcome) })
              metrics.proposalsReceived.inc()
              await step({ type: 'propose', ref, payloads: msg.payloads })
              return
            }
            case 'read': {
              const ref = nextRef++
              pendingReads.set(ref, { kind: 'local', replyTo: msg.replyTo })
              await step({ type: 'read', ref })
              return
            }
            case 'admin': {
              const { command, replyTo } = msg
              await admin(command, (outcome) => {
                if (outcome.ok || outcome.error.code !== 'NOT_LEADER' || outcome.error.leader === undefined || outcome.error.leader === init.peerId) {
                  replyTo.tell(outcome)
                  return
                }
                const requestId = nextRef++
                remoteAdmins.set(requestId, { reply: (forwarded) => { replyTo.tell(forwarded) }, deadline: ctx.clock.now() + readDeadlineMs })
                const node = command.kind === 'transferLeadership' ? command.to : command.node
                init.router.tell({ type: 'send', to: outcome.error.leader, message: { type: 'adminRequest', requestId, kind: command.kind, node }, whenFull: 'drop' })
              })
              return
            }
            case 'snapshotInstalled':
              await step({ type: 'snapshotApplied', from: msg.from, index: msg.index, meta: msg.meta })
              return
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
          for (const reply of pendingProposals.values()) reply({ ok: false, error: stopped })
          for (const remote of remoteAdmins.values()) remote.reply({ ok: false, error: stopped })
          for (const waiter of pendingReads.values()) if (waiter.kind === 'local') waiter.replyTo.tell({ ok: false, error: stopped })
          for (const remote of remoteReads.values()) remote.replyTo.tell({ ok: false, error: stopped })
        }
      }
    }
  }
}

/**
 * Persist effects on their way to the store, sent as one request per flush. Acks are cumulative:
 * the highest id covers the records before it. Flushed before a commit (the app must never apply
 * what could be lost) and at the end of each step. A record the core marks `deferrable` is held
 * (across steps, so the batch lives as long as the actor) until a record that is not deferrable
 * comes, which takes it along, or until `flushDeferred` at the actor's tick: one synced write
 * for several records. Ids stay in order because held records always go first.
 */
export class PersistBatch<R> {
  private records: R[] = []
  private id = 0
  private deferred: R[] = []
  private deferredId = 0

  constructor (private readonly store: ActorRef<StoreMsg<R>>, private readonly replyTo: ActorRef<{ readonly type: 'persisted', readonly id: number }>) {}

  add (id: number, record: R, deferrable = false): void {
    if (deferrable) {
      this.deferred.push(record)
      this.deferredId = id
      return
    }
    this.takeDeferred()
    this.records.push(record)
    this.id = id
  }

  async flush (): Promise<void> {
    if (this.records.length === 0) return
    const records = this.records
    this.records = []
    await this.store.send({ type: 'persist', id: this.id, records, replyTo: this.replyTo })
  }

  /** Held records too: nothing may wait on them longer than a tick. */
  async flushDeferred (): Promise<void> {
    this.takeDeferred()
    await this.flush()
  }

  private takeDeferred (): void {
    if (this.deferred.length === 0) return
    this.records.push(...this.deferred)
    this.id = this.deferredId
    this.deferred = []
  }
}

function sameMembers (a: Members | undefined, b: Members): boolean {
  return a !== undefined && a.voters.join() === b.voters.join() && a.learners.join() === b.learners.join()
}

function parseAdminCommand (kind: string, node: string): AdminCommand | undefined {
  switch (kind) {
    case 'addLearner':
    case 'promote':
    case 'remove':
      return { kind, node }
    case 'transferLeadership':
      return { kind, to: node }
    default:
      return undefined
  }
}

/** A CoreError as the optional fields of a wire result. */
function errorFields (error: CoreError): { code: string, reason?: string, leader?: string } {
  switch (error.code) {
    case 'NOT_LEADER': return error.leader === undefined ? { code: error.code } : { code: error.code, leader: error.leader }
    case 'DROPPED': return { code: error.code, reason: error.reason }
    case 'NO_LEADER':
    case 'NO_QUORUM':
      return { code: error.code }
    default: return assertNever(error)
  }
}

/** The CoreError a wire result describes; an unknown code from a newer peer reads as DROPPED. */
function coreErrorOf (code: string | undefined, reason: string | undefined, leader: string | undefined): CoreError {
  switch (code) {
    case 'NOT_LEADER': return leader === undefined ? { code: 'NOT_LEADER' } : { code: 'NOT_LEADER', leader }
    case 'NO_LEADER': return { code: 'NO_LEADER' }
    case 'NO_QUORUM': return { code: 'NO_QUORUM' }
    default: return { code: 'DROPPED', reason: reason ?? code ?? 'refused' }
  }
}

/** Client operations in committed entries: an app entry is a batch of them (or one, unbatched). */
function countOperations (entries: readonly CommittedEntry[]): number {
  let count = 0
  for (const entry of entries) if (entry.kind === 'app') count += payloadRequestCount(entry.payload)
  return count
}

type ReadWaiter =
  | { readonly kind: 'local'; readonly replyTo: ActorRef<ReadOutcome> }
  | { readonly kind: 'remote'; readonly from: string; readonly requestId: number }

export interface ProtocolMetrics {
  readonly proposalsReceived: Counter
  readonly proposalsAccepted: Counter
  readonly committed: Counter
  readonly viewChanges: Counter<'reason'>
  readonly byzantine: Counter<'node' | 'kind'>
  readonly term: Gauge
}

/** Metric names from the specification (DESIGN.md, "Metrics"); registered once per registry. */
export function protocolMetrics (registry: Registry): ProtocolMetrics {
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> => registeredCounter(registry, name, help, labelNames)
  return {
    proposalsReceived: counter('consensus_proposals_received_total', 'Proposals (batches of client operations) handed to the core'),
    proposalsAccepted: counter('consensus_proposals_accepted_total', 'Proposals the leader accepted for ordering'),
    committed: counter('consensus_transactions_committed_total', 'Client operations committed'),
    viewChanges: counter('consensus_view_changes_total', 'Leader changes (Raft) or view changes (BFT)', ['reason']),
    byzantine: counter('consensus_byzantine_faults_detected_total', 'Misbehaviour evidence, by offender and kind', ['node', 'kind']),
    term: registered(registry, 'consensus_term', () => new Gauge({ name: 'consensus_term', help: 'Current Raft term or BFT view', registers: [registry] }))
  }
}

export type { ActorContext }
