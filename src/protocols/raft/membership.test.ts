import assert from 'node:assert/strict'
import type { CoreError } from '../core.js'
import { cluster, ofType, type RaftEffect } from './testing.js'

function failures(effects: readonly RaftEffect[]): CoreError[] {
  return effects.flatMap(e => e.type === 'proposeFailed' ? [e.error] : [])
}

function accepted(effects: readonly RaftEffect[]): boolean {
  return effects.some(e => e.type === 'proposeAccepted')
}

describe('raft learners', () => {
  it('a learner receives the log but is never counted in a quorum', () => {
    const c = cluster(2, { others: ['n2'], params: { learners: ['n2'] } })
    c.elect('n0')
    c.run(2)
    assert.equal(c.status('n2').role, 'learner')
    c.partition(['n0', 'n2'], ['n1'])
    c.propose('n0', 'x')
    c.run(5)
    assert.ok(c.messages('appendResponse', { from: 'n2' }).some(m => m.message.success && m.message.index === 2),
      'the learner holds the entry')
    assert.equal(c.status('n0').commitIndex, 1, 'leader + learner is not a quorum of {n0, n1}')
    c.heal()
    c.run(3)
    assert.deepEqual(c.applied('n2'), ['(noop)', 'x'])
  })

  it('a learner never campaigns and its vote is never counted', () => {
    const c = cluster(2, { others: ['n2'], params: { learners: ['n2'] } })
    c.elect('n0')
    c.run(2)
    c.isolate('n2')
    c.run(100)
    assert.equal(c.messages('voteRequest', { from: 'n2' }).length, 0)
    assert.equal(c.status('n2').role, 'learner')
    c.heal()
    c.crash('n0')
    c.run(100) // n1 alone is not a quorum of two voters; the learner cannot make it one
    assert.notEqual(c.status('n1').role, 'leader')
    assert.equal(c.messages('voteRequest', { to: 'n2' }).length, 0, 'candidates do not even ask learners')
    // Even a granted answer from the learner (say it believed itself promoted) does not count.
    c.tick(['n1'], 20)
    assert.equal(c.status('n1').role, 'pre-candidate')
    const term = c.status('n1').epoch
    c.step('n1', { type: 'message', from: 'n2', message: { type: 'voteResponse', term: term + 1, preVote: true, granted: true } })
    assert.equal(c.status('n1').role, 'pre-candidate', 'n1 + learner n2 is not a quorum of {n0, n1}')
  })
})

