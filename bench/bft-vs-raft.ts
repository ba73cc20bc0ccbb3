// PBFT beside Raft on this machine (issue 6, "Speed"): a 3-node Raft mesh and a 4-node PBFT
// mesh, one after the other, each driven by the same client (bench/kv.js's runLoad) with 64
// closed-loop clients of 200-byte puts; then the PBFT primary is killed with SIGKILL and the
// time until the survivors are in a new view, and until a write is acknowledged, is measured.
//
//   node dist/bench/bft-vs-raft.js [--clients 64] [--duration 10] [--rounds 3] [--json]
//
// The machine's speed drifts by 15 % and more from minute to minute (a shared 2-core VM), so
// one pair of runs can land anywhere from 0.35x to 0.5x. Each round is a fresh pair, in the
// order raft, pbft, then pbft, raft (so drift favours neither), and the figure reported is the
// median of the rounds' ratios, with every round shown.
//
// Both meshes run the node's throughput profile with single-threaded GC, as vs-etcd.sh does (the
// nodes share the machine's cores; see there), unless
// BLACKHOLE_NODE_FLAGS is set. Every process started is stopped before it exits.

import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePortRange } from '../src/mesh/ports.js'
import { type LoadResult, preload, runLoad } from './kv-client.js'
import { type Proc, start, status, stop, until } from './processes.js'

interface MeshRun {
  readonly round: number
  readonly protocol: 'raft' | 'pbft'
  readonly nodes: number
  readonly load: LoadResult
  /** PBFT only: SIGKILL of the primary to the survivors' new view, and to the first acknowledged write. */
  readonly viewChange?: { readonly newViewMs: number, readonly firstWriteMs: number }
}

async function runMesh (round: number, protocol: 'raft' | 'pbft', nodes: number, clients: number, durationSeconds: number, log: (line: string) => void): Promise<MeshRun> {
  const dir = await mkdtemp(path.join(tmpdir(), `bh-${protocol}-bench-`))
  let mesh: Proc | undefined
  try {
    const apiPort = await freePortRange(nodes)
    const apis = Array.from({ length: nodes }, (_, i) => `http://127.0.0.1:${apiPort + i}`)
    mesh = start(['mesh', '--nodes', String(nodes), '--protocol', protocol, '--dir', dir, '--api-port', String(apiPort), '--no-restart', '--log-level', 'warn'], undefined)
    await until(`the ${protocol} mesh to connect and agree on a leader`, 60_000, async () => {
      const all = await Promise.all(apis.map(status))
      const leader = all[0]?.leader
      return leader != null && all.every((s) => s?.leader === leader && s.peers.length === nodes - 1) ? true : undefined
    })
    log(`round ${round}, ${protocol}: ${nodes} nodes up; preloading`)
    await preload({ target: 'blackhole', endpoints: apis, keys: 10_000, valueSize: 200, clients })
    const load = await runLoad({ target: 'blackhole', endpoints: apis, clients, durationSeconds, warmupSeconds: 1, op: 'put', valueSize: 200, keys: 10_000 })
    log(`round ${round}, ${protocol}: ${Math.round(load.opsPerSecond)} puts/s`)
    if (protocol === 'raft') return { round, protocol, nodes, load }

    const before = await Promise.all(apis.map(status))
    const view = before[0]?.term ?? 0
    const primary = before.findIndex((s) => s?.peerId === s?.leader)
    if (primary < 0) throw new Error('no primary found')
    const pid = (JSON.parse(await readFile(path.join(dir, `node${primary}`, 'node.json'), 'utf8')) as { pid: number }).pid
    const survivors = apis.filter((_, i) => i !== primary)
    const killedAt = performance.now()
    process.kill(pid, 'SIGKILL')
    const write = (async () => {
      let attempt = 0
      await until('a write after the primary was killed', 30_000, async () => {
        const response = await fetch(`${survivors[0]}/v1/kv/after-view-change`, {
          method: 'PUT', body: 'x', headers: { 'x-client-id': 'view-change-probe', 'x-request-seq': '1' }, signal: AbortSignal.timeout(5000)
        }).catch(() => undefined)
        attempt++
        return response?.ok === true ? attempt : undefined
      }, 20)
      return performance.now() - killedAt
    })()
    await until('the survivors to enter a new view', 30_000, async () => {
      const all = await Promise.all(survivors.map(status))
      return all.every((s) => s !== undefined && s.term > view && s.role !== 'replica') ? true : undefined
    }, 20)
    const newViewMs = performance.now() - killedAt
    return { round, protocol, nodes, load, viewChange: { newViewMs, firstWriteMs: await write } }
  } catch (error) {
    if (mesh !== undefined) log(`mesh output:\n${mesh.output}`)
    throw error
  } finally {
    await stop(mesh)
    await rm(dir, { recursive: true, force: true, maxRetries: 5 })
  }
}

