// The PBFT core: a pure state machine after Castro & Liskov, "Practical Byzantine Fault
// Tolerance" (OSDI 1999) and "Practical Byzantine Fault Tolerance and Proactive Recovery" (TOCS
// 2002), with signatures throughout (as in the OSDI paper), shaped like the Raft core
// (src/protocols/core.ts: step(input) -> effects, ticks as time, seeded Rng, no I/O).
//
// What is here: n = 3f + 1 replicas (any n works: quorums.ts), primary = view mod n; the normal
// case (§4.2): pre-prepare / prepare / commit with batches of requests per sequence number and
// the prepared and committed-local predicates; an optimistic fast path after Zyzzyva/SBFT
// (quorums.ts: its quorum and why a view change always recovers it), with commits sent on demand
// while it works (`holdOrSendCommit`); low/high watermarks and
// checkpoints every K sequences, stable with Q signed checkpoint messages, garbage collection
// (§4.3); the view change (§4.4) with request timers, signed view changes carrying the stable
// checkpoint proof and prepared certificates, a new-view that backups recompute before entering,
// exponential back-off, and joining a view that f + 1 replicas moved to; state transfer to a
// certified checkpoint and the log suffix after it; retransmission driven by status messages
// (status messages, as in Castro's thesis); reads ordered through the protocol.
//
// Messages and signing: messages.ts, signing.ts. Every message is signed; every signature the
// core relies on is verified, embedded ones included (certificates.ts, view-change.ts). A
// message that a correct replica would never send is dropped and reported as evidence.
//
// Persistence (src/protocols/core.ts, "Persistence"; records.ts): before a replica sends
// anything it could contradict after a crash, the state it follows from is durable:
// - a pre-prepare it issues (primary) or accepts (backup) before the pre-prepare or its prepare
//   leaves: it never issues or prepares two digests for one (view, sequence);
// - a prepared certificate before its commit leaves: view changes must report it;
// - its view change before it leaves (and it re-sends that same one); a new-view before it leaves
//   (primary) or before the prepares for its pre-prepares leave (backup);
// - its own votes count towards its own prepared / committed / fast predicates only once durable
//   (a vote that a crash could erase is not a vote the quorum arguments may rely on).
// Records nothing soon waits for are marked deferrable (the commit hint; the prepared certificate
// while commits are held on the fast path): the host writes them with the next record or at its
// next tick, so a fast-path sequence costs a replica one synced write, not up to three. The rules
// above are untouched: whatever waits for a record still waits for its acknowledgement.
// Checkpoint messages need nothing: they are a function of the agreed history.
//
// Checkpoints and the host (the additive contract in core.ts): the commit effect of every K-th
// sequence carries `checkpoint: true`. The host applies it, snapshots the app right after it
// (durably, keeping the latest ten), and steps `snapshotTaken { index, digest }` with the
// digest of the snapshot bytes; the core signs and broadcasts CHECKPOINT <seq, index, digest>.
// When Q agree the checkpoint is stable: the low watermark moves, the log below it is dropped,
// and (once the host's own snapshot of it is durable) a checkpoint record makes it the restart
// point. A replica whose stable checkpoint is ahead of what it executed and that makes no
// progress for a while fetches the snapshot from a signer of the certificate: its status
// reports `snapshotWanted { index, digest }`, the host installs a received snapshot only if its
// bytes hash to that digest, steps `snapshotApplied { from, index, meta, digest }`, and the core
// continues from there; the log suffix arrives as committed certificates.
//
// What a host must expect after a restart: the core is rebuilt from the acknowledged records.
// It starts at its last checkpoint record (the host's app must restore a snapshot at or after
// it: the host keeps the snapshots it reported) and emits commit effects again from there, as it
// relearns them: entries the app already applied come again, identical, and are skipped by index.
//
// Clients: `propose` works on any replica. The primary orders the requests; a backup sends them
// to the primary, and to every replica once they have waited a quarter of the request timeout (the
// others start their request timers, so a primary that censors a request is voted out: `submit`).
// A replica answers `proposeAccepted` at once; the commit effect is the outcome. Reads: each read
// waits for a read marker (a 'noop' request naming this replica and a nonce) that the replica
// proposes after the read arrived; once the marker executes at index i, `readReady { index: i }`.
// Every write acknowledged before the read arrived was executed by some replica before the marker
// was proposed, so it sits at an index below i (execution is in sequence order and a new view
// re-proposes everything committed): the read is linearizable without trusting any single
// replica. One marker is in flight per replica; reads arriving meanwhile share the next one.

import {
  assertNever,
  type CommittedEntry,
  type Core,
  type CoreConfig,
  type CoreFactory,
  type CoreStatus,
  type Crypto,
  type Effect,
  type Evidence,
  type Input,
  type NodeId,
  type Payload,
  type Rng
} from '../core.js'
import {
  checkCheckpointCertificate,
  checkCommittedCertificate,
  checkPrePrepare,
  GENESIS_CHECKPOINT,
  Validators
} from './certificates.js'
import type {
  Batch,
  Checkpoint,
  CheckpointCertificate,
  CommitVote,
  CommittedCertificate,
  FetchState,
  NewView,
  PbftMessage,
  PbftRequest,
  Prepare,
  PreparedCertificate,
  PrePrepare,
  StableCheckpoint,
  Status,
  ViewChange
} from './messages.js'
import type { CommittedRecord, PbftRecord } from './records.js'
import {
  bytesEqual,
  Digests,
  decodeCommitProof,
  decodeSnapshotMeta,
  encodeCommitProof,
  encodeSnapshotMeta,
  digestKey,
  sign,
  Verifier,
  type CommitPath
} from './signing.js'
import { carriedBatch, checkNewView, checkViewChange, planNewView, withoutBatch, withoutBodies, type NewViewPlan } from './view-change.js'

export interface PbftParams {
  /** K: a checkpoint every K sequence numbers (§4.3). */
  readonly checkpointInterval: number
  /** L: the high watermark is the low watermark (last stable checkpoint) + L. At least 2K. */
  readonly logWindow: number
  /** Requests per pre-prepare at most. */
  readonly maxBatch: number
  /**
   * Payload bytes per pre-prepare, past which it takes no further request (a single larger
   * request still goes alone): a pre-prepare, and the view changes and new-views that carry it,
   * must fit in the transport's frame.
   */
  readonly maxBatchBytes: number
  /** The primary keeps at most this many sequences issued but not executed; requests batch up meanwhile. */
  readonly maxInFlight: number
  /**
   * Batch bytes one view change or new-view carries at most; the batches past it go by digest.
   * With `maxInFlight` full batches in flight (8 x 256 KiB) a view change would not fit in a frame,
   * and one that cannot be sent is a view change that never completes.
   */
  readonly maxCarriedBytes: number
  /** T: the request timer and the view-change timer, in ticks, before back-off. */
  readonly viewChangeTicks: number
  /** The back-off doubles T per view change without progress, up to this. */
  readonly maxViewChangeTicks: number
  /** Status (retransmission) period while something is in progress, in ticks. */
  readonly retransmitTicks: number
  /** Status period when idle: lets a replica that fell behind notice. */
  readonly idleStatusTicks: number
  /** Behind the stable checkpoint without progress for this long: fetch the state. */
  readonly stateTransferTicks: number
  /** Take the optimistic fast path (quorums.ts). */
  readonly fastPath: boolean
  /**
   * Overrides the fast quorum. Only tests set it, to show that a smaller one (the 3-of-4 a
   * ceil(3n/4) rule gives) loses a fast-committed request in a view change.
   */
  readonly fastQuorum?: number
  /** Requests a replica keeps waiting at most; beyond it proposals fail. */
  readonly maxPendingRequests: number
  /** Used when CoreConfig.crypto is absent. */
  readonly crypto?: Crypto
}

export const defaultPbftParams: PbftParams = {
  checkpointInterval: 32,
  logWindow: 96,
  maxBatch: 64,
  maxBatchBytes: 256 * 1024,
  maxInFlight: 8,
  maxCarriedBytes: 512 * 1024,
  viewChangeTicks: 10,
  maxViewChangeTicks: 80,
  retransmitTicks: 3,
  idleStatusTicks: 10,
  stateTransferTicks: 6,
  fastPath: true,
  maxPendingRequests: 4096
}

export function resolvePbftParams(params: Partial<PbftParams> = {}): PbftParams {
  const resolved: PbftParams = { ...defaultPbftParams, ...params }
  const positive: (keyof PbftParams)[] = [
    'checkpointInterval', 'logWindow', 'maxBatch', 'maxBatchBytes', 'maxInFlight', 'maxCarriedBytes', 'viewChangeTicks', 'maxViewChangeTicks',
    'retransmitTicks', 'idleStatusTicks', 'stateTransferTicks', 'maxPendingRequests'
  ]
  for (const key of positive) {
    const value = resolved[key]
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new Error(`pbft params: ${key} must be a positive integer, got ${String(value)}`)
  }
  if (resolved.logWindow < 2 * resolved.checkpointInterval) throw new Error('pbft params: logWindow must be at least 2 x checkpointInterval')
  if (resolved.maxViewChangeTicks < resolved.viewChangeTicks) throw new Error('pbft params: maxViewChangeTicks must be at least viewChangeTicks')
  return resolved
}

