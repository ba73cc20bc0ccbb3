import assert from 'node:assert/strict'
import fc from 'fast-check'
import { KvStore } from './kv-store.js'
import { encodeRequest } from './kv-codec.js'
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
})
