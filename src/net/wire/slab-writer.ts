// A protons Writer that encodes straight into a reusable slab of memory.
//
// protons' own writer records one operation object per field and copies them all
// into a fresh buffer at finish(): about ten allocations for a small frame, which
// at 250k frames/s was half the cost of sending. This writer puts every byte in
// its final place as it goes. Nested messages are length-delimited: fork()
// reserves three bytes for the length (enough up to 2 MiB), and ldelim() moves the
// body onto the varint's actual size. Only small bodies move any distance that
// costs (a few hundred bytes left, usually); a large payload is never copied twice.
// The encoding stays byte-for-byte what protons produces (minimal varints).
//
// finish() hands out a view of the slab and carries on writing after it, so the
// returned bytes must never be written to again; a new slab is taken when the
// current one is full. Node only: slabs are Buffers, for their fast UTF-8 writes.

import type { Writer } from 'protons-runtime'

const DEFAULT_SLAB_BYTES = 64 * 1024
/** Length bytes fork() reserves: a varint of 3 bytes holds lengths below 2 MiB. */
const RESERVED = 3
/** A slab with less room than this left after finish() is let go rather than kept. */
const MIN_SLAB_TAIL_BYTES = 4 * 1024
const NO_SLAB = Buffer.alloc(0)

export class SlabWriter implements Writer {
  private slab: Buffer
  private view: DataView
  private start = 0
  private pos = 0
  /** Position of the reserved length bytes of each open fork, innermost last. */
  private readonly forks: number[] = []

  // The first slab is taken on the first write: a link that only ever receives
  // never pays for one.
  constructor (private readonly slabBytes = DEFAULT_SLAB_BYTES) {
    this.slab = NO_SLAB
    this.view = new DataView(NO_SLAB.buffer, NO_SLAB.byteOffset, 0)
  }

  /** Bytes written since the innermost open fork, or since the last finish(). */
  get len (): number {
    const forks = this.forks
    return forks.length === 0 ? this.pos - this.start : this.pos - (forks[forks.length - 1] as number) - RESERVED
  }

  set len (_value: number) {
    // Part of protons' Writer shape; the length here is always derived.
  }

  uint32 (value: number): this {
    let v = value >>> 0
    this.ensure(5)
    const slab = this.slab
    let pos = this.pos
    while (v > 127) {
      slab[pos++] = (v & 127) | 128
      v >>>= 7
    }
    slab[pos++] = v
    this.pos = pos
    return this
  }

  int32 (value: number): this {
    // Negative int32 values are sign-extended to ten varint bytes, as protobuf says.
    return value < 0 ? this.uint64(BigInt.asUintN(64, BigInt(value | 0))) : this.uint32(value)
  }

  sint32 (value: number): this {
    return this.uint32(((value << 1) ^ (value >> 31)) >>> 0)
  }

  uint64 (value: bigint): this {
    let v = BigInt.asUintN(64, value)
    if (v < 0x80000000n) return this.uint32(Number(v))
    this.ensure(10)
    while (v > 127n) {
      this.slab[this.pos++] = Number(v & 127n) | 128
      v >>= 7n
    }
    this.slab[this.pos++] = Number(v)
    return this
  }

  uint64Number (value: number): this {
    if (value >= 0 && value <= 0xffffffff) return this.uint32(value)
    if (value < 0 || !Number.isSafeInteger(value)) return this.uint64(BigInt(Math.trunc(value)))
    this.ensure(10)
    let v = value
    while (v > 127) {
      this.slab[this.pos++] = (v % 128) | 128
      v = Math.floor(v / 128)
    }
    this.slab[this.pos++] = v
    return this
  }

  uint64String (value: string): this {
    return this.uint64(BigInt(value))
  }

  int64 (value: bigint): this {
    return this.uint64(value)
  }

  int64Number (value: number): this {
    return this.uint64Number(value)
  }

  int64String (value: string): this {
    return this.uint64(BigInt(value))
  }

  sint64 (value: bigint): this {
    const v = BigInt.asIntN(64, value)
    return this.uint64((v << 1n) ^ (v >> 63n))
  }

  sint64Number (value: number): this {
    return this.sint64(BigInt(Math.trunc(value)))
  }

  sint64String (value: string): this {
    return this.sint64(BigInt(value))
  }

  bool (value: boolean): this {
    this.ensure(1)
    this.slab[this.pos++] = value ? 1 : 0
    return this
  }

  fixed32 (value: number): this {
    this.ensure(4)
    this.view.setUint32(this.pos, value >>> 0, true)
    this.pos += 4
    return this
  }

  sfixed32 (value: number): this {
    return this.fixed32(value)
  }

  fixed64 (value: bigint): this {
    this.ensure(8)
    this.view.setBigUint64(this.pos, BigInt.asUintN(64, value), true)
    this.pos += 8
    return this
  }

