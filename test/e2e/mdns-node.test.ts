import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { VethLan } from '../fixtures/netns.js'
import { CLI, killHard, runCli, waitFor } from './helpers.js'

// `blackhole node --mdns` in two network namespaces made here, joined by a veth pair:
// no bootstrap list, so mDNS is the only way they can learn of each other. Multicast
// never reaches the host's interfaces. Each node's address book (peers.json, written
// after identify) shows whom it met.
describe('blackhole node --mdns (two network namespaces)', function () {
  this.timeout(60_000)
  const tag = `${process.pid % 10000}${randomBytes(1).toString('hex')}`
  const lan = VethLan.named(tag, '10.232.0')
  const nodes: ChildProcess[] = []
  let dir = ''

  before(async function () {
    const reason = await VethLan.unavailable()
    if (reason !== undefined) {
      console.log(`      skipped: ${reason}`)
      this.skip()
    }
    dir = await mkdtemp(path.join(tmpdir(), 'bh-mdns-'))
    await lan.create()
  })

  after(async () => {
    // Processes first: a namespace with a process in it outlives `ip netns del`.
    for (const node of nodes) killHard(node.pid)
    await Promise.all(nodes.map(async (node) => { if (node.exitCode === null && node.signalCode === null) await new Promise((resolve) => node.once('exit', resolve)) }))
    await lan.destroy()
    if (dir !== '') await rm(dir, { recursive: true, force: true })
  })

  it('two nodes started with --mdns and no bootstrap list find and connect to each other', async () => {
    const keyDirs = [path.join(dir, 'a'), path.join(dir, 'b')]
    const peerIds: string[] = []
    for (const keyDir of keyDirs) {
      const keygen = runCli(['keygen', '--out', keyDir])
      assert.equal((await keygen.exited).code, 0, keygen.output)
      peerIds.push(keygen.output.trim())
    }
    const genesisFile = path.join(dir, 'genesis.json')
    const genesis = runCli(['genesis', '--protocol', 'raft', '--keys', ...keyDirs, '--out', genesisFile])
    assert.equal((await genesis.exited).code, 0, genesis.output)

    const ends = [lan.a, lan.b]
    ends.forEach((end, i) => {
      const args = [...lan.exec(end), process.execPath, CLI, 'node', '--data-dir', keyDirs[i] ?? '', '--genesis', genesisFile,
        '--listen', `/ip4/${end.address}/tcp/7600`, '--api', '127.0.0.1:8700', '--mdns', '--log-level', 'warn']
      const [command, ...rest] = args
      nodes.push(spawn(command ?? 'ip', rest, { stdio: 'ignore' }))
    })

    const started = Date.now()
    const logs = async (): Promise<string> => (await Promise.all(keyDirs.map(async (keyDir) =>
      `--- ${keyDir}/node.log\n${(await readFile(path.join(keyDir, 'node.log'), 'utf8').catch(() => '(none)')).split('\n').slice(-15).join('\n')}`))).join('\n')
    await Promise.all(keyDirs.map(async (keyDir, i) => {
      const other = peerIds[1 - i] ?? ''
      await waitFor(`node ${i} to meet the other through mDNS`, 30_000, async () => {
        const book = JSON.parse(await readFile(path.join(keyDir, 'peers.json'), 'utf8')) as Array<{ peerId: string, addrs: string[] }>
        const entry = book.find((peer) => peer.peerId === other)
        if (entry === undefined) return undefined
        assert.ok(entry.addrs.some((address) => address.startsWith(`/ip4/${ends[1 - i]?.address ?? ''}/tcp/7600`)), JSON.stringify(entry))
        return true
      }, 200).catch(async (err: unknown) => { throw new Error(`${String(err)}\n${await logs()}`) })
    }))
    process.stdout.write(`      (both nodes met ${Date.now() - started} ms after start)\n`)
  })
})
