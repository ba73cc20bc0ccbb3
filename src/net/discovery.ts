// libp2p 3 no longer dials the peers it discovers: bootstrap, mDNS and the DHT only
// put them in the peer store and emit 'peer:discovery'. This component turns
// discovery into connections, and runs DHT lookups so that a node that only knows
// its bootstrap peer learns about the rest of the network.
import type {
  AbortOptions, ComponentLogger, Connection, Libp2p, Logger, PeerId, PeerInfo, PeerRouting, PeerStore, Startable
} from '@libp2p/interface'

export interface DiscoveryInit {
  /** Dial discovered peers only while fewer than this many peers are connected. @default 64 */
  maxPeers?: number
  /** Dials this component runs at once; the rest wait their turn. @default 8 */
  maxParallelDials?: number
  /** @default 10_000 */
  dialTimeoutMs?: number
  /** First retry delay after a failed dial; doubles per failure. @default 1_000 */
  backoffBaseMs?: number
  /** @default 60_000 */
  backoffMaxMs?: number
  /** How often known but unconnected peers are re-examined (reconnects, retries). @default 5_000 */
  maintainIntervalMs?: number
  /**
   * Lookups start at the first connection and then come at growing intervals, from
   * this delay doubling up to `lookupIntervalMs`: the peers a node joins with are
   * usually joining too, so the first answers are the least complete. @default 250
   */
  firstLookupDelayMs?: number
  /** Steady-state interval of DHT lookups (own id, alternating with a random key). @default 30_000 */
  lookupIntervalMs?: number
  /** @default 10_000 */
  lookupTimeoutMs?: number
}

/** What the component needs from libp2p; structural, so it can be driven by a fake. */
export interface DiscoveryComponents {
  peerId: PeerId
  peerStore: Pick<PeerStore, 'all'>
  peerRouting: Pick<PeerRouting, 'getClosestPeers'>
  connectionManager: {
    openConnection(peer: PeerId, options?: AbortOptions): Promise<Connection>
    getConnections(peer?: PeerId): Connection[]
  }
  events: Pick<Libp2p, 'addEventListener' | 'removeEventListener'>
  logger: ComponentLogger
}

export interface Backoff {
  failures: number
  /** Date.now() before which the peer is not dialled again. */
  notBefore: number
}

export class DiscoveryDialer implements Startable {
  readonly [Symbol.toStringTag] = 'blackhole/discovery-dialer'
  private readonly log: Logger
  private readonly maxPeers: number
  private readonly maxParallelDials: number
  private readonly dialTimeoutMs: number
  private readonly backoffBaseMs: number
  private readonly backoffMaxMs: number
  private readonly maintainIntervalMs: number
  private readonly firstLookupDelayMs: number
  private readonly lookupIntervalMs: number
  private readonly lookupTimeoutMs: number

  private running = false
  private readonly dialing = new Set<string>()
  /** Peers waiting for a dial slot, in discovery order. */
  private readonly queued = new Map<string, PeerId>()
  private readonly backoff = new Map<string, Backoff>()
  private maintainTimer?: ReturnType<typeof setInterval>
  private lookupTimer?: ReturnType<typeof setTimeout>
  /** Delay before the next scheduled lookup; undefined until the first connection. */
  private nextLookupDelayMs?: number
  private lookupRunning = false
  private lookupCount = 0
  /** Aborts in-flight dials and lookups on stop; renewed on each start. */
  private stopController = new AbortController()

  constructor (private readonly components: DiscoveryComponents, init: DiscoveryInit = {}) {
    this.log = components.logger.forComponent('blackhole:discovery')
    this.maxPeers = init.maxPeers ?? 64
    this.maxParallelDials = init.maxParallelDials ?? 8
    this.dialTimeoutMs = init.dialTimeoutMs ?? 10_000
    this.backoffBaseMs = init.backoffBaseMs ?? 1_000
    this.backoffMaxMs = init.backoffMaxMs ?? 60_000
    this.maintainIntervalMs = init.maintainIntervalMs ?? 5_000
    this.firstLookupDelayMs = init.firstLookupDelayMs ?? 250
    this.lookupIntervalMs = init.lookupIntervalMs ?? 30_000
    this.lookupTimeoutMs = init.lookupTimeoutMs ?? 10_000
  }

