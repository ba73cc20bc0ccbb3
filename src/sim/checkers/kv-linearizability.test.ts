import assert from 'node:assert/strict'
import { checkKvHistory, type KvHistoryOp } from './kv-linearizability.js'
import { utf8 } from '../../app/bytes.js'
import type { GetOp, KeyValue, KvOp, KvResult, PutOp, StepResult } from '../../app/kv-ops.js'

/** A tiny history builder: times are real-time positions; `ret` undefined = never returned. */
function history(): { op(client: string, invoke: number, ret: number | undefined, op: KvOp, result?: KvResult): void; ops: KvHistoryOp[] } {
  const ops: KvHistoryOp[] = []
  return {
    ops,
    op(client, invoke, ret, op, result) {
      ops.push({ id: ops.length, client, invoke, ret: ret ?? Infinity, op, result: ret === undefined ? undefined : result })
    }
  }
}

const put = (key: string, value: string): PutOp => ({ type: 'put', key, value: utf8(value) })
const get = (key: string): GetOp => ({ type: 'get', key })
const kv = (key: string, value: string, version = 1): KeyValue => ({ key, value: utf8(value), version, createIndex: 0, modIndex: 0 })
const got = (key: string, value?: string, version = 1): StepResult => ({ type: 'get', found: value === undefined ? undefined : kv(key, value, version) })
const OK: StepResult = { type: 'put' }

describe('linearizability checker (Wing-Gong/Lowe, per key)', () => {
  it('accepts a read concurrent with the write it observes', () => {
    const h = history()
    h.op('c1', 0, 3, put('a', '1'), OK)
    h.op('c2', 1, 2, get('a'), got('a', '1'))
    h.op('c3', 4, 5, get('a'), got('a', '1'))
    assert.equal(checkKvHistory(h.ops).kind, 'ok')
  })

  it('rejects a stale read: a completed write is not seen by a later read', () => {
    const h = history()
    h.op('c1', 0, 1, put('a', '1'), OK)
    h.op('c2', 2, 3, get('a'), got('a'))
    const verdict = checkKvHistory(h.ops)
    assert.equal(verdict.kind, 'violation')
    assert.deepEqual(verdict.kind === 'violation' && verdict.keys, ['a'])
  })

  it('rejects a lost write: an acknowledged overwrite disappears', () => {
    const h = history()
    h.op('c1', 0, 1, put('a', '1'), OK)
    h.op('c1', 2, 3, put('a', '2'), OK)
    h.op('c2', 4, 5, get('a'), got('a', '1', 1))
    assert.equal(checkKvHistory(h.ops).kind, 'violation')
  })

  it('rejects reordered writes: two readers see two concurrent writes in opposite orders', () => {
    const h = history()
    h.op('w1', 0, 100, put('x', '1'), OK)
    h.op('w2', 0, 100, put('x', '2'), OK)
    h.op('r1', 1, 2, get('x'), got('x', '1', 1))
    h.op('r1', 3, 4, get('x'), got('x', '2', 2))
    h.op('r2', 5, 6, get('x'), got('x', '2', 2))
    h.op('r2', 7, 8, get('x'), got('x', '1', 2))
    assert.equal(checkKvHistory(h.ops).kind, 'violation')
    // The same reads without r2's inversion are fine.
    assert.equal(checkKvHistory(h.ops.slice(0, 5)).kind, 'ok')
  })

  it('a write that never returned may take effect late, or never, but not twice', () => {
    const h = history()
    h.op('c1', 0, undefined, put('a', '1'))
    h.op('c2', 1, 2, get('a'), got('a'))
    h.op('c2', 3, 4, get('a'), got('a', '1'))
    assert.equal(checkKvHistory(h.ops).kind, 'ok')
    h.op('c2', 5, 6, get('a'), got('a'))
    assert.equal(checkKvHistory(h.ops).kind, 'violation')
  })

  it('checks versions: a read cannot observe a version the writes do not explain', () => {
    const h = history()
    h.op('c1', 0, 1, put('a', '1'), OK)
    h.op('c2', 2, 3, get('a'), got('a', '1', 2))
    assert.equal(checkKvHistory(h.ops).kind, 'violation')
  })

  it('compare-and-set: two clients cannot both win the same swap', () => {
    const h = history()
    const cas: KvOp = { type: 'cas', key: 'lock', expected: undefined, value: utf8('mine') }
    h.op('c1', 0, 10, cas, { type: 'cas', succeeded: true })
    h.op('c2', 0, 10, { ...cas, value: utf8('ours') }, { type: 'cas', succeeded: true })
    assert.equal(checkKvHistory(h.ops).kind, 'violation')
  })

  it('multi-key transactions are atomic: a read cannot see half of one', () => {
    const h = history()
    h.op('c1', 0, 1, { type: 'txn', compare: [], success: [put('a', '1'), put('b', '1')], failure: [] }, { type: 'txn', succeeded: true, results: [OK, OK] })
    h.op('c2', 2, 3, { type: 'range', prefix: '', limit: 0 }, { type: 'range', entries: [kv('a', '1')], more: false })
    const verdict = checkKvHistory(h.ops)
    assert.equal(verdict.kind, 'violation')
    assert.deepEqual(verdict.kind === 'violation' && verdict.keys, ['a', 'b'])
  })

  it('txn compares are evaluated against the model', () => {
    const h = history()
    h.op('c1', 0, 1, put('a', '1'), OK)
    const txn: KvOp = {
      type: 'txn',
      compare: [{ target: 'value', key: 'a', op: 'equal', operand: utf8('1') }],
      success: [put('b', 'yes')],
      failure: [get('a')]
    }
    h.op('c2', 2, 3, txn, { type: 'txn', succeeded: true, results: [OK] })
    assert.equal(checkKvHistory(h.ops).kind, 'ok')
    h.op('c3', 4, 5, txn, { type: 'txn', succeeded: false, results: [got('a', '1')] })
    assert.equal(checkKvHistory(h.ops).kind, 'violation')
  })

  it('splits independent keys into separate parts', () => {
    const h = history()
    for (let i = 0; i < 4; i++) h.op('c1', 2 * i, 2 * i + 1, put(`k${i}`, 'v'), OK)
    const verdict = checkKvHistory(h.ops)
    assert.deepEqual(verdict.kind === 'ok' && verdict.parts, 4)
  })

  it('answers unknown, not forever, when the budget runs out', () => {
    const h = history()
    // Many concurrent writes of which none returned, then reads that order them: a large search.
    for (let i = 0; i < 14; i++) h.op(`w${i}`, i, undefined, put('a', String(i)))
    for (let i = 0; i < 14; i++) h.op('r', 100 + 2 * i, 101 + 2 * i, get('a'), got('a', String(13 - i), i + 1))
    h.op('r', 200, 201, get('a'), got('a', 'never written', 15))
    const verdict = checkKvHistory(h.ops, { maxSteps: 500 })
    assert.equal(verdict.kind, 'unknown')
    assert.match(verdict.kind === 'unknown' ? verdict.reason : '', /500 steps/)
    const timed = checkKvHistory(h.ops, { maxMillis: 0 })
    assert.ok(timed.kind === 'unknown' || timed.kind === 'violation')
  })
})
