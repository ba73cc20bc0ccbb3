// A fresh node joins a running network through --network (issue 5, "Done means"): a 3-node
// mesh with 100,000 writes of history, part of it compacted into a snapshot (the default
// genesis snapshots every 10,000 entries), and a `blackhole node --network` on an empty
// data directory. It joins as a learner (thesis §4.2.1), is sent the leader's snapshot
// (Raft §7), then the log after it, and serves the history from its own state. The
// timings are bench/catch-up.js's figures; here they are printed, not asserted.

import assert from 'node:assert/strict'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { measureCatchUp } from '../../bench/catch-up.js'
import { benchKey } from '../../bench/kv-client.js'
import { reapMesh } from './helpers.js'

const ENTRIES = 100_000

describe('joining a running network (multi-process)', function () {
  this.timeout(600_000)
  let dir: string
  let pids: number[] = []

  beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'bh-join-')) })
  // measureCatchUp stops what it started; this is the backstop if it could not (the mesh
  // first, or it would restart its nodes).
  afterEach(async () => {
    await reapMesh(path.join(dir, 'mesh'), undefined, pids)
    await reapMesh(dir, undefined, [])
    pids = []
  })

  it(`a fresh node with --network catches up on ${ENTRIES} writes, part of them compacted into a snapshot`, async () => {
    const result = await measureCatchUp({
      entries: ENTRIES,
      dir,
      onSpawn: (pid) => { pids.push(pid) },
      log: (line) => { process.stderr.write(`      ${line}\n`) },
      check: async (caughtUp) => {
        assert.equal(caughtUp.freshRole, 'learner', 'a node outside the genesis joins as a learner')
        assert.ok(caughtUp.snapshotsInstalled >= 1, 'the history before the leader\'s snapshot came as a snapshot')
        for (const i of [0, 1, ENTRIES / 2, ENTRIES - 1]) {
          const key = benchKey('catch-up-', i, ENTRIES)
          const [fresh, leader] = await Promise.all([caughtUp.freshApi, caughtUp.leaderApi].map(async (api) => {
            const response = await fetch(`${api}/v1/kv/${key}?consistency=stale`)
            return `${response.status} ${await response.text()}`
          }))
          assert.ok(fresh?.startsWith('200 '), `the fresh node serves ${key}: ${fresh}`)
          assert.equal(fresh, leader, `the fresh node's ${key} is the leader's`)
        }
      }
    })
    assert.equal(result.written, ENTRIES)
    process.stderr.write(`      fresh node: API up in ${result.startSeconds.toFixed(2)} s, caught up on ${result.target} entries ${result.catchUpSeconds.toFixed(2)} s later\n`)
  })
})
