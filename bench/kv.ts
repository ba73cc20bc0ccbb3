// Key-value bench: N concurrent closed-loop clients doing puts and gets against a running
// network (Blackhole's HTTP API or etcd's v3 JSON gateway), printing throughput and
// latency percentiles. See bench/README.md.
//
//   node dist/bench/kv.js --target blackhole|etcd --endpoints URL,URL,... [--clients 64]
//        [--duration 10 | --count N] [--warmup 1] [--op put|get|mixed] [--get-ratio 0.5]
//        [--value-size 200] [--keys 10000] [--key-prefix bench-] [--preload | --preload-only]
//        [--consistency linearizable|stale] [--transport raw|http|fetch] [--timeout-ms 10000]
//        [--seed 1] [--json]
//   node dist/bench/kv.js --against-stub canned|store [...]   the client's ceiling: the same
//                                                  load against a stub server in a child process
//                                                  (canned: node:net, fixed answers, the cheapest;
//                                                  store: node:http over an in-memory map)
//   node dist/bench/kv.js --probe --target T --endpoints ...    one put and get per endpoint;
//                                                  exit 0 if the key-value API answers
//   node dist/bench/kv.js --table FILE             side-by-side table from --json lines

import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import {
  type Consistency, type LoadOptions, type LoadResult, type OpKind, type TargetKind, type TransportKind,
  benchValues, createKvClient, preload, retryingUnavailable, runLoad
} from './kv-client.js'

const USAGE = 'usage: kv.js --target blackhole|etcd --endpoints URL,... [--clients N] [--duration S | --count N] [--op put|get|mixed] [--value-size B] [--keys K] [--preload] [--json]; or kv.js --table FILE; see bench/README.md'

export class UsageError extends Error {}

function oneOf<T extends string> (flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not ${value}`)
  return value as T
}

function positive (flag: string, value: string, integer = true): number {
  const number = Number(value)
  if (!Number.isFinite(number) || number < 0 || (integer && !Number.isInteger(number))) throw new UsageError(`${flag} must be a non-negative ${integer ? 'integer' : 'number'}, not ${value}`)
  return number
}

const ms = (value: number): string => value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)
const rate = (value: number): string => Math.round(value).toLocaleString('en-US')

/** The plain one-line result. */
export function describeResult (result: LoadResult, label: string = result.target): string {
  const l = result.latencyMs
  const errors = Object.entries(result.errorsByCode).sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code}: ${n}`).join(', ')
  const op = result.op === 'get' || result.op === 'mixed' ? `${result.op} (${result.consistency})` : result.op
  let line = `${label} ${op} clients=${result.clients} endpoints=${result.endpoints.length} value=${result.valueSize}B: ` +
    `${rate(result.opsPerSecond)} ops/s over ${result.seconds.toFixed(2)} s; latency ms p50 ${ms(l.p50)} p90 ${ms(l.p90)} p99 ${ms(l.p99)} max ${ms(l.max)}; ` +
    `ok ${result.ok}${result.notFound > 0 ? ` (not found ${result.notFound})` : ''}, errors ${result.errors}${errors !== '' ? ` (${errors})` : ''}; ` +
    `client cpu ${Math.round(result.clientCpu.utilization * 100)}% of a core, ${result.clientCpu.microsPerOp.toFixed(0)} µs/op`
  if (result.op === 'mixed') {
    for (const [name, stats] of Object.entries(result.byOp)) {
      line += `\n  ${name}: ok ${stats.ok}, errors ${stats.errors}, latency ms p50 ${ms(stats.latencyMs.p50)} p99 ${ms(stats.latencyMs.p99)}`
    }
  }
  return line
}

