// Canonical signing bytes for every PBFT message body, digests of requests and batches, a
// verification cache, and the proof a client checks a commit with.
//
// Signing bytes: a domain tag ("blackhole/pbft/1"), the message type, the signer, then the body
// fields in a fixed order, numbers as unsigned LEB128 varints and byte strings length-prefixed.
// A body names bulky content by digest (a pre-prepare signs its batch's digest; a view change
// signs the (view, seq, digest) of each certificate it carries; a new-view signs the digest of
// each view change it carries), so signing and verifying are over small byte strings, and the
// embedded messages are checked against their own signatures (and found in the cache).

import type { Commit, CommittedEntry, Crypto, NodeId } from '../core.js'
import type { Batch, PbftMessage, PbftRequest, SignedBody, SignedFields, UnsignedMessage, ViewChange } from './messages.js'
import { ByteReader, ByteWriter } from '../../app/bytes.js'
import { quorumSize } from './quorums.js'

const DOMAIN = 'blackhole/pbft/1'

/** Buffers for signing bytes that are used and dropped at once (sign, verify, digest): reused. */
const pool: Uint8Array[] = []

/** Strings and byte strings in what signing.ts decodes (commit proofs, snapshot metadata) are short. */
const MAX_FIELD_BYTES = 4096

const headers = new Map<NodeId, Map<string, Uint8Array>>()

/** The domain tag, the type and the signer (their encoding is memoised: a few dozen distinct ones per network). */
function header(type: string, signer: NodeId, sink: ByteWriter): ByteWriter {
  let bySigner = headers.get(signer)
  if (bySigner === undefined) {
    bySigner = new Map()
    if (headers.size < 4096) headers.set(signer, bySigner)
  }
  let prefix = bySigner.get(type)
  if (prefix === undefined) bySigner.set(type, (prefix = new ByteWriter(128).string(DOMAIN).string(type).string(signer).finish()))
  return sink.raw(prefix)
}

const KIND_CODE = { app: 1, noop: 2 } as const

/**
 * Digests of requests and batches. Requests are digested once per payload object (the same bytes
 * reach a replica in a request, a pre-prepare, a view change...); the memo is per core, so it
 * changes only speed, never a result.
 */
export class Digests {
  private readonly requestMemo = new WeakMap<Uint8Array, { app?: Uint8Array; noop?: Uint8Array }>()

  constructor(readonly crypto: Crypto) {}

  digest(bytes: Uint8Array): Uint8Array {
    return this.crypto.digest(bytes)
  }

  request(request: PbftRequest): Uint8Array {
    let memo = this.requestMemo.get(request.payload)
    if (memo === undefined) this.requestMemo.set(request.payload, (memo = {}))
    const known = memo[request.kind]
    if (known !== undefined) return known
    const digest = this.crypto.digest(new ByteWriter(request.payload.length + 16).string('request').uint(KIND_CODE[request.kind]).bytes(request.payload).view())
    memo[request.kind] = digest
    return digest
  }

  /** The digest a pre-prepare signs; the empty batch (a null request) has one too. */
  batch(batch: Batch): Uint8Array {
    const sink = new ByteWriter(16 + 34 * batch.length).string('batch').uint(batch.length)
    for (const request of batch) sink.bytes(this.request(request))
    return this.crypto.digest(sink.view())
  }

  /** Signing bytes of a view change, digested: how a new-view names the view changes it carries. */
  viewChange(viewChange: Omit<ViewChange, 'signature'>): Uint8Array {
    return withSigningBytes(viewChange, this, (bytes) => this.crypto.digest(bytes))
  }
}

/** The bytes `message.signer` signs for `message` (its signature field is ignored). */
export function signingBytes(message: SignedBody, digests: Digests): Uint8Array {
  return encodeBody(message, digests, new ByteWriter(128)).slice()
}

/** `use(signing bytes of message)`, with the bytes in a pooled buffer that is reused afterwards. */
export function withSigningBytes<T>(message: SignedBody, digests: Digests, use: (bytes: Uint8Array) => T): T {
  const sink = new ByteWriter(pool.pop() ?? new Uint8Array(512))
  try {
    return use(encodeBody(message, digests, sink))
  } finally {
    if (pool.length < 16) pool.push(sink.detach())
  }
}

