import assert from 'node:assert/strict'
import fc from 'fast-check'
import { KvStore } from './kv-store.js'
import { encodeBatch, encodeRequest } from './kv-codec.js'
import { kvRequestArb } from './kv-arbitraries.js'
import { fromUtf8, utf8 } from './bytes.js'
import { ApplyGapError } from './state-machine.js'
import type { KvOp, KvRequest, KvResult } from './kv-ops.js'
import type { CommittedEntry } from '../protocols/core.js'

/** A store with a cursor: `run(op)` commits the next entry and returns its result. */
function store(): { kv: KvStore; run(request: KvRequest | KvOp): KvResult; outcome(request: KvRequest): ReturnType<KvStore['apply']>[number]['result'] } {
  const kv = new KvStore()
  const outcome = (request: KvRequest) => {
    const [applied] = kv.apply([{ index: kv.appliedIndex + 1, kind: 'app', payload: encodeRequest(request) }])
    assert.ok(applied)
    return applied.result
  }
  const run = (request: KvRequest | KvOp) => outcome('op' in request ? request : { op: request }).result
  return { kv, run, outcome }
}

const v = utf8

function entries(requests: readonly KvRequest[], from = 1): CommittedEntry[] {
  return requests.map((r, i) => ({ index: from + i, kind: 'app' as const, payload: encodeRequest(r) }))
}

/** One entry per batch, each a batch payload. */
function batchEntries(batches: readonly (readonly KvRequest[])[], from = 1): CommittedEntry[] {
  return batches.map((batch, i) => ({ index: from + i, kind: 'app' as const, payload: encodeBatch(batch.map(encodeRequest)) }))
}

/** Cuts `requests` into consecutive batches of the given sizes (the rest in a last one). */
function cut<T>(items: readonly T[], sizes: readonly number[]): T[][] {
  const out: T[][] = []
  let at = 0
  for (const size of sizes) {
    if (at >= items.length) break
    out.push(items.slice(at, at + size))
    at += size
  }
  if (at < items.length) out.push(items.slice(at))
  return out
}

