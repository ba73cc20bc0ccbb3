// PeerLinks: the router's door to direct consensus traffic on one protocol
// (`/blackhole/<name>/1.0.0`). It keeps one long-lived outbound stream per peer,
// accepts the peer's streams, and turns bytes into typed messages and back.
//
// Sending is bounded: each peer has a queue of encoded frames capped at
// `maxQueuedBytes` (stream buffer included). When it is full, send() says so at
// once (QUEUE_FULL) and whenWritable() tells when to try again, so the router
// actor picks its policy (wait or drop) and memory never grows with a slow peer.
// Queued frames are coalesced into one stream.send() per macrotask, or sooner
// when `flushBytes` have piled up; a send() that returns false stops the flow
// until the stream's 'drain' event.
//
// Receiving is judged here and only here: rate limits, framing, decoding and the
// handshake turn every bad frame into a verdict (ignore, or reject and penalise);
// past the score threshold the peer is banned, disconnected and refused for a
// cool-down. Nothing a peer sends can throw out of a stream listener or reach the
// handler unless it decoded to a message this protocol carries.

import { decode, DEFAULT_MAX_FRAME_BYTES } from '../wire/codec.js'
import { FrameBatch, encodeFrame, varintLength } from '../wire/framing.js'
import { WIRE_MESSAGE_TYPES } from '../wire/messages.js'
import { assertNever } from '../../protocols/core.js'
import { LinkStats, registerLinkMetrics } from './metrics.js'
import { PeerScores } from './peer-scores.js'
import { StreamReader } from './stream-reader.js'
import { TokenBucket } from './token-bucket.js'
import { DEFAULT_PENALTIES, resetsStream } from './verdict.js'
import type { LinkStatsSnapshot, DropReason } from './metrics.js'
import type { FrameSink } from './stream-reader.js'
import type { Offence, PenaltyTable, Verdict } from './verdict.js'
import type { DecodeOptions } from '../wire/codec.js'
import type { FramingError } from '../wire/framing.js'
import type { Hello, Ping, Pong, WireMessage, WireMessageType } from '../wire/messages.js'
import type { Connection, IdentifyResult, Libp2p, PeerId, Stream, StreamCloseEvent } from '@libp2p/interface'
import type { Registry } from 'prom-client'

/** What PeerLinks needs from the libp2p node. */
export type LinksLibp2p = Pick<Libp2p, 'peerId' | 'handle' | 'unhandle' | 'dialProtocol' | 'hangUp' | 'addEventListener' | 'removeEventListener'>

export interface PeerLinksComponents {
  libp2p: LinksLibp2p
  /** Metrics are registered here when given. */
  registry?: Registry
  /** pino-compatible; silent when absent. */
  log?: LinksLog
}

export interface LinksLog {
  debug: (obj: object, msg: string) => void
  warn: (obj: object, msg: string) => void
}

/**
 * Receives every accepted message. Return nothing to take the next frame at once;
 * return a promise when the consumer is full: the peer's stream pauses until it
 * settles, which pushes back on the sender instead of buffering here.
 */
export type FrameHandler = (peer: PeerId, msg: WireMessage) => void | PromiseLike<unknown>

export interface RateLimit {
  framesPerSecond: number
  bytesPerSecond: number
  /** Bucket depth in seconds of the rate. Default 1. */
  burstSeconds?: number
}

export interface Handshake {
  /** What this node says in its Hello (the first frame on each outbound stream). */
  hello: Omit<Hello, 'type'>
  /** Whether the peer's Hello is acceptable. Default: same chain id, genesis hash and protocol. */
  verify?: (peer: PeerId, remote: Hello) => boolean
}

export interface PeerLinksInit {
  /** The stream protocol, `/blackhole/<name>/1.0.0`. */
  protocol: string
  handler: FrameHandler
  /** Largest Envelope accepted or sent. Default 1 MiB. */
  maxFrameBytes?: number
  /** Per-peer bound on outbound bytes queued (ours plus the stream's buffer). Default 4 MiB. */
  maxQueuedBytes?: number
  /** Queued bytes that trigger a send without waiting for the macrotask. Default 64 KiB. */
  flushBytes?: number
  /** Per-peer inbound limits; none when absent. */
  rateLimit?: RateLimit
  /** Shared with the connection gater; created from `scoring` when absent. */
  scores?: PeerScores
  scoring?: ConstructorParameters<typeof PeerScores>[0]
  penalties?: Partial<PenaltyTable>
  /** Message types this protocol carries (link-level hello/ping/pong always pass). Default: all. */
  accepts?: readonly WireMessageType[]
  handshake?: Handshake
  /** Every non-accept verdict, after it has been applied. */
  onVerdict?: (event: VerdictEvent) => void
  /** Inbound streams per connection for this protocol. Default 4. */
  maxInboundStreams?: number
  /**
   * Bytes a paused stream may hold before libp2p resets it. Must cover the
   * muxer's largest stream window (yamux: 16 MiB), which a sender may still fill
   * after we stop granting window. Default 17 MiB.
   */
  maxStreamReadBufferBytes?: number
  /** Open the outbound stream as soon as identify says the peer speaks the protocol. Default true. */
  openOnIdentify?: boolean
  openTimeoutMs?: number
  /** Wait after a failed open before the next attempt: doubles from `initial` up to `max`. */
  backoffMs?: { initial: number, max: number }
  /** Milliseconds clock for rate limits and back-off. Default Date.now. */
  now?: () => number
}

