// A lean HTTP/1.1 client for the load generator: keep-alive connections over node:net,
// one request in flight per connection, responses parsed by hand (Content-Length or
// chunked bodies). node:http and fetch spend most of a small request's cost in their
// own machinery (header objects, streams, promises per chunk); a closed-loop bench
// needs the client to cost far less than the servers it measures.

import net from 'node:net'

export interface RawReply {
  readonly status: number
  readonly body: Buffer
  readonly retryAfter?: number
}

export class RawHttpError extends Error {
  constructor (readonly code: string, message: string) {
    super(message)
  }
}

const CRLF2 = Buffer.from('\r\n\r\n')

interface Pending {
  resolve (reply: RawReply): void
  reject (err: RawHttpError): void
  timer: NodeJS.Timeout
  /** HEAD responses carry no body whatever their headers say. */
  head: boolean
}

/** One keep-alive connection; `request` must not be called while one is in flight. */
class RawConnection {
  private readonly socket: net.Socket
  private buffered: Buffer = Buffer.alloc(0)
  private pending: Pending | undefined
  private closed = false
  /** Set once the server says it will close after this response. */
  private closing = false

  constructor (host: string, port: number, private readonly timeoutMs: number, private readonly onClosed: (connection: RawConnection) => void) {
    this.socket = net.connect({ host, port, noDelay: true })
    this.socket.on('data', (chunk: Buffer) => { this.receive(chunk) })
    this.socket.on('error', (err: NodeJS.ErrnoException) => { this.fail(new RawHttpError(err.code ?? 'SOCKET', err.message)) })
    this.socket.on('close', () => { this.fail(new RawHttpError('ECONNRESET', 'connection closed before the response')) })
  }

  get usable (): boolean { return !this.closed && !this.closing }

  request (head: string, body: Buffer | undefined, isHead: boolean): Promise<RawReply> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.fail(new RawHttpError('TIMEOUT', `no answer within ${this.timeoutMs} ms`)) }, this.timeoutMs)
      this.pending = { resolve, reject, timer, head: isHead }
      const bytes = body === undefined || body.length === 0 ? Buffer.from(head, 'latin1') : Buffer.concat([Buffer.from(head, 'latin1'), body])
      this.socket.write(bytes)
    })
  }

  destroy (): void {
    this.closed = true
    this.socket.destroy()
  }

  private receive (chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk])
    const pending = this.pending
    if (pending === undefined) {
      if (this.buffered.length > 0) this.fail(new RawHttpError('PROTOCOL', 'bytes from the server with no request outstanding'))
      return
    }
    let parsed: { reply: RawReply, consumed: number, close: boolean } | undefined
    try {
      parsed = parseResponse(this.buffered, pending.head)
    } catch (err) {
      this.fail(err instanceof RawHttpError ? err : new RawHttpError('PROTOCOL', String(err)))
      return
    }
    if (parsed === undefined) return
    this.buffered = this.buffered.subarray(parsed.consumed)
    this.pending = undefined
    clearTimeout(pending.timer)
    if (parsed.close) {
      this.closing = true
      this.destroy()
      this.onClosed(this)
    }
    pending.resolve(parsed.reply)
  }

  private fail (err: RawHttpError): void {
    const pending = this.pending
    this.pending = undefined
    if (!this.closed) {
      this.destroy()
      this.onClosed(this)
    }
    if (pending !== undefined) {
      clearTimeout(pending.timer)
      pending.reject(err)
    }
  }
}

