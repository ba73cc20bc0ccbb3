// A PBFT replica takes requests only while it is connected to a quorum (node/pbft-protocol.ts). A
// request starts its view-change timer (Castro-Liskov §4.5.2); a replica whose relay reached no one
// would time out alone, into a view change no other replica joins, and report no primary until
// the group next changes view.

import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { RunningNode } from '../../src/index.js'
import { metricTotal, put, startCluster } from './cluster.js'

describe('PBFT: requests only while connected to a quorum', function () {
  this.timeout(60_000)
  let dir = ''
  let started: RunningNode[] = []

  beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'bh-pbft-connectivity-')) })
  afterEach(async () => {
    await Promise.all(started.map(async (node) => { await node.stop() }))
    started = []
    await rm(dir, { recursive: true, force: true })
  })

  it('a replica started alone refuses writes with 503, and the group then starts in view 0', async () => {
    const requestTimeoutMs = 500
    const cluster = await startCluster(dir, { requestTimeoutMs }, started, 4, 'pbft', 1)
    const [lone] = cluster.nodes
    assert.ok(lone !== undefined)
    const refused = await fetch(`${lone.apiUrl}/v1/kv/early`, { method: 'PUT', body: 'x', signal: AbortSignal.timeout(10_000) })
    assert.equal(refused.status, 503)
    assert.ok(refused.headers.get('retry-after') !== null, 'a refusal says when to retry')
    // Refused at once, not after a wait (a request taken would time out: TIMEOUT).
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'NO_LEADER')
    // Its status agrees, so a client that waits for a leader there never meets the refusal.
    assert.equal((await cluster.status(lone)).leader, null, 'no primary shown while refusing')

    await cluster.startRest()
    const { term } = await cluster.settled()
    assert.equal(term, 0, 'nobody changed view')
    await put(lone, 'after', 'y')
    assert.equal(await metricTotal(lone, 'consensus_view_changes_total'), 0)
  })
})