function encodeBody(message: SignedBody, digests: Digests, sink: ByteWriter): Uint8Array {
  switch (message.type) {
    case 'request': {
      header('request', message.signer, sink).uint(message.requests.length)
      for (const request of message.requests) sink.bytes(digests.request(request))
      return sink.finish()
    }
    case 'prePrepare':
    case 'prepare':
    case 'commit':
      return voteBytes(message.type, message.signer, message.view, message.seq, message.digest, sink)
    case 'checkpoint':
      return header('checkpoint', message.signer, sink).uint(message.seq).uint(message.index).bytes(message.stateDigest).finish()
    case 'viewChange': {
      header('viewChange', message.signer, sink).uint(message.view)
      sink.uint(message.checkpoint.seq).uint(message.checkpoint.index).bytes(message.checkpoint.stateDigest)
      sink.uint(message.prepared.length)
      for (const { prePrepare } of message.prepared) sink.uint(prePrepare.view).uint(prePrepare.seq).bytes(prePrepare.digest)
      sink.uint(message.accepted.length)
      for (const prePrepare of message.accepted) sink.uint(prePrepare.view).uint(prePrepare.seq).bytes(prePrepare.digest)
      return sink.finish()
    }
    case 'newView': {
      header('newView', message.signer, sink).uint(message.view).uint(message.viewChanges.length)
      for (const viewChange of message.viewChanges) sink.string(viewChange.signer).bytes(digests.viewChange(viewChange))
      sink.uint(message.prePrepares.length)
      for (const prePrepare of message.prePrepares) sink.uint(prePrepare.seq).bytes(prePrepare.digest)
      return sink.finish()
    }
    case 'status':
      return header('status', message.signer, sink).uint(message.view).uint(message.changing ? 1 : 0).uint(message.stableSeq).uint(message.executedSeq).uint(message.lastSeq).finish()
    case 'fetchState':
      return header('fetchState', message.signer, sink).uint(message.seq).finish()
    case 'committed':
      return voteBytes('committed', message.signer, message.prePrepare.view, message.prePrepare.seq, message.prePrepare.digest, sink)
    case 'stableCheckpoint':
      return header('stableCheckpoint', message.signer, sink).uint(message.certificate.seq).uint(message.certificate.index).bytes(message.certificate.stateDigest).finish()
  }
}

function voteBytes(type: string, signer: NodeId, view: number, seq: number, digest: Uint8Array, sink = new ByteWriter(128)): Uint8Array {
  return header(type, signer, sink).uint(view).uint(seq).bytes(digest).finish()
}

/** Sign `body` as `signer` (this node). */
export function sign<B extends UnsignedMessage>(body: B, signer: NodeId, digests: Digests): B & SignedFields {
  const signature = withSigningBytes({ ...body, signer } as SignedBody, digests, (bytes) => digests.crypto.sign(bytes))
  return { ...body, signer, signature }
}

/**
 * Checks signatures and remembers the messages that passed. Messages are immutable values, so a
 * message object verified once stays verified: certificates carry the very objects the core
 * verified on arrival (a view change holds prepares it received one by one; a new-view holds view
 * changes), and those are not checked again. Across objects (a node decodes every frame afresh),
 * the `Crypto` a node injects caches by digest: its validator actor verified the top-level
 * message already, and the bytes and signature of an embedded one are the same as when it
 * arrived on its own.
 */
export class Verifier {
  private readonly good = new WeakSet<PbftMessage>()

  constructor(readonly digests: Digests) {}

  /** `remember`: cache the outcome (for the kinds of messages certificates carry). */
  verify(message: PbftMessage, remember = true): boolean {
    if (remember && this.good.has(message)) return true
    if (!(message.signature instanceof Uint8Array)) return false
    if (!withSigningBytes(message, this.digests, (bytes) => this.digests.crypto.verify(message.signer, bytes, message.signature))) return false
    if (remember) this.good.add(message)
    return true
  }
}

// -----------------------------------------------------------------------------------------------
// The certificate of a commit effect, checkable by a client that knows the validators.

export type CommitPath = 'slow' | 'fast'

/**
 * Certificate.proof of a PBFT commit: the path, (view, seq, batch digest), and one signature per
 * entry of Certificate.signers, in that order. Slow path: each signer's COMMIT <view, seq,
 * digest>. Fast path: the primary's PRE-PREPARE (signers[0]) and every backup's PREPARE.
 */
export function encodeCommitProof(path: CommitPath, view: number, seq: number, digest: Uint8Array, signatures: readonly Uint8Array[]): Uint8Array {
  const sink = new ByteWriter(64 + 66 * signatures.length).string('pbft-commit-proof').string(path).uint(view).uint(seq).bytes(digest).uint(signatures.length)
  for (const signature of signatures) sink.bytes(signature)
  return sink.finish()
}

