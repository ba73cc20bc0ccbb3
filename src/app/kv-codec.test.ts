import assert from 'node:assert/strict'
import fc from 'fast-check'
import { decodeBatch, decodeRequest, decodeResult, encodeBatch, encodeRequest, encodeResult, isBatchPayload, openBatch, payloadRequestCount } from './kv-codec.js'
import { kvRequestArb } from './kv-arbitraries.js'
import { KvStore } from './kv-store.js'
import { utf8 } from './bytes.js'
import type { KvRequest } from './kv-ops.js'
import { HASH_BYTES, merkleRoot } from './merkle.js'

describe('KV codec', () => {
  it('round-trips every request', () => {
    fc.assert(
      fc.property(kvRequestArb, (request) => {
        const decoded = decodeRequest(encodeRequest(request))
        assert.ok(decoded.ok)
        assert.deepEqual(decoded.value, request)
      }),
      { numRuns: 2000 }
    )
  })

  it('never throws on arbitrary bytes: it decodes or returns a typed DECODE_ERROR', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const decoded = decodeRequest(bytes)
        if (!decoded.ok) {
          assert.equal(decoded.error.code, 'DECODE_ERROR')
          assert.ok(decoded.error.offset >= 0 && decoded.error.offset <= bytes.length)
        }
      }),
      { numRuns: 5000 }
    )
  })

  it('rejects truncation and trailing bytes with a reason and an offset', () => {
    const bytes = encodeRequest({ session: { client: 'c', seq: 3 }, op: { type: 'put', key: 'k', value: utf8('v') } })
    const truncated = decodeRequest(bytes.subarray(0, bytes.length - 1))
    assert.deepEqual(truncated, { ok: false, error: { code: 'DECODE_ERROR', reason: 'length runs past end of input', offset: 9 } })
    const trailing = decodeRequest(new Uint8Array([...bytes, 0]))
    assert.equal(trailing.ok, false)
    assert.equal(!trailing.ok && trailing.error.reason, 'trailing bytes')
    const emptyKey = decodeRequest(encodeRequest({ op: { type: 'get', key: '' } }))
    assert.equal(!emptyKey.ok && emptyKey.error.reason, 'empty key')
  })

  it('round-trips the results the store produces', () => {
    fc.assert(
      fc.property(fc.array(kvRequestArb, { maxLength: 30 }), (requests: KvRequest[]) => {
        const store = new KvStore()
        const applied = store.apply(requests.map((r, i) => ({ index: i + 1, kind: 'app' as const, payload: encodeRequest(r) })))
        for (const { result } of applied) {
          const decoded = decodeResult(encodeResult(result.result))
          assert.ok(decoded.ok)
          assert.deepEqual(decoded.value, result.result)
        }
      }),
      { numRuns: 300 }
    )
  })

  describe('batches', () => {
    const put = (key: string, value: string, seq: number): KvRequest => ({ session: { client: 'c', seq }, op: { type: 'put', key, value: utf8(value) } })
    const sample = [put('a', '1', 1), put('b', '2', 2), { op: { type: 'delete' as const, key: 'a' } }]
    const reasonOf = (decoded: { ok: boolean; error?: { reason: string } }): string | undefined => decoded.error?.reason

    it('round-trip: a batch decodes to its requests, in order, under the root of their encodings', () => {
      fc.assert(
        fc.property(fc.array(kvRequestArb, { maxLength: 20 }), (requests) => {
          const encoded = requests.map(encodeRequest)
          const payload = encodeBatch(encoded)
          assert.ok(isBatchPayload(payload))
          const decoded = decodeBatch(payload)
          assert.ok(decoded.ok)
          assert.deepEqual(decoded.value, { root: merkleRoot(encoded), requests })
          const opened = openBatch(payload)
          assert.ok(opened.ok)
          assert.deepEqual(opened.value.requests, encoded)
          assert.equal(payloadRequestCount(payload), requests.length)
        }),
        { numRuns: 500 }
      )
    })

    it('a single request keeps its format and is not a batch; each decoder refuses the other form', () => {
      const single = encodeRequest(sample[0]!)
      assert.equal(single[0], 1)
      assert.equal(isBatchPayload(single), false)
      assert.equal(payloadRequestCount(single), 1)
      assert.equal(reasonOf(decodeBatch(single)), 'not a batch: format version 1')
      assert.equal(reasonOf(decodeRequest(encodeBatch([single]))), 'unknown format version 2')
    })

    it('a root that does not match the requests is rejected, whichever side was changed', () => {
      const payload = encodeBatch(sample.map(encodeRequest))
      const badRoot = payload.slice()
      badRoot[1]! ^= 0x80
      assert.deepEqual(decodeBatch(badRoot), { ok: false, error: { code: 'DECODE_ERROR', reason: 'batch root does not match its requests', offset: 1 } })
      assert.equal(openBatch(badRoot).ok, false)
      // The last byte is the delete's key, 'a': make it 'b', framing intact.
      const badRequest = payload.slice()
      badRequest[badRequest.length - 1] = 'b'.charCodeAt(0)
      assert.equal(reasonOf(decodeBatch(badRequest)), 'batch root does not match its requests')
      // Reordered requests are a different batch.
      const reordered = encodeBatch([sample[1]!, sample[0]!].map(encodeRequest))
      const swapped = new Uint8Array([...payload.subarray(0, 1 + HASH_BYTES), ...reordered.subarray(1 + HASH_BYTES)])
      assert.equal(reasonOf(decodeBatch(swapped)), 'batch root does not match its requests')
    })

    it('malformed batches are typed errors: truncated, trailing bytes, too many requests, a bad request inside', () => {
      const payload = encodeBatch(sample.map(encodeRequest))
      assert.equal(reasonOf(decodeBatch(payload.subarray(0, payload.length - 1))), 'length runs past end of input')
      assert.equal(reasonOf(decodeBatch(payload.subarray(0, 10))), 'unexpected end of input')
      assert.equal(payloadRequestCount(payload.subarray(0, 10)), 0)
      assert.equal(reasonOf(decodeBatch(new Uint8Array([...payload, 0]))), 'trailing bytes')
      const huge = new Uint8Array([2, ...new Uint8Array(HASH_BYTES), 0x80, 0x80, 0x08])
      assert.equal(reasonOf(decodeBatch(huge)), 'batch of 131072 requests exceeds 65536')
      // A request that does not decode, under a correct root: the batch opens, but does not decode.
      const junk = new Uint8Array([1, 9])
      const withJunk = encodeBatch([encodeRequest(sample[0]!), junk])
      assert.equal(openBatch(withJunk).ok, true)
      const decoded = decodeBatch(withJunk)
      assert.equal(reasonOf(decoded), 'request 1: bad flags 9')
      // The offset is into the payload, not the request: just past the junk's flags, its last byte.
      assert.equal(!decoded.ok && decoded.error.offset, withJunk.length)
    })

    it('never throws on arbitrary bytes after the batch tag', () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 80 }), (tail) => {
          const bytes = new Uint8Array([2, ...tail])
          const decoded = decodeBatch(bytes)
          if (!decoded.ok) assert.ok(decoded.error.offset >= 0 && decoded.error.offset <= bytes.length)
          payloadRequestCount(bytes)
        }),
        { numRuns: 3000 }
      )
    })
  })
})
