import assert from 'node:assert/strict'
import { GENESIS_CHECKPOINT } from './certificates.js'
import type { PbftRequest, PrePrepare } from './messages.js'
import { fastQuorumSize, quorumSize } from './quorums.js'
import { decodeCommitProof, verifyCommitCertificate } from './signing.js'
import { cluster, text, type Cluster, type Delivery } from './testing.js'

describe('pbft optimistic fast path (after Zyzzyva / SBFT; quorums.ts)', () => {
  it('commits in one round when every replica prepares: no commit message is needed', () => {
    const c = cluster(4)
    c.propose('n0', 'x')
    c.deliverAll()
    assert.equal(c.messages('commit').length, 0, 'every replica holds its commit: nobody needs the commit phase')
    for (const id of c.ids) {
      assert.deepEqual(c.applied(id), ['x'], id)
      const [effect] = c.effects(id, 'commit')
      const proof = decodeCommitProof(effect!.commit.certificate.proof)
      assert.equal(proof?.path, 'fast')
      const signers = effect!.commit.certificate.signers
      assert.equal(signers[0], 'n0', 'the primary, by its pre-prepare')
      assert.deepEqual(signers.slice(1).sort(), ['n1', 'n2', 'n3'], 'and every backup, by its prepare')
      assert.ok(verifyCommitCertificate(effect!.commit, c.ids, c.host(id).crypto))
    }
  })

  it('falls back to the three phases without a fast quorum (one silent replica of four)', () => {
    const c = cluster(4)
    c.crash('n3')
    c.propose('n0', 'x')
    c.deliverAll()
    for (const id of ['n0', 'n1', 'n2']) assert.deepEqual(c.applied(id), [], `${id} holds its commit, waiting for the fast quorum`)
    // The next tick gives up on the fast path: the held commits go out, and the three phases finish.
    c.tick()
    c.deliverAll()
    for (const id of ['n0', 'n1', 'n2']) {
      assert.deepEqual(c.applied(id), ['x'])
      const [effect] = c.effects(id, 'commit')
      assert.equal(decodeCommitProof(effect!.commit.certificate.proof)?.path, 'slow')
      assert.ok(verifyCommitCertificate(effect!.commit, c.ids, c.host(id).crypto))
    }
    // Having seen the fast path fail, they send commits at once: the next request needs no tick.
    c.propose('n0', 'y')
    c.deliverAll()
    for (const id of ['n0', 'n1', 'n2']) assert.deepEqual(c.applied(id), ['x', 'y'])
  })

  it('a replica that missed one prepare finishes on the normal path while the others commit fast', () => {
    const c = cluster(4)
    c.propose('n0', 'x')
    let dropped = false
    c.deliverAll({
      drop: (item) => {
        if (!dropped && item.kind === 'message' && item.to === 'n2' && item.message.type === 'prepare') return (dropped = true)
        return false
      }
    })
    assert.deepEqual(c.applied('n2'), [], 'n2 waits for the fast quorum until its next tick')
    // n2 gives up on the fast path and broadcasts its commit; the others, which committed fast,
    // answer it with the commits they held, to n2 alone.
    c.tick(['n2'])
    c.deliverAll()
    for (const id of c.ids) assert.deepEqual(c.applied(id), ['x'])
    const paths = c.ids.map((id) => decodeCommitProof(c.effects(id, 'commit')[0]!.commit.certificate.proof)?.path)
    assert.deepEqual(paths, ['fast', 'fast', 'slow', 'fast'])
    const answers = c.messages('commit').filter((d) => d.from !== 'n2')
    assert.deepEqual(answers.map((d) => d.to).sort(), ['n2', 'n2', 'n2'], 'each held commit went to n2 only')
  })

  it('fast-path commits are counted only from durable votes: a backup whose pre-prepare is not on disk does not commit fast', () => {
    const c = cluster(4)
    c.setAutoPersist('n1', false)
    c.propose('n0', 'x')
    c.deliverAll()
    assert.deepEqual(c.applied('n1'), [])
    assert.equal(c.messages('prepare', { from: 'n1' }).length, 0, 'its prepare waits for its record')
    c.acknowledgePersists('n1')
    c.deliverAll()
    assert.deepEqual(c.applied('n1'), ['x'])
  })
})

