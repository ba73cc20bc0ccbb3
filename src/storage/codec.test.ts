import assert from 'node:assert/strict'
import fc from 'fast-check'
import { Buffer } from 'node:buffer'
import { DecodeError, decodeEntry, decodeHardState, decodeSnapshotMarker, encodeEntry, encodeHardState, encodeSnapshotMarker, logKey, logKeyIndex } from './codec.js'

const index = fc.maxSafeNat()

describe('storage codec', () => {
  it("log keys sort in LevelDB's byte order exactly as their indices do, and read back", () => {
    fc.assert(fc.property(index, index, (a, b) => {
      assert.equal(Math.sign(Buffer.compare(logKey(a), logKey(b))), Math.sign(a - b))
      assert.equal(logKeyIndex(logKey(a)), a)
    }))
  })

  it('entries, hard states and snapshot markers round-trip for any safe integers and strings', () => {
    fc.assert(fc.property(index, index, fc.constantFrom('app', 'noop', 'config') as fc.Arbitrary<'app' | 'noop' | 'config'>, fc.uint8Array(), fc.option(fc.string(), { nil: undefined }), fc.array(fc.string()), (at, term, kind, payload, vote, ids) => {
      const key = logKey(at)
      assert.deepStrictEqual(decodeEntry(key, encodeEntry(key, { term, kind, payload })), { term, kind, payload })
      const hardState = vote === undefined ? { type: 'hardState' as const, term } : { type: 'hardState' as const, term, vote }
      assert.deepStrictEqual(decodeHardState(encodeHardState(hardState)), hardState)
      const marker = { type: 'snapshot' as const, index: at, term, voters: ids, learners: ids.slice(1) }
      assert.deepStrictEqual(decodeSnapshotMarker(encodeSnapshotMarker(marker)), marker)
    }))
  })

  it('any single flipped bit in an entry is detected', () => {
    const key = logKey(12)
    const value = encodeEntry(key, { term: 3, kind: 'app', payload: new TextEncoder().encode('put k v') })
    for (let bit = 0; bit < value.length * 8; bit++) {
      const damaged = new Uint8Array(value)
      damaged[bit >> 3] = (damaged[bit >> 3] ?? 0) ^ (1 << (bit & 7))
      assert.throws(() => decodeEntry(key, damaged), DecodeError)
    }
  })
})
