import assert from 'node:assert/strict'
import { createPbftCore, PbftCore } from './core.js'
import { compactPbftRecords } from './records.js'
import { between, cluster, ofType, seededRng, text } from './testing.js'

describe('pbft persistence: nothing leaves before what it depends on is durable', () => {
  it("a backup's prepare waits for its accepted pre-prepare to be durable", () => {
    const c = cluster(4)
    c.setAutoPersist('n1', false)
    c.propose('n0', 'x')
    assert.ok(c.deliverOne(between('n0', 'n1', 'prePrepare')))
    assert.deepEqual(c.host('n1').unacked.map((u) => u.record.type), ['prePrepare'])
    assert.equal(c.messages('prepare', { from: 'n1' }).length, 0)
    c.acknowledgePersists('n1')
    assert.equal(c.messages('prepare', { from: 'n1' }).length, 3)
  })

  it('a commit waits for the prepared certificate to be durable', () => {
    const c = cluster(4, { params: { fastPath: false } })
    c.propose('n0', 'x')
    c.deliverAll({ hold: ofType('prepare') })
    c.setAutoPersist('n1', false)
    c.deliverAll({ hold: ofType('commit') })
    const records = c.host('n1').unacked.map((u) => u.record.type)
    assert.ok(records.includes('prepared'))
    assert.equal(c.messages('commit', { from: 'n1' }).length, 0)
    c.acknowledgePersists('n1')
    assert.equal(c.messages('commit', { from: 'n1' }).length, 3)
  })

  for (const fastPath of [true, false]) {
    it(`records nothing waits for are deferrable: the commit hint, and the prepared certificate while commits are held (${fastPath ? 'fast' : 'slow'} path)`, () => {
      // A host may write a deferrable record with the next one or at its next tick (core.ts):
      // on the fast path a sequence then costs each replica one synced write, not up to three.
      const c = cluster(4, { params: { fastPath } })
      c.propose('n0', 'x')
      c.deliverAll()
      c.propose('n0', 'y')
      c.deliverAll()
      assert.deepEqual(c.applied('n1'), ['x', 'y'])
      const seen = new Map<string, boolean>()
      for (const effect of c.effects('n1', 'persist')) seen.set(effect.record.type, effect.deferrable === true)
      assert.deepEqual(Object.fromEntries(seen), { prePrepare: false, prepared: fastPath, committed: true })
    })
  }

  it("the primary's pre-prepare waits for its record; restarted, it does not reuse the sequence number", () => {
    const c = cluster(4)
    c.setAutoPersist('n0', false)
    c.propose('n0', 'x')
    assert.equal(c.messages('prePrepare').length, 0)
    c.acknowledgePersists('n0')
    assert.equal(c.messages('prePrepare', { from: 'n0' }).length, 3)
    c.drop(() => true) // lost before anyone saw it
    c.crash('n0')
    c.restart('n0')
    c.setAutoPersist('n0', true)
    c.propose('n0', 'y')
    // y waits while x is in flight (a partial batch is not issued beside another sequence).
    for (let i = 0; i < 20 && c.applied('n1').length < 2; i++) c.run(1)
    const issued = c.messages('prePrepare', { from: 'n0', to: 'n1' }).map((m) => JSON.stringify([m.message.seq, m.message.batch.map((r) => new TextDecoder().decode(r.payload))]))
    assert.deepEqual([...new Set(issued)], ['[1,["x"]]', '[2,["y"]]'])
    assert.deepEqual(c.applied('n1'), ['x', 'y'])
  })

  it('a restarted backup does not prepare a second request for the same view and sequence', () => {
    const c = cluster(4)
    c.crash('n0')
    const batch = (v: string): { kind: 'app'; payload: Uint8Array }[] => [{ kind: 'app', payload: text(v) }]
    const pp = (v: string) => c.signAs('n0', { type: 'prePrepare', view: 0, seq: 1, digest: c.digests('n0').batch(batch(v)), batch: batch(v) })
    c.step('n1', { type: 'message', from: 'n0', message: pp('a') })
    c.crash('n1')
    c.restart('n1')
    c.step('n1', { type: 'message', from: 'n0', message: pp('b') })
    const prepares = c.messages('prepare', { from: 'n1' }).map((m) => m.message.digest)
    assert.ok(prepares.length > 0)
    assert.ok(prepares.every((d) => Buffer.from(d).equals(Buffer.from(c.digests('n0').batch(batch('a'))))), 'only ever the first digest')
    assert.ok(c.evidence('n1').some((e) => e.kind === 'equivocation' && e.offender === 'n0'))
  })

  it('a replica restarted during a view change stays in it and re-sends the very same view change', () => {
    const c = cluster(4)
    c.crash('n0')
    c.propose('n3', 'y')
    c.deliverAll()
    for (let i = 0; i < 30 && c.messages('viewChange', { from: 'n3' }).length === 0; i++) c.tick(['n3'])
    const [first] = c.messages('viewChange', { from: 'n3' })
    assert.ok(first !== undefined)
    c.crash('n3')
    c.restart('n3')
    assert.equal(c.status('n3').epoch, 1)
    assert.equal(c.status('n3').role, 'replica')
    c.step('n3', { type: 'message', from: 'n1', message: c.signAs('n1', { type: 'status', view: 0, changing: false, stableSeq: 0, executedSeq: 0, lastSeq: 0 }) })
    const again = c.messages('viewChange', { from: 'n3', to: 'n1' }).at(-1)!.message
    assert.deepEqual(Buffer.from(again.signature), Buffer.from(first.message.signature))
  })

  it('a restarted replica executes again from its checkpoint: the commits it re-emits are identical', () => {
    const c = cluster(4, { params: { checkpointInterval: 4, logWindow: 8, maxBatch: 1 } })
    for (let i = 0; i < 6; i++) {
      c.propose('n0', `v${i}`)
      c.deliverAll()
    }
    c.crash('n2')
    c.restart('n2')
    assert.equal(c.host('n2').app.length, 4, 'the app restarts from its snapshot at the checkpoint')
    c.tick(['n2'])
    assert.deepEqual(c.applied('n2'), ['v0', 'v1', 'v2', 'v3', 'v4', 'v5'], 'commit hints replay 5 and 6 at once')
  })

  for (const fastPath of [false, true]) {
    it(`after every replica restarts, one that missed the last commits still learns them from the others' records (${fastPath ? 'fast' : 'slow'} path)`, () => {
      // Castro's thesis §5.2: status messages drive retransmission. The others restored those
      // sequences from their commit hints, so the hints must carry the votes that prove them.
      const c = cluster(4, { params: { fastPath } })
      c.propose('n0', 'a')
      c.deliverAll()
      c.propose('n0', 'b')
      c.deliverAll({ hold: (item) => item.to === 'n3' && item.kind === 'message' && (item.message.type === 'commit' || item.message.type === 'prepare') })
      c.drop((item) => item.to === 'n3')
      assert.deepEqual(c.applied('n0'), ['a', 'b'])
      assert.deepEqual(c.applied('n3'), ['a'])
      for (const id of c.ids) c.crash(id)
      for (const id of c.ids) c.restart(id)
      for (let i = 0; i < 20 && c.applied('n3').length < 2; i++) c.run(1)
      assert.deepEqual(c.applied('n3'), ['a', 'b'])
      assert.equal(c.status('n3').epoch, 0, 'no view change')
    })
  }

  it('compactPbftRecords rebuilds the same core (after checkpoints and a view change)', () => {
    const params = { checkpointInterval: 4, logWindow: 8, maxBatch: 1 }
    const c = cluster(4, { params })
    for (let i = 0; i < 7; i++) {
      c.propose('n0', `v${i}`)
      c.deliverAll()
    }
    c.crash('n0')
    c.propose('n2', 'w')
    for (let i = 0; i < 40 && c.applied('n2').length < 8; i++) c.run(1)
    assert.equal(c.status('n1').epoch, 1)
    const records = c.host('n2').durable
    const compacted = compactPbftRecords(records)
    assert.ok(compacted.length < records.length)
    const factory = createPbftCore(params)
    const config = { id: 'n2', voters: c.ids, rng: seededRng(1), crypto: c.host('n2').crypto }
    const a = factory(config, records)
    const b = factory(config, compacted)
    assert.deepEqual(a.status(), b.status())
    const describe = (core: typeof a): unknown => (core as PbftCore).describe()
    assert.deepEqual(describe(a), describe(b))
    const commits = (core: typeof a): unknown => core.step({ type: 'tick' }).filter((e) => e.type === 'commit').map((e) => e.type === 'commit' && e.commit.position)
    assert.deepEqual(commits(a), commits(b))
    // What a view change of each would report (the fast path's evidence included) is the same.
    const viewChange = (core: typeof a): unknown => {
      for (let i = 0; i < 200; i++) {
        const sent = core.step({ type: 'propose', ref: i, payloads: [new Uint8Array([i])] }).concat(core.step({ type: 'tick' }))
        const vc = sent.find((e) => e.type === 'persist' && e.record.type === 'viewChange')
        if (vc?.type === 'persist' && vc.record.type === 'viewChange') return { prepared: vc.record.viewChange.prepared.map((p) => p.prePrepare.seq), accepted: vc.record.viewChange.accepted.map((p) => [p.view, p.seq]) }
      }
      return undefined
    }
    const reported = viewChange(a)
    assert.ok(reported !== undefined)
    assert.deepEqual(reported, viewChange(b))
  })
})
