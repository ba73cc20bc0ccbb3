// PBFT's messages on the wire: each PBFT message type is its own Envelope field (32-42,
// wire.proto) and decodes to `{ type: 'pbft', message }`. The generated codecs do the
// field-level work (their repeated fields carry the limits in wire.proto); this file maps
// them to the core's message union and back, and refuses a message that lacks a part the
// core needs (a view change without its checkpoint, a certificate without its pre-prepare)
// as MALFORMED, so the core never sees a half message. Signatures are checked later, in
// the validator, against the canonical signing bytes (pbft/signing.ts), not these bytes.

import { assertNever } from '../../protocols/core.js'
import type {
  Batch, CheckpointCertificate, CommitVote, Checkpoint, NewView, PbftMessage, PbftRequest, PrePrepare, Prepare, PreparedCertificate, ViewChange
} from '../../protocols/pbft/messages.js'
import type { PbftRecord } from '../../protocols/pbft/records.js'
import { BodyError } from './body-reader.js'
import * as pb from './wire.pb.js'
import type { Reader, Writer } from 'protons-runtime'

/** Envelope field of each PBFT message type. */
export const PBFT_FIELD = {
  request: 32,
  prePrepare: 33,
  prepare: 34,
  commit: 35,
  checkpoint: 36,
  viewChange: 37,
  newView: 38,
  status: 39,
  fetchState: 40,
  committed: 41,
  stableCheckpoint: 42
} as const satisfies Record<PbftMessage['type'], number>

export type PbftMessageType = keyof typeof PBFT_FIELD

const envelopeTag = (field: number): number => (field << 3) | 2

const codecs = {
  request: pb.PbftRequestMessage.codec(),
  prePrepare: pb.PbftPrePrepare.codec(),
  vote: pb.PbftVote.codec(),
  checkpoint: pb.PbftCheckpoint.codec(),
  viewChange: pb.PbftViewChange.codec(),
  newView: pb.PbftNewView.codec(),
  status: pb.PbftStatus.codec(),
  fetchState: pb.PbftFetchState.codec(),
  committed: pb.PbftCommitted.codec(),
  stableCheckpoint: pb.PbftStableCheckpoint.codec()
}

// --- Core -> protobuf ---------------------------------------------------------------

type Bytes = Uint8Array<ArrayBuffer>
/** The generated types want ArrayBuffer-backed bytes; any Uint8Array encodes the same. */
const bytes = (value: Uint8Array): Bytes => value as Bytes

const toRequests = (batch: Batch): pb.PbftRequest[] => batch.map((request) => ({ noop: request.kind === 'noop', payload: bytes(request.payload) }))
const toPrePrepare = (m: PrePrepare): pb.PbftPrePrepare => ({ signer: m.signer, signature: bytes(m.signature), view: m.view, seq: m.seq, digest: bytes(m.digest), batch: toRequests(m.batch) })
const toVote = (m: Prepare | CommitVote): pb.PbftVote => ({ signer: m.signer, signature: bytes(m.signature), view: m.view, seq: m.seq, digest: bytes(m.digest) })
const toCheckpoint = (m: Checkpoint): pb.PbftCheckpoint => ({ signer: m.signer, signature: bytes(m.signature), seq: m.seq, index: m.index, stateDigest: bytes(m.stateDigest) })
const toCertificate = (c: CheckpointCertificate): pb.PbftCheckpointCertificate => ({ seq: c.seq, index: c.index, stateDigest: bytes(c.stateDigest), proof: c.proof.map(toCheckpoint) })
const toPrepared = (c: PreparedCertificate): pb.PbftPreparedCertificate => ({ prePrepare: toPrePrepare(c.prePrepare), prepares: c.prepares.map(toVote) })
const toViewChange = (m: ViewChange): pb.PbftViewChange => ({
  signer: m.signer, signature: bytes(m.signature), view: m.view, checkpoint: toCertificate(m.checkpoint), prepared: m.prepared.map(toPrepared), accepted: m.accepted.map(toPrePrepare)
})

const toNewView = (m: NewView): pb.PbftNewView => ({ signer: m.signer, signature: bytes(m.signature), view: m.view, viewChanges: m.viewChanges.map(toViewChange), prePrepares: m.prePrepares.map(toPrePrepare) })

