import assert from 'node:assert/strict'
import { GENESIS_CHECKPOINT } from './certificates.js'
import type { NewView, PrePrepare, ViewChange } from './messages.js'
import { cluster, ofType, text, to, type Cluster, type Delivery } from './testing.js'

/** Tick the given nodes (delivering between ticks) until `done`, at most `limit` rounds. */
function runUntil(c: Cluster, done: () => boolean, limit = 200, options: { drop?: (item: Delivery) => boolean } = {}): void {
  for (let round = 0; round < limit && !done(); round++) {
    c.tick()
    c.deliverAll(options)
  }
  assert.ok(done(), 'the condition did not become true')
}

/** Commits of view 0 never arrive: whatever prepared there has to survive a view change. */
function view0CommitsLost(item: Delivery): boolean {
  return item.kind === 'message' && item.message.type === 'commit' && item.message.view === 0
}

/**
 * x is pre-prepared at sequence 1 and prepared at n1 and n2 (they saw 2f = 2 prepares), no
 * commit got through, and the primary n0 crashed.
 */
function preparedThenPrimaryCrash(): Cluster {
  const c = cluster(4, { params: { fastPath: false } })
  c.propose('n0', 'x')
  c.deliverAll({ drop: (item) => view0CommitsLost(item) || (item.to === 'n3' && ofType('prepare')(item)) })
  assert.deepEqual(c.applied('n1'), [])
  c.crash('n0')
  return c
}

