// `blackhole mesh`: a local network of N node processes on 127.0.0.1.
//
// The mesh writes keys, a genesis and a network file under --dir, starts node 0 and
// gives every other node only node 0's address: they find each other through the DHT.
// It restarts a node that dies (exponential backoff), shows a live table on a terminal
// and stops every node on SIGINT/SIGTERM within 5 s.
//
// No orphans: each node runs in its own process group (so a Ctrl-C reaches only the
// mesh, which then stops them in order) and holds an IPC channel to the mesh; a node
// whose channel closes (the mesh died, even by SIGKILL) shuts itself down.

import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import net from 'node:net'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { buildGenesis } from '../config/build-genesis.js'
import { type Genesis, type ProtocolName, canonicalJson, genesisHash } from '../config/genesis.js'
import type { NetworkFile } from '../config/network.js'
import { writeIdentity } from '../net/identity.js'
import type { NodeStatus } from '../node/view.js'
import { freePort, isPortFree } from './ports.js'
import { type MeshRow, type NodeState, describeChange, renderTable } from './table.js'

export interface MeshOptions {
  readonly nodes: number
  readonly protocol: ProtocolName
  readonly dir: string
  readonly apiPort: number
  readonly restart: boolean
  readonly fresh: boolean
  readonly logLevel: string
  readonly params: Record<string, number | boolean | string>
  /** TESTING ONLY: node `node` runs as a Byzantine PBFT replica of this mode (BLACKHOLE_TEST_BYZANTINE). */
  readonly testByzantine?: { readonly node: number, readonly mode: string }
  /** Terminal output; defaults to stdout. */
  readonly out?: NodeJS.WriteStream
}

interface MeshLayout {
  readonly genesis: Genesis
  readonly peerIds: readonly string[]
}

interface MeshNode {
  readonly index: number
  readonly name: string
  readonly dataDir: string
  readonly p2pPort: number
  readonly apiPort: number
  readonly peerId: string
  child: ChildProcess | undefined
  state: NodeState
  restarts: number
  /** Consecutive quick failures: drives the backoff. */
  failures: number
  startedAt: number
  restartTimer: NodeJS.Timeout | undefined
  status: NodeStatus | undefined
  previousHeight: { height: number, at: number } | undefined
  commitsPerSecond: number
}

/**
 * V8 flags for the mesh's node processes. A mesh packs N nodes on one machine, so they
 * run memory-lean: a 2 MB young generation and --optimize-for-size keep an idle node at
 * about 112 MB RSS (V8's defaults: 162-176 MB). That costs throughput (puts at 64
 * connections: about 1,500/s against 2,200/s), so `blackhole node` runs the throughput
 * profile (bin/blackhole: --max-semi-space-size=32) and benchmarks set BLACKHOLE_NODE_FLAGS
 * to it (bench/vs-etcd.sh, bench/bft-vs-raft.ts).
 */
const NODE_RUNTIME_FLAGS = (process.env.BLACKHOLE_NODE_FLAGS ?? '--max-semi-space-size=2 --optimize-for-size').split(/\s+/).filter((flag) => flag !== '')
const STOP_GRACE_MS = 4000
const FIRST_NODE_WAIT_MS = 10_000
const POLL_MS = 1000
const STABLE_AFTER_MS = 30_000

/** Path of the compiled CLI entry point, run by each node process. */
function cliEntry (): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/blackhole.js')
}

