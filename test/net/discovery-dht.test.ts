import assert from 'node:assert/strict'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { createHost } from '../../src/net/host.js'
import { waitForConnection, waitForPeers } from '../../src/net/discovery.js'
import { HostPool, directlyConnected, loopbackAddr, until } from '../fixtures/hosts.js'
import type { Host } from '../../src/net/host.js'

// Every host listens on 127.0.0.1 only (the HostInit default): nothing leaves the machine.
describe('net/discovery over the DHT (127.0.0.1)', function () {
  this.timeout(30_000)
  const pool = new HostPool()
  afterEach(async () => { await pool.stopAll() })

  it('two nodes that only know a bootstrap node find each other through the DHT and connect directly', async () => {
    const a = await pool.start()
    const bootstrap = [loopbackAddr(a).toString()]
    const started = Date.now()
    const [b, c] = await Promise.all([pool.start({ bootstrap }), pool.start({ bootstrap })]) as [Host, Host]

    await until(() => directlyConnected(b, c) && directlyConnected(c, b), 10_000, 'a direct B<->C connection')
    const elapsedMs = Date.now() - started
    console.log(`      B<->C direct connection via DHT after ${elapsedMs} ms`)

    // Direct: the connection's remote address is the other node's own listen address.
    const bToC = b.getConnections(c.peerId).map(conn => conn.remoteAddr.toString())
    const cToB = c.getConnections(b.peerId).map(conn => conn.remoteAddr.toString())
    assert.ok(bToC.some(addr => c.getMultiaddrs().some(own => own.toString().startsWith(addr))) ||
      cToB.some(addr => b.getMultiaddrs().some(own => own.toString().startsWith(addr))),
    `one side dialled the other's listen address (B->C ${bToC.join(',')}; C->B ${cToB.join(',')})`)
    // The DHT is ours, not the public one.
    assert.ok(a.getProtocols().includes('/blackhole/kad/1.0.0'))
    assert.ok(!a.getProtocols().includes('/ipfs/kad/1.0.0'))
  })

  it('five nodes that only know the bootstrap node form a full mesh', async () => {
    const a = await pool.start()
    const bootstrap = [loopbackAddr(a).toString()]
    const started = Date.now()
    const nodes = await Promise.all([1, 2, 3, 4].map(async () => await pool.start({ bootstrap })))
    const all = [a, ...nodes]
    await Promise.all(all.map(async n => { await waitForPeers(n, all.length - 1, 15_000) }))
    console.log(`      full mesh of ${all.length} after ${Date.now() - started} ms`)
    for (const x of all) for (const y of all) if (x !== y) assert.ok(directlyConnected(x, y))
  })

  it('a node that joins late is found by the nodes already there', async () => {
    const a = await pool.start()
    const bootstrap = [loopbackAddr(a).toString()]
    const b = await pool.start({ bootstrap })
    await waitForConnection(b, a.peerId, 5_000)
    const c = await pool.start({ bootstrap })
    await waitForConnection(c, b.peerId, 10_000)
    await waitForConnection(b, c.peerId, 10_000)
  })

  it('a bootstrap node that is down at start is retried with backoff until it comes up', async () => {
    // Learn A's identity and port, then take it down.
    const keyA = await generateKeyPair('Ed25519')
    const first = await createHost({ privateKey: keyA })
    const addrA = loopbackAddr(first).toString()
    await first.stop()

    const b = await pool.start({ bootstrap: [addrA], discovery: { maintainIntervalMs: 200, backoffBaseMs: 200 } })
    // Nothing listens at A's address yet, so B's dials fail and back off.
    const idA = peerIdFromPrivateKey(keyA)
    await until(() => (b.services.discovery.backoffFor(idA)?.failures ?? 0) >= 2, 10_000, 'two failed dials to A')
    assert.equal(b.getPeers().length, 0)

    const port = addrA.split('/')[4]
    const a = await pool.start({ privateKey: keyA, listen: [`/ip4/127.0.0.1/tcp/${port}`] })
    await waitForConnection(b, a.peerId, 10_000)
  })

  it('waitForPeers rejects with PEER_WAIT_TIMEOUT when the peers never come', async () => {
    const lonely = await pool.start()
    await assert.rejects(waitForPeers(lonely, 1, 100), (err: unknown) => {
      assert.equal((err as { code?: string }).code, 'PEER_WAIT_TIMEOUT')
      return true
    })
  })
})
