import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import type { PbftMessage, PrePrepare } from './messages.js'
import { decodeCommitProof, decodeSnapshotMeta, encodeCommitProof, encodeSnapshotMeta, signingBytes } from './signing.js'
import { cluster, text } from './testing.js'

/** The first 16 hex digits of SHA-256: enough to notice any changed byte. */
function fingerprint(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16)
}

describe('pbft signing bytes (signing.ts)', () => {
  // Signatures, digests and commit proofs are over these bytes: a change to the encoding splits
  // every running network. The values below were taken from the encoding as first shipped.
  it('are byte for byte what they were: every message type, digests, commit proofs, snapshot metadata', () => {
    const c = cluster(4)
    const digests = c.digests('n0')
    const batch = [{ kind: 'app' as const, payload: text('x') }, { kind: 'noop' as const, payload: text('read:n1:7:1') }]
    const digest = digests.batch(batch)
    const prePrepare: PrePrepare = c.signAs('n0', { type: 'prePrepare', view: 3, seq: 200, digest, batch })
    const prepare = c.signAs('n1', { type: 'prepare', view: 3, seq: 200, digest })
    const checkpoint = c.signAs('n2', { type: 'checkpoint', seq: 128, index: 300_000, stateDigest: new Uint8Array(32).fill(9) })
    const certificate = { seq: 128, index: 300_000, stateDigest: checkpoint.stateDigest, proof: [checkpoint] }
    const viewChange = c.signAs('n2', { type: 'viewChange', view: 4, checkpoint: certificate, prepared: [{ prePrepare, prepares: [prepare] }], accepted: [] })
    const messages: PbftMessage[] = [
      c.signAs('n1', { type: 'request', requests: batch }),
      prePrepare,
      prepare,
      c.signAs('n2', { type: 'commit', view: 3, seq: 200, digest }),
      checkpoint,
      viewChange,
      c.signAs('n0', { type: 'newView', view: 4, viewChanges: [viewChange], prePrepares: [prePrepare] }),
      c.signAs('n3', { type: 'status', view: 4, changing: true, stableSeq: 128, executedSeq: 2 ** 40, lastSeq: 201 }),
      c.signAs('n3', { type: 'fetchState', seq: 128 }),
      c.signAs('n1', { type: 'committed', prePrepare, commits: [], prepares: [prepare] }),
      c.signAs('n1', { type: 'stableCheckpoint', certificate })
    ]
    const actual = Object.fromEntries(messages.map((message) => [message.type, fingerprint(signingBytes(message, digests))]))
    const proof = encodeCommitProof('fast', 3, 200, digest, [new Uint8Array(64).fill(1), new Uint8Array(64).fill(2)])
    const meta = encodeSnapshotMeta({ seq: 128, index: 300_000, stateDigest: checkpoint.stateDigest })
    Object.assign(actual, { batchDigest: fingerprint(digest), commitProof: fingerprint(proof), snapshotMeta: fingerprint(meta) })
    assert.deepEqual(actual, GOLDEN)
    assert.deepEqual(decodeCommitProof(proof)?.signatures.map((s) => s[0]), [1, 2])
    assert.equal(decodeSnapshotMeta(meta)?.index, 300_000)
    assert.equal(decodeSnapshotMeta(meta.subarray(0, meta.length - 1)), undefined, 'a truncated encoding is refused')
  })
})

const GOLDEN: Record<string, string> = {
  batchDigest: 'e95df54655163262',
  checkpoint: '2c3749b4ef782167',
  commit: 'fd9dc3838461b03a',
  commitProof: '4abdde6bddf0228b',
  committed: 'a58fe4563ba0112b',
  fetchState: '3b63286b702a5e15',
  newView: 'b118d2ea1b19300b',
  prePrepare: '2a40797a74fa1829',
  prepare: '785434f552be704c',
  request: 'a7b1d47be9f74c42',
  snapshotMeta: '4bd516d8b609bed9',
  stableCheckpoint: 'c54d98bdbd58ea2a',
  status: 'b1a9687547dc2ac1',
  viewChange: '6d139ea741bff1df'
}