export async function runMesh (options: MeshOptions): Promise<number> {
  const out = options.out ?? process.stdout
  const interactive = out.isTTY === true
  const log = (line: string): void => { if (!interactive) out.write(`${new Date().toISOString()} mesh ${line}\n`) }

  if (!Number.isInteger(options.nodes) || options.nodes < 1 || options.nodes > 64) throw new MeshError('--nodes must be an integer from 1 to 64')
  if (!Number.isInteger(options.apiPort) || options.apiPort < 1 || options.apiPort + options.nodes > 65535) throw new MeshError('--api-port out of range')
  for (let i = 0; i < options.nodes; i++) {
    if (!(await isPortFree(options.apiPort + i))) {
      throw new MeshError(`port ${options.apiPort + i} on 127.0.0.1 is in use (another mesh running?); choose another --api-port`)
    }
  }

  const layout = await prepareLayout(options)
  const nodes: MeshNode[] = []
  for (let i = 0; i < options.nodes; i++) {
    nodes.push({
      index: i,
      name: `node${i}`,
      dataDir: path.join(options.dir, `node${i}`),
      p2pPort: await freePort(),
      apiPort: options.apiPort + i,
      peerId: layout.peerIds[i] ?? '',
      child: undefined,
      state: 'starting',
      restarts: 0,
      failures: 0,
      startedAt: 0,
      restartTimer: undefined,
      status: undefined,
      previousHeight: undefined,
      commitsPerSecond: 0
    })
  }
  const first = nodes[0]
  if (first === undefined) throw new MeshError('no nodes')
  const network: NetworkFile = {
    name: layout.genesis.chainId,
    genesis: layout.genesis,
    bootstrap: [`/ip4/127.0.0.1/tcp/${first.p2pPort}/p2p/${first.peerId}`]
  }
  const networkFile = path.join(options.dir, 'network.json')
  await writeFile(networkFile, JSON.stringify(network, null, 2) + '\n')
  log(`network ${network.name} (${options.protocol}, ${options.nodes} nodes) written to ${networkFile}`)
  log(`join it from another terminal: blackhole node --data-dir DIR --network ${networkFile}`)

  let stopping = false
  const rows = new Map<string, MeshRow>()

  const start = (node: MeshNode): void => {
    node.restartTimer = undefined
    const args = [
      cliEntry(), 'node',
      '--data-dir', node.dataDir,
      '--network', networkFile,
      '--listen', `/ip4/127.0.0.1/tcp/${node.p2pPort}`,
      '--api', `127.0.0.1:${node.apiPort}`,
      '--log-level', options.logLevel
    ]
    const child = spawn(process.execPath, [...NODE_RUNTIME_FLAGS, ...args], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      detached: true,
      env: {
        ...process.env,
        MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
        ...(options.testByzantine?.node === node.index ? { BLACKHOLE_TEST_BYZANTINE: options.testByzantine.mode } : {})
      }
    })
    node.child = child
    node.state = 'running'
    node.startedAt = Date.now()
    // Node logs go to <data-dir>/node.log; forward only warnings and errors here.
    for (const stream of [child.stdout, child.stderr]) {
      if (stream === null) continue
      createInterface({ input: stream }).on('line', (line) => { forwardLogLine(node.name, line, log) })
    }
    child.once('exit', (code, signal) => {
      node.child = undefined
      node.status = undefined
      if (stopping) { node.state = 'exited'; return }
      const uptime = Date.now() - node.startedAt
      node.failures = uptime > STABLE_AFTER_MS ? 1 : node.failures + 1
      log(`${node.name} exited (${signal ?? `code ${code}`}) after ${(uptime / 1000).toFixed(1)} s`)
      if (!options.restart) { node.state = 'exited'; return }
      const delay = Math.min(500 * 2 ** (node.failures - 1), 10_000)
      node.state = 'restarting'
      node.restarts++
      log(`${node.name} restarting in ${delay} ms`)
      node.restartTimer = setTimeout(() => { start(node) }, delay)
    })
  }

  // Node 0 first: the others know only its address, and a bootstrap dial that fails
  // because node 0 is not listening yet backs off for seconds.
  start(first)
  await waitForListener(first.p2pPort, FIRST_NODE_WAIT_MS)
  for (const node of nodes.slice(1)) start(node)

  const poll = async (): Promise<void> => {
    await Promise.all(nodes.map(async (node) => { await pollNode(node) }))
    const current = nodes.map(toRow)
    if (interactive) {
      out.write('\x1b[H\x1b[2J' + renderTable(`Blackhole mesh: ${network.name}, ${options.protocol}, ${options.nodes} nodes, dir ${options.dir}`, current) + '\n')
    } else {
      for (const row of current) {
        for (const line of describeChange(rows.get(row.name), row)) log(line)
      }
    }
    for (const row of current) rows.set(row.name, row)
  }
  let polling = false
  const pollTimer = setInterval(() => {
    if (polling) return
    polling = true
    poll().catch(() => {}).finally(() => { polling = false })
  }, POLL_MS)

  const stopped = Promise.withResolvers<number>()
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    log(`${signal}: stopping ${nodes.length} nodes`)
    clearInterval(pollTimer)
    stopAll(nodes).then(() => {
      log('all nodes stopped')
      stopped.resolve(0)
    }, (err: unknown) => {
      out.write(`mesh: stop failed: ${String(err)}\n`)
      stopped.resolve(1)
    })
  }
  process.once('SIGINT', () => { stop('SIGINT') })
  process.once('SIGTERM', () => { stop('SIGTERM') })
  process.once('SIGHUP', () => { stop('SIGHUP') })
  return await stopped.promise
}

/** Resolves once 127.0.0.1:port accepts a connection, or after `timeoutMs` (the others then start anyway). */
async function waitForListener (port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const accepted = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => { socket.destroy(); resolve(true) })
      socket.once('error', () => { socket.destroy(); resolve(false) })
    })
    if (accepted) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export class MeshError extends Error {
  readonly code = 'BAD_MESH_OPTIONS'
}

