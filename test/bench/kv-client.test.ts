// The key-value load generator (bench/kv-client.ts) against in-test servers that imitate
// Blackhole's /v1/kv API and etcd's v3 JSON gateway and keep their own tally of what they
// answered: the generator's counts, error accounting and percentiles must agree with it.
// Runs are bounded by a count or a fraction of a second; nothing asserts on speed.

import assert from 'node:assert/strict'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { describeResult, sideBySide } from '../../bench/kv.js'
import { type LoadResult, type TransportKind, benchKey, preload, runLoad } from '../../bench/kv-client.js'
import { LatencyHistogram, bucketOf, highestInBucket } from '../../bench/load/histogram.js'
import { parseResponse } from '../../bench/load/raw-http.js'

interface Tally {
  requests: number
  byAnswer: Map<string, number>
  /** Connections opened, per listening port. */
  connections: Map<number, number>
  requestsPerPort: Map<number, number>
  store: Map<string, Buffer>
  paths: string[]
  bodies: string[]
}

interface FakeCluster {
  readonly endpoints: string[]
  readonly tally: Tally
  close (): Promise<void>
}

/**
 * `nodes` servers sharing one store, speaking both APIs. Request n (counted over all
 * nodes, from 1) is answered 503 when n % 7 === 3 and 429 when n % 11 === 5, so failures
 * are spread over clients and ops; `hang` paths are never answered.
 */
async function fakeCluster (nodes: number, options: { failures?: boolean, hang?: (path: string) => boolean } = {}): Promise<FakeCluster> {
  const tally: Tally = { requests: 0, byAnswer: new Map(), connections: new Map(), requestsPerPort: new Map(), store: new Map(), paths: [], bodies: [] }
  const count = (answer: string): void => { tally.byAnswer.set(answer, (tally.byAnswer.get(answer) ?? 0) + 1) }
  const servers: http.Server[] = []
  const endpoints: string[] = []
  for (let i = 0; i < nodes; i++) {
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => { chunks.push(chunk) })
      request.on('end', () => {
        const port = request.socket.localPort ?? 0
        const url = request.url ?? '/'
        if (options.hang?.(url) === true) return
        const n = ++tally.requests
        tally.requestsPerPort.set(port, (tally.requestsPerPort.get(port) ?? 0) + 1)
        tally.paths.push(`${request.method ?? ''} ${url}`)
        const body = Buffer.concat(chunks)
        tally.bodies.push(body.toString())
        const json = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
          const text = JSON.stringify(payload)
          response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers })
          response.end(text)
        }
        const isEtcd = url.startsWith('/v3/')
        if (options.failures === true && n % 7 === 3) {
          count('503')
          if (isEtcd) json(503, { error: 'etcdserver: leader changed', code: 14, message: 'etcdserver: leader changed' })
          else json(503, { error: { code: 'NO_LEADER', message: 'no leader' } }, { 'retry-after': '0' })
          return
        }
        if (options.failures === true && n % 11 === 5) {
          count('429')
          if (isEtcd) json(429, { error: 'etcdserver: too many requests', code: 8, message: 'etcdserver: too many requests' })
          else json(429, { error: { code: 'OVERLOADED', message: 'busy' } }, { 'retry-after': '0' })
          return
        }
        if (url.startsWith('/v1/kv/')) {
          const key = decodeURIComponent(url.slice('/v1/kv/'.length).split('?')[0]!)
          if (request.method === 'PUT') {
            tally.store.set(key, body)
            count('put')
            json(200, { index: n })
          } else {
            const value = tally.store.get(key)
            if (value === undefined) { count('404'); json(404, { error: { code: 'KEY_NOT_FOUND', message: 'no such key' } }); return }
            count('get')
            response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': value.length })
            response.end(value)
          }
        } else if (url === '/v3/kv/put' || url === '/v3/kv/range') {
          const parsed = JSON.parse(body.toString()) as { key: string, value?: string }
          const key = Buffer.from(parsed.key, 'base64').toString()
          const header = { cluster_id: '1', member_id: String(i), revision: String(n), raft_term: '2' }
          if (url === '/v3/kv/put') {
            tally.store.set(key, Buffer.from(parsed.value ?? '', 'base64'))
            count('put')
            json(200, { header })
          } else {
            const value = tally.store.get(key)
            count(value === undefined ? '404' : 'get')
            json(200, value === undefined ? { header } : { header, kvs: [{ key: parsed.key, value: value.toString('base64'), version: '1' }], count: '1' })
          }
        } else {
          count('no route')
          json(404, { error: { code: 'NOT_FOUND', message: `no route ${request.method ?? ''} ${url}` } })
        }
      })
    })
    server.on('connection', (socket) => {
      const port = socket.localPort ?? 0
      tally.connections.set(port, (tally.connections.get(port) ?? 0) + 1)
    })
    await new Promise<void>((resolve) => { server.listen(0, '127.0.0.1', () => { resolve() }) })
    servers.push(server)
    endpoints.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
  }
  return {
    endpoints,
    tally,
    close: async () => {
      for (const server of servers) {
        server.closeAllConnections()
        await new Promise<void>((resolve) => { server.close(() => { resolve() }) })
      }
    }
  }
}

