// The one boundary between bytes and typed messages. protons throws on bad input;
// every throw is caught here and becomes a typed DecodeError, so nothing above this
// file ever sees an exception caused by what a peer sent.
//
// The Envelope is read by hand rather than through the generated Envelope codec:
// the generated oneof keeps whichever field it likes when a frame sets two, and
// cannot tell "no body" from "a body this version does not know". Here two bodies
// are MALFORMED, no body is MALFORMED, and only a number we do not know is
// UNKNOWN_TYPE. The generated per-message codecs do the field-level work, except
// for the Raft Append and the forwarding messages with repeated fields, which
// raft-codec.ts and forward-codec.ts read by hand within DecodeLimits.

import { reader as createReader, writer as createWriter } from 'protons-runtime'
import { assertNever } from '../../protocols/core.js'
import { BodyError } from './body-reader.js'
import { FORWARDING_FIELD, readForwardingMessage, writeForwardingMessage } from './forward-codec.js'
import { DEFAULT_DECODE_LIMITS } from './limits.js'
import { PBFT_FIELD, readPbftMessage, writePbftMessage } from './pbft-codec.js'
import { RAFT_FIELD, readRaftMessage, writeRaftMessage } from './raft-codec.js'
import * as pb from './wire.pb.js'
import type { ForwardingMessageType } from './forward-codec.js'
import type { DecodeLimits } from './limits.js'
import type { AdminRequest, AdminResult, Bench, Hello, JoinRequest, Ping, Pong, SnapshotChunk, SnapshotChunkRequest, SnapshotOffer, WireMessage, WireMessageType } from './messages.js'
import type { PbftMessageType } from './pbft-codec.js'
import type { RaftMessageType } from './raft-codec.js'
import type { Reader, Writer } from 'protons-runtime'

export type { DecodeLimits } from './limits.js'
export { DEFAULT_DECODE_LIMITS } from './limits.js'

export type DecodeErrorCode = 'TRUNCATED' | 'MALFORMED' | 'UNKNOWN_TYPE' | 'TOO_LARGE'

export interface DecodeError {
  code: DecodeErrorCode
  detail: string
}

export type DecodeResult =
  | { ok: true, value: WireMessage }
  | { ok: false, error: DecodeError }

export interface DecodeOptions {
  /** Envelope bytes above this are TOO_LARGE without being parsed. */
  maxBytes?: number
  /** Types outside this set are UNKNOWN_TYPE, before their body is read: a stream for one protocol refuses another's messages. */
  accepts?: ReadonlySet<WireMessageType>
  /**
   * Caps on counts and sizes inside a frame, over DEFAULT_DECODE_LIMITS; past one the
   * frame is TOO_LARGE. Read once per object: give a new object to change them.
   */
  limits?: Partial<DecodeLimits>
}

/** Default ceiling on one frame's envelope: big enough for a snapshot chunk, small enough to buffer per peer. */
export const DEFAULT_MAX_FRAME_BYTES = 1024 * 1024

// Envelope field numbers: the message type on the wire (see wire.proto). Raft has
// one field per Raft message type (RAFT_FIELD), all of them decoding to 'raft'.
// The link-level, synchronizer and operator messages are read with the generated codecs.
const FIELD = {
  hello: 1,
  ping: 2,
  pong: 3,
  bench: 4,
  snapshotOffer: 80,
  snapshotChunkRequest: 81,
  snapshotChunk: 82,
  joinRequest: 83,
  adminRequest: 116,
  adminResult: 117
} as const satisfies Record<Exclude<WireMessageType, 'raft' | 'pbft' | ForwardingMessageType>, number>

/** What an Envelope field holds: a link-level message, a Raft message or a forwarding message. */
type Body =
  | { kind: 'link', type: keyof typeof FIELD }
  | { kind: 'raft', type: RaftMessageType }
  | { kind: 'pbft', type: PbftMessageType }
  | { kind: 'forwarding', type: ForwardingMessageType }

const BODY_BY_FIELD: ReadonlyArray<Body | undefined> = (() => {
  const byField: Array<Body | undefined> = []
  for (const [type, field] of Object.entries(FIELD)) byField[field] = { kind: 'link', type: type as keyof typeof FIELD }
  for (const [type, field] of Object.entries(RAFT_FIELD)) byField[field] = { kind: 'raft', type: type as RaftMessageType }
  for (const [type, field] of Object.entries(PBFT_FIELD)) byField[field] = { kind: 'pbft', type: type as PbftMessageType }
  for (const [type, field] of Object.entries(FORWARDING_FIELD)) byField[field] = { kind: 'forwarding', type: type as ForwardingMessageType }
  return byField
})()

const wireTypeOf = (body: Body): WireMessageType => body.kind === 'raft' || body.kind === 'pbft' ? body.kind : body.type

const WIRE_TYPE_LENGTH_DELIMITED = 2
const tagOf = (field: number): number => (field << 3) | WIRE_TYPE_LENGTH_DELIMITED

