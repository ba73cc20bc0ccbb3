// PBFT on the wire and on disk: every message and persist record survives its encoding, and
// a message missing a part the core needs is refused as MALFORMED, never half-decoded.

import assert from 'node:assert/strict'
import fc from 'fast-check'
import { decode, encode } from '../../src/net/wire/codec.js'
import { decodePbftRecord, encodePbftRecord } from '../../src/net/wire/pbft-codec.js'
import * as pb from '../../src/net/wire/wire.pb.js'
import type { PbftRecord } from '../../src/protocols/pbft/records.js'
import { certificateArb, pbftArb, prePrepareArb, prepareArb, viewChangeArb } from './wire-arbitraries.js'
import { assertSameMessage, decodedOk } from './wire-assert.js'

const recordArb: fc.Arbitrary<PbftRecord> = fc.oneof(
  prePrepareArb.map((prePrepare): PbftRecord => ({ type: 'prePrepare', prePrepare })),
  fc.record({ prePrepare: prePrepareArb, prepares: fc.array(prepareArb, { maxLength: 3 }) }).map((certificate): PbftRecord => ({ type: 'prepared', certificate })),
  viewChangeArb.map((viewChange): PbftRecord => ({ type: 'viewChange', viewChange })),
  fc.record({ view: fc.nat(), viewChanges: fc.array(viewChangeArb, { maxLength: 2 }), prePrepares: fc.array(prePrepareArb, { maxLength: 2 }), signer: fc.string({ maxLength: 20 }), signature: fc.uint8Array({ maxLength: 64 }) })
    .map(({ view, viewChanges, prePrepares, signer, signature }): PbftRecord => ({ type: 'newView', newView: { type: 'newView', view, viewChanges, prePrepares, signer, signature } })),
  certificateArb.map((certificate): PbftRecord => ({ type: 'checkpoint', certificate })),
  fc.record({ prePrepare: prePrepareArb, signers: fc.array(fc.string({ maxLength: 20 }), { maxLength: 4 }), proof: fc.uint8Array({ maxLength: 100 }) }).map((hint): PbftRecord => ({ type: 'committed', ...hint }))
)

const normalise = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_key, v: unknown) => v instanceof Uint8Array ? [...v] : v))

describe('PBFT wire and record codecs', () => {
  it('every PBFT message decodes to itself', () => {
    fc.assert(fc.property(pbftArb, (msg) => { assertSameMessage(decodedOk(decode(encode(msg))), msg) }), { numRuns: 300 })
  })

  it('every persist record decodes to itself', () => {
    fc.assert(fc.property(recordArb, (record) => { assert.deepEqual(normalise(decodePbftRecord(encodePbftRecord(record))), normalise(record)) }), { numRuns: 300 })
  })

  it('a view change without its checkpoint, or a record with two parts, is refused', () => {
    const viewChange = pb.PbftViewChange.encode({ signer: 'n1', signature: new Uint8Array(64), view: 3, prepared: [], accepted: [] })
    const tag = (37 << 3) | 2 // two varint bytes
    const envelope = Uint8Array.from([(tag & 0x7f) | 0x80, tag >> 7, viewChange.length, ...viewChange])
    const decoded = decode(envelope)
    assert.equal(decoded.ok, false)
    assert.equal(decoded.ok ? '' : decoded.error.code, 'MALFORMED')
    const two = pb.PbftStoredRecord.encode({ checkpoint: { seq: 1, index: 1, stateDigest: new Uint8Array(32), proof: [] }, committed: { signers: [], proof: new Uint8Array() } })
    assert.throws(() => decodePbftRecord(two), /2 fields set/)
  })
})
