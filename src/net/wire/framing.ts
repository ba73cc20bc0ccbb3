// Framing: a frame is a varint length followed by that many Envelope bytes.
//
// Sending: FrameBatch encodes frames back to back into one slab (SlabWriter), so
// many frames become one stream.send() and no per-frame allocation (libp2p's cost
// is per send, not per byte: 37k sends/s against 377k frames/s when 64 share a
// send, measured on loopback).
//
// Receiving: FrameDecoder is pull-based so the caller can stop between frames
// (when the consumer is busy) and carry on later without losing a byte. A frame
// inside one received chunk is returned as a view of that chunk (no copy); only
// frames straddling chunks are copied, into a buffer of exactly their size. A
// declared length above the maximum fails as soon as the prefix is read, before
// any of the body is buffered.

import { writeEnvelope } from './codec.js'
import { SlabWriter } from './slab-writer.js'
import type { WireMessage } from './messages.js'
import type { Uint8ArrayList } from 'uint8arraylist'

export type FramingErrorCode = 'TOO_LARGE' | 'MALFORMED'

export interface FramingError {
  code: FramingErrorCode
  detail: string
}

/** A length prefix never needs more than 5 varint bytes (lengths are below 2^32). */
const MAX_PREFIX_BYTES = 5

const EMPTY = new Uint8Array(0)

/** What FrameBatch.add did with a message. */
export type BatchAdd = 'added' | 'too-large' | 'over-budget'

/** Frames queued for one send(), encoded straight into one writer. */
export class FrameBatch {
  /** Envelope length of the last message offered to add(), whatever the outcome. */
  lastEnvelopeBytes = 0

  private readonly writer: SlabWriter
  private frameCount = 0

  /** `slabBytes`: memory the batch encodes into, reused batch after batch. */
  constructor (slabBytes?: number) {
    this.writer = new SlabWriter(slabBytes)
  }

  /** Bytes the batch would send now, prefixes included. */
  get byteLength (): number {
    return this.writer.len
  }

  get frames (): number {
    return this.frameCount
  }

  /**
   * Appends `msg` as one frame unless its Envelope exceeds `maxFrameBytes` or the
   * whole frame does not fit in `budgetBytes`; then the batch is left unchanged.
   * Encoding first and undoing is what makes the budget exact: the size of a
   * protobuf is only known once it is encoded.
   */
  add (msg: WireMessage, maxFrameBytes: number, budgetBytes = Number.POSITIVE_INFINITY): BatchAdd {
    const w = this.writer
    w.fork()
    writeEnvelope(w, msg)
    const envelopeBytes = w.len
    this.lastEnvelopeBytes = envelopeBytes
    if (envelopeBytes > maxFrameBytes) {
      w.reset()
      return 'too-large'
    }
    if (varintLength(envelopeBytes) + envelopeBytes > budgetBytes) {
      w.reset()
      return 'over-budget'
    }
    w.ldelim()
    this.frameCount++
    return 'added'
  }

  /** The encoded frames as one buffer (never written again); the batch is empty afterwards. */
  take (): Uint8Array {
    this.frameCount = 0
    return this.writer.finish()
  }

  clear (): void {
    // reset() with no fork open drops everything since the last take().
    this.writer.reset()
    this.frameCount = 0
  }
}

export function varintLength (value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5
}

/** One message as a complete frame (prefix included); for tests and one-off sends. */
export function encodeFrame (msg: WireMessage, maxFrameBytes = Number.MAX_SAFE_INTEGER): Uint8Array {
  const batch = new FrameBatch()
  batch.add(msg, maxFrameBytes)
  return batch.take()
}

/** Raw bytes framed as they are, e.g. a hand-made malformed Envelope in a test. */
export function frameBytes (envelope: Uint8Array): Uint8Array {
  const prefix = encodeVarint(envelope.byteLength)
  const frame = new Uint8Array(prefix.byteLength + envelope.byteLength)
  frame.set(prefix, 0)
  frame.set(envelope, prefix.byteLength)
  return frame
}

export function encodeVarint (value: number): Uint8Array {
  const bytes: number[] = []
  let rest = value
  while (rest > 0x7f) {
    bytes.push((rest % 0x80) | 0x80)
    rest = Math.floor(rest / 0x80)
  }
  bytes.push(rest)
  return Uint8Array.from(bytes)
}

/** Splits a byte stream back into frames; see the file comment. */
export class FrameDecoder {
  readonly maxFrameBytes: number
  /** Set once framing fails; the stream cannot be resynchronised and must be reset. */
  failure: FramingError | undefined