const helloCodec = pb.Hello.codec()
const pingCodec = pb.Ping.codec()
const pongCodec = pb.Pong.codec()
const benchCodec = pb.Bench.codec()
const snapshotOfferCodec = pb.SnapshotOffer.codec()
const snapshotChunkRequestCodec = pb.SnapshotChunkRequest.codec()
const snapshotChunkCodec = pb.SnapshotChunk.codec()
const joinRequestCodec = pb.JoinRequest.codec()
const adminRequestCodec = pb.AdminRequest.codec()
const adminResultCodec = pb.AdminResult.codec()

/** Appends the Envelope for `msg` (no length prefix) to `w`. */
export function writeEnvelope (w: Writer, msg: WireMessage): void {
  // The union members carry the generated fields plus `type`, which the generated
  // encoders ignore, so the message is encoded as is, without a copy.
  switch (msg.type) {
    case 'hello': w.uint32(tagOf(FIELD.hello)); helloCodec.encode(msg as pb.Hello, w); return
    case 'ping': w.uint32(tagOf(FIELD.ping)); pingCodec.encode(msg, w); return
    case 'pong': w.uint32(tagOf(FIELD.pong)); pongCodec.encode(msg, w); return
    case 'bench': w.uint32(tagOf(FIELD.bench)); benchCodec.encode(msg as pb.Bench, w); return
    case 'raft': writeRaftMessage(w, msg.message); return
    case 'pbft': writePbftMessage(w, msg.message); return
    case 'snapshotOffer': w.uint32(tagOf(FIELD.snapshotOffer)); snapshotOfferCodec.encode(msg as pb.SnapshotOffer, w); return
    case 'snapshotChunkRequest': w.uint32(tagOf(FIELD.snapshotChunkRequest)); snapshotChunkRequestCodec.encode(msg, w); return
    case 'snapshotChunk': w.uint32(tagOf(FIELD.snapshotChunk)); snapshotChunkCodec.encode(msg as pb.SnapshotChunk, w); return
    case 'joinRequest': w.uint32(tagOf(FIELD.joinRequest)); joinRequestCodec.encode(msg, w); return
    case 'adminRequest': w.uint32(tagOf(FIELD.adminRequest)); adminRequestCodec.encode(msg, w); return
    case 'adminResult': w.uint32(tagOf(FIELD.adminResult)); adminResultCodec.encode(msg, w); return
    case 'forward':
    case 'forwardResult':
    case 'readIndex':
    case 'readIndexResult':
      writeForwardingMessage(w, msg); return
    default: assertNever(msg)
  }
}

/** The Envelope bytes for one message, without a length prefix. */
export function encode (msg: WireMessage): Uint8Array {
  const w = createWriter()
  writeEnvelope(w, msg)
  return w.finish()
}

/** Decodes one Envelope. Never throws. */
export function decode (bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FRAME_BYTES
  if (bytes.byteLength > maxBytes) {
    return fail('TOO_LARGE', `frame of ${bytes.byteLength} bytes exceeds ${maxBytes}`)
  }
  try {
    return readEnvelope(readerOver(bytes), options.accepts, limitsOf(options.limits))
  } catch (err) {
    return fromThrown(err)
  }
}

const resolvedLimits = new WeakMap<Partial<DecodeLimits>, Readonly<DecodeLimits>>()

function limitsOf (limits: Partial<DecodeLimits> | undefined): Readonly<DecodeLimits> {
  if (limits === undefined) return DEFAULT_DECODE_LIMITS
  let resolved = resolvedLimits.get(limits)
  if (resolved === undefined) {
    resolved = { ...DEFAULT_DECODE_LIMITS, ...limits }
    resolvedLimits.set(limits, resolved)
  }
  return resolved
}

// One reader, re-aimed at each frame: decoding is synchronous and never re-entered,
// and a fresh reader per frame was a measurable share of the receive path.
const sharedReader = createReader(new Uint8Array(0))

function readerOver (bytes: Uint8Array): Reader {
  sharedReader.buf = bytes
  sharedReader.pos = 0
  sharedReader.len = bytes.byteLength
  return sharedReader
}

