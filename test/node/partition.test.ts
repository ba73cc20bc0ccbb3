// A follower cut off from the rest of a three-node raft network, then healed (the
// partition is injected in each node's router: RunningNode.partition). Raft thesis §9.6:
// without pre-vote the isolated follower times out, raises its term again and again, and on
// healing its higher term forces the leader to step down; with pre-vote it never wins a
// pre-election while away, so its term stays put and the leader is not disturbed. Either way
// it catches up on what was committed without it.

import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { RunningNode } from '../../src/index.js'
import type { NodeStatus } from '../../src/node/view.js'
import { waitFor } from '../e2e/helpers.js'
import { type Cluster, metricTotal, put, startCluster } from './cluster.js'

// Election timeouts are randomized in [electionMs, 2 electionMs): 500-900 ms here.
const HEARTBEAT_MS = 100
const ELECTION_MS = 500
/**
 * How long the partition lasts in the pre-vote case. What is asserted there is that nothing
 * happens (no term rises, no leader changes), which no poll can wait for: we watch the
 * invariant for a fixed span instead, about four maximum election timeouts (3.6 s), so an
 * isolated follower without pre-vote would have campaigned at least four times.
 */
const PARTITION_MS = 4 * 2 * ELECTION_MS - 400
const KEYS = ['while-away-1', 'while-away-2', 'while-away-3']

describe('a partitioned follower (Raft thesis §9.6 pre-vote, §4.2.3 check-quorum)', function () {
  this.timeout(30_000)
  let dir: string
  const started: RunningNode[] = []

  beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'bh-partition-')) })
  afterEach(async () => {
    await Promise.all(started.splice(0).map(async (node) => { await node.stop() }))
    await rm(dir, { recursive: true, force: true })
  })

  async function start (params: Record<string, number | boolean>): Promise<Cluster> {
    return await startCluster(dir, { heartbeatMs: HEARTBEAT_MS, electionMs: ELECTION_MS, ...params }, started)
  }

  /** The isolated node has applied everything the leader committed, and serves it from its own state. */
  async function caughtUp (cluster: Cluster, isolated: RunningNode, leader: RunningNode): Promise<void> {
    const leaderCommit = (await cluster.status(leader)).commitIndex
    await waitFor(`the healed node to apply up to index ${leaderCommit}`, 10_000, async () => {
      const status = await cluster.status(isolated)
      return status.commitIndex >= leaderCommit && status.appliedIndex >= leaderCommit ? true : undefined
    })
    for (const key of KEYS) {
      const response = await fetch(`${isolated.apiUrl}/v1/kv/${key}?consistency=stale`)
      assert.equal(response.status, 200, `stale GET ${key} on the healed node`)
      assert.equal(await response.text(), `value of ${key}`)
    }
  }

  it('§9.6 pre-vote: a partitioned follower never raises its term, does not disturb the leader on healing, and catches up', async () => {
    const cluster = await start({ preVote: true, checkQuorum: true })
    const { leader, term } = await cluster.settled()
    const isolated = cluster.nodes.find((node) => node !== leader)
    assert.ok(isolated !== undefined)
    const commitBefore = (await cluster.status(isolated)).commitIndex

    await cluster.isolate(isolated)
    for (const key of KEYS) await put(leader, key, `value of ${key}`)
    const deadline = Date.now() + PARTITION_MS
    while (Date.now() < deadline) {
      const [leaderStatus, isolatedStatus]: [NodeStatus, NodeStatus] = await Promise.all([cluster.status(leader), cluster.status(isolated)])
      assert.equal(leaderStatus.role, 'leader', 'the majority keeps its leader')
      assert.equal(leaderStatus.term, term, 'the leader\'s term is unchanged while the follower is away')
      assert.equal(isolatedStatus.term, term, 'the isolated follower did not raise its term (its pre-votes found no quorum)')
      assert.notEqual(isolatedStatus.role, 'leader')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    // The partition held: the writes committed without the isolated node, and frames were dropped.
    const away = await cluster.status(isolated)
    assert.ok(away.commitIndex < (await cluster.status(leader)).commitIndex, `the isolated node saw none of the writes (commit ${away.commitIndex}, was ${commitBefore})`)
    assert.ok(await metricTotal(isolated, 'blackhole_router_partition_drops_total') > 0, 'the router dropped frames')

    await cluster.heal()
    await caughtUp(cluster, isolated, leader)
    const after = await cluster.settled()
    assert.equal(after.leader.peerId, leader.peerId, 'the same leader after healing')
    assert.equal(after.term, term, 'healing did not disturb the leader: the term is unchanged')
  })

  it('§9.6 control, without pre-vote or check-quorum: the partitioned follower\'s term rises while away and disrupts the leader on healing', async () => {
    const cluster = await start({ preVote: false, checkQuorum: false })
    const { leader, term } = await cluster.settled()
    const isolated = cluster.nodes.find((node) => node !== leader)
    assert.ok(isolated !== undefined)

    await cluster.isolate(isolated)
    for (const key of KEYS) await put(leader, key, `value of ${key}`)
    // Each election timeout the isolated node becomes a candidate in a new term.
    const raised = await waitFor('the isolated follower to raise its term', PARTITION_MS, async () => {
      const status = await cluster.status(isolated)
      return status.term > term + 1 ? status.term : undefined
    })
    const leaderStatus = await cluster.status(leader)
    assert.equal(leaderStatus.role, 'leader', 'the majority keeps its leader while the follower is away')
    assert.equal(leaderStatus.term, term)

    await cluster.heal()
    // Its higher term reaches the leader (in a vote request, or the answer to an append), which steps down.
    const after = await cluster.settled()
    assert.ok(after.term >= raised, `the leader was disturbed: term ${term} became ${after.term}`)
    await caughtUp(cluster, isolated, after.leader)
  })
})
