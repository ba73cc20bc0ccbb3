// The libp2p host every Blackhole node runs: TCP + Noise + Yamux, identify, ping,
// gossipsub for dissemination, a private kad-dht for discovery, bootstrap and
// (on a LAN, when asked) mDNS. See DESIGN.md "Network".
import { tunedNoise } from './noise.js'
import { yamux } from '@chainsafe/libp2p-yamux'
import type { PeerScores } from './links/peer-scores.js'
import { bootstrap } from '@libp2p/bootstrap'
import { gossipsub } from '@libp2p/gossipsub'
import { identify } from '@libp2p/identify'
import { kadDHT } from '@libp2p/kad-dht'
import { mdns } from '@libp2p/mdns'
import { ping } from '@libp2p/ping'
import { prometheusMetrics } from '@libp2p/prometheus-metrics'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { tcp } from '@libp2p/tcp'
import { multiaddr } from '@multiformats/multiaddr'
import { createLibp2p } from 'libp2p'
import { register as defaultRegistry } from 'prom-client'
import { discoveryDialer } from './discovery.js'
import type { DiscoveryDialer, DiscoveryInit } from './discovery.js'
import type { GossipSub, GossipsubOpts } from '@libp2p/gossipsub'
import type { Identify } from '@libp2p/identify'
import type { ComponentLogger, Libp2p, PeerInfo, PrivateKey } from '@libp2p/interface'
import type { KadDHT } from '@libp2p/kad-dht'
import type { Ping } from '@libp2p/ping'
import type { Libp2pOptions } from 'libp2p'
import type { Registry } from 'prom-client'

/** Our DHT is separate from the public IPFS one: `/blackhole/kad/1.0.0`. */
export const DHT_PROTOCOL_PREFIX = '/blackhole'
/** mDNS service name, so a LAN's other libp2p apps neither find us nor are found. */
export const MDNS_SERVICE_TAG = '_blackhole._udp.local'

// A type alias, not an interface: libp2p's ServiceMap needs an index signature.
export type Services = {
  identify: Identify
  /** Also required by the DHT (liveness of routing-table entries) and the connection monitor. */
  ping: Ping
  dht: KadDHT
  pubsub: GossipSub
  /** Dials discovered peers and runs periodic DHT lookups (libp2p 3 does neither by itself). */
  discovery: DiscoveryDialer
}

export type Host = Libp2p<Services>

export interface HostInit {
  privateKey: PrivateKey
  /** Multiaddrs to listen on. @default ['/ip4/127.0.0.1/tcp/0'] (tests; the CLI passes its own) */
  listen?: string[]
  /** Addresses to announce instead of the listen addresses (e.g. behind NAT). @default [] */
  announce?: string[]
  /**
   * Multiaddrs ending in /p2p/<peer id> (/dnsaddr/ allowed). An entry naming this
   * node itself is dropped, so every node of a network can share one list; an
   * entry that does not parse or has no peer id is a HostInitError. @default []
   */
  bootstrap?: string[]
  /** Multicast DNS discovery: only on a LAN, or inside a test's network namespace. @default false */
  mdns?: boolean
  /** Query interval of mDNS. @default 10_000 */
  mdnsIntervalMs?: number
  /** Connection limit; the discovery dialer stops dialling at this many peers. @default 64 */
  maxConnections?: number
  /**
   * Inbound connections accepted per second from one IP. libp2p's default (5) refuses
   * part of a local mesh, where every peer is 127.0.0.1. @default 32
   */
  inboundConnectionThreshold?: number
  /**
   * When given, libp2p's metrics (`libp2p_*`, `nodejs_memory_*`, `nodejs_fs_usage_bytes`)
   * are registered here so they appear in the node's /metrics. One running host per
   * registry; a host created after the previous one stopped takes its metrics over.
   * Process metrics (`collectDefaultMetrics`) are left to the registry's owner.
   */
  metricsRegistry?: Registry
  /** @default '/blackhole' (kad protocol `/blackhole/kad/1.0.0`) */
  dhtProtocolPrefix?: string
  /** Overrides of the gossipsub defaults set here (see `gossipsubDefaults`). */
  gossipsub?: Partial<GossipsubOpts>
  /**
   * Wire scores of the peer links: banned peers are refused at dial and handshake time
   * (libp2p's connection gater), not only cut off when their frames arrive.
   */
  scores?: PeerScores
  /**
   * Yamux receive window per stream. A paused peer (our consumer is slow) can have about
   * two windows in flight, so this bounds the memory one slow stream costs. @default 4 MiB
   */
  maxStreamWindowBytes?: number
  /** Overrides of the discovery dialer's settings; `maxPeers` defaults to `maxConnections`. */
  discovery?: DiscoveryInit
  logger?: ComponentLogger
  /** Start listening and discovering before returning. @default true */
  start?: boolean
}

