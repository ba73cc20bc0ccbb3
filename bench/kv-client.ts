// Key-value load generator: N closed-loop clients doing puts and gets against a running
// cluster, behind one interface for two systems so both get exactly the same load:
//
//   blackhole  PUT /v1/kv/:key (raw body), GET /v1/kv/:key [?consistency=stale]
//   etcd       POST /v3/kv/put {"key","value"} (base64), POST /v3/kv/range {"key"[, "serializable"]}
//              (the v3 JSON gateway of etcd 3.4)
//
// Client i is pinned to endpoint i mod E and keeps one keep-alive connection (a closed
// loop never has more than one request outstanding), so `clients` is also the number of
// connections. Latencies go into a log-linear histogram; failures are counted by
// "<status> <code>" (HTTP) or by the transport's error code (ECONNREFUSED, TIMEOUT, ...).

import http from 'node:http'
import { performance } from 'node:perf_hooks'
import { LatencyHistogram, type LatencySummary } from './load/histogram.js'
import { RawHttpError, RawHttpPool } from './load/raw-http.js'

export type TargetKind = 'blackhole' | 'etcd'
/**
 * `raw`: the lean HTTP/1.1 client in load/raw-http.ts (the default: the most headroom);
 * `http`: node:http with a keep-alive Agent; `fetch`: the global fetch (undici).
 */
export type TransportKind = 'raw' | 'http' | 'fetch'
export type Consistency = 'linearizable' | 'stale'
export type OpKind = 'put' | 'get' | 'mixed'

export interface HttpReply {
  readonly status: number
  readonly body: Buffer
  /** Seconds from a Retry-After header, when one came. */
  readonly retryAfter?: number
}

/** One origin, many concurrent requests over keep-alive connections. */
export interface HttpTransport {
  request (method: string, path: string, body?: Buffer, contentType?: string): Promise<HttpReply>
  close (): void
}

export class TransportError extends Error {
  constructor (readonly code: string, message: string) {
    super(message)
  }
}

export function createTransport (kind: TransportKind, origin: string, connections: number, timeoutMs: number): HttpTransport {
  switch (kind) {
    case 'raw': return new RawTransport(origin, connections, timeoutMs)
    case 'http': return new NodeHttpTransport(origin, connections, timeoutMs)
    case 'fetch': return new FetchTransport(origin, timeoutMs)
    default: throw new Error(`unknown transport ${String(kind satisfies never)}`)
  }
}

function hostAndPort (origin: string): { host: string, port: number } {
  const url = new URL(origin)
  if (url.protocol !== 'http:') throw new Error(`only http:// endpoints are supported, not ${origin}`)
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port === '' ? 80 : url.port) }
}

class RawTransport implements HttpTransport {
  private readonly pool: RawHttpPool

  constructor (origin: string, connections: number, timeoutMs: number) {
    const { host, port } = hostAndPort(origin)
    this.pool = new RawHttpPool(host, port, Math.max(1, connections), timeoutMs)
  }

  async request (method: string, path: string, body?: Buffer, contentType?: string): Promise<HttpReply> {
    try {
      return await this.pool.request(method, path, body, contentType)
    } catch (err) {
      throw err instanceof RawHttpError ? new TransportError(err.code, err.message) : err
    }
  }

  close (): void { this.pool.close() }
}

class NodeHttpTransport implements HttpTransport {
  private readonly agent: http.Agent
  private readonly host: string
  private readonly port: number

  constructor (origin: string, connections: number, private readonly timeoutMs: number) {
    const { host, port } = hostAndPort(origin)
    this.host = host
    this.port = port
    this.agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(1, connections), maxFreeSockets: Math.max(1, connections) })
  }

  request (method: string, path: string, body?: Buffer, contentType?: string): Promise<HttpReply> {
    return new Promise((resolve, reject) => {
      const headers: http.OutgoingHttpHeaders = {}
      if (body !== undefined) {
        headers['content-length'] = body.length
        if (contentType !== undefined) headers['content-type'] = contentType
      }
      const request = http.request({ host: this.host, port: this.port, method, path, agent: this.agent, headers }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => { chunks.push(chunk) })
        response.once('error', (err) => { reject(asTransportError(err)) })
        response.once('end', () => {
          resolve({
            status: response.statusCode ?? 0,
            body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
            ...retryAfterOf(response.headers['retry-after'])
          })
        })
      })
      request.setTimeout(this.timeoutMs, () => { request.destroy(new TransportError('TIMEOUT', `no answer within ${this.timeoutMs} ms`)) })
      request.once('error', (err) => { reject(asTransportError(err)) })
      request.end(body)
    })
  }

  close (): void { this.agent.destroy() }
}

