import assert from 'node:assert/strict'
import { Durability } from './durability.js'
import { RaftLog } from './log.js'
import {
  applyMembershipChange,
  decodeMembership,
  decodeSnapshotMeta,
  encodeMembership,
  encodeSnapshotMeta,
  normalizeMembership,
  quorumIndex
} from './membership.js'
import type { RaftEntry } from './messages.js'
import { Inflights, Progress } from './progress.js'

const genesis = normalizeMembership(['a', 'b', 'c'], [])

function entries(...terms: number[]): RaftEntry[] {
  return terms.map(term => ({ term, kind: 'app', payload: new Uint8Array([term]) }))
}

function logOf(...terms: number[]): RaftLog {
  const log = new RaftLog({ index: 0, term: 0, membership: genesis })
  log.append(entries(...terms))
  return log
}

describe('raft log', () => {
  it('looks up terms through the snapshot boundary', () => {
    const log = logOf(1, 1, 2, 3)
    assert.equal(log.term(0), 0)
    assert.equal(log.term(3), 2)
    assert.equal(log.term(5), undefined)
    log.installSnapshot({ index: 2, term: 1, membership: genesis })
    assert.equal(log.firstIndex(), 3)
    assert.equal(log.term(1), undefined, 'compacted')
    assert.equal(log.term(2), 1, 'the snapshot keeps the term at its index')
    assert.equal(log.lastIndex(), 4)
    assert.deepEqual(log.slice(3, 4).map(e => e.term), [2, 3])
  })

  it('§5.3 receiver rule 3: a conflicting entry and everything after it is replaced', () => {
    const log = logOf(1, 1, 2, 2)
    assert.equal(log.findConflict(1, entries(1, 2)), 0, 'already held')
    assert.equal(log.findConflict(1, entries(1, 3, 3)), 3)
    assert.equal(log.findConflict(4, entries(2)), 5, 'past the end')
    log.truncateAndAppend(3, entries(3))
    assert.deepEqual(log.slice(1, log.lastIndex()).map(e => e.term), [1, 1, 3])
  })

  it('fast backup searches: first index of a term, last index of a term', () => {
    const log = logOf(1, 1, 2, 2, 2, 4, 4)
    assert.equal(log.firstIndexOfTerm(2, 5), 3)
    assert.equal(log.firstIndexOfTerm(4, 7), 6)
    assert.equal(log.lastIndexOfTerm(2, 7), 5)
    assert.equal(log.lastIndexOfTerm(3, 7), undefined, 'term 3 is not in the log')
    assert.equal(log.lastIndexOfTerm(4, 6), 6, 'bounded by atMost')
    assert.equal(log.lastIndexOfTerm(1, 1), 1)
  })

  it('§7: a snapshot matching the log keeps the suffix, a conflicting one discards the log', () => {
    const kept = logOf(1, 1, 2, 2)
    assert.equal(kept.installSnapshot({ index: 3, term: 2, membership: genesis }), true)
    assert.equal(kept.lastIndex(), 4)
    const dropped = logOf(1, 1, 2, 2)
    assert.equal(dropped.installSnapshot({ index: 3, term: 5, membership: genesis }), false)
    assert.equal(dropped.lastIndex(), 3)
    assert.equal(dropped.lastTerm(), 5)
  })

  it('thesis §4.1: the latest configuration in the log is the one in force', () => {
    const log = logOf(1)
    const next = normalizeMembership(['a', 'b', 'c'], ['d'])
    log.append([{ term: 1, kind: 'config', payload: encodeMembership(next) }])
    log.append(entries(1))
    assert.deepEqual(log.latestConfig(), { membership: next, index: 2 })
    assert.deepEqual(log.configAt(1), { membership: genesis, index: 0 })
  })
})

