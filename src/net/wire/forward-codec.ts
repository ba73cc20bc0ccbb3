// Client forwarding on the wire (Envelope fields 112-115, wire.proto): a follower
// passes client requests and reads to the leader and gets their outcomes back.
//
// Encoding uses the generated codecs. Decoding is by hand for the messages with
// repeated fields or strings, so their counts and sizes are capped (DecodeLimits)
// and a ForwardedResult comes out as exactly one member of its union.

import { assertNever } from '../../protocols/core.js'
import { BodyError, EMPTY_BYTES, readBool, readString, readTag, readUint53, readView, readLength, skipField } from './body-reader.js'
import * as pb from './wire.pb.js'
import type { DecodeLimits } from './limits.js'
import type { Forward, ForwardedResult, ForwardResult, ReadIndex, ReadIndexResult } from './messages.js'
import type { Reader, Writer } from 'protons-runtime'

export type ForwardingMessage = Forward | ForwardResult | ReadIndex | ReadIndexResult

/** Envelope field of each forwarding message type. */
export const FORWARDING_FIELD = {
  forward: 112,
  forwardResult: 113,
  readIndex: 114,
  readIndexResult: 115
} as const satisfies Record<ForwardingMessage['type'], number>

export type ForwardingMessageType = keyof typeof FORWARDING_FIELD

const envelopeTag = (field: number): number => (field << 3) | 2

const forwardCodec = pb.Forward.codec()
const forwardResultCodec = pb.ForwardResult.codec()
const readIndexCodec = pb.ReadIndex.codec()
const readIndexResultCodec = pb.ReadIndexResult.codec()

// Field tags (field << 3 | wire type), as in wire.proto.
const REQUEST_ID = 0x08
const FORWARD_PAYLOAD = 0x12
const FORWARD_FIELDS = 2
const FORWARD_RESULT = 0x12
const FORWARD_RESULT_FIELDS = 2
const RESULT_OK = 0x08
const RESULT_INDEX = 0x10
const RESULT_RESULT = 0x1a
const RESULT_CODE = 0x22
const RESULT_LEADER = 0x2a
const RESULT_FIELDS = 5
const READ_OK = 0x10
const READ_INDEX = 0x18
const READ_CODE = 0x22
const READ_LEADER = 0x2a
const READ_FIELDS = 5

/** Appends the Envelope field for `msg` (tag, length, body) to `w`. */
export function writeForwardingMessage (w: Writer, msg: ForwardingMessage): void {
  // The generated encoders ignore `type` and skip fields that are absent, which is
  // how each ForwardedResult writes only the fields of its own outcome.
  switch (msg.type) {
    case 'forward': w.uint32(envelopeTag(FORWARDING_FIELD.forward)); forwardCodec.encode(msg as pb.Forward, w); return
    case 'forwardResult': w.uint32(envelopeTag(FORWARDING_FIELD.forwardResult)); forwardResultCodec.encode(msg as unknown as pb.ForwardResult, w); return
    case 'readIndex': w.uint32(envelopeTag(FORWARDING_FIELD.readIndex)); readIndexCodec.encode(msg, w); return
    case 'readIndexResult': w.uint32(envelopeTag(FORWARDING_FIELD.readIndexResult)); readIndexResultCodec.encode(msg, w); return
    default: assertNever(msg)
  }
}

/** Reads the body of a forwarding message, `length` bytes at the reader's position. */
export function readForwardingMessage (type: ForwardingMessageType, r: Reader, length: number, limits: Readonly<DecodeLimits>): ForwardingMessage {
  const end = r.pos + length
  switch (type) {
    case 'forward': return readForward(r, end, limits)
    case 'forwardResult': return readForwardResult(r, end, limits)
    case 'readIndex': {
      const m = readIndexCodec.decode(r, length)
      return { type, requestId: m.requestId }
    }
    case 'readIndexResult': return readReadIndexResult(r, end, limits)
    default: return assertNever(type)
  }
}

