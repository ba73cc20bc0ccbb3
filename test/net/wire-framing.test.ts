import assert from 'node:assert/strict'
import fc from 'fast-check'
import { Uint8ArrayList } from 'uint8arraylist'
import { encode } from '../../src/net/wire/codec.js'
import { FrameBatch, FrameDecoder, encodeFrame, encodeVarint, frameBytes } from '../../src/net/wire/framing.js'
import { messageArb } from './wire-arbitraries.js'

const MAX = 1 << 20

/** Splits `bytes` at the given cut points (any numbers; reduced modulo the length). */
function split (bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.byteLength + 1)))].sort((a, b) => a - b)
  const chunks: Uint8Array[] = []
  let from = 0
  for (const point of points) {
    chunks.push(bytes.subarray(from, point))
    from = point
  }
  chunks.push(bytes.subarray(from))
  return chunks
}

function concat (parts: Uint8Array[]): Uint8Array {
  const list = new Uint8ArrayList(...parts)
  return list.subarray()
}

// Read through a function so the compiler does not narrow `failure` between pushes.
function failureOf (decoder: FrameDecoder): string | undefined {
  return decoder.failure?.code
}

function drain (decoder: FrameDecoder): Uint8Array[] {
  const frames: Uint8Array[] = []
  let frame = decoder.next()
  while (frame !== undefined) {
    frames.push(frame)
    frame = decoder.next()
  }
  return frames
}

describe('net/wire framing', () => {
  it('frames split at arbitrary points reassemble exactly', () => {
    fc.assert(fc.property(fc.array(messageArb, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 40 }), fc.boolean(), (msgs, cuts, asLists) => {
      const envelopes = msgs.map((msg) => encode(msg))
      const stream = concat(msgs.map((msg) => encodeFrame(msg)))
      const decoder = new FrameDecoder(MAX)
      const received: Uint8Array[] = []
      for (const chunk of split(stream, cuts)) {
        // libp2p delivers either shape; a list may hold several chunks.
        decoder.push(asLists ? new Uint8ArrayList(...split(chunk, [3])) : chunk)
        received.push(...drain(decoder))
      }
      assert.equal(decoder.failure, undefined)
      assert.equal(decoder.bufferedBytes, 0)
      assert.deepEqual(received.map((frame) => [...frame]), envelopes.map((envelope) => [...envelope]))
    }), { numRuns: 2000 })
  })

  it('a reader that stops between frames loses nothing and resumes where it stopped', () => {
    fc.assert(fc.property(fc.array(messageArb, { minLength: 1, maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1 }), (msgs, pulls) => {
      const decoder = new FrameDecoder(MAX)
      decoder.push(concat(msgs.map((msg) => encodeFrame(msg))))
      const received: Uint8Array[] = []
      // Pull a few frames at a time, as a reader pausing for a busy handler does.
      for (let i = 0; received.length < msgs.length; i++) {
        const want = pulls[i % pulls.length] as number
        for (let n = 0; n < want; n++) {
          const frame = decoder.next()
          if (frame === undefined) break
          received.push(frame)
        }
        if (i > 10 * msgs.length + 10) assert.fail('decoder stalled')
      }
      assert.deepEqual(received.map((frame) => [...frame]), msgs.map((msg) => [...encode(msg)]))
    }), { numRuns: 500 })
  })

  it('an oversized length fails as soon as the prefix is read, buffering none of the body', () => {
    const decoder = new FrameDecoder(1000)
    decoder.push(encodeVarint(1001))
    assert.equal(decoder.next(), undefined)
    assert.deepEqual(decoder.failure?.code, 'TOO_LARGE')
    assert.equal(decoder.bufferedBytes, 0)
    // Whatever follows is dropped: the stream cannot be resynchronised.
    decoder.push(new Uint8Array(5000))
    assert.equal(decoder.bufferedBytes, 0)
    assert.equal(decoder.next(), undefined)
  })

  it('an oversized length split across chunks fails the same way', () => {
    const decoder = new FrameDecoder(1000)
    const prefix = encodeVarint(70_000)
    decoder.push(prefix.subarray(0, 1))
    assert.equal(decoder.next(), undefined)
    assert.equal(failureOf(decoder), undefined)
    decoder.push(prefix.subarray(1))
    assert.equal(decoder.next(), undefined)
    assert.equal(failureOf(decoder), 'TOO_LARGE')
  })

  it('a length prefix longer than five bytes is MALFORMED', () => {
    const decoder = new FrameDecoder(MAX)
    decoder.push(Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x01]))
    assert.equal(decoder.next(), undefined)
    assert.equal(decoder.failure?.code, 'MALFORMED')
  })

  it('a frame of exactly the maximum passes', () => {
    const envelope = new Uint8Array(1000).fill(7)
    const decoder = new FrameDecoder(1000)
    decoder.push(frameBytes(envelope))
    assert.deepEqual(decoder.next(), envelope)
  })

  it('a frame inside one chunk is a view of it, not a copy', () => {
    const frame = encodeFrame({ type: 'ping', nonce: 1, sentAtUs: 2 })
    const decoder = new FrameDecoder(MAX)
    decoder.push(frame)
    const envelope = decoder.next()
    assert.equal(envelope?.buffer, frame.buffer)
  })

  it('a batch refuses a frame over the maximum or over its budget and stays as it was', () => {
    const batch = new FrameBatch(64)
    const small = { type: 'bench' as const, seq: 1, payload: new Uint8Array(10) }
    assert.equal(batch.add(small, MAX), 'added')
    const before = batch.byteLength
    assert.equal(batch.add({ type: 'bench', seq: 2, payload: new Uint8Array(2000) }, 1000), 'too-large')
    assert.ok(batch.lastEnvelopeBytes > 1000)
    assert.equal(batch.add(small, MAX, 5), 'over-budget')
    assert.equal(batch.byteLength, before)
    assert.equal(batch.frames, 1)
    const decoder = new FrameDecoder(MAX)
    decoder.push(batch.take())
    assert.deepEqual(drain(decoder).map((frame) => [...frame]), [[...encode(small)]])
    assert.equal(batch.byteLength, 0)
  })

  it('batches taken one after another stay intact while the writer moves on', () => {
    fc.assert(fc.property(fc.array(fc.array(messageArb, { maxLength: 8 }), { maxLength: 12 }), (rounds) => {
      const batch = new FrameBatch(256)
      const taken: Array<{ bytes: Uint8Array, expected: Uint8Array }> = []
      for (const msgs of rounds) {
        for (const msg of msgs) batch.add(msg, MAX)
        taken.push({ bytes: batch.take(), expected: concat(msgs.map((msg) => encodeFrame(msg))) })
      }
      // Checked only at the end: later batches must not have overwritten earlier ones.
      for (const { bytes, expected } of taken) assert.deepEqual([...bytes], [...expected])
    }), { numRuns: 500 })
  })
})
