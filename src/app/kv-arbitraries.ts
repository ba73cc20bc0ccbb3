// fast-check generators for KV requests, shared by the app's property tests and the simulator's.
// Keys come from a small alphabet so generated operations collide on keys and prefixes.

import fc from 'fast-check'
import type { Compare, CompareOp, KvOp, KvRequest, Session, TxnStep } from './kv-ops.js'

const keyArb = fc.constantFrom('a', 'ab', 'abc', 'b', 'b/1', 'b/2', 'é', 'z')
const valueArb = fc.uint8Array({ maxLength: 6 })
const compareOpArb = fc.constantFrom<CompareOp>('equal', 'notEqual', 'less', 'greater')

const stepArb: fc.Arbitrary<TxnStep> = fc.oneof(
  fc.record({ type: fc.constant('put' as const), key: keyArb, value: valueArb }, { noNullPrototype: true }),
  fc.record({ type: fc.constant('delete' as const), key: keyArb }, { noNullPrototype: true }),
  fc.record({ type: fc.constant('get' as const), key: keyArb }, { noNullPrototype: true }),
  fc.record({ type: fc.constant('range' as const), prefix: fc.constantFrom('', 'a', 'b/', 'z'), limit: fc.nat(3) }, { noNullPrototype: true })
)

const compareArb: fc.Arbitrary<Compare> = fc.oneof(
  fc.record({ target: fc.constant('value' as const), key: keyArb, op: compareOpArb, operand: valueArb }, { noNullPrototype: true }),
  fc.record({ target: fc.constant('version' as const), key: keyArb, op: compareOpArb, operand: fc.nat(4) }, { noNullPrototype: true }),
  fc.record({ target: fc.constant('createIndex' as const), key: keyArb, op: compareOpArb, operand: fc.nat(40) }, { noNullPrototype: true }),
  fc.record({ target: fc.constant('modIndex' as const), key: keyArb, op: compareOpArb, operand: fc.nat(40) }, { noNullPrototype: true })
)

export const kvOpArb: fc.Arbitrary<KvOp> = fc.oneof(
  stepArb,
  fc.record({ type: fc.constant('cas' as const), key: keyArb, expected: fc.option(valueArb, { nil: undefined }), value: valueArb }, { noNullPrototype: true }),
  fc.record({
    type: fc.constant('txn' as const),
    compare: fc.array(compareArb, { maxLength: 3 }),
    success: fc.array(stepArb, { maxLength: 3 }),
    failure: fc.array(stepArb, { maxLength: 3 })
  }, { noNullPrototype: true })
)

const sessionArb: fc.Arbitrary<Session> = fc
  .record({ client: fc.constantFrom('c1', 'c2', 'c3'), seq: fc.integer({ min: 1, max: 8 }), lag: fc.option(fc.nat(3), { nil: undefined }) }, { noNullPrototype: true })
  .map(({ client, seq, lag }) => (lag === undefined ? { client, seq } : { client, seq, ack: Math.max(0, seq - lag) }))

export const kvRequestArb: fc.Arbitrary<KvRequest> = fc
  .record({ session: fc.option(sessionArb, { nil: undefined }), op: kvOpArb })
  .map(({ session, op }) => (session === undefined ? { op } : { session, op }))
