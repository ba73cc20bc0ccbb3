import assert from 'node:assert/strict'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import { Counter, Registry, register } from 'prom-client'
import { waitForConnection, waitForPeers } from '../../src/net/discovery.js'
import { HostPool, loopbackAddr, until } from '../fixtures/hosts.js'
import { HostInitError, createHost, dhtAddressMapper } from '../../src/net/host.js'
import type { Host } from '../../src/net/host.js'
import type { Message } from '@libp2p/gossipsub'

describe('net/host (127.0.0.1)', function () {
  this.timeout(30_000)
  const pool = new HostPool()
  afterEach(async () => { await pool.stopAll() })

  // @chainsafe/libp2p-gossipsub 14 delivers nothing on libp2p 3; this pins @libp2p/gossipsub.
  it('gossipsub: one publish on a topic reaches both other subscribers', async () => {
    const a = await pool.start()
    const bootstrap = [loopbackAddr(a).toString()]
    const [b, c] = await Promise.all([pool.start({ bootstrap }), pool.start({ bootstrap })]) as [Host, Host]
    await Promise.all([a, b, c].map(async n => { await waitForPeers(n, 2, 10_000) }))

    const topic = 'blackhole/test/1'
    const received = new Map<string, Message[]>()
    for (const node of [a, b, c]) {
      received.set(node.peerId.toString(), [])
      node.services.pubsub.addEventListener('message', evt => {
        if (evt.detail.topic === topic) received.get(node.peerId.toString())?.push(evt.detail)
      })
      node.services.pubsub.subscribe(topic)
    }
    // Publishing before the subscriptions have propagated would reach nobody.
    await until(() => a.services.pubsub.getSubscribers(topic).length === 2, 10_000, 'A to see both subscriptions')

    const payload = new TextEncoder().encode('block 1')
    const result = await a.services.pubsub.publish(topic, payload)
    assert.equal(result.recipients.length, 2)
    await until(() => [b, c].every(n => (received.get(n.peerId.toString())?.length ?? 0) >= 1), 10_000, 'B and C to receive')
    for (const node of [b, c]) {
      const messages = received.get(node.peerId.toString()) ?? []
      assert.equal(messages.length, 1)
      assert.deepEqual(new Uint8Array(messages[0]?.data ?? []), payload)
      assert.equal(messages[0]?.type === 'signed' ? messages[0].from.toString() : undefined, a.peerId.toString())
    }
    assert.equal(received.get(a.peerId.toString())?.length, 0, 'no echo to the publisher')
  })

  it('gossipsub: publishing with no subscribers is not an error (a node alone)', async () => {
    const alone = await pool.start()
    const result = await alone.services.pubsub.publish('blackhole/test/empty', new Uint8Array([1]))
    assert.equal(result.recipients.length, 0)
  })

  it('libp2p metrics appear in the registry given as metricsRegistry', async () => {
    const registry = new Registry()
    const a = await pool.start({ metricsRegistry: registry })
    const b = await pool.start({ bootstrap: [loopbackAddr(a).toString()] })
    await waitForPeers(b, 1, 10_000)
    const text = await registry.metrics()
    assert.match(text, /^libp2p_connection_manager_connections\{/m)
    assert.match(text, /^libp2p_data_transfer_bytes_total\{/m)
  })

  it('a host created after another stopped on the same registry takes its metrics over', async () => {
    const registry = new Registry()
    const first = await pool.start({ metricsRegistry: registry })
    // Two running hosts would report into the same names: refused.
    await assert.rejects(pool.start({ metricsRegistry: registry }), /already used by running host/)
    await first.stop()
    const second = await pool.start({ metricsRegistry: registry })
    const peer = await pool.start({ bootstrap: [loopbackAddr(second).toString()] })
    await waitForConnection(second, peer.peerId, 10_000)
    const connections = (await registry.getSingleMetric('libp2p_connection_manager_connections')?.get())?.values ?? []
    // @libp2p/prometheus-metrics names the label after the metric itself.
    const inbound = connections.find(v => Object.values(v.labels).includes('inbound'))
    assert.equal(inbound?.value, 1, 'the gauge reports the running host, not the stopped one')
  })

  it("creating a host with metrics leaves prom-client's default registry alone", async () => {
    const name = `blackhole_test_default_registry_${process.pid}_total`
    const counter = new Counter({ name, help: 'registered by other code in the default registry' })
    try {
      await pool.start({ metricsRegistry: new Registry() })
      assert.equal(register.getSingleMetric(name), counter)
    } finally {
      register.removeSingleMetric(name)
    }
  })

  it('maxConnections: a node at its limit refuses further inbound connections', async () => {
    const hub = await pool.start({ maxConnections: 2 })
    const hubAddr = loopbackAddr(hub)
    await Promise.all([1, 2].map(async () => await pool.start({ bootstrap: [hubAddr.toString()] })))
    await waitForPeers(hub, 2, 10_000)
    const late = await pool.start()
    await assert.rejects(late.dial(hubAddr))
    assert.equal(hub.getPeers().length, 2)
    assert.equal(late.getPeers().length, 0)
  })

  it('a bootstrap entry without a peer id, or not a multiaddr, is a HostInitError naming it', async () => {
    const privateKey = await generateKeyPair('Ed25519')
    for (const entry of ['/ip4/127.0.0.1/tcp/4001', 'not-a-multiaddr']) {
      await assert.rejects(createHost({ privateKey, bootstrap: [entry] }), (err: unknown) => {
        assert.ok(err instanceof HostInitError)
        assert.equal(err.code, 'BAD_BOOTSTRAP_ADDR')
        assert.equal(err.addr, entry)
        return true
      })
    }
  })

  it('a bootstrap list naming the node itself is accepted (one list for a whole network)', async () => {
    const a = await pool.start()
    const privateKey = await generateKeyPair('Ed25519')
    const self = `/ip4/127.0.0.1/tcp/1/p2p/${peerIdFromPrivateKey(privateKey).toString()}`
    const b = await pool.start({ privateKey, bootstrap: [self, loopbackAddr(a).toString()] })
    await waitForConnection(b, a.peerId, 10_000)
  })

  it('the DHT passes loopback addresses on only when the node itself is loopback-only', async () => {
    const id = peerIdFromPrivateKey(await generateKeyPair('Ed25519'))
    const peer = { id, multiaddrs: ['/ip4/127.0.0.1/tcp/1', '/ip4/10.0.0.5/tcp/1', '/ip6/::1/tcp/1'].map(a => multiaddr(a)) }
    const kept = (listen: string[]): string[] => dhtAddressMapper(listen)(peer).multiaddrs.map(a => a.toString())
    assert.deepEqual(kept(['/ip4/127.0.0.1/tcp/0']), ['/ip4/127.0.0.1/tcp/1', '/ip4/10.0.0.5/tcp/1', '/ip6/::1/tcp/1'])
    assert.deepEqual(kept(['/ip4/0.0.0.0/tcp/4001']), ['/ip4/10.0.0.5/tcp/1'])
  })
})
