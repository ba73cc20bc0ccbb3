// PBFT state transfer in the node (Castro-Liskov TOCS §6.2): a replica cut off while the others
// moved several stable checkpoints on, and collected their logs, cannot catch up from messages;
// it fetches the checkpointed state, which the synchronizer pulls and the store keeps only if it
// hashes to the digest 2f + 1 checkpoint signatures certified, then follows the log after it.

import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { RunningNode } from '../../src/index.js'
import { waitFor } from '../e2e/helpers.js'
import { metricTotal, put, putMany, startCluster } from './cluster.js'

const CHECKPOINT_INTERVAL = 4
const PARAMS = { checkpointInterval: CHECKPOINT_INTERVAL, watermarkWindow: 2 * CHECKPOINT_INTERVAL, requestTimeoutMs: 1000 }
const INSTALLED = 'outcome="installed"'

describe('PBFT state transfer between nodes (TOCS §6.2)', function () {
  this.timeout(60_000)
  let dir = ''
  let started: RunningNode[] = []

  beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'bh-pbft-transfer-')) })
  afterEach(async () => {
    await Promise.all(started.map(async (node) => { await node.stop() }))
    started = []
    await rm(dir, { recursive: true, force: true })
  })

  it('a replica away for many checkpoints catches up from a certified checkpoint, then follows the log', async () => {
    const cluster = await startCluster(dir, PARAMS, started, 4, 'pbft')
    const { leader: primary } = await cluster.settled()
    const away = cluster.nodes.find((node) => node !== primary)
    assert.ok(away !== undefined)
    await cluster.isolate(away)
    const present = cluster.nodes.filter((node) => node !== away)
    // One at a time: each write its own sequence, so 10 checkpoints go by and the others' logs
    // keep only the last watermark window.
    const writes = 10 * CHECKPOINT_INTERVAL
    await putMany(present, writes, 'away', 1)
    assert.equal(await metricTotal(away, 'blackhole_snapshot_transfers_total', INSTALLED), 0)

    await cluster.heal()
    await waitFor('the replica to serve the last write made while it was away', 30_000, async () => {
      const response = await fetch(`${away.apiUrl}/v1/kv/away-${writes - 1}?consistency=stale`)
      return response.status === 200 && await response.text() === `value-${writes - 1}` ? true : undefined
    })
    assert.ok(await metricTotal(away, 'blackhole_snapshot_transfers_total', INSTALLED) >= 1, 'it caught up by state transfer, not from messages')
    for (const i of [0, writes / 2]) {
      const response = await fetch(`${away.apiUrl}/v1/kv/away-${i}?consistency=stale`)
      assert.equal(await response.text(), `value-${i}`, `away-${i} came with the transferred state`)
    }

    // Agreement goes on with it: a write after the transfer reaches it too.
    await put(primary, 'after-transfer', 'yes')
    await waitFor('the write after the transfer to reach it', 15_000, async () => {
      const response = await fetch(`${away.apiUrl}/v1/kv/after-transfer?consistency=stale`)
      return response.status === 200 && await response.text() === 'yes' ? true : undefined
    })
  })
})