function readEnvelope (reader: Reader, accepts: ReadonlySet<WireMessageType> | undefined, limits: Readonly<DecodeLimits>): DecodeResult {
  let body: WireMessage | undefined
  let unknownField: number | undefined
  while (reader.pos < reader.len) {
    const tag = reader.uint32()
    const field = tag >>> 3
    const wireType = tag & 7
    const known = BODY_BY_FIELD[field]
    if (known === undefined) {
      // A newer peer's message type, or noise. Skip it so a known body in the same
      // envelope still decodes; with no known body it is reported as UNKNOWN_TYPE.
      if (field === 0) return fail('MALFORMED', 'field number 0')
      unknownField ??= field
      reader.skipType(wireType)
      continue
    }
    const type = known.type
    if (wireType !== WIRE_TYPE_LENGTH_DELIMITED) {
      return fail('MALFORMED', `field ${field} (${type}) has wire type ${wireType}, expected a message`)
    }
    if (body !== undefined) {
      return fail('MALFORMED', `envelope sets two bodies: ${body.type} and ${type}`)
    }
    if (accepts !== undefined && !accepts.has(wireTypeOf(known))) {
      // Refused before its body is read: a stream pays nothing for what it does not carry.
      return fail('UNKNOWN_TYPE', `type ${wireTypeOf(known)} is not carried on this protocol`)
    }
    const length = reader.uint32()
    const end = reader.pos + length
    if (end > reader.len) {
      return fail('TRUNCATED', `${type} body of ${length} bytes, ${reader.len - reader.pos} present`)
    }
    body = readBody(known, reader, length, limits)
    if (reader.pos !== end) {
      return fail('MALFORMED', `${type} body overran its length`)
    }
  }
  if (body !== undefined) return { ok: true, value: body }
  if (unknownField !== undefined) return fail('UNKNOWN_TYPE', `envelope field ${unknownField}`)
  return fail('MALFORMED', 'empty envelope')
}

function readBody (body: Body, reader: Reader, length: number, limits: Readonly<DecodeLimits>): WireMessage {
  switch (body.kind) {
    case 'raft': return { type: 'raft', message: readRaftMessage(body.type, reader, length, limits) }
    case 'pbft': return { type: 'pbft', message: readPbftMessage(body.type, reader, length) }
    case 'forwarding': return readForwardingMessage(body.type, reader, length, limits)
    case 'link': return readLinkMessage(body.type, reader, length)
    default: return assertNever(body)
  }
}

function readLinkMessage (type: keyof typeof FIELD, reader: Reader, length: number): WireMessage {
  switch (type) {
    case 'hello': {
      const m = helloCodec.decode(reader, length)
      const hello: Hello = { type, chainId: m.chainId, genesisHash: m.genesisHash, protocol: m.protocol, nodeVersion: m.nodeVersion, listenAddrs: m.listenAddrs }
      return hello
    }
    case 'ping': {
      const m = pingCodec.decode(reader, length)
      const ping: Ping = { type, nonce: m.nonce, sentAtUs: m.sentAtUs }
      return ping
    }
    case 'pong': {
      const m = pongCodec.decode(reader, length)
      const pong: Pong = { type, nonce: m.nonce, sentAtUs: m.sentAtUs }
      return pong
    }
    case 'bench': {
      const m = benchCodec.decode(reader, length)
      const bench: Bench = { type, seq: m.seq, payload: m.payload }
      return bench
    }
    case 'snapshotOffer': {
      const m = snapshotOfferCodec.decode(reader, length)
      const offer: SnapshotOffer = { type, index: m.index, fileTerm: m.fileTerm, fileMeta: m.fileMeta, size: m.size, coreMeta: m.coreMeta }
      return offer
    }
    case 'snapshotChunkRequest': {
      const m = snapshotChunkRequestCodec.decode(reader, length)
      const request: SnapshotChunkRequest = { type, index: m.index, offset: m.offset, length: m.length }
      return request
    }
    case 'snapshotChunk': {
      const m = snapshotChunkCodec.decode(reader, length)
      const chunk: SnapshotChunk = { type, index: m.index, offset: m.offset, data: m.data, missing: m.missing }
      return chunk
    }
    case 'joinRequest': {
      const m = joinRequestCodec.decode(reader, length)
      const join: JoinRequest = { type, nodeVersion: m.nodeVersion }
      return join
    }
    case 'adminRequest': {
      const m = adminRequestCodec.decode(reader, length)
      const request: AdminRequest = { type, requestId: m.requestId, kind: m.kind, node: m.node }
      return request
    }
    case 'adminResult': {
      const m = adminResultCodec.decode(reader, length)
      const result: AdminResult = {
        type,
        requestId: m.requestId,
        ok: m.ok,
        ...(m.code !== undefined ? { code: m.code } : {}),
        ...(m.reason !== undefined ? { reason: m.reason } : {}),
        ...(m.leader !== undefined ? { leader: m.leader } : {})
      }
      return result
    }
    default: return assertNever(type)
  }
}

function fail (code: DecodeErrorCode, detail: string): { ok: false, error: DecodeError } {
  return { ok: false, error: { code, detail } }
}

// protons reports reading past the end as RangeError("index out of range ...")
// (and uint8-varint as RangeError("Could not decode varint")); everything else it
// throws (bad wire type, bad varint, too many repeated elements) is malformed input.
// BodyError comes from the hand-written readers and already carries its code.
function fromThrown (err: unknown): { ok: false, error: DecodeError } {
  if (err instanceof BodyError) return fail(err.code, err.message)
  const message = err instanceof Error ? err.message : String(err)
  if (err instanceof RangeError) return fail('TRUNCATED', message)
  return fail('MALFORMED', message)
}

export type { Writer }
