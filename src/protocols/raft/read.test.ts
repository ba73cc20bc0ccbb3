import assert from 'node:assert/strict'
import { between, cluster, ofType } from './testing.js'

describe('raft ReadIndex (thesis §6.4)', () => {
  it('readReady only after the current-term noop commits and a quorum confirms leadership', () => {
    const c = cluster(3)
    c.tick(['n0'], 20)
    c.deliverAll({ hold: ofType('append') }) // n0 leads, its noop not yet replicated
    assert.equal(c.status('n0').role, 'leader')
    const { ref } = c.read('n0')
    assert.equal(c.effects('n0', 'readReady').length, 0)
    assert.equal(c.messages('heartbeat', { from: 'n0' }).filter(m => m.message.context > 0).length, 0,
      'no confirmation round before the noop commits: the commit index may still be stale')
    c.deliverAll({ hold: ofType('heartbeatResponse') }) // the noop commits; the round starts
    assert.equal(c.status('n0').commitIndex, 1)
    assert.ok(c.messages('heartbeat', { from: 'n0' }).some(m => m.message.context === 1))
    assert.equal(c.effects('n0', 'readReady').length, 0, 'no quorum has confirmed yet')
    assert.ok(c.deliverOne(between('n1', 'n0', 'heartbeatResponse')))
    assert.deepEqual(c.effects('n0', 'readReady'), [{ type: 'readReady', ref, index: 1 }])
  })

  it('the read index covers every write committed before the read arrived', () => {
    const c = cluster(3)
    c.elect('n0')
    c.propose('n0', 'w1', 'w2')
    c.run(2)
    const { ref } = c.read('n0')
    c.deliverAll()
    const [ready] = c.effects('n0', 'readReady')
    assert.equal(ready?.ref, ref)
    assert.equal(ready?.index, 3)
  })

  it('a deposed leader cannot serve a stale read: it never says readReady, and fails the read on stepping down', () => {
    const c = cluster(3)
    c.elect('n0')
    c.run(3)
    c.partition(['n0'], ['n1', 'n2'])
    const { ref } = c.read('n0') // n0 still believes it leads
    c.run(40) // the majority elects a new leader and commits a write n0 never sees
    const leader = c.leader()
    assert.ok(leader !== undefined && leader !== 'n0')
    c.propose(leader, 'newer')
    c.run(2)
    assert.equal(c.effects('n0', 'readReady').length, 0)
    const [failed] = c.effects('n0', 'readFailed')
    assert.equal(failed?.ref, ref)
    assert.ok(failed?.error.code === 'NO_LEADER' || failed?.error.code === 'NOT_LEADER')
  })

  it('many reads share one confirmation round', () => {
    const c = cluster(3)
    c.elect('n0')
    c.run(2)
    const first = c.read('n0')
    const rest = [c.read('n0'), c.read('n0'), c.read('n0')]
    const contexts = () => new Set(c.messages('heartbeat', { from: 'n0' }).map(m => m.message.context).filter(k => k > 0))
    assert.deepEqual([...contexts()], [1], 'reads arriving during a round wait for the next one')
    c.deliverAll()
    const ready = c.effects('n0', 'readReady')
    assert.deepEqual(ready.map(r => r.ref), [first.ref, ...rest.map(r => r.ref)])
    assert.deepEqual([...contexts()], [1, 2], 'four reads, two rounds')
  })

  it('followers refuse reads and name the leader (forwarding is the host\'s job)', () => {
    const c = cluster(3)
    c.elect('n0')
    c.run(2)
    const { ref, effects } = c.read('n1')
    assert.deepEqual(effects, [{ type: 'readFailed', ref, error: { code: 'NOT_LEADER', leader: 'n0' } }])
  })

  it('a single voter serves reads once its noop is committed', () => {
    const c = cluster(1)
    c.elect('n0')
    const { ref, effects } = c.read('n0')
    assert.deepEqual(effects.filter(e => e.type === 'readReady'), [{ type: 'readReady', ref, index: 1 }])
  })
})