export const DEFAULT_LISTEN = ['/ip4/127.0.0.1/tcp/0']
export const DEFAULT_MAX_CONNECTIONS = 64

/**
 * Gossipsub as the protocols use it: a node alone (or the first to start) may
 * publish without an error, and re-broadcasting an identical message (a repeated
 * vote) is not an error either.
 */
export const gossipsubDefaults: Partial<GossipsubOpts> = {
  allowPublishToZeroTopicPeers: true,
  ignoreDuplicatePublishError: true,
  emitSelf: false,
  // Peer exchange hands out peers to strangers; discovery here is the DHT's job.
  doPX: false
}

export async function createHost (init: HostInit): Promise<Host> {
  const maxConnections = init.maxConnections ?? DEFAULT_MAX_CONNECTIONS
  const peerDiscovery: NonNullable<Libp2pOptions['peerDiscovery']> = []
  const bootstrapList = bootstrapPeers(init.bootstrap ?? [], peerIdFromPrivateKey(init.privateKey).toString())
  const listen = init.listen ?? DEFAULT_LISTEN
  // @libp2p/bootstrap throws on an empty list, so it is only added when there is one.
  if (bootstrapList.length > 0) peerDiscovery.push(bootstrap({ list: bootstrapList, timeout: 0 }))
  if (init.mdns === true) {
    peerDiscovery.push(mdns({ serviceTag: MDNS_SERVICE_TAG, interval: init.mdnsIntervalMs ?? 10_000 }))
  }

  const registry = init.metricsRegistry
  if (registry != null) claimRegistry(registry)

  const host = await withDefaultRegistryKept(async () => await createLibp2p<Services>({
    privateKey: init.privateKey,
    start: init.start ?? true,
    nodeInfo: { name: 'blackhole' },
    ...(init.logger != null ? { logger: init.logger } : {}),
    addresses: {
      listen,
      announce: init.announce ?? []
    },
    transports: [tcp()],
    connectionEncrypters: [tunedNoise()],
    streamMuxers: [yamux({ streamOptions: { maxStreamWindowSize: init.maxStreamWindowBytes ?? 4 * 1024 * 1024 } })],
    ...(init.scores !== undefined ? { connectionGater: init.scores.connectionGater() } : {}),
    connectionManager: {
      maxConnections,
      inboundConnectionThreshold: init.inboundConnectionThreshold ?? 32
    },
    peerDiscovery,
    ...(init.metricsRegistry != null
      ? { metrics: prometheusMetrics({ registry: init.metricsRegistry, collectDefaultMetrics: false }) }
      : {}),
    services: {
      identify: identify(),
      ping: ping(),
      dht: kadDHT({
        protocol: `${init.dhtProtocolPrefix ?? DHT_PROTOCOL_PREFIX}/kad/1.0.0`,
        // Every node is reachable on a LAN or loopback, so every node serves the DHT;
        // the default client mode waits for a public address that never comes.
        clientMode: false,
        // The default mapper drops private and loopback addresses, which are the only
        // ones a local mesh or a LAN has.
        peerInfoMapper: dhtAddressMapper(listen),
        // Every DHT query waits for the DHT's first self-query, which by default
        // starts 1 s after start; starting it at once lets it run as soon as the
        // first peer is in the routing table, and joining takes round trips, not 1 s.
        initialQuerySelfInterval: 0
      }),
      pubsub: gossipsub({ ...gossipsubDefaults, ...init.gossipsub }),
      discovery: discoveryDialer({ maxPeers: maxConnections, ...init.discovery })
    }
  }))
  if (registry != null) registryUsers.set(registry, host)
  return host
}

