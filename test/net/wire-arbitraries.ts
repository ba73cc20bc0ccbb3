// fast-check generators for every wire message, shared by the wire tests.

import fc from 'fast-check'
import type { EntryKind } from '../../src/protocols/core.js'
import type { Checkpoint, CheckpointCertificate, CommitVote, PbftMessage, PbftRequest, PrePrepare, Prepare, ViewChange } from '../../src/protocols/pbft/messages.js'
import type { Append, AppendResponse, Heartbeat, HeartbeatResponse, RaftEntry, RaftMessage, TimeoutNow, VoteRequest, VoteResponse } from '../../src/protocols/raft/messages.js'
import type { AdminRequest, AdminResult, Bench, Pbft, Forward, ForwardedResult, ForwardResult, Hello, JoinRequest, Ping, Pong, Raft, ReadIndex, ReadIndexResult, SnapshotChunk, SnapshotChunkRequest, SnapshotOffer, WireMessage } from '../../src/net/wire/messages.js'

const bytes = (maxLength: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ maxLength })
const uint32 = fc.nat({ max: 0xffff_ffff })
// uint64 fields are JS numbers on our side: anything a double holds exactly.
// Small values are weighted in: real terms and indexes are small, and zero is the
// proto3 default a field is left out for.
const uint53 = fc.oneof(fc.constant(0), fc.nat({ max: 1000 }), fc.maxSafeNat())
// Error codes and leader ids stay well inside the decoder's default stringBytes (256).
const shortString = fc.string({ maxLength: 40, unit: 'binary' })

export const helloArb: fc.Arbitrary<Hello> = fc.record({
  type: fc.constant('hello' as const),
  chainId: fc.string({ maxLength: 40, unit: 'binary' }),
  genesisHash: bytes(64),
  protocol: fc.constantFrom('raft', 'pbft', 'hotstuff', 'avalanche', ''),
  nodeVersion: fc.string({ maxLength: 20 }),
  listenAddrs: fc.array(bytes(40), { maxLength: 32 })
})

export const pingArb: fc.Arbitrary<Ping> = fc.record({ type: fc.constant('ping' as const), nonce: uint32, sentAtUs: uint53 })
export const pongArb: fc.Arbitrary<Pong> = fc.record({ type: fc.constant('pong' as const), nonce: uint32, sentAtUs: uint53 })
export const benchArb: fc.Arbitrary<Bench> = fc.record({ type: fc.constant('bench' as const), seq: uint53, payload: bytes(600) })

// --- Raft ----------------------------------------------------------------------

export const entryKindArb: fc.Arbitrary<EntryKind> = fc.constantFrom('app', 'noop', 'config')

export const raftEntryArb: fc.Arbitrary<RaftEntry> = fc.record({ term: uint53, kind: entryKindArb, payload: bytes(300) })

export const voteRequestArb: fc.Arbitrary<VoteRequest> = fc.record({
  type: fc.constant('voteRequest' as const),
  term: uint53,
  preVote: fc.boolean(),
  lastIndex: uint53,
  lastTerm: uint53,
  transfer: fc.boolean()
})

export const voteResponseArb: fc.Arbitrary<VoteResponse> = fc.record({
  type: fc.constant('voteResponse' as const),
  term: uint53,
  preVote: fc.boolean(),
  granted: fc.boolean()
})

export const appendArb: fc.Arbitrary<Append> = fc.record({
  type: fc.constant('append' as const),
  term: uint53,
  prevIndex: uint53,
  prevTerm: uint53,
  entries: fc.array(raftEntryArb, { maxLength: 40 }),
  commit: uint53
})

export const appendResponseArb: fc.Arbitrary<AppendResponse> = fc.record({
  type: fc.constant('appendResponse' as const),
  term: uint53,
  success: fc.boolean(),
  index: uint53,
  conflictTerm: uint53,
  conflictIndex: uint53
})

export const heartbeatArb: fc.Arbitrary<Heartbeat> = fc.record({ type: fc.constant('heartbeat' as const), term: uint53, commit: uint53, context: uint53 })
export const heartbeatResponseArb: fc.Arbitrary<HeartbeatResponse> = fc.record({ type: fc.constant('heartbeatResponse' as const), term: uint53, context: uint53 })
export const timeoutNowArb: fc.Arbitrary<TimeoutNow> = fc.record({ type: fc.constant('timeoutNow' as const), term: uint53 })

export const raftMessageArb: fc.Arbitrary<RaftMessage> = fc.oneof(
  voteRequestArb, voteResponseArb, appendArb, appendResponseArb, heartbeatArb, heartbeatResponseArb, timeoutNowArb
)

export const raftArb: fc.Arbitrary<Raft> = raftMessageArb.map((message) => ({ type: 'raft' as const, message }))

// --- Client forwarding ---------------------------------------------------------

export const forwardArb: fc.Arbitrary<Forward> = fc.record({
  type: fc.constant('forward' as const),
  requestId: uint53,
  payloads: fc.array(bytes(200), { maxLength: 40 })
})

export const forwardedResultArb: fc.Arbitrary<ForwardedResult> = fc.oneof(
  fc.record({ ok: fc.constant(true as const), index: uint53, result: bytes(100) }),
  // `leader` is present in some and absent (no key at all) in others.
  fc.record({ ok: fc.constant(false as const), code: shortString, leader: shortString }, { requiredKeys: ['ok', 'code'] })
)

export const forwardResultArb: fc.Arbitrary<ForwardResult> = fc.record({
  type: fc.constant('forwardResult' as const),
  requestId: uint53,
  results: fc.array(forwardedResultArb, { maxLength: 40 })
})