/** Builds PBFT cores; pass to the simulator or a protocol actor. */
export function createPbftCore(params: Partial<PbftParams> = {}): CoreFactory<PbftMessage, PbftRecord> {
  const resolved = resolvePbftParams(params)
  return (config, persisted) => new PbftCore(config, persisted, resolved)
}

type PbftEffect = Effect<PbftMessage, PbftRecord>

/** Votes for one (view, digest) at one sequence. */
interface Votes {
  readonly prepares: Map<NodeId, Prepare>
  readonly commits: Map<NodeId, CommitVote>
}

interface Committed {
  readonly prePrepare: PrePrepare
  readonly path: CommitPath
  readonly signers: readonly NodeId[]
  readonly proof: Uint8Array
  /** The votes that prove it, for committed certificates sent to replicas that missed them. */
  readonly commits: readonly CommitVote[]
  readonly prepares: readonly Prepare[]
}

/** One sequence number's log entry. */
interface Slot {
  readonly seq: number
  /** The latest pre-prepare this replica accepted for the sequence (any view). */
  accepted: PrePrepare | undefined
  /** `accepted` is durable here (this replica's own vote for it may count). */
  acceptedDurable: boolean
  /** When `accepted` was set, in ticks (retransmission waits a little). */
  acceptedAt: number
  /** The highest-view prepared certificate. */
  prepared: PreparedCertificate | undefined
  /** Our commit for `prepared` is durable-backed and counted. */
  committed: Committed | undefined
  /** Our commit, signed and counted but not sent: see `holdOrSendCommit`. */
  heldCommit: CommitVote | undefined
  /** Votes by view (>= the current one), then by digest key. */
  readonly votes: Map<number, Map<string, Votes>>
  /** Each signer's latest prepare and commit (view, digest key): a second, different one in that view is a double vote. */
  readonly voted: Map<NodeId, VoteMemory>
}

interface VoteMemory {
  prepareView: number
  prepare: string
  commitView: number
  commit: string
}

interface PendingRequest {
  readonly request: PbftRequest
  /** Tick it arrived. */
  readonly since: number
  /** Tick it was last sent to the primary. */
  sentAt: number
  /** Ours, and so far sent to the primary alone (`submit`). */
  primaryOnly: boolean
}

interface ReadRound {
  readonly marker: string
  readonly refs: readonly number[]
}

/** An action held until the persist with id `afterId` (and every one before it) is durable. */
interface Held {
  readonly afterId: number
  readonly run: () => void
}

const EMPTY = new Uint8Array()
/** Checkpoints (unstable votes, and app snapshots held) a replica keeps at most. */
const MAX_CHECKPOINTS = 10
/** Executed request digests remembered, so a late duplicate of a request does not restart a timer. */
const RECENT_REQUESTS = 4096
/** Pre-prepares of a view not yet entered, kept until the new-view arrives. */
const MAX_FUTURE_PREPREPARES = 256
/** Committed certificates or own votes sent in answer to one status message. */
const MAX_RETRANSMIT = 32

export class PbftCore implements Core<PbftMessage, PbftRecord> {
  readonly id: NodeId
  protected readonly params: PbftParams
  private readonly rng: Rng
  private readonly validators: Validators
  private readonly digests: Digests
  /** The digest of the empty batch (a null request). */
  private readonly nullDigest: Uint8Array

  // View.
  private view = 0
  /** In a view change: `view` is the view we are moving to, and its new-view has not arrived. */
  private changing = false
  /** The last sequence to commit here did so on the fast path, or none has failed to (`holdOrSendCommit`). */
  private fastPathWorking = true
  private ownViewChange: ViewChange | undefined
  /** The new-view of the latest view we entered (undefined before view 1): re-sent to replicas behind. */
  private newViewMessage: NewView | undefined
  /** View changes by target view and sender, for views >= ours. */
  private readonly viewChanges = new Map<number, Map<NodeId, ViewChange>>()
  /** View changes started by a timer since the last executed request: the back-off exponent. */
  private backoff = 0
  private viewChangeElapsed = 0
  /**
   * The request timer (§4.4) times one waiting request at a time, the oldest: `timerStart` is the
   * tick it started. It restarts when that request executes and others still wait, and when a
   * view begins; other requests executing do not restart it, so a primary that orders everyone's
   * requests but one client's is still voted out.
   */
  private timedRequest: string | undefined
  private timerStart = 0

  // Log.
  private readonly slots = new Map<number, Slot>()
  /** The latest stable checkpoint this replica knows (with proof): the low watermark h. */
  private stable: CheckpointCertificate = GENESIS_CHECKPOINT
  /** The checkpoint the host holds a durable snapshot of and the records name: the restart point. */
  private base: { seq: number; index: number } = { seq: 0, index: 0 }
  private executed = 0
  private executedIndex = 0
  /** Checkpoint votes above the stable one, by sequence. */
  private readonly checkpointVotes = new Map<number, Map<NodeId, Checkpoint>>()
  /** Snapshots the host reported (own checkpoints, or installed by state transfer), by sequence. */
  private readonly snapshots = new Map<number, { index: number; stateDigest: Uint8Array }>()
  /** Our own checkpoint messages above the stable checkpoint, re-sent to replicas behind (they may have been lost). */
  private readonly ownCheckpoints = new Map<number, Checkpoint>()
  /** Checkpoint commits awaiting the host's snapshotTaken: log index -> sequence. */
  private readonly checkpointAt = new Map<number, number>()

  // Primary.
  private nextSeq = 1
  /** Requests (by digest hex) in a pre-prepare of the current view that have not executed. */
  private readonly assigned = new Set<string>()
  private readonly futurePrePrepares: PrePrepare[] = []

  // Requests and reads.
  private readonly pending = new Map<string, PendingRequest>()
  /** Request digest -> tick it executed, for the latest RECENT_REQUESTS. */
  private readonly recentlyExecuted = new Map<string, number>()
  private readRound: ReadRound | undefined
  private waitingReads: number[] = []
  private readonly readNonce: number
  private readCounter = 0

  // State transfer and retransmission.
  private lagElapsed = 0
  private fetchAttempt = 0
  /** The stable checkpoint whose state we asked for, and what the host must check a snapshot against. */
  private wanted: CheckpointCertificate | undefined
  private snapshotWanted: { readonly index: number; readonly digest: Uint8Array } | undefined
  private statusElapsed = 0
  /** A message above our high watermark arrived: others have moved on; ask (status) on the next tick. */
  private behind = false
  private ticks = 0
  /** Last tick a view change or new-view was re-sent to a peer (rate limit). */
  private readonly resentViewTo = new Map<NodeId, number>()

  private readonly reportedEvidence = new Set<string>()

  // Persistence bookkeeping.
  private nextPersistId: number
  private acknowledgedPersistId: number
  private held: Held[] = []

  private out: PbftEffect[] = []
  private reported: CoreStatus

  constructor(config: CoreConfig, persisted: readonly PbftRecord[], params: Partial<PbftParams> = {}) {
    this.params = resolvePbftParams(params)
    this.id = config.id
    this.rng = config.rng
    const crypto = config.crypto ?? this.params.crypto
    if (crypto === undefined) throw new Error('pbft: CoreConfig.crypto is required (signatures and digests)')
    this.digests = new Digests(crypto)
    this.nullDigest = this.digests.batch([])
    this.validators = new Validators(config.voters, this.params.logWindow, new Verifier(this.digests), this.params.fastQuorum)
    if (!this.validators.isVoter(this.id)) throw new Error(`pbft: ${this.id} is not a validator`)
    this.readNonce = this.rng.int(0, 2 ** 31 - 1)
    this.restore(persisted)
    this.nextPersistId = persisted.length + 1
    this.acknowledgedPersistId = persisted.length
    this.reported = this.status()
  }

  status(): CoreStatus {
    const primary = this.validators.primary(this.view)
    const base: CoreStatus = {
      role: this.changing ? 'replica' : primary === this.id ? 'primary' : 'backup',
      epoch: this.view,
      leader: this.changing ? undefined : primary,
      commitIndex: this.executedIndex,
      members: { voters: this.validators.voters, learners: [] }
    }
    return this.snapshotWanted === undefined ? base : { ...base, snapshotWanted: this.snapshotWanted }
  }

  /** Watermarks and log sizes, for tests and status pages. */
  describe(): { view: number; changing: boolean; lowWatermark: number; highWatermark: number; executed: number; executedIndex: number; slots: number; checkpoints: number; pending: number; base: number } {
    return {
      view: this.view,
      changing: this.changing,
      lowWatermark: this.stable.seq,
      highWatermark: this.stable.seq + this.params.logWindow,
      executed: this.executed,
      executedIndex: this.executedIndex,
      slots: this.slots.size,
      checkpoints: this.checkpointVotes.size,
      pending: this.pending.size,
      base: this.base.seq
    }
  }

  step(input: Input<PbftMessage>): PbftEffect[] {
    this.out = []
    switch (input.type) {
      case 'tick': this.tick(); break
      case 'message': this.handleMessage(input.from, input.message); break
      case 'propose': this.handlePropose(input.ref, input.payloads); break
      case 'persisted': this.handlePersisted(input.id); break
      case 'snapshotTaken': this.handleSnapshotTaken(input.index, input.digest); break
      case 'snapshotApplied': this.handleSnapshotApplied(input.from, input.index, input.meta, input.digest); break
      case 'read': this.handleRead(input.ref); break
      case 'admin':
        this.out.push({ type: 'proposeFailed', ref: input.ref, error: { code: 'DROPPED', reason: 'pbft: the validator set is fixed by the genesis' } })
        break
      default: assertNever(input)
    }
    this.maybeExecute()
    this.maybeOrder()
    this.maybeStartReadRound()
    this.maybeReportStatus()
    const effects = this.out
    this.out = []
    return effects
  }

