// Simulator speed, and the KV codec choice. `npm run build && node dist/bench/sim.js [--quick]`
//
// 1. Codec: the binary request codec against JSON (values base64) on the simulator's workload.
// 2. One core: deliveries per second of a 5-node Raft cluster under the happy scenario, in this
//    thread (wall clock and CPU time both shown: on a shared machine CPU time is the steadier).
// 3. A sweep: 1000 seeds of `combined`, one virtual minute each, over worker threads.

import { decodeRequest, encodeRequest } from '../src/app/kv-codec.js'
import type { KvRequest } from '../src/app/kv-ops.js'
import { simProtocol } from '../src/sim/protocols.js'
import { SimRng } from '../src/sim/rng.js'
import { defaultJobs, runSweep } from '../src/sim/sweep.js'
import { ClientView, DEFAULT_WORKLOAD, planOperation } from '../src/sim/workload.js'

const quick = process.argv.includes('--quick')
const SECOND = 1_000_000
const out = (line: string): void => {
  process.stdout.write(`${line}\n`)
}
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US')

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

// ---------------------------------------------------------------------------------------------
// 1. Codec

function benchCodec(): void {
  const rng = new SimRng(1)
  const view = new ClientView()
  const requests: KvRequest[] = []
  for (let i = 0; i < 5000; i++) {
    const planned = planOperation(rng, DEFAULT_WORKLOAD, view, i)
    requests.push({ session: { client: `c${i % 5}`, seq: i + 1 }, op: planned.op })
  }
  const textEncoder = new TextEncoder()
  const textDecoder = new TextDecoder()
  const jsonEncode = (request: KvRequest): Uint8Array =>
    textEncoder.encode(JSON.stringify(request, (_key, value: unknown) => (value instanceof Uint8Array ? { $b: Buffer.from(value).toString('base64') } : value)))
  const jsonDecode = (bytes: Uint8Array): KvRequest =>
    JSON.parse(textDecoder.decode(bytes), (_key, value: unknown) =>
      typeof value === 'object' && value !== null && '$b' in value ? new Uint8Array(Buffer.from((value as { $b: string }).$b, 'base64')) : value
    ) as KvRequest

  const measure = (label: string, encode: (r: KvRequest) => Uint8Array, decode: (b: Uint8Array) => unknown): void => {
    const encoded = requests.map(encode)
    const rounds = quick ? 10 : 40
    for (let r = 0; r < 3; r++) for (const request of requests) encode(request) // warm up
    let started = performance.now()
    for (let r = 0; r < rounds; r++) for (const request of requests) encode(request)
    const encodeUs = ((performance.now() - started) * 1000) / (rounds * requests.length)
    for (let r = 0; r < 3; r++) for (const bytes of encoded) decode(bytes)
    started = performance.now()
    for (let r = 0; r < rounds; r++) for (const bytes of encoded) decode(bytes)
    const decodeUs = ((performance.now() - started) * 1000) / (rounds * encoded.length)
    const bytes = encoded.reduce((n, b) => n + b.length, 0) / encoded.length
    out(`  ${label.padEnd(8)} encode ${encodeUs.toFixed(2)} µs  decode ${decodeUs.toFixed(2)} µs  ${bytes.toFixed(1)} bytes per request`)
  }
  out('KV request codec (the simulator workload, 5000 requests):')
  measure('binary', encodeRequest, decodeRequest)
  measure('json', jsonEncode, jsonDecode)
}

// ---------------------------------------------------------------------------------------------
// 2. One core

function benchOneCore(): void {
  const raft = simProtocol('raft')!
  const seeds = quick ? 5 : 20
  for (let seed = 1000; seed < 1003; seed++) raft.simulate({ scenario: 'happy', seed, durationUs: 10 * SECOND }) // JIT warm-up
  let deliveries = 0
  let events = 0
  let virtualUs = 0
  let simMs = 0
  const cpu = process.cpuUsage()
  const started = performance.now()
  for (let seed = 1; seed <= seeds; seed++) {
    const report = raft.simulate({ scenario: 'happy', seed, durationUs: 60 * SECOND })
    if (!report.ok) throw new Error(`happy seed ${seed} failed: ${JSON.stringify(report.failures)}`)
    deliveries += report.stats.deliveries
    events += report.stats.events
    virtualUs += report.stats.virtualUs
    simMs += report.stats.wallMs
  }
  const wallMs = performance.now() - started
  const cpuTotal = cpuMs(cpu)
  out(`one core, raft, 5 nodes, happy, ${seeds} seeds x 60 virtual s:`)
  out(`  ${fmt(deliveries)} deliveries, ${fmt(events)} events in ${(wallMs / 1000).toFixed(2)} s wall (${(cpuTotal / 1000).toFixed(2)} s CPU), checks included`)
  out(`  ${fmt(deliveries / (simMs / 1000))} deliveries/s simulating (checks excluded), ${fmt(deliveries / (wallMs / 1000))} deliveries/s overall, ${fmt(deliveries / (cpuTotal / 1000))} per CPU second`)
  out(`  ${(virtualUs / SECOND / (wallMs / 1000)).toFixed(0)} virtual s per wall s`)
}

// ---------------------------------------------------------------------------------------------
// 3. Sweep

async function benchSweep(): Promise<void> {
  const seeds = quick ? 100 : 1000
  const jobs = defaultJobs(seeds)
  const cpu = process.cpuUsage()
  const started = performance.now()
  const reports = await runSweep({ protocol: 'raft', scenario: 'combined', durationUs: 60 * SECOND }, Array.from({ length: seeds }, (_, i) => i + 1), jobs)
  const wallMs = performance.now() - started
  const failed = reports.filter((r) => !r.ok)
  const deliveries = reports.reduce((n, r) => n + r.stats.deliveries, 0)
  const virtualS = reports.reduce((n, r) => n + r.stats.virtualUs, 0) / SECOND
  out(`sweep, raft, combined, ${seeds} seeds x 60 virtual s on ${jobs} worker threads:`)
  out(`  ${(wallMs / 1000).toFixed(1)} s wall (target < 120 s for 1000 seeds), ${failed.length} failed; process CPU (all threads) ${(cpuMs(cpu) / 1000).toFixed(1)} s`)
  out(`  ${fmt(deliveries)} deliveries: ${fmt(deliveries / (wallMs / 1000))} deliveries/s, ${fmt(virtualS / (wallMs / 1000))} virtual s per wall s`)
  if (failed.length > 0) process.exitCode = 1
}

benchCodec()
benchOneCore()
await benchSweep()