  private chunks: Uint8Array[] = []
  private head = 0
  private offset = 0
  private buffered = 0

  constructor (maxFrameBytes: number) {
    this.maxFrameBytes = maxFrameBytes
  }

  /** Received bytes not yet returned as frames. */
  get bufferedBytes (): number {
    return this.buffered
  }

  push (data: Uint8Array | Uint8ArrayList): void {
    if (this.failure !== undefined) return
    if (data instanceof Uint8Array) {
      this.append(data)
    } else {
      for (const chunk of data) this.append(chunk)
    }
  }

  /**
   * The next complete frame's Envelope bytes, or undefined when more bytes are
   * needed or framing has failed (then `failure` says why).
   */
  next (): Uint8Array | undefined {
    if (this.failure !== undefined || this.buffered === 0) return undefined
    const chunk = this.chunks[this.head] as Uint8Array

    // Fast path: prefix and body both inside the head chunk.
    let pos = this.offset
    let length = 0
    let factor = 1
    let prefixBytes = 0
    while (pos < chunk.byteLength && prefixBytes < MAX_PREFIX_BYTES) {
      const byte = chunk[pos++] as number
      prefixBytes++
      length += (byte & 0x7f) * factor
      if (byte < 0x80) {
        if (length > this.maxFrameBytes) return this.fail('TOO_LARGE', `frame of ${length} bytes exceeds ${this.maxFrameBytes}`)
        if (pos + length <= chunk.byteLength) {
          const frame = chunk.subarray(pos, pos + length)
          this.consume(prefixBytes + length)
          return frame
        }
        return this.nextAcrossChunks(prefixBytes, length)
      }
      factor *= 0x80
    }
    if (prefixBytes === MAX_PREFIX_BYTES) return this.fail('MALFORMED', 'length prefix longer than 5 bytes')
    return this.nextAcrossChunks()
  }

  /** Frees everything buffered, e.g. when the stream closes. */
  clear (): void {
    this.chunks = []
    this.head = 0
    this.offset = 0
    this.buffered = 0
  }

  private append (chunk: Uint8Array): void {
    if (chunk.byteLength === 0) return
    this.chunks.push(chunk)
    this.buffered += chunk.byteLength
  }

  // Slow path: the prefix, the body or both straddle chunks.
  private nextAcrossChunks (knownPrefixBytes?: number, knownLength?: number): Uint8Array | undefined {
    let prefixBytes = knownPrefixBytes ?? 0
    let length = knownLength ?? 0
    if (knownPrefixBytes === undefined) {
      let factor = 1
      let complete = false
      let index = this.head
      let pos = this.offset
      while (!complete) {
        if (prefixBytes === MAX_PREFIX_BYTES) return this.fail('MALFORMED', 'length prefix longer than 5 bytes')
        const chunk = this.chunks[index]
        if (chunk === undefined) return undefined // prefix not complete yet
        if (pos >= chunk.byteLength) {
          index++
          pos = 0
          continue
        }
        const byte = chunk[pos++] as number
        prefixBytes++
        length += (byte & 0x7f) * factor
        factor *= 0x80
        complete = byte < 0x80
      }
      if (length > this.maxFrameBytes) return this.fail('TOO_LARGE', `frame of ${length} bytes exceeds ${this.maxFrameBytes}`)
    }
    if (this.buffered < prefixBytes + length) return undefined
    this.consume(prefixBytes)
    const frame = new Uint8Array(length)
    let filled = 0
    while (filled < length) {
      const chunk = this.chunks[this.head] as Uint8Array
      const take = Math.min(length - filled, chunk.byteLength - this.offset)
      frame.set(chunk.subarray(this.offset, this.offset + take), filled)
      filled += take
      this.consume(take)
    }
    return frame
  }

  private consume (bytes: number): void {
    this.buffered -= bytes
    if (this.buffered === 0) {
      // The common case once a delivery is drained: start over without shifting.
      this.clear()
      return
    }
    this.offset += bytes
    let chunk = this.chunks[this.head] as Uint8Array
    while (this.offset >= chunk.byteLength) {
      this.offset -= chunk.byteLength
      // Drop the reference now: a paused stream may sit on this array a while.
      this.chunks[this.head] = EMPTY
      this.head++
      chunk = this.chunks[this.head] as Uint8Array
    }
    if (this.head > 64 && this.head * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.head)
      this.head = 0
    }
  }

  private fail (code: FramingErrorCode, detail: string): undefined {
    this.failure = { code, detail }
    this.clear()
    return undefined
  }
}
