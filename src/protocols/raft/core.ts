// The Raft core: a pure state machine after the Raft paper (Ongaro & Ousterhout, 2014) and
// Ongaro's thesis (2014), shaped like etcd raft's Step/Ready split (src/protocols/core.ts).
//
// What is here: leader election with randomized timeouts (§5.2), pre-vote (thesis §9.6) and
// check-quorum with leader leases on votes (thesis §6.2, §4.2.3); log replication with
// per-follower flow control (probe / replicate / snapshot, a window of pipelined Appends, batches
// of entries per Append); fast log backtracking (thesis §5.3); commitment by counting only for
// entries of the current term (§5.4.2, Figure 8); snapshots and log compaction (§7); leader
// transfer (thesis §3.10); single-server membership changes with learners (thesis §4, safety
// argument in membership.ts); ReadIndex reads (thesis §6.4). Ticks are the only clock.
//
// Durability (src/protocols/core.ts, "Persistence"): every change to term, vote or log is a
// `persist` effect. Messages that promise something durable — a granted vote, a RequestVote
// carrying the candidate's own vote, an Append acknowledgement — are held back until every
// persist emitted before them is acknowledged. The leader sends Appends before its own write is
// durable (thesis §10.2.1) but counts itself towards a commit only up to its durable index, and a
// commit effect never carries an entry that is not durable locally.
//
// What a host must expect after a restart (the core is rebuilt from the acknowledged records):
// - The core is a follower (or learner) in its persisted term with its persisted vote.
// - Its commit index is the larger of the last snapshot marker's index and the last commit
//   hint (capped at its log). On its first step it emits one commit effect from
//   snapshotIndex + 1 up to that commit index, then more as it learns them: entries the app had
//   already applied before the crash come again, identical, and the app skips them by index.
// - Nothing at or below the snapshot marker is ever emitted again: the host restores the app
//   from its snapshot. Before stepping `snapshotTaken {index}` the host must have made that
//   snapshot durable, and must keep it to serve `sendSnapshot` until it reports a newer one.
// - On `snapshotApplied {index}` (after a `sendSnapshot` from the leader), commits continue at
//   index + 1. A host installs a received snapshot only when it is ahead of what its app applied,
//   and steps `snapshotApplied` either way, so the leader hears back.
// - Persist ids of a rebuilt core continue at persisted.length + 1; ids only need to be matched
//   within one incarnation. A host may shorten its record list with compactRecords (records.ts).
//
// Sends: this core emits only `send` effects, one per peer, never `broadcast`: the recipients
// (voters and learners of the configuration in its log) are known only to the core.
//
// Bug injection (for the simulator's checker tests): `isLogUpToDate` (the §5.4.1 election
// restriction) and `canCommitByCounting` (the §5.4.2 current-term rule) are protected methods.
// A test-only subclass overrides them to reintroduce the bug in a copy of the core:
//
//   class StaleLogWins extends RaftCore { protected override isLogUpToDate() { return true } }
//   const factory: CoreFactory<RaftMessage, RaftRecord> = (config, persisted) => new StaleLogWins(config, persisted, params)

import {
  assertNever,
  type AdminCommand,
  type CommittedEntry,
  type Core,
  type CoreConfig,
  type CoreError,
  type CoreFactory,
  type CoreStatus,
  type Effect,
  type Input,
  type NodeId,
  type Payload,
  type Rng
} from '../core.js'
import { Durability } from './durability.js'
import { RaftLog } from './log.js'
import {
  applyMembershipChange,
  decodeSnapshotMeta,
  encodeMembership,
  encodeSnapshotMeta,
  isLearner,
  isVoter,
  normalizeMembership,
  quorumIndex,
  quorumSize,
  replicationPeers,
  type Membership,
  type MembershipCommand
} from './membership.js'
import type {
  Append,
  AppendResponse,
  Heartbeat,
  HeartbeatResponse,
  RaftEntry,
  RaftMessage,
  VoteRequest
} from './messages.js'
import { Progress } from './progress.js'
import type { RaftRecord } from './records.js'

export interface RaftParams {
  /** Election timeout base, in ticks; each timeout is drawn from [electionTicks, 2 * electionTicks). */
  readonly electionTicks: number
  /** Leader heartbeat interval, in ticks; must be smaller than electionTicks. */
  readonly heartbeatTicks: number
  /** Ask for pre-votes before raising the term (thesis §9.6). */
  readonly preVote: boolean
  /** The leader steps down when it has not heard from a quorum for electionTicks (thesis §6.2). */
  readonly checkQuorum: boolean
  /** Unacknowledged Appends per follower in replicate state (the pipelining window). */
  readonly maxInflightAppends: number
  readonly maxEntriesPerAppend: number
  /** Payload bytes per Append; one entry is always sent even if it is larger. */
  readonly maxBytesPerAppend: number
  /** Learners at genesis (CoreConfig.voters holds the voters). */
  readonly learners: readonly NodeId[]
  /** A learner is promoted only when its log is at most this many entries behind the leader's. */
  readonly promoteMaxLag: number
  /** A follower in snapshot state that has not acknowledged within this many ticks is sent the snapshot again. */
  readonly snapshotRetryTicks: number
}

export const defaultRaftParams: RaftParams = {
  electionTicks: 10,
  heartbeatTicks: 1,
  preVote: true,
  checkQuorum: true,
  maxInflightAppends: 256,
  maxEntriesPerAppend: 1024,
  maxBytesPerAppend: 1024 * 1024,
  learners: [],
  promoteMaxLag: 10,
  snapshotRetryTicks: 50
}

