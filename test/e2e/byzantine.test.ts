// PBFT with a Byzantine replica in real node processes (issue 6, "Done means"): a 4-node
// mesh (f = 1) where node 0, the primary of view 0, runs a test-only Byzantine mode
// (`blackhole mesh --test-byzantine 0:MODE`, pbft-protocol.ts). Castro & Liskov §4: with at
// most f faulty replicas, the correct ones keep committing (the equivocating or silent
// primary is voted out by a view change, §4.4) and agree on every operation (safety).

import assert from 'node:assert/strict'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { NodeStatus } from '../../src/node/view.js'
import { type Spawned, freePortRange, getJson, reapMesh, runCli, waitFor } from './helpers.js'

const NODES = 4
const CORRECT = [1, 2, 3]
const WRITES = 30

for (const mode of ['equivocate', 'silent'] as const) {
  describe(`pbft mesh with a Byzantine primary (${mode}, multi-process)`, function () {
    this.timeout(120_000)
    let dir: string
    let mesh: Spawned | undefined

    beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'bh-byzantine-')) })
    afterEach(async () => {
      await reapMesh(dir, mesh, [])
      mesh = undefined
    })

    it(`§4.4: the three correct replicas keep committing past a ${mode} primary and agree on every write`, async () => {
      const apiPort = await freePortRange(NODES)
      const url = (node: number): string => `http://127.0.0.1:${apiPort + node}`
      mesh = runCli(['mesh', '--nodes', String(NODES), '--protocol', 'pbft', '--dir', dir, '--api-port', String(apiPort), '--test-byzantine', `0:${mode}`, '--log-level', 'warn'])
      await waitFor('the correct replicas to answer', 20_000, async () => {
        const all = await Promise.all(CORRECT.map(async (node) => (await getJson<NodeStatus>(`${url(node)}/status`)).body))
        return all.every((status) => status.peers.length >= NODES - 1) ? true : undefined
      })

      // Three clients, one per correct replica, each retrying its write (same session) until it lands.
      await Promise.all(CORRECT.map(async (node) => {
        for (let i = node - 1; i < WRITES; i += CORRECT.length) {
          await waitFor(`write ${i} through node ${node}`, 30_000, async () => {
            const response = await fetch(`${url(node)}/v1/kv/byz-${i}`, {
              method: 'PUT', body: `value-${i}`, headers: { 'x-client-id': `client-${node}`, 'x-request-seq': String(i + 1) }, signal: AbortSignal.timeout(10_000)
            }).catch(() => undefined)
            if (response === undefined) return undefined
            await response.arrayBuffer()
            return response.ok ? true : undefined
          }, 200)
        }
      }))

      // Every correct replica holds every write, with the same value (no divergence).
      await waitFor('every correct replica to hold every write', 20_000, async () => {
        for (const node of CORRECT) {
          for (let i = 0; i < WRITES; i++) {
            const response = await fetch(`${url(node)}/v1/kv/byz-${i}?consistency=stale`)
            if (!response.ok || await response.text() !== `value-${i}`) return undefined
          }
        }
        return true
      }, 250)
      // A write's answer carries its commit certificate: a quorum of 2f + 1 = 3 signers (or the fast path's).
      const certified = await fetch(`${url(1)}/v1/kv/certified`, { method: 'PUT', body: 'yes' })
      const body = await certified.json() as { index: number, certificate?: { protocol: string, signers: string[], proof: string } }
      assert.equal(body.certificate?.protocol, 'pbft')
      assert.ok((body.certificate?.signers.length ?? 0) >= 3, `signers: ${JSON.stringify(body.certificate?.signers)}`)
      assert.ok(Buffer.from(body.certificate?.proof ?? '', 'base64').length >= 3 * 64, 'the proof carries the signatures')
      const statuses = await Promise.all(CORRECT.map(async (node) => (await getJson<NodeStatus>(`${url(node)}/status`)).body))
      const views = statuses.map((status) => status.term)
      assert.ok(views.every((view) => view >= 1), `the correct replicas left view 0 (the Byzantine primary's): views ${views.join(', ')}`)
      process.stdout.write(`      (views after: ${views.join(', ')}; applied: ${statuses.map((status) => status.appliedIndex).join(', ')})\n`)
    })
  })
}
