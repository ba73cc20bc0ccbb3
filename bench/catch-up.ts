// Catch-up of a fresh node (issue: "a fresh node joins a running 3-node network through
// --network with 100,000 entries of history, some compacted into a snapshot, and catches
// up"; target: under 10 s).
//
//   node dist/bench/catch-up.js [--entries 100000] [--clients 64] [--dir DIR] [--json]
//
// Starts `blackhole mesh --nodes 3` with a snapshot every 1,000 log entries, writes
// `--entries` distinct keys (200-byte values) through all three nodes while sampling the
// nodes' RSS, then starts `blackhole node --network <mesh>/network.json` on a fresh data
// directory and times it: process start to API up, then API up to having applied
// everything the leader had committed. It joins as a learner and is sent the leader's
// snapshot, then the log after it. Every process it started is stopped before it returns.
//
// Concurrent writes share log entries (the mempool batches them: 64 clients put 10-20 in
// each), so 100,000 writes make a few thousand entries; the genesis default of a snapshot
// every 10,000 entries would leave them all in the log, and the snapshot path untried.

import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Proc, counter, start, status, stop, until } from './processes.js'
import { freePort, freePortRange } from '../src/mesh/ports.js'
import { preload } from './kv-client.js'

const NODES = 3
const SNAPSHOT_EVERY = 1000

export interface CatchUpOptions {
  readonly entries: number
  readonly clients?: number
  /** Where the mesh and the fresh node keep their data; removed afterwards when the bench made it. */
  readonly dir?: string
  readonly log?: (line: string) => void
  /** Told the pid of each process started, so a test can make sure they are gone. */
  readonly onSpawn?: (pid: number) => void
  /** Runs once the fresh node has caught up, before anything stops (the e2e test's checks). */
  readonly check?: (result: CatchUpResult) => Promise<void>
}

export interface CatchUpResult {
  readonly written: number
  readonly writeSeconds: number
  /** The leader's commit index when the fresh node started: what it had to catch up to. */
  readonly target: number
  /** Process start to its API answering. */
  readonly startSeconds: number
  /** API up to having applied `target`. */
  readonly catchUpSeconds: number
  readonly snapshotsInstalled: number
  readonly snapshotBytes: number
  /** Largest RSS of a mesh node sampled while the entries were written. */
  readonly meshPeakRssBytes: number
  readonly freshRssBytes: number
  readonly freshRole: string
  readonly freshApi: string
  readonly leaderApi: string
}

