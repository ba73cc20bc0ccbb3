import assert from 'node:assert/strict'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { DiscoveryDialer } from '../../src/net/discovery.js'
import type { DiscoveryComponents } from '../../src/net/discovery.js'
import type { ComponentLogger, Connection, Logger, PeerId } from '@libp2p/interface'

const silent: ComponentLogger = {
  forComponent: () => Object.assign(() => {}, { error: () => {}, trace: () => {}, enabled: false }) as unknown as Logger
}

async function randomPeer (): Promise<PeerId> {
  return peerIdFromPrivateKey(await generateKeyPair('Ed25519'))
}

/** A libp2p stand-in whose dials succeed or fail when the test says so. */
class FakeNetwork {
  readonly events = new EventTarget()
  readonly dials: Array<{ peer: PeerId, settle: (ok: boolean) => void }> = []
  readonly connected: PeerId[] = []

  components (self: PeerId): DiscoveryComponents {
    return {
      peerId: self,
      peerStore: { all: async () => [] },
      peerRouting: { getClosestPeers: async function * () {} },
      connectionManager: {
        openConnection: async (peer: PeerId) => await new Promise<Connection>((resolve, reject) => {
          this.dials.push({
            peer,
            settle: ok => {
              if (!ok) { reject(new Error('refused')); return }
              this.connected.push(peer)
              resolve({ remotePeer: peer } as unknown as Connection)
            }
          })
        }),
        getConnections: (peer?: PeerId) => this.connected
          .filter(p => peer == null || p.equals(peer))
          .map(p => ({ remotePeer: p }) as unknown as Connection)
      },
      events: this.events as unknown as DiscoveryComponents['events'],
      logger: silent
    }
  }

  discover (peer: PeerId): void {
    this.events.dispatchEvent(new CustomEvent('peer:discovery', { detail: { id: peer, multiaddrs: [] } }))
  }
}

describe('net/discovery dialer', () => {
  let dialer: DiscoveryDialer | undefined
  afterEach(() => { dialer?.stop() })

  it('dials discovered peers, never itself, and stops at maxPeers', async () => {
    const net = new FakeNetwork()
    const self = await randomPeer()
    dialer = new DiscoveryDialer(net.components(self), { maxPeers: 2, maxParallelDials: 8 })
    dialer.start()
    net.discover(self)
    const peers = await Promise.all([1, 2, 3, 4].map(randomPeer))
    for (const p of peers) net.discover(p)
    assert.equal(net.dials.length, 2, 'two dials in flight fill the two slots')
    for (const d of net.dials) d.settle(true)
    await Promise.resolve()
    net.discover(peers[2] as PeerId)
    assert.equal(net.dials.length, 2, 'at maxPeers nothing more is dialled')
  })

  it('runs at most maxParallelDials at once and dials the queued peers as slots free up', async () => {
    const net = new FakeNetwork()
    dialer = new DiscoveryDialer(net.components(await randomPeer()), { maxPeers: 10, maxParallelDials: 2 })
    dialer.start()
    const peers = await Promise.all([1, 2, 3].map(randomPeer))
    for (const p of peers) net.discover(p)
    assert.equal(net.dials.length, 2)
    assert.equal(dialer.pendingDials(), 3)
    net.dials[0]?.settle(false)
    // The freed slot goes to the queued third peer once the failed dial has settled.
    while (net.dials.length < 3) await new Promise(resolve => setImmediate(resolve))
    assert.ok(net.dials[2]?.peer.equals(peers[2]))
  })

  it('a peer whose dial failed is not dialled again before its backoff', async () => {
    const net = new FakeNetwork()
    dialer = new DiscoveryDialer(net.components(await randomPeer()), { backoffBaseMs: 60_000 })
    dialer.start()
    const peer = await randomPeer()
    net.discover(peer)
    net.dials[0]?.settle(false)
    while (dialer.pendingDials() > 0) await new Promise(resolve => setImmediate(resolve))
    net.discover(peer)
    assert.equal(net.dials.length, 1)
  })

  it('dials again after a stop and a start (libp2p restarted in-process)', async () => {
    const net = new FakeNetwork()
    dialer = new DiscoveryDialer(net.components(await randomPeer()))
    dialer.start()
    dialer.stop()
    dialer.start()
    const peer = await randomPeer()
    net.discover(peer)
    net.dials[0]?.settle(true)
    while (dialer.pendingDials() > 0) await new Promise(resolve => setImmediate(resolve))
    assert.equal(net.connected.length, 1)
    assert.equal(dialer.backoffFor(peer), undefined)
  })
})