function median (values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function describe (runs: readonly MeshRun[]): string {
  const row = (run: MeshRun): string => {
    const { load } = run
    return `${String(run.round).padStart(5)}  ${run.protocol.padEnd(5)} ${String(run.nodes).padStart(5)}  ${Math.round(load.opsPerSecond).toLocaleString('en-US').padStart(8)}  ${load.latencyMs.p50.toFixed(1).padStart(6)}  ${load.latencyMs.p99.toFixed(1).padStart(6)}  ${String(load.errors).padStart(6)}`
  }
  const first = runs[0]
  const lines = [
    `machine: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${first?.load.clients ?? 0} clients of 200-byte puts, ${first?.load.seconds.toFixed(0) ?? 0} s each`,
    'round  proto nodes     puts/s  p50 ms  p99 ms  errors',
    ...runs.map(row)
  ]
  const rounds = [...new Set(runs.map((run) => run.round))]
  const ratios = rounds.flatMap((round) => {
    const raft = runs.find((run) => run.round === round && run.protocol === 'raft')
    const pbft = runs.find((run) => run.round === round && run.protocol === 'pbft')
    return raft !== undefined && pbft !== undefined ? [pbft.load.opsPerSecond / raft.load.opsPerSecond] : []
  })
  if (ratios.length > 0) lines.push(`pbft/raft throughput: ${median(ratios).toFixed(2)}x (median of ${ratios.map((r) => `${r.toFixed(2)}x`).join(', ')})`)
  const viewChanges = runs.flatMap((run) => run.viewChange !== undefined ? [run.viewChange] : [])
  if (viewChanges.length > 0) {
    lines.push(`pbft primary killed: new view on the survivors after ${viewChanges.map((v) => Math.round(v.newViewMs)).join(', ')} ms; first write acknowledged after ${viewChanges.map((v) => Math.round(v.firstWriteMs)).join(', ')} ms`)
  }
  return lines.join('\n')
}

async function main (argv: string[]): Promise<number> {
  const value = (flag: string, fallback: number): number => {
    const at = argv.indexOf(flag)
    return at === -1 ? fallback : Number(argv[at + 1])
  }
  const clients = value('--clients', 64)
  const duration = value('--duration', 10)
  const rounds = value('--rounds', 3)
  if (!Number.isSafeInteger(clients) || clients < 1 || !(duration > 0) || !Number.isSafeInteger(rounds) || rounds < 1) {
    process.stderr.write('usage: bft-vs-raft.js [--clients 64] [--duration 10] [--rounds 3] [--json]\n')
    return 2
  }
  process.env.BLACKHOLE_NODE_FLAGS ??= '--max-semi-space-size=32 --single-threaded-gc'
  const log = (line: string): void => { process.stderr.write(line + '\n') }
  const runs: MeshRun[] = []
  for (let round = 1; round <= rounds; round++) {
    const order = round % 2 === 1 ? (['raft', 'pbft'] as const) : (['pbft', 'raft'] as const)
    for (const protocol of order) runs.push(await runMesh(round, protocol, protocol === 'raft' ? 3 : 4, clients, duration, log))
  }
  process.stdout.write(argv.includes('--json') ? JSON.stringify(runs) + '\n' : describe(runs) + '\n')
  return 0
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2))
}