/** Runs the whole measurement; throws (after stopping everything) if a step does not happen. */
export async function measureCatchUp (options: CatchUpOptions): Promise<CatchUpResult> {
  const log = options.log ?? (() => {})
  const dir = options.dir ?? await mkdtemp(path.join(tmpdir(), 'bh-catch-up-'))
  let mesh: Proc | undefined
  let fresh: Proc | undefined
  try {
    const apiPort = await freePortRange(NODES)
    const apis = Array.from({ length: NODES }, (_, i) => `http://127.0.0.1:${apiPort + i}`)
    mesh = start(['mesh', '--nodes', String(NODES), '--dir', path.join(dir, 'mesh'), '--api-port', String(apiPort), '--param', `snapshotEvery=${SNAPSHOT_EVERY}`, '--log-level', 'warn'], options.onSpawn)
    const leaderApi = await until('the mesh to elect a leader', 60_000, async () => {
      const all = await Promise.all(apis.map(status))
      const leader = all[0]?.leader
      if (leader == null || !all.every((s) => s?.leader === leader)) return undefined
      return apis[all.findIndex((s) => s?.peerId === leader)]
    })
    log(`mesh up, leader ${leaderApi}; writing ${options.entries} entries`)

    let peakRss = 0
    let writing = true
    const sampler = (async () => {
      while (writing) {
        for (const s of await Promise.all(apis.map(status))) peakRss = Math.max(peakRss, s?.rssBytes ?? 0)
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
    })()
    const writeStart = performance.now()
    const loaded = await preload({ target: 'blackhole', endpoints: apis, keys: options.entries, keyPrefix: 'catch-up-', valueSize: 200, clients: options.clients ?? 64, timeoutMs: 30_000 })
    const writeSeconds = (performance.now() - writeStart) / 1000
    writing = false
    await sampler
    if (loaded.written !== options.entries) throw new Error(`only ${loaded.written} of ${options.entries} writes succeeded: ${JSON.stringify(loaded.errorsByCode)}`)
    const target = (await status(leaderApi))?.commitIndex ?? 0
    log(`${loaded.written} written in ${writeSeconds.toFixed(1)} s; leader commit index ${target}`)

    const freshApi = `http://127.0.0.1:${await freePort()}`
    const startedAt = performance.now()
    fresh = start(['node', '--data-dir', path.join(dir, 'node-fresh'), '--network', path.join(dir, 'mesh', 'network.json'), '--api', freshApi.slice('http://'.length), '--log-level', 'warn'], options.onSpawn)
    await until('the fresh node\'s API', 30_000, async () => await status(freshApi))
    const apiUpAt = performance.now()
    const caughtUp = await until(`the fresh node to apply up to ${target}`, 120_000, async () => {
      const s = await status(freshApi)
      return s !== undefined && s.appliedIndex >= target ? s : undefined
    })
    const doneAt = performance.now()
    const result: CatchUpResult = {
      written: loaded.written,
      writeSeconds,
      target,
      startSeconds: (apiUpAt - startedAt) / 1000,
      catchUpSeconds: (doneAt - apiUpAt) / 1000,
      snapshotsInstalled: await counter(freshApi, 'blackhole_snapshot_transfers_total', 'outcome="installed"'),
      snapshotBytes: await counter(freshApi, 'blackhole_snapshot_bytes_total', 'direction="received"'),
      meshPeakRssBytes: peakRss,
      freshRssBytes: caughtUp.rssBytes,
      freshRole: caughtUp.role,
      freshApi,
      leaderApi
    }
    await options.check?.(result)
    return result
  } catch (error) {
    if (fresh !== undefined) log(`fresh node output:\n${fresh.output}`)
    if (mesh !== undefined) log(`mesh output:\n${mesh.output}`)
    throw error
  } finally {
    await stop(fresh)
    await stop(mesh)
    if (options.dir === undefined) await rm(dir, { recursive: true, force: true, maxRetries: 5 })
  }
}

function describe (result: CatchUpResult): string {
  const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`
  return [
    `machine: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
    `history: ${result.written} puts in ${result.writeSeconds.toFixed(1)} s (${(result.written / result.writeSeconds).toFixed(0)}/s), leader commit index ${result.target}`,
    `mesh node peak RSS while writing: ${mb(result.meshPeakRssBytes)}`,
    `fresh node: API up ${result.startSeconds.toFixed(2)} s after start, caught up ${result.catchUpSeconds.toFixed(2)} s later ` +
      `(${(result.startSeconds + result.catchUpSeconds).toFixed(2)} s in all); ${result.snapshotsInstalled} snapshot(s) installed, ${mb(result.snapshotBytes)} received; RSS ${mb(result.freshRssBytes)}; role ${result.freshRole}`
  ].join('\n')
}

async function main (argv: string[]): Promise<number> {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag)
    return at === -1 ? undefined : argv[at + 1]
  }
  const entries = Number(value('--entries') ?? 100_000)
  const clients = Number(value('--clients') ?? 64)
  if (!Number.isSafeInteger(entries) || entries < 1 || !Number.isSafeInteger(clients) || clients < 1) {
    process.stderr.write('usage: catch-up.js [--entries N] [--clients N] [--dir DIR] [--json]\n')
    return 2
  }
  const dir = value('--dir')
  const result = await measureCatchUp({ entries, clients, ...(dir !== undefined ? { dir } : {}), log: (line) => { process.stderr.write(line + '\n') } })
  process.stdout.write(argv.includes('--json') ? JSON.stringify(result) + '\n' : describe(result) + '\n')
  return 0
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2))
}