/** The middle value (the mean of the two middle ones for an even count). */
function median (values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

interface Summary { readonly opsPerSecond: number, readonly p50: number, readonly p99: number, readonly errors: number }

/**
 * Side-by-side table of etcd and blackhole results (JSON lines as --json prints them). Several
 * results for the same system, op and connection count (vs-etcd.sh --rounds) are summarised by
 * their medians, each figure on its own: this machine's speed drifts by 20 % within minutes, so
 * one run each says little, and alternated rounds meet the same drift.
 */
export function sideBySide (results: readonly LoadResult[]): string {
  const key = (r: LoadResult): string => `${r.op}|${r.clients}`
  const rows = new Map<string, { op: OpKind, clients: number, etcd: LoadResult[], blackhole: LoadResult[] }>()
  for (const result of results) {
    const row = rows.get(key(result)) ?? { op: result.op, clients: result.clients, etcd: [], blackhole: [] }
    row[result.target].push(result)
    rows.set(key(result), row)
  }
  const summary = (rs: readonly LoadResult[]): Summary | undefined => rs.length === 0
    ? undefined
    : { opsPerSecond: median(rs.map((r) => r.opsPerSecond)), p50: median(rs.map((r) => r.latencyMs.p50)), p99: median(rs.map((r) => r.latencyMs.p99)), errors: rs.reduce((sum, r) => sum + r.errors, 0) }
  const rounds = Math.max(0, ...[...rows.values()].flatMap((row) => [row.etcd.length, row.blackhole.length]))
  const header = ['op', 'conns', 'etcd ops/s', 'p50 ms', 'p99 ms', 'errors', 'blackhole ops/s', 'p50 ms', 'p99 ms', 'errors', 'ops/s bh/etcd', 'p99 bh/etcd']
  const lines: string[][] = [header]
  const cells = (s: Summary | undefined): string[] => s === undefined
    ? ['-', '-', '-', '-']
    : [rate(s.opsPerSecond), ms(s.p50), ms(s.p99), String(s.errors)]
  const ratio = (a: number | undefined, b: number | undefined): string => a === undefined || b === undefined || b === 0 || a === 0 ? '-' : `${(a / b).toFixed(2)}x`
  const order = (op: OpKind): number => ['put', 'get', 'mixed'].indexOf(op)
  for (const row of [...rows.values()].sort((a, b) => order(a.op) - order(b.op) || a.clients - b.clients)) {
    const etcd = summary(row.etcd)
    const blackhole = summary(row.blackhole)
    lines.push([row.op, String(row.clients), ...cells(etcd), ...cells(blackhole),
      ratio(blackhole?.opsPerSecond, etcd?.opsPerSecond), ratio(blackhole?.p99, etcd?.p99)])
  }
  const widths = header.map((_, c) => Math.max(...lines.map((line) => line[c]!.length)))
  const table = lines.map((line) => line.map((cell, c) => c < 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)).join('  ').trimEnd()).join('\n')
  return rounds > 1 ? `medians of ${rounds} rounds (errors: summed)\n${table}` : table
}

/** Starts the in-memory stub (bench/load/stub-server.js) in a child process; resolves to its URL and a stop. */
async function startStubProcess (kind: 'canned' | 'store'): Promise<{ url: string, stop: () => void }> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'load', 'stub-server.js')
  const child = spawn(process.execPath, [script, '--port', '0', '--stop-on-stdin-close', ...(kind === 'canned' ? ['--canned'] : [])], { stdio: ['pipe', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout })
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error('stub server did not start within 10 s')) }, 10_000)
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`stub server exited with ${String(code)}`)) })
    lines.on('line', (line) => {
      const match = /^listening (\d+)$/.exec(line)
      if (match !== null) { clearTimeout(timer); resolve(match[1]!) }
    })
  })
  return { url: `http://127.0.0.1:${port}`, stop: () => { child.kill('SIGTERM'); child.stdin.end() } }
}

/**
 * One put and one get through each endpoint; the first failure, or undefined. A 503 or
 * 429 (no leader yet, busy) is retried for up to `patienceMs`, as Retry-After asks.
 */
async function probe (target: TargetKind, endpoints: readonly string[], transport: TransportKind, timeoutMs: number, patienceMs = 10_000): Promise<string | undefined> {
  const value = benchValues(16)[0]!
  const deadline = Date.now() + patienceMs
  for (const endpoint of endpoints) {
    const client = createKvClient(target, endpoint, { transport, timeoutMs })
    try {
      const put = await retryingUnavailable(async () => await client.put('bench-probe', value), deadline)
      if (!put.ok) return `${endpoint}: put failed: ${put.error}`
      const get = await retryingUnavailable(async () => await client.get('bench-probe'), deadline)
      if (!get.ok) return `${endpoint}: get failed: ${get.error}`
      if (!get.found) return `${endpoint}: get did not find the key just written`
    } finally {
      client.close()
    }
  }
  return undefined
}

/**
 * The command line, for `node dist/bench/kv.js` and for a `blackhole bench` subcommand to
 * hand its arguments to. Resolves to the exit code; throws UsageError on bad arguments.
 */
