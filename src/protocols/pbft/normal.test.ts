import assert from 'node:assert/strict'
import { quorumSize, fastQuorumSize, faultsTolerated, recoverableFastQuorum } from './quorums.js'
import { between, cluster, ofType, show, text } from './testing.js'
import { verifyCommitCertificate } from './signing.js'

describe('pbft quorums (quorums.ts)', () => {
  it('n = 3f + 1: Q = 2f + 1, and the fast quorum a view change can recover is all n', () => {
    for (const f of [1, 2, 3, 4]) {
      const n = 3 * f + 1
      assert.equal(faultsTolerated(n), f)
      assert.equal(quorumSize(n), 2 * f + 1)
      assert.equal(recoverableFastQuorum(n), n)
      assert.equal(fastQuorumSize(n), n, `ceil(3n/4) = ${Math.ceil((3 * n) / 4)} is not enough for n = ${n}`)
    }
  })

  it('any two quorums meet in a correct replica, and the correct replicas alone are a quorum', () => {
    for (let n = 1; n <= 20; n++) {
      const f = faultsTolerated(n)
      const q = quorumSize(n)
      assert.ok(2 * q - n >= f + 1, `n = ${n}`)
      assert.ok(q <= n - f, `n = ${n}`)
    }
  })
})

describe('pbft normal case (§4.2)', () => {
  it('pre-prepare, prepare, commit: every replica executes the request at the same index', () => {
    const c = cluster(4, { params: { fastPath: false } })
    c.propose('n0', 'x')
    c.deliverAll()
    for (const id of c.ids) assert.deepEqual(c.applied(id), ['x'], id)
    assert.equal(c.messages('prePrepare', { from: 'n0' }).length, 3)
    assert.equal(c.messages('prepare').length, 3 * 3, 'each backup prepares to the three others')
    assert.equal(c.messages('commit').length, 4 * 3)
    const [commit] = c.effects('n2', 'commit')
    assert.ok(commit !== undefined)
    assert.equal(commit.commit.certificate.protocol, 'pbft')
    assert.equal(commit.commit.certificate.epoch, 0)
    assert.equal(commit.commit.certificate.signers.length, 3, 'Q = 2f + 1 commits certify it')
    assert.ok(verifyCommitCertificate(commit.commit, c.ids, c.host('n2').crypto), 'a client can check the certificate')
  })

  it('a backup that receives a proposal sends it to the primary alone; the primary orders it', () => {
    const c = cluster(4)
    const effects = c.propose('n2', 'y')
    assert.ok(effects.some((e) => e.type === 'proposeAccepted'))
    assert.deepEqual(effects.flatMap((e) => (e.type === 'send' || e.type === 'broadcast') && e.message.type === 'request' ? [e.type === 'send' ? e.to : 'everyone'] : []), ['n0'])
    c.deliverAll()
    for (const id of c.ids) assert.deepEqual(c.applied(id), ['y'])
  })

  it('batches: requests arriving while the pipeline is full share a pre-prepare', () => {
    const c = cluster(4, { params: { maxInFlight: 1 } })
    c.propose('n0', 'a')
    for (let i = 0; i < 10; i++) c.propose('n0', `b${i}`)
    c.deliverAll()
    const prePrepares = c.messages('prePrepare', { from: 'n0', to: 'n1' })
    assert.deepEqual(prePrepares.map((p) => p.message.batch.length), [1, 10])
    assert.deepEqual(c.applied('n3'), ['a', ...Array.from({ length: 10 }, (_, i) => `b${i}`)])
    // One commit effect per sequence, entries numbered contiguously.
    assert.deepEqual(c.effects('n3', 'commit').map((e) => [e.commit.position, e.commit.entries.length]), [[1, 1], [2, 10]])
  })

  it('batches: with room in the pipeline a partial batch still waits for the sequence in flight; a full one goes at once', () => {
    const c = cluster(4, { params: { maxInFlight: 8, maxBatch: 4 } })
    c.propose('n0', 'a')
    for (let i = 0; i < 3; i++) c.propose('n0', `b${i}`)
    const issued = (): number[] => c.messages('prePrepare', { from: 'n0', to: 'n1' }).map((p) => p.message.batch.length)
    assert.deepEqual(issued(), [1], 'three requests wait behind the first sequence')
    for (let i = 3; i < 5; i++) c.propose('n0', `b${i}`)
    assert.deepEqual(issued(), [1, 4], 'four fill a batch: it goes beside the first')
    c.deliverAll()
    assert.deepEqual(issued(), [1, 4, 1], 'the last waited for the pipeline to drain')
    assert.deepEqual(c.applied('n3'), ['a', ...Array.from({ length: 5 }, (_, i) => `b${i}`)])
  })

  it('batches: a pre-prepare takes requests up to maxBatchBytes of payload (one larger request goes alone)', () => {
    const c = cluster(4, { params: { maxInFlight: 1, maxBatchBytes: 10 } })
    c.propose('n0', 'first')
    for (const value of ['aaaa', 'bbbb', 'cccc', 'a-request-over-the-cap', 'dd']) c.propose('n0', value)
    for (let i = 0; i < 10 && c.applied('n3').length < 6; i++) c.deliverAll()
    const batches = c.messages('prePrepare', { from: 'n0', to: 'n1' }).map((p) => p.message.batch.map((r) => show(r.payload)))
    assert.deepEqual(batches, [['first'], ['aaaa', 'bbbb'], ['cccc'], ['a-request-over-the-cap'], ['dd']])
  })

  it('prepared needs 2f prepares: with f = 1 silent backup the others still commit (n = 4)', () => {
    const c = cluster(4)
    c.crash('n3')
    c.propose('n0', 'x')
    c.deliverAll()
    c.tick() // the replicas hold their commits for the fast path until a tick
    c.deliverAll()
    for (const id of ['n0', 'n1', 'n2']) assert.deepEqual(c.applied(id), ['x'])
  })

  it('with two of four backups silent (more than f) nothing commits', () => {
    const c = cluster(4)
    c.crash('n2')
    c.crash('n3')
    c.propose('n0', 'x')
    c.deliverAll()
    assert.deepEqual(c.applied('n0'), [])
    assert.deepEqual(c.applied('n1'), [])
  })

  it('a backup rejects a pre-prepare whose batch does not match its digest, and reports the primary', () => {
    const c = cluster(4)
    const batch = [{ kind: 'app' as const, payload: text('real') }]
    const digest = c.digests('n0').batch([{ kind: 'app', payload: text('other') }])
    c.inject('n0', 'n1', c.signAs('n0', { type: 'prePrepare', view: 0, seq: 1, digest, batch }))
    c.deliverAll()
    assert.equal(c.messages('prepare', { from: 'n1' }).length, 0)
    assert.ok(c.evidence('n1').some((e) => e.kind === 'invalid-proposal' && e.offender === 'n0'))
  })

  it('messages from outside the validator set, forged signatures and relayed votes are rejected as evidence', () => {
    const c = cluster(4)
    const prepare = c.forge('n2', { type: 'prepare', view: 0, seq: 1, digest: new Uint8Array(32) })
    c.step('n1', { type: 'message', from: 'n2', message: prepare })
    c.step('n1', { type: 'message', from: 'stranger', message: c.signAs('n3', { type: 'prepare', view: 0, seq: 1, digest: new Uint8Array(32) }) })
    c.step('n1', { type: 'message', from: 'n3', message: c.signAs('n2', { type: 'prepare', view: 0, seq: 1, digest: new Uint8Array(32) }) })
    const kinds = c.evidence('n1').map((e) => `${e.kind}:${e.offender}`)
    assert.deepEqual(kinds, ['invalid-signature:n2', 'invalid-message:stranger', 'replay:n3'])
    c.step('n0', { type: 'message', from: 'n3', message: c.forge('n2', { type: 'prepare', view: 0, seq: 1, digest: new Uint8Array(32) }) })
    assert.deepEqual(c.evidence('n0').map((e) => `${e.kind}:${e.offender}`), ['invalid-signature:n3'], 'a forgery in another name is the sender\'s')
  })

  it('a replica that votes twice for one (view, sequence) is reported for a double vote', () => {
    const c = cluster(4)
    const d1 = c.digests('n3').batch([{ kind: 'app', payload: text('a') }])
    const d2 = c.digests('n3').batch([{ kind: 'app', payload: text('b') }])
    c.inject('n3', 'n1', c.signAs('n3', { type: 'prepare', view: 0, seq: 1, digest: d1 }))
    c.inject('n3', 'n1', c.signAs('n3', { type: 'prepare', view: 0, seq: 1, digest: d2 }))
    c.deliverAll()
    assert.deepEqual(c.evidence('n1').map((e) => `${e.kind}:${e.offender}`), ['double-vote:n3'])
  })

  it('an equivocating primary: the backups it split cannot prepare either request, and they report it', () => {
    const c = cluster(4)
    const a = [{ kind: 'app' as const, payload: text('a') }]
    const b = [{ kind: 'app' as const, payload: text('b') }]
    const ppa = c.signAs('n0', { type: 'prePrepare', view: 0, seq: 1, digest: c.digests('n0').batch(a), batch: a })
    const ppb = c.signAs('n0', { type: 'prePrepare', view: 0, seq: 1, digest: c.digests('n0').batch(b), batch: b })
    c.inject('n0', 'n1', ppa)
    c.inject('n0', 'n2', ppb)
    c.inject('n0', 'n3', ppa)
    c.inject('n0', 'n3', ppb)
    c.deliverAll()
    // n1 and n3 prepared "a" (pre-prepare + their two prepares): 2f = 2; they commit only with a third commit.
    assert.ok(c.evidence('n3').some((e) => e.kind === 'equivocation' && e.offender === 'n0'))
    const committed = c.ids.map((id) => c.applied(id))
    for (const log of committed) assert.ok(log.length === 0 || (log.length === 1 && log[0] === 'a'))
  })

  it('replaying an old pre-prepare or prepare changes nothing', () => {
    const c = cluster(4)
    c.propose('n0', 'x')
    c.deliverAll()
    const replay = c.messages('prePrepare', { from: 'n0', to: 'n1' })[0]!.message
    const prepare = c.messages('prepare', { from: 'n2', to: 'n1' })[0]!.message
    c.inject('n0', 'n1', replay)
    c.inject('n2', 'n1', prepare)
    c.deliverAll()
    assert.deepEqual(c.applied('n1'), ['x'])
    assert.deepEqual(c.evidence(), [])
  })

  it('retransmission: a backup that lost the pre-prepare and prepares catches up from status messages', () => {
    const c = cluster(4)
    c.propose('n0', 'x')
    c.deliverAll({ drop: (item) => item.to === 'n3' })
    assert.deepEqual(c.applied('n3'), [])
    c.run(10)
    assert.deepEqual(c.applied('n3'), ['x'])
    assert.ok(c.messages('committed', { to: 'n3' }).length > 0, 'a committed certificate brought it')
  })

  it('retransmission: commits lost everywhere are sent again until the sequence commits', () => {
    const c = cluster(4, { params: { fastPath: false } })
    c.propose('n0', 'x')
    c.deliverAll({ drop: ofType('commit') })
    assert.deepEqual(c.applied('n0'), [])
    c.run(10)
    for (const id of c.ids) assert.deepEqual(c.applied(id), ['x'])
  })

  it('reads: a read waits for its marker to be ordered, then is ready at the marker index', () => {
    const c = cluster(4)
    c.propose('n0', 'x')
    c.deliverAll()
    const { ref, effects } = c.read('n2')
    assert.ok(!effects.some((e) => e.type === 'readReady'), 'not served from local state')
    c.deliverAll()
    const ready = c.effects('n2', 'readReady').find((e) => e.ref === ref)
    assert.ok(ready !== undefined)
    assert.equal(ready.index, 2, 'after the write at index 1')
    assert.deepEqual(c.applied('n0'), ['x', '(read)'])
  })

  it('reads arriving while a marker is in flight share the next one', () => {
    const c = cluster(4)
    const r1 = c.read('n1').ref
    const r2 = c.read('n1').ref
    const r3 = c.read('n1').ref
    c.deliverAll()
    const ready = c.effects('n1', 'readReady')
    assert.deepEqual(ready.map((e) => e.ref).sort(), [r1, r2, r3].sort())
    assert.equal(ready.find((e) => e.ref === r1)!.index, 1)
    assert.equal(ready.find((e) => e.ref === r2)!.index, 2)
    assert.equal(ready.find((e) => e.ref === r3)!.index, 2)
    assert.equal(c.applied('n1').length, 2)
  })

  it('payloads reach the app byte for byte', () => {
    const c = cluster(4)
    c.propose('n3', 'héllo')
    c.deliverAll()
    assert.equal(show(c.host('n0').app[0]!.payload), 'héllo')
    assert.ok(c.deliverOne(between('n0', 'n1')) === false)
  })
})
