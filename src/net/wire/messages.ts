// The messages a Blackhole stream carries, as a closed union. wire.proto is the
// byte-level truth; these types are what the rest of the node sees. Byte fields
// are plain `Uint8Array` (any backing buffer) so callers can pass Node Buffers.
//
// Adding a message: a field in `Envelope` (wire.proto, `npm run proto`), a member
// here, and its row in codec.ts; the exhaustive switches point at anything missed.

import type { PbftMessage } from '../../protocols/pbft/messages.js'
import type { RaftMessage } from '../../protocols/raft/messages.js'

/** First frame on a stream when the links run with a handshake. */
export interface Hello {
  type: 'hello'
  chainId: string
  genesisHash: Uint8Array
  /** The agreement protocol the sender runs: raft, pbft, hotstuff, avalanche. */
  protocol: string
  nodeVersion: string
  /** Binary multiaddrs (at most 32, enforced by the decoder). */
  listenAddrs: Uint8Array[]
}

/** Application-level latency probe; the receiver echoes it as a Pong. */
export interface Ping {
  type: 'ping'
  nonce: number
  /** Sender's wall clock, microseconds since the epoch. */
  sentAtUs: number
}

export interface Pong {
  type: 'pong'
  nonce: number
  sentAtUs: number
}

/** Ordering and throughput probe for tests and bench/net.ts. */
export interface Bench {
  type: 'bench'
  seq: number
  payload: Uint8Array
}

/** A Raft core's message to its peer. Each Raft message type has its own Envelope field (16-22). */
export interface Raft {
  type: 'raft'
  message: RaftMessage
}

/** A PBFT replica's signed message. Each PBFT message type has its own Envelope field (32-42). */
export interface Pbft {
  type: 'pbft'
  message: PbftMessage
}

/** Encoded client (KV) requests a follower passes to the leader to propose, in order. */
export interface Forward {
  type: 'forward'
  /** Chosen by the follower; the ForwardResult carries it back. */
  requestId: number
  payloads: Uint8Array[]
}

/** The outcome of one forwarded payload: where it was committed and what applying it returned, or why not. */
export type ForwardedResult =
  | { ok: true, index: number, result: Uint8Array }
  | { ok: false, code: string, leader?: string }

/** The leader's answer to a Forward: one result per payload, in the Forward's order. */
export interface ForwardResult {
  type: 'forwardResult'
  requestId: number
  results: ForwardedResult[]
}

/** Asks the leader for a read index (Raft thesis §6.4) on behalf of a follower's client. */
export interface ReadIndex {
  type: 'readIndex'
  requestId: number
}

export interface ReadIndexResult {
  type: 'readIndexResult'
  requestId: number
  ok: boolean
  /** ok: the index the follower must have applied before it serves the read. */
  index: number
  /** Why not, when not ok (a CoreError code such as NOT_LEADER). */
  code?: string
  /** The leader the asked node knows of, if any, for a retry. */
  leader?: string
}

/** The leader offers its snapshot to a follower behind its compacted log; the follower pulls it in chunks. */
export interface SnapshotOffer {
  type: 'snapshotOffer'
  index: number
  /** The file's own header, which the received file is checked against. */
  fileTerm: number
  fileMeta: Uint8Array
  /** Bytes in the file. */
  size: number
  /** The core's metadata from its sendSnapshot effect (Raft: term and membership). */
  coreMeta: Uint8Array
}

export interface SnapshotChunkRequest {
  type: 'snapshotChunkRequest'
  index: number
  offset: number
  length: number
}

export interface SnapshotChunk {
  type: 'snapshotChunk'
  index: number
  offset: number
  data: Uint8Array
  /** The sender no longer has the snapshot at `index`: the receiver gives up and waits for a new offer. */
  missing: boolean
}

/** A node outside the membership asks the leader to add it as a learner. */
export interface JoinRequest {
  type: 'joinRequest'
  nodeVersion: string
}

/** An operator command a follower passes to the leader. */
export interface AdminRequest {
  type: 'adminRequest'
  requestId: number
  /** An AdminCommand kind: addLearner, promote, remove, transferLeadership. */
  kind: string
  node: string
}

export interface AdminResult {
  type: 'adminResult'
  requestId: number
  ok: boolean
  code?: string
  reason?: string
  leader?: string
}

export type WireMessage = Hello | Ping | Pong | Bench | Raft | Pbft | Forward | ForwardResult | ReadIndex | ReadIndexResult |
  SnapshotOffer | SnapshotChunkRequest | SnapshotChunk | JoinRequest | AdminRequest | AdminResult

export type WireMessageType = WireMessage['type']

/** Every message type, in Envelope field order. */
export const WIRE_MESSAGE_TYPES: readonly WireMessageType[] = [
  'hello', 'ping', 'pong', 'bench', 'raft', 'pbft',
  'snapshotOffer', 'snapshotChunkRequest', 'snapshotChunk', 'joinRequest',
  'forward', 'forwardResult', 'readIndex', 'readIndexResult', 'adminRequest', 'adminResult'
]