class FetchTransport implements HttpTransport {
  constructor (private readonly origin: string, private readonly timeoutMs: number) {}

  async request (method: string, path: string, body?: Buffer, contentType?: string): Promise<HttpReply> {
    try {
      const response = await fetch(this.origin + path, {
        method,
        ...(body !== undefined ? { body, headers: contentType !== undefined ? { 'content-type': contentType } : {} } : {}),
        signal: AbortSignal.timeout(this.timeoutMs)
      })
      const bytes = Buffer.from(await response.arrayBuffer())
      return { status: response.status, body: bytes, ...retryAfterOf(response.headers.get('retry-after') ?? undefined) }
    } catch (err) {
      throw asTransportError(err)
    }
  }

  close (): void { /* the global dispatcher owns the connections */ }
}

function retryAfterOf (header: string | undefined): { retryAfter?: number } {
  if (header === undefined) return {}
  const seconds = Number(header)
  return Number.isFinite(seconds) && seconds >= 0 ? { retryAfter: seconds } : {}
}

function asTransportError (err: unknown): TransportError {
  if (err instanceof TransportError) return err
  const cause = (err as { cause?: unknown }).cause
  const named = (err as { name?: string }).name
  if (named === 'TimeoutError') return new TransportError('TIMEOUT', 'request timed out')
  const code = (err as { code?: unknown }).code ?? (cause as { code?: unknown } | undefined)?.code
  return new TransportError(typeof code === 'string' ? code : 'TRANSPORT', err instanceof Error ? err.message : String(err))
}

/** What one operation came to: done (a get may find nothing), or failed with a code. */
export type KvReply =
  | { readonly ok: true, readonly found: boolean }
  | { readonly ok: false, readonly error: string, readonly retryAfter?: number }

/** One system's key-value API over one endpoint. */
export interface KvClient {
  readonly endpoint: string
  put (key: string, value: Uint8Array): Promise<KvReply>
  get (key: string): Promise<KvReply>
  close (): void
}

export interface KvClientOptions {
  readonly transport?: TransportKind
  /** Connections this endpoint may open: the clients pinned to it. */
  readonly connections?: number
  readonly timeoutMs?: number
  readonly consistency?: Consistency
}

export function createKvClient (target: TargetKind, endpoint: string, options: KvClientOptions = {}): KvClient {
  const origin = endpoint.replace(/\/+$/, '')
  const transport = createTransport(options.transport ?? 'raw', origin, options.connections ?? 1, options.timeoutMs ?? 10_000)
  const consistency = options.consistency ?? 'linearizable'
  switch (target) {
    case 'blackhole': return new BlackholeKvClient(origin, transport, consistency)
    case 'etcd': return new EtcdKvClient(origin, transport, consistency)
    default: throw new Error(`unknown target ${String(target satisfies never)}`)
  }
}

/** Turns a failed HTTP reply into "<status> <code>", reading the code from the JSON body. */
function failure (reply: HttpReply, code: string | undefined): KvReply {
  return { ok: false, error: code !== undefined ? `${reply.status} ${code}` : String(reply.status), ...(reply.retryAfter !== undefined ? { retryAfter: reply.retryAfter } : {}) }
}

async function attempt (operation: () => Promise<KvReply>): Promise<KvReply> {
  try {
    return await operation()
  } catch (err) {
    if (err instanceof TransportError) return { ok: false, error: err.code }
    throw err
  }
}

class BlackholeKvClient implements KvClient {
  private readonly getSuffix: string

  constructor (readonly endpoint: string, private readonly transport: HttpTransport, consistency: Consistency) {
    this.getSuffix = consistency === 'stale' ? '?consistency=stale' : ''
  }

  async put (key: string, value: Uint8Array): Promise<KvReply> {
    return await attempt(async () => {
      const body = Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)
      const reply = await this.transport.request('PUT', `/v1/kv/${encodeURIComponent(key)}`, body, 'application/octet-stream')
      return reply.status === 200 ? { ok: true, found: true } : failure(reply, blackholeCode(reply.body))
    })
  }

  async get (key: string): Promise<KvReply> {
    return await attempt(async () => {
      const reply = await this.transport.request('GET', `/v1/kv/${encodeURIComponent(key)}${this.getSuffix}`)
      if (reply.status === 200) return { ok: true, found: true }
      const code = blackholeCode(reply.body)
      // A missing key is an answer, not a failure; a missing route (the API without the
      // key-value routes) says "no route" and is a failure.
      if (reply.status === 404 && !reply.body.toString().includes('no route')) return { ok: true, found: false }
      return failure(reply, code)
    })
  }

  close (): void { this.transport.close() }
}