export type SendError =
  | { code: 'NOT_STARTED' }
  | { code: 'SELF' }
  | { code: 'TOO_LARGE', frameBytes: number, maxFrameBytes: number }
  | { code: 'QUEUE_FULL', queuedBytes: number, maxQueuedBytes: number }
  | { code: 'PEER_BANNED', until: number }
  | { code: 'UNREACHABLE', retryAt: number, detail: string }

export type SendResult = { ok: true } | { ok: false, error: SendError }

export type PingError = SendError | { code: 'TIMEOUT' } | { code: 'ABORTED' } | { code: 'LINK_CLOSED' }
export type PingResult = { ok: true, rttMs: number } | { ok: false, error: PingError }

export interface VerdictEvent {
  peer: PeerId
  verdict: Exclude<Verdict, { action: 'accept' }>
  /** The peer's score after the verdict. */
  score: number
  /** True when this verdict banned the peer. */
  banned: boolean
}

export type LinkState = 'idle' | 'opening' | 'open' | 'backoff'

export interface PeerLinkStatus {
  state: LinkState
  queuedBytes: number
  queuedFrames: number
  blocked: boolean
  inboundStreams: number
  score: number
  bannedUntil?: number
  /** The peer's Hello, when the links run a handshake and one arrived. */
  hello?: Hello
}

const SENT: SendResult = Object.freeze({ ok: true })
const DEFAULT_MAX_QUEUED_BYTES = 4 * 1024 * 1024
const DEFAULT_FLUSH_BYTES = 64 * 1024
const DEFAULT_MAX_STREAM_READ_BUFFER = 17 * 1024 * 1024
const DEFAULT_OPEN_TIMEOUT_MS = 10_000
const DEFAULT_BACKOFF = { initial: 250, max: 30_000 }
/** A stream that dies younger than this counts as a failed open for back-off. */
const SHORT_LIVED_MS = 1_000
const MAX_QUICK_REOPENS = 3
const DEFAULT_PING_TIMEOUT_MS = 10_000

/** Everything the links hold for one peer. */
class PeerLink {
  state: LinkState = 'idle'
  stream: Stream | undefined
  readonly batch = new FrameBatch()
  /** The stream said its buffer is full; wait for 'drain'. */
  blocked = false
  openedAt = 0
  quickDeaths = 0
  openFailures = 0
  retryAt = 0
  lastError = ''
  waiters: Array<() => void> = []
  readonly readers = new Set<StreamReader>()
  hello: Hello | undefined
  readonly pings = new Map<number, (result: PingResult) => void>()

  constructor (
    readonly peer: PeerId,
    readonly key: string,
    readonly frameBucket: TokenBucket | undefined,
    readonly byteBucket: TokenBucket | undefined
  ) {}

  queuedBytes (): number {
    return this.batch.byteLength + (this.stream?.writeBufferLength ?? 0)
  }

  wakeWaiters (): void {
    if (this.waiters.length === 0) return
    const waiters = this.waiters
    this.waiters = []
    for (const wake of waiters) wake()
  }
}

export class PeerLinks implements FrameSink {
  readonly protocol: string
  readonly scores: PeerScores
  readonly maxFrameBytes: number
  readonly maxQueuedBytes: number