/** Appends the Envelope field for `msg` (tag, length, body) to `w`. */
export function writePbftMessage (w: Writer, msg: PbftMessage): void {
  w.uint32(envelopeTag(PBFT_FIELD[msg.type]))
  switch (msg.type) {
    case 'request': codecs.request.encode({ signer: msg.signer, signature: bytes(msg.signature), requests: toRequests(msg.requests) }, w); return
    case 'prePrepare': codecs.prePrepare.encode(toPrePrepare(msg), w); return
    case 'prepare':
    case 'commit':
      codecs.vote.encode(toVote(msg), w); return
    case 'checkpoint': codecs.checkpoint.encode(toCheckpoint(msg), w); return
    case 'viewChange': codecs.viewChange.encode(toViewChange(msg), w); return
    case 'newView': codecs.newView.encode(toNewView(msg), w); return
    case 'status': codecs.status.encode(msg as pb.PbftStatus, w); return
    case 'fetchState': codecs.fetchState.encode(msg as pb.PbftFetchState, w); return
    case 'committed': codecs.committed.encode({ signer: msg.signer, signature: bytes(msg.signature), prePrepare: toPrePrepare(msg.prePrepare), commits: msg.commits.map(toVote), prepares: msg.prepares.map(toVote) }, w); return
    case 'stableCheckpoint': codecs.stableCheckpoint.encode({ signer: msg.signer, signature: bytes(msg.signature), certificate: toCertificate(msg.certificate) }, w); return
    default: assertNever(msg)
  }
}

// --- protobuf -> core ---------------------------------------------------------------

function required<T> (value: T | undefined, what: string): T {
  if (value === undefined) throw new BodyError('MALFORMED', `pbft: ${what} is missing`)
  return value
}

const fromRequests = (requests: readonly pb.PbftRequest[]): PbftRequest[] => requests.map((request) => ({ kind: request.noop ? 'noop' : 'app', payload: request.payload }))
const fromPrePrepare = (m: pb.PbftPrePrepare): PrePrepare => ({ type: 'prePrepare', signer: m.signer, signature: m.signature, view: m.view, seq: m.seq, digest: m.digest, batch: fromRequests(m.batch) })
const fromPrepare = (m: pb.PbftVote): Prepare => ({ type: 'prepare', signer: m.signer, signature: m.signature, view: m.view, seq: m.seq, digest: m.digest })
const fromCommit = (m: pb.PbftVote): CommitVote => ({ type: 'commit', signer: m.signer, signature: m.signature, view: m.view, seq: m.seq, digest: m.digest })
const fromCheckpoint = (m: pb.PbftCheckpoint): Checkpoint => ({ type: 'checkpoint', signer: m.signer, signature: m.signature, seq: m.seq, index: m.index, stateDigest: m.stateDigest })
const fromCertificate = (c: pb.PbftCheckpointCertificate | undefined, what: string): CheckpointCertificate => {
  const certificate = required(c, what)
  return { seq: certificate.seq, index: certificate.index, stateDigest: certificate.stateDigest, proof: certificate.proof.map(fromCheckpoint) }
}
const fromViewChange = (m: pb.PbftViewChange): ViewChange => ({
  type: 'viewChange',
  signer: m.signer,
  signature: m.signature,
  view: m.view,
  checkpoint: fromCertificate(m.checkpoint, 'the view change\'s checkpoint'),
  prepared: m.prepared.map(fromPrepared),
  accepted: m.accepted.map(fromPrePrepare)
})

const fromPrepared = (c: pb.PbftPreparedCertificate): PreparedCertificate => ({ prePrepare: fromPrePrepare(required(c.prePrepare, 'a prepared certificate\'s pre-prepare')), prepares: c.prepares.map(fromPrepare) })
const fromNewView = (m: pb.PbftNewView): NewView => ({ type: 'newView', signer: m.signer, signature: m.signature, view: m.view, viewChanges: m.viewChanges.map(fromViewChange), prePrepares: m.prePrepares.map(fromPrePrepare) })

