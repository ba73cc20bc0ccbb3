import assert from 'node:assert/strict'
import { createServer, connect, type Server, type Socket } from 'node:net'
import type { MessageStream } from '@libp2p/interface'
import { coalesceWrites, coalescingStats } from '../../src/net/coalesced-writes.js'
import { HostPool, loopbackAddr, until, directlyConnected } from '../fixtures/hosts.js'

/** A stand-in for @libp2p/tcp's connection: `sendData` writes each buffer to the socket, as it does. */
function tcpLikeConnection (socket: Socket): { socket: Socket, sendData: (data: Uint8Array[]) => void } {
  return {
    socket,
    sendData (data) {
      for (const buffer of data) socket.write(buffer)
    }
  }
}

async function nextTick (): Promise<void> {
  await new Promise<void>((resolve) => { process.nextTick(resolve) })
}

describe('net/coalesced-writes: one write per connection per tick', function () {
  this.timeout(30_000)
  let server: Server | undefined
  const pool = new HostPool()
  afterEach(async () => {
    server?.close()
    await pool.stopAll()
  })

  it('writes made in one tick stay corked until its end, then arrive whole and in order', async () => {
    const received: Buffer[] = []
    let gotAll: () => void = () => {}
    const all = new Promise<void>((resolve) => { gotAll = resolve })
    server = createServer((peer) => {
      peer.on('data', (chunk: Buffer) => {
        received.push(chunk)
        if (Buffer.concat(received).length === 6) gotAll()
      })
    })
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    assert.ok(address !== null && typeof address === 'object')
    const socket = connect(address.port, '127.0.0.1')
    await new Promise<void>((resolve) => socket.once('connect', resolve))
    try {
      const connection = tcpLikeConnection(socket)
      coalesceWrites(connection as unknown as MessageStream)
      connection.sendData([Buffer.from('ab')])
      connection.sendData([Buffer.from('c'), Buffer.from('d')])
      connection.sendData([Buffer.from('ef')])
      assert.equal(socket.writableCorked, 1, 'corked once, however many writes')
      await nextTick()
      assert.equal(socket.writableCorked, 0, 'uncorked at the end of the tick')
      await all
      assert.equal(Buffer.concat(received).toString(), 'abcdef')
    } finally {
      socket.destroy()
    }
  })

  it('a connection without a socket is left as it is, and counted', () => {
    const before = coalescingStats.notHooked
    const connection = { sendData: () => undefined }
    const original = connection.sendData
    assert.equal(coalesceWrites(connection as unknown as MessageStream), connection)
    assert.equal(connection.sendData, original)
    assert.equal(coalescingStats.notHooked, before + 1)
  })

  // Guards the hook against a libp2p upgrade: @libp2p/tcp's connection must still have the
  // `socket` and `sendData` it relies on, or the writes silently go one by one again.
  it('every connection between two real hosts is hooked', async () => {
    const before = { ...coalescingStats }
    const a = await pool.start()
    const b = await pool.start()
    await b.dial(loopbackAddr(a))
    // Connected means the Noise handshake and the muxer negotiation went through the hooked connection.
    await until(() => directlyConnected(a, b) && directlyConnected(b, a), 10_000, 'the hosts to connect')
    assert.equal(coalescingStats.notHooked, before.notHooked, 'no connection was left unhooked')
    assert.ok(coalescingStats.hooked >= before.hooked + 2, 'both ends of the connection are hooked')
  })
})