  private readonly libp2p: LinksLibp2p
  private readonly log: LinksLog | undefined
  private readonly handler: FrameHandler
  private readonly flushBytes: number
  private readonly lowWaterBytes: number
  private readonly rateLimit: RateLimit | undefined
  private readonly penalties: PenaltyTable
  private readonly decodeOptions: DecodeOptions
  private readonly handshake: Handshake | undefined
  private readonly helloFrame: Uint8Array | undefined
  private readonly onVerdict: ((event: VerdictEvent) => void) | undefined
  private readonly maxInboundStreams: number
  private readonly maxStreamReadBufferBytes: number
  private readonly openOnIdentify: boolean
  private readonly openTimeoutMs: number
  private readonly backoff: { initial: number, max: number }
  private readonly now: () => number
  private readonly counters = new LinkStats()
  private readonly links = new Map<string, PeerLink>()
  private readonly readerLinks = new Map<StreamReader, PeerLink>()
  private readonly flushQueue = new Set<PeerLink>()
  private flushPending = false
  private started = false
  private shutdown = new AbortController()
  private unsubscribeBans: (() => void) | undefined
  private unregisterMetrics: (() => void) | undefined
  private nextPingNonce = 1

  constructor (components: PeerLinksComponents, init: PeerLinksInit) {
    this.libp2p = components.libp2p
    this.log = components.log
    this.protocol = init.protocol
    this.handler = init.handler
    this.maxFrameBytes = init.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES
    this.maxQueuedBytes = init.maxQueuedBytes ?? DEFAULT_MAX_QUEUED_BYTES
    this.flushBytes = init.flushBytes ?? DEFAULT_FLUSH_BYTES
    // Wake waiting senders at half the bound, or lower if needed so that a frame of
    // the largest size always fits: a waiter woken into another QUEUE_FULL would spin.
    this.lowWaterBytes = Math.min(Math.floor(this.maxQueuedBytes / 2), this.maxQueuedBytes - this.maxFrameBytes - varintLength(this.maxFrameBytes))
    this.rateLimit = init.rateLimit
    this.now = init.now ?? Date.now
    this.scores = init.scores ?? new PeerScores({ now: this.now, ...init.scoring })
    this.penalties = { ...DEFAULT_PENALTIES, ...init.penalties }
    const accepts = new Set<WireMessageType>(init.accepts ?? WIRE_MESSAGE_TYPES)
    for (const linkLevel of ['hello', 'ping', 'pong'] as const) accepts.add(linkLevel)
    this.decodeOptions = { maxBytes: this.maxFrameBytes, accepts }
    this.handshake = init.handshake
    this.helloFrame = init.handshake === undefined ? undefined : encodeFrame({ type: 'hello', ...init.handshake.hello })
    this.onVerdict = init.onVerdict
    this.maxInboundStreams = init.maxInboundStreams ?? 4
    this.maxStreamReadBufferBytes = init.maxStreamReadBufferBytes ?? DEFAULT_MAX_STREAM_READ_BUFFER
    this.openOnIdentify = init.openOnIdentify ?? true
    this.openTimeoutMs = init.openTimeoutMs ?? DEFAULT_OPEN_TIMEOUT_MS
    this.backoff = init.backoffMs ?? DEFAULT_BACKOFF
    // A frame that can never fit the queue could never be sent.
    if (this.maxQueuedBytes < this.maxFrameBytes + varintLength(this.maxFrameBytes)) {
      throw new RangeError(`maxQueuedBytes (${this.maxQueuedBytes}) must hold one frame of maxFrameBytes (${this.maxFrameBytes})`)
    }
    if (components.registry !== undefined) {
      this.unregisterMetrics = registerLinkMetrics(components.registry, this.protocol, this.counters, {
        queuedBytes: () => { let total = 0; for (const link of this.links.values()) total += link.queuedBytes(); return total },
        peers: () => this.links.size,
        streams: () => this.streamCounts()
      })
    }
  }

  async start (): Promise<void> {
    if (this.started) return
    this.shutdown = new AbortController()
    await this.libp2p.handle(this.protocol, this.onInboundStream, {
      maxInboundStreams: this.maxInboundStreams,
      // One stream per peer, plus room for a replacement opening while the old one dies.
      maxOutboundStreams: 2
    })
    this.libp2p.addEventListener('connection:open', this.onConnectionOpen)
    this.libp2p.addEventListener('peer:identify', this.onPeerIdentify)
    this.unsubscribeBans = this.scores.onBan((peer) => { this.onBanned(peer) })
    this.started = true
  }

