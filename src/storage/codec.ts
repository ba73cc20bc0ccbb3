// The on-disk encoding of the Raft store: keys and checksummed binary values.
//
// Every value is [crc32 (4 bytes, big-endian)][body]. The checksum covers the key as well as
// the body, so a value that ends up under the wrong key (a hard state read as a snapshot
// marker, entry 7 read as entry 8) fails it too. Numbers are unsigned LEB128 varints, which
// reach Number.MAX_SAFE_INTEGER: terms and indices are safe integers.

import { crc32 } from 'node:zlib'
import type { EntryKind, NodeId } from '../protocols/core.js'
import type { RaftEntry } from '../protocols/raft/messages.js'
import type { HardStateRecord, SnapshotRecord } from '../protocols/raft/records.js'

/** Thrown by the decoders below; callers turn it into their own verdict (drop the tail, refuse to start). */
export class DecodeError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'DecodeError'
  }
}

// ---- keys ----------------------------------------------------------------------------------

const utf8Encoder = new TextEncoder()
const utf8Decoder = new TextDecoder('utf-8', { fatal: true })

export const FORMAT_KEY = utf8Encoder.encode('v')
export const HARD_STATE_KEY = utf8Encoder.encode('h')
export const SNAPSHOT_MARKER_KEY = utf8Encoder.encode('s')
export const COMMIT_KEY = utf8Encoder.encode('c')

const LOG_PREFIX = 0x6c // 'l'
const LOG_KEY_LENGTH = 9
/** The first key after every log key: iteration bounds. */
export const LOG_KEYS_START = logKey(0)
export const LOG_KEYS_END = Uint8Array.of(LOG_PREFIX + 1)

/** 'l' + the index as 8 bytes big-endian, so LevelDB's byte order is log order. */
export function logKey (index: number): Uint8Array {
  // Byte by byte rather than through a DataView: this runs for every entry written.
  const high = Math.floor(index / 0x1_0000_0000)
  const low = index >>> 0
  return Uint8Array.of(
    LOG_PREFIX,
    high >>> 24, (high >>> 16) & 0xff, (high >>> 8) & 0xff, high & 0xff,
    low >>> 24, (low >>> 16) & 0xff, (low >>> 8) & 0xff, low & 0xff
  )
}

/** The index in a log key, or undefined for a key that is not one of ours. */
export function logKeyIndex (key: Uint8Array): number | undefined {
  if (key.length !== LOG_KEY_LENGTH || key[0] !== LOG_PREFIX) return undefined
  const view = new DataView(key.buffer, key.byteOffset, key.byteLength)
  const index = view.getUint32(1) * 0x1_0000_0000 + view.getUint32(5)
  return Number.isSafeInteger(index) ? index : undefined
}

// ---- bytes ---------------------------------------------------------------------------------

class ByteWriter {
  private buffer: Uint8Array
  private length = 0

  constructor (capacity: number) {
    this.buffer = new Uint8Array(capacity)
  }

