// The router actor: the only part of a node that touches libp2p. It creates and
// stops the host, owns the peer links (one long-lived framed stream per peer on
// /blackhole/consensus/1.0.0, opened with a Hello that must name our chain and
// genesis), turns libp2p events into typed messages to itself, measures latency
// through the links, keeps the address book in the store, and reports peers.
//
// Backpressure runs end to end. Inbound: frames go to the `inbound` actor with
// `tell`; when its mailbox is full the links get a promise that pauses the peer's
// stream, so the sender's yamux window closes instead of memory growing here.
// Outbound: a `send` says what to do when the peer's queue is full: 'wait' (nothing
// is lost; the router's mailbox waits, and with it every sender) or 'drop' (for
// messages the protocol retransmits anyway, so one slow peer cannot stall the rest).
//
// Fault injection (tests only): `partition` names peers whose consensus frames are dropped
// both ways, at the message layer, like an etcd failpoint. The libp2p connections and the
// link-level hello/ping/pong stay up, so healing (an empty list) needs no redial and the
// protocol sees exactly a network that loses every message to and from those peers.

import type { IdentifyResult, Libp2p, PeerId } from '@libp2p/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import type { Registry } from 'prom-client'
import type { PrivateKey } from '@libp2p/interface'
import { type ActorContext, type ActorRef, type Behaviour, assertNever } from '../../actors/index.js'
import { registeredCounter } from '../api/metrics.js'
import { type Host, createHost } from '../net/host.js'
import { PeerLinks, type VerdictEvent } from '../net/links/peer-links.js'
import { PeerScores } from '../net/links/peer-scores.js'
import type { WireMessage } from '../net/wire/messages.js'
import type { Logger } from '../log.js'
import type { PeerStatus } from './view.js'
import type { KnownPeer, CommonStoreMsg } from './store.js'

export interface RouterStatus {
  readonly addrs: readonly string[]
  readonly peers: readonly PeerStatus[]
}

/** A frame from a peer, after the links accepted it (decoded, within limits, handshake done). */
export interface InboundFrame {
  readonly type: 'inbound'
  readonly from: string
  readonly message: WireMessage
}

export type WhenFull = 'wait' | 'drop'

/** The stream protocol of the consensus links. */
export const CONSENSUS_PROTOCOL = '/blackhole/consensus/1.0.0'

export type RouterMsg =
  | { readonly type: 'status'; readonly replyTo: ActorRef<RouterStatus> }
  | { readonly type: 'send'; readonly to: string; readonly message: WireMessage; readonly whenFull: WhenFull }
  | { readonly type: 'peerConnected'; readonly peerId: string }
  | { readonly type: 'peerDisconnected'; readonly peerId: string }
  /** Identify told us the addresses the peer listens on: worth keeping in the address book. */
  | { readonly type: 'peerIdentified'; readonly peerId: string; readonly listenAddrs: readonly string[] }
  | { readonly type: 'pingPeers' }
  | { readonly type: 'pingResult'; readonly peerId: string; readonly rttMs: number | null }
  /**
   * Fault injection: drop every consensus frame to and from these peers until the next
   * `partition` (an empty list heals). Replies with the peers now partitioned away.
   */
  | { readonly type: 'partition'; readonly peers: readonly string[]; readonly replyTo: ActorRef<readonly string[]> }

export interface RouterInit {
  readonly privateKey: PrivateKey
  /** What our Hello says; a peer whose Hello differs in chain, genesis or protocol is refused. */
  readonly hello: { readonly chainId: string, readonly genesisHash: Uint8Array, readonly protocol: string, readonly nodeVersion: string }
  /** Where accepted frames go (the validator). Its mailbox bound is the inbound backpressure. */
  readonly inbound: ActorRef<InboundFrame>
  readonly listen: readonly string[]
  readonly bootstrap: readonly string[]
  readonly mdns: boolean
  readonly validators: ReadonlySet<string>
  readonly registry: Registry
  readonly store: ActorRef<CommonStoreMsg>
  readonly logger: Logger
  /** How often every connected peer is pinged for its latency. */
  readonly pingIntervalMs?: number
  /** Called with the connected-peer count whenever it changes (metrics gauge). */
  readonly onPeerCount?: (count: number) => void
}