function blackholeCode (body: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(body.toString()) as { error?: { code?: unknown } }
    return typeof parsed.error?.code === 'string' ? parsed.error.code : undefined
  } catch {
    return undefined
  }
}

class EtcdKvClient implements KvClient {
  private readonly encodedValues = new WeakMap<Uint8Array, string>()
  private readonly rangeTail: string

  constructor (readonly endpoint: string, private readonly transport: HttpTransport, consistency: Consistency) {
    // etcd's "serializable" range is served from the member's local state: the stale read.
    this.rangeTail = consistency === 'stale' ? ',"serializable":true}' : '}'
  }

  async put (key: string, value: Uint8Array): Promise<KvReply> {
    return await attempt(async () => {
      const body = `{"key":"${base64(key)}","value":"${this.encodedValue(value)}"}`
      const reply = await this.transport.request('POST', '/v3/kv/put', Buffer.from(body), 'application/json')
      return reply.status === 200 ? { ok: true, found: true } : failure(reply, etcdCode(reply.body))
    })
  }

  async get (key: string): Promise<KvReply> {
    return await attempt(async () => {
      const body = `{"key":"${base64(key)}"${this.rangeTail}`
      const reply = await this.transport.request('POST', '/v3/kv/range', Buffer.from(body), 'application/json')
      // A range that matched nothing has no "kvs" field at all (proto3 JSON omits empty lists).
      return reply.status === 200 ? { ok: true, found: reply.body.includes('"kvs"') } : failure(reply, etcdCode(reply.body))
    })
  }

  close (): void { this.transport.close() }

  private encodedValue (value: Uint8Array): string {
    let encoded = this.encodedValues.get(value)
    if (encoded === undefined) {
      encoded = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')
      this.encodedValues.set(value, encoded)
    }
    return encoded
  }
}

const base64 = (text: string): string => Buffer.from(text).toString('base64')

/** grpc-gateway errors are {"error","code","message"} with a gRPC status code number. */
function etcdCode (body: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(body.toString()) as { code?: unknown, error?: unknown, message?: unknown }
    if (typeof parsed.code === 'number') return `grpc-${parsed.code}`
    return typeof parsed.error === 'string' ? parsed.error : undefined
  } catch {
    return undefined
  }
}

// ---------------------------------------------------------------------------------------
// The load: closed-loop clients

export interface LoadOptions {
  readonly target: TargetKind
  readonly endpoints: readonly string[]
  /** Concurrent closed-loop clients (= connections). */
  readonly clients: number
  /** Stop issuing after this many seconds of measurement (after the warm-up)... */
  readonly durationSeconds?: number
  /** ...or after this many operations (successful or not) in all. One of the two is needed. */
  readonly count?: number
  /** Seconds of load before measurement starts (not recorded); duration mode only. */
  readonly warmupSeconds?: number
  readonly op: OpKind
  /** Share of gets in a mixed load, 0..1. */
  readonly getRatio?: number
  readonly valueSize: number
  /** Keys are `${keyPrefix}${i}` for i in [0, keys), zero-padded, chosen uniformly. */
  readonly keys: number
  readonly keyPrefix?: string
  readonly consistency?: Consistency
  readonly transport?: TransportKind
  readonly timeoutMs?: number
  /** Longest pause after a 429/503 before the client's next request (default 1 s). */
  readonly maxBackoffMs?: number
  /** Seeded choice of keys and ops, so runs are repeatable. */
  readonly seed?: number
}

export interface OpStats {
  readonly ok: number
  readonly notFound: number
  readonly errors: number
  readonly latencyMs: LatencySummary
}