  // ---------------------------------------------------------------------------------------------
  // Rebuilding from records.

  private restore(persisted: readonly PbftRecord[]): void {
    for (const record of persisted) {
      switch (record.type) {
        case 'checkpoint':
          if (record.certificate.seq > this.base.seq) {
            this.base = { seq: record.certificate.seq, index: record.certificate.index }
            this.snapshots.set(record.certificate.seq, { index: record.certificate.index, stateDigest: record.certificate.stateDigest })
          }
          if (record.certificate.seq > this.stable.seq) this.stable = record.certificate
          break
        case 'viewChange':
          if (record.viewChange.view > this.view || (record.viewChange.view === this.view && this.changing)) {
            this.view = record.viewChange.view
            this.changing = true
            this.ownViewChange = record.viewChange
          }
          break
        case 'newView':
          if (record.newView.view >= this.view) {
            this.view = record.newView.view
            this.changing = false
            this.ownViewChange = undefined
            this.newViewMessage = record.newView
            for (const prePrepare of record.newView.prePrepares) this.restoreAccepted(prePrepare)
          }
          break
        case 'prePrepare':
          this.restoreAccepted(record.prePrepare)
          break
        case 'prepared': {
          const slot = this.slotAt(record.certificate.prePrepare.seq)
          if (slot.prepared === undefined || record.certificate.prePrepare.view > slot.prepared.prePrepare.view) slot.prepared = record.certificate
          break
        }
        case 'committed': {
          const slot = this.slotAt(record.prePrepare.seq)
          slot.committed ??= committedFromHint(record)
          break
        }
        default:
          assertNever(record)
      }
    }
    this.executed = this.base.seq
    this.executedIndex = this.base.index
    for (const seq of [...this.slots.keys()]) if (seq <= this.base.seq) this.slots.delete(seq)
    if (this.ownViewChange !== undefined) this.viewChangesFor(this.view).set(this.id, this.ownViewChange)
    // Our votes of this view were sent before the crash (their records are durable): count them again.
    let lastIssued = Math.max(this.executed, this.stable.seq)
    for (const slot of this.slots.values()) {
      const accepted = slot.accepted
      if (accepted === undefined || accepted.view !== this.view) continue
      lastIssued = Math.max(lastIssued, slot.seq)
      if (this.changing) continue
      for (const request of accepted.batch) this.assigned.add(this.requestKey(request))
      if (this.validators.primary(this.view) !== this.id) this.recordVote(slot, this.signPrepare(accepted))
      if (slot.prepared?.prePrepare.view === this.view) this.recordVote(slot, this.signCommit(accepted))
    }
    this.nextSeq = lastIssued + 1
  }

  private restoreAccepted(prePrepare: PrePrepare): void {
    const slot = this.slotAt(prePrepare.seq)
    if (slot.accepted !== undefined && slot.accepted.view > prePrepare.view) return
    slot.accepted = prePrepare
    slot.acceptedDurable = true
  }

  // ---------------------------------------------------------------------------------------------
  // Messages: who may send what, then the handler.