  async stop (): Promise<void> {
    if (!this.started) return
    this.started = false
    this.shutdown.abort()
    this.libp2p.removeEventListener('connection:open', this.onConnectionOpen)
    this.libp2p.removeEventListener('peer:identify', this.onPeerIdentify)
    this.unsubscribeBans?.()
    this.unregisterMetrics?.()
    this.unregisterMetrics = undefined
    try {
      await this.libp2p.unhandle(this.protocol)
    } catch (err) {
      this.log?.debug({ err, protocol: this.protocol }, 'unhandle failed while stopping links')
    }
    const closing: Array<Promise<void>> = []
    for (const link of this.links.values()) {
      // Whatever is queued goes out before the graceful close; inbound streams are
      // reset, since their senders are told to stop by our going away.
      this.flush(link)
      const stream = link.stream
      if (stream !== undefined) closing.push(this.closeGracefully(stream))
      for (const reader of link.readers) {
        if (reader.stream !== stream) reader.abort('links stopping')
      }
      this.dropQueued(link, 'shutdown')
      for (const settle of link.pings.values()) settle({ ok: false, error: { code: 'NOT_STARTED' } })
      link.pings.clear()
      link.wakeWaiters()
    }
    this.links.clear()
    this.flushQueue.clear()
    await Promise.all(closing)
  }

  /**
   * Queues `msg` for `peer` and returns at once. Never blocks and never queues
   * past `maxQueuedBytes`: QUEUE_FULL means wait for whenWritable() or drop.
   * The message's byte arrays are read when the batch is sent, so do not reuse
   * them until the next macrotask.
   */
  send (peer: PeerId, msg: WireMessage): SendResult {
    if (!this.started) return { ok: false, error: { code: 'NOT_STARTED' } }
    const key = peer.toString()
    const bannedUntil = this.scores.bannedUntil(key)
    if (bannedUntil !== undefined) return { ok: false, error: { code: 'PEER_BANNED', until: bannedUntil } }
    let link = this.links.get(key)
    if (link === undefined) {
      if (peer.equals(this.libp2p.peerId)) return { ok: false, error: { code: 'SELF' } }
      link = this.createLink(peer, key)
    }
    if (link.state === 'backoff') {
      if (this.now() < link.retryAt) return { ok: false, error: { code: 'UNREACHABLE', retryAt: link.retryAt, detail: link.lastError } }
      link.state = 'idle'
    }
    const budget = this.maxQueuedBytes - link.queuedBytes()
    const added = link.batch.add(msg, this.maxFrameBytes, budget)
    switch (added) {
      case 'added': break
      case 'too-large': return { ok: false, error: { code: 'TOO_LARGE', frameBytes: link.batch.lastEnvelopeBytes, maxFrameBytes: this.maxFrameBytes } }
      case 'over-budget': return { ok: false, error: { code: 'QUEUE_FULL', queuedBytes: link.queuedBytes(), maxQueuedBytes: this.maxQueuedBytes } }
      default: return assertNever(added)
    }
    this.afterQueued(link)
    return SENT
  }

