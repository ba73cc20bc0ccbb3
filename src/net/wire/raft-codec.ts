// Raft's messages on the wire: each Raft message type is its own Envelope field
// (16-22, wire.proto), so a frame is [tag][length][body] with no inner oneof, and
// decodes to `{ type: 'raft', message }`.
//
// Append carries the log and is the message sent most, so it is encoded and decoded
// here by hand: each entry's length is computed up front and written straight into
// the writer (no fork per entry, no options object per entry, as the generated codec
// makes), and decoding builds exactly one object per entry whose payload is a view of
// the frame. The bytes are the generated codec's bytes (test/net/wire-codec.test.ts
// checks it). The small messages go through the generated codecs.

import { assertNever } from '../../protocols/core.js'
import { BodyError, EMPTY_BYTES, readLength, readTag, readUint53, readView, skipField, uint53Length } from './body-reader.js'
import { SlabWriter } from './slab-writer.js'
import * as pb from './wire.pb.js'
import type { DecodeLimits } from './limits.js'
import type { Append, RaftEntry, RaftMessage } from '../../protocols/raft/messages.js'
import type { EntryKind } from '../../protocols/core.js'
import type { Reader, Writer } from 'protons-runtime'

/** Envelope field of each Raft message type. */
export const RAFT_FIELD = {
  voteRequest: 16,
  voteResponse: 17,
  append: 18,
  appendResponse: 19,
  heartbeat: 20,
  heartbeatResponse: 21,
  timeoutNow: 22
} as const satisfies Record<RaftMessage['type'], number>

export type RaftMessageType = keyof typeof RAFT_FIELD

const envelopeTag = (field: number): number => (field << 3) | 2

const voteRequestCodec = pb.VoteRequest.codec()
const voteResponseCodec = pb.VoteResponse.codec()
const appendResponseCodec = pb.AppendResponse.codec()
const heartbeatCodec = pb.Heartbeat.codec()
const heartbeatResponseCodec = pb.HeartbeatResponse.codec()
const timeoutNowCodec = pb.TimeoutNow.codec()

// Append and RaftEntry field tags (field << 3 | wire type), as in wire.proto.
const APPEND_TERM = 0x08
const APPEND_PREV_INDEX = 0x10
const APPEND_PREV_TERM = 0x18
const APPEND_COMMIT = 0x20
const APPEND_ENTRY = 0x2a
const APPEND_FIELDS = 5
const ENTRY_TERM = 0x08
const ENTRY_KIND = 0x10
const ENTRY_PAYLOAD = 0x1a
const ENTRY_FIELDS = 3

/** EntryKind enum values in wire.proto, by position. */
const KIND_BY_CODE: readonly EntryKind[] = ['app', 'noop', 'config']

function kindCode (kind: EntryKind): number {
  switch (kind) {
    case 'app': return 0
    case 'noop': return 1
    case 'config': return 2
    default: return assertNever(kind)
  }
}

/** Appends the Envelope field for `msg` (tag, length, body) to `w`. */
export function writeRaftMessage (w: Writer, msg: RaftMessage): void {
  switch (msg.type) {
    case 'append': writeAppend(w, msg); return
    case 'heartbeat': w.uint32(envelopeTag(RAFT_FIELD.heartbeat)); heartbeatCodec.encode(msg, w); return
    case 'heartbeatResponse': w.uint32(envelopeTag(RAFT_FIELD.heartbeatResponse)); heartbeatResponseCodec.encode(msg, w); return
    case 'appendResponse': w.uint32(envelopeTag(RAFT_FIELD.appendResponse)); appendResponseCodec.encode(msg, w); return
    case 'voteRequest': w.uint32(envelopeTag(RAFT_FIELD.voteRequest)); voteRequestCodec.encode(msg, w); return
    case 'voteResponse': w.uint32(envelopeTag(RAFT_FIELD.voteResponse)); voteResponseCodec.encode(msg, w); return
    case 'timeoutNow': w.uint32(envelopeTag(RAFT_FIELD.timeoutNow)); timeoutNowCodec.encode(msg, w); return
    default: assertNever(msg)
  }
}

/** Most bytes an entry adds besides its payload: tag, length, term, kind, payload tag and length. */
const MAX_ENTRY_OVERHEAD = 1 + 5 + (1 + 8) + 2 + (1 + 5)
/** Most bytes an Append adds besides its entries: envelope tag and length, four numbers. */
const MAX_APPEND_OVERHEAD = 2 + 5 + 4 * (1 + 8)

