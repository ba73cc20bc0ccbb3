import assert from 'node:assert/strict'
import { decodeSnapshotMeta } from './membership.js'
import { cluster } from './testing.js'

describe('raft snapshots and log compaction (paper §7)', () => {
  it('the leader compacts its log to the snapshot and persists a snapshot marker', () => {
    const c = cluster(3)
    c.elect('n0')
    c.propose('n0', 'a', 'b', 'c')
    c.run(2)
    const effects = c.takeSnapshot('n0')
    const markers = effects.flatMap(e => e.type === 'persist' && e.record.type === 'snapshot' ? [e.record] : [])
    assert.deepEqual(markers, [{ type: 'snapshot', index: 4, term: 1, voters: ['n0', 'n1', 'n2'], learners: [] }])
    // A restart from the records keeps the compaction and the commit index.
    c.crash('n0')
    c.restart('n0')
    assert.equal(c.status('n0').commitIndex, 4)
  })

  it('a far-behind follower gets sendSnapshot, installs it, and catches up', () => {
    const c = cluster(3)
    c.elect('n0')
    c.run(2)
    c.isolate('n2')
    for (let i = 0; i < 30; i++) c.propose('n0', `v${i}`)
    c.run(2)
    c.takeSnapshot('n0') // index 31: the entries n2 lacks are gone from n0's log
    c.heal()
    c.run(5)
    const [sent] = c.effects('n0', 'sendSnapshot')
    assert.ok(sent !== undefined, 'the leader asked its host to ship the snapshot')
    assert.equal(sent.to, 'n2')
    assert.equal(sent.index, 31)
    assert.deepEqual(decodeSnapshotMeta(sent.meta), { term: 1, membership: { voters: ['n0', 'n1', 'n2'], learners: [] } })
    assert.ok(c.host('n2').durable.some(r => r.type === 'snapshot' && r.index === 31), 'n2 persisted the marker')
    assert.equal(c.status('n2').commitIndex, 31)
    // Replication continues after the snapshot.
    c.propose('n0', 'after')
    c.run(3)
    assert.deepEqual(c.applied('n2'), c.applied('n0'))
    assert.equal(c.applied('n2').at(-1), 'after')
    const appendsAfterInstall = c.messages('append', { to: 'n2' }).filter(m => m.message.entries.length > 0 && m.message.prevIndex >= 31)
    assert.ok(appendsAfterInstall.length > 0)
    // The installed snapshot survives a restart.
    c.crash('n2')
    c.restart('n2')
    c.run(3)
    assert.deepEqual(c.applied('n2'), c.applied('n0'))
  })

  it('a lost snapshot is sent again after snapshotRetryTicks', () => {
    const c = cluster(3, { params: { snapshotRetryTicks: 20 } })
    c.elect('n0')
    c.run(2)
    c.isolate('n2')
    c.propose('n0', 'x', 'y')
    c.run(2)
    c.takeSnapshot('n0')
    c.heal()
    c.run(5, { drop: item => item.kind === 'snapshot' })
    assert.equal(c.effects('n0', 'sendSnapshot').length, 1)
    c.run(25)
    assert.equal(c.effects('n0', 'sendSnapshot').length, 2)
    assert.deepEqual(c.applied('n2'), ['(noop)', 'x', 'y'])
  })

  it('a follower whose log matches the snapshot keeps the entries after it', () => {
    const c = cluster(3)
    c.elect('n0')
    c.propose('n0', 'a', 'b')
    c.run(2)
    // n1 installs a snapshot at 2 (it already holds 1..3): only the prefix goes.
    c.step('n1', { type: 'snapshotApplied', from: 'n0', index: 2, meta: new TextEncoder().encode('{"term":1,"voters":["n0","n1","n2"],"learners":[]}') })
    c.propose('n0', 'c')
    c.run(2)
    assert.deepEqual(c.applied('n1'), ['(noop)', 'a', 'b', 'c'])
  })
})
