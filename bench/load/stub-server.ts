// A stand-in server that speaks both key-value APIs the load generator drives
// (Blackhole's /v1/kv/:key and etcd's /v3/kv/put and /v3/kv/range) from an in-memory
// map and answers at once: what the client reaches against it is the client's own
// ceiling, the most it could measure of any real system on this machine.
//
//   node dist/bench/load/stub-server.js [--port 0] [--canned] [--stop-on-stdin-close]
//   prints "listening PORT"; stops on SIGTERM/SIGINT (or when stdin closes, if asked)

import http from 'node:http'
import net, { type AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'

export interface StubServer {
  readonly url: string
  readonly requests: () => number
  close (): Promise<void>
}

export async function startStubServer (port = 0): Promise<StubServer> {
  const store = new Map<string, Buffer>()
  let requests = 0
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => { chunks.push(chunk) })
    request.on('end', () => {
      requests++
      const body = Buffer.concat(chunks)
      const url = request.url ?? '/'
      const send = (status: number, payload: string | Buffer, type = 'application/json'): void => {
        response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(payload) })
        response.end(payload)
      }
      if (url.startsWith('/v1/kv/')) {
        const key = decodeURIComponent(url.slice('/v1/kv/'.length).split('?')[0]!)
        if (request.method === 'PUT') {
          store.set(key, body)
          send(200, `{"index":${requests}}`)
        } else if (request.method === 'GET') {
          const value = store.get(key)
          if (value === undefined) send(404, '{"error":{"code":"KEY_NOT_FOUND","message":"no such key"}}')
          else send(200, value, 'application/octet-stream')
        } else {
          send(405, '{"error":{"code":"METHOD_NOT_ALLOWED","message":"method not allowed"}}')
        }
      } else if (url === '/v3/kv/put' || url === '/v3/kv/range') {
        const { key, value } = JSON.parse(body.toString()) as { key: string, value?: string }
        const header = `"header":{"cluster_id":"1","member_id":"1","revision":"${requests}","raft_term":"2"}`
        if (url === '/v3/kv/put') {
          store.set(key, Buffer.from(value ?? '', 'base64'))
          send(200, `{${header}}`)
        } else {
          const found = store.get(key)
          send(200, found === undefined ? `{${header}}` : `{${header},"kvs":[{"key":"${key}","value":"${found.toString('base64')}","version":"1"}],"count":"1"}`)
        }
      } else if (url === '/health') {
        send(200, '{"status":"healthy","health":"true"}')
      } else {
        send(404, `{"error":{"code":"NOT_FOUND","message":"no route ${request.method ?? ''} ${url}"}}`)
      }
    })
  })
  server.keepAliveTimeout = 60_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => { resolve() })
  })
  const address = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests: () => requests,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => { server.close(() => { resolve() }) })
    }
  }
}

/**
 * The cheapest server that still speaks HTTP/1.1 keep-alive: node:net, no store, a canned
 * 200 for every request (a found key for gets, an index for puts). node:http costs more
 * per request than the load generator does, so against it the server is what saturates
 * and the client's own ceiling stays hidden.
 */
export async function startCannedServer (port = 0): Promise<StubServer> {
  let requests = 0
  const answer = (body: string): Buffer => Buffer.from(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
  const header = '"header":{"cluster_id":"1","member_id":"1","revision":"1","raft_term":"2"}'
  const blackholeValue = answer('x'.repeat(200))
  const blackholePut = answer('{"index":1}')
  const etcdRange = answer(`{${header},"kvs":[{"key":"a2V5","value":"${Buffer.alloc(200, 120).toString('base64')}","version":"1"}],"count":"1"}`)
  const etcdPut = answer(`{${header}}`)
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.setNoDelay(true)
    let pending: Buffer = Buffer.alloc(0)
    socket.on('data', (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk])
      const replies: Buffer[] = []
      while (true) {
        const end = pending.indexOf('\r\n\r\n')
        if (end < 0) break
        const head = pending.toString('latin1', 0, end)
        const length = /content-length: *(\d+)/i.exec(head)
        const total = end + 4 + (length !== null ? Number(length[1]) : 0)
        if (pending.length < total) break
        pending = pending.subarray(total)
        requests++
        replies.push(head.startsWith('PUT') ? blackholePut : head.startsWith('GET') ? blackholeValue : head.includes('/v3/kv/range') ? etcdRange : etcdPut)
      }
      if (replies.length > 0) socket.write(replies.length === 1 ? replies[0]! : Buffer.concat(replies))
    })
    socket.on('error', () => { socket.destroy() })
    socket.on('close', () => { sockets.delete(socket) })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => { resolve() })
  })
  const address = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests: () => requests,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => { server.close(() => { resolve() }) })
    }
  }
}

async function main (): Promise<void> {
  const portFlag = process.argv.indexOf('--port')
  const port = portFlag >= 0 ? Number(process.argv[portFlag + 1]) : 0
  const stub = process.argv.includes('--canned') ? await startCannedServer(port) : await startStubServer(port)
  console.log(`listening ${new URL(stub.url).port}`)
  const stop = (): void => { void stub.close().then(() => { process.exit(0) }) }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
  if (process.argv.includes('--stop-on-stdin-close')) {
    // Started by a parent that holds our stdin: if the parent dies, so does the stub.
    process.stdin.on('end', stop)
    process.stdin.resume()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err)
    process.exit(1)
  })
}