describe('pbft view change (§4.4)', () => {
  it('a request prepared in view v survives into view v + 1: the new-view re-issues it at its sequence', () => {
    const c = preparedThenPrimaryCrash()
    runUntil(c, () => c.status('n1').role === 'primary' && c.applied('n2').length > 0, 200, { drop: view0CommitsLost })
    assert.equal(c.status('n1').epoch, 1)
    const [newView] = c.messages('newView', { from: 'n1' })
    assert.ok(newView !== undefined)
    assert.deepEqual(newView.message.prePrepares.map((p) => [p.view, p.seq]), [[1, 1]])
    for (const id of ['n1', 'n2', 'n3']) assert.deepEqual(c.applied(id), ['x'], id)
    const [commit] = c.effects('n2', 'commit')
    assert.equal(commit?.commit.certificate.epoch, 1, 'committed in view 1')
  })

  it('a new-view carries each batch once: the view changes it embeds leave their batches out (§4.4)', () => {
    const c = preparedThenPrimaryCrash()
    runUntil(c, () => c.status('n1').role === 'primary' && c.applied('n3').length > 0, 200, { drop: view0CommitsLost })
    const newView = c.messages('newView', { from: 'n1' })[0]!.message
    const embedded = newView.viewChanges.flatMap((viewChange) => [...viewChange.prepared.map((certificate) => certificate.prePrepare), ...viewChange.accepted])
    assert.ok(embedded.length > 0, 'the view changes report the prepared request')
    assert.ok(embedded.every((prePrepare) => prePrepare.batch.length === 0), 'no batch inside the view changes')
    assert.deepEqual(newView.prePrepares.map((p) => p.batch.map((r) => Buffer.from(r.payload).toString())), [['x']])
    assert.deepEqual(c.applied('n3'), ['x'], 'a backup checks and enters the new-view and executes x')
  })

  it('batches travel once: a view change and a new-view send executed ones by digest; a backup that lacks one gets it as a committed certificate', () => {
    const c = cluster(4, { params: { fastPath: false } })
    c.propose('n0', 'x')
    c.deliverAll({ drop: to('n3') }) // n3 misses x altogether
    c.propose('n0', 'y')
    const view0CommitOfY = (item: Delivery): boolean => item.kind === 'message' && item.message.type === 'commit' && item.message.view === 0 && item.message.seq === 2
    c.deliverAll({ drop: view0CommitOfY })
    assert.deepEqual(c.applied('n2'), ['x'])
    assert.deepEqual(c.applied('n3'), [])
    c.crash('n0')
    // x's committed certificate reaches n3 only once it is in view 1: it enters the view without x's batch.
    const holdX = (item: Delivery): boolean => view0CommitOfY(item) || (item.to === 'n3' && item.kind === 'message' && item.message.type === 'committed' && (c.status('n3').epoch < 1 || c.status('n3').role === 'replica'))
    runUntil(c, () => c.applied('n3').length === 2, 200, { drop: holdX })
    const viewChange = c.messages('viewChange', { from: 'n2' })[0]!.message
    const shown = viewChange.prepared.map((certificate) => [certificate.prePrepare.seq, certificate.prePrepare.batch.length])
    assert.deepEqual(shown, [[1, 0], [2, 1]], 'executed x by digest, y (in flight) whole')
    const newView = c.messages('newView', { from: 'n1' })[0]!.message
    assert.deepEqual(newView.prePrepares.map((p) => p.batch.map((r) => Buffer.from(r.payload).toString())), [[], ['y']], 'the new primary executed x: by digest')
    for (const id of ['n1', 'n2', 'n3']) assert.deepEqual(c.applied(id), ['x', 'y'], id)
  })

  it('batches past maxCarriedBytes go by digest; a new primary that holds one of them nowhere waits, and the next view\'s primary re-issues it', () => {
    const c = cluster(4, { params: { fastPath: false, maxBatch: 1, maxInFlight: 3, maxCarriedBytes: 1 } })
    const missedByN1 = (item: Delivery): boolean => item.to === 'n1' && item.kind === 'message' && item.message.type === 'prePrepare' && item.message.seq === 3
    c.propose('n0', 'x', 'y', 'z') // sequences 1, 2, 3; n1, the next primary, never sees z
    c.deliverAll({ drop: (item) => view0CommitsLost(item) || missedByN1(item) })
    c.crash('n0')
    runUntil(c, () => c.applied('n3').length === 3, 400, { drop: view0CommitsLost })
    const viewChange = c.messages('viewChange', { from: 'n2' })[0]!.message
    const reported = [...viewChange.prepared.map((certificate) => certificate.prePrepare), ...viewChange.accepted]
    assert.deepEqual(reported.map((p) => p.seq), [1, 2, 3])
    assert.deepEqual(reported.filter((p) => p.batch.length > 0).map((p) => p.seq), [1], 'one byte of batches: x alone goes whole')
    assert.equal(c.messages('newView', { from: 'n1' }).length, 0, 'n1 held z nowhere: it sent no new-view')
    assert.equal(c.status('n3').epoch, 2)
    for (const id of ['n1', 'n2', 'n3']) assert.deepEqual(c.applied(id), ['x', 'y', 'z'], id)
  })

  it('the view change carries the prepared certificate and the stable checkpoint proof, signed', () => {
    const c = preparedThenPrimaryCrash()
    runUntil(c, () => c.messages('viewChange', { from: 'n2' }).length > 0, 200, { drop: view0CommitsLost })
    const viewChange = c.messages('viewChange', { from: 'n2' })[0]!.message
    assert.equal(viewChange.view, 1)
    assert.equal(viewChange.checkpoint.seq, 0)
    assert.equal(viewChange.prepared.length, 1)
    assert.equal(viewChange.prepared[0]!.prepares.length, 2, 'pre-prepare + 2f prepares')
    assert.equal(viewChange.accepted.length, 0)
  })

  it('the request timer: a primary that stays silent after a request is replaced', () => {
    const c = cluster(4)
    c.crash('n0')
    c.propose('n2', 'y')
    runUntil(c, () => c.applied('n3').length > 0)
    assert.equal(c.status('n3').leader, 'n1')
    assert.deepEqual(c.applied('n3'), ['y'])
  })

  it('a primary that censors a request is voted out: the backups it was sent to time out', () => {
    const c = cluster(4)
    const censor = (item: Delivery): boolean => item.to === 'n0' && item.kind === 'message' && item.message.type === 'request'
    c.propose('n3', 'censored')
    runUntil(c, () => c.applied('n2').length > 0, 200, { drop: censor })
    assert.ok(c.status('n2').epoch >= 1)
    assert.deepEqual(c.applied('n2'), ['censored'])
  })

  it('a request the primary sits on goes to every replica at a quarter of the request timeout, so all their timers run (§4.4)', () => {
    const c = cluster(4, { params: { viewChangeTicks: 12 } })
    const censor = (item: Delivery): boolean => item.to === 'n0' && item.kind === 'message' && item.message.type === 'request'
    c.propose('n3', 'censored')
    const heardBy = (): string[] => [...new Set(c.sent.filter((s) => s.from === 'n3' && s.message.type === 'request').map((s) => s.to))].sort()
    assert.deepEqual(heardBy(), ['n0'])
    for (let tick = 1; tick < 3; tick++) {
      c.tick()
      c.deliverAll({ drop: censor })
    }
    assert.deepEqual(heardBy(), ['n0'], 'before a quarter of the request timeout (3 of 12 ticks) only the primary has it')
    c.tick()
    c.deliverAll({ drop: censor })
    assert.deepEqual(heardBy(), ['n0', 'n1', 'n2'])
    // n3's timer expires at tick 12, the others' at tick 15: then Q = 3 view changes elect n1.
    runUntil(c, () => c.applied('n2').length > 0, 200, { drop: censor })
    assert.equal(c.status('n2').leader, 'n1')
    assert.deepEqual(c.applied('n2'), ['censored'])
  })

  it('the request timer times the oldest waiting request: a primary that orders everyone but one client is voted out', () => {
    const c = cluster(4)
    const censor = (item: Delivery): boolean =>
      item.to === 'n0' && item.kind === 'message' && item.message.type === 'request' && item.message.requests.some((r) => new TextDecoder().decode(r.payload).startsWith('censored'))
    c.propose('n3', 'censored')
    for (let round = 0; round < 60 && c.applied('n2').every((v) => v !== 'censored'); round++) {
      c.propose('n1', `other${round}`) // other clients' requests keep executing
      c.tick()
      c.deliverAll({ drop: censor })
    }
    assert.ok(c.applied('n2').includes('censored'))
    assert.equal(c.status('n2').leader, 'n1')
  })

  it('a client retrying a request that executed before a view change gets it ordered again in the new view', () => {
    const c = cluster(4)
    c.propose('n0', 'x')
    c.deliverAll()
    c.crash('n0')
    c.propose('n2', 'y')
    runUntil(c, () => c.applied('n2').length === 2)
    const [newView] = c.messages('newView', { from: 'n1' })
    assert.deepEqual(newView?.message.prePrepares.map((p) => p.seq), [1], 'the new-view re-issued the executed x')
    // x's reply was lost; its client retries at n3.
    c.propose('n3', 'x')
    c.run(5)
    assert.deepEqual(c.applied('n2'), ['x', 'y', 'x'], 'ordered again (the app answers the repeat once)')
  })

  it('replicas left waiting for a view the others have moved past are brought along (its new-view is re-sent)', () => {
    // n = 7, f = 2 silent. n1 and n2 enter view 1 but the other three never see its new-view nor
    // the others' view changes; n1 and n2 move on to view 2: two (f) replicas ahead, three behind.
    const c = cluster(7)
    c.crash('n0')
    c.crash('n4')
    c.propose('n3', 'z')
    const behind = ['n3', 'n5', 'n6']
    const isolating = (item: Delivery): boolean =>
      behind.includes(item.to) && item.kind === 'message' && ['viewChange', 'newView', 'prePrepare', 'committed'].includes(item.message.type)
    runUntil(c, () => c.status('n2').epoch === 2, 200, { drop: isolating })
    for (const id of behind) {
      assert.equal(c.status(id).epoch, 1)
      assert.equal(c.status(id).role, 'replica', `${id} still waits for view 1`)
    }
    runUntil(c, () => behind.every((id) => c.applied(id).includes('z')))
  })

  it('§4.5.2: a replica that hears f + 1 view changes for a later view joins it before its own timer fires', () => {
    const c = cluster(4)
    const vc = (id: string): ViewChange => c.signAs(id, { type: 'viewChange', view: 3, checkpoint: GENESIS_CHECKPOINT, prepared: [], accepted: [] })
    c.step('n2', { type: 'message', from: 'n0', message: vc('n0') })
    assert.equal(c.status('n2').epoch, 0, 'one view change (f) is not enough')
    c.step('n2', { type: 'message', from: 'n1', message: vc('n1') })
    assert.equal(c.status('n2').epoch, 3)
    assert.equal(c.status('n2').role, 'replica', 'changing: no primary until the new-view')
  })

  it('exponential back-off: each view change without progress waits twice as long (n = 7, two primaries down)', () => {
    const c = cluster(7, { params: { viewChangeTicks: 4, maxViewChangeTicks: 64 } })
    c.crash('n0')
    c.crash('n1')
    // Its client sent it to every replica (as a PBFT client retransmits), so every timer runs from tick 0.
    for (const id of ['n2', 'n3', 'n4', 'n5', 'n6']) c.propose(id, 'z')
    c.deliverAll()
    const started = new Map<number, number>()
    for (let tick = 1; tick <= 200 && c.applied('n3').length === 0; tick++) {
      c.tick()
      c.deliverAll()
      const view = c.status('n3').epoch
      if (!started.has(view)) started.set(view, tick)
    }
    assert.deepEqual(c.applied('n3'), ['z'])
    assert.equal(c.status('n3').leader, 'n2')
    // View 1 after the request timer (4 ticks); view 2 after the view-change timer doubled (8).
    assert.equal(started.get(1), 4)
    assert.equal(started.get(2)! - started.get(1)!, 8)
  })

  it('backups enter the new view only after checking it: a replica that was behind receives it on its status', () => {
    const c = preparedThenPrimaryCrash()
    c.crash('n3')
    // n1 and n2 alone cannot change view (Q = 3); n3 returns and joins.
    c.run(30, { drop: view0CommitsLost })
    assert.equal(c.status('n1').role, 'replica')
    c.restart('n3')
    runUntil(c, () => c.applied('n3').length > 0, 200, { drop: view0CommitsLost })
    for (const id of ['n1', 'n2', 'n3']) assert.deepEqual(c.applied(id), ['x'])
  })
})

