import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Genesis } from '../../src/config/genesis.js'
import type { NodeStatus } from '../../src/node/view.js'
import { type Spawned, freePortRange, getJson, killHard, runCli, waitFor } from './helpers.js'

async function finished (spawned: Spawned): Promise<{ code: number | null, output: string }> {
  const { code } = await spawned.exited
  return { code, output: spawned.output }
}

describe('blackhole CLI', function () {
  this.timeout(30_000)
  let dir: string
  const started: Spawned[] = []

  beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'bh-cli-')) })
  afterEach(async () => {
    for (const spawned of started.splice(0)) killHard(spawned.child.pid)
    await rm(dir, { recursive: true, force: true })
  })

  async function keysAndGenesis (count: number): Promise<{ keyDirs: string[], genesisFile: string, peerIds: string[] }> {
    const keyDirs: string[] = []
    const peerIds: string[] = []
    for (let i = 0; i < count; i++) {
      const keyDir = path.join(dir, `k${i}`)
      const keygen = await finished(runCli(['keygen', '--out', keyDir]))
      assert.equal(keygen.code, 0, keygen.output)
      peerIds.push(keygen.output.trim())
      keyDirs.push(keyDir)
    }
    const genesisFile = path.join(dir, 'genesis.json')
    const genesis = await finished(runCli(['genesis', '--protocol', 'raft', '--keys', ...keyDirs, '--out', genesisFile, '--chain-id', 'cli-test', '--param', 'electionMs=1500']))
    assert.equal(genesis.code, 0, genesis.output)
    return { keyDirs, genesisFile, peerIds }
  }

  it('keygen writes a 0600 key and genesis lists every key with its parameters', async () => {
    const { keyDirs, genesisFile, peerIds } = await keysAndGenesis(3)
    const keyFile = path.join(keyDirs[0] ?? '', 'node.key')
    assert.equal((await stat(keyFile)).mode & 0o777, 0o600)
    const genesis = JSON.parse(await readFile(genesisFile, 'utf8')) as Genesis
    assert.equal(genesis.chainId, 'cli-test')
    assert.equal(genesis.protocol, 'raft')
    assert.deepEqual(genesis.params, { electionMs: 1500 })
    assert.deepEqual(genesis.validators.map((validator) => validator.peerId), peerIds)
  })

  it('node refuses a bad genesis naming the field, and a bad flag combination, with exit code 2', async () => {
    const { genesisFile } = await keysAndGenesis(1)
    const genesis = JSON.parse(await readFile(genesisFile, 'utf8')) as Genesis
    const bad = path.join(dir, 'bad.json')
    await writeFile(bad, JSON.stringify({ ...genesis, protocol: 'paxos' }))
    const badGenesis = await finished(runCli(['node', '--data-dir', path.join(dir, 'd'), '--genesis', bad]))
    assert.equal(badGenesis.code, 2)
    assert.match(badGenesis.output, /bad\.json: protocol: /)
    const both = await finished(runCli(['node', '--data-dir', path.join(dir, 'd'), '--genesis', genesisFile, '--network', 'x.json']))
    assert.equal(both.code, 2)
    assert.match(both.output, /exactly one of --genesis FILE or --network/)
    const badApi = await finished(runCli(['node', '--data-dir', path.join(dir, 'd'), '--genesis', genesisFile, '--api', 'nowhere']))
    assert.equal(badApi.code, 2)
    assert.match(badApi.output, /--api: nowhere: expected HOST:PORT/)
  })

  it('a node restarted on the same data directory keeps its peer id, and a second node on it is refused', async () => {
    const { keyDirs, genesisFile, peerIds } = await keysAndGenesis(1)
    const dataDir = keyDirs[0] ?? ''
    const [apiPort] = [await freePortRange(1)]
    const api = `127.0.0.1:${apiPort}`
    for (let run = 0; run < 2; run++) {
      const node = runCli(['node', '--data-dir', dataDir, '--genesis', genesisFile, '--api', api, '--log-level', 'warn'])
      started.push(node)
      const status = await waitFor('the node API', 10_000, async () => (await getJson<NodeStatus>(`http://${api}/status`)).body)
      assert.equal(status.peerId, peerIds[0])
      if (run === 0) {
        const second = await finished(runCli(['node', '--data-dir', dataDir, '--genesis', genesisFile, '--api', `127.0.0.1:${apiPort + 1}`]))
        assert.equal(second.code, 2)
        assert.match(second.output, /is in use by process/)
      }
      node.child.kill('SIGTERM')
      assert.equal((await node.exited).code, 0, node.output)
    }
  })

  it('status prints a readable summary and fails clearly when nothing listens', async () => {
    const [port] = [await freePortRange(1)]
    const down = await finished(runCli(['status', '--api', `http://127.0.0.1:${port}`]))
    assert.equal(down.code, 2)
    assert.match(down.output, /cannot reach http:\/\/127\.0\.0\.1:\d+/)
  })
})