  private reserve (count: number): void {
    if (this.length + count <= this.buffer.length) return
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + count))
    grown.set(this.buffer.subarray(0, this.length))
    this.buffer = grown
  }

  byte (value: number): void {
    this.reserve(1)
    this.buffer[this.length++] = value
  }

  varint (value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not an unsigned safe integer: ${value}`)
    this.reserve(8)
    // Division, not shifts: shifts would cut the value to 32 bits.
    while (value >= 0x80) {
      this.buffer[this.length++] = (value % 0x80) | 0x80
      value = Math.floor(value / 0x80)
    }
    this.buffer[this.length++] = value
  }

  bytes (value: Uint8Array): void {
    this.reserve(value.length)
    this.buffer.set(value, this.length)
    this.length += value.length
  }

  /** A length-prefixed UTF-8 string. */
  text (value: string): void {
    const bytes = utf8Encoder.encode(value)
    this.varint(bytes.length)
    this.bytes(bytes)
  }

  /** The written bytes with the checksum of key + body in front. */
  sealed (key: Uint8Array): Uint8Array {
    const body = this.buffer.subarray(4, this.length)
    new DataView(this.buffer.buffer, this.buffer.byteOffset).setUint32(0, crc32(body, crc32(key)))
    return this.buffer.subarray(0, this.length)
  }
}

/** A writer with room left for the checksum that `sealed` fills in. */
function valueWriter (capacity: number): ByteWriter {
  const writer = new ByteWriter(capacity + 4)
  writer.bytes(new Uint8Array(4))
  return writer
}

class ByteReader {
  private offset = 0

  constructor (private readonly buffer: Uint8Array) {}

  get remaining (): number {
    return this.buffer.length - this.offset
  }

  byte (): number {
    const value = this.buffer[this.offset]
    if (value === undefined) throw new DecodeError('unexpected end of value')
    this.offset++
    return value
  }

  varint (): number {
    let value = 0
    let scale = 1
    for (;;) {
      const byte = this.byte()
      value += (byte & 0x7f) * scale
      if (byte < 0x80) break
      scale *= 0x80
      if (scale > 2 ** 49) throw new DecodeError('varint too long')
    }
    if (!Number.isSafeInteger(value)) throw new DecodeError('varint out of range')
    return value
  }

  /** `count` bytes, copied so the result owns its memory and has Uint8Array's own prototype. */
  bytes (count: number): Uint8Array {
    if (count > this.remaining) throw new DecodeError('unexpected end of value')
    const bytes = new Uint8Array(this.buffer.subarray(this.offset, this.offset + count))
    this.offset += count
    return bytes
  }

  rest (): Uint8Array {
    return this.bytes(this.remaining)
  }

  text (): string {
    const length = this.varint()
    if (length > this.remaining) throw new DecodeError('unexpected end of value')
    const start = this.offset
    this.offset += length
    try {
      return utf8Decoder.decode(this.buffer.subarray(start, this.offset))
    } catch {
      throw new DecodeError('invalid UTF-8')
    }
  }

  end (): void {
    if (this.remaining !== 0) throw new DecodeError(`${this.remaining} trailing bytes`)
  }
}

/** Checks the checksum of `value` stored under `key` and returns a reader over its body. */
function openValue (key: Uint8Array, value: Uint8Array): ByteReader {
  if (value.length < 4) throw new DecodeError('value shorter than its checksum')
  const stored = new DataView(value.buffer, value.byteOffset, value.byteLength).getUint32(0)
  const body = value.subarray(4)
  if (crc32(body, crc32(key)) !== stored) throw new DecodeError('checksum mismatch')
  return new ByteReader(body)
}

// ---- values --------------------------------------------------------------------------------

/** `body` with the checksum of key + body in front: a value holding opaque bytes (record-log.ts). */
export function sealValue (key: Uint8Array, body: Uint8Array): Uint8Array {
  const writer = valueWriter(body.length)
  writer.bytes(body)
  return writer.sealed(key)
}

/** The body of a sealed value (a copy), once its checksum is checked. */
export function openSealed (key: Uint8Array, value: Uint8Array): Uint8Array {
  return openValue(key, value).rest()
}

export function encodeFormat (version: number): Uint8Array {
  const writer = valueWriter(4)
  writer.varint(version)
  return writer.sealed(FORMAT_KEY)
}

export function decodeFormat (value: Uint8Array): number {
  const reader = openValue(FORMAT_KEY, value)
  const version = reader.varint()
  reader.end()
  return version
}

const KIND_CODES: Readonly<Record<EntryKind, number>> = { app: 0, noop: 1, config: 2 }

function kindOf (code: number): EntryKind {
  switch (code) {
    case 0: return 'app'
    case 1: return 'noop'
    case 2: return 'config'
    default: throw new DecodeError(`unknown entry kind ${code}`)
  }
}

/** A log entry: term varint, kind byte, then the payload to the end of the value. */
export function encodeEntry (key: Uint8Array, entry: RaftEntry): Uint8Array {
  const writer = valueWriter(10 + entry.payload.length)
  writer.varint(entry.term)
  writer.byte(KIND_CODES[entry.kind])
  writer.bytes(entry.payload)
  return writer.sealed(key)
}

export function decodeEntry (key: Uint8Array, value: Uint8Array): RaftEntry {
  const reader = openValue(key, value)
  const term = reader.varint()
  const kind = kindOf(reader.byte())
  return { term, kind, payload: reader.rest() }
}

/** Term varint, then 0 (no vote) or 1 and the vote. */
export function encodeHardState (record: HardStateRecord): Uint8Array {
  const writer = valueWriter(16 + (record.vote?.length ?? 0) * 3)
  writer.varint(record.term)
  if (record.vote === undefined) {
    writer.byte(0)
  } else {
    writer.byte(1)
    writer.text(record.vote)
  }
  return writer.sealed(HARD_STATE_KEY)
}

export function decodeHardState (value: Uint8Array): HardStateRecord {
  const reader = openValue(HARD_STATE_KEY, value)
  const term = reader.varint()
  const hasVote = reader.byte()
  let record: HardStateRecord
  switch (hasVote) {
    case 0: record = { type: 'hardState', term }; break
    case 1: record = { type: 'hardState', term, vote: reader.text() }; break
    default: throw new DecodeError(`bad vote flag ${hasVote}`)
  }
  reader.end()
  return record
}

function writeNodeIds (writer: ByteWriter, ids: readonly NodeId[]): void {
  writer.varint(ids.length)
  for (const id of ids) writer.text(id)
}

function readNodeIds (reader: ByteReader): NodeId[] {
  const count = reader.varint()
  // Each id takes at least one byte: a count beyond what is left is damage, not a huge list.
  if (count > reader.remaining) throw new DecodeError('node id count beyond value')
  const ids: NodeId[] = []
  for (let i = 0; i < count; i++) ids.push(reader.text())
  return ids
}

/** Index, term, voters, learners: kept exactly as the core wrote them (order and all). */
export function encodeSnapshotMarker (record: SnapshotRecord): Uint8Array {
  const writer = valueWriter(64)
  writer.varint(record.index)
  writer.varint(record.term)
  writeNodeIds(writer, record.voters)
  writeNodeIds(writer, record.learners)
  return writer.sealed(SNAPSHOT_MARKER_KEY)
}

export function decodeSnapshotMarker (value: Uint8Array): SnapshotRecord {
  const reader = openValue(SNAPSHOT_MARKER_KEY, value)
  const index = reader.varint()
  const term = reader.varint()
  const voters = readNodeIds(reader)
  const learners = readNodeIds(reader)
  reader.end()
  return { type: 'snapshot', index, term, voters, learners }
}

export function encodeCommitHint (index: number): Uint8Array {
  const writer = valueWriter(8)
  writer.varint(index)
  return writer.sealed(COMMIT_KEY)
}

export function decodeCommitHint (value: Uint8Array): number {
  const reader = openValue(COMMIT_KEY, value)
  const index = reader.varint()
  reader.end()
  return index
}