  start (): void {
    this.running = true
    this.stopController = new AbortController()
    this.nextLookupDelayMs = undefined
    this.components.events.addEventListener('peer:discovery', this.onDiscovery)
    this.components.events.addEventListener('peer:connect', this.onConnect)
    this.components.events.addEventListener('peer:disconnect', this.onDisconnect)
    this.maintainTimer = setInterval(() => { void this.maintain() }, this.maintainIntervalMs)
  }

  stop (): void {
    this.running = false
    this.stopController.abort()
    this.components.events.removeEventListener('peer:discovery', this.onDiscovery)
    this.components.events.removeEventListener('peer:connect', this.onConnect)
    this.components.events.removeEventListener('peer:disconnect', this.onDisconnect)
    clearInterval(this.maintainTimer)
    clearTimeout(this.lookupTimer)
    this.queued.clear()
  }

  /** Consecutive failed dials of `peer` and when it may be dialled again, if it failed last time. */
  backoffFor (peer: PeerId): Readonly<Backoff> | undefined {
    return this.backoff.get(peer.toString())
  }

  /** Peers currently being dialled or waiting to be, for /status and tests. */
  pendingDials (): number {
    return this.dialing.size + this.queued.size
  }

  /**
   * Asks the DHT for the peers closest to our own id (the peers that should know
   * us), alternating with a random key (the rest of the keyspace). Peers found are
   * dialled. A call while a lookup runs returns at once: one at a time is enough.
   */
  async lookup (): Promise<void> {
    if (!this.running || this.lookupRunning) return
    this.lookupRunning = true
    // Joining, only our own neighbourhood matters; later, random keys refresh the rest.
    const steady = this.nextLookupDelayMs != null && this.nextLookupDelayMs >= this.lookupIntervalMs
    const selfLookup = !steady || this.lookupCount++ % 2 === 0
    const key = selfLookup ? this.components.peerId.toMultihash().bytes : crypto.getRandomValues(new Uint8Array(32))
    const signal = AbortSignal.any([this.stopController.signal, AbortSignal.timeout(this.lookupTimeoutMs)])
    let found = 0
    try {
      for await (const peer of this.components.peerRouting.getClosestPeers(key, { signal })) {
        found++
        this.maybeDial(peer.id)
      }
      this.log('%s lookup found %d peers', selfLookup ? 'self' : 'random', found)
    } catch (err) {
      // A timed-out lookup still dialled whatever it found on the way.
      this.log('%s lookup ended after %d peers: %e', selfLookup ? 'self' : 'random', found, err)
    } finally {
      this.lookupRunning = false
    }
  }

  /** Re-examines every known peer: retries after backoff, reconnects dropped peers. */
  async maintain (): Promise<void> {
    if (!this.running || this.connectedPeers() >= this.maxPeers) return
    let peers
    try {
      peers = await this.components.peerStore.all()
    } catch (err) {
      this.log.error('cannot list peer store: %e', err)
      return
    }
    for (const peer of peers) {
      if (peer.addresses.length > 0) this.maybeDial(peer.id)
    }
  }

  private readonly onDiscovery = (evt: CustomEvent<PeerInfo>): void => {
    this.maybeDial(evt.detail.id)
  }

  private readonly onConnect = (evt: CustomEvent<PeerId>): void => {
    this.backoff.delete(evt.detail.toString())
    // The first connection gives the DHT someone to ask: start looking at once
    // rather than waiting for the DHT's own self-query (every 5 minutes).
    if (this.nextLookupDelayMs == null) {
      this.nextLookupDelayMs = this.firstLookupDelayMs
      void this.lookup()
      this.scheduleLookup()
    }
  }

  private scheduleLookup (): void {
    if (!this.running) return
    const delay = Math.min(this.nextLookupDelayMs ?? this.lookupIntervalMs, this.lookupIntervalMs)
    this.lookupTimer = setTimeout(() => {
      this.nextLookupDelayMs = Math.min(delay * 2, this.lookupIntervalMs)
      void this.lookup().finally(() => { this.scheduleLookup() })
    }, delay)
  }

  private readonly onDisconnect = (evt: CustomEvent<PeerId>): void => {
    // A peer that just went away may be restarting: try again, but through the
    // backoff so a peer that keeps dropping is not redialled in a tight loop.
    this.recordFailure(evt.detail.toString())
    this.maybeDial(evt.detail)
  }