export interface LoadResult {
  readonly target: TargetKind
  readonly op: OpKind
  readonly clients: number
  readonly endpoints: readonly string[]
  readonly consistency: Consistency
  readonly valueSize: number
  readonly seconds: number
  /** Successful operations (including gets that found nothing). */
  readonly ok: number
  readonly notFound: number
  readonly errors: number
  /** Failures by "<status> <code>" or transport error code. */
  readonly errorsByCode: Readonly<Record<string, number>>
  readonly opsPerSecond: number
  /** Latency of successful operations. */
  readonly latencyMs: LatencySummary
  /**
   * The load generator's own CPU over the measured span: `utilization` is CPU seconds per
   * wall second (1 = one core busy: the client may be the bottleneck), `microsPerOp` its
   * cost per request, so `1e6 / microsPerOp` is its ceiling on one free core.
   */
  readonly clientCpu: { readonly utilization: number, readonly microsPerOp: number }
  readonly byOp: { readonly put?: OpStats, readonly get?: OpStats }
}

class OpCounter {
  ok = 0
  notFound = 0
  errors = 0
  readonly latency = new LatencyHistogram()

  stats (): OpStats {
    return { ok: this.ok, notFound: this.notFound, errors: this.errors, latencyMs: this.latency.summary() }
  }
}

/** Keys of the form prefix + zero-padded index, all the same length. */
export function benchKey (prefix: string, index: number, keys: number): string {
  return prefix + String(index).padStart(String(Math.max(1, keys - 1)).length, '0')
}

/** Values of `size` printable bytes (so both systems carry the same bytes), a few distinct ones. */
export function benchValues (size: number, distinct = 16): Buffer[] {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
  const values: Buffer[] = []
  for (let v = 0; v < distinct; v++) {
    const value = Buffer.alloc(size)
    for (let i = 0; i < size; i++) value[i] = alphabet.charCodeAt((i * 7 + v * 13) % alphabet.length)
    values.push(value)
  }
  return values
}

/** xorshift32: a small seeded generator, so two runs pick the same keys. */
function generator (seed: number): () => number {
  let state = (seed >>> 0) || 0x9e3779b9
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 0x100000000
  }
}

const sleep = async (ms: number): Promise<void> => { await new Promise((resolve) => setTimeout(resolve, ms)) }

export async function runLoad (options: LoadOptions): Promise<LoadResult> {
  const { endpoints, clients, op } = options
  if (endpoints.length === 0) throw new Error('no endpoints')
  if (!Number.isInteger(clients) || clients < 1) throw new Error('clients must be a positive integer')
  if (options.durationSeconds === undefined && options.count === undefined) throw new Error('give a duration or a count')
  if (!Number.isInteger(options.keys) || options.keys < 1) throw new Error('keys must be a positive integer')
  const consistency = options.consistency ?? 'linearizable'
  const getRatio = op === 'get' ? 1 : op === 'put' ? 0 : (options.getRatio ?? 0.5)
  const maxBackoffMs = options.maxBackoffMs ?? 1000
  const keyPrefix = options.keyPrefix ?? 'bench-'
  const values = benchValues(options.valueSize)
  const keys = Array.from({ length: options.keys }, (_, i) => benchKey(keyPrefix, i, options.keys))

  // One client object (one connection pool) per endpoint, sized for the clients pinned to it.
  const pinned = endpoints.map((_, e) => Math.floor(clients / endpoints.length) + (e < clients % endpoints.length ? 1 : 0))
  const kvClients = endpoints.map((endpoint, e) => createKvClient(options.target, endpoint, {
    connections: pinned[e]!, consistency, ...(options.transport !== undefined ? { transport: options.transport } : {}), ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {})
  }))

  const puts = new OpCounter()
  const gets = new OpCounter()
  const errorsByCode: Record<string, number> = {}
  const warmupMs = options.count === undefined ? (options.warmupSeconds ?? 0) * 1000 : 0
  const begun = performance.now()
  const measureFrom = begun + warmupMs
  const stopAt = options.durationSeconds !== undefined ? measureFrom + options.durationSeconds * 1000 : Infinity
  let issued = 0
  let lastDone = measureFrom
  let cpuAtStart: NodeJS.CpuUsage | undefined
  const cpuTimer = warmupMs > 0 ? setTimeout(() => { cpuAtStart = process.cpuUsage() }, warmupMs) : undefined
  if (warmupMs === 0) cpuAtStart = process.cpuUsage()

  const client = async (index: number): Promise<void> => {
    const kv = kvClients[index % endpoints.length]!
    const random = generator((options.seed ?? 1) * 7919 + index)
    while (true) {
      const now = performance.now()
      if (now >= stopAt) return
      if (options.count !== undefined) {
        if (issued >= options.count) return
        issued++
      }
      const isGet = random() < getRatio
      const key = keys[Math.floor(random() * keys.length)]!
      const started = performance.now()
      const reply = isGet ? await kv.get(key) : await kv.put(key, values[Math.floor(random() * values.length)]!)
      const done = performance.now()
      // Operations begun during the warm-up are not recorded.
      if (started < measureFrom) continue
      if (done > lastDone) lastDone = done
      const counter = isGet ? gets : puts
      if (reply.ok) {
        counter.ok++
        if (!reply.found) counter.notFound++
        counter.latency.recordMs(done - started)
      } else {
        counter.errors++
        errorsByCode[reply.error] = (errorsByCode[reply.error] ?? 0) + 1
        // Back off as the server asks, or briefly on a transport failure, so a node without a
        // leader is not spun on; never past the end of the run.
        const asked = reply.retryAfter !== undefined ? reply.retryAfter * 1000 : 50
        const pause = Math.min(maxBackoffMs, Math.max(10, asked), Math.max(0, stopAt - performance.now()))
        if (pause > 0 && Number.isFinite(pause)) await sleep(pause)
      }
    }
  }

  await Promise.all(Array.from({ length: clients }, async (_, i) => { await client(i) }))
  clearTimeout(cpuTimer)
  const cpu = process.cpuUsage(cpuAtStart)
  const cpuMicros = cpuAtStart === undefined ? 0 : cpu.user + cpu.system
  for (const kv of kvClients) kv.close()

  const seconds = Math.max(1e-6, (lastDone - measureFrom) / 1000)
  const overall = new LatencyHistogram()
  overall.add(puts.latency)
  overall.add(gets.latency)
  const ok = puts.ok + gets.ok
  return {
    target: options.target,
    op,
    clients,
    endpoints,
    consistency,
    valueSize: options.valueSize,
    seconds,
    ok,
    notFound: puts.notFound + gets.notFound,
    errors: puts.errors + gets.errors,
    errorsByCode,
    opsPerSecond: ok / seconds,
    latencyMs: overall.summary(),
    clientCpu: {
      utilization: cpuMicros / 1e6 / seconds,
      microsPerOp: puts.ok + gets.ok + puts.errors + gets.errors === 0 ? 0 : cpuMicros / (puts.ok + gets.ok + puts.errors + gets.errors)
    },
    byOp: {
      ...(getRatio < 1 ? { put: puts.stats() } : {}),
      ...(getRatio > 0 ? { get: gets.stats() } : {})
    }
  }
}

