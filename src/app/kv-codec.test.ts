import assert from 'node:assert/strict'
import fc from 'fast-check'
import { decodeRequest, decodeResult, encodeRequest, encodeResult } from './kv-codec.js'
import { kvRequestArb } from './kv-arbitraries.js'
import { KvStore } from './kv-store.js'
import { utf8 } from './bytes.js'
import type { KvRequest } from './kv-ops.js'

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
})
