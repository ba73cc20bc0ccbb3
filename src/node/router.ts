// The router actor: the only part of a node that touches libp2p. It creates and
// stops the host, turns libp2p events into typed messages to itself, measures peer
// latency, keeps the address book in the store, and reports connected peers.

import type { IdentifyResult, Libp2p, PeerId } from '@libp2p/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import type { Registry } from 'prom-client'
import type { PrivateKey } from '@libp2p/interface'
import { type ActorContext, type ActorRef, type Behaviour, assertNever } from '../../actors/index.js'
import { type Host, createHost } from '../net/host.js'
import type { Logger } from '../log.js'
import type { PeerStatus } from './view.js'
import type { KnownPeer, StoreMsg } from './store.js'

export interface RouterStatus {
  readonly addrs: readonly string[]
  readonly peers: readonly PeerStatus[]
}

export type RouterMsg =
  | { readonly type: 'status'; readonly replyTo: ActorRef<RouterStatus> }
  | { readonly type: 'peerConnected'; readonly peerId: string }
  | { readonly type: 'peerDisconnected'; readonly peerId: string }
  /** Identify told us the addresses the peer listens on: worth keeping in the address book. */
  | { readonly type: 'peerIdentified'; readonly peerId: string; readonly listenAddrs: readonly string[] }
  | { readonly type: 'pingPeers' }
  | { readonly type: 'pingResult'; readonly peerId: string; readonly rttMs: number | null }

export interface RouterInit {
  readonly privateKey: PrivateKey
  readonly listen: readonly string[]
  readonly bootstrap: readonly string[]
  readonly mdns: boolean
  readonly validators: ReadonlySet<string>
  readonly registry: Registry
  readonly store: ActorRef<StoreMsg>
  readonly logger: Logger
  /** How often every connected peer is pinged for its latency. */
  readonly pingIntervalMs?: number
  /** Called with the connected-peer count whenever it changes (metrics gauge). */
  readonly onPeerCount?: (count: number) => void
}

const PING_TIMEOUT_MS = 2000

export function routerBehaviour (init: RouterInit): Behaviour<RouterMsg> {
  return {
    async create (ctx) {
      const log = init.logger.child({ actor: 'router' })
      const host: Host = await createHost({
        privateKey: init.privateKey,
        listen: [...init.listen],
        bootstrap: [...init.bootstrap],
        mdns: init.mdns,
        metricsRegistry: init.registry
      })
      // `cleanup` runs only for an actor whose `create` finished: a failure from here on
      // must stop the host itself, or its port and metrics stay taken for the restart.
      try {
        await rememberKnownPeers(ctx, host, init.store)
      } catch (err) {
        await host.stop()
        throw err
      }
      const latency = new Map<string, number | null>()
      const onConnect = (event: CustomEvent<PeerId>): void => { ctx.self.tell({ type: 'peerConnected', peerId: event.detail.toString() }) }
      const onDisconnect = (event: CustomEvent<PeerId>): void => { ctx.self.tell({ type: 'peerDisconnected', peerId: event.detail.toString() }) }
      const onIdentify = (event: CustomEvent<IdentifyResult>): void => {
        ctx.self.tell({ type: 'peerIdentified', peerId: event.detail.peerId.toString(), listenAddrs: event.detail.listenAddrs.map((address) => address.toString()) })
      }
      host.addEventListener('peer:connect', onConnect)
      host.addEventListener('peer:disconnect', onDisconnect)
      host.addEventListener('peer:identify', onIdentify)
      ctx.timers.startPeriodic('ping', { type: 'pingPeers' }, init.pingIntervalMs ?? 2000)
      log.info({ addrs: addressesOf(host) }, 'libp2p host listening')

      const reportPeerCount = (): void => { init.onPeerCount?.(host.getPeers().length) }

      return {
        receive (msg) {
          switch (msg.type) {
            case 'status':
              msg.replyTo.tell({ addrs: addressesOf(host), peers: peerStatuses(host, latency, init.validators) })
              return
            case 'peerConnected': {
              reportPeerCount()
              log.debug({ peer: msg.peerId }, 'peer connected')
              pingPeer(ctx.self, host, msg.peerId)
              return
            }
            case 'peerIdentified':
              init.store.tell({ type: 'rememberPeer', peerId: msg.peerId, addrs: msg.listenAddrs })
              return
            case 'peerDisconnected':
              reportPeerCount()
              latency.delete(msg.peerId)
              log.debug({ peer: msg.peerId }, 'peer disconnected')
              return
            case 'pingPeers':
              for (const peer of host.getPeers()) pingPeer(ctx.self, host, peer.toString())
              return
            case 'pingResult':
              if (host.getPeers().some((peer) => peer.toString() === msg.peerId)) latency.set(msg.peerId, msg.rttMs)
              return
            default:
              assertNever(msg)
          }
        },
        async cleanup () {
          host.removeEventListener('peer:connect', onConnect)
          host.removeEventListener('peer:disconnect', onDisconnect)
          host.removeEventListener('peer:identify', onIdentify)
          await host.stop()
        }
      }
    }
  }
}

function addressesOf (host: Libp2p): string[] {
  return host.getMultiaddrs().map((address) => address.toString())
}

function peerStatuses (host: Libp2p, latency: ReadonlyMap<string, number | null>, validators: ReadonlySet<string>): PeerStatus[] {
  const byPeer = new Map<string, PeerStatus>()
  for (const connection of host.getConnections()) {
    const peerId = connection.remotePeer.toString()
    const known = byPeer.get(peerId)
    const addr = connection.remoteAddr.toString()
    if (known !== undefined) {
      if (!known.addrs.includes(addr)) byPeer.set(peerId, { ...known, addrs: [...known.addrs, addr] })
      continue
    }
    byPeer.set(peerId, {
      peerId,
      addrs: [addr],
      latencyMs: latency.get(peerId) ?? null,
      direction: connection.direction,
      validator: validators.has(peerId),
      score: 0
    })
  }
  return [...byPeer.values()]
}

/** Pings run beside the mailbox; their results come back as messages. */
function pingPeer (self: ActorRef<RouterMsg>, host: Host, peerId: string): void {
  host.services.ping.ping(peerIdFromString(peerId), { signal: AbortSignal.timeout(PING_TIMEOUT_MS) }).then(
    (rttMs) => { self.tell({ type: 'pingResult', peerId, rttMs }) },
    () => { self.tell({ type: 'pingResult', peerId, rttMs: null }) }
  )
}

/** Peers from the address book go into the peer store, where the discovery dialer finds them. */
async function rememberKnownPeers (ctx: ActorContext<RouterMsg>, host: Host, store: ActorRef<StoreMsg>): Promise<void> {
  const known = await ctx.ask<StoreMsg, readonly KnownPeer[]>(store, (replyTo) => ({ type: 'knownPeers', replyTo }), 2000)
  if (!known.ok) return
  for (const peer of known.value) {
    if (peer.peerId === host.peerId.toString()) continue
    try {
      await host.peerStore.merge(peerIdFromString(peer.peerId), { multiaddrs: peer.addrs.map((address) => multiaddr(address)) })
    } catch {
      // A malformed entry is skipped; the rest of the book still helps.
    }
  }
}