function forwardLogLine (name: string, line: string, log: (line: string) => void): void {
  try {
    const entry = JSON.parse(line) as { level?: number, msg?: string }
    // pino levels: 40 warn, 50 error, 60 fatal.
    if ((entry.level ?? 0) >= 40) log(`${name} ${entry.level === 40 ? 'warn' : 'error'}: ${entry.msg ?? line}`)
  } catch {
    log(`${name}: ${line}`)
  }
}

async function pollNode (node: MeshNode): Promise<void> {
  if (node.child === undefined) return
  try {
    const response = await fetch(`http://127.0.0.1:${node.apiPort}/status`, { signal: AbortSignal.timeout(800) })
    if (!response.ok) return
    const status = await response.json() as NodeStatus
    const now = Date.now()
    if (node.previousHeight !== undefined && now > node.previousHeight.at) {
      node.commitsPerSecond = Math.max(0, (status.commitIndex - node.previousHeight.height) * 1000 / (now - node.previousHeight.at))
    }
    node.previousHeight = { height: status.commitIndex, at: now }
    node.status = status
  } catch {
    // Not up yet, or busy: the row keeps its last values.
  }
}

function toRow (node: MeshNode): MeshRow {
  const status = node.status
  return {
    name: node.name,
    state: node.state,
    pid: node.child?.pid,
    apiUrl: `http://127.0.0.1:${node.apiPort}`,
    peerId: node.peerId,
    role: status?.role ?? '-',
    term: status?.term ?? 0,
    leader: status?.leader ?? null,
    peers: status?.peers.length ?? 0,
    height: status?.commitIndex ?? 0,
    commitsPerSecond: node.commitsPerSecond,
    eventLoopLagMs: status?.eventLoopLagMs ?? 0,
    rssMb: (status?.rssBytes ?? 0) / 1e6,
    restarts: node.restarts
  }
}

/** SIGTERM every node, wait for them, SIGKILL whatever is left after the grace period. */
async function stopAll (nodes: readonly MeshNode[]): Promise<void> {
  const exits: Array<Promise<void>> = []
  for (const node of nodes) {
    if (node.restartTimer !== undefined) clearTimeout(node.restartTimer)
    node.state = 'stopping'
    const child = node.child
    if (child?.pid === undefined) continue
    exits.push(new Promise((resolve) => { child.once('exit', () => { resolve() }) }))
    child.kill('SIGTERM')
  }
  const grace = setTimeout(() => {
    for (const node of nodes) node.child?.kill('SIGKILL')
  }, STOP_GRACE_MS)
  await Promise.all(exits)
  clearTimeout(grace)
}

interface SavedMesh {
  readonly nodes: number
  readonly protocol: ProtocolName
  readonly genesisHash: string
}

/** Keys and genesis: kept from an earlier run with the same shape, made anew otherwise. */
async function prepareLayout (options: MeshOptions): Promise<MeshLayout> {
  const savedFile = path.join(options.dir, 'mesh.json')
  const genesisFile = path.join(options.dir, 'genesis.json')
  if (options.fresh) await rm(options.dir, { recursive: true, force: true })
  if (existsSync(savedFile) && existsSync(genesisFile)) {
    const saved = JSON.parse(await readFile(savedFile, 'utf8')) as SavedMesh
    const genesis = JSON.parse(await readFile(genesisFile, 'utf8')) as Genesis
    const sameShape = saved.nodes === options.nodes && saved.protocol === options.protocol && Object.keys(options.params).length === 0
    if (sameShape && genesisHash(genesis) === saved.genesisHash) {
      return { genesis, peerIds: genesis.validators.map((validator) => validator.peerId) }
    }
    throw new MeshError(`${options.dir} holds a ${saved.nodes}-node ${saved.protocol} mesh; use --fresh to replace it, or another --dir`)
  }
  await mkdir(options.dir, { recursive: true })
  const keyDirs: string[] = []
  for (let i = 0; i < options.nodes; i++) {
    const dataDir = path.join(options.dir, `node${i}`)
    await writeIdentity(dataDir)
    keyDirs.push(dataDir)
  }
  const chainId = `mesh-${Date.now().toString(36)}`
  const genesis = await buildGenesis({ protocol: options.protocol, keyDirs, params: options.params, chainId })
  await writeFile(genesisFile, JSON.stringify(genesis, null, 2) + '\n')
  const saved: SavedMesh = { nodes: options.nodes, protocol: options.protocol, genesisHash: genesisHash(genesis) }
  await writeFile(savedFile, canonicalJson(saved) + '\n')
  return { genesis, peerIds: genesis.validators.map((validator) => validator.peerId) }
}