  /**
   * Resolves when a send() to `peer` is worth retrying: its queue fell to half the
   * bound (or low enough for a frame of the largest size), or its link changed
   * state (opened, failed, banned), or the links stopped, or `signal` aborted. It
   * never rejects; send() tells what happened.
   */
  async whenWritable (peer: PeerId, options: { signal?: AbortSignal } = {}): Promise<void> {
    const link = this.links.get(peer.toString())
    if (!this.started || link === undefined || link.queuedBytes() <= this.lowWaterBytes) return
    const signal = options.signal
    if (signal?.aborted === true) return
    await new Promise<void>((resolve) => {
      const onAbort = (): void => {
        const index = link.waiters.indexOf(wake)
        if (index !== -1) link.waiters.splice(index, 1)
        resolve()
      }
      const wake = (): void => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }
      link.waiters.push(wake)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  /** send(), waiting for room while the queue is full: the "block" policy in one call. */
  async sendWhenWritable (peer: PeerId, msg: WireMessage, options: { signal?: AbortSignal } = {}): Promise<SendResult> {
    while (true) {
      const result = this.send(peer, msg)
      if (result.ok || result.error.code !== 'QUEUE_FULL' || options.signal?.aborted === true) return result
      await this.whenWritable(peer, options)
    }
  }

  /** Round-trip time of a Ping through this protocol's queues and stream. */
  async ping (peer: PeerId, options: { timeoutMs?: number, signal?: AbortSignal } = {}): Promise<PingResult> {
    const nonce = this.nextPingNonce
    this.nextPingNonce = (this.nextPingNonce % 0xffff_ffff) + 1
    const startedAt = performance.now()
    const sent = this.send(peer, { type: 'ping', nonce, sentAtUs: wallClockUs() })
    if (!sent.ok) return sent
    const link = this.links.get(peer.toString())
    if (link === undefined) return { ok: false, error: { code: 'LINK_CLOSED' } }
    return await new Promise<PingResult>((resolve) => {
      const timer = setTimeout(() => { settle({ ok: false, error: { code: 'TIMEOUT' } }) }, options.timeoutMs ?? DEFAULT_PING_TIMEOUT_MS)
      const onAbort = (): void => { settle({ ok: false, error: { code: 'ABORTED' } }) }
      const settle = (result: PingResult): void => {
        clearTimeout(timer)
        options.signal?.removeEventListener('abort', onAbort)
        link.pings.delete(nonce)
        resolve(result.ok ? { ok: true, rttMs: performance.now() - startedAt } : result)
      }
      link.pings.set(nonce, settle)
      options.signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  /**
   * Blame from a layer above (a bad signature, an invalid proposal): charged at
   * the same boundary and with the same consequences as a bad frame.
   */
  report (peer: PeerId, penalty: number, detail: string): VerdictEvent {
    return this.judge(peer, undefined, 'REPORTED', detail, penalty)
  }

  /** Queued bytes for `peer` (our queue plus the stream's buffer). */
  queuedBytes (peer: PeerId): number {
    return this.links.get(peer.toString())?.queuedBytes() ?? 0
  }

  status (peer: PeerId): PeerLinkStatus | undefined {
    const link = this.links.get(peer.toString())
    const score = this.scores.score(peer)
    const bannedUntil = this.scores.bannedUntil(peer)
    if (link === undefined) {
      return bannedUntil === undefined && score === 0
        ? undefined
        : { state: 'idle', queuedBytes: 0, queuedFrames: 0, blocked: false, inboundStreams: 0, score, bannedUntil }
    }
    let inboundStreams = 0
    for (const reader of link.readers) if (reader.stream.direction === 'inbound') inboundStreams++
    return {
      state: link.state,
      queuedBytes: link.queuedBytes(),
      queuedFrames: link.batch.frames,
      blocked: link.blocked,
      inboundStreams,
      score,
      bannedUntil,
      hello: link.hello
    }
  }

  stats (): LinkStatsSnapshot {
    return this.counters.snapshot()
  }

  // --- FrameSink: called by the stream readers ------------------------------

  receive (reader: StreamReader, envelope: Uint8Array): PromiseLike<unknown> | undefined {
    const link = this.readerLinks.get(reader)
    if (link === undefined) return undefined
    const frameBytes = envelope.byteLength + varintLength(envelope.byteLength)
    this.counters.framesIn++
    this.counters.bytesIn += frameBytes
    if (link.frameBucket !== undefined && link.byteBucket !== undefined) {
      const now = this.now()
      if (!link.frameBucket.take(1, now) || !link.byteBucket.take(frameBytes, now)) {
        // Dropped before decoding: a flood costs us a counter, not a parse.
        this.judge(link.peer, reader, 'RATE_LIMITED', `over ${this.rateLimit?.framesPerSecond ?? 0} frames/s or ${this.rateLimit?.bytesPerSecond ?? 0} bytes/s`)
        return undefined
      }
    }
    const decoded = decode(envelope, this.decodeOptions)
    if (!decoded.ok) {
      this.counters.decodeErrors[decoded.error.code]++
      this.judge(link.peer, reader, decoded.error.code, decoded.error.detail)
      return undefined
    }
    const msg = decoded.value
    if (this.handshake !== undefined && !reader.helloSeen) {
      if (msg.type !== 'hello') {
        this.judge(link.peer, reader, 'HANDSHAKE', `first frame is ${msg.type}, expected hello`)
        return undefined
      }
      if (!this.acceptsHello(link.peer, msg)) {
        this.judge(link.peer, reader, 'HANDSHAKE', `hello for chain ${msg.chainId} / protocol ${msg.protocol} does not match ours`)
        return undefined
      }
      reader.helloSeen = true
      link.hello = msg
    }
    switch (msg.type) {
      case 'ping': this.answerPing(link, msg); return undefined
      case 'pong': this.settlePing(link, msg); return undefined
      case 'hello':
      case 'bench':
      case 'raft':
      case 'pbft':
      case 'forward':
      case 'forwardResult':
      case 'readIndex':
      case 'readIndexResult':
      case 'snapshotOffer':
      case 'snapshotChunkRequest':
      case 'snapshotChunk':
      case 'joinRequest':
      case 'adminRequest':
      case 'adminResult':
        break
      default: return assertNever(msg)
    }
    this.counters.delivered++
    try {
      const busy = this.handler(link.peer, msg)
      return busy ?? undefined
    } catch (err) {
      this.handlerFailed(reader, err)
      return undefined
    }
  }

  framingFailed (reader: StreamReader, failure: FramingError): void {
    const link = this.readerLinks.get(reader)
    if (link === undefined) return
    this.judge(link.peer, reader, `FRAMING_${failure.code}`, failure.detail)
  }

  closed (reader: StreamReader): void {
    const link = this.readerLinks.get(reader)
    this.readerLinks.delete(reader)
    if (link === undefined) return
    if (reader.closeError !== undefined) {
      this.log?.debug({ peer: link.key, protocol: this.protocol, err: reader.closeError, bufferedBytes: reader.bufferedBytes }, 'stream closed on an error')
    }
    link.readers.delete(reader)
    this.maybeForget(link)
  }

  handlerFailed (_reader: StreamReader, err: unknown): void {
    this.counters.handlerErrors++
    this.log?.warn({ err, protocol: this.protocol }, 'frame handler failed')
  }

  // --- verdicts --------------------------------------------------------------

  private judge (peer: PeerId, reader: StreamReader | undefined, offence: Offence, detail: string, reportedPenalty?: number): VerdictEvent {
    const penalty = offence === 'REPORTED' ? (reportedPenalty ?? 0) : this.penalties[offence]
    const resetStream = resetsStream(offence)
    const verdict: VerdictEvent['verdict'] = penalty > 0
      ? { action: 'reject', offence, detail, penalty, resetStream }
      : { action: 'ignore', offence, detail, resetStream }
    let outcome = { score: this.scores.score(peer), banned: false }
    if (verdict.action === 'reject') {
      this.counters.penalties[offence] = (this.counters.penalties[offence] ?? 0) + 1
      // A ban reaches onBanned() through the scores' listener, which resets every stream.
      outcome = this.scores.penalise(peer, penalty)
    } else {
      this.counters.ignored[offence] = (this.counters.ignored[offence] ?? 0) + 1
    }
    if (resetStream && reader !== undefined) reader.abort(`${offence}: ${detail}`)
    this.log?.debug({ peer: peer.toString(), protocol: this.protocol, offence, detail, score: outcome.score, banned: outcome.banned }, 'frame verdict')
    const event: VerdictEvent = { peer, verdict, score: outcome.score, banned: outcome.banned }
    try {
      this.onVerdict?.(event)
    } catch (err) {
      this.log?.warn({ err }, 'onVerdict listener failed')
    }
    return event
  }

  private onBanned (key: string): void {
    this.counters.bans++
    const link = this.links.get(key)
    if (link !== undefined) {
      // Forget the link first so the close events below do not reopen anything.
      this.links.delete(key)
      this.flushQueue.delete(link)
      this.dropQueued(link, 'shutdown')
      link.stream?.abort(new Error('peer banned'))
      for (const reader of link.readers) reader.abort('peer banned')
      for (const settle of link.pings.values()) settle({ ok: false, error: { code: 'LINK_CLOSED' } })
      link.wakeWaiters()
      this.hangUp(link.peer)
    }
    // Without a link we still hold no PeerId object to hang up; the gater and the
    // 'connection:open' check refuse the peer from here on.
  }

  private hangUp (peer: PeerId): void {
    this.libp2p.hangUp(peer).catch((err: unknown) => {
      this.log?.debug({ err, peer: peer.toString() }, 'hang-up after ban failed')
    })
  }

  private acceptsHello (peer: PeerId, remote: Hello): boolean {
    const handshake = this.handshake
    if (handshake === undefined) return true
    if (handshake.verify !== undefined) return handshake.verify(peer, remote)
    const local = handshake.hello
    return remote.chainId === local.chainId &&
      remote.protocol === local.protocol &&
      equalBytes(remote.genesisHash, local.genesisHash)
  }

  // --- outbound --------------------------------------------------------------

  private createLink (peer: PeerId, key: string): PeerLink {
    const rate = this.rateLimit
    const now = this.now()
    const burst = rate?.burstSeconds ?? 1
    const link = new PeerLink(
      peer,
      key,
      rate === undefined ? undefined : new TokenBucket(rate.framesPerSecond, rate.framesPerSecond * burst, now),
      rate === undefined ? undefined : new TokenBucket(rate.bytesPerSecond, rate.bytesPerSecond * burst, now)
    )
    this.links.set(key, link)
    return link
  }

  private afterQueued (link: PeerLink): void {
    switch (link.state) {
      case 'open':
        if (link.blocked) return
        if (link.batch.byteLength >= this.flushBytes) {
          this.flush(link)
        } else {
          this.scheduleFlush(link)
        }
        return
      case 'idle':
        this.open(link)
        return
      case 'opening':
      case 'backoff':
        return
      default:
        assertNever(link.state)
    }
  }

  // One macrotask gathers every frame queued by the current turn into one send() per peer.
  private scheduleFlush (link: PeerLink): void {
    this.flushQueue.add(link)
    if (this.flushPending) return
    this.flushPending = true
    setImmediate(this.flushAll)
  }

  private readonly flushAll = (): void => {
    this.flushPending = false
    const links = [...this.flushQueue]
    this.flushQueue.clear()
    for (const link of links) this.flush(link)
  }

  private flush (link: PeerLink): void {
    const stream = link.stream
    if (link.state !== 'open' || stream === undefined || link.blocked || link.batch.frames === 0) return
    const frames = link.batch.frames
    const bytes = link.batch.take()
    this.counters.framesOut += frames
    this.counters.bytesOut += bytes.byteLength
    let writable: boolean
    try {
      writable = stream.send(bytes)
    } catch (err) {
      // Closed for writing under us; its 'close' event (already or soon) reopens.
      this.counters.dropped['stream-closed'] += frames
      this.log?.debug({ err, peer: link.key }, 'send on a closing stream')
      return
    }
    if (!writable) link.blocked = true
    if (link.queuedBytes() <= this.lowWaterBytes) link.wakeWaiters()
  }

  private open (link: PeerLink): void {
    link.state = 'opening'
    const signal = AbortSignal.any([this.shutdown.signal, AbortSignal.timeout(this.openTimeoutMs)])
    this.libp2p.dialProtocol(link.peer, this.protocol, { signal }).then(
      (stream) => { this.opened(link, stream) },
      (err: unknown) => { this.openFailed(link, err) }
    )
  }

  private opened (link: PeerLink, stream: Stream): void {
    if (!this.started || link.state !== 'opening' || this.links.get(link.key) !== link) {
      stream.abort(new Error('link no longer wanted'))
      return
    }
    this.counters.streamsOpened.outbound++
    stream.maxReadBufferLength = this.maxStreamReadBufferBytes
    link.stream = stream
    link.state = 'open'
    link.blocked = false
    link.openedAt = this.now()
    link.openFailures = 0
    const maybeWake = (): void => {
      if (link.stream === stream && link.queuedBytes() <= this.lowWaterBytes) link.wakeWaiters()
    }
    const onDrain = (): void => {
      if (link.stream !== stream) return
      link.blocked = false
      this.flush(link)
      // The stream moves its own buffer on in a microtask queued by its 'drain'
      // listener (registered before ours); look at the queue after that has run.
      queueMicrotask(maybeWake)
    }
    const onClose = (evt: StreamCloseEvent): void => {
      this.log?.debug({ peer: link.key, protocol: this.protocol, err: evt.error, local: evt.local }, 'outbound stream closed')
      stream.removeEventListener('drain', onDrain)
      stream.removeEventListener('idle', maybeWake)
      stream.removeEventListener('close', onClose)
      this.outboundClosed(link, stream)
    }
    stream.addEventListener('drain', onDrain)
    // 'idle': the stream's buffer emptied without a 'drain' of ours to notice it.
    stream.addEventListener('idle', maybeWake)
    stream.addEventListener('close', onClose)
    // The peer never writes on our stream, but if it does, its frames face the same judge.
    this.attachReader(link, stream)
    if (this.helloFrame !== undefined) {
      try {
        if (!stream.send(this.helloFrame)) link.blocked = true
      } catch (err) {
        this.log?.debug({ err, peer: link.key }, 'hello on a closing stream')
      }
    }
    this.flush(link)
    link.wakeWaiters()
  }

  private openFailed (link: PeerLink, err: unknown): void {
    if (link.state !== 'opening' || this.links.get(link.key) !== link) return
    this.enterBackoff(link, err)
  }

  // Frames queued for an unreachable peer are dropped rather than kept for later:
  // consensus protocols retransmit what still matters, and a stale queue would
  // only delay it.
  private enterBackoff (link: PeerLink, err: unknown): void {
    link.openFailures++
    link.state = 'backoff'
    link.retryAt = this.now() + Math.min(this.backoff.max, this.backoff.initial * 2 ** (link.openFailures - 1))
    link.lastError = err instanceof Error ? err.message : String(err)
    this.log?.debug({ err, peer: link.key, protocol: this.protocol, retryAt: link.retryAt }, 'opening a link failed')
    this.dropQueued(link, 'unreachable')
    link.wakeWaiters()
  }

  private outboundClosed (link: PeerLink, stream: Stream): void {
    if (link.stream !== stream) return
    link.stream = undefined
    link.blocked = false
    link.state = 'idle'
    link.quickDeaths = this.now() - link.openedAt < SHORT_LIVED_MS ? link.quickDeaths + 1 : 0
    if (link.batch.frames > 0 && this.started && this.links.get(link.key) === link) {
      if (link.quickDeaths >= MAX_QUICK_REOPENS) {
        // The peer keeps cutting the stream: stop feeding it until back-off passes.
        this.enterBackoff(link, new Error('stream keeps closing'))
      } else {
        this.open(link)
      }
    }
    link.wakeWaiters()
    this.maybeForget(link)
  }

  private dropQueued (link: PeerLink, reason: DropReason): void {
    this.counters.dropped[reason] += link.batch.frames
    link.batch.clear()
  }

  private async closeGracefully (stream: Stream): Promise<void> {
    try {
      await stream.close({ signal: AbortSignal.timeout(2_000) })
    } catch (err) {
      stream.abort(err instanceof Error ? err : new Error(String(err)))
    }
  }

  // A peer with nothing open, queued or awaited costs nothing to forget; its
  // score lives on in PeerScores.
  private maybeForget (link: PeerLink): void {
    if (link.state === 'idle' && link.stream === undefined && link.readers.size === 0 &&
      link.batch.frames === 0 && link.waiters.length === 0 && link.pings.size === 0 &&
      this.links.get(link.key) === link) {
      this.links.delete(link.key)
    }
  }

  // --- inbound ---------------------------------------------------------------

  private readonly onInboundStream = (stream: Stream, connection: Connection): void => {
    try {
      const peer = connection.remotePeer
      if (!this.started) {
        stream.abort(new Error('links stopped'))
        return
      }
      if (this.scores.isDenied(peer)) {
        stream.abort(new Error('peer banned'))
        this.hangUp(peer)
        return
      }
      const key = peer.toString()
      const link = this.links.get(key) ?? this.createLink(peer, key)
      this.counters.streamsOpened.inbound++
      stream.maxReadBufferLength = this.maxStreamReadBufferBytes
      // The peer closing its side means it is done with this stream; so are we.
      stream.addEventListener('remoteCloseWrite', () => {
        stream.close().catch(() => { stream.abort(new Error('close failed')) })
      }, { once: true })
      this.attachReader(link, stream)
    } catch (err) {
      stream.abort(err instanceof Error ? err : new Error(String(err)))
    }
  }

  private attachReader (link: PeerLink, stream: Stream): void {
    const reader = new StreamReader(link.key, stream, this.maxFrameBytes, this)
    link.readers.add(reader)
    this.readerLinks.set(reader, link)
  }

  private readonly onConnectionOpen = (evt: CustomEvent<Connection>): void => {
    const connection = evt.detail
    if (this.scores.isDenied(connection.remotePeer)) {
      // Gater hooks may be absent (host built without them): refuse here instead.
      connection.abort(new Error('peer banned'))
    }
  }

  private readonly onPeerIdentify = (evt: CustomEvent<IdentifyResult>): void => {
    const { peerId, protocols } = evt.detail
    if (!this.openOnIdentify || !this.started || !protocols.includes(this.protocol)) return
    if (this.scores.isDenied(peerId) || peerId.equals(this.libp2p.peerId)) return
    const key = peerId.toString()
    const link = this.links.get(key) ?? this.createLink(peerId, key)
    if (link.state === 'backoff') {
      // A fresh identify means the peer is reachable again: what the back-off waited for
      // has happened. Without this a peer that restarted waits out up to `backoffMs.max`
      // (measured: a Raft follower restarted after 30 s down heard nothing for 27 s).
      link.state = 'idle'
      link.retryAt = 0
      link.openFailures = 0
      link.quickDeaths = 0
    }
    if (link.state === 'idle') this.open(link)
  }

  private answerPing (link: PeerLink, ping: Ping): void {
    // Best effort: a full queue means the Pong would measure the queue anyway.
    this.send(link.peer, { type: 'pong', nonce: ping.nonce, sentAtUs: ping.sentAtUs })
  }

  private settlePing (link: PeerLink, pong: Pong): void {
    link.pings.get(pong.nonce)?.({ ok: true, rttMs: 0 })
  }

  private streamCounts (): { inbound: number, outbound: number } {
    let inbound = 0
    let outbound = 0
    for (const reader of this.readerLinks.keys()) {
      if (reader.stream.direction === 'inbound') inbound++
      else outbound++
    }
    return { inbound, outbound }
  }
}

function wallClockUs (): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1000)
}

function equalBytes (a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false
  return true
}