function readForward (r: Reader, end: number, limits: Readonly<DecodeLimits>): Forward {
  let requestId = 0
  const payloads: Uint8Array[] = []
  while (r.pos < end) {
    const tag = readTag(r, end)
    switch (tag) {
      case FORWARD_PAYLOAD:
        if (payloads.length === limits.forwardPayloads) throw new BodyError('TOO_LARGE', `forward with more than ${limits.forwardPayloads} payloads`)
        payloads.push(readView(r, end, limits.payloadBytes, 'forwarded payload'))
        break
      case REQUEST_ID: requestId = readUint53(r, end); break
      default: skipField(r, tag, end, FORWARD_FIELDS, 'forward')
    }
  }
  return { type: 'forward', requestId, payloads }
}

function readForwardResult (r: Reader, end: number, limits: Readonly<DecodeLimits>): ForwardResult {
  let requestId = 0
  const results: ForwardedResult[] = []
  while (r.pos < end) {
    const tag = readTag(r, end)
    switch (tag) {
      case FORWARD_RESULT:
        if (results.length === limits.forwardResults) throw new BodyError('TOO_LARGE', `forward result with more than ${limits.forwardResults} results`)
        results.push(readForwardedResult(r, end, limits))
        break
      case REQUEST_ID: requestId = readUint53(r, end); break
      default: skipField(r, tag, end, FORWARD_RESULT_FIELDS, 'forwardResult')
    }
  }
  return { type: 'forwardResult', requestId, results }
}

function readForwardedResult (r: Reader, outerEnd: number, limits: Readonly<DecodeLimits>): ForwardedResult {
  const end = readLength(r, outerEnd) + r.pos
  let ok = false
  let index = 0
  let result: Uint8Array = EMPTY_BYTES
  let code = ''
  let leader: string | undefined
  while (r.pos < end) {
    const tag = readTag(r, end)
    switch (tag) {
      case RESULT_OK: ok = readBool(r, end); break
      case RESULT_INDEX: index = readUint53(r, end); break
      case RESULT_RESULT: result = readView(r, end, limits.payloadBytes, 'forwarded result'); break
      case RESULT_CODE: code = readString(r, end, limits.stringBytes, 'error code'); break
      case RESULT_LEADER: leader = readString(r, end, limits.stringBytes, 'leader id'); break
      default: skipField(r, tag, end, RESULT_FIELDS, 'forwarded result')
    }
  }
  if (ok) {
    if (code !== '' || leader !== undefined) throw new BodyError('MALFORMED', 'a successful forwarded result with an error code or leader')
    return { ok, index, result }
  }
  if (index !== 0 || result.byteLength !== 0) throw new BodyError('MALFORMED', 'a failed forwarded result with an index or result')
  return leader === undefined ? { ok, code } : { ok, code, leader }
}

function readReadIndexResult (r: Reader, end: number, limits: Readonly<DecodeLimits>): ReadIndexResult {
  let requestId = 0
  let ok = false
  let index = 0
  let code: string | undefined
  let leader: string | undefined
  while (r.pos < end) {
    const tag = readTag(r, end)
    switch (tag) {
      case REQUEST_ID: requestId = readUint53(r, end); break
      case READ_OK: ok = readBool(r, end); break
      case READ_INDEX: index = readUint53(r, end); break
      case READ_CODE: code = readString(r, end, limits.stringBytes, 'error code'); break
      case READ_LEADER: leader = readString(r, end, limits.stringBytes, 'leader id'); break
      default: skipField(r, tag, end, READ_FIELDS, 'readIndexResult')
    }
  }
  // Optional fields stay absent unless the frame set them.
  const msg: ReadIndexResult = { type: 'readIndexResult', requestId, ok, index }
  if (code !== undefined) msg.code = code
  if (leader !== undefined) msg.leader = leader
  return msg
}