export function resolveRaftParams(params: Partial<RaftParams> = {}): RaftParams {
  const resolved: RaftParams = { ...defaultRaftParams, ...params }
  const positive: (keyof RaftParams)[] = [
    'electionTicks', 'heartbeatTicks', 'maxInflightAppends', 'maxEntriesPerAppend', 'maxBytesPerAppend', 'snapshotRetryTicks'
  ]
  for (const key of positive) {
    const value = resolved[key]
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw new Error(`raft params: ${key} must be a positive integer, got ${String(value)}`)
    }
  }
  if (resolved.heartbeatTicks >= resolved.electionTicks) {
    throw new Error('raft params: heartbeatTicks must be smaller than electionTicks')
  }
  if (!Number.isInteger(resolved.promoteMaxLag) || resolved.promoteMaxLag < 0) {
    throw new Error('raft params: promoteMaxLag must be a non-negative integer')
  }
  return resolved
}

/** Builds Raft cores; pass to the simulator or the protocol actor. */
export function createRaftCore(params: Partial<RaftParams> = {}): CoreFactory<RaftMessage, RaftRecord> {
  const resolved = resolveRaftParams(params)
  return (config, persisted) => new RaftCore(config, persisted, resolved)
}

export type RaftRole = 'leader' | 'follower' | 'candidate' | 'pre-candidate' | 'learner'
type RaftEffect = Effect<RaftMessage, RaftRecord>
type MessageHandler = (from: NodeId, message: RaftMessage) => void

/** A send held back until the persist with id `afterId` (and every one before it) is durable. */
interface HeldSend {
  readonly afterId: number
  readonly effect: RaftEffect
}

/** Reads confirmed together by one heartbeat round (thesis §6.4). */
interface ReadRound {
  readonly context: number
  readonly index: number
  readonly refs: readonly number[]
}

const EMPTY = new Uint8Array()

export class RaftCore implements Core<RaftMessage, RaftRecord> {
  readonly id: NodeId
  protected readonly params: RaftParams
  private readonly rng: Rng

  // Persistent state (paper Figure 2), mirrored by persist effects.
  protected term = 0
  private vote: NodeId | undefined
  protected readonly log: RaftLog

  // Volatile state.
  private role: RaftRole = 'follower'
  private leader: NodeId | undefined
  private commitIndex = 0
  /** Last index handed to the host in a commit effect, or covered by a snapshot. */
  private emittedIndex = 0
  private persistedCommit = 0
  /** Term or vote changed and is not yet in a persist effect. */
  private hardStateDirty = false
  private membership: Membership
  /** Index of the entry (or snapshot) that set `membership`. */
  private configIndex = 0
  private electionElapsed = 0
  private heartbeatElapsed = 0
  private randomizedElectionTimeout = 0
  private readonly votes = new Map<NodeId, boolean>()
  /** Candidate: the persist id of its own vote; the vote counts once that is durable. */
  private selfVotePersistId: number | undefined

  // Leader state.
  private readonly progress = new Map<NodeId, Progress>()
  private leadTransferee: NodeId | undefined
  private transferElapsed = 0
  private timeoutNowSent = false
  private readContext = 0
  private readRound: ReadRound | undefined
  private waitingReads: number[] = []

  // Persistence bookkeeping.
  private nextPersistId: number
  private acknowledgedPersistId: number
  private readonly durability: Durability
  private held: HeldSend[] = []

  // Effects of the step in progress, and the last status reported.
  private out: RaftEffect[] = []
  private reported: CoreStatus

  private stepRole: MessageHandler = this.stepFollower
  private tickRole: () => void = this.tickElection

  constructor(config: CoreConfig, persisted: readonly RaftRecord[], params: Partial<RaftParams> = {}) {
    this.params = resolveRaftParams(params)
    this.id = config.id
    this.rng = config.rng
    const genesis = normalizeMembership(config.voters, this.params.learners)
    this.log = new RaftLog({ index: 0, term: 0, membership: genesis })

    // Rebuild from the acknowledged records (records.ts states what each one means).
    let commitHint = 0
    for (const record of persisted) {
      switch (record.type) {
        case 'hardState':
          this.term = record.term
          this.vote = record.vote
          break
        case 'entries':
          this.log.truncateAndAppend(record.index, record.entries)
          break
        case 'snapshot':
          this.log.installSnapshot({
            index: record.index,
            term: record.term,
            membership: normalizeMembership(record.voters, record.learners)
          })
          break
        case 'commit':
          commitHint = Math.max(commitHint, record.index)
          break
        default:
          assertNever(record)
      }
    }
    const latest = this.log.latestConfig()
    this.membership = latest.membership
    this.configIndex = latest.index
    this.commitIndex = Math.max(this.log.snapshotIndex, Math.min(commitHint, this.log.lastIndex()))
    this.persistedCommit = this.commitIndex
    this.emittedIndex = this.log.snapshotIndex
    this.durability = new Durability(this.log.lastIndex())
    this.nextPersistId = persisted.length + 1
    this.acknowledgedPersistId = persisted.length
    this.role = this.followerRole()
    this.resetElectionTimer()
    this.reported = this.status()
  }

  status(): CoreStatus {
    return { role: this.role, epoch: this.term, leader: this.leader, commitIndex: this.commitIndex, members: this.membership }
  }

