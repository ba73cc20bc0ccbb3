// Strict field readers for the bodies codec.ts decodes by hand (the Raft Append and
// the forwarding messages): every read is bounded by the end of the body it belongs
// to, numbers are exact or refused, and each refusal is a BodyError with the code
// the decoder reports. Reading past a body's end is MALFORMED: the envelope has
// already checked that the body itself lies inside the frame.
//
// protons' reader is reused for its position (one shared reader per decode); its
// own methods are not, because uint64Number mis-steps on non-minimal varints and
// none of them knows where the current body ends.

import { alloc } from './alloc.js'
import type { Reader } from 'protons-runtime'

export type BodyErrorCode = 'MALFORMED' | 'TOO_LARGE'

/** Thrown by the readers below; codec.ts turns it into a DecodeError of the same code. */
export class BodyError extends Error {
  constructor (readonly code: BodyErrorCode, message: string) {
    super(message)
    this.name = 'BodyError'
  }
}

export const WIRE_VARINT = 0
export const WIRE_FIXED64 = 1
export const WIRE_LENGTH_DELIMITED = 2
export const WIRE_FIXED32 = 5

/** The empty byte array every absent or empty bytes field decodes to (the generated codecs' too). */
export const EMPTY_BYTES: Uint8Array = alloc(0)
const utf8 = new TextDecoder()

/** A varint read as an exact JS number: values above 2^53 - 1 are MALFORMED. */
export function readUint53 (r: Reader, end: number): number {
  const buf = r.buf
  let pos = r.pos
  if (pos >= end) throw overrun()
  let byte = buf[pos++] as number
  if (byte < 0x80) {
    r.pos = pos
    return byte
  }
  let value = byte & 0x7f
  let scale = 0x80
  // Each term is exact (a 7-bit digit times a power of two) and the sum only grows,
  // so a result at or below 2^53 - 1 is the exact value.
  for (let i = 1; i < 10; i++) {
    if (pos >= end) throw overrun()
    byte = buf[pos++] as number
    value += (byte & 0x7f) * scale
    if (byte < 0x80) {
      if (value > Number.MAX_SAFE_INTEGER) throw new BodyError('MALFORMED', `varint ${value} is above 2^53 - 1`)
      r.pos = pos
      return value
    }
    scale *= 0x80
  }
  throw new BodyError('MALFORMED', 'varint longer than 10 bytes')
}

/** A field tag (field number << 3 | wire type). Field number 0 is MALFORMED. */
export function readTag (r: Reader, end: number): number {
  const tag = readUint53(r, end)
  if (tag > 0xffff_ffff) throw new BodyError('MALFORMED', `tag ${tag} is above 2^32 - 1`)
  if (tag < 8) throw new BodyError('MALFORMED', 'field number 0')
  return tag
}

export function readBool (r: Reader, end: number): boolean {
  return readUint53(r, end) !== 0
}

/** A length prefix, checked against the end of the enclosing body. */
export function readLength (r: Reader, end: number): number {
  const length = readUint53(r, end)
  if (length > end - r.pos) throw overrun()
  return length
}

/** A bytes field as a view of the frame (no copy), at most `maxBytes` long. */
export function readView (r: Reader, end: number, maxBytes: number, what: string): Uint8Array {
  const length = readLength(r, end)
  if (length > maxBytes) throw new BodyError('TOO_LARGE', `${what} of ${length} bytes exceeds ${maxBytes}`)
  if (length === 0) return EMPTY_BYTES
  const start = r.pos
  r.pos = start + length
  return r.buf.subarray(start, start + length)
}

/** A string field, at most `maxBytes` of UTF-8. */
export function readString (r: Reader, end: number, maxBytes: number, what: string): string {
  const length = readLength(r, end)
  if (length > maxBytes) throw new BodyError('TOO_LARGE', `${what} of ${length} bytes exceeds ${maxBytes}`)
  const start = r.pos
  r.pos = start + length
  return length === 0 ? '' : utf8.decode(r.buf.subarray(start, start + length))
}

/**
 * Skips a field this message does not read. Fields 1..knownFields are the message's
 * own, so reaching here with one of them means it came with the wrong wire type:
 * MALFORMED. Higher numbers belong to a newer peer and are skipped.
 */
export function skipField (r: Reader, tag: number, end: number, knownFields: number, message: string): void {
  const field = tag >>> 3
  const wireType = tag & 7
  if (field <= knownFields) throw new BodyError('MALFORMED', `${message} field ${field} has wire type ${wireType}`)
  switch (wireType) {
    case WIRE_VARINT: readUint64Skip(r, end); return
    case WIRE_FIXED64: skipBytes(r, end, 8); return
    case WIRE_LENGTH_DELIMITED: skipBytes(r, end, readLength(r, end)); return
    case WIRE_FIXED32: skipBytes(r, end, 4); return
    default: throw new BodyError('MALFORMED', `${message} field ${field} has wire type ${wireType}`)
  }
}

// An unknown varint may hold any 64-bit value, so it is stepped over, not evaluated.
function readUint64Skip (r: Reader, end: number): void {
  const buf = r.buf
  for (let pos = r.pos, i = 0; i < 10; i++) {
    if (pos >= end) throw overrun()
    if ((buf[pos++] as number) < 0x80) {
      r.pos = pos
      return
    }
  }
  throw new BodyError('MALFORMED', 'varint longer than 10 bytes')
}

function skipBytes (r: Reader, end: number, count: number): void {
  if (count > end - r.pos) throw overrun()
  r.pos += count
}

function overrun (): BodyError {
  return new BodyError('MALFORMED', 'a field runs past the end of its message')
}

/** Bytes of the minimal varint for a non-negative safe integer. */
export function uint53Length (value: number): number {
  if (value < 0x80) return 1
  if (value < 0x4000) return 2
  if (value < 0x20_0000) return 3
  if (value < 0x1000_0000) return 4
  let bytes = 4
  let rest = Math.floor(value / 0x1000_0000)
  while (rest > 0) {
    bytes++
    rest = Math.floor(rest / 0x80)
  }
  return bytes
}
