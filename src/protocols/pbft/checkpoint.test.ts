import assert from 'node:assert/strict'
import { cluster, ofType, type Cluster } from './testing.js'

const small = { checkpointInterval: 4, logWindow: 8, maxBatch: 1 }

function proposeEach(c: Cluster, count: number, prefix = 'v'): void {
  for (let i = 0; i < count; i++) {
    c.propose('n0', `${prefix}${i}`)
    c.deliverAll()
  }
}

describe('pbft checkpoints and garbage collection (§4.3)', () => {
  it('every K sequences the commit asks for a snapshot; 2f + 1 matching checkpoints make it stable', () => {
    const c = cluster(4, { params: small })
    proposeEach(c, 4)
    const flagged = c.effects('n1', 'commit').filter((e) => e.checkpoint === true)
    assert.deepEqual(flagged.map((e) => e.commit.position), [4], 'the 4th sequence')
    const checkpoints = c.messages('checkpoint', { to: 'n1' })
    assert.equal(new Set(checkpoints.map((m) => m.message.signer)).size, 3)
    assert.ok(checkpoints.every((m) => m.message.seq === 4 && m.message.index === 4))
    for (const id of c.ids) assert.equal(c.core(id).describe().lowWatermark, 4, id)
  })

  it('stable checkpoints advance the watermarks and collect the log', () => {
    const c = cluster(4, { params: small })
    proposeEach(c, 22)
    for (const id of c.ids) {
      const state = c.core(id).describe()
      assert.equal(state.lowWatermark, 20, id)
      assert.equal(state.highWatermark, 28)
      assert.ok(state.slots <= 2, `${id} keeps ${state.slots} log slots`)
      assert.equal(state.base, 20, 'the checkpoint with a durable snapshot is the restart point')
    }
    // The restart point is durable: a checkpoint record names it.
    const records = c.host('n2').durable.filter((r) => r.type === 'checkpoint')
    assert.deepEqual(records.map((r) => r.type === 'checkpoint' && r.certificate.seq), [4, 8, 12, 16, 20])
    assert.equal(c.applied('n3').length, 22)
  })

  it('the primary stops at the high watermark until a checkpoint becomes stable', () => {
    const c = cluster(4, { params: { ...small, maxInFlight: 100 } })
    for (let i = 0; i < 12; i++) c.propose('n0', `w${i}`)
    c.deliverAll({ drop: ofType('checkpoint', 'status') })
    const issued = c.messages('prePrepare', { from: 'n0', to: 'n1' }).map((m) => m.message.seq)
    assert.deepEqual(issued, [1, 2, 3, 4, 5, 6, 7, 8], 'h + L = 0 + 8')
    assert.equal(c.applied('n1').length, 8)
    // Checkpoints get through: the window moves to (4, 12] and then (8, 16].
    c.run(10)
    assert.equal(c.applied('n1').length, 12)
    assert.equal(c.core('n1').describe().lowWatermark, 12)
  })

  it('messages below the low watermark or above the high one are ignored', () => {
    const c = cluster(4, { params: small })
    proposeEach(c, 9)
    const before = c.messages('prepare', { from: 'n1' }).length
    const batch = [{ kind: 'app' as const, payload: new Uint8Array([1]) }]
    const digest = c.digests('n0').batch(batch)
    for (const seq of [3, 30]) c.inject('n0', 'n1', c.signAs('n0', { type: 'prePrepare', view: 0, seq, digest, batch }))
    c.deliverAll()
    assert.equal(c.messages('prepare', { from: 'n1' }).length, before)
  })

  it('a replica with a diverging checkpoint digest is reported for a double checkpoint vote if it signs two', () => {
    const c = cluster(4, { params: small })
    const a = c.signAs('n3', { type: 'checkpoint', seq: 4, index: 4, stateDigest: new Uint8Array(32).fill(1) })
    const b = c.signAs('n3', { type: 'checkpoint', seq: 4, index: 4, stateDigest: new Uint8Array(32).fill(2) })
    c.step('n1', { type: 'message', from: 'n3', message: a })
    c.step('n1', { type: 'message', from: 'n3', message: b })
    assert.deepEqual(c.evidence('n1').map((e) => `${e.kind}:${e.offender}`), ['double-vote:n3'])
  })
})

describe('pbft state transfer', () => {
  it('a replica behind the stable checkpoint fetches the certified state, then the log suffix', () => {
    const c = cluster(4, { params: small })
    c.crash('n3')
    proposeEach(c, 14)
    c.restart('n3')
    c.run(30)
    assert.deepEqual(c.applied('n3'), c.applied('n0'))
    assert.ok(c.messages('fetchState', { from: 'n3' }).length > 0, 'it asked for the state')
    const applied = c.host('n3').effects.filter((e) => e.type === 'commit')
    assert.ok(applied.every((e) => e.type === 'commit' && e.commit.position > 12), 'nothing at or below the checkpoint it installed is re-executed')
    assert.equal(c.core('n3').describe().base, 12, 'the installed checkpoint is its restart point')
  })

  it('a snapshot whose content does not hash to the certified digest is not installed', () => {
    const c = cluster(4, { params: small })
    c.crash('n3')
    proposeEach(c, 8)
    c.restart('n3')
    // Tamper with every snapshot on its way to n3.
    const tamper = (): void => {
      for (let i = 0; i < c.queue.length; i++) {
        const item = c.queue[i]!
        if (item.kind === 'snapshot' && item.to === 'n3') c.queue[i] = { ...item, appState: item.appState.map((e) => ({ ...e, payload: new Uint8Array([9]) })) }
      }
    }
    const isSnapshot = (item: { kind: string }): boolean => item.kind === 'snapshot'
    for (let round = 0; round < 30; round++) {
      c.tick()
      c.deliverAll({ hold: isSnapshot })
      tamper()
      while (c.deliverOne(isSnapshot)) { /* the host checks each against the wanted digest */ }
    }
    assert.ok(c.messages('fetchState', { from: 'n3' }).length > 0)
    assert.deepEqual(c.applied('n3'), [], 'the forged state never reaches the app')
    assert.ok(c.status('n3').snapshotWanted !== undefined)
  })

  it('the core refuses a snapshot the host says does not hash to the digest in its metadata', () => {
    const c = cluster(4, { params: small })
    proposeEach(c, 4)
    c.step('n3', { type: 'snapshotApplied', from: 'n1', index: 4, meta: new Uint8Array([1, 2, 3]), digest: new Uint8Array(32) })
    assert.ok(c.evidence('n3').some((e) => e.offender === 'n1' && e.kind === 'invalid-message'))
  })
})
