import assert from 'node:assert/strict'
import { createRaftCore } from './core.js'
import { compactRecords } from './records.js'
import { between, cluster, ofType, seededRng } from './testing.js'

describe('raft persistence: nothing leaves before the state it depends on is durable', () => {
  it('a granted vote is not sent until the vote is persisted', () => {
    const c = cluster(3, { params: { preVote: false } })
    c.setAutoPersist('n1', false)
    c.tick(['n0'], 20)
    assert.equal(c.status('n0').role, 'candidate')
    assert.ok(c.deliverOne(between('n0', 'n1', 'voteRequest')))
    const persisted = c.host('n1').unacked.map(u => u.record)
    assert.deepEqual(persisted, [{ type: 'hardState', term: 1, vote: 'n0' }])
    assert.equal(c.messages('voteResponse', { from: 'n1' }).length, 0, 'held back')
    c.acknowledgePersists('n1')
    const [answer] = c.messages('voteResponse', { from: 'n1' })
    assert.equal(answer?.message.granted, true)
  })

  it("a candidate's RequestVotes (and its own vote) wait for its term and vote to be durable", () => {
    const c = cluster(3, { params: { preVote: false } })
    c.setAutoPersist('n0', false)
    c.tick(['n0'], 20)
    assert.equal(c.status('n0').role, 'candidate')
    assert.equal(c.messages('voteRequest').length, 0)
    c.acknowledgePersists('n0')
    assert.equal(c.messages('voteRequest', { from: 'n0' }).length, 2)
  })

  it('an Append is not acknowledged until its entries are persisted', () => {
    const c = cluster(3)
    c.elect('n0')
    c.run(2)
    c.setAutoPersist('n1', false)
    c.propose('n0', 'x')
    c.deliverAll({ hold: between('n1', 'n0') })
    const acksBefore = c.messages('appendResponse', { from: 'n1' }).length
    assert.ok(c.host('n1').unacked.some(u => u.record.type === 'entries'))
    c.deliverAll()
    assert.equal(c.messages('appendResponse', { from: 'n1' }).length, acksBefore, 'no ack while the write is pending')
    c.acknowledgePersists('n1')
    const released = c.messages('appendResponse', { from: 'n1' }).slice(acksBefore)
    assert.ok(released.length > 0)
    assert.ok(released.every(ack => ack.message.success && ack.message.index === 2))
  })

  it('thesis §10.2.1: the leader sends before its own write is durable, but counts itself only once it is', () => {
    const c = cluster(3)
    c.elect('n0')
    c.run(2)
    c.setAutoPersist('n0', false)
    c.isolate('n2')
    const effects = c.propose('n0', 'x')
    assert.ok(effects.some(e => e.type === 'send' && e.message.type === 'append' && e.message.entries.length === 1))
    c.deliverAll() // n1 acknowledges: with n0 that would be a quorum, but n0's copy is not durable
    assert.equal(c.status('n0').commitIndex, 1)
    c.acknowledgePersists('n0')
    assert.equal(c.status('n0').commitIndex, 2)
  })

  it('a restarted node keeps its vote: no second vote in the same term', () => {
    const c = cluster(3, { params: { preVote: false } })
    c.tick(['n0'], 20)
    assert.ok(c.deliverOne(between('n0', 'n1', 'voteRequest')))
    c.drop(() => true) // n0's other request and n1's answer are lost
    c.crash('n1')
    c.restart('n1')
    assert.equal(c.status('n1').epoch, 1)
    c.tick(['n2'], 20) // n2 campaigns in term 1 as well
    assert.equal(c.status('n2').epoch, 1)
    c.deliverAll({ hold: ofType('append') })
    const answers = c.messages('voteResponse', { from: 'n1', to: 'n2' })
    assert.equal(answers.length, 1)
    assert.equal(answers[0]?.message.granted, false, 'n1 already voted for n0 in term 1')
    assert.notEqual(c.status('n2').role, 'leader')
  })

  it('a vote lost in a crash before it was durable was never sent, so voting again is safe', () => {
    const c = cluster(3, { params: { preVote: false } })
    c.setAutoPersist('n1', false)
    c.tick(['n0'], 20)
    assert.ok(c.deliverOne(between('n0', 'n1', 'voteRequest')))
    c.crash('n1') // the vote record was never acknowledged
    assert.equal(c.messages('voteResponse', { from: 'n1' }).length, 0)
    c.restart('n1')
    assert.equal(c.status('n1').epoch, 0, 'rebuilt from acknowledged records only')
  })

  it('after a restart the core re-emits commits from its snapshot index + 1, the same entries as before', () => {
    const c = cluster(3)
    c.elect('n0')
    c.propose('n0', 'a', 'b')
    c.run(2)
    c.takeSnapshot('n1') // n1's app snapshot covers noop, a, b
    c.propose('n0', 'c')
    c.run(2)
    assert.deepEqual(c.applied('n1'), ['(noop)', 'a', 'b', 'c'])
    c.crash('n1')
    c.restart('n1')
    assert.equal(c.applied('n1').length, 3, 'the app restarts from its snapshot')
    c.tick(['n1'])
    const [commit] = c.effects('n1', 'commit')
    assert.equal(commit?.commit.position, 4, 'nothing at or below the snapshot comes again')
    assert.deepEqual(c.applied('n1'), ['(noop)', 'a', 'b', 'c'])
  })

  it('compactRecords rebuilds the same core from a shorter record list', () => {
    const c = cluster(3)
    c.elect('n0')
    for (let i = 0; i < 10; i++) c.propose('n0', `v${i}`)
    c.run(2)
    c.takeSnapshot('n1')
    c.propose('n0', 'after')
    c.run(2)
    const factory = createRaftCore()
    for (const id of c.ids) {
      const full = c.host(id).durable
      const compacted = compactRecords(full)
      assert.ok(compacted.length < full.length)
      const config = { id, voters: ['n0', 'n1', 'n2'], rng: seededRng(1) }
      const a = factory(config, full)
      const b = factory(config, compacted)
      assert.deepEqual(b.status(), a.status())
      const commits = (effects: ReturnType<typeof a.step>) => effects.filter(e => e.type === 'commit')
      assert.deepEqual(commits(b.step({ type: 'tick' })), commits(a.step({ type: 'tick' })))
      // Same log: both answer the same probe the same way.
      const probe = { type: 'append', term: 1, prevIndex: 12, prevTerm: 1, entries: [], commit: 12 } as const
      const sends = (effects: ReturnType<typeof a.step>) => effects.filter(e => e.type === 'send')
      assert.deepEqual(sends(b.step({ type: 'message', from: 'n0', message: probe })), sends(a.step({ type: 'message', from: 'n0', message: probe })))
    }
  })
})
