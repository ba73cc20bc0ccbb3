// Catching up past the compacted log (Raft §7, InstallSnapshot; thesis §5.3 chunked) and
// growing the cluster (thesis §4.2.1: a new server joins as a non-voting learner and
// becomes a voter only once it has caught up).

import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { RunningNode } from '../../src/index.js'
import type { MembersView } from '../../src/api/members-routes.js'
import { getJson, waitFor } from '../e2e/helpers.js'
import { type Cluster, metricTotal, put, putMany, startCluster } from './cluster.js'

/** Small, so a few hundred writes compact the log a few times. */
// Writes go one at a time (putMany's last argument), so each is its own log entry: concurrent
// writes would share entries (the mempool batches them) and leave the log short of a snapshot.
const SNAPSHOT_EVERY = 100
const PARAMS = { heartbeatMs: 100, electionMs: 500, snapshotEvery: SNAPSHOT_EVERY }
const INSTALLED = 'outcome="installed"'

describe('snapshot transfer and joining (Raft §7, thesis §4.2.1)', function () {
  this.timeout(60_000)
  let dir: string
  const started: RunningNode[] = []

  beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'bh-join-')) })
  afterEach(async () => {
    await Promise.all(started.splice(0).map(async (node) => { await node.stop() }))
    await rm(dir, { recursive: true, force: true })
  })

  const members = async (node: RunningNode): Promise<MembersView> => (await getJson<MembersView>(`${node.apiUrl}/v1/members`)).body

  /** `node` has applied all the leader committed, and serves `keys` from its own state. */
  async function caughtUp (cluster: Cluster, node: RunningNode, leader: RunningNode, prefix: string, count: number): Promise<void> {
    const leaderCommit = (await cluster.status(leader)).commitIndex
    await waitFor(`${node.peerId} to apply up to ${leaderCommit}`, 20_000, async () => {
      const status = await cluster.status(node)
      return status.appliedIndex >= leaderCommit ? true : undefined
    })
    for (const i of [0, Math.floor(count / 2), count - 1]) {
      const response = await fetch(`${node.apiUrl}/v1/kv/${prefix}-${i}?consistency=stale`)
      assert.equal(response.status, 200, `stale GET ${prefix}-${i}`)
      assert.equal(await response.text(), `value-${i}`)
    }
  }

  it('§7: a follower partitioned while the leader compacted its log catches up by snapshot', async () => {
    const cluster = await startCluster(dir, PARAMS, started)
    const { leader } = await cluster.settled()
    const behind = cluster.nodes.find((node) => node !== leader)
    assert.ok(behind !== undefined)
    await cluster.isolate(behind)
    await putMany([leader], 3 * SNAPSHOT_EVERY, 'away', 1)
    assert.equal(await metricTotal(behind, 'blackhole_snapshot_transfers_total', INSTALLED), 0)
    await cluster.heal()
    await caughtUp(cluster, behind, leader, 'away', 3 * SNAPSHOT_EVERY)
    assert.ok(await metricTotal(behind, 'blackhole_snapshot_transfers_total', INSTALLED) >= 1, 'the entries it missed were compacted: it caught up by snapshot')
    // Replication continues after the snapshot.
    await put(leader, 'after-snapshot', 'yes')
    await waitFor('the write after the snapshot to reach it', 10_000, async () => {
      const response = await fetch(`${behind.apiUrl}/v1/kv/after-snapshot?consistency=stale`)
      return response.status === 200 ? true : undefined
    })
  })

  it('§4.2.1: a fresh node joins as a learner, catches up from a snapshot, and votes only once the operator promotes it', async () => {
    const cluster = await startCluster(dir, { ...PARAMS, autoPromote: false }, started)
    const { leader } = await cluster.settled()
    await putMany(cluster.nodes, 3 * SNAPSHOT_EVERY, 'history', 1)
    const fresh = await cluster.join('fresh')
    await waitFor('the fresh node to be a learner', 10_000, async () => (await members(leader)).learners.includes(fresh.peerId) ? true : undefined)
    await caughtUp(cluster, fresh, leader, 'history', 3 * SNAPSHOT_EVERY)
    assert.ok(await metricTotal(fresh, 'blackhole_snapshot_transfers_total', INSTALLED) >= 1, 'it caught up from a snapshot')
    const learnerStatus = await cluster.status(fresh)
    assert.equal(learnerStatus.role, 'learner')
    assert.deepEqual((await members(fresh)).voters.slice().sort(), cluster.nodes.slice(0, 3).map((node) => node.peerId).sort(), 'a learner is not a voter')

    // The operator promotes it through a follower: the command is passed to the leader.
    const follower = cluster.nodes.slice(0, 3).find((node) => node !== leader)
    assert.ok(follower !== undefined)
    const promoted = await fetch(`${follower.apiUrl}/v1/members/${fresh.peerId}/promote`, { method: 'POST' })
    assert.equal(promoted.status, 200, await promoted.text())
    await waitFor('the fresh node to be a voter everywhere', 10_000, async () => {
      const views = await Promise.all(cluster.nodes.map(members))
      return views.every((view) => view.voters.includes(fresh.peerId) && !view.learners.includes(fresh.peerId)) ? true : undefined
    })
    await waitFor('the promoted node to be a follower', 10_000, async () => (await cluster.status(fresh)).role === 'follower' ? true : undefined)
    // Writes through it commit, and a linearizable read on it sees them.
    await put(fresh, 'from-the-new-voter', 'hello')
    const read = await fetch(`${fresh.apiUrl}/v1/kv/from-the-new-voter`)
    assert.equal(await read.text(), 'hello')

    // Promoting it again is refused with a reason, not a hang.
    const again = await fetch(`${leader.apiUrl}/v1/members/${fresh.peerId}/promote`, { method: 'POST' })
    assert.equal(again.status, 409, await again.text())
  })

  it('§4.2.1 with autoPromote: the leader promotes the learner by itself once it has caught up', async () => {
    const cluster = await startCluster(dir, { ...PARAMS, autoPromote: true }, started)
    const { leader } = await cluster.settled()
    await putMany(cluster.nodes, 2 * SNAPSHOT_EVERY, 'history', 1)
    const fresh = await cluster.join('fresh')
    await waitFor('the fresh node to be promoted to voter', 20_000, async () => (await members(leader)).voters.includes(fresh.peerId) ? true : undefined)
    await caughtUp(cluster, fresh, leader, 'history', 2 * SNAPSHOT_EVERY)

    // And out again: the operator removes it; a removed node does not ask to rejoin.
    const removed = await fetch(`${leader.apiUrl}/v1/members/${fresh.peerId}`, { method: 'DELETE' })
    assert.equal(removed.status, 200, await removed.text())
    await waitFor('the removed node to be gone from the membership', 10_000, async () => {
      const view = await members(leader)
      return !view.voters.includes(fresh.peerId) && !view.learners.includes(fresh.peerId) ? true : undefined
    })
  })
})
