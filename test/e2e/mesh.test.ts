import assert from 'node:assert/strict'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { HealthReport } from '../../src/api/health.js'
import type { NodeStatus } from '../../src/node/view.js'
import { type Spawned, freePortRange, getJson, isAlive, reapMesh, runCli, waitFor } from './helpers.js'

const NODES = 4

async function nodePids (dir: string): Promise<number[]> {
  const pids: number[] = []
  for (let i = 0; i < NODES; i++) {
    const info = JSON.parse(await readFile(path.join(dir, `node${i}`, 'node.json'), 'utf8')) as { pid: number }
    pids.push(info.pid)
  }
  return pids
}

describe('blackhole mesh (multi-process)', function () {
  this.timeout(60_000)
  let dir: string
  let mesh: Spawned | undefined
  let pids: number[] = []

  beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'bh-mesh-')) })
  afterEach(async () => {
    await reapMesh(dir, mesh, pids)
    mesh = undefined
    pids = []
  })

  it('--nodes 4: every node lists the other 3 as peers within 10 s, serves its API on api-port + i, and SIGTERM leaves no process', async () => {
    const apiPort = await freePortRange(NODES)
    const startedAt = Date.now()
    mesh = runCli(['mesh', '--nodes', String(NODES), '--dir', dir, '--api-port', String(apiPort), '--log-level', 'warn'])

    const statuses = await waitFor('all nodes to see 3 peers', 10_000, async () => {
      const all = await Promise.all(Array.from({ length: NODES }, async (_, i) => (await getJson<NodeStatus>(`http://127.0.0.1:${apiPort + i}/status`)).body))
      return all.every((status) => status.peers.length === NODES - 1) ? all : undefined
    }).catch((err: unknown) => { throw new Error(`${String(err)}\nmesh output:\n${mesh?.output ?? ''}`) })
    const discoveryMs = Date.now() - startedAt
    process.stdout.write(`      (all ${NODES} nodes saw ${NODES - 1} peers ${discoveryMs} ms after the mesh started)\n`)

    const ids = new Set(statuses.map((status) => status.peerId))
    assert.equal(ids.size, NODES, 'distinct peer ids')
    for (const status of statuses) {
      assert.deepEqual(new Set(status.peers.map((peer) => peer.peerId)), new Set([...ids].filter((id) => id !== status.peerId)))
      assert.equal(status.validators, NODES)
      assert.equal(status.protocol, 'raft')
    }
    for (let i = 0; i < NODES; i++) {
      // Healthy once a leader is elected (the leader check warns during the first election).
      const health = await waitFor(`node ${i} to report healthy`, 10_000, async () => {
        const answer = await getJson<HealthReport>(`http://127.0.0.1:${apiPort + i}/health`)
        return answer.body.status === 'healthy' ? answer : undefined
      })
      assert.equal(health.status, 200)
      assert.ok(health.body.checks.some((check) => check.name === 'leader' && check.state === 'pass'))
      const metrics = await fetch(`http://127.0.0.1:${apiPort + i}/metrics`)
      assert.equal(metrics.status, 200)
      const text = await metrics.text()
      assert.match(text, /^nodejs_eventloop_lag_p99_seconds /m)
      assert.match(text, /^blackhole_peers 3$/m)
      assert.match(text, /^libp2p_/m, 'libp2p metrics are exported')
      assert.match(text, /^actor_mailbox_depth\{/m, 'actor metrics are exported')
    }

    // The client commands against the running mesh: write through one node, read through another.
    const cli = async (args: readonly string[]): Promise<{ code: number | null, output: string }> => {
      const run = runCli(args)
      const { code } = await run.exited
      return { code, output: run.output }
    }
    const api = (i: number): string => `http://127.0.0.1:${apiPort + i}`
    assert.equal((await cli(['put', 'greeting', 'hello', '--api', api(1)])).code, 0)
    assert.deepEqual(await cli(['get', 'greeting', '--api', api(2)]), { code: 0, output: 'hello\n' })
    const listed = await cli(['members', 'list', '--api', api(3)])
    assert.equal(listed.code, 0, listed.output)
    const view = JSON.parse(listed.output) as { voters: string[], learners: string[] }
    assert.deepEqual(new Set(view.voters), ids, 'every mesh node is a voter')
    assert.deepEqual(view.learners, [])
    const refused = await cli(['members', 'promote', [...ids][0] ?? '', '--api', api(0)])
    assert.equal(refused.code, 2, 'promoting a voter is refused')
    assert.match(refused.output, /409.*REFUSED/)

    pids = await waitFor('every node to write node.json', 10_000, async () => await nodePids(dir))
    assert.ok(pids.every(isAlive))
    const stopAt = Date.now()
    mesh.child.kill('SIGTERM')
    const exit = await mesh.exited
    const stopMs = Date.now() - stopAt
    assert.equal(exit.code, 0, mesh.output)
    assert.ok(stopMs < 5000, `mesh stopped in ${stopMs} ms`)
    assert.deepEqual(pids.filter(isAlive), [], 'no node process is left')
  })

  it('nodes stop on their own when the mesh is killed with SIGKILL (no orphans)', async () => {
    const apiPort = await freePortRange(NODES)
    mesh = runCli(['mesh', '--nodes', String(NODES), '--dir', dir, '--api-port', String(apiPort), '--log-level', 'warn'])
    await waitFor('every node to answer', 10_000, async () => {
      const all = await Promise.all(Array.from({ length: NODES }, async (_, i) => (await getJson<NodeStatus>(`http://127.0.0.1:${apiPort + i}/status`)).status))
      return all.every((code) => code === 200) ? true : undefined
    })
    pids = await waitFor('every node to write node.json', 10_000, async () => await nodePids(dir))
    mesh.child.kill('SIGKILL')
    await mesh.exited
    // A node stops within its 4 s deadline once the IPC channel closes (process.ts); the rest
    // is process exit on a loaded 2-core machine. Past 10 s they would be orphans.
    await waitFor('node processes to exit', 10_000, async () => pids.some(isAlive) ? undefined : true)
  })

  it('restarts a node that crashes, keeping its peer id', async () => {
    const apiPort = await freePortRange(NODES)
    mesh = runCli(['mesh', '--nodes', String(NODES), '--dir', dir, '--api-port', String(apiPort), '--log-level', 'warn'])
    const before = await waitFor('node1 to answer', 10_000, async () => (await getJson<NodeStatus>(`http://127.0.0.1:${apiPort + 1}/status`)).body)
    pids = await waitFor('every node to write node.json', 10_000, async () => await nodePids(dir))
    const victim = pids[1]
    assert.ok(victim !== undefined)
    process.kill(victim, 'SIGKILL')
    const after = await waitFor('node1 to come back', 15_000, async () => {
      const info = JSON.parse(await readFile(path.join(dir, 'node1', 'node.json'), 'utf8')) as { pid: number }
      if (info.pid === victim) return undefined
      return (await getJson<NodeStatus>(`http://127.0.0.1:${apiPort + 1}/status`)).body
    })
    assert.equal(after.peerId, before.peerId)
    pids = await waitFor('every node to write node.json', 10_000, async () => await nodePids(dir))
    mesh.child.kill('SIGTERM')
    assert.equal((await mesh.exited).code, 0)
    assert.deepEqual(pids.filter(isAlive), [])
  })

  it('rejects bad options with a clear message and exit code 2', async () => {
    const bad = runCli(['mesh', '--nodes', '0', '--dir', dir])
    const exit = await bad.exited
    assert.equal(exit.code, 2)
    assert.match(bad.output, /--nodes must be an integer from 1 to 64/)
  })
})
