// Every PBFT message must fit in one wire frame: the router refuses a larger one, and a refused
// new-view means a view change that never completes. Found with 4 kB values at 64 clients: a
// 10.5 MB new-view. The genesis defaults (checkpoints every 128 sequences, window 256) and a
// primary that crashes late in a checkpoint interval, with every batch full, are the worst case
// for what a view change and a new-view carry.

import assert from 'node:assert/strict'
import { DEFAULT_MAX_FRAME_BYTES, encodeFrame } from '../../src/net/wire/index.js'
import type { PbftMessage } from '../../src/protocols/pbft/messages.js'
import { cluster, type Delivery } from '../../src/protocols/pbft/testing.js'

const VALUE = 'v'.repeat(4000)

function frameSize (message: PbftMessage): number {
  return encodeFrame({ type: 'pbft', message }).byteLength
}

describe('pbft messages fit in one frame (4 kB requests, genesis checkpoint interval)', function () {
  this.timeout(60_000)

  it('pre-prepares, view changes and the new-view after 120 full sequences stay under the frame limit', () => {
    const c = cluster(4, { params: { checkpointInterval: 128, logWindow: 256, fastPath: false } })
    // 120 sequences of full batches (the primary caps a pre-prepare at maxBatchBytes).
    for (let round = 0; round < 120; round++) {
      c.propose('n0', ...Array.from({ length: 70 }, (_, i) => `${round}-${i}-${VALUE}`))
      c.deliverAll()
    }
    const executed = c.applied('n1').length
    assert.ok(executed >= 120 * 60, `${executed} requests executed`)
    // The last one in flight when the primary dies: a view change must carry it.
    const lastCommitsLost = (item: Delivery): boolean => item.kind === 'message' && item.message.type === 'commit' && item.message.view === 0
    c.propose('n0', ...Array.from({ length: 60 }, (_, i) => `last-${i}-${VALUE}`))
    c.deliverAll({ drop: lastCommitsLost })
    c.crash('n0')
    for (let round = 0; round < 200 && c.status('n2').epoch < 1; round++) {
      c.tick()
      c.deliverAll({ drop: lastCommitsLost })
    }
    for (let round = 0; round < 200 && c.applied('n3').length < executed + 60; round++) {
      c.tick()
      c.deliverAll()
    }
    assert.equal(c.applied('n3').length, executed + 60, 'the new view executes the request that was in flight')

    assertFrames(c)
  })

  it('with maxInFlight full batches prepared and none executed, the view change carries what fits and the rest by digest', () => {
    const c = cluster(4, { params: { checkpointInterval: 128, logWindow: 256, fastPath: false, maxInFlight: 8 } })
    // 8 sequences of 64 requests of 4 kB (256 kB each) issued at once; their commits are lost.
    const requests = 8 * 64
    const noCommits = (item: Delivery): boolean => item.kind === 'message' && item.message.type === 'commit' && item.message.view === 0
    c.propose('n0', ...Array.from({ length: requests }, (_, i) => `${i}-${'w'.repeat(3990)}`))
    c.deliverAll({ drop: noCommits })
    assert.equal(c.messages('prePrepare').filter((m) => m.message.type === 'prePrepare' && m.message.view === 0).length, 8 * 3, '8 sequences in flight')
    assert.equal(c.applied('n1').length, 0)
    c.crash('n0')
    for (let round = 0; round < 400 && c.applied('n3').length < requests; round++) {
      c.tick()
      c.deliverAll({ drop: noCommits })
    }
    assert.equal(c.applied('n3').length, requests, 'the new view executes every batch that was in flight')
    assert.ok(c.status('n3').epoch >= 1)
    assertFrames(c)
  })
})

function assertFrames (c: ReturnType<typeof cluster>): void {
  const largest = (type: 'prePrepare' | 'viewChange' | 'newView'): number => Math.max(...c.messages(type).map((m) => frameSize(m.message)))
  const sizes = { prePrepare: largest('prePrepare'), viewChange: largest('viewChange'), newView: largest('newView') }
  process.stdout.write(`      (largest frames: pre-prepare ${sizes.prePrepare}, view change ${sizes.viewChange}, new-view ${sizes.newView} bytes)\n`)
  for (const [type, size] of Object.entries(sizes)) assert.ok(size <= DEFAULT_MAX_FRAME_BYTES, `${type} of ${size} bytes`)
}