  step(input: Input<RaftMessage>): RaftEffect[] {
    this.out = []
    switch (input.type) {
      case 'tick': this.tickRole(); break
      case 'message': this.handleMessage(input.from, input.message); break
      case 'propose': this.handlePropose(input.ref, input.payloads); break
      case 'persisted': this.handlePersisted(input.id); break
      case 'snapshotTaken': this.handleSnapshotTaken(input.index); break
      case 'snapshotApplied': this.handleSnapshotApplied(input.from, input.index, input.meta); break
      case 'read': this.handleRead(input.ref); break
      case 'admin': this.handleAdmin(input.ref, input.command); break
      default: assertNever(input)
    }
    this.flushHardState()
    this.maybePersistCommit()
    this.maybeEmitCommit()
    this.maybeReportStatus()
    const effects = this.out
    this.out = []
    return effects
  }

  // ---------------------------------------------------------------------------------------------
  // The two rules a test subclass may break on purpose.

  /**
   * The election restriction (paper §5.4.1): grant a vote only to a candidate whose log is at
   * least as up-to-date as ours — a later last term, or the same last term and at least as long.
   * It guarantees every leader holds every committed entry (Leader Completeness).
   */
  protected isLogUpToDate(lastIndex: number, lastTerm: number): boolean {
    const ourLastTerm = this.log.lastTerm()
    return lastTerm > ourLastTerm || (lastTerm === ourLastTerm && lastIndex >= this.log.lastIndex())
  }

  /**
   * The commitment rule (paper §5.4.2, Figure 8): a leader commits by counting replicas only an
   * entry of its own term; earlier entries are committed indirectly, by the Log Matching property,
   * when an entry of the current term after them is.
   */
  protected canCommitByCounting(index: number): boolean {
    return this.log.term(index) === this.term
  }

  // ---------------------------------------------------------------------------------------------
  // Messages: term rules common to every role (paper §5.1), then the per-role handler.

  private handleMessage(from: NodeId, message: RaftMessage): void {
    if (from === this.id) return
    if (message.term > this.term) {
      if (message.type === 'voteRequest' && this.inLease(message)) {
        // Thesis §4.2.3 / §9.6: we heard from a live leader within the minimum election timeout,
        // so this candidate is disruptive (partitioned, or removed). Do not even raise the term.
        return
      }
      const termless =
        (message.type === 'voteRequest' && message.preVote) ||
        (message.type === 'voteResponse' && message.preVote && message.granted)
      if (!termless) {
        const fromLeader = message.type === 'append' || message.type === 'heartbeat' || message.type === 'timeoutNow'
        this.becomeFollower(message.term, fromLeader ? from : undefined)
      }
    } else if (message.term < this.term) {
      this.answerStaleTerm(from, message)
      return
    }
    if (message.type === 'voteRequest') {
      this.handleVoteRequest(from, message)
      return
    }
    this.stepRole(from, message)
  }

  /**
   * A vote request arriving while we believe in a live leader. Pre-votes always respect it (it is
   * part of pre-vote's definition, thesis §9.6); real votes when check-quorum guarantees a leader
   * that lost its quorum steps down (thesis §4.2.3). A transfer campaign bypasses it (§3.10).
   */
  private inLease(request: VoteRequest): boolean {
    if (request.transfer) return false
    if (!request.preVote && !this.params.checkQuorum) return false
    if (this.role === 'leader') return true
    return this.leader !== undefined && this.electionElapsed < this.params.electionTicks
  }

  /** Tell a sender of an older term about ours, so a stale leader or candidate steps down (paper §5.1). */
  private answerStaleTerm(from: NodeId, message: RaftMessage): void {
    switch (message.type) {
      case 'append':
        this.send(from, this.appendResponse(false, message.prevIndex, 0, 0))
        return
      case 'heartbeat':
        this.send(from, { type: 'heartbeatResponse', term: this.term, context: 0 })
        return
      case 'voteRequest':
        this.send(from, { type: 'voteResponse', term: this.term, preVote: message.preVote, granted: false })
        return
      case 'voteResponse':
      case 'appendResponse':
      case 'heartbeatResponse':
      case 'timeoutNow':
        return
      default:
        assertNever(message)
    }
  }

  private handleVoteRequest(from: NodeId, request: VoteRequest): void {
    // Vote once per term (paper §5.2); a pre-vote for a later term promises nothing.
    const canVote =
      this.vote === from ||
      (this.vote === undefined && this.leader === undefined) ||
      (request.preVote && request.term > this.term)
    const grant = canVote && this.isLogUpToDate(request.lastIndex, request.lastTerm)
    if (request.preVote) {
      this.send(from, { type: 'voteResponse', term: grant ? request.term : this.term, preVote: true, granted: grant })
      return
    }
    if (grant) {
      this.electionElapsed = 0
      if (this.vote !== from) {
        this.vote = from
        this.hardStateDirty = true
      }
    }
    // A granted vote must be durable before the candidate can count it.
    this.sendAfterPersist(from, { type: 'voteResponse', term: this.term, preVote: false, granted: grant })
  }

  private stepFollower(from: NodeId, message: RaftMessage): void {
    switch (message.type) {
      case 'append':
        this.electionElapsed = 0
        this.leader = from
        this.handleAppend(from, message)
        return
      case 'heartbeat':
        this.electionElapsed = 0
        this.leader = from
        this.handleHeartbeat(from, message)
        return
      case 'timeoutNow':
        // Thesis §3.10: the leader has brought our log up to date and asks us to run now.
        this.campaign(true)
        return
      case 'voteRequest':
      case 'voteResponse':
      case 'appendResponse':
      case 'heartbeatResponse':
        return
      default:
        assertNever(message)
    }
  }