describe('raft single-server membership changes (thesis §4)', () => {
  it('add learner -> catch up -> promote -> remove, one change in flight at a time', () => {
    const c = cluster(3, { others: ['n3'] })
    c.elect('n0')
    c.run(2)
    assert.ok(accepted(c.admin('n0', { kind: 'addLearner', node: 'n3' })))
    const second = c.admin('n0', { kind: 'promote', node: 'n3' })
    assert.deepEqual(failures(second), [{ code: 'DROPPED', reason: 'a membership change is in progress' }])
    c.run(3)
    assert.equal(c.status('n3').role, 'learner')
    assert.deepEqual(c.applied('n3'), ['(noop)', '(config)'])
    assert.ok(accepted(c.admin('n0', { kind: 'promote', node: 'n3' })))
    c.run(3)
    assert.equal(c.status('n3').role, 'follower')
    // Four voters: a commit needs three. n0 + n3 is not enough.
    c.partition(['n0', 'n3'], ['n1', 'n2'])
    c.propose('n0', 'four-voters')
    c.run(3)
    assert.equal(c.status('n0').commitIndex, 3)
    c.heal()
    c.run(3)
    assert.equal(c.status('n0').commitIndex, 4)
    assert.ok(accepted(c.admin('n0', { kind: 'remove', node: 'n1' })))
    c.run(3)
    // {n0, n2, n3}: n0 + n3 is a quorum again, and n1 receives nothing more.
    const toN1 = c.messages('append', { to: 'n1' }).length
    c.partition(['n0', 'n3'], ['n1', 'n2'])
    c.propose('n0', 'three-voters')
    c.run(3)
    assert.equal(c.status('n0').commitIndex, 6)
    assert.equal(c.messages('append', { to: 'n1' }).length, toN1)
  })

  it('a learner that has not caught up is not promoted', () => {
    const c = cluster(3, { others: ['n3'], params: { promoteMaxLag: 5 } })
    c.elect('n0')
    c.run(2)
    c.admin('n0', { kind: 'addLearner', node: 'n3' })
    c.run(3)
    c.isolate('n3')
    for (let i = 0; i < 20; i++) c.propose('n0', `v${i}`)
    c.run(2)
    const [error] = failures(c.admin('n0', { kind: 'promote', node: 'n3' }))
    assert.equal(error?.code, 'DROPPED')
    assert.match(error?.code === 'DROPPED' ? error.reason : '', /has not caught up/)
    c.heal()
    c.run(15)
    assert.ok(accepted(c.admin('n0', { kind: 'promote', node: 'n3' })))
  })

  it('a new leader changes membership only after its own noop commits (the single-server bug fix)', () => {
    const c = cluster(3, { others: ['n3'] })
    c.tick(['n0'], 20)
    c.deliverAll({ hold: ofType('append') })
    assert.equal(c.status('n0').role, 'leader')
    const [error] = failures(c.admin('n0', { kind: 'addLearner', node: 'n3' }))
    assert.deepEqual(error, { code: 'DROPPED', reason: 'the leader has not committed an entry of its term yet' })
    c.deliverAll()
    assert.ok(accepted(c.admin('n0', { kind: 'addLearner', node: 'n3' })))
  })

  it('thesis §4.2.2: a removed leader steps down once the change commits, and never campaigns again', () => {
    const c = cluster(3)
    c.elect('n0')
    c.run(2)
    assert.ok(accepted(c.admin('n0', { kind: 'remove', node: 'n0' })))
    const requestsBefore = c.messages('voteRequest', { from: 'n0' }).length
    c.deliverAll()
    assert.notEqual(c.status('n0').role, 'leader')
    c.run(60)
    const leader = c.leader()
    assert.ok(leader === 'n1' || leader === 'n2')
    assert.equal(c.messages('voteRequest', { from: 'n0' }).length, requestsBefore)
    c.propose(leader, 'after')
    c.run(2)
    assert.equal(c.applied(leader).at(-1), 'after')
  })

  it('non-leaders refuse admin commands and name the leader', () => {
    const c = cluster(3)
    c.elect('n0')
    c.run(2)
    assert.deepEqual(failures(c.admin('n1', { kind: 'addLearner', node: 'n9' })), [{ code: 'NOT_LEADER', leader: 'n0' }])
  })
})

describe('raft leader transfer (thesis §3.10)', () => {
  it('TimeoutNow makes the target leader at once; proposals fail while the transfer is under way', () => {
    const c = cluster(3)
    c.elect('n0')
    c.run(3)
    assert.ok(accepted(c.admin('n0', { kind: 'transferLeadership', to: 'n1' })))
    assert.equal(c.queue.filter(i => i.kind === 'message' && i.message.type === 'timeoutNow' && i.to === 'n1').length, 1,
      'n1 is up to date: TimeoutNow goes out at once')
    const [error] = failures(c.propose('n0', 'during'))
    assert.deepEqual(error, { code: 'DROPPED', reason: 'leader transfer in progress' })
    c.deliverAll()
    assert.equal(c.status('n1').role, 'leader')
    assert.equal(c.status('n1').epoch, 2)
    assert.equal(c.status('n0').leader, 'n1')
    assert.ok(c.messages('voteRequest', { from: 'n1' }).every(m => m.message.transfer && !m.message.preVote))
  })

  it('a lagging target is caught up first, then sent TimeoutNow', () => {
    const c = cluster(3)
    c.elect('n0')
    c.run(2)
    c.isolate('n2')
    c.propose('n0', 'a', 'b', 'c')
    c.run(2)
    c.heal()
    c.admin('n0', { kind: 'transferLeadership', to: 'n2' })
    assert.equal(c.messages('timeoutNow').length, 0, 'n2 lacks entries: no TimeoutNow yet')
    c.run(15)
    assert.equal(c.messages('timeoutNow').length, 1)
    assert.equal(c.status('n2').role, 'leader')
    assert.deepEqual(c.applied('n2').slice(0, 4), ['(noop)', 'a', 'b', 'c'])
  })

  it('a transfer that does not finish within an election timeout is abandoned', () => {
    const c = cluster(3)
    c.elect('n0')
    c.run(2)
    c.isolate('n2')
    c.admin('n0', { kind: 'transferLeadership', to: 'n2' })
    c.propose('n0', 'x')
    assert.ok(failures(c.propose('n0', 'refused')).length === 1)
    c.run(10)
    assert.ok(accepted(c.propose('n0', 'accepted-again')))
    assert.equal(c.status('n0').role, 'leader')
  })
})