  fixed64Number (value: number): this {
    return this.fixed64(BigInt(Math.trunc(value)))
  }

  fixed64String (value: string): this {
    return this.fixed64(BigInt(value))
  }

  sfixed64 (value: bigint): this {
    return this.fixed64(value)
  }

  sfixed64Number (value: number): this {
    return this.fixed64Number(value)
  }

  sfixed64String (value: string): this {
    return this.fixed64String(value)
  }

  float (value: number): this {
    this.ensure(4)
    this.view.setFloat32(this.pos, value, true)
    this.pos += 4
    return this
  }

  double (value: number): this {
    this.ensure(8)
    this.view.setFloat64(this.pos, value, true)
    this.pos += 8
    return this
  }

  bytes (value: Uint8Array): this {
    // One capacity check for the length and the bytes: Raft entries and forwarded
    // payloads come through here by the thousand per frame.
    const length = value.byteLength
    this.ensure(5 + length)
    const slab = this.slab
    let pos = this.pos
    let v = length
    while (v > 127) {
      slab[pos++] = (v & 127) | 128
      v >>>= 7
    }
    slab[pos++] = v
    if (length > 0) slab.set(value, pos)
    this.pos = pos + length
    return this
  }

  string (value: string): this {
    const length = Buffer.byteLength(value, 'utf8')
    this.uint32(length)
    if (length > 0) {
      this.ensure(length)
      this.slab.write(value, this.pos, length, 'utf8')
      this.pos += length
    }
    return this
  }

  /**
   * Makes room for `bytes` more at once: a large message written field by field
   * then takes at most one new slab instead of growing it (and copying) repeatedly.
   */
  reserve (bytes: number): this {
    this.ensure(bytes)
    return this
  }

  fork (): this {
    this.ensure(RESERVED)
    this.forks.push(this.pos)
    this.pos += RESERVED
    return this
  }

  /** Drops everything written since the innermost fork (or since the last finish()). */
  reset (): this {
    const reserved = this.forks.pop()
    this.pos = reserved ?? this.start
    return this
  }

  ldelim (): this {
    const reserved = this.forks.pop()
    if (reserved === undefined) return this
    const bodyStart = reserved + RESERVED
    const length = this.pos - bodyStart
    const prefixBytes = varintBytes(length)
    let at = reserved
    if (prefixBytes < RESERVED) {
      // Pull the body back onto the bytes the length did not need.
      this.slab.copyWithin(reserved + prefixBytes, bodyStart, this.pos)
      this.pos -= RESERVED - prefixBytes
    } else if (prefixBytes > RESERVED) {
      const before = this.start
      this.ensure(prefixBytes - RESERVED)
      at -= before - this.start // ensure() may have moved the writing region
      this.slab.copyWithin(at + prefixBytes, at + RESERVED, this.pos)
      this.pos += prefixBytes - RESERVED
    }
    let v = length
    while (v > 127) {
      this.slab[at++] = (v & 127) | 128
      v >>>= 7
    }
    this.slab[at] = v
    return this
  }

  /**
   * Everything written since the last finish(), as a view of the slab. Writing
   * continues after it; the view itself is never touched again.
   */
  finish (): Uint8Array<ArrayBuffer> {
    // allocUnsafe slabs sit on plain ArrayBuffers (its pool is never shared memory).
    const bytes = this.slab.subarray(this.start, this.pos) as Uint8Array<ArrayBuffer>
    this.forks.length = 0
    this.start = this.pos
    if (this.slab.byteLength - this.pos < MIN_SLAB_TAIL_BYTES) {
      // Too little left to be worth keeping; the next write takes a fresh slab.
      this.slab = NO_SLAB
      this.start = 0
      this.pos = 0
    }
    return bytes
  }

  private ensure (bytes: number): void {
    if (this.pos + bytes <= this.slab.byteLength) return
    const used = this.pos - this.start
    // Room for this write plus a slab's worth, and at least double what is already
    // unfinished, so a batch that keeps growing is copied O(log n) times.
    this.replaceSlab(Math.max(used + bytes + this.slabBytes, 2 * used))
  }

  // Moves the unfinished region to the front of a new slab; views handed out by
  // finish() keep the old slab alive until they are dropped.
  private replaceSlab (size: number): void {
    const old = this.slab
    const from = this.start
    const used = this.pos - from
    this.slab = Buffer.allocUnsafe(size)
    this.view = new DataView(this.slab.buffer, this.slab.byteOffset, this.slab.byteLength)
    if (used > 0) old.copy(this.slab, 0, from, this.pos)
    for (let i = 0; i < this.forks.length; i++) this.forks[i] = (this.forks[i] as number) - from
    this.start = 0
    this.pos = used
  }
}

function varintBytes (value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5
}