export async function kvBenchMain (argv: string[]): Promise<number> {
  const { values: flags } = parseArgs({
    args: argv,
    strict: true,
    options: {
      target: { type: 'string', default: 'blackhole' },
      endpoints: { type: 'string' },
      clients: { type: 'string', default: '64' },
      duration: { type: 'string' },
      count: { type: 'string' },
      warmup: { type: 'string', default: '1' },
      op: { type: 'string', default: 'put' },
      'get-ratio': { type: 'string', default: '0.5' },
      'value-size': { type: 'string', default: '200' },
      keys: { type: 'string', default: '10000' },
      'key-prefix': { type: 'string', default: 'bench-' },
      preload: { type: 'boolean', default: false },
      'preload-only': { type: 'boolean', default: false },
      consistency: { type: 'string', default: 'linearizable' },
      transport: { type: 'string', default: 'raw' },
      'timeout-ms': { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
      'against-stub': { type: 'string' },
      probe: { type: 'boolean', default: false },
      table: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false }
    }
  })
  if (flags.help) { console.log(USAGE); return 0 }
  if (flags.table !== undefined) {
    const text = await readFile(flags.table, 'utf8')
    const results = text.split('\n').filter((line) => line.trim().startsWith('{')).map((line) => JSON.parse(line) as LoadResult)
    console.log(sideBySide(results))
    return 0
  }

  const target = oneOf('--target', flags.target, ['blackhole', 'etcd'] as const satisfies readonly TargetKind[])
  const transport = oneOf('--transport', flags.transport, ['raw', 'http', 'fetch'] as const satisfies readonly TransportKind[])
  const timeoutMs = positive('--timeout-ms', flags['timeout-ms'])
  const stubKind = flags['against-stub'] === undefined ? undefined : oneOf('--against-stub', flags['against-stub'], ['canned', 'store'] as const)
  const stub = stubKind !== undefined ? await startStubProcess(stubKind) : undefined
  try {
    const endpoints = stub !== undefined
      ? [stub.url]
      : (flags.endpoints ?? '').split(',').map((e) => e.trim()).filter((e) => e !== '')
    if (endpoints.length === 0) throw new UsageError('--endpoints is required (comma-separated URLs), or --against-stub')

    if (flags.probe) {
      const failure = await probe(target, endpoints, transport, timeoutMs)
      console.log(failure === undefined ? `${target}: key-value API answers on ${endpoints.length} endpoint(s)` : `${target}: ${failure}`)
      return failure === undefined ? 0 : 1
    }

    const options: LoadOptions = {
      target,
      endpoints,
      clients: positive('--clients', flags.clients),
      ...(flags.count !== undefined ? { count: positive('--count', flags.count) } : { durationSeconds: positive('--duration', flags.duration ?? '10', false) }),
      warmupSeconds: positive('--warmup', flags.warmup, false),
      op: oneOf('--op', flags.op, ['put', 'get', 'mixed'] as const),
      getRatio: positive('--get-ratio', flags['get-ratio'], false),
      valueSize: positive('--value-size', flags['value-size']),
      keys: positive('--keys', flags.keys),
      keyPrefix: flags['key-prefix'],
      consistency: oneOf('--consistency', flags.consistency, ['linearizable', 'stale'] as const satisfies readonly Consistency[]),
      transport,
      timeoutMs,
      seed: positive('--seed', flags.seed)
    }
    if (options.clients < 1) throw new UsageError('--clients must be at least 1')

    if (flags.preload || flags['preload-only'] || stubKind === 'store') {
      const loaded = await preload({ ...options, clients: Math.min(64, options.clients * 4) })
      const failed = Object.entries(loaded.errorsByCode)
      if (failed.length > 0) {
        console.error(`preload: ${loaded.written} of ${options.keys} keys written; failures: ${failed.map(([c, n]) => `${c}: ${n}`).join(', ')}`)
        return 1
      }
      console.error(`preload: ${loaded.written} keys of ${options.valueSize} bytes written to ${target}`)
      if (flags['preload-only']) return 0
    }

    const result = await runLoad(options)
    const line = describeResult(result, stubKind !== undefined ? `${stubKind} stub (${target} API, ${transport} client)` : target)
    // With --json the JSON line is the output (stdout) and the plain line is progress (stderr).
    if (flags.json) {
      console.log(JSON.stringify(result))
      console.error(line)
    } else {
      console.log(line)
    }
    return 0
  } finally {
    stub?.stop()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  kvBenchMain(process.argv.slice(2)).then((code) => { process.exit(code) }, (err: unknown) => {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true) {
      console.error(`kv: ${(err as Error).message}\n${USAGE}`)
      process.exit(2)
    }
    console.error(err)
    process.exit(1)
  })
}