describe('pbft new-view validation: backups recompute O before entering', () => {
  /** n0 crashed with x prepared at n1, n2; n1 (view 1's primary) has its view changes; its new-view is withheld. */
  function atNewView(): { c: Cluster; newView: NewView } {
    const c = preparedThenPrimaryCrash()
    const fromN1 = (item: Delivery): boolean => item.from === 'n1' && item.kind === 'message' && item.message.type === 'newView'
    runUntil(c, () => c.messages('newView', { from: 'n1' }).length > 0, 200, { drop: (item) => fromN1(item) || view0CommitsLost(item) })
    c.drop(fromN1)
    const newView = c.messages('newView', { from: 'n1' })[0]!.message
    assert.equal(newView.viewChanges.length, 3)
    return { c, newView }
  }

  function rejects(c: Cluster, newView: NewView, kind: string): void {
    c.step('n2', { type: 'message', from: 'n1', message: newView })
    assert.equal(c.status('n2').role, 'replica', 'n2 did not enter view 1')
    assert.ok(c.evidence('n2').some((e) => e.kind === kind && e.offender === 'n1'), JSON.stringify(c.evidence('n2')))
  }

  it('accepts the honest new-view', () => {
    const { c, newView } = atNewView()
    c.step('n2', { type: 'message', from: 'n1', message: newView })
    assert.equal(c.status('n2').role, 'backup')
    assert.equal(c.status('n2').epoch, 1)
  })

  it('rejects a new-view with fewer than 2f + 1 view changes', () => {
    const { c, newView } = atNewView()
    const { signer: _s, signature: _sig, ...body } = newView
    rejects(c, c.signAs('n1', { ...body, viewChanges: newView.viewChanges.slice(0, 2) }), 'invalid-proposal')
  })

  it('rejects a new-view that counts one replica twice', () => {
    const { c, newView } = atNewView()
    const { signer: _s, signature: _sig, ...body } = newView
    const twice = [newView.viewChanges[0]!, newView.viewChanges[1]!, newView.viewChanges[1]!]
    rejects(c, c.signAs('n1', { ...body, viewChanges: twice }), 'invalid-proposal')
  })

  it('rejects a new-view carrying a forged view change', () => {
    const { c, newView } = atNewView()
    const { signer: _s, signature: _sig, ...body } = newView
    const forged: ViewChange = { ...newView.viewChanges[2]!, signature: new Uint8Array(16).fill(1) }
    rejects(c, c.signAs('n1', { ...body, viewChanges: [newView.viewChanges[0]!, newView.viewChanges[1]!, forged] }), 'invalid-signature')
  })

  it('rejects a new-view carrying a view change whose prepared certificate has a forged prepare', () => {
    const { c, newView } = atNewView()
    const { signer: _s, signature: _sig, ...body } = newView
    const index = newView.viewChanges.findIndex((vc) => vc.prepared.length > 0 && vc.signer !== 'n1')
    const honest = newView.viewChanges[index]!
    const certificate = honest.prepared[0]!
    const tampered = { ...certificate, prepares: [certificate.prepares[0]!, { ...certificate.prepares[1]!, signature: new Uint8Array(16) }] }
    // n1 cannot re-sign someone else's view change, so it must keep the original signature.
    const vcs = newView.viewChanges.map((vc, i) => (i === index ? { ...honest, prepared: [tampered] } : vc))
    rejects(c, c.signAs('n1', { ...body, viewChanges: vcs }), 'invalid-signature')
  })

  it('rejects a new-view whose pre-prepares omit the prepared request (a null request in its place)', () => {
    const { c, newView } = atNewView()
    const { signer: _s, signature: _sig, ...body } = newView
    const digests = c.digests('n1')
    const nullRequest = c.signAs('n1', { type: 'prePrepare', view: 1, seq: 1, digest: digests.batch([]), batch: [] })
    rejects(c, c.signAs('n1', { ...body, prePrepares: [nullRequest] }), 'invalid-proposal')
  })

  it('rejects a new-view that re-issues another request at the prepared sequence', () => {
    const { c, newView } = atNewView()
    const { signer: _s, signature: _sig, ...body } = newView
    const batch = [{ kind: 'app' as const, payload: text('evil') }]
    const evil: PrePrepare = c.signAs('n1', { type: 'prePrepare', view: 1, seq: 1, digest: c.digests('n1').batch(batch), batch })
    rejects(c, c.signAs('n1', { ...body, prePrepares: [evil] }), 'invalid-proposal')
  })

  it('rejects a new-view signed by a replica that is not the new primary', () => {
    const { c, newView } = atNewView()
    const { signer: _s, signature: _sig, ...body } = newView
    c.step('n2', { type: 'message', from: 'n3', message: c.signAs('n3', body) })
    assert.equal(c.status('n2').role, 'replica')
    assert.ok(c.evidence('n2').some((e) => e.offender === 'n3'))
  })

  it('rejects a view change whose checkpoint proof is short', () => {
    const c = cluster(4)
    const checkpoint = c.signAs('n3', { type: 'checkpoint', seq: 32, index: 32, stateDigest: new Uint8Array(32) })
    const viewChange = c.signAs('n3', { type: 'viewChange', view: 1, checkpoint: { seq: 32, index: 32, stateDigest: new Uint8Array(32), proof: [checkpoint] }, prepared: [], accepted: [] })
    c.step('n2', { type: 'message', from: 'n3', message: viewChange })
    assert.ok(c.evidence('n2').some((e) => e.kind === 'invalid-message' && e.offender === 'n3'))
  })

  it('two different view changes from one replica for one view are evidence', () => {
    const c = cluster(4)
    const a = c.signAs('n3', { type: 'viewChange', view: 1, checkpoint: GENESIS_CHECKPOINT, prepared: [], accepted: [] })
    const batch = [{ kind: 'app' as const, payload: text('q') }]
    const pp = c.signAs('n0', { type: 'prePrepare', view: 0, seq: 1, digest: c.digests('n0').batch(batch), batch })
    const b = c.signAs('n3', { type: 'viewChange', view: 1, checkpoint: GENESIS_CHECKPOINT, prepared: [], accepted: [pp] })
    c.step('n2', { type: 'message', from: 'n3', message: a })
    c.step('n2', { type: 'message', from: 'n3', message: b })
    assert.deepEqual(c.evidence('n2').map((e) => `${e.kind}:${e.offender}`), ['conflicting-view-change:n3'])
  })
})