function assertOrderedPercentiles (result: LoadResult): void {
  const l = result.latencyMs
  assert.equal(l.count, result.ok, 'one latency per successful op')
  if (l.count === 0) return
  assert.ok(l.min <= l.p50 && l.p50 <= l.p90 && l.p90 <= l.p99 && l.p99 <= l.p999 && l.p999 <= l.max, JSON.stringify(l))
  assert.ok(l.min > 0 && l.mean >= l.min && l.mean <= l.max, JSON.stringify(l))
}

describe('bench: key-value load generator', function () {
  this.timeout(30_000)
  const clusters: FakeCluster[] = []
  const cluster = async (...args: Parameters<typeof fakeCluster>): Promise<FakeCluster> => {
    const made = await fakeCluster(...args)
    clusters.push(made)
    return made
  }
  afterEach(async () => { for (const made of clusters.splice(0)) await made.close() })

  describe('latency histogram', () => {
    it('is exact below 256 µs and within 1/128 above, over the whole range', () => {
      for (let v = 0; v < 256; v++) assert.equal(highestInBucket(bucketOf(v)), v)
      for (const v of [256, 257, 511, 512, 1000, 12_345, 999_999, 2 ** 31, 2 ** 32 - 1]) {
        const top = highestInBucket(bucketOf(v))
        assert.ok(top >= v && (top - v) / v <= 1 / 128, `${v} -> ${top}`)
        if (v > 256) assert.ok(bucketOf(v) >= bucketOf(v - 1), 'buckets are monotonic')
      }
    })

    it('nearest-rank percentiles of 1..1000 ms', () => {
      const histogram = new LatencyHistogram()
      // Recorded out of order: the histogram must not care.
      for (let i = 0; i < 1000; i++) histogram.recordMs(((i * 337) % 1000) + 1)
      const s = histogram.summary()
      assert.equal(s.count, 1000)
      assert.equal(s.min, 1)
      assert.equal(s.max, 1000)
      assert.ok(Math.abs(s.mean - 500.5) < 1e-9)
      for (const [got, want] of [[s.p50, 500], [s.p90, 900], [s.p99, 990], [s.p999, 999]] as const) {
        assert.ok(got >= want && got <= want * (1 + 1 / 128), `${got} for ${want}`)
      }
    })

    it('small exact values, one outlier, an empty histogram, and merging', () => {
      const small = new LatencyHistogram()
      for (const micros of [100, 100, 100, 200, 250_000]) small.recordMicros(micros)
      assert.equal(small.percentileMicros(50), 100)
      assert.equal(small.percentileMicros(80), 200)
      assert.equal(small.percentileMicros(81), 250_000, 'the max is reported exactly, not as its bucket top')
      assert.deepEqual(new LatencyHistogram().summary(), { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p99: 0, p999: 0, max: 0 })
      const other = new LatencyHistogram()
      other.recordMicros(50)
      small.add(other)
      assert.equal(small.count, 6)
      assert.equal(small.summary().min, 0.05)
    })
  })

  describe('HTTP/1.1 response parser (raw transport)', () => {
    it('reads content-length and chunked bodies, and waits for the rest', () => {
      const plain = Buffer.from('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 2\r\nContent-Length: 5\r\n\r\nhelloHTTP/1.1')
      const parsed = parseResponse(plain)
      assert.ok(parsed !== undefined)
      assert.equal(parsed.reply.status, 503)
      assert.equal(parsed.reply.retryAfter, 2)
      assert.equal(parsed.reply.body.toString(), 'hello')
      assert.equal(parsed.consumed, plain.length - 'HTTP/1.1'.length)
      assert.equal(parsed.close, false)
      const chunked = Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n')
      const decoded = parseResponse(chunked)
      assert.equal(decoded?.reply.body.toString(), 'abcde')
      assert.equal(decoded?.consumed, chunked.length)
      assert.equal(decoded?.close, true)
      for (let cut = 0; cut < chunked.length; cut++) assert.equal(parseResponse(chunked.subarray(0, cut)), undefined, `incomplete at ${cut}`)
      assert.throws(() => parseResponse(Buffer.from('SPDY/3 200\r\n\r\n')), /bad status line/)
    })
  })

  for (const transport of ['raw', 'http', 'fetch'] as const satisfies readonly TransportKind[]) {
    it(`blackhole API over ${transport}: every request is counted once, failures by status and code, clients pinned round-robin`, async () => {
      const fake = await cluster(3, { failures: true })
      await preload({ target: 'blackhole', endpoints: fake.endpoints, keys: 40, valueSize: 200, transport })
      // Preloading went through the failure schedule too, and retried every 503 and 429.
      assert.equal(fake.tally.store.size, 40, 'every key written')
      for (const value of fake.tally.store.values()) assert.equal(value.length, 200)
      const before = { requests: fake.tally.requests, answers: new Map(fake.tally.byAnswer) }
      const connectionsBefore = new Map(fake.tally.connections)

      const result = await runLoad({ target: 'blackhole', endpoints: fake.endpoints, clients: 7, count: 500, op: 'mixed', valueSize: 200, keys: 60, transport, maxBackoffMs: 5 })
      const answered = (name: string): number => (fake.tally.byAnswer.get(name) ?? 0) - (before.answers.get(name) ?? 0)

      assert.equal(fake.tally.requests - before.requests, 500, 'the server saw exactly the count')
      assert.equal(result.ok + result.errors, 500)
      assert.equal(result.errors, answered('503') + answered('429'))
      assert.deepEqual(result.errorsByCode, Object.fromEntries([['503 NO_LEADER', answered('503')], ['429 OVERLOADED', answered('429')]].filter(([, n]) => n !== 0)))
      assert.ok(answered('503') > 0 && answered('429') > 0, 'the schedule injected both kinds')
      assert.equal(result.notFound, answered('404'))
      assert.ok(result.byOp.put !== undefined && result.byOp.get !== undefined)
      assert.equal(result.byOp.put.ok, answered('put'))
      assert.equal(result.byOp.get.ok, answered('get') + answered('404'))
      assert.equal(result.byOp.get.notFound, answered('404'))
      assert.equal(result.byOp.put.ok + result.byOp.get.ok, result.ok)
      assert.equal(result.byOp.put.errors + result.byOp.get.errors, result.errors)
      assert.equal(result.byOp.put.latencyMs.count + result.byOp.get.latencyMs.count, result.ok)
      assertOrderedPercentiles(result)
      assert.ok(result.seconds > 0 && result.opsPerSecond > 0)

      // Client i -> endpoint i mod 3: 3, 2 and 2 clients, all three endpoints used.
      const ports = fake.endpoints.map((endpoint) => Number(new URL(endpoint).port))
      for (const port of ports) assert.ok((fake.tally.requestsPerPort.get(port) ?? 0) > 0, `endpoint ${port} got requests`)
      if (transport !== 'fetch') {
        // Keep-alive: at most one connection per client pinned to the endpoint (the fetch
        // transport's pool belongs to the global dispatcher, shared across runs).
        const opened = ports.map((port) => (fake.tally.connections.get(port) ?? 0) - (connectionsBefore.get(port) ?? 0))
        opened.forEach((n, e) => { assert.ok(n <= [3, 2, 2][e]!, `endpoint ${e}: ${n} connections for ${[3, 2, 2][e]} clients`) })
      }
      assert.ok(fake.tally.paths.every((p) => /^(PUT|GET) \/v1\/kv\/bench-\d\d$/.test(p)), fake.tally.paths.find((p) => !/^(PUT|GET) \/v1\/kv\/bench-\d\d$/.test(p)))
      assert.match(describeResult(result), /^blackhole mixed \(linearizable\) clients=7 endpoints=3 value=200B: [\d,]+ ops\/s .* errors \d+ \(/)
    })
  }

  it('etcd API: base64 keys and values, found keys, gRPC error codes, a duration-bounded run', async () => {
    const fake = await cluster(3, { failures: false })
    const loaded = await preload({ target: 'etcd', endpoints: fake.endpoints, keys: 100, valueSize: 200 })
    assert.deepEqual(loaded, { written: 100, errorsByCode: {} })
    assert.equal(fake.tally.store.size, 100)
    assert.ok(fake.tally.store.has(benchKey('bench-', 0, 100)) && fake.tally.store.has('bench-99') && fake.tally.store.has('bench-00'))
    for (const value of fake.tally.store.values()) assert.equal(value.length, 200)

    const before = fake.tally.requests
    const started = Date.now()
    const result = await runLoad({ target: 'etcd', endpoints: fake.endpoints, clients: 4, durationSeconds: 0.3, warmupSeconds: 0, op: 'get', valueSize: 200, keys: 100 })
    assert.ok(Date.now() - started < 5000, 'the run stopped by itself')
    assert.equal(result.errors, 0)
    assert.equal(result.notFound, 0, 'every preloaded key is found')
    assert.equal(result.ok, fake.tally.requests - before)
    assert.equal(result.byOp.put, undefined)
    assertOrderedPercentiles(result)
    assert.ok(fake.tally.bodies.slice(before).every((body) => /^\{"key":"[A-Za-z0-9+/=]+"\}$/.test(body)), 'linearizable range: no serializable flag')

    const failing = await cluster(1, { failures: true })
    const failed = await runLoad({ target: 'etcd', endpoints: failing.endpoints, clients: 2, count: 30, op: 'put', valueSize: 10, keys: 5, maxBackoffMs: 5 })
    assert.equal(failed.ok + failed.errors, 30)
    assert.equal(failed.errorsByCode['503 grpc-14'], failing.tally.byAnswer.get('503'))
    assert.equal(failed.errorsByCode['429 grpc-8'], failing.tally.byAnswer.get('429'))
    assert.equal(Object.keys(failed.errorsByCode).length, 2)
  })

  it('stale reads: ?consistency=stale for blackhole, "serializable": true for etcd', async () => {
    const fake = await cluster(1)
    await runLoad({ target: 'blackhole', endpoints: fake.endpoints, clients: 1, count: 3, op: 'get', valueSize: 10, keys: 1, consistency: 'stale' })
    assert.deepEqual(fake.tally.paths, ['GET /v1/kv/bench-0?consistency=stale', 'GET /v1/kv/bench-0?consistency=stale', 'GET /v1/kv/bench-0?consistency=stale'])
    const etcd = await runLoad({ target: 'etcd', endpoints: fake.endpoints, clients: 1, count: 2, op: 'get', valueSize: 10, keys: 1, consistency: 'stale' })
    assert.equal(etcd.notFound, 2)
    assert.deepEqual(fake.tally.bodies.slice(3), [`{"key":"${Buffer.from('bench-0').toString('base64')}","serializable":true}`, `{"key":"${Buffer.from('bench-0').toString('base64')}","serializable":true}`])
  })

  it('a missing route is a failure, a missing key is not', async () => {
    const fake = await cluster(1)
    // etcd requests against the blackhole-only routes of a server without them: "no route" 404s.
    const server = http.createServer((_request, response) => {
      response.writeHead(404, { 'content-type': 'application/json' })
      response.end('{"error":{"code":"NOT_FOUND","message":"no route GET /v1/kv/x"}}')
    })
    await new Promise<void>((resolve) => { server.listen(0, '127.0.0.1', () => { resolve() }) })
    try {
      const noRoute = await runLoad({ target: 'blackhole', endpoints: [`http://127.0.0.1:${(server.address() as AddressInfo).port}`], clients: 2, count: 6, op: 'get', valueSize: 10, keys: 3, maxBackoffMs: 1 })
      assert.deepEqual(noRoute.errorsByCode, { '404 NOT_FOUND': 6 })
      assert.equal(noRoute.ok, 0)
      assert.deepEqual(noRoute.latencyMs.count, 0)
    } finally {
      server.closeAllConnections()
      await new Promise<void>((resolve) => { server.close(() => { resolve() }) })
    }
    const missing = await runLoad({ target: 'blackhole', endpoints: fake.endpoints, clients: 2, count: 6, op: 'get', valueSize: 10, keys: 3 })
    assert.deepEqual(missing.errorsByCode, {})
    assert.equal(missing.ok, 6)
    assert.equal(missing.notFound, 6)
  })

  for (const transport of ['raw', 'http', 'fetch'] as const satisfies readonly TransportKind[]) {
    it(`transport failures over ${transport}: refused connections and timeouts are counted by code, and the run ends`, async () => {
      const closed = await cluster(1)
      const port = new URL(closed.endpoints[0]!).port
      await closed.close()
      clusters.splice(clusters.indexOf(closed), 1)
      const refused = await runLoad({ target: 'blackhole', endpoints: [`http://127.0.0.1:${port}`], clients: 2, count: 4, op: 'put', valueSize: 10, keys: 2, transport, maxBackoffMs: 1 })
      assert.deepEqual(refused.errorsByCode, { ECONNREFUSED: 4 })

      const hanging = await cluster(1, { hang: (path) => path.includes('bench-1') })
      const timed = await runLoad({ target: 'blackhole', endpoints: hanging.endpoints, clients: 1, count: 6, op: 'put', valueSize: 10, keys: 2, transport, timeoutMs: 150, maxBackoffMs: 1 })
      assert.equal(timed.ok + timed.errors, 6)
      assert.equal(timed.ok, hanging.tally.byAnswer.get('put') ?? 0)
      assert.deepEqual(timed.errorsByCode, timed.errors === 0 ? {} : { TIMEOUT: timed.errors })
    })
  }

  it('side-by-side table: ratios of blackhole to etcd per op and connection count', () => {
    const summary = (p50: number, p99: number): LoadResult['latencyMs'] => ({ count: 1, min: p50, mean: p50, p50, p90: p99, p99, p999: p99, max: p99 })
    const base = { endpoints: ['a', 'b', 'c'], consistency: 'linearizable', valueSize: 200, seconds: 10, ok: 1, notFound: 0, errors: 0, errorsByCode: {}, clientCpu: { utilization: 0.1, microsPerOp: 30 }, byOp: {} } as const
    const results: LoadResult[] = [
      { ...base, target: 'etcd', op: 'put', clients: 64, opsPerSecond: 5000, latencyMs: summary(10, 28) },
      { ...base, target: 'blackhole', op: 'put', clients: 64, opsPerSecond: 2500, latencyMs: summary(20, 56), errors: 3 },
      { ...base, target: 'etcd', op: 'get', clients: 1, opsPerSecond: 700, latencyMs: summary(1.2, 4) }
    ]
    const lines = sideBySide(results).split('\n')
    assert.equal(lines.length, 3)
    assert.match(lines[0]!, /^op\s+conns\s+etcd ops\/s\s+p50 ms\s+p99 ms\s+errors\s+blackhole ops\/s/)
    assert.match(lines[1]!, /^put\s+64\s+5,000\s+10\.0\s+28\.0\s+0\s+2,500\s+20\.0\s+56\.0\s+3\s+0\.50x\s+2\.00x$/)
    assert.match(lines[2]!, /^get\s+1\s+700\s+1\.20\s+4\.00\s+0(\s+-){6}$/)
  })

  it('side-by-side table over several rounds: the median of each figure, errors summed', () => {
    const summary = (p50: number, p99: number): LoadResult['latencyMs'] => ({ count: 1, min: p50, mean: p50, p50, p90: p99, p99, p999: p99, max: p99 })
    const base = { endpoints: ['a'], consistency: 'linearizable', valueSize: 200, seconds: 10, ok: 1, notFound: 0, errors: 0, errorsByCode: {}, clientCpu: { utilization: 0.1, microsPerOp: 30 }, byOp: {}, op: 'put', clients: 64 } as const
    const results: LoadResult[] = [
      { ...base, target: 'etcd', opsPerSecond: 2000, latencyMs: summary(20, 50) },
      { ...base, target: 'blackhole', opsPerSecond: 1000, latencyMs: summary(30, 90), errors: 1 },
      { ...base, target: 'etcd', opsPerSecond: 3000, latencyMs: summary(10, 70) },
      { ...base, target: 'blackhole', opsPerSecond: 4000, latencyMs: summary(12, 40) },
      { ...base, target: 'etcd', opsPerSecond: 2500, latencyMs: summary(15, 60) },
      { ...base, target: 'blackhole', opsPerSecond: 3000, latencyMs: summary(18, 60), errors: 2 }
    ]
    const lines = sideBySide(results).split('\n')
    assert.equal(lines[0], 'medians of 3 rounds (errors: summed)')
    // Each column on its own: 2,500 = median(2000, 3000, 2500), 60 = median(50, 70, 60), ...
    assert.match(lines[2]!, /^put\s+64\s+2,500\s+15\.0\s+60\.0\s+0\s+3,000\s+18\.0\s+60\.0\s+3\s+1\.20x\s+1\.00x$/)
  })
})