/**
 * A Byzantine primary n0 (with, for n = 7, a colluding backup) tries to exploit the fast path:
 * it pre-prepares d for the replicas in `a` and d' for those in `b`, the Byzantine backups
 * prepare both, and only `a[0]` hears every prepare for d. Then `a[0]` crashes and the others
 * change view; the Byzantine replicas report d' in their view changes and vote for it in view 1.
 * Returns what `a[0]` committed and whether anyone committed something else at sequence 1.
 */
function fastPathAttack(n: 4 | 7, fastQuorum?: number): { c: Cluster; committer: string } {
  const c = cluster(n, { params: fastQuorum === undefined ? {} : { fastQuorum }, onViolation: 'record' })
  const byzantine = n === 4 ? ['n0'] : ['n0', 'n6']
  const a = n === 4 ? ['n2', 'n3'] : ['n2', 'n3', 'n4', 'n5']
  const b = ['n1']
  const committer = a[0]!
  for (const id of byzantine) c.crash(id)
  const batch = (value: string): PbftRequest[] => [{ kind: 'app', payload: text(value) }]
  const pp = (value: string): PrePrepare => c.signAs('n0', { type: 'prePrepare', view: 0, seq: 1, digest: c.digests('n0').batch(batch(value)), batch: batch(value) })
  const d = pp('d')
  const dPrime = pp("d'")
  for (const id of a) c.inject('n0', id, d)
  for (const id of b) c.inject('n0', id, dPrime)
  for (const liar of byzantine.slice(1)) {
    for (const prePrepare of [d, dPrime]) c.inject(liar, 'all', c.signAs(liar, { type: 'prepare', view: 0, seq: 1, digest: prePrepare.digest }))
  }
  // Only the committer hears the other prepares for d; no commit message gets through.
  const shielded = (item: Delivery): boolean =>
    item.kind === 'message' &&
    (item.message.type === 'commit' || item.message.type === 'committed' || (item.message.type === 'prepare' && a.includes(item.to) && item.to !== committer && a.includes(item.from)))
  c.deliverAll({ drop: shielded })
  c.crash(committer)

  // The view change: the Byzantine replicas speak first, so the new primary n1 counts them.
  for (const liar of byzantine) {
    c.inject(liar, 'all', c.signAs(liar, { type: 'viewChange', view: 1, checkpoint: GENESIS_CHECKPOINT, prepared: [], accepted: [dPrime] }))
  }
  for (let round = 0; round < 60 && c.messages('newView').length === 0; round++) {
    c.tick()
    c.deliverAll({ drop: shielded })
  }
  const [newView] = c.messages('newView', { from: 'n1' })
  assert.ok(newView !== undefined, 'view 1 started')
  const chosen = newView.message.prePrepares.find((p) => p.seq === 1)!
  // The Byzantine replicas vote for whatever view 1 re-issued at sequence 1.
  for (const liar of byzantine) {
    c.inject(liar, 'all', c.signAs(liar, { type: 'prepare', view: 1, seq: 1, digest: chosen.digest }))
    c.inject(liar, 'all', c.signAs(liar, { type: 'commit', view: 1, seq: 1, digest: chosen.digest }))
  }
  c.run(20)
  return { c, committer }
}

describe('pbft fast path against a Byzantine primary', () => {
  for (const n of [4, 7] as const) {
    it(`n = ${n}: the fast quorum is all ${fastQuorumSize(n)} replicas, so the primary cannot make two correct replicas commit different requests at one sequence`, () => {
      const { c, committer } = fastPathAttack(n)
      assert.deepEqual(c.violations, [])
      assert.deepEqual(c.applied(committer), [], 'one vote short of the fast quorum: nothing committed fast')
      const outcomes = new Set(c.ids.filter((id) => c.host(id).up).map((id) => c.applied(id)[0]).filter((v) => v !== undefined))
      assert.ok(outcomes.size <= 1)
    })

    it(`n = ${n}: with ceil(3n/4) = ${Math.ceil((3 * n) / 4)} the same attack makes a correct replica commit d and others d' (why the quorum is n)`, () => {
      const unsafe = Math.ceil((3 * n) / 4)
      assert.ok(unsafe >= quorumSize(n) && unsafe < n)
      const { c, committer } = fastPathAttack(n, unsafe)
      assert.deepEqual(c.applied(committer), ['d'], 'committed fast with the smaller quorum')
      assert.ok(c.violations.some((v) => v.startsWith('agreement')), `expected an agreement violation, got ${JSON.stringify(c.violations)}`)
    })
  }
})