const PING_TIMEOUT_MS = 2000

export function routerBehaviour (init: RouterInit): Behaviour<RouterMsg> {
  // Outside `create`, like a failpoint: an injected partition outlives a restart of the router.
  let partitioned: ReadonlySet<string> = new Set()
  const partitionDrops = registeredCounter(init.registry, 'blackhole_router_partition_drops_total',
    'Consensus frames dropped by an injected partition (fault injection)', ['direction'])
  const tooLarge = registeredCounter(init.registry, 'blackhole_router_too_large_total',
    'Messages the router could not send because one frame would exceed the wire limit, by message type', ['type'])
  return {
    async create (ctx) {
      const log = init.logger.child({ actor: 'router' })
      // One score book for the links (which judge frames) and libp2p (which refuses the banned).
      const scores = new PeerScores({})
      const host: Host = await createHost({
        scores,
        privateKey: init.privateKey,
        listen: [...init.listen],
        bootstrap: [...init.bootstrap],
        mdns: init.mdns,
        metricsRegistry: init.registry
      })
      const peerIds = new PeerIdCache()
      const links = new PeerLinks({ libp2p: host, registry: init.registry, log: log.child({ component: 'links' }) }, {
        protocol: CONSENSUS_PROTOCOL,
        scores,
        handler: (peer, message) => {
          const from = peerIds.remember(peer)
          if (partitioned.has(from)) {
            partitionDrops.inc({ direction: 'inbound' })
            return undefined
          }
          const frame: InboundFrame = { type: 'inbound', from, message }
          const told = init.inbound.tell(frame)
          // A full mailbox pauses this peer's stream until there is room again.
          return told.ok ? undefined : init.inbound.send(frame)
        },
        handshake: {
          hello: {
            ...init.hello,
            listenAddrs: host.getMultiaddrs().slice(0, 32).map((address) => address.bytes)
          }
        },
        onVerdict: (event: VerdictEvent) => {
          const fields = { peer: event.peer.toString(), verdict: event.verdict, score: event.score }
          if (event.banned) log.warn(fields, 'peer banned for bad frames')
          else log.debug(fields, 'frame rejected')
        }
      })
      // `cleanup` runs only for an actor whose `create` finished: a failure from here on
      // must stop the host itself, or its port and metrics stay taken for the restart.
      try {
        await links.start()
        await rememberKnownPeers(ctx, host, init.store)
      } catch (err) {
        await links.stop()
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
      // libp2p started inside createHost: a fast discovery (mDNS on a LAN) can connect and
      // identify a peer before the listeners above existed. Take up those peers now.
      for (const peer of host.getPeers()) {
        const peerId = peerIds.remember(peer)
        ctx.self.tell({ type: 'peerConnected', peerId })
        host.peerStore.get(peer).then(
          (known) => { ctx.self.tell({ type: 'peerIdentified', peerId, listenAddrs: known.addresses.map((address) => address.multiaddr.toString()) }) },
          () => {}
        )
      }
      ctx.timers.startPeriodic('ping', { type: 'pingPeers' }, init.pingIntervalMs ?? 2000)
      log.info({ addrs: addressesOf(host) }, 'libp2p host listening')

      const reportPeerCount = (): void => { init.onPeerCount?.(host.getPeers().length) }

      return {
        async receive (msg) {
          switch (msg.type) {
            case 'status':
              msg.replyTo.tell({ addrs: addressesOf(host), peers: peerStatuses(host, latency, init.validators, links) })
              return
            case 'send': {
              if (partitioned.has(msg.to)) {
                partitionDrops.inc({ direction: 'outbound' })
                return
              }
              const peer = peerIds.get(msg.to)
              if (peer === undefined) return
              const sent = msg.whenFull === 'wait' ? await links.sendWhenWritable(peer, msg.message) : links.send(peer, msg.message)
              if (!sent.ok && sent.error.code === 'TOO_LARGE') {
                // Never a peer's fault: one of our own actors made a message the wire cannot
                // carry. The other refusals (queue full, unreachable) are counted by the links.
                const type = msg.message.type === 'pbft' ? `pbft.${msg.message.message.type}` : msg.message.type
                tooLarge.inc({ type })
                log.warn({ to: msg.to, type, bytes: sent.error.frameBytes, limit: sent.error.maxFrameBytes }, 'message too large for one frame: not sent')
              }
              return
            }
            case 'peerConnected': {
              reportPeerCount()
              log.debug({ peer: msg.peerId }, 'peer connected')
              pingPeer(ctx.self, links, peerIds, msg.peerId)
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
              for (const peer of host.getPeers()) pingPeer(ctx.self, links, peerIds, peerIds.remember(peer))
              return
            case 'pingResult':
              if (host.getPeers().some((peer) => peer.toString() === msg.peerId)) latency.set(msg.peerId, msg.rttMs)
              return
            case 'partition':
              partitioned = new Set(msg.peers)
              log.warn({ peers: [...partitioned] }, partitioned.size === 0 ? 'fault injection: partition healed' : 'fault injection: partitioned from peers')
              msg.replyTo.tell([...partitioned])
              return
            default:
              assertNever(msg)
          }
        },
        async cleanup () {
          host.removeEventListener('peer:connect', onConnect)
          host.removeEventListener('peer:disconnect', onDisconnect)
          host.removeEventListener('peer:identify', onIdentify)
          await links.stop()
          await host.stop()
        }
      }
    }
  }
}

function addressesOf (host: Libp2p): string[] {
  return host.getMultiaddrs().map((address) => address.toString())
}

function peerStatuses (host: Libp2p, latency: ReadonlyMap<string, number | null>, validators: ReadonlySet<string>, links: PeerLinks): PeerStatus[] {
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
      score: links.status(connection.remotePeer)?.score ?? 0,
      queuedBytes: links.queuedBytes(connection.remotePeer)
    })
  }
  return [...byPeer.values()]
}