function writeAppend (w: Writer, msg: Append): void {
  const entries = msg.entries
  if (w instanceof SlabWriter && entries.length > 0) {
    let payloadBytes = 0
    for (let i = 0; i < entries.length; i++) payloadBytes += (entries[i] as RaftEntry).payload.byteLength
    w.reserve(MAX_APPEND_OVERHEAD + entries.length * MAX_ENTRY_OVERHEAD + payloadBytes)
  }
  w.uint32(envelopeTag(RAFT_FIELD.append))
  // One fork for the whole body: its length is known only once the entries are in.
  w.fork()
  // proto3: fields at their default are not written, as the generated codecs do.
  if (msg.term !== 0) w.uint32(APPEND_TERM).uint64Number(msg.term)
  if (msg.prevIndex !== 0) w.uint32(APPEND_PREV_INDEX).uint64Number(msg.prevIndex)
  if (msg.prevTerm !== 0) w.uint32(APPEND_PREV_TERM).uint64Number(msg.prevTerm)
  if (msg.commit !== 0) w.uint32(APPEND_COMMIT).uint64Number(msg.commit)
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as RaftEntry
    const term = entry.term
    const kind = kindCode(entry.kind)
    const payload = entry.payload
    const payloadBytes = payload.byteLength
    const entryBytes =
      (term !== 0 ? 1 + uint53Length(term) : 0) +
      (kind !== 0 ? 2 : 0) +
      (payloadBytes !== 0 ? 1 + uint53Length(payloadBytes) + payloadBytes : 0)
    w.uint32(APPEND_ENTRY).uint32(entryBytes)
    if (term !== 0) w.uint32(ENTRY_TERM).uint64Number(term)
    if (kind !== 0) w.uint32(ENTRY_KIND).uint32(kind)
    if (payloadBytes !== 0) w.uint32(ENTRY_PAYLOAD).bytes(payload)
  }
  w.ldelim()
}

/** Reads the body of a Raft message of `type` (its Envelope field is RAFT_FIELD[type]), `length` bytes at the reader's position. */
export function readRaftMessage (type: RaftMessageType, r: Reader, length: number, limits: Readonly<DecodeLimits>): RaftMessage {
  switch (type) {
    case 'append': return readAppend(r, r.pos + length, limits)
    case 'heartbeat': {
      const m = heartbeatCodec.decode(r, length)
      return { type, term: m.term, commit: m.commit, context: m.context }
    }
    case 'heartbeatResponse': {
      const m = heartbeatResponseCodec.decode(r, length)
      return { type, term: m.term, context: m.context }
    }
    case 'appendResponse': {
      const m = appendResponseCodec.decode(r, length)
      return { type, term: m.term, success: m.success, index: m.index, conflictTerm: m.conflictTerm, conflictIndex: m.conflictIndex }
    }
    case 'voteRequest': {
      const m = voteRequestCodec.decode(r, length)
      return { type, term: m.term, preVote: m.preVote, lastIndex: m.lastIndex, lastTerm: m.lastTerm, transfer: m.transfer }
    }
    case 'voteResponse': {
      const m = voteResponseCodec.decode(r, length)
      return { type, term: m.term, preVote: m.preVote, granted: m.granted }
    }
    case 'timeoutNow': {
      const m = timeoutNowCodec.decode(r, length)
      return { type, term: m.term }
    }
    default: return assertNever(type)
  }
}

function readAppend (r: Reader, end: number, limits: Readonly<DecodeLimits>): Append {
  let term = 0
  let prevIndex = 0
  let prevTerm = 0
  let commit = 0
  const entries: RaftEntry[] = []
  const maxEntries = limits.appendEntries
  const maxPayloadBytes = limits.payloadBytes
  while (r.pos < end) {
    const tag = readTag(r, end)
    switch (tag) {
      case APPEND_ENTRY:
        if (entries.length === maxEntries) throw new BodyError('TOO_LARGE', `append with more than ${maxEntries} entries`)
        entries.push(readEntry(r, end, maxPayloadBytes))
        break
      case APPEND_TERM: term = readUint53(r, end); break
      case APPEND_PREV_INDEX: prevIndex = readUint53(r, end); break
      case APPEND_PREV_TERM: prevTerm = readUint53(r, end); break
      case APPEND_COMMIT: commit = readUint53(r, end); break
      default: skipField(r, tag, end, APPEND_FIELDS, 'append')
    }
  }
  return { type: 'append', term, prevIndex, prevTerm, entries, commit }
}

function readEntry (r: Reader, appendEnd: number, maxPayloadBytes: number): RaftEntry {
  const end = readLength(r, appendEnd) + r.pos
  let term = 0
  let kind: EntryKind = 'app'
  let payload = EMPTY_BYTES
  while (r.pos < end) {
    const tag = readTag(r, end)
    switch (tag) {
      case ENTRY_PAYLOAD: payload = readView(r, end, maxPayloadBytes, 'entry payload'); break
      case ENTRY_TERM: term = readUint53(r, end); break
      case ENTRY_KIND: {
        const code = readUint53(r, end)
        const known = KIND_BY_CODE[code]
        // An open proto3 enum would keep the number; a core has no use for a kind it does not know.
        if (known === undefined) throw new BodyError('MALFORMED', `entry kind ${code}`)
        kind = known
        break
      }
      default: skipField(r, tag, end, ENTRY_FIELDS, 'entry')
    }
  }
  return { term, kind, payload }
}
