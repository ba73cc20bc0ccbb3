// Compact binary encoding primitives shared by the KV codec and the snapshot format.
//
// Unsigned integers are LEB128 varints (up to 2^53 - 1, the safe-integer range), byte strings
// and UTF-8 strings are length-prefixed. The reader never trusts a length: every read checks the
// remaining input, and a malformed input surfaces as a `DecodeFailure` that the codec boundary
// turns into a typed `{ code: 'DECODE_ERROR' }` value.

const textEncoder = new TextEncoder()
const textDecoder = new TextDecoder('utf-8', { fatal: true })

/** Thrown inside a decoder only; codecs catch it at their boundary and return a typed error. */
export class DecodeFailure extends Error {
  constructor(readonly reason: string, readonly offset: number) {
    super(`${reason} at byte ${offset}`)
  }
}

export class ByteWriter {
  private buffer: Uint8Array
  private length = 0

  /** `initial`: a capacity, or a buffer to write into (a caller that pools buffers; see `detach`). */
  constructor(initial: number | Uint8Array = 64) {
    this.buffer = typeof initial === 'number' ? new Uint8Array(Math.max(1, initial)) : initial
  }

  private ensure(extra: number): void {
    const needed = this.length + extra
    if (needed <= this.buffer.length) return
    let capacity = this.buffer.length * 2
    while (capacity < needed) capacity *= 2
    const grown = new Uint8Array(capacity)
    grown.set(this.buffer.subarray(0, this.length))
    this.buffer = grown
  }

  u8(value: number): this {
    this.ensure(1)
    this.buffer[this.length++] = value
    return this
  }

  /** Unsigned varint of 0 <= value <= Number.MAX_SAFE_INTEGER (anything else throws: it has no encoding). */
  uint(value: number): this {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a non-negative safe integer: ${value}`)
    this.ensure(8)
    // Below 2^31 the bitwise path is exact and fast; above it, division keeps 53-bit precision.
    while (value >= 0x80) {
      this.buffer[this.length++] = (value % 0x80) | 0x80
      value = value >= 0x80000000 ? Math.floor(value / 0x80) : value >>> 7
    }
    this.buffer[this.length++] = value
    return this
  }

  bytes(value: Uint8Array): this {
    return this.uint(value.length).raw(value)
  }

  string(value: string): this {
    // Short ASCII strings (keys, client ids) are the common case; copy them without TextEncoder.
    const n = value.length
    if (n < 128) {
      let ascii = true
      for (let i = 0; i < n; i++) {
        if (value.charCodeAt(i) >= 0x80) {
          ascii = false
          break
        }
      }
      if (ascii) {
        this.ensure(n + 1)
        this.buffer[this.length++] = n
        for (let i = 0; i < n; i++) this.buffer[this.length++] = value.charCodeAt(i)
        return this
      }
    }
    return this.bytes(textEncoder.encode(value))
  }

  /** Bytes with no length prefix. */
  raw(value: Uint8Array): this {
    this.ensure(value.length)
    this.buffer.set(value, this.length)
    this.length += value.length
    return this
  }

  /** A copy of what was written. */
  finish(): Uint8Array {
    return this.buffer.slice(0, this.length)
  }

  /** What was written, without a copy: valid until the next write or `detach`. */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.length)
  }

  /** The underlying buffer (grown, perhaps), for a pool; the writer must not be used again. */
  detach(): Uint8Array {
    const buffer = this.buffer
    this.buffer = new Uint8Array(0)
    this.length = 0
    return buffer
  }
}

export class ByteReader {
  private offset = 0

  constructor(private readonly input: Uint8Array) {}

  get position(): number {
    return this.offset
  }

  get done(): boolean {
    return this.offset >= this.input.length
  }

  fail(reason: string): never {
    throw new DecodeFailure(reason, this.offset)
  }

  u8(): number {
    if (this.offset >= this.input.length) this.fail('unexpected end of input')
    return this.input[this.offset++]!
  }

  uint(): number {
    let result = 0
    let scale = 1
    for (let i = 0; i < 8; i++) {
      const byte = this.u8()
      result += (byte & 0x7f) * scale
      if ((byte & 0x80) === 0) {
        if (result > Number.MAX_SAFE_INTEGER) this.fail('varint exceeds 2^53')
        return result
      }
      scale *= 0x80
    }
    return this.fail('varint too long')
  }

  bytes(maxLength: number): Uint8Array {
    const length = this.uint()
    if (length > maxLength) this.fail(`length ${length} exceeds limit ${maxLength}`)
    if (this.offset + length > this.input.length) this.fail('length runs past end of input')
    // Copy: the input buffer may belong to a network frame that is reused after decoding.
    const value = this.input.slice(this.offset, this.offset + length)
    this.offset += length
    return value
  }

  string(maxLength: number): string {
    const length = this.uint()
    if (length > maxLength) this.fail(`length ${length} exceeds limit ${maxLength}`)
    const start = this.offset
    const end = start + length
    if (end > this.input.length) this.fail('length runs past end of input')
    const input = this.input
    // Keys and client ids are short ASCII: build them char by char (no TextDecoder call, no
    // intermediate array); anything else goes through the validating UTF-8 decoder.
    if (length <= 32) {
      let value = ''
      let i = start
      for (; i < end; i++) {
        const byte = input[i]!
        if (byte >= 0x80) break
        value += String.fromCharCode(byte)
      }
      if (i === end) {
        this.offset = end
        return value
      }
    }
    let value: string
    try {
      value = textDecoder.decode(input.subarray(start, end))
    } catch {
      this.fail('invalid UTF-8')
    }
    this.offset = end
    return value
  }
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** Lexicographic byte order, the order etcd uses for value comparisons. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!
    if (d !== 0) return d
  }
  return a.length - b.length
}

export function utf8(text: string): Uint8Array {
  return textEncoder.encode(text)
}

export function fromUtf8(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes)
}