export type HostInitErrorCode = 'BAD_BOOTSTRAP_ADDR'

export class HostInitError extends Error {
  override readonly name = 'HostInitError'
  constructor (readonly code: HostInitErrorCode, message: string, readonly addr: string) {
    super(`${message}: ${addr}`)
  }
}

/**
 * Checks the list up front: @libp2p/bootstrap only logs (and skips) an entry
 * without a peer id, which would leave a node silently alone.
 */
function bootstrapPeers (list: string[], self: string): string[] {
  return list.filter(entry => {
    let peer: string | undefined
    try {
      peer = multiaddr(entry).getComponents().findLast(c => c.name === 'p2p')?.value
    } catch (err) {
      throw new HostInitError('BAD_BOOTSTRAP_ADDR', `bootstrap entry is not a multiaddr (${err instanceof Error ? err.message : String(err)})`, entry)
    }
    if (peer == null) throw new HostInitError('BAD_BOOTSTRAP_ADDR', 'bootstrap entry has no /p2p/<peer id>', entry)
    return peer !== self
  })
}

const LOOPBACK = /^\/(ip4\/127\.|ip6\/::1\/|dns4\/localhost\/|dns6\/localhost\/|dns\/localhost\/)/

/**
 * Which addresses the DHT passes on. A node listening only on loopback (tests, the
 * local mesh) keeps everything: loopback is all there is. Any other node drops
 * loopback addresses, which would make a peer on another machine dial itself.
 */
export function dhtAddressMapper (listen: string[]): (peer: PeerInfo) => PeerInfo {
  if (listen.every(addr => LOOPBACK.test(addr))) return peer => peer
  return peer => ({ ...peer, multiaddrs: peer.multiaddrs.filter(ma => !LOOPBACK.test(ma.toString())) })
}

// @libp2p/prometheus-metrics keeps its metric objects in a module-wide cache and,
// on construction, clears both that cache and prom-client's global default
// registry. The two functions below confine it to the registry it was given.

/** The host whose libp2p metrics live in each registry. */
const registryUsers = new WeakMap<Registry, Host>()

const LIBP2P_METRIC = /^(libp2p_|nodejs_memory_usage_bytes$|nodejs_memory_total_bytes$|nodejs_fs_usage_bytes$)/

/**
 * A stopped host's metrics would make the new host's registration throw ("already
 * registered"), and would report a dead host: remove them. Two running hosts on one
 * registry is a bug in the caller.
 */
function claimRegistry (registry: Registry): void {
  const previous = registryUsers.get(registry)
  if (previous != null && previous.status !== 'stopped') {
    throw new Error(`metricsRegistry is already used by running host ${previous.peerId.toString()}`)
  }
  for (const metric of registry.getMetricsAsArray()) {
    if (LIBP2P_METRIC.test(metric.name)) registry.removeSingleMetric(metric.name)
  }
}

/** Puts back whatever other code had registered in prom-client's default registry. */
async function withDefaultRegistryKept<T> (create: () => Promise<T>): Promise<T> {
  const kept = defaultRegistry.getMetricsAsArray().map(m => [m.name, defaultRegistry.getSingleMetric(m.name)] as const)
  try {
    return await create()
  } finally {
    for (const [name, metric] of kept) {
      if (metric != null && defaultRegistry.getSingleMetric(name) == null) defaultRegistry.registerMetric(metric)
    }
  }
}
