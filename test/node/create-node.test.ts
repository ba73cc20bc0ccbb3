import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildGenesis, createLogger, createNode, type RunningNode } from '../../src/index.js'
import { writeIdentity } from '../../src/net/identity.js'
import type { NodeStatus } from '../../src/node/view.js'
import { getJson, waitFor } from '../e2e/helpers.js'

describe('createNode (library, two nodes in one process)', function () {
  this.timeout(30_000)
  let dir: string
  const nodes: RunningNode[] = []

  before(async () => { dir = await mkdtemp(path.join(tmpdir(), 'bh-lib-')) })
  after(async () => {
    await Promise.all(nodes.splice(0).map(async (node) => { await node.stop() }))
    await rm(dir, { recursive: true, force: true })
  })

  it('two embedded nodes connect through a bootstrap address, report each other in /status, and stop cleanly', async () => {
    const dirs = [path.join(dir, 'a'), path.join(dir, 'b')]
    for (const dataDir of dirs) await writeIdentity(dataDir)
    const genesis = await buildGenesis({ protocol: 'raft', keyDirs: dirs, params: {}, chainId: 'lib-test' })
    const logger = createLogger({ level: 'silent' })
    const a = await createNode({ dataDir: dirs[0] ?? '', genesis, logger })
    nodes.push(a)
    const b = await createNode({ dataDir: dirs[1] ?? '', genesis, logger, bootstrap: [a.addrs()[0] ?? ''] })
    nodes.push(b)

    for (const [self, other] of [[a, b], [b, a]] as const) {
      const status = await waitFor('a peer', 10_000, async () => {
        const { body } = await getJson<NodeStatus>(`${self.apiUrl}/status`)
        return body.peers.length === 1 ? body : undefined
      })
      assert.equal(status.peerId, self.peerId)
      assert.equal(status.peers[0]?.peerId, other.peerId)
      assert.equal(status.peers[0]?.validator, true)
      assert.equal(status.chainId, 'lib-test')
    }

    await b.stop()
    nodes.pop()
    await assert.rejects(fetch(`${b.apiUrl}/status`), 'the API is closed after stop')
    await waitFor('a to notice b left', 10_000, async () => {
      const { body } = await getJson<NodeStatus>(`${a.apiUrl}/status`)
      return body.peers.length === 0 ? true : undefined
    })
  })
})