/**
 * Latency through our own links (queues, framing and stream), which is what consensus
 * messages see. Pings run beside the mailbox; their results come back as messages.
 */
function pingPeer (self: ActorRef<RouterMsg>, links: PeerLinks, peerIds: PeerIdCache, peerId: string): void {
  const peer = peerIds.get(peerId)
  if (peer === undefined) return
  links.ping(peer, { timeoutMs: PING_TIMEOUT_MS }).then(
    (result) => { self.tell({ type: 'pingResult', peerId, rttMs: result.ok ? result.rttMs : null }) },
    () => { self.tell({ type: 'pingResult', peerId, rttMs: null }) }
  )
}

/** Peer ids as strings in messages, as PeerId objects for libp2p: parse each string once. */
class PeerIdCache {
  private readonly byString = new Map<string, PeerId>()

  remember (peer: PeerId): string {
    const key = peer.toString()
    if (!this.byString.has(key)) this.byString.set(key, peer)
    return key
  }

  get (peerId: string): PeerId | undefined {
    let peer = this.byString.get(peerId)
    if (peer === undefined) {
      try {
        peer = peerIdFromString(peerId)
      } catch {
        return undefined
      }
      this.byString.set(peerId, peer)
    }
    return peer
  }
}

/** Peers from the address book go into the peer store, where the discovery dialer finds them. */
async function rememberKnownPeers (ctx: ActorContext<RouterMsg>, host: Host, store: ActorRef<CommonStoreMsg>): Promise<void> {
  const known = await ctx.ask<CommonStoreMsg, readonly KnownPeer[]>(store, (replyTo) => ({ type: 'knownPeers', replyTo }), 2000)
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