/** Parses one response from the front of `data`; undefined if it is not all there yet. */
export function parseResponse (data: Buffer, isHead = false): { reply: RawReply, consumed: number, close: boolean } | undefined {
  const headerEnd = data.indexOf(CRLF2)
  if (headerEnd < 0) {
    if (data.length > 64 * 1024) throw new RawHttpError('PROTOCOL', 'response headers larger than 64 KiB')
    return undefined
  }
  const lines = data.toString('latin1', 0, headerEnd).split('\r\n')
  const statusLine = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')
  if (statusLine === null) throw new RawHttpError('PROTOCOL', `bad status line: ${JSON.stringify(lines[0])}`)
  const status = Number(statusLine[1])
  let contentLength: number | undefined
  let chunked = false
  let close = (lines[0] ?? '').startsWith('HTTP/1.0')
  let retryAfter: number | undefined
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!
    const colon = line.indexOf(':')
    if (colon < 0) continue
    const name = line.slice(0, colon).trim().toLowerCase()
    const value = line.slice(colon + 1).trim()
    switch (name) {
      case 'content-length': contentLength = Number(value); break
      case 'transfer-encoding': chunked = value.toLowerCase().includes('chunked'); break
      case 'connection': close = value.toLowerCase() === 'close' ? true : value.toLowerCase() === 'keep-alive' ? false : close; break
      case 'retry-after': { const seconds = Number(value); if (Number.isFinite(seconds) && seconds >= 0) retryAfter = seconds; break }
      default: break
    }
  }
  const bodyStart = headerEnd + 4
  const extra = retryAfter !== undefined ? { retryAfter } : {}
  if (isHead || status === 204 || status === 304 || (status >= 100 && status < 200)) {
    return { reply: { status, body: Buffer.alloc(0), ...extra }, consumed: bodyStart, close }
  }
  if (chunked) {
    const decoded = decodeChunked(data, bodyStart)
    if (decoded === undefined) return undefined
    return { reply: { status, body: decoded.body, ...extra }, consumed: decoded.end, close }
  }
  if (contentLength !== undefined) {
    if (!Number.isInteger(contentLength) || contentLength < 0) throw new RawHttpError('PROTOCOL', 'bad content-length')
    if (data.length < bodyStart + contentLength) return undefined
    return { reply: { status, body: Buffer.from(data.subarray(bodyStart, bodyStart + contentLength)), ...extra }, consumed: bodyStart + contentLength, close }
  }
  // No length and not chunked: the body runs to the end of the connection, which a
  // keep-alive bench cannot use; servers under test always send a length.
  throw new RawHttpError('PROTOCOL', 'response without content-length or chunked encoding')
}

function decodeChunked (data: Buffer, start: number): { body: Buffer, end: number } | undefined {
  const parts: Buffer[] = []
  let at = start
  while (true) {
    const lineEnd = data.indexOf('\r\n', at, 'latin1')
    if (lineEnd < 0) return undefined
    const size = parseInt(data.toString('latin1', at, lineEnd).split(';')[0]!.trim(), 16)
    if (!Number.isFinite(size) || size < 0) throw new RawHttpError('PROTOCOL', 'bad chunk size')
    at = lineEnd + 2
    if (size === 0) {
      // Trailers (usually none) end with an empty line.
      const trailerEnd = data.indexOf('\r\n', at, 'latin1')
      if (trailerEnd < 0) return undefined
      if (trailerEnd === at) return { body: Buffer.concat(parts), end: at + 2 }
      const end = data.indexOf(CRLF2, at)
      if (end < 0) return undefined
      return { body: Buffer.concat(parts), end: end + 4 }
    }
    if (data.length < at + size + 2) return undefined
    parts.push(data.subarray(at, at + size))
    at += size + 2
  }
}

/** Keep-alive connections to one origin, at most `connections` of them. */
export class RawHttpPool {
  private readonly idle: RawConnection[] = []
  private readonly all = new Set<RawConnection>()
  private readonly waiting: Array<(connection: RawConnection) => void> = []
  private readonly hostHeader: string
  private closed = false

  constructor (private readonly host: string, private readonly port: number, private readonly connections: number, private readonly timeoutMs: number) {
    this.hostHeader = `${host}:${port}`
  }

  async request (method: string, path: string, body?: Buffer, contentType?: string): Promise<RawReply> {
    if (this.closed) throw new RawHttpError('CLOSED', 'pool closed')
    const connection = await this.acquire()
    let head = `${method} ${path} HTTP/1.1\r\nHost: ${this.hostHeader}\r\n`
    if (body !== undefined) {
      head += `Content-Length: ${body.length}\r\n`
      if (contentType !== undefined) head += `Content-Type: ${contentType}\r\n`
    }
    head += '\r\n'
    try {
      return await connection.request(head, body, method === 'HEAD')
    } finally {
      this.release(connection)
    }
  }

  close (): void {
    this.closed = true
    for (const connection of this.all) connection.destroy()
    this.all.clear()
    this.idle.length = 0
  }

  private async acquire (): Promise<RawConnection> {
    while (this.idle.length > 0) {
      const connection = this.idle.pop()!
      if (connection.usable) return connection
    }
    if (this.all.size < this.connections) {
      const connection = new RawConnection(this.host, this.port, this.timeoutMs, (closed) => { this.all.delete(closed) })
      this.all.add(connection)
      return connection
    }
    return await new Promise((resolve) => { this.waiting.push(resolve) })
  }

  private release (connection: RawConnection): void {
    if (!connection.usable || this.closed) {
      // A replacement for whoever waits, since this one is gone.
      const next = this.waiting.shift()
      if (next !== undefined && !this.closed) void this.acquire().then(next)
      return
    }
    const next = this.waiting.shift()
    if (next !== undefined) next(connection)
    else this.idle.push(connection)
  }
}