  private maybeDial (peer: PeerId): void {
    const key = peer.toString()
    if (!this.running || peer.equals(this.components.peerId)) return
    if (this.dialing.has(key) || this.queued.has(key)) return
    if (this.components.connectionManager.getConnections(peer).length > 0) return
    const backoff = this.backoff.get(key)
    if (backoff != null && Date.now() < backoff.notBefore) return
    if (this.connectedPeers() + this.dialing.size >= this.maxPeers) return
    this.queued.set(key, peer)
    this.drainQueue()
  }

  private drainQueue (): void {
    for (const [key, peer] of this.queued) {
      if (this.dialing.size >= this.maxParallelDials) return
      this.queued.delete(key)
      this.dialing.add(key)
      void this.dial(key, peer).finally(() => {
        this.dialing.delete(key)
        if (this.running) this.drainQueue()
      })
    }
  }

  private async dial (key: string, peer: PeerId): Promise<void> {
    const signal = AbortSignal.any([this.stopController.signal, AbortSignal.timeout(this.dialTimeoutMs)])
    try {
      await this.components.connectionManager.openConnection(peer, { signal })
      this.backoff.delete(key)
    } catch (err) {
      const { failures, notBefore } = this.recordFailure(key)
      this.log('dial %p failed (%d in a row, next after %dms): %e', peer, failures, notBefore - Date.now(), err)
    }
  }

  private recordFailure (key: string): Backoff {
    const failures = (this.backoff.get(key)?.failures ?? 0) + 1
    const delay = Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** (failures - 1))
    // Jitter spreads the retries of peers that all lost the same node at once.
    const entry = { failures, notBefore: Date.now() + Math.round(delay * (0.8 + 0.4 * Math.random())) }
    this.backoff.set(key, entry)
    return entry
  }

  private connectedPeers (): number {
    return new Set(this.components.connectionManager.getConnections().map(c => c.remotePeer.toString())).size
  }
}

export function discoveryDialer (init: DiscoveryInit = {}): (components: DiscoveryComponents) => DiscoveryDialer {
  return (components) => new DiscoveryDialer(components, init)
}

export type WaitErrorCode = 'PEER_WAIT_TIMEOUT'

export class PeerWaitError extends Error {
  override readonly name = 'PeerWaitError'
  readonly code: WaitErrorCode = 'PEER_WAIT_TIMEOUT'
  constructor (message: string, readonly connected: number) {
    super(message)
  }
}

type EventSource = Pick<Libp2p, 'addEventListener' | 'removeEventListener' | 'getPeers' | 'getConnections'>

/** Resolves once `node` is connected to at least `count` peers; rejects after `timeoutMs`. */
export async function waitForPeers (node: EventSource, count: number, timeoutMs: number): Promise<void> {
  await waitFor(node, () => node.getPeers().length >= count, timeoutMs,
    () => `wanted ${count} peers within ${timeoutMs}ms, have ${node.getPeers().length}`)
}

/** Resolves once `node` has an open connection to `peer`; rejects after `timeoutMs`. */
export async function waitForConnection (node: EventSource, peer: PeerId, timeoutMs: number): Promise<Connection> {
  const open = (): Connection | undefined => node.getConnections(peer).find(c => c.status === 'open')
  await waitFor(node, () => open() != null, timeoutMs, () => `no connection to ${peer.toString()} within ${timeoutMs}ms`)
  const connection = open()
  if (connection == null) throw new PeerWaitError(`connection to ${peer.toString()} closed again`, node.getPeers().length)
  return connection
}

async function waitFor (node: EventSource, done: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
  if (done()) return
  await new Promise<void>((resolve, reject) => {
    const check = (): void => {
      if (!done()) return
      cleanup()
      resolve()
    }
    const timer = setTimeout(() => {
      cleanup()
      reject(new PeerWaitError(describe(), node.getPeers().length))
    }, timeoutMs)
    const cleanup = (): void => {
      clearTimeout(timer)
      node.removeEventListener('peer:connect', check)
      node.removeEventListener('connection:open', check)
    }
    node.addEventListener('peer:connect', check)
    node.addEventListener('connection:open', check)
  })
}
