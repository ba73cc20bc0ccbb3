// The messages PBFT replicas exchange: one closed union (STYLE.md), after Castro & Liskov, OSDI
// 1999 §4 (with signatures, as in that paper; the TOCS 2002 version replaces them with MACs).
//
// Every message is signed by the replica that sends it: `signer` and `signature` sit next to the
// body fields, and the signature covers the canonical encoding of the body (signing.ts), never
// the attachments a body names by digest (a pre-prepare's batch is carried whole, but signed as
// its digest). Messages embedded in certificates (prepares in a prepared certificate, checkpoint
// messages in a checkpoint proof, view changes in a new-view) are the very objects their signers
// sent, so a receiver that verified them on arrival finds them in its verification cache
// (signing.ts, `Verifier`), keyed by the digest of the signed bytes.
//
// Plain objects with numbers, strings, arrays and Uint8Array only, so a protobuf codec can mirror
// them field for field.

import type { NodeId } from '../core.js'

/**
 * One request as PBFT orders it: a client's payload ('app'), or a replica's read marker ('noop',
 * see core.ts, "Reads"). A null request is the empty batch; it commits as one 'noop' entry with
 * an empty payload, so every sequence number advances the log index by at least one.
 */
export interface PbftRequest {
  readonly kind: 'app' | 'noop'
  readonly payload: Uint8Array
}

/** The requests a pre-prepare orders at one sequence number, in order. */
export type Batch = readonly PbftRequest[]

/** Who signed and the signature; every message has both. */
export interface SignedFields {
  readonly signer: NodeId
  readonly signature: Uint8Array
}

/** Client requests a replica hands on: to the primary to order them, to the backups to time them. */
export interface RequestMessage extends SignedFields {
  readonly type: 'request'
  readonly requests: Batch
}

/** PRE-PREPARE <v, n, d> (§4.2), signed by the primary of `view`; `digest` = batchDigest(batch). */
export interface PrePrepare extends SignedFields {
  readonly type: 'prePrepare'
  readonly view: number
  readonly seq: number
  readonly digest: Uint8Array
  readonly batch: Batch
}

/** PREPARE <v, n, d, i>: backup i accepted the pre-prepare. Also its fast-path vote. */
export interface Prepare extends SignedFields {
  readonly type: 'prepare'
  readonly view: number
  readonly seq: number
  readonly digest: Uint8Array
}

/** COMMIT <v, n, D(m), i>: replica i has prepared (v, n, d). */
export interface CommitVote extends SignedFields {
  readonly type: 'commit'
  readonly view: number
  readonly seq: number
  readonly digest: Uint8Array
}

/**
 * CHECKPOINT <n, d, i> (§4.3): after executing sequence `seq` (the last entry of which is at log
 * index `index`) the app state hashes to `stateDigest`. The index is part of what is certified, so
 * a replica that installs the checkpoint knows where its log continues.
 */
export interface Checkpoint extends SignedFields {
  readonly type: 'checkpoint'
  readonly seq: number
  readonly index: number
  readonly stateDigest: Uint8Array
}

/** A stable checkpoint: Q matching checkpoint messages from distinct replicas (none for the genesis, seq 0). */
export interface CheckpointCertificate {
  readonly seq: number
  readonly index: number
  readonly stateDigest: Uint8Array
  readonly proof: readonly Checkpoint[]
}

/** prepared(m, v, n, i): the pre-prepare and Q - 1 matching prepares from distinct backups. */
export interface PreparedCertificate {
  readonly prePrepare: PrePrepare
  readonly prepares: readonly Prepare[]
}

/**
 * VIEW-CHANGE <v+1, n, C, P, i> (§4.4): `view` is the view the sender moves to. `checkpoint` is
 * its latest stable checkpoint with proof (C); `prepared` its highest-view prepared certificate
 * for each sequence above it (P); `accepted` the latest pre-prepare it accepted for a sequence
 * when that is newer than the prepared certificate (or there is none): the fast path's evidence
 * (quorums.ts). The signature covers the checkpoint and the (view, seq, digest) of every entry.
 */
export interface ViewChange extends SignedFields {
  readonly type: 'viewChange'
  readonly view: number
  readonly checkpoint: CheckpointCertificate
  readonly prepared: readonly PreparedCertificate[]
  readonly accepted: readonly PrePrepare[]
}

/**
 * NEW-VIEW <v+1, V, O> (§4.4): Q view changes for `view` and the pre-prepares the new primary
 * re-issues for every sequence between the highest stable checkpoint in V and the highest
 * sequence reported in V (null requests for gaps). Backups recompute O from V before entering.
 */
export interface NewView extends SignedFields {
  readonly type: 'newView'
  readonly view: number
  readonly viewChanges: readonly ViewChange[]
  readonly prePrepares: readonly PrePrepare[]
}

/**
 * Where the sender is: peers answer with what it lacks (retransmission by status messages, as in Castro's thesis):
 * the new-view of a later view, checkpoint proofs, committed certificates, their own messages for
 * sequences still in progress.
 */
export interface Status extends SignedFields {
  readonly type: 'status'
  readonly view: number
  /** The sender is changing to `view` and has not seen its new-view yet. */
  readonly changing: boolean
  readonly stableSeq: number
  /** The last sequence the sender executed. */
  readonly executedSeq: number
  /** The highest sequence the sender holds a pre-prepare of in `view`: a replica that holds fewer asks again. */
  readonly lastSeq: number
}

/** State transfer: "send me the app snapshot of your checkpoint at `seq`" (answered with sendSnapshot). */
export interface FetchState extends SignedFields {
  readonly type: 'fetchState'
  readonly seq: number
}

/**
 * Proof that `prePrepare` committed, for a replica that missed the votes (the log suffix after
 * a state transfer, or lost messages): Q commits (the normal path) or, for a fast commit, the
 * prepares of every backup. Valid in any view.
 */
export interface CommittedCertificate extends SignedFields {
  readonly type: 'committed'
  readonly prePrepare: PrePrepare
  readonly commits: readonly CommitVote[]
  readonly prepares: readonly Prepare[]
}

/** A stable checkpoint's proof, relayed to a replica that is behind it. */
export interface StableCheckpoint extends SignedFields {
  readonly type: 'stableCheckpoint'
  readonly certificate: CheckpointCertificate
}

export type PbftMessage =
  | RequestMessage
  | PrePrepare
  | Prepare
  | CommitVote
  | Checkpoint
  | ViewChange
  | NewView
  | Status
  | FetchState
  | CommittedCertificate
  | StableCheckpoint

/** A message before it is signed. */
export type Unsigned<M extends SignedFields> = Omit<M, 'signer' | 'signature'>

/** Any message before it is signed (distributed over the union). */
export type UnsignedMessage = PbftMessage extends infer M ? (M extends PbftMessage ? Unsigned<M> : never) : never

/** What a signature covers (with the signer): any message without its signature field. */
export type SignedBody = PbftMessage extends infer M ? (M extends PbftMessage ? Omit<M, 'signature'> : never) : never