/** Writes every key once (values of `valueSize`), with `clients` concurrent writers; returns failures. */
/**
 * The operation, retried while the server answers 503 or 429 (no leader yet, not connected to a
 * quorum, busy) and `deadline` (Date.now() ms) is not past, pausing as Retry-After asks (0.1-1 s).
 */
export async function retryingUnavailable (operation: () => Promise<KvReply>, deadline: number): Promise<KvReply> {
  while (true) {
    const reply = await operation()
    if (reply.ok || !/^(503|429)\b/.test(reply.error) || Date.now() >= deadline) return reply
    await sleep(Math.min(1000, Math.max(100, (reply.retryAfter ?? 0) * 1000)))
  }
}

/** Preload retries a key refused as unavailable for this long, so every key is written once. */
const PRELOAD_PATIENCE_MS = 10_000

export async function preload (options: Pick<LoadOptions, 'target' | 'endpoints' | 'keys' | 'keyPrefix' | 'valueSize' | 'transport' | 'timeoutMs'> & { clients?: number }): Promise<{ written: number, errorsByCode: Record<string, number> }> {
  const clients = Math.max(1, Math.min(options.clients ?? 32, options.keys))
  const keyPrefix = options.keyPrefix ?? 'bench-'
  const values = benchValues(options.valueSize)
  const kv = options.endpoints.map((endpoint) => createKvClient(options.target, endpoint, {
    connections: clients, ...(options.transport !== undefined ? { transport: options.transport } : {}), ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {})
  }))
  let next = 0
  let written = 0
  const errorsByCode: Record<string, number> = {}
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    while (next < options.keys) {
      const i = next++
      const client = kv[c % kv.length]!
      const reply = await retryingUnavailable(async () => await client.put(benchKey(keyPrefix, i, options.keys), values[i % values.length]!), Date.now() + PRELOAD_PATIENCE_MS)
      if (reply.ok) written++
      else errorsByCode[reply.error] = (errorsByCode[reply.error] ?? 0) + 1
    }
  }))
  for (const client of kv) client.close()
  return { written, errorsByCode }
}