describe('KV store', () => {
  it('put, get and delete keep etcd-style versions and indexes', () => {
    const { run } = store()
    assert.deepEqual(run({ type: 'put', key: 'k', value: v('1') }), { type: 'put' })
    assert.deepEqual(run({ type: 'put', key: 'k', value: v('2') }), { type: 'put' })
    assert.deepEqual(run({ type: 'get', key: 'k' }), { type: 'get', found: { key: 'k', value: v('2'), version: 2, createIndex: 1, modIndex: 2 } })
    assert.deepEqual(run({ type: 'delete', key: 'k' }), { type: 'delete', deleted: true })
    assert.deepEqual(run({ type: 'delete', key: 'k' }), { type: 'delete', deleted: false })
    assert.deepEqual(run({ type: 'get', key: 'k' }), { type: 'get', found: undefined })
    run({ type: 'put', key: 'k', value: v('3') })
    assert.deepEqual(run({ type: 'get', key: 'k' }), { type: 'get', found: { key: 'k', value: v('3'), version: 1, createIndex: 7, modIndex: 7 } })
  })

  it('compare-and-set swaps only on the expected value, or on absence', () => {
    const { run, kv } = store()
    assert.deepEqual(run({ type: 'cas', key: 'k', expected: v('x'), value: v('1') }), { type: 'cas', succeeded: false })
    assert.deepEqual(run({ type: 'cas', key: 'k', expected: undefined, value: v('1') }), { type: 'cas', succeeded: true })
    assert.deepEqual(run({ type: 'cas', key: 'k', expected: undefined, value: v('2') }), { type: 'cas', succeeded: false })
    assert.deepEqual(run({ type: 'cas', key: 'k', expected: v('1'), value: v('2') }), { type: 'cas', succeeded: true })
    assert.equal(fromUtf8(kv.get('k')!.value), '2')
  })

  it('txn runs success or failure atomically; a value compare on an absent key is false', () => {
    const { run, kv } = store()
    run({ type: 'put', key: 'a', value: v('1') })
    const ok = run({
      type: 'txn',
      compare: [
        { target: 'value', key: 'a', op: 'equal', operand: v('1') },
        { target: 'version', key: 'b', op: 'equal', operand: 0 }
      ],
      success: [{ type: 'put', key: 'b', value: v('2') }, { type: 'get', key: 'a' }],
      failure: [{ type: 'delete', key: 'a' }]
    })
    assert.deepEqual(ok, {
      type: 'txn',
      succeeded: true,
      results: [{ type: 'put' }, { type: 'get', found: { key: 'a', value: v('1'), version: 1, createIndex: 1, modIndex: 1 } }]
    })
    const failed = run({
      type: 'txn',
      compare: [{ target: 'value', key: 'missing', op: 'notEqual', operand: v('x') }],
      success: [{ type: 'put', key: 'x', value: v('x') }],
      failure: [{ type: 'delete', key: 'a' }]
    })
    assert.deepEqual(failed, { type: 'txn', succeeded: false, results: [{ type: 'delete', deleted: true }] })
    assert.equal(kv.get('x'), undefined)
    assert.deepEqual(
      run({ type: 'txn', compare: [{ target: 'modIndex', key: 'b', op: 'less', operand: 3 }], success: [], failure: [] }),
      { type: 'txn', succeeded: true, results: [] }
    )
  })

  it('range returns keys with the prefix in order, honouring the limit', () => {
    const { run, kv } = store()
    for (const key of ['b/2', 'a', 'b/1', 'b', 'c', 'b/3']) run({ type: 'put', key, value: v(key) })
    const keys = (r: KvResult) => (r.type === 'range' ? r.entries.map((e) => e.key) : assert.fail(`not a range: ${r.type}`))
    assert.deepEqual(keys(run({ type: 'range', prefix: 'b/', limit: 0 })), ['b/1', 'b/2', 'b/3'])
    const limited = kv.query({ type: 'range', prefix: 'b', limit: 2 })
    assert.deepEqual(keys(limited), ['b', 'b/1'])
    assert.equal(limited.type === 'range' && limited.more, true)
    assert.deepEqual(keys(kv.query({ type: 'range', prefix: '', limit: 0 })), ['a', 'b', 'b/1', 'b/2', 'b/3', 'c'])
    run({ type: 'delete', key: 'b/2' })
    assert.deepEqual(keys(kv.query({ type: 'range', prefix: 'b/', limit: 0 })), ['b/1', 'b/3'])
  })

  it('a retried request is applied once and the retry gets the original result', () => {
    const { outcome, kv } = store()
    const put = (seq: number, value: string): KvRequest => ({ session: { client: 'c1', seq }, op: { type: 'put', key: 'k', value: v(value) } })
    const first = outcome({ session: { client: 'c1', seq: 1 }, op: { type: 'cas', key: 'k', expected: undefined, value: v('a') } })
    assert.deepEqual(first, { session: { client: 'c1', seq: 1 }, duplicate: false, result: { type: 'cas', succeeded: true } })
    const retry = outcome({ session: { client: 'c1', seq: 1 }, op: { type: 'cas', key: 'k', expected: undefined, value: v('a') } })
    assert.deepEqual(retry, { ...first, duplicate: true })
    assert.equal(kv.get('k')!.version, 1)
    outcome(put(2, 'b'))
    // seq 2 acknowledged seq 1 (ack defaults to seq): its result is forgotten, a late copy is refused.
    const late = outcome({ session: { client: 'c1', seq: 1 }, op: { type: 'cas', key: 'k', expected: undefined, value: v('a') } })
    assert.deepEqual(late.result, { type: 'error', error: { code: 'STALE_REQUEST', client: 'c1', seq: 1 } })
    assert.equal(late.duplicate, true)
    assert.equal(fromUtf8(kv.get('k')!.value), 'b')
  })

  it('pipelined requests keep results above the ack', () => {
    const { outcome } = store()
    const req = (seq: number, ack: number): KvRequest => ({ session: { client: 'c', seq, ack }, op: { type: 'put', key: 'k', value: v(String(seq)) } })
    outcome(req(1, 1))
    outcome(req(2, 1))
    outcome(req(3, 1))
    assert.equal(outcome(req(1, 1)).duplicate, true)
    outcome(req(4, 3))
    assert.equal(outcome(req(2, 1)).result.type, 'error')
    assert.deepEqual(outcome(req(3, 1)), { session: { client: 'c', seq: 3, ack: 1 }, duplicate: true, result: { type: 'put' } })
  })

  it('evicts the least recently used session beyond the limit', () => {
    const kv = new KvStore({ maxSessions: 2 })
    const put = (client: string, seq: number): KvRequest => ({ session: { client, seq }, op: { type: 'put', key: client, value: v(String(seq)) } })
    kv.apply(entries([put('a', 1), put('b', 1), put('a', 2), put('c', 1)]))
    // b was least recently used: its retry is treated as new; a's is still deduplicated.
    const [a, b] = kv.apply(entries([put('a', 2), put('b', 1)], 5))
    assert.equal(b!.result.duplicate, false)
    assert.equal(a!.result.duplicate, true)
  })

  it('a committed payload that does not decode is a deterministic error result', () => {
    const kv = new KvStore()
    const [applied] = kv.apply([{ index: 1, kind: 'app', payload: new Uint8Array([9, 9]) }])
    assert.deepEqual(applied, { index: 1, result: { session: undefined, duplicate: false, result: { type: 'error', error: { code: 'DECODE_ERROR', reason: 'unknown format version 9' } } } })
    assert.equal(kv.appliedIndex, 1)
  })

  it('skips entries already applied and refuses a gap', () => {
    const kv = new KvStore()
    kv.apply([{ index: 1, kind: 'noop', payload: new Uint8Array() }])
    assert.deepEqual(kv.apply([{ index: 1, kind: 'noop', payload: new Uint8Array() }]), [])
    assert.throws(() => kv.apply([{ index: 3, kind: 'noop', payload: new Uint8Array() }]), ApplyGapError)
  })

  it('refuses a corrupt snapshot and keeps its state', () => {
    const { kv, run } = store()
    run({ type: 'put', key: 'k', value: v('1') })
    const snapshot = kv.snapshot()
    assert.deepEqual(kv.restore(snapshot.subarray(0, snapshot.length - 2))?.code, 'BAD_SNAPSHOT')
    assert.deepEqual(kv.restore(new Uint8Array([1, 2, 3]))?.code, 'BAD_SNAPSHOT')
    assert.equal(fromUtf8(kv.get('k')!.value), '1')
  })

  it('property: restore(snapshot) reproduces the state, and both copies evolve identically', () => {
    fc.assert(
      fc.property(fc.array(kvRequestArb, { maxLength: 40 }), fc.array(kvRequestArb, { maxLength: 20 }), (before, after) => {
        const original = new KvStore({ maxSessions: 2 })
        original.apply(entries(before))
        const snapshot = original.snapshot()
        const copy = new KvStore({ maxSessions: 2 })
        assert.equal(copy.restore(snapshot), undefined)
        assert.deepEqual(copy.snapshot(), snapshot)
        assert.equal(copy.appliedIndex, original.appliedIndex)
        const next = entries(after, original.appliedIndex + 1)
        assert.deepEqual(copy.apply(next), original.apply(next))
        assert.deepEqual(copy.snapshot(), original.snapshot())
      }),
      { numRuns: 500 }
    )
  })

  it('property: applying the same session batch twice leaves the state of applying it once', () => {
    const sessionRequest = kvRequestArb.filter((r) => r.session !== undefined)
    fc.assert(
      fc.property(fc.array(sessionRequest, { maxLength: 30 }), (batch) => {
        const once = new KvStore()
        once.apply(entries(batch))
        once.apply(batch.map((_, i) => ({ index: batch.length + 1 + i, kind: 'noop' as const, payload: new Uint8Array() })))
        const twice = new KvStore()
        const first = twice.apply(entries(batch))
        const second = twice.apply(entries(batch, batch.length + 1))
        assert.deepEqual(twice.snapshot(), once.snapshot())
        for (const applied of second) assert.equal(applied.result.duplicate, true)
        // A retry answered from the session gets the original result.
        for (let i = 0; i < batch.length; i++) {
          const retry = second[i]!.result
          if (retry.result.type !== 'error') assert.deepEqual(retry.result, first.find((f) => f.result.session?.client === retry.session?.client && f.result.session?.seq === retry.session?.seq && !f.result.duplicate)?.result.result)
        }
      }),
      { numRuns: 500 }
    )
  })

  describe('batches', () => {
    const put = (client: string, seq: number, key: string, value: string): KvRequest => ({ session: { client, seq }, op: { type: 'put', key, value: v(value) } })
    const decodeError = (reason: string) => ({ session: undefined, duplicate: false, result: { type: 'error', error: { code: 'DECODE_ERROR', reason } } })

    it('applies its requests in order, each with its own result and the entry index', () => {
      const kv = new KvStore()
      kv.apply(entries([{ op: { type: 'put', key: 'k', value: v('0') } }]))
      const applied = kv.apply(batchEntries([[
        put('c1', 1, 'k', '1'),
        { op: { type: 'cas', key: 'k', expected: v('1'), value: v('2') } },
        put('c2', 1, 'j', 'x'),
        { op: { type: 'get', key: 'k' } }
      ]], 2))
      assert.deepEqual(applied.map((a) => a.index), [2, 2, 2, 2])
      assert.deepEqual(applied.map((a) => a.result), [
        { session: { client: 'c1', seq: 1 }, duplicate: false, result: { type: 'put' } },
        { session: undefined, duplicate: false, result: { type: 'cas', succeeded: true } },
        { session: { client: 'c2', seq: 1 }, duplicate: false, result: { type: 'put' } },
        { session: undefined, duplicate: false, result: { type: 'get', found: { key: 'k', value: v('2'), version: 3, createIndex: 1, modIndex: 2 } } }
      ])
      assert.equal(kv.appliedIndex, 2)
      // An empty batch is well formed: the index advances, nothing else happens.
      assert.deepEqual(kv.apply(batchEntries([[]], 3)), [])
      assert.equal(kv.appliedIndex, 3)
    })

    it('sessions deduplicate across batches and within one, as across entries', () => {
      const kv = new KvStore()
      const [first] = kv.apply(batchEntries([[put('c', 1, 'k', 'a')]]))
      const [retry, next, again] = kv.apply(batchEntries([[put('c', 1, 'k', 'a'), put('c', 2, 'k', 'b'), put('c', 2, 'k', 'b')]], 2))
      assert.deepEqual(retry!.result, { ...first!.result, duplicate: true })
      assert.equal(next!.result.duplicate, false)
      assert.equal(again!.result.duplicate, true)
      assert.equal(kv.get('k')!.version, 2)
      // seq 2 acknowledged seq 1: a later copy of it is refused, in a batch or not.
      const [late] = kv.apply(batchEntries([[put('c', 1, 'k', 'a')]], 3))
      assert.deepEqual(late!.result.result, { type: 'error', error: { code: 'STALE_REQUEST', client: 'c', seq: 1 } })
      const [lone] = kv.apply(entries([put('c', 2, 'k', 'b')], 4))
      assert.equal(lone!.result.duplicate, true)
    })

    it('a batch whose root does not match is not applied: one error, no session touched', () => {
      const kv = new KvStore()
      const payload = encodeBatch([put('c', 1, 'k', 'a'), put('d', 1, 'j', 'b')].map(encodeRequest))
      payload[1]! ^= 1
      const applied = kv.apply([{ index: 1, kind: 'app', payload }])
      assert.deepEqual(applied, [{ index: 1, result: decodeError('batch root does not match its requests') }])
      assert.equal(kv.appliedIndex, 1)
      assert.equal(kv.size, 0)
      // The retry is new, not a duplicate: nothing of the rejected batch was recorded.
      const [retry] = kv.apply(batchEntries([[put('c', 1, 'k', 'a')]], 2))
      assert.equal(retry!.result.duplicate, false)
      assert.equal(kv.get('k')!.modIndex, 2)
    })

    it('a malformed batch is not applied; a bad request inside a sound batch fails alone', () => {
      const kv = new KvStore()
      const good = encodeBatch([put('c', 1, 'k', 'a')].map(encodeRequest))
      const [truncated] = kv.apply([{ index: 1, kind: 'app', payload: good.subarray(0, good.length - 2) }])
      assert.deepEqual(truncated!.result, decodeError('length runs past end of input'))
      assert.equal(kv.size, 0)
      const withJunk = encodeBatch([encodeRequest(put('c', 1, 'k', 'a')), new Uint8Array([7]), encodeRequest(put('d', 1, 'j', 'b'))])
      const applied = kv.apply([{ index: 2, kind: 'app', payload: withJunk }])
      assert.deepEqual(applied.map((a) => a.result.result.type), ['put', 'error', 'put'])
      assert.deepEqual(applied[1]!.result, decodeError('unknown format version 7'))
      assert.equal(kv.size, 2)
    })

    it('sessions evicted on a tie of indexes: the smallest client id, never the one being opened', () => {
      const kv = new KvStore({ maxSessions: 2 })
      kv.apply(batchEntries([[put('b', 1, 'x', '1'), put('a', 1, 'x', '2'), put('c', 1, 'x', '3')]]))
      // a and b tied at index 1 when c came: a went; b and c stay.
      const applied = kv.apply(batchEntries([[put('b', 1, 'x', '1'), put('c', 1, 'x', '3')]], 2))
      assert.deepEqual(applied.map((a) => a.result.duplicate), [true, true])
      const [a] = kv.apply(entries([put('a', 1, 'x', '2')], 3))
      assert.equal(a!.result.duplicate, false)
    })

    it('property: requests give the same results in batches as in entries of their own, up to indexes', () => {
      // Writes of one batch share its index, so reads are compared with indexes erased, and
      // guards on an index (which would then compare other numbers) are left out.
      const erase = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, x: unknown) => (key === 'createIndex' || key === 'modIndex' ? 0 : x)))
      const noIndexGuard = kvRequestArb.filter((r) => r.op.type !== 'txn' || r.op.compare.every((c) => c.target === 'value' || c.target === 'version'))
      fc.assert(
        fc.property(fc.array(noIndexGuard, { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 10 }), (requests, sizes) => {
          const alone = new KvStore({ maxSessions: 100 })
          const batched = new KvStore({ maxSessions: 100 })
          const one = alone.apply(entries(requests)).map((a) => a.result)
          const many = batched.apply(batchEntries(cut(requests, sizes))).map((a) => a.result)
          assert.deepEqual(erase(many), erase(one))
        }),
        { numRuns: 500 }
      )
    })

    it('property: a replica restored from a snapshot applies later batches exactly as the original', () => {
      fc.assert(
        fc.property(
          fc.array(kvRequestArb, { maxLength: 30 }), fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 8 }),
          fc.array(kvRequestArb, { maxLength: 30 }), fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 8 }),
          (before, beforeSizes, after, afterSizes) => {
            // Two sessions at most, three clients: evictions happen, and ties inside batches.
            const original = new KvStore({ maxSessions: 2 })
            original.apply(batchEntries(cut(before, beforeSizes)))
            const copy = new KvStore({ maxSessions: 2 })
            assert.equal(copy.restore(original.snapshot()), undefined)
            const next = batchEntries(cut(after, afterSizes), original.appliedIndex + 1)
            assert.deepEqual(copy.apply(next), original.apply(next))
            assert.deepEqual(copy.snapshot(), original.snapshot())
          }
        ),
        { numRuns: 500 }
      )
    })
  })
})