/** Reads the body of a PBFT message, `length` bytes at the reader's position. */
export function readPbftMessage (type: PbftMessageType, r: Reader, length: number): PbftMessage {
  switch (type) {
    case 'request': {
      const m = codecs.request.decode(r, length)
      return { type, signer: m.signer, signature: m.signature, requests: fromRequests(m.requests) }
    }
    case 'prePrepare': return fromPrePrepare(codecs.prePrepare.decode(r, length))
    case 'prepare': return fromPrepare(codecs.vote.decode(r, length))
    case 'commit': return fromCommit(codecs.vote.decode(r, length))
    case 'checkpoint': return fromCheckpoint(codecs.checkpoint.decode(r, length))
    case 'viewChange': return fromViewChange(codecs.viewChange.decode(r, length))
    case 'newView': return fromNewView(codecs.newView.decode(r, length))
    case 'status': {
      const m = codecs.status.decode(r, length)
      return { type, signer: m.signer, signature: m.signature, view: m.view, changing: m.changing, stableSeq: m.stableSeq, executedSeq: m.executedSeq, lastSeq: m.lastSeq }
    }
    case 'fetchState': {
      const m = codecs.fetchState.decode(r, length)
      return { type, signer: m.signer, signature: m.signature, seq: m.seq }
    }
    case 'committed': {
      const m = codecs.committed.decode(r, length)
      return {
        type,
        signer: m.signer,
        signature: m.signature,
        prePrepare: fromPrePrepare(required(m.prePrepare, 'the committed certificate\'s pre-prepare')),
        commits: m.commits.map(fromCommit),
        prepares: m.prepares.map(fromPrepare)
      }
    }
    case 'stableCheckpoint': {
      const m = codecs.stableCheckpoint.decode(r, length)
      return { type, signer: m.signer, signature: m.signature, certificate: fromCertificate(m.certificate, 'the stable checkpoint\'s certificate') }
    }
    default: return assertNever(type)
  }
}

// --- Stored records -------------------------------------------------------------------

/** A PBFT persist record as the node stores it (PbftStoredRecord in wire.proto). */
export function encodePbftRecord (record: PbftRecord): Uint8Array {
  switch (record.type) {
    case 'prePrepare': return pb.PbftStoredRecord.encode({ prePrepare: toPrePrepare(record.prePrepare) })
    case 'prepared': return pb.PbftStoredRecord.encode({ prepared: toPrepared(record.certificate) })
    case 'viewChange': return pb.PbftStoredRecord.encode({ viewChange: toViewChange(record.viewChange) })
    case 'newView': return pb.PbftStoredRecord.encode({ newView: toNewView(record.newView) })
    case 'checkpoint': return pb.PbftStoredRecord.encode({ checkpoint: toCertificate(record.certificate) })
    case 'committed': return pb.PbftStoredRecord.encode({ committed: { prePrepare: toPrePrepare(record.prePrepare), signers: [...record.signers], proof: bytes(record.proof) } })
    default: return assertNever(record)
  }
}

/** The record `bytes` hold; throws BodyError (or the codec's error) on anything but exactly one record. */
export function decodePbftRecord (bytes: Uint8Array): PbftRecord {
  const m = pb.PbftStoredRecord.decode(bytes)
  const present = [m.prePrepare, m.prepared, m.viewChange, m.newView, m.checkpoint, m.committed].filter((field) => field !== undefined).length
  if (present !== 1) throw new BodyError('MALFORMED', `pbft record with ${present} fields set`)
  if (m.prePrepare !== undefined) return { type: 'prePrepare', prePrepare: fromPrePrepare(m.prePrepare) }
  if (m.prepared !== undefined) return { type: 'prepared', certificate: fromPrepared(m.prepared) }
  if (m.viewChange !== undefined) return { type: 'viewChange', viewChange: fromViewChange(m.viewChange) }
  if (m.newView !== undefined) return { type: 'newView', newView: fromNewView(m.newView) }
  if (m.checkpoint !== undefined) return { type: 'checkpoint', certificate: fromCertificate(m.checkpoint, 'the checkpoint') }
  const committed = required(m.committed, 'the committed hint')
  return { type: 'committed', prePrepare: fromPrePrepare(required(committed.prePrepare, 'the committed pre-prepare')), signers: committed.signers, proof: committed.proof }
}