export interface CommitProof {
  readonly path: CommitPath
  readonly view: number
  readonly seq: number
  readonly digest: Uint8Array
  readonly signatures: readonly Uint8Array[]
}

export function decodeCommitProof(proof: Uint8Array): CommitProof | undefined {
  try {
    const source = new ByteReader(proof)
    if (source.string(MAX_FIELD_BYTES) !== 'pbft-commit-proof') return undefined
    const path = source.string(MAX_FIELD_BYTES)
    if (path !== 'slow' && path !== 'fast') return undefined
    const view = source.uint()
    const seq = source.uint()
    const digest = source.bytes(MAX_FIELD_BYTES)
    const count = source.uint()
    const signatures: Uint8Array[] = []
    for (let i = 0; i < count; i++) signatures.push(source.bytes(MAX_FIELD_BYTES))
    return source.done ? { path, view, seq, digest, signatures } : undefined
  } catch {
    return undefined
  }
}

/** The batch a commit effect's entries came from (a lone empty noop is the null request). */
export function batchOfEntries(entries: readonly CommittedEntry[]): Batch {
  if (entries.length === 1 && entries[0]!.kind === 'noop' && entries[0]!.payload.length === 0) return []
  return entries.map((entry) => ({ kind: entry.kind === 'app' ? 'app' : 'noop', payload: entry.payload }))
}

/**
 * What a client (or a follower that is not a validator) checks before trusting a PBFT commit:
 * the entries hash to the certified batch digest, and enough distinct validators signed it (Q
 * commits, or on the fast path the pre-prepare and every prepare of a fast quorum).
 */
export function verifyCommitCertificate(commit: Commit, voters: readonly NodeId[], crypto: Crypto, fastQuorum?: number): boolean {
  const { certificate } = commit
  if (certificate.protocol !== 'pbft') return false
  const proof = decodeCommitProof(certificate.proof)
  if (proof === undefined || proof.view !== certificate.epoch || proof.signatures.length !== certificate.signers.length) return false
  const digests = new Digests(crypto)
  if (!bytesEqual(digests.batch(batchOfEntries(commit.entries)), proof.digest)) return false
  const signers = new Set(certificate.signers)
  if (signers.size !== certificate.signers.length || certificate.signers.some((signer) => !voters.includes(signer))) return false
  const n = voters.length
  const primary = voters[proof.view % n]!
  if (proof.path === 'slow' && signers.size < quorumSize(n)) return false
  if (proof.path === 'fast' && (signers.size < (fastQuorum ?? n) || certificate.signers[0] !== primary || signers.size < quorumSize(n))) return false
  return certificate.signers.every((signer, i) => {
    const type = proof.path === 'slow' ? 'commit' : i === 0 ? 'prePrepare' : 'prepare'
    if (type === 'prepare' && signer === primary) return false
    return crypto.verify(signer, voteBytes(type, signer, proof.view, proof.seq, proof.digest), proof.signatures[i]!)
  })
}

// -----------------------------------------------------------------------------------------------
// sendSnapshot metadata: which checkpoint the snapshot is.

export interface SnapshotMeta {
  readonly seq: number
  readonly index: number
  readonly stateDigest: Uint8Array
}

export function encodeSnapshotMeta(meta: SnapshotMeta): Uint8Array {
  return new ByteWriter(64).string('pbft-snapshot').uint(meta.seq).uint(meta.index).bytes(meta.stateDigest).finish()
}

export function decodeSnapshotMeta(bytes: Uint8Array): SnapshotMeta | undefined {
  try {
    const source = new ByteReader(bytes)
    if (source.string(MAX_FIELD_BYTES) !== 'pbft-snapshot') return undefined
    const meta = { seq: source.uint(), index: source.uint(), stateDigest: source.bytes(MAX_FIELD_BYTES) }
    return source.done ? meta : undefined
  } catch {
    return undefined
  }
}

// -----------------------------------------------------------------------------------------------
// Small byte helpers (the core imports nothing from node:).

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))
const keys = new WeakMap<Uint8Array, string>()

/**
 * A digest as a map key (its hex), memoised per array: the votes for one pre-prepare carry the
 * very digest array it did. Digests are never mutated.
 */
export function digestKey(digest: Uint8Array): string {
  let key = keys.get(digest)
  if (key === undefined) keys.set(digest, (key = hex(digest)))
  return key
}

export function hex(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!]!
  return out
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!
  return a.length - b.length
}