  private handleMessage(from: NodeId, message: PbftMessage): void {
    if (from === this.id) return
    if (!this.validators.isVoter(from)) {
      this.evidence('invalid-message', from, `${message.type} from a node that is not a validator`)
      return
    }
    // Messages are signed by their sender; a few are relayed whole (they prove themselves).
    const relayable = message.type === 'newView' || message.type === 'viewChange' || message.type === 'checkpoint'
    if (message.signer !== from && !relayable) {
      // Another replica's genuine message passed off as the sender's own is a replay; one in
      // another's name that does not verify is a forgery.
      const genuine = this.validators.isVoter(message.signer) && this.validators.verifier.verify(message, false)
      this.evidence(genuine ? 'replay' : 'invalid-signature', from, `sent a ${message.type} in the name of ${message.signer}${genuine ? '' : ', with a forged signature'}`)
      return
    }
    // Votes are the bulk of the traffic and rarely seen again: not worth remembering one by one.
    const remember = message.type !== 'prepare' && message.type !== 'commit' && message.type !== 'status' && message.type !== 'request'
    if (!this.validators.isVoter(message.signer) || !this.validators.verifier.verify(message, remember)) {
      this.evidence('invalid-signature', from, `${message.type} with a bad signature (signer ${message.signer})`)
      return
    }
    switch (message.type) {
      case 'request': this.handleRequest(message.requests); return
      case 'prePrepare': this.handlePrePrepare(from, message); return
      case 'prepare': this.handlePrepare(message); return
      case 'commit': this.handleCommit(message); return
      case 'checkpoint': this.handleCheckpoint(message); return
      case 'viewChange': this.handleViewChange(message); return
      case 'newView': this.handleNewView(message); return
      case 'status': this.handleStatus(from, message); return
      case 'fetchState': this.handleFetchState(from, message); return
      case 'committed': this.handleCommitted(from, message); return
      case 'stableCheckpoint': this.handleStableCheckpoint(from, message); return
      default: assertNever(message)
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Clients: proposals, forwarded requests, reads.

  private handlePropose(ref: number, payloads: readonly Payload[]): void {
    const requests: PbftRequest[] = payloads.map((payload) => ({ kind: 'app', payload }))
    if (this.pending.size + requests.length > this.params.maxPendingRequests) {
      this.out.push({ type: 'proposeFailed', ref, error: { code: 'DROPPED', reason: 'pbft: too many requests waiting' } })
      return
    }
    this.submit(requests)
    this.out.push({ type: 'proposeAccepted', ref })
  }

  /**
   * Our own requests (client proposals, read markers): ordered by us, or sent to the primary.
   * Only the primary needs a request to order it; the other backups learn it from the
   * pre-prepare, and relaying it to them as well cost each sequence up to (n - 1)(n - 2) frames
   * more, each sent, received and verified. A request still waiting at a quarter of the request
   * timeout goes to every replica (`announceStalled`), so that their request timers run too and a
   * primary that censors it is voted out by them all, as a PBFT client's retransmission to every
   * replica does (§4.4). The others' timers thus start up to T/4 late: when one replica alone has
   * requests and the primary fails, the view change comes after 1.25 T instead of T.
   */
  private submit(requests: Batch): void {
    const fresh = requests.filter((request) => this.addPending(request, true))
    if (fresh.length === 0 || this.isPrimary()) return
    this.send(this.validators.primary(this.view), sign({ type: 'request', requests: fresh }, this.id, this.digests))
  }

  /** Our requests waiting for a quarter of the request timeout go to every replica (`submit`). */
  private announceStalled(): void {
    // A primary's own requests wait for room in the pipeline. Should it lose the view, they go to
    // the new primary (`resendPending`) and, if they wait there, to everyone from here.
    if (this.isPrimary()) return
    let requests: PbftRequest[] = []
    let bytes = 0
    for (const pending of this.pending.values()) {
      if (this.ticks - pending.since < this.params.viewChangeTicks / 4) break // arrival order: the rest are younger
      if (!pending.primaryOnly) continue
      pending.primaryOnly = false
      if (requests.length > 0 && bytes + pending.request.payload.length > this.params.maxBatchBytes) {
        this.broadcast(sign({ type: 'request', requests }, this.id, this.digests))
        requests = []
        bytes = 0
      }
      requests.push(pending.request)
      bytes += pending.request.payload.length
    }
    if (requests.length > 0) this.broadcast(sign({ type: 'request', requests }, this.id, this.digests))
  }

  /** A request forwarded by another replica. */
  private handleRequest(requests: Batch): void {
    for (const request of requests) {
      if (request === null || typeof request !== 'object' || !(request.payload instanceof Uint8Array)) return
      // A late copy of a request we executed must not start a timer. The primary orders it again
      // unless it executed it just now (a duplicate in the network): a client that retries at a
      // backup waits for an outcome, and the app answers a repeated request once.
      const executedAt = this.recentlyExecuted.get(this.requestKey(request))
      if (executedAt !== undefined && (!this.isPrimary() || this.ticks - executedAt <= 2 * this.params.retransmitTicks)) continue
      this.addPending(request, false)
    }
  }

  /** Returns whether the request is new here. */
  private addPending(request: PbftRequest, local: boolean): boolean {
    const key = this.requestKey(request)
    if (this.pending.has(key)) return false
    if (this.pending.size >= this.params.maxPendingRequests && !local) return false
    if (this.pending.size === 0 && !this.changing) {
      this.timedRequest = key // the request timer starts (§4.4)
      this.timerStart = this.ticks
    }
    this.pending.set(key, { request, since: this.ticks, sentAt: this.ticks, primaryOnly: local })
    return true
  }

  private handleRead(ref: number): void {
    this.waitingReads.push(ref)
    this.maybeStartReadRound()
  }

  private maybeStartReadRound(): void {
    if (this.readRound !== undefined || this.waitingReads.length === 0) return
    const marker: PbftRequest = { kind: 'noop', payload: new TextEncoder().encode(`read:${this.id}:${this.readNonce}:${++this.readCounter}`) }
    this.readRound = { marker: this.requestKey(marker), refs: this.waitingReads }
    this.waitingReads = []
    this.submit([marker])
  }

  // ---------------------------------------------------------------------------------------------
  // Normal case (§4.2).

  /**
   * The primary issues pre-prepares for waiting requests while the window and pipeline allow. A
   * partial batch waits while another sequence is in flight: every sequence costs each replica
   * the same signatures, votes and records whatever its size, so under load fewer, fuller batches
   * are what lets the replicas keep up (measured: 4 nodes on 2 cores, 64 clients, ~1.6x the
   * throughput of issuing at once). A full batch, or the first one, goes at once.
   */
  private maybeOrder(): void {
    if (!this.isPrimary()) return
    for (;;) {
      const inFlight = this.nextSeq - 1 - this.executed
      if (this.nextSeq > this.stable.seq + this.params.logWindow || inFlight >= this.params.maxInFlight) return
      const batch: PbftRequest[] = []
      let bytes = 0
      let full = false
      for (const [key, pending] of this.pending) {
        if (this.assigned.has(key)) continue
        const size = pending.request.payload.length
        if (batch.length > 0 && bytes + size > this.params.maxBatchBytes) {
          full = true
          break
        }
        batch.push(pending.request)
        bytes += size
        if (batch.length >= this.params.maxBatch) {
          full = true
          break
        }
      }
      if (batch.length === 0 || (inFlight > 0 && !full)) return
      const prePrepare = sign({ type: 'prePrepare', view: this.view, seq: this.nextSeq++, digest: this.digests.batch(batch), batch }, this.id, this.digests)
      this.accept(prePrepare, true)
    }
  }

  private handlePrePrepare(from: NodeId, prePrepare: PrePrepare): void {
    if (prePrepare.view < this.view) return
    const check = checkPrePrepare(prePrepare, this.validators)
    if (!check.ok) {
      this.evidence(check.kind === 'invalid-message' ? 'invalid-proposal' : check.kind, from, check.detail)
      return
    }
    if (prePrepare.view > this.view || this.changing) {
      // Its new-view has not reached us yet (messages overtake each other): keep it for then.
      if (prePrepare.view <= this.view + 1 && this.futurePrePrepares.length < MAX_FUTURE_PREPREPARES) this.futurePrePrepares.push(prePrepare)
      return
    }
    if (!this.inWindow(prePrepare.seq)) {
      this.noteBeyondWindow(prePrepare.seq)
      return // outside the watermarks: we are behind, or it is stale
    }
    this.accept(prePrepare, true)
  }

  /**
   * Accept a pre-prepare of the current view (issued by us, sent by the primary, or re-issued in
   * a new-view whose record covers it when `persist` is false), and vote for it once durable.
   */
  private accept(prePrepare: PrePrepare, persist: boolean): void {
    const slot = this.slotAt(prePrepare.seq)
    const known = slot.accepted
    if (known !== undefined && known.view === prePrepare.view) {
      if (!bytesEqual(known.digest, prePrepare.digest)) {
        this.evidence('equivocation', prePrepare.signer, `two pre-prepares for (${prePrepare.view}, ${prePrepare.seq})`)
      }
      return
    }
    if (known !== undefined && known.view > prePrepare.view) return
    if (slot.committed !== undefined && !bytesEqual(slot.committed.prePrepare.digest, prePrepare.digest)) {
      // Committed in an earlier view, a correct primary would have re-proposed it. Committed in a
      // later view (we learned it from a certificate), this view is stale: ignore it, blame no one.
      if (slot.committed.prePrepare.view < prePrepare.view) {
        this.evidence('invalid-proposal', prePrepare.signer, `pre-prepare (${prePrepare.view}, ${prePrepare.seq}) contradicts a request committed in view ${slot.committed.prePrepare.view}`)
      }
      return
    }
    slot.accepted = prePrepare
    slot.acceptedDurable = false
    slot.acceptedAt = this.ticks
    if (prePrepare.seq > this.executed) {
      for (const request of prePrepare.batch) {
        // Ordered in this view: the primary does not order it again while it is in flight.
        this.assigned.add(this.requestKey(request))
        // A replica that accepted a pre-prepare waits for its requests: its request timer runs
        // (a primary that stalls after the pre-prepare is voted out like one that censors).
        this.addPending(request, false)
      }
    }
    if (persist) this.persist({ type: 'prePrepare', prePrepare })
    const primary = this.validators.primary(prePrepare.view)
    this.afterPersist(() => {
      if (slot.accepted !== prePrepare) return
      slot.acceptedDurable = true
      if (primary === this.id) {
        if (persist) this.broadcast(prePrepare)
      } else {
        const prepare = this.signPrepare(prePrepare)
        this.recordVote(slot, prepare)
        this.broadcast(prepare)
      }
      this.checkSlot(slot)
    })
  }

  private handlePrepare(prepare: Prepare): void {
    this.noteBeyondWindow(prepare.seq)
    if (prepare.view < this.view || prepare.view > this.view + 1 || !this.inWindow(prepare.seq)) return
    if (prepare.signer === this.validators.primary(prepare.view)) {
      this.evidence('invalid-message', prepare.signer, `the primary of view ${prepare.view} sent a prepare`)
      return
    }
    const slot = this.slotAt(prepare.seq)
    if (slot.committed !== undefined && slot.prepared?.prePrepare.view === this.view) return
    if (this.recordVote(slot, prepare)) this.checkSlot(slot)
  }

  private handleCommit(commit: CommitVote): void {
    this.noteBeyondWindow(commit.seq)
    if (commit.view < this.view || commit.view > this.view + 1 || !this.inWindow(commit.seq)) return
    const slot = this.slotAt(commit.seq)
    if (!this.recordVote(slot, commit)) return
    const held = slot.heldCommit
    if (held !== undefined && held.view === commit.view && bytesEqual(held.digest, commit.digest)) this.answerCommitters(slot, held, [commit.signer])
    if (slot.committed === undefined) this.checkSlot(slot)
  }

  /**
   * Commits on demand. A replica that commits on the fast path has all n votes, and when every
   * replica does, the commit phase and its n(n - 1) messages serve nobody. So while the fast path
   * works here, a replica whose prepared certificate is durable holds its commit (signed and
   * counted like a sent one) instead of broadcasting it, and sends it:
   * - to each replica whose own commit arrives, which shows it is on the commit phase and needs
   *   Q commits; broadcast, if this replica has not committed either;
   * - to everyone at the next tick if the sequence has not committed by then. The fast path then
   *   counts as failing here, and commits go out at once until a sequence commits fast again
   *   (a silent replica costs one tick, not one tick per sequence).
   * Safety is untouched: votes withheld can only commit less, and view changes use prepared
   * certificates and pre-prepares, never commits.
   */
  private holdOrSendCommit(slot: Slot, commit: CommitVote): void {
    if (!this.params.fastPath || !this.fastPathWorking) {
      this.broadcast(commit)
      return
    }
    slot.heldCommit = commit
    const others = [...(slot.votes.get(commit.view)?.get(digestKey(commit.digest))?.commits.keys() ?? [])].filter((signer) => signer !== this.id)
    this.answerCommitters(slot, commit, others)
  }

  /**
   * Replicas whose commits arrived are on the commit phase and need our held commit: it goes to
   * them if this replica has committed, else to everyone (we still wait too, so others may).
   */
  private answerCommitters(slot: Slot, held: CommitVote, committers: readonly NodeId[]): void {
    if (committers.length === 0) return
    if (slot.committed !== undefined) for (const signer of committers) this.send(signer, held)
    else this.releaseCommit(slot)
  }

  private releaseCommit(slot: Slot): void {
    const held = slot.heldCommit
    if (held === undefined) return
    slot.heldCommit = undefined
    this.broadcast(held)
  }

  /** Store a vote; a second, different vote of one replica for one (view, sequence) is evidence. Returns whether it is new. */
  private recordVote(slot: Slot, vote: Prepare | CommitVote): boolean {
    const key = digestKey(vote.digest)
    let memory = slot.voted.get(vote.signer)
    if (memory === undefined) slot.voted.set(vote.signer, (memory = { prepareView: -1, prepare: '', commitView: -1, commit: '' }))
    if (vote.type === 'prepare') {
      if (memory.prepareView === vote.view) {
        if (memory.prepare !== key) this.evidence('double-vote', vote.signer, `two prepares for (${vote.view}, ${slot.seq})`)
        return false
      }
      if (memory.prepareView > vote.view) return false
      memory.prepareView = vote.view
      memory.prepare = key
    } else {
      if (memory.commitView === vote.view) {
        if (memory.commit !== key) this.evidence('double-vote', vote.signer, `two commits for (${vote.view}, ${slot.seq})`)
        return false
      }
      if (memory.commitView > vote.view) return false
      memory.commitView = vote.view
      memory.commit = key
    }
    const votes = this.votesFor(slot, vote.view, key)
    if (vote.type === 'prepare') votes.prepares.set(vote.signer, vote)
    else votes.commits.set(vote.signer, vote)
    return true
  }

  private votesFor(slot: Slot, view: number, key: string): Votes {
    let byDigest = slot.votes.get(view)
    if (byDigest === undefined) slot.votes.set(view, (byDigest = new Map()))
    let votes = byDigest.get(key)
    if (votes === undefined) byDigest.set(key, (votes = { prepares: new Map(), commits: new Map() }))
    return votes
  }

  /** The predicates of §4.2 and the fast path, for the pre-prepare accepted in the current view. */
  private checkSlot(slot: Slot): void {
    const prePrepare = slot.accepted
    if (prePrepare === undefined || prePrepare.view !== this.view || this.changing || !slot.acceptedDurable) return
    const votes = slot.votes.get(prePrepare.view)?.get(digestKey(prePrepare.digest))
    if (votes === undefined) return
    const { quorum, fastQuorum } = this.validators
    // prepared: the pre-prepare and Q - 1 prepares from distinct backups (our own counts once durable).
    if ((slot.prepared === undefined || slot.prepared.prePrepare.view < prePrepare.view) && votes.prepares.size >= quorum - 1) {
      const prepares = [...votes.prepares.values()].slice(0, quorum - 1)
      const certificate: PreparedCertificate = { prePrepare, prepares }
      slot.prepared = certificate
      // While the fast path works the commit this record allows is held, not sent (holdOrSendCommit).
      this.persist({ type: 'prepared', certificate }, this.params.fastPath && this.fastPathWorking)
      const commit = this.signCommit(prePrepare)
      this.afterPersist(() => {
        if (slot.prepared !== certificate) return
        this.recordVote(slot, commit)
        this.holdOrSendCommit(slot, commit)
        this.checkSlot(slot)
      })
    }
    if (slot.committed !== undefined) return
    // The fast path: every vote of a fast quorum (the pre-prepare is the primary's).
    if (this.params.fastPath && votes.prepares.size + 1 >= fastQuorum && votes.prepares.size + 1 >= quorum) {
      const prepares = [...votes.prepares.values()].slice(0, fastQuorum - 1)
      this.fastPathWorking = true
      this.commitSlot(slot, {
        prePrepare,
        path: 'fast',
        signers: [prePrepare.signer, ...prepares.map((p) => p.signer)],
        proof: encodeCommitProof('fast', prePrepare.view, slot.seq, prePrepare.digest, [prePrepare.signature, ...prepares.map((p) => p.signature)]),
        commits: [],
        prepares
      })
      return
    }
    // committed-local: prepared and Q commits.
    if (slot.prepared?.prePrepare.view === prePrepare.view && votes.commits.size >= quorum) {
      const commits = [...votes.commits.values()].slice(0, quorum)
      this.commitSlot(slot, {
        prePrepare,
        path: 'slow',
        signers: commits.map((c) => c.signer),
        proof: encodeCommitProof('slow', prePrepare.view, slot.seq, prePrepare.digest, commits.map((c) => c.signature)),
        commits,
        prepares: []
      })
    }
  }

  private commitSlot(slot: Slot, committed: Committed): void {
    slot.committed = committed
    // A hint: nothing waits for it (records.ts).
    this.persist({ type: 'committed', prePrepare: committed.prePrepare, signers: committed.signers, proof: committed.proof }, true)
  }

  /** Execute committed sequences in order (§4.2): one commit effect per sequence. */
  private maybeExecute(): void {
    for (;;) {
      const slot = this.slots.get(this.executed + 1)
      const committed = slot?.committed
      if (slot === undefined || committed === undefined) return
      if (!this.hasBatch(committed.prePrepare)) {
        // Committed by digest (a new-view sent it without the batch, and a restart lost ours):
        // execute once the batch is here, from our log or a committed certificate.
        const prePrepare = this.withBatch(committed.prePrepare)
        if (prePrepare === undefined || !this.hasBatch(prePrepare)) return
        slot.committed = { ...committed, prePrepare }
      }
      this.execute(slot.seq, slot.committed!)
    }
  }

  private execute(seq: number, committed: Committed): void {
    const batch = committed.prePrepare.batch
    const position = this.executedIndex + 1
    const entries: CommittedEntry[] = batch.length === 0
      ? [{ index: position, kind: 'noop', payload: EMPTY }]
      : batch.map((request, offset) => ({ index: position + offset, kind: request.kind, payload: request.payload }))
    this.executed = seq
    this.executedIndex += entries.length
    this.lagElapsed = 0
    if (seq <= this.stable.seq) this.slots.delete(seq)
    const checkpoint = seq % this.params.checkpointInterval === 0
    if (checkpoint) this.checkpointAt.set(this.executedIndex, seq)
    this.out.push({
      type: 'commit',
      commit: { position, entries, certificate: { protocol: 'pbft', epoch: committed.prePrepare.view, signers: committed.signers, proof: committed.proof } },
      ...(checkpoint ? { checkpoint: true } : {})
    })
    let progress = false
    batch.forEach((request, offset) => {
      const key = this.requestKey(request)
      this.assigned.delete(key)
      if (this.pending.delete(key)) progress = true
      this.recentlyExecuted.delete(key)
      this.recentlyExecuted.set(key, this.ticks)
      if (this.recentlyExecuted.size > RECENT_REQUESTS) this.recentlyExecuted.delete(this.recentlyExecuted.keys().next().value!)
      if (this.readRound?.marker === key) {
        for (const ref of this.readRound.refs) this.out.push({ type: 'readReady', ref, index: position + offset })
        this.readRound = undefined
      }
    })
    // Progress ends the back-off (§4.5.2).
    if (progress) this.backoff = 0
  }

  // ---------------------------------------------------------------------------------------------
  // Checkpoints, garbage collection (§4.3), state transfer (the TOCS paper's, to a certified checkpoint).

  private handleSnapshotTaken(index: number, digest: Uint8Array | undefined): void {
    const seq = this.checkpointAt.get(index)
    if (seq === undefined || digest === undefined) return
    this.checkpointAt.delete(index)
    this.rememberSnapshot(seq, index, digest)
    if (seq > this.stable.seq) {
      const checkpoint = sign({ type: 'checkpoint', seq, index, stateDigest: digest }, this.id, this.digests)
      this.ownCheckpoints.set(seq, checkpoint)
      this.broadcast(checkpoint)
      this.recordCheckpoint(checkpoint)
    }
    this.maybeAdvanceBase()
  }

  private handleCheckpoint(checkpoint: Checkpoint): void {
    if (checkpoint.seq <= this.stable.seq || checkpoint.seq % this.params.checkpointInterval !== 0) return
    this.recordCheckpoint(checkpoint)
  }

  private recordCheckpoint(checkpoint: Checkpoint): void {
    if (checkpoint.seq <= this.stable.seq) return
    let votes = this.checkpointVotes.get(checkpoint.seq)
    if (votes === undefined) {
      if (this.checkpointVotes.size >= MAX_CHECKPOINTS) {
        const lowest = Math.min(...this.checkpointVotes.keys())
        if (lowest > checkpoint.seq) return
        this.checkpointVotes.delete(lowest)
      }
      this.checkpointVotes.set(checkpoint.seq, (votes = new Map()))
    }
    const earlier = votes.get(checkpoint.signer)
    if (earlier !== undefined) {
      if (earlier.index !== checkpoint.index || !bytesEqual(earlier.stateDigest, checkpoint.stateDigest)) {
        this.evidence('double-vote', checkpoint.signer, `two checkpoints for sequence ${checkpoint.seq}`)
      }
      return
    }
    votes.set(checkpoint.signer, checkpoint)
    const matching = [...votes.values()].filter((v) => v.index === checkpoint.index && bytesEqual(v.stateDigest, checkpoint.stateDigest))
    if (matching.length >= this.validators.quorum) {
      this.makeStable({ seq: checkpoint.seq, index: checkpoint.index, stateDigest: checkpoint.stateDigest, proof: matching.slice(0, this.validators.quorum) })
    }
  }

  private handleStableCheckpoint(from: NodeId, message: StableCheckpoint): void {
    if (message.certificate.seq <= this.stable.seq) return
    const check = checkCheckpointCertificate(message.certificate, this.validators)
    if (!check.ok) {
      this.evidence(check.kind, from, check.detail)
      return
    }
    this.makeStable(message.certificate)
  }

  /** A checkpoint with proof: the low watermark moves and the log below it goes (§4.3). */
  private makeStable(certificate: CheckpointCertificate): void {
    if (certificate.seq <= this.stable.seq) return
    this.stable = certificate
    for (const seq of [...this.checkpointVotes.keys()]) if (seq <= certificate.seq) this.checkpointVotes.delete(seq)
    for (const seq of [...this.ownCheckpoints.keys()]) if (seq < certificate.seq) this.ownCheckpoints.delete(seq)
    for (const seq of [...this.slots.keys()]) if (seq <= certificate.seq && seq <= this.executed) this.slots.delete(seq)
    if (this.nextSeq <= certificate.seq) this.nextSeq = certificate.seq + 1
    this.maybeAdvanceBase()
  }

  /** The stable checkpoint becomes the restart point once the host holds our snapshot of it. */
  private maybeAdvanceBase(): void {
    const { seq, index, stateDigest } = this.stable
    if (seq <= this.base.seq) return
    const own = this.snapshots.get(seq)
    if (own === undefined || own.index !== index || !bytesEqual(own.stateDigest, stateDigest)) return
    this.base = { seq, index }
    this.persist({ type: 'checkpoint', certificate: this.stable })
  }

  private rememberSnapshot(seq: number, index: number, stateDigest: Uint8Array): void {
    this.snapshots.set(seq, { index, stateDigest })
    while (this.snapshots.size > MAX_CHECKPOINTS) this.snapshots.delete(Math.min(...this.snapshots.keys()))
  }

  /** Behind the stable checkpoint with no progress: fetch its state from a replica that signed it. */
  private tickStateTransfer(): void {
    if (this.stable.seq <= this.executed) {
      this.lagElapsed = 0
      this.wanted = undefined
      this.snapshotWanted = undefined
      return
    }
    if (++this.lagElapsed < this.params.stateTransferTicks) return
    this.lagElapsed = 0
    const sources = this.stable.proof.map((checkpoint) => checkpoint.signer).filter((signer) => signer !== this.id)
    const source = sources[this.fetchAttempt++ % Math.max(1, sources.length)]
    if (source === undefined) return
    if (this.wanted !== this.stable) {
      this.wanted = this.stable
      this.snapshotWanted = { index: this.stable.index, digest: this.stable.stateDigest }
    }
    this.send(source, sign({ type: 'fetchState', seq: this.stable.seq }, this.id, this.digests))
  }

  private handleFetchState(from: NodeId, message: FetchState): void {
    const snapshot = this.snapshots.get(message.seq)
    if (snapshot !== undefined && message.seq <= this.executed) {
      this.out.push({ type: 'sendSnapshot', to: from, index: snapshot.index, meta: encodeSnapshotMeta({ seq: message.seq, ...snapshot }) })
    } else if (this.stable.seq > message.seq) {
      this.send(from, sign({ type: 'stableCheckpoint', certificate: this.stable }, this.id, this.digests))
    }
  }

  /** The host installed a snapshot whose bytes hash to `digest`: continue from it if our stable checkpoint certifies it. */
  private handleSnapshotApplied(from: NodeId, index: number, metaBytes: Uint8Array, digest: Uint8Array | undefined): void {
    const meta = decodeSnapshotMeta(metaBytes)
    if (meta === undefined || meta.index !== index) {
      this.evidence('invalid-message', from, 'a snapshot with unreadable metadata')
      return
    }
    if (digest === undefined || !bytesEqual(digest, meta.stateDigest)) {
      this.evidence('invalid-message', from, `a snapshot for checkpoint ${meta.seq} whose state does not match its digest`)
      return
    }
    // Only a state a stable checkpoint certificate vouches for: the latest, or the one we asked for.
    const certificate = [this.stable, this.wanted].find((c) => c !== undefined && c.seq === meta.seq && c.index === meta.index && bytesEqual(c.stateDigest, meta.stateDigest))
    if (certificate === undefined) return
    this.rememberSnapshot(meta.seq, meta.index, meta.stateDigest)
    if (meta.seq > this.executed) {
      this.executed = meta.seq
      this.executedIndex = meta.index
      for (const seq of [...this.slots.keys()]) if (seq <= meta.seq) this.slots.delete(seq)
      for (const at of [...this.checkpointAt.keys()]) if (at <= meta.index) this.checkpointAt.delete(at)
      // What we were waiting for may be in the state we just installed: we cannot tell, so we stop
      // waiting (clients retry); a read in flight asks again with a new marker.
      this.pending.clear()
      this.assigned.clear()
      if (this.readRound !== undefined) {
        this.waitingReads = [...this.readRound.refs, ...this.waitingReads]
        this.readRound = undefined
      }
      this.lagElapsed = 0
    }
    this.wanted = undefined
    this.snapshotWanted = undefined
    if (certificate.seq > this.base.seq && certificate !== this.stable) {
      this.base = { seq: certificate.seq, index: certificate.index }
      this.persist({ type: 'checkpoint', certificate })
    }
    this.maybeAdvanceBase()
  }

  /** Proof that a sequence committed: executes it even if we missed its votes (valid in any view). */
  private handleCommitted(from: NodeId, message: CommittedCertificate): void {
    const { seq } = message.prePrepare
    if (seq <= this.executed || !this.inWindow(seq)) return
    const existing = this.slots.get(seq)?.committed
    if (existing !== undefined && this.hasBatch(existing.prePrepare)) return
    const check = checkCommittedCertificate(message, this.validators)
    if (!check.ok) {
      this.evidence(check.kind, from, check.detail)
      return
    }
    const prePrepare = message.prePrepare
    const slow = message.commits.length > 0
    const votes = slow ? message.commits : message.prepares
    const signers = slow ? votes.map((v) => v.signer) : [prePrepare.signer, ...votes.map((v) => v.signer)]
    const signatures = slow ? votes.map((v) => v.signature) : [prePrepare.signature, ...votes.map((v) => v.signature)]
    this.commitSlot(this.slotAt(seq), {
      prePrepare,
      path: slow ? 'slow' : 'fast',
      signers,
      proof: encodeCommitProof(slow ? 'slow' : 'fast', prePrepare.view, seq, prePrepare.digest, signatures),
      commits: message.commits,
      prepares: message.prepares
    })
  }

  // ---------------------------------------------------------------------------------------------
  // View changes (§4.4).

  private startViewChange(target: number): void {
    if (target < this.view || (target === this.view && this.changing)) return
    this.view = target
    this.changing = true
    this.viewChangeElapsed = 0
    this.timedRequest = undefined
    const viewChange = this.buildViewChange(target)
    this.ownViewChange = viewChange
    this.persist({ type: 'viewChange', viewChange })
    this.afterPersist(() => {
      if (this.ownViewChange === viewChange) this.broadcast(viewChange)
    })
    this.viewChangesFor(target).set(this.id, viewChange)
    this.pruneBelow(target)
    this.maybeSendNewView()
  }

  private buildViewChange(target: number): ViewChange {
    const prepared: PreparedCertificate[] = []
    const accepted: PrePrepare[] = []
    const high = this.stable.seq + this.params.logWindow
    for (const seq of [...this.slots.keys()].sort((a, b) => a - b)) {
      if (seq <= this.stable.seq || seq > high) continue
      const slot = this.slots.get(seq)!
      if (slot.prepared !== undefined) prepared.push(slot.prepared)
      if (slot.accepted !== undefined && (slot.prepared === undefined || slot.accepted.view > slot.prepared.prePrepare.view)) accepted.push(slot.accepted)
    }
    const body = sign({ type: 'viewChange', view: target, checkpoint: this.stable, prepared, accepted }, this.id, this.digests)
    return withoutBodies(body, this.carriesBatch())
  }

  /**
   * Which pre-prepares a view change or new-view sends with their batch. Batches we executed stay
   * out: the new primary holds them, and a backup that missed one learns it as a committed
   * certificate. Those still in flight go along for a replica that missed them, lowest sequence
   * first and each once, up to `maxCarriedBytes`. The new primary takes a batch left out from
   * another view change or its own log, and waits for one it cannot find (the next view's primary
   * tries): slower in that rare case, where a message too large for a frame would never arrive.
   */
  private carriesBatch(): (prePrepare: PrePrepare) => boolean {
    const carried = new Set<string>()
    let bytes = 0
    return (prePrepare) => {
      if (prePrepare.seq <= this.executed || prePrepare.batch.length === 0) return false
      const key = `${prePrepare.seq}:${digestKey(prePrepare.digest)}`
      if (carried.has(key)) return false
      let size = 0
      for (const request of prePrepare.batch) size += request.payload.length
      if (bytes + size > this.params.maxCarriedBytes) return false
      bytes += size
      carried.add(key)
      return true
    }
  }

  private handleViewChange(viewChange: ViewChange): void {
    const { signer } = viewChange
    if (viewChange.view < this.view || (viewChange.view === this.view && !this.changing)) {
      // The sender is behind us: help it along.
      if (signer !== this.id) this.helpPeer(signer, viewChange.view, true)
      return
    }
    const bucket = this.viewChangesFor(viewChange.view)
    const earlier = bucket.get(signer)
    if (earlier !== undefined) {
      if (!bytesEqual(this.digests.viewChange(earlier), this.digests.viewChange(viewChange))) {
        this.evidence('conflicting-view-change', signer, `two different view changes to view ${viewChange.view}`)
      }
      return
    }
    const check = checkViewChange(viewChange, this.validators)
    if (!check.ok) {
      this.evidence(check.kind, signer, `view change to ${viewChange.view}: ${check.detail}`)
      return
    }
    this.detectEquivocation(viewChange)
    // A correct replica moves to one view at a time: keep only each sender's latest target.
    for (const [view, other] of this.viewChanges) {
      if (view <= this.view || view === viewChange.view) continue
      other.delete(signer)
      if (other.size === 0) this.viewChanges.delete(view)
    }
    bucket.set(signer, viewChange)
    this.maybeJoinViewChange()
    this.maybeSendNewView()
  }

  /** A view change shows a pre-prepare the primary signed that contradicts one we accepted. */
  private detectEquivocation(viewChange: ViewChange): void {
    const shown = [...viewChange.accepted, ...viewChange.prepared.map((c) => c.prePrepare)]
    for (const prePrepare of shown) {
      const ours = this.slots.get(prePrepare.seq)?.accepted
      if (ours !== undefined && ours.view === prePrepare.view && !bytesEqual(ours.digest, prePrepare.digest)) {
        this.evidence('equivocation', prePrepare.signer, `two pre-prepares for (${prePrepare.view}, ${prePrepare.seq})`)
      }
    }
  }

  /** §4.5.2: f + 1 replicas are in later views: join the smallest view among the f + 1 highest. */
  private maybeJoinViewChange(): void {
    const highest = new Map<NodeId, number>()
    for (const [view, bucket] of this.viewChanges) {
      if (view <= this.view) continue
      for (const signer of bucket.keys()) if (signer !== this.id) highest.set(signer, Math.max(view, highest.get(signer) ?? 0))
    }
    const views = [...highest.values()].sort((a, b) => b - a)
    const target = views[this.validators.f]
    if (target !== undefined && target > this.view) this.startViewChange(target)
  }

  /** The new primary, with Q view changes for its view, issues the new-view. */
  private maybeSendNewView(): void {
    if (!this.changing || this.validators.primary(this.view) !== this.id || this.ownViewChange === undefined) return
    const bucket = this.viewChangesFor(this.view)
    if (bucket.size < this.validators.quorum) return
    const others = [...bucket.values()].filter((vc) => vc.signer !== this.id).slice(0, this.validators.quorum - 1)
    const viewChanges = [this.ownViewChange, ...others]
    const plan = planNewView(viewChanges, this.validators)
    // Each batch as a view change carried it, or from our own log by digest.
    const batches = plan.choices.map((choice) => this.hasBatch(choice) ? choice.batch : carriedBatch(viewChanges, choice.seq, choice.digest) ?? this.batchInLog(choice.seq, choice.digest))
    // A batch the view changes left out and we do not hold: wait (committed ones arrive as
    // certificates answering our status); if it never comes, the next view's primary tries.
    if (batches.some((batch) => batch === undefined)) return
    const prePrepares = plan.choices.map((choice, i) => sign({ type: 'prePrepare', view: this.view, seq: choice.seq, digest: choice.digest, batch: batches[i]! }, this.id, this.digests))
    // Each batch travels once, and only if a backup may still need it (carriesBatch). Without
    // this a new-view holds every batch since the stable checkpoint: 10 MB at 64 clients of 4 kB.
    // A backup fills a batch left out from its own log (enterView).
    const carry = this.carriesBatch()
    const sent = prePrepares.map((prePrepare) => carry(prePrepare) ? prePrepare : withoutBatch(prePrepare))
    const newView = sign({ type: 'newView', view: this.view, viewChanges: viewChanges.map((viewChange) => withoutBodies(viewChange)), prePrepares: sent }, this.id, this.digests)
    this.persist({ type: 'newView', newView })
    this.afterPersist(() => {
      if (this.newViewMessage === newView) this.broadcast(newView)
    })
    this.enterView(newView, plan)
  }

  /** The batch of (seq, digest) in our own log, if we hold it (a pre-prepare may have come without). */
  private batchInLog(seq: number, digest: Uint8Array): Batch | undefined {
    const slot = this.slots.get(seq)
    for (const prePrepare of [slot?.committed?.prePrepare, slot?.prepared?.prePrepare, slot?.accepted]) {
      if (prePrepare !== undefined && this.hasBatch(prePrepare) && bytesEqual(prePrepare.digest, digest)) return prePrepare.batch
    }
    return undefined
  }

  /** Whether a pre-prepare (or a choice) carries its batch (a null request's empty batch is the whole of it). */
  private hasBatch(item: { readonly batch: Batch, readonly digest: Uint8Array }): boolean {
    return item.batch.length > 0 || bytesEqual(item.digest, this.nullDigest)
  }

  /**
   * The pre-prepare with its batch: as it is, or with the batch from our own log (the signature
   * covers the digest only). Without one: as it is if we executed that sequence (nothing more is
   * needed of it), else undefined.
   */
  private withBatch(prePrepare: PrePrepare): PrePrepare | undefined {
    if (this.hasBatch(prePrepare)) return prePrepare
    const batch = this.batchInLog(prePrepare.seq, prePrepare.digest)
    if (batch !== undefined) return { ...prePrepare, batch }
    return prePrepare.seq <= this.executed ? prePrepare : undefined
  }

  private handleNewView(newView: NewView): void {
    if (newView.view < this.view || (newView.view === this.view && !this.changing)) return
    const check = checkNewView(newView, this.validators)
    if (!check.ok) {
      this.evidence(check.kind === 'invalid-message' ? 'invalid-proposal' : check.kind, newView.signer, check.detail)
      return
    }
    // Defence in depth: a correct new-view never re-proposes another digest at a sequence
    // committed in an earlier view. (One committed in a later view means this view is stale: we
    // learned of the later view's commit from a certificate; ignore the new-view, blame no one.)
    for (const prePrepare of newView.prePrepares) {
      const committed = this.slots.get(prePrepare.seq)?.committed
      if (committed !== undefined && !bytesEqual(committed.prePrepare.digest, prePrepare.digest)) {
        if (committed.prePrepare.view < newView.view) this.evidence('invalid-proposal', newView.signer, `new-view for ${newView.view} re-proposes another request at committed sequence ${prePrepare.seq}`)
        return
      }
    }
    this.persist({ type: 'newView', newView })
    this.enterView(newView, check.plan)
  }

  private enterView(newView: NewView, plan: NewViewPlan): void {
    this.view = newView.view
    this.changing = false
    this.ownViewChange = undefined
    this.newViewMessage = newView
    this.viewChangeElapsed = 0
    this.timedRequest = undefined
    // The last few views' view changes stay, for replicas still waiting for them (helpPeer).
    for (const view of [...this.viewChanges.keys()]) if (view < this.view - 2) this.viewChanges.delete(view)
    this.pruneBelow(this.view)
    if (plan.checkpoint.seq > this.stable.seq) this.makeStable(plan.checkpoint)
    this.assigned.clear()
    for (const sent of newView.prePrepares) {
      if (sent.seq <= this.stable.seq) continue
      // A pre-prepare sent without its batch (the new primary executed it): ours, if we hold it;
      // none needed if we executed it too; else its committed certificate will bring it.
      const prePrepare = this.withBatch(sent)
      if (prePrepare !== undefined) this.accept(prePrepare, false)
    }
    const last = plan.choices.at(-1)?.seq ?? plan.checkpoint.seq
    this.nextSeq = Math.max(last, this.executed, this.stable.seq) + 1
    const future = this.futurePrePrepares.splice(0)
    for (const prePrepare of future) if (prePrepare.view === this.view && this.inWindow(prePrepare.seq)) this.accept(prePrepare, true)
    // Backups hand the new primary what they are still waiting for.
    if (!this.isPrimary()) this.resendPending(true)
    for (const slot of this.slots.values()) this.checkSlot(slot)
  }

  /** Votes of views before `view` can no longer complete anything. */
  private pruneBelow(view: number): void {
    for (const slot of this.slots.values()) {
      for (const at of [...slot.votes.keys()]) if (at < view) slot.votes.delete(at)
    }
    for (let i = this.futurePrePrepares.length - 1; i >= 0; i--) if (this.futurePrePrepares[i]!.view < view) this.futurePrePrepares.splice(i, 1)
  }

  private viewChangesFor(view: number): Map<NodeId, ViewChange> {
    let bucket = this.viewChanges.get(view)
    if (bucket === undefined) this.viewChanges.set(view, (bucket = new Map()))
    return bucket
  }

  /** T, doubled per view change without progress (§4.5.2), capped. */
  private timeout(): number {
    return Math.min(this.params.viewChangeTicks * 2 ** Math.min(this.backoff, 20), this.params.maxViewChangeTicks)
  }

  // ---------------------------------------------------------------------------------------------
  // Time.

  private tick(): void {
    this.ticks++
    this.releaseStaleCommits()
    this.announceStalled()
    if (this.changing) {
      this.maybeSendNewView() // it may have waited for a batch
      // The view-change timer runs once Q view changes for our view are in (§4.5.2).
      if (this.viewChangesFor(this.view).size >= this.validators.quorum && ++this.viewChangeElapsed >= this.timeout()) {
        this.backoff++
        this.startViewChange(this.view + 1)
      }
    } else if (this.pending.size > 0) {
      if (this.timedRequest === undefined || !this.pending.has(this.timedRequest)) {
        this.timedRequest = this.pending.keys().next().value
        this.timerStart = this.ticks
      }
      if (this.ticks - this.timerStart >= this.timeout()) {
        this.backoff++
        this.startViewChange(this.view + 1)
      }
    } else this.timedRequest = undefined
    this.tickStateTransfer()
    const busy = this.pending.size > 0 || this.changing || this.snapshotWanted !== undefined || this.hasUnexecuted()
    if (++this.statusElapsed >= (busy ? this.params.retransmitTicks : this.params.idleStatusTicks) || this.behind) {
      this.statusElapsed = 0
      this.behind = false
      this.broadcast(sign({ type: 'status', view: this.view, changing: this.changing, stableSeq: this.stable.seq, executedSeq: this.executed, lastSeq: this.lastSeqInView() }, this.id, this.digests))
      if (!this.changing && !this.isPrimary()) this.resendPending(false)
    }
  }

  /** A held commit whose sequence has not committed by the next tick goes to everyone (`holdOrSendCommit`). */
  private releaseStaleCommits(): void {
    for (const slot of this.slots.values()) {
      if (slot.heldCommit === undefined || slot.committed !== undefined) continue
      this.fastPathWorking = false
      this.releaseCommit(slot)
    }
  }

  /** The highest sequence we hold a pre-prepare of in the current view (or executed). */
  private lastSeqInView(): number {
    let last = this.executed
    for (const slot of this.slots.values()) if (slot.seq > last && slot.accepted?.view === this.view) last = slot.seq
    return last
  }

  private noteBeyondWindow(seq: number): void {
    if (seq > this.stable.seq + this.params.logWindow) this.behind = true
  }

  private hasUnexecuted(): boolean {
    for (const slot of this.slots.values()) if (slot.seq > this.executed && slot.accepted !== undefined) return true
    return false
  }

  /** Send the primary the requests it has not pre-prepared yet (all of them, or those waiting a while). */
  private resendPending(all: boolean): void {
    const requests: PbftRequest[] = []
    for (const [key, pending] of this.pending) {
      if (this.assigned.has(key)) continue
      // Give the lost pre-prepare's retransmission a chance first: resending a request the
      // primary has executed meanwhile makes it order the request again.
      if (!all && this.ticks - pending.sentAt < Math.max(2 * this.params.retransmitTicks, this.params.viewChangeTicks / 2)) continue
      pending.sentAt = this.ticks
      requests.push(pending.request)
      if (requests.length >= this.params.maxBatch) break
    }
    if (requests.length > 0) this.send(this.validators.primary(this.view), sign({ type: 'request', requests }, this.id, this.digests))
  }

  // ---------------------------------------------------------------------------------------------
  // Retransmission: answer a status with what its sender lacks (status messages, Castro's thesis).

  private handleStatus(from: NodeId, status: Status): void {
    if (status.view < this.view || (status.view === this.view && (status.changing || this.changing))) this.helpPeer(from, status.view, status.changing)
    if (status.stableSeq < this.stable.seq) {
      this.send(from, sign({ type: 'stableCheckpoint', certificate: this.stable }, this.id, this.digests))
    }
    // The sender holds pre-prepares we lack, or is in a later view: our status (next tick) makes
    // it send what we miss (its pre-prepares, or its new-view).
    if (status.view === this.view && !status.changing && !this.changing && status.lastSeq > this.lastSeqInView()) this.behind = true
    if (status.view > this.view && !status.changing) this.behind = true
    // Checkpoint messages are sent once; a lost one must not hold the watermarks back for good.
    for (const [seq, checkpoint] of this.ownCheckpoints) if (seq > status.stableSeq && seq > this.stable.seq) this.send(from, checkpoint)
    let budget = MAX_RETRANSMIT
    const seqs = [...this.slots.keys()].filter((seq) => seq > status.executedSeq).sort((a, b) => a - b)
    for (const seq of seqs) {
      if (budget <= 0) break
      const slot = this.slots.get(seq)!
      if (slot.committed !== undefined) {
        const { prePrepare, commits, prepares } = slot.committed
        if (commits.length === 0 && prepares.length === 0) continue // a hint whose proof did not decode: nothing to prove it with
        if (!this.hasBatch(prePrepare)) continue // committed by digest: others hold the batch
        this.send(from, sign({ type: 'committed', prePrepare, commits, prepares }, this.id, this.digests))
        budget--
        continue
      }
      // In progress in the view we share: our own messages for it, in case they were lost.
      const accepted = slot.accepted
      if (this.changing || status.changing || status.view !== this.view || accepted === undefined || accepted.view !== this.view || !slot.acceptedDurable) continue
      if (this.ticks - slot.acceptedAt < this.params.retransmitTicks) continue
      if (accepted.signer === this.id && this.hasBatch(accepted)) this.send(from, accepted)
      else this.send(from, this.signPrepare(accepted))
      if (slot.prepared?.prePrepare.view === this.view) this.send(from, this.signCommit(accepted))
      budget--
    }
  }

  /**
   * A replica at view `peerView` (changing to it, or in it) is behind us or changing with us:
   * the latest new-view we entered, if it is for a later view (or the one it waits for), brings it
   * there; while we change, our view change counts towards its quorum or its f + 1; and the view
   * changes we hold for the view it waits for let its view-change timer start (it may be waiting
   * for view changes of replicas that have moved on since and will not send them again).
   */
  private helpPeer(to: NodeId, peerView: number, peerChanging: boolean): void {
    const last = this.resentViewTo.get(to)
    if (last !== undefined && this.ticks - last < this.params.retransmitTicks) return
    this.resentViewTo.set(to, this.ticks)
    const newView = this.newViewMessage
    if (newView !== undefined && (newView.view > peerView || (newView.view === peerView && peerChanging))) this.send(to, newView)
    if (this.changing && this.ownViewChange !== undefined && peerView <= this.view) this.send(to, this.ownViewChange)
    if (peerChanging && peerView < this.view) {
      for (const viewChange of this.viewChanges.get(peerView)?.values() ?? []) if (viewChange.signer !== to) this.send(to, viewChange)
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Persistence and effects.

  private handlePersisted(id: number): void {
    if (id <= this.acknowledgedPersistId) return
    this.acknowledgedPersistId = Math.min(id, this.nextPersistId - 1)
    const ready = this.held.filter((held) => held.afterId <= this.acknowledgedPersistId)
    this.held = this.held.filter((held) => held.afterId > this.acknowledgedPersistId)
    for (const held of ready) held.run()
  }

  /** `deferrable`: the host may write it with the next persist or at its next tick (core.ts). */
  private persist(record: PbftRecord, deferrable = false): number {
    const id = this.nextPersistId++
    this.out.push(deferrable ? { type: 'persist', id, record, deferrable } : { type: 'persist', id, record })
    return id
  }

  /** Run once every persist emitted so far is durable (at once if it already is). */
  private afterPersist(run: () => void): void {
    const lastId = this.nextPersistId - 1
    if (lastId > this.acknowledgedPersistId) this.held.push({ afterId: lastId, run })
    else run()
  }

  private send(to: NodeId, message: PbftMessage): void {
    if (to !== this.id) this.out.push({ type: 'send', to, message })
  }

  private broadcast(message: PbftMessage): void {
    this.out.push({ type: 'broadcast', message })
  }

  private evidence(kind: Evidence['kind'], offender: NodeId, detail: string): void {
    const key = `${kind}|${offender}|${this.view}`
    if (this.reportedEvidence.has(key)) return
    if (this.reportedEvidence.size > 1024) this.reportedEvidence.clear()
    this.reportedEvidence.add(key)
    this.out.push({ type: 'evidence', evidence: { kind, offender, epoch: this.view, detail } })
  }

  private maybeReportStatus(): void {
    const { role, epoch, leader, commitIndex, snapshotWanted } = this.reported
    const now = this.status()
    if (role === now.role && epoch === now.epoch && leader === now.leader && snapshotWanted === now.snapshotWanted && commitIndex === now.commitIndex) return
    const changed = role !== now.role || epoch !== now.epoch || leader !== now.leader || snapshotWanted !== now.snapshotWanted
    this.reported = now
    if (changed) this.out.push({ type: 'status', status: now })
  }

  // ---------------------------------------------------------------------------------------------
  // Small helpers.

  private isPrimary(): boolean {
    return !this.changing && this.validators.primary(this.view) === this.id
  }

  /**
   * The watermarks (h, h + L], h the stable checkpoint; below h only what we have not executed yet
   * (a checkpoint can become stable here, from others' messages, just before we execute it).
   */
  private inWindow(seq: number): boolean {
    return seq > Math.min(this.stable.seq, this.executed) && seq <= this.stable.seq + this.params.logWindow
  }

  private slotAt(seq: number): Slot {
    let slot = this.slots.get(seq)
    if (slot === undefined) {
      slot = { seq, accepted: undefined, acceptedDurable: false, acceptedAt: 0, prepared: undefined, committed: undefined, heldCommit: undefined, votes: new Map(), voted: new Map() }
      this.slots.set(seq, slot)
    }
    return slot
  }

  private requestKey(request: PbftRequest): string {
    return digestKey(this.digests.request(request))
  }

  private signPrepare(prePrepare: PrePrepare): Prepare {
    return sign({ type: 'prepare', view: prePrepare.view, seq: prePrepare.seq, digest: prePrepare.digest }, this.id, this.digests)
  }

  private signCommit(prePrepare: PrePrepare): CommitVote {
    return sign({ type: 'commit', view: prePrepare.view, seq: prePrepare.seq, digest: prePrepare.digest }, this.id, this.digests)
  }
}

/**
 * A commit hint rebuilt into what proves it. The proof holds one signature per signer over the
 * vote each signed (slow path: COMMIT; fast path: the PRE-PREPARE, then PREPAREs), so the votes
 * come back whole: a restarted replica can still send the committed certificate to a replica that
 * missed those votes (if every replica restarted, no one else could).
 */
function committedFromHint(record: CommittedRecord): Committed {
  const { prePrepare, signers } = record
  const proof = decodeCommitProof(record.proof)
  const path = proof?.path ?? 'slow'
  const base = { prePrepare, path, signers, proof: record.proof, commits: [], prepares: [] }
  const matches = proof !== undefined && proof.view === prePrepare.view && proof.seq === prePrepare.seq && bytesEqual(proof.digest, prePrepare.digest)
  if (!matches || proof.signatures.length !== signers.length) return base
  const vote = <T extends 'commit' | 'prepare'>(type: T, i: number) => ({ type, view: prePrepare.view, seq: prePrepare.seq, digest: prePrepare.digest, signer: signers[i]!, signature: proof.signatures[i]! })
  if (path === 'slow') return { ...base, commits: signers.map((_, i) => vote('commit', i)) }
  return { ...base, prepares: signers.slice(1).map((_, i) => vote('prepare', i + 1)) }
}