  /** Shared by candidates and pre-candidates. */
  private stepCandidate(from: NodeId, message: RaftMessage): void {
    switch (message.type) {
      case 'append':
        // A leader of our term exists: return to follower (paper §5.2).
        this.becomeFollower(message.term, from)
        this.handleAppend(from, message)
        return
      case 'heartbeat':
        this.becomeFollower(message.term, from)
        this.handleHeartbeat(from, message)
        return
      case 'voteResponse': {
        const preCandidate = this.role === 'pre-candidate'
        if (message.preVote !== preCandidate) return
        // Granted pre-votes carry the term we asked about; anything else is from an older round.
        if (preCandidate && message.granted && message.term !== this.term + 1) return
        this.recordVote(from, message.granted)
        return
      }
      case 'voteRequest':
      case 'appendResponse':
      case 'heartbeatResponse':
      case 'timeoutNow':
        return
      default:
        assertNever(message)
    }
  }

  private stepLeader(from: NodeId, message: RaftMessage): void {
    switch (message.type) {
      case 'appendResponse':
        this.handleAppendResponse(from, message)
        return
      case 'heartbeatResponse':
        this.handleHeartbeatResponse(from, message)
        return
      case 'append':
      case 'heartbeat':
      case 'voteRequest':
      case 'voteResponse':
      case 'timeoutNow':
        return
      default:
        assertNever(message)
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Role changes.

  private becomeFollower(term: number, leader: NodeId | undefined): void {
    const wasLeader = this.role === 'leader'
    if (term > this.term) {
      this.term = term
      this.vote = undefined
      this.hardStateDirty = true
    }
    this.leader = leader
    this.role = this.followerRole()
    this.stepRole = this.stepFollower
    this.tickRole = this.tickElection
    this.votes.clear()
    this.selfVotePersistId = undefined
    this.resetElectionTimer()
    if (wasLeader) this.abandonLeadership()
  }

  private becomePreCandidate(): void {
    // Thesis §9.6: ask whether we could win at term + 1 before anyone changes term.
    this.role = 'pre-candidate'
    this.leader = undefined
    this.stepRole = this.stepCandidate
    this.tickRole = this.tickElection
    this.votes.clear()
    this.resetElectionTimer()
    const request: VoteRequest = {
      type: 'voteRequest',
      term: this.term + 1,
      preVote: true,
      lastIndex: this.log.lastIndex(),
      lastTerm: this.log.lastTerm(),
      transfer: false
    }
    for (const voter of this.otherVoters()) this.send(voter, request)
    this.recordVote(this.id, true)
  }

  private becomeCandidate(transfer: boolean): void {
    this.term += 1
    this.vote = this.id
    this.role = 'candidate'
    this.leader = undefined
    this.stepRole = this.stepCandidate
    this.tickRole = this.tickElection
    this.votes.clear()
    this.resetElectionTimer()
    // Our own vote counts, and our requests leave, only once term and vote are durable:
    // otherwise a crash could let us vote again in this term.
    this.hardStateDirty = true
    this.selfVotePersistId = this.flushHardState()
    const request: VoteRequest = {
      type: 'voteRequest',
      term: this.term,
      preVote: false,
      lastIndex: this.log.lastIndex(),
      lastTerm: this.log.lastTerm(),
      transfer
    }
    for (const voter of this.otherVoters()) this.sendAfterPersist(voter, request)
  }

  private becomeLeader(): void {
    this.role = 'leader'
    this.leader = this.id
    this.stepRole = this.stepLeader
    this.tickRole = this.tickHeartbeat
    this.votes.clear()
    this.electionElapsed = 0
    this.heartbeatElapsed = 0
    this.leadTransferee = undefined
    this.progress.clear()
    for (const peer of replicationPeers(this.membership, this.id)) {
      this.progress.set(peer, new Progress(this.log.lastIndex() + 1, this.params.maxInflightAppends))
    }
    // The noop (paper §8, thesis §6.4): commits everything before it (§5.4.2) and tells this
    // leader its commit index is current, which ReadIndex and membership changes wait for.
    this.appendEntries([{ term: this.term, kind: 'noop', payload: EMPTY }])
    this.broadcastAppend()
  }

  /** Leaving the leader role: pending reads cannot be confirmed any more. */
  private abandonLeadership(): void {
    const error = this.notLeaderError()
    const refs = [...(this.readRound?.refs ?? []), ...this.waitingReads]
    for (const ref of refs) this.out.push({ type: 'readFailed', ref, error })
    this.readRound = undefined
    this.waitingReads = []
    this.progress.clear()
    this.leadTransferee = undefined
  }

  private campaign(transfer: boolean): void {
    if (!isVoter(this.membership, this.id)) return
    if (this.params.preVote && !transfer) this.becomePreCandidate()
    else this.becomeCandidate(transfer)
  }

  private recordVote(from: NodeId, granted: boolean): void {
    if (!isVoter(this.membership, from)) return // learners' and strangers' votes never count
    this.votes.set(from, granted)
    let grants = 0
    let rejections = 0
    for (const vote of this.votes.values()) {
      if (vote) grants++
      else rejections++
    }
    const quorum = quorumSize(this.membership)
    if (grants >= quorum) {
      if (this.role === 'pre-candidate') this.becomeCandidate(false)
      else this.becomeLeader()
    } else if (this.membership.voters.length - rejections < quorum) {
      this.becomeFollower(this.term, undefined)
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Time.

  private tickElection(): void {
    this.electionElapsed++
    if (this.electionElapsed >= this.randomizedElectionTimeout) {
      this.electionElapsed = 0
      this.campaign(false)
    }
  }

  private tickHeartbeat(): void {
    this.heartbeatElapsed++
    if (this.leadTransferee !== undefined && ++this.transferElapsed >= this.params.electionTicks) {
      this.leadTransferee = undefined // thesis §3.10: abort a transfer that did not finish in an election timeout
    }
    for (const progress of this.progress.values()) progress.inactiveTicks++
    if (this.params.checkQuorum && !this.quorumActive()) {
      // Thesis §6.2: a leader that has not heard from a quorum for an election timeout steps
      // down, so clients and reads go elsewhere instead of waiting on a minority.
      this.becomeFollower(this.term, undefined)
      return
    }
    for (const [peer, progress] of this.progress) {
      if (progress.state === 'snapshot' && ++progress.snapshotElapsed >= this.params.snapshotRetryTicks) {
        progress.becomeProbe() // the snapshot (or its acknowledgement) was lost: start again
        this.maybeSendAppend(peer, true)
      }
    }
    if (this.heartbeatElapsed >= this.params.heartbeatTicks) {
      this.heartbeatElapsed = 0
      this.broadcastHeartbeat()
    }
  }

  private resetElectionTimer(): void {
    this.electionElapsed = 0
    const base = this.params.electionTicks
    this.randomizedElectionTimeout = this.rng.int(base, 2 * base - 1)
  }

  /** Whether a quorum of voters (counting ourselves) was heard from within the last election timeout. */
  private quorumActive(): boolean {
    let active = 0
    for (const voter of this.membership.voters) {
      const inactive = voter === this.id ? 0 : this.progress.get(voter)?.inactiveTicks ?? Infinity
      if (inactive < this.params.electionTicks) active++
    }
    return active >= quorumSize(this.membership)
  }

  // ---------------------------------------------------------------------------------------------
  // Log replication: follower side.

  private handleAppend(from: NodeId, append: Append): void {
    if (append.prevIndex < this.commitIndex) {
      // Everything up to our commit index is committed and so in the leader's log too.
      this.sendAfterPersist(from, this.appendResponse(true, this.commitIndex, 0, 0))
      return
    }
    if (!this.log.matchTerm(append.prevIndex, append.prevTerm)) {
      this.sendAfterPersist(from, this.rejection(append.prevIndex))
      return
    }
    const lastNew = append.prevIndex + append.entries.length
    const conflict = this.log.findConflict(append.prevIndex, append.entries)
    if (conflict !== 0) {
      if (conflict <= this.commitIndex) {
        throw new Error(`raft: entry ${conflict} conflicts with committed log (commit ${this.commitIndex})`)
      }
      this.writeEntries(conflict, append.entries.slice(conflict - append.prevIndex - 1))
    }
    this.advanceCommit(Math.min(append.commit, lastNew))
    this.sendAfterPersist(from, this.appendResponse(true, lastNew, 0, 0))
  }

  /** The fast-backup hint for a rejected Append (thesis §5.3, end of section). */
  private rejection(prevIndex: number): AppendResponse {
    const lastIndex = this.log.lastIndex()
    if (prevIndex > lastIndex) return this.appendResponse(false, prevIndex, 0, lastIndex + 1)
    const conflictTerm = this.log.term(prevIndex) ?? 0
    const first = Math.max(this.log.firstIndexOfTerm(conflictTerm, prevIndex), this.commitIndex + 1)
    return this.appendResponse(false, prevIndex, conflictTerm, first)
  }

  private handleHeartbeat(from: NodeId, heartbeat: Heartbeat): void {
    // The leader caps `commit` at our match index, so those entries are ours.
    this.advanceCommit(Math.min(heartbeat.commit, this.log.lastIndex()))
    const response: HeartbeatResponse = { type: 'heartbeatResponse', term: this.term, context: heartbeat.context }
    this.send(from, response)
  }

  private advanceCommit(index: number): void {
    if (index > this.commitIndex) this.commitIndex = index
  }

  private appendResponse(success: boolean, index: number, conflictTerm: number, conflictIndex: number): AppendResponse {
    return { type: 'appendResponse', term: this.term, success, index, conflictTerm, conflictIndex }
  }

  // ---------------------------------------------------------------------------------------------
  // Log replication: leader side.

  private handleAppendResponse(from: NodeId, response: AppendResponse): void {
    const progress = this.progress.get(from)
    if (progress === undefined) return
    progress.inactiveTicks = 0
    if (!response.success) {
      if (progress.maybeDecrTo(response.index, this.nextAfterRejection(response))) {
        this.maybeSendAppend(from, true)
      }
      return
    }
    if (progress.maybeUpdate(Math.min(response.index, this.log.lastIndex()))) {
      switch (progress.state) {
        case 'probe':
          progress.becomeReplicate()
          break
        case 'snapshot':
          if (progress.match >= progress.pendingSnapshot) progress.becomeReplicate()
          break
        case 'replicate':
          progress.inflights.freeTo(progress.match)
          break
      }
      this.maybeCommit()
      if (!this.progress.has(from)) return // the commit removed it, or ended our leadership
    }
    if (this.maybeSendAppend(from, false)) {
      while (this.maybeSendAppend(from, false)) { /* fill the pipelining window */ }
    }
    if (from === this.leadTransferee && !this.timeoutNowSent && progress.match === this.log.lastIndex()) {
      this.sendTimeoutNow(from)
    }
  }

  /**
   * Where to resume after a rejection (thesis §5.3): if we hold the follower's conflicting term,
   * just after our last entry of it; otherwise at the first index the follower has of that term,
   * skipping the whole term in one round trip. A short follower log says where it ends.
   */
  private nextAfterRejection(response: AppendResponse): number {
    if (response.conflictTerm === 0) return response.conflictIndex
    const last = this.log.lastIndexOfTerm(response.conflictTerm, Math.min(response.index, this.log.lastIndex()))
    return last === undefined ? response.conflictIndex : last + 1
  }

  private handleHeartbeatResponse(from: NodeId, response: HeartbeatResponse): void {
    const progress = this.progress.get(from)
    if (progress === undefined) return
    progress.inactiveTicks = 0
    if (progress.match < this.log.lastIndex()) {
      switch (progress.state) {
        case 'probe':
          // The follower is alive: if our probe (or its answer) was lost, send another.
          progress.probeSent = false
          this.maybeSendAppend(from, true)
          break
        case 'replicate':
          // Ask "do you hold next - 1?" with an empty Append, even when the window is full. Links
          // are FIFO streams (DESIGN.md), so a rejection means Appends were lost; the follower
          // drops back to probe and is repaired. (Where links reorder, a rejection only costs a probe.)
          if (progress.isPaused()) this.sendEmptyAppend(from, progress)
          else this.maybeSendAppend(from, true)
          break
        case 'snapshot':
          break
      }
    }
    if (isVoter(this.membership, from) && response.context > progress.readAck) {
      progress.readAck = response.context
      this.maybeConfirmReads()
    }
  }

  /**
   * Send `to` the entries it lacks, one batch, if its flow control allows; a snapshot if they
   * were compacted away. An empty Append carries only the commit index, so only when `allowEmpty`.
   * Returns whether entries were sent (callers loop to fill the replicate window).
   */
  private maybeSendAppend(to: NodeId, allowEmpty: boolean): boolean {
    const progress = this.progress.get(to)
    if (progress === undefined || progress.isPaused()) return false
    const prevIndex = progress.next - 1
    const prevTerm = this.log.term(prevIndex)
    const entries = prevTerm === undefined
      ? undefined
      : this.log.entriesFrom(progress.next, this.params.maxEntriesPerAppend, this.params.maxBytesPerAppend)
    if (prevTerm === undefined || entries === undefined) {
      this.sendSnapshot(to, progress)
      return false
    }
    if (entries.length === 0 && !allowEmpty) return false
    this.send(to, { type: 'append', term: this.term, prevIndex, prevTerm, entries, commit: this.commitIndex })
    progress.onAppendSent(entries.length > 0 ? prevIndex + entries.length : undefined)
    return entries.length > 0
  }

  private sendEmptyAppend(to: NodeId, progress: Progress): void {
    const prevIndex = progress.next - 1
    const prevTerm = this.log.term(prevIndex)
    if (prevTerm === undefined) {
      this.sendSnapshot(to, progress)
      return
    }
    this.send(to, { type: 'append', term: this.term, prevIndex, prevTerm, entries: [], commit: this.commitIndex })
  }

  private sendSnapshot(to: NodeId, progress: Progress): void {
    const index = this.log.snapshotIndex
    progress.becomeSnapshot(index)
    const meta = encodeSnapshotMeta({ term: this.log.snapshotTerm, membership: this.log.snapshotMembership })
    this.out.push({ type: 'sendSnapshot', to, index, meta })
  }

  private broadcastAppend(): void {
    for (const peer of this.progress.keys()) {
      if (this.maybeSendAppend(peer, true)) {
        while (this.maybeSendAppend(peer, false)) { /* fill the pipelining window */ }
      }
    }
  }

  private broadcastHeartbeat(): void {
    for (const [peer, progress] of this.progress) {
      const heartbeat: Heartbeat = {
        type: 'heartbeat',
        term: this.term,
        commit: Math.min(progress.match, this.commitIndex),
        context: this.readContext
      }
      this.send(peer, heartbeat)
    }
  }

  private sendTimeoutNow(to: NodeId): void {
    this.timeoutNowSent = true
    this.send(to, { type: 'timeoutNow', term: this.term })
  }

  /** Commit the highest index a majority of voters hold, if the §5.4.2 rule allows it. */
  private maybeCommit(): void {
    const ownMatch = Math.min(this.durability.durableIndex, this.log.lastIndex())
    const index = quorumIndex(this.membership, voter => voter === this.id ? ownMatch : this.progress.get(voter)?.match ?? 0)
    if (index <= this.commitIndex || !this.canCommitByCounting(index)) return
    this.commitIndex = index
    if (this.configIndex <= this.commitIndex && !isVoter(this.membership, this.id)) {
      // Thesis §4.2.2: the configuration that removed us is committed; hand over by stepping down.
      this.becomeFollower(this.term, undefined)
      return
    }
    this.maybeStartReadRound()
    this.broadcastAppend() // followers learn the new commit index
  }

  /** Append entries of our own term to our log (the write goes to the host; followers need not wait for it). */
  private appendEntries(entries: readonly RaftEntry[]): void {
    this.writeEntries(this.log.lastIndex() + 1, entries)
  }

  private writeEntries(index: number, entries: readonly RaftEntry[]): void {
    if (entries.length === 0) return
    this.log.truncateAndAppend(index, entries)
    const id = this.persist({ type: 'entries', index, entries })
    this.durability.write(id, index, index + entries.length - 1)
    if (index <= this.configIndex || entries.some(entry => entry.kind === 'config')) this.refreshMembership()
  }

  // ---------------------------------------------------------------------------------------------
  // Membership.

  /** Adopt the latest configuration in the log (thesis §4.1: used as soon as it is appended). */
  private refreshMembership(): void {
    const latest = this.log.latestConfig()
    this.membership = latest.membership
    this.configIndex = latest.index
    if (this.role === 'leader') {
      const peers = replicationPeers(this.membership, this.id)
      for (const peer of peers) {
        if (!this.progress.has(peer)) {
          this.progress.set(peer, new Progress(this.log.lastIndex() + 1, this.params.maxInflightAppends))
        }
      }
      for (const peer of [...this.progress.keys()]) {
        if (!peers.includes(peer)) this.progress.delete(peer)
      }
      if (this.leadTransferee !== undefined && !isVoter(this.membership, this.leadTransferee)) {
        this.leadTransferee = undefined
      }
    } else if (this.role === 'follower' || this.role === 'learner') {
      this.role = this.followerRole()
    }
  }

  private handleAdmin(ref: number, command: AdminCommand): void {
    if (this.role !== 'leader') {
      this.out.push({ type: 'proposeFailed', ref, error: this.notLeaderError() })
      return
    }
    switch (command.kind) {
      case 'transferLeadership':
        this.handleTransfer(ref, command.to)
        return
      case 'addLearner':
      case 'promote':
      case 'remove':
        this.handleMembershipChange(ref, command)
        return
      default:
        assertNever(command)
    }
  }

  private handleMembershipChange(ref: number, command: MembershipCommand): void {
    const refuse = (reason: string): void => {
      this.out.push({ type: 'proposeFailed', ref, error: { code: 'DROPPED', reason } })
    }
    if (this.leadTransferee !== undefined) return refuse('leader transfer in progress')
    // membership.ts, points 3 and 4: one change at a time, and only after our own noop commits.
    if (this.log.term(this.commitIndex) !== this.term) return refuse('the leader has not committed an entry of its term yet')
    if (this.configIndex > this.commitIndex) return refuse('a membership change is in progress')
    const change = applyMembershipChange(this.membership, command)
    if (!change.ok) return refuse(change.reason)
    if (command.kind === 'promote') {
      const match = this.progress.get(command.node)?.match ?? 0
      if (this.log.lastIndex() - match > this.params.promoteMaxLag) {
        return refuse(`learner ${command.node} has not caught up (match ${match}, last ${this.log.lastIndex()})`)
      }
    }
    this.appendEntries([{ term: this.term, kind: 'config', payload: encodeMembership(change.membership) }])
    this.out.push({ type: 'proposeAccepted', ref })
    this.broadcastAppend()
  }

  /** Thesis §3.10: bring the target up to date, then tell it to start an election at once. */
  private handleTransfer(ref: number, to: NodeId): void {
    if (to === this.id) {
      this.out.push({ type: 'proposeAccepted', ref })
      return
    }
    if (!isVoter(this.membership, to)) {
      this.out.push({ type: 'proposeFailed', ref, error: { code: 'DROPPED', reason: `${to} is not a voter` } })
      return
    }
    this.out.push({ type: 'proposeAccepted', ref })
    if (this.leadTransferee === to) return
    this.leadTransferee = to
    this.transferElapsed = 0
    this.timeoutNowSent = false
    const progress = this.progress.get(to)
    if (progress !== undefined && progress.match === this.log.lastIndex()) this.sendTimeoutNow(to)
    else this.maybeSendAppend(to, true)
  }

  // ---------------------------------------------------------------------------------------------
  // Client operations.

  private handlePropose(ref: number, payloads: readonly Payload[]): void {
    if (this.role !== 'leader') {
      this.out.push({ type: 'proposeFailed', ref, error: this.notLeaderError() })
      return
    }
    if (this.leadTransferee !== undefined) {
      // Thesis §3.10: stop accepting requests while leadership moves, or they could be lost.
      this.out.push({ type: 'proposeFailed', ref, error: { code: 'DROPPED', reason: 'leader transfer in progress' } })
      return
    }
    if (payloads.length > 0) {
      this.appendEntries(payloads.map(payload => ({ term: this.term, kind: 'app', payload })))
    }
    this.out.push({ type: 'proposeAccepted', ref })
    this.broadcastAppend()
  }

  /**
   * ReadIndex (thesis §6.4): the reads wait until this leader has committed an entry of its term,
   * then take the commit index as their read index, then wait for a quorum to answer a heartbeat
   * sent after they arrived (we were still leader then), then are served once the app has
   * applied up to the read index. Reads arriving while a round is out join the next round.
   */
  private handleRead(ref: number): void {
    if (this.role !== 'leader') {
      this.out.push({ type: 'readFailed', ref, error: this.notLeaderError() })
      return
    }
    this.waitingReads.push(ref)
    this.maybeStartReadRound()
  }

  private maybeStartReadRound(): void {
    if (this.role !== 'leader' || this.readRound !== undefined || this.waitingReads.length === 0) return
    if (this.log.term(this.commitIndex) !== this.term) return // our noop is not committed yet
    this.readRound = { context: ++this.readContext, index: this.commitIndex, refs: this.waitingReads }
    this.waitingReads = []
    this.broadcastHeartbeat()
    this.maybeConfirmReads()
  }

  private maybeConfirmReads(): void {
    const round = this.readRound
    if (round === undefined) return
    let acks = 0
    for (const voter of this.membership.voters) {
      if (voter === this.id || (this.progress.get(voter)?.readAck ?? 0) >= round.context) acks++
    }
    if (acks < quorumSize(this.membership)) return
    for (const ref of round.refs) this.out.push({ type: 'readReady', ref, index: round.index })
    this.readRound = undefined
    this.maybeStartReadRound()
  }

  // ---------------------------------------------------------------------------------------------
  // Host answers: persistence and snapshots.

  private handlePersisted(id: number): void {
    // Records are applied in id order, so this acknowledges every id up to `id`.
    if (id <= this.acknowledgedPersistId) return
    this.acknowledgedPersistId = Math.min(id, this.nextPersistId - 1)
    this.durability.acknowledge(this.acknowledgedPersistId)
    const ready = this.held.filter(send => send.afterId <= this.acknowledgedPersistId)
    this.held = this.held.filter(send => send.afterId > this.acknowledgedPersistId)
    for (const send of ready) this.out.push(send.effect)
    if (this.role === 'candidate' && this.selfVotePersistId !== undefined &&
      this.selfVotePersistId <= this.acknowledgedPersistId) {
      this.selfVotePersistId = undefined
      this.recordVote(this.id, true)
    }
    if (this.role === 'leader') this.maybeCommit()
  }

  /** The app's snapshot covers entries up to `index`: compact the log (paper §7). */
  private handleSnapshotTaken(index: number): void {
    if (index <= this.log.snapshotIndex || index > this.log.lastIndex()) return
    const term = this.log.term(index)
    if (term === undefined) return
    const { membership } = this.log.configAt(index)
    this.log.installSnapshot({ index, term, membership })
    // The app applied `index`, so it is committed even if this (restarted) core did not know yet.
    this.advanceCommit(index)
    this.emittedIndex = Math.max(this.emittedIndex, index)
    const id = this.persist({ type: 'snapshot', index, term, voters: membership.voters, learners: membership.learners })
    this.durability.write(id, this.log.lastIndex() + 1, index)
  }

  /**
   * The host installed a snapshot sent by `from` (paper §7, InstallSnapshot): adopt it if it is
   * ahead of our commit index, make it durable, then acknowledge so replication continues after it.
   */
  private handleSnapshotApplied(from: NodeId, index: number, metaBytes: Uint8Array): void {
    if (index <= this.commitIndex) {
      this.sendAfterPersist(from, this.appendResponse(true, this.commitIndex, 0, 0))
      return
    }
    const meta = decodeSnapshotMeta(metaBytes)
    const commitBefore = this.commitIndex
    const lastBefore = this.log.lastIndex()
    const keptSuffix = this.log.installSnapshot({ index, term: meta.term, membership: meta.membership })
    const id = this.persist({
      type: 'snapshot',
      index,
      term: meta.term,
      voters: meta.membership.voters,
      learners: meta.membership.learners
    })
    this.durability.write(id, keptSuffix ? lastBefore + 1 : commitBefore + 1, index)
    this.commitIndex = index
    this.emittedIndex = index
    this.refreshMembership()
    this.sendAfterPersist(from, this.appendResponse(true, index, 0, 0))
  }

  // ---------------------------------------------------------------------------------------------
  // Effects.

  private persist(record: RaftRecord): number {
    const id = this.nextPersistId++
    this.out.push({ type: 'persist', id, record })
    return id
  }

  /**
   * Term and vote changes are written once per step (or earlier, when a message must wait for
   * them): a step that raises the term and then votes persists one record, not two.
   */
  private flushHardState(): number | undefined {
    if (!this.hardStateDirty) return undefined
    this.hardStateDirty = false
    return this.persist(this.vote === undefined
      ? { type: 'hardState', term: this.term }
      : { type: 'hardState', term: this.term, vote: this.vote })
  }

  private send(to: NodeId, message: RaftMessage): void {
    this.out.push({ type: 'send', to, message })
  }

  /** Send once every persist emitted so far is durable (immediately if it already is). */
  private sendAfterPersist(to: NodeId, message: RaftMessage): void {
    this.flushHardState()
    const effect: RaftEffect = { type: 'send', to, message }
    const lastId = this.nextPersistId - 1
    if (lastId > this.acknowledgedPersistId) this.held.push({ afterId: lastId, effect })
    else this.out.push(effect)
  }

  /** The commit index is a hint worth keeping: a restarted node can hand those entries to its app at once. */
  private maybePersistCommit(): void {
    if (this.commitIndex <= this.persistedCommit) return
    this.persistedCommit = this.commitIndex
    this.persist({ type: 'commit', index: this.commitIndex })
  }

  /** Hand the app every committed entry that is durable here, in one contiguous batch. */
  private maybeEmitCommit(): void {
    const upTo = Math.min(this.commitIndex, this.durability.durableIndex, this.log.lastIndex())
    if (upTo <= this.emittedIndex) return
    const from = this.emittedIndex + 1
    const entries: CommittedEntry[] = this.log.slice(from, upTo).map((entry, offset) => ({
      index: from + offset,
      kind: entry.kind,
      payload: entry.payload
    }))
    this.emittedIndex = upTo
    this.out.push({
      type: 'commit',
      commit: {
        position: from,
        entries,
        certificate: { protocol: 'raft', epoch: this.term, signers: [], proof: new Uint8Array() }
      }
    })
  }

  private maybeReportStatus(): void {
    const { role, epoch, leader, members } = this.reported
    if (role === this.role && epoch === this.term && leader === this.leader && members === this.membership) return
    this.reported = this.status()
    this.out.push({ type: 'status', status: this.reported })
  }

  // ---------------------------------------------------------------------------------------------
  // Small helpers.

  private followerRole(): RaftRole {
    return isLearner(this.membership, this.id) ? 'learner' : 'follower'
  }

  private otherVoters(): NodeId[] {
    return this.membership.voters.filter(voter => voter !== this.id)
  }

  private notLeaderError(): CoreError {
    return this.leader !== undefined && this.leader !== this.id
      ? { code: 'NOT_LEADER', leader: this.leader }
      : { code: 'NO_LEADER' }
  }
}