describe('raft membership', () => {
  it('single-server changes and their refusals', () => {
    const added = applyMembershipChange(genesis, { kind: 'addLearner', node: 'd' })
    assert.ok(added.ok)
    assert.deepEqual(added.membership, { voters: ['a', 'b', 'c'], learners: ['d'] })
    const promoted = applyMembershipChange(added.membership, { kind: 'promote', node: 'd' })
    assert.ok(promoted.ok)
    assert.deepEqual(promoted.membership, { voters: ['a', 'b', 'c', 'd'], learners: [] })
    assert.equal(applyMembershipChange(genesis, { kind: 'promote', node: 'a' }).ok, false)
    assert.equal(applyMembershipChange(genesis, { kind: 'addLearner', node: 'a' }).ok, false)
    assert.equal(applyMembershipChange(genesis, { kind: 'remove', node: 'z' }).ok, false)
    assert.equal(applyMembershipChange(normalizeMembership(['a'], []), { kind: 'remove', node: 'a' }).ok, false)
  })

  it('a quorum index counts voters only', () => {
    const matches: Record<string, number> = { a: 9, b: 5, c: 2 }
    assert.equal(quorumIndex(genesis, id => matches[id] ?? 0), 5)
    assert.equal(quorumIndex(normalizeMembership(['a', 'b', 'c', 'd'], []), id => matches[id] ?? 0), 2)
  })

  it('config payloads and snapshot metadata round-trip', () => {
    const membership = normalizeMembership(['b', 'a'], ['c'])
    assert.deepEqual(decodeMembership(encodeMembership(membership)), membership)
    assert.deepEqual(decodeSnapshotMeta(encodeSnapshotMeta({ term: 7, membership })), { term: 7, membership })
    assert.throws(() => decodeMembership(new TextEncoder().encode('{"voters":[1]}')))
  })
})

describe('raft progress', () => {
  it('the inflight window fills, frees on acknowledgement, and refuses to overflow', () => {
    const window = new Inflights(3)
    window.add(2)
    window.add(4)
    window.add(6)
    assert.ok(window.full())
    assert.throws(() => window.add(8))
    window.freeTo(4)
    assert.equal(window.count, 1)
    assert.ok(!window.full())
  })

  it('probe pauses after one send; replicate streams and advances next optimistically', () => {
    const progress = new Progress(6, 2)
    progress.onAppendSent(6)
    assert.ok(progress.isPaused(), 'probe: one Append at a time')
    assert.ok(progress.maybeUpdate(6))
    progress.becomeReplicate()
    assert.equal(progress.next, 7)
    progress.onAppendSent(8)
    progress.onAppendSent(10)
    assert.equal(progress.next, 11)
    assert.ok(progress.isPaused(), 'window of 2 is full')
  })

  it('stale rejections are ignored; a fresh one moves next back to the hint, not below match', () => {
    const progress = new Progress(11, 4)
    progress.maybeUpdate(5)
    progress.becomeReplicate()
    progress.onAppendSent(9)
    assert.equal(progress.maybeDecrTo(4, 1), false, 'rejects an index at or below match: stale')
    assert.equal(progress.maybeDecrTo(9, 3), true)
    assert.equal(progress.state, 'probe')
    assert.equal(progress.next, 6, 'never below match + 1')
    assert.equal(progress.maybeDecrTo(9, 3), false, 'probe: answers an older probe')
  })
})

describe('raft durability', () => {
  it('tracks the durable prefix across truncating writes acknowledged in order', () => {
    const durability = new Durability(0)
    durability.write(1, 1, 10)
    durability.write(2, 6, 8) // replaces 6..10 with 6..8 before 1 is durable
    assert.equal(durability.durableIndex, 0)
    durability.acknowledge(1)
    assert.equal(durability.durableIndex, 5, 'write 1 is durable, but 6..10 are no longer our log')
    durability.acknowledge(2)
    assert.equal(durability.durableIndex, 8)
    durability.write(3, 4, 4)
    assert.equal(durability.durableIndex, 3, 'a truncation takes back what it replaces at once')
  })
})