export const readIndexArb: fc.Arbitrary<ReadIndex> = fc.record({ type: fc.constant('readIndex' as const), requestId: uint53 })

export const readIndexResultArb: fc.Arbitrary<ReadIndexResult> = fc.record({
  type: fc.constant('readIndexResult' as const),
  requestId: uint53,
  ok: fc.boolean(),
  index: uint53,
  code: shortString,
  leader: shortString
}, { requiredKeys: ['type', 'requestId', 'ok', 'index'] })

// --- PBFT ------------------------------------------------------------------------

const signed = { signer: shortString, signature: bytes(64) }
const digest = bytes(32)
const pbftRequestArb: fc.Arbitrary<PbftRequest> = fc.record({ kind: fc.constantFrom('app' as const, 'noop' as const), payload: bytes(100) })
export const prePrepareArb: fc.Arbitrary<PrePrepare> = fc.record({ type: fc.constant('prePrepare' as const), ...signed, view: uint53, seq: uint53, digest, batch: fc.array(pbftRequestArb, { maxLength: 3 }) })
export const prepareArb: fc.Arbitrary<Prepare> = fc.record({ type: fc.constant('prepare' as const), ...signed, view: uint53, seq: uint53, digest })
const commitVoteArb: fc.Arbitrary<CommitVote> = fc.record({ type: fc.constant('commit' as const), ...signed, view: uint53, seq: uint53, digest })
const checkpointArb: fc.Arbitrary<Checkpoint> = fc.record({ type: fc.constant('checkpoint' as const), ...signed, seq: uint53, index: uint53, stateDigest: digest })
export const certificateArb: fc.Arbitrary<CheckpointCertificate> = fc.record({ seq: uint53, index: uint53, stateDigest: digest, proof: fc.array(checkpointArb, { maxLength: 3 }) })
export const viewChangeArb: fc.Arbitrary<ViewChange> = fc.record({
  type: fc.constant('viewChange' as const),
  ...signed,
  view: uint53,
  checkpoint: certificateArb,
  prepared: fc.array(fc.record({ prePrepare: prePrepareArb, prepares: fc.array(prepareArb, { maxLength: 3 }) }), { maxLength: 2 }),
  accepted: fc.array(prePrepareArb, { maxLength: 2 })
})
export const pbftMessageArb: fc.Arbitrary<PbftMessage> = fc.oneof(
  fc.record({ type: fc.constant('request' as const), ...signed, requests: fc.array(pbftRequestArb, { maxLength: 3 }) }),
  prePrepareArb, prepareArb, commitVoteArb, checkpointArb, viewChangeArb,
  fc.record({ type: fc.constant('newView' as const), ...signed, view: uint53, viewChanges: fc.array(viewChangeArb, { maxLength: 2 }), prePrepares: fc.array(prePrepareArb, { maxLength: 2 }) }),
  fc.record({ type: fc.constant('status' as const), ...signed, view: uint53, changing: fc.boolean(), stableSeq: uint53, executedSeq: uint53, lastSeq: uint53 }),
  fc.record({ type: fc.constant('fetchState' as const), ...signed, seq: uint53 }),
  fc.record({ type: fc.constant('committed' as const), ...signed, prePrepare: prePrepareArb, commits: fc.array(commitVoteArb, { maxLength: 3 }), prepares: fc.array(prepareArb, { maxLength: 3 }) }),
  fc.record({ type: fc.constant('stableCheckpoint' as const), ...signed, certificate: certificateArb })
)
export const pbftArb: fc.Arbitrary<Pbft> = pbftMessageArb.map((message) => ({ type: 'pbft' as const, message }))

// --- Synchronizer and operator messages ------------------------------------------

export const snapshotOfferArb: fc.Arbitrary<SnapshotOffer> = fc.record({
  type: fc.constant('snapshotOffer' as const), index: uint53, fileTerm: uint53, fileMeta: bytes(64), size: uint53, coreMeta: bytes(200)
})
export const snapshotChunkRequestArb: fc.Arbitrary<SnapshotChunkRequest> = fc.record({
  type: fc.constant('snapshotChunkRequest' as const), index: uint53, offset: uint53, length: uint32
})
export const snapshotChunkArb: fc.Arbitrary<SnapshotChunk> = fc.record({
  type: fc.constant('snapshotChunk' as const), index: uint53, offset: uint53, data: bytes(600), missing: fc.boolean()
})
export const joinRequestArb: fc.Arbitrary<JoinRequest> = fc.record({ type: fc.constant('joinRequest' as const), nodeVersion: shortString })
export const adminRequestArb: fc.Arbitrary<AdminRequest> = fc.record({
  type: fc.constant('adminRequest' as const), requestId: uint53, kind: shortString, node: shortString
})
export const adminResultArb: fc.Arbitrary<AdminResult> = fc.record({
  type: fc.constant('adminResult' as const), requestId: uint53, ok: fc.boolean(), code: shortString, reason: shortString, leader: shortString
}, { requiredKeys: ['type', 'requestId', 'ok'] })

export const messageArb: fc.Arbitrary<WireMessage> = fc.oneof(
  helloArb, pingArb, pongArb, benchArb,
  raftArb, pbftArb,
  snapshotOfferArb, snapshotChunkRequestArb, snapshotChunkArb, joinRequestArb,
  forwardArb, forwardResultArb, readIndexArb, readIndexResultArb, adminRequestArb, adminResultArb
)
