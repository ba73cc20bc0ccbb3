// Counters for one PeerLinks instance. The hot path bumps plain numbers; prom-client
// reads them only when scraped (a labelled prom-client inc() per frame would cost
// more than the framing itself at 250k frames/s).

import { Counter, Gauge } from 'prom-client'
import type { Offence } from './verdict.js'
import type { DecodeErrorCode } from '../wire/codec.js'
import type { Registry } from 'prom-client'

export type DropReason =
  /** The peer could not be reached; frames queued for it were discarded. */
  | 'unreachable'
  /** The stream died with frames still queued or unsent. */
  | 'stream-closed'
  /** The links stopped, or the peer was banned, with frames queued. */
  | 'shutdown'

export interface LinkStatsSnapshot {
  framesIn: number
  framesOut: number
  bytesIn: number
  bytesOut: number
  delivered: number
  decodeErrors: Record<DecodeErrorCode, number>
  penalties: Partial<Record<Offence, number>>
  ignored: Partial<Record<Offence, number>>
  dropped: Record<DropReason, number>
  bans: number
  handlerErrors: number
  streamsOpened: { inbound: number, outbound: number }
}

export class LinkStats {
  framesIn = 0
  framesOut = 0
  bytesIn = 0
  bytesOut = 0
  delivered = 0
  decodeErrors: Record<DecodeErrorCode, number> = { TRUNCATED: 0, MALFORMED: 0, UNKNOWN_TYPE: 0, TOO_LARGE: 0 }
  penalties: Partial<Record<Offence, number>> = {}
  ignored: Partial<Record<Offence, number>> = {}
  dropped: Record<DropReason, number> = { unreachable: 0, 'stream-closed': 0, shutdown: 0 }
  bans = 0
  handlerErrors = 0
  streamsOpened = { inbound: 0, outbound: 0 }

  snapshot (): LinkStatsSnapshot {
    return {
      framesIn: this.framesIn,
      framesOut: this.framesOut,
      bytesIn: this.bytesIn,
      bytesOut: this.bytesOut,
      delivered: this.delivered,
      decodeErrors: { ...this.decodeErrors },
      penalties: { ...this.penalties },
      ignored: { ...this.ignored },
      dropped: { ...this.dropped },
      bans: this.bans,
      handlerErrors: this.handlerErrors,
      streamsOpened: { ...this.streamsOpened }
    }
  }
}

export interface LinkGauges {
  queuedBytes: () => number
  peers: () => number
  streams: () => { inbound: number, outbound: number }
}

/**
 * Registers the links' metrics on `registry`, labelled with the protocol so one
 * registry can hold the links of several protocols (names are shared, so the
 * metrics are created once per registry and reused).
 */
export function registerLinkMetrics (registry: Registry, protocol: string, stats: LinkStats, gauges: LinkGauges): () => void {
  const synced = new Map<string, number>()
  const counterNames = new Map<Counter<string>, string>()
  const mine: Array<{ list: Array<() => void>, collect: () => void }> = []
  // A counter's value is pushed forward by the difference since the last scrape.
  const sync = (counter: Counter<string>, labels: Record<string, string>, value: number): void => {
    const key = `${counterNames.get(counter) ?? ''}|${Object.values(labels).join('|')}`
    const last = synced.get(key) ?? 0
    if (value > last) counter.inc(labels, value - last)
    synced.set(key, value)
  }
  const counter = (name: string, help: string, labelNames: string[], collect: (c: Counter<string>) => void): void => {
    const existing = registry.getSingleMetric(name)
    const metric = existing instanceof Counter
      ? existing
      : new Counter({ name, help, labelNames, registers: [registry] })
    counterNames.set(metric, name)
    const entry = { list: collectors(metric), collect: () => { collect(metric) } }
    entry.list.push(entry.collect)
    mine.push(entry)
  }
  const gauge = (name: string, help: string, labelNames: string[], collect: (g: Gauge<string>) => void): void => {
    const existing = registry.getSingleMetric(name)
    const metric = existing instanceof Gauge
      ? existing
      : new Gauge({ name, help, labelNames, registers: [registry] })
    const entry = { list: collectors(metric), collect: () => { collect(metric) } }
    entry.list.push(entry.collect)
    mine.push(entry)
  }

  counter('blackhole_wire_frames_total', 'Frames through the peer links', ['protocol', 'direction'], (c) => {
    sync(c, { protocol, direction: 'in' }, stats.framesIn)
    sync(c, { protocol, direction: 'out' }, stats.framesOut)
  })
  counter('blackhole_wire_bytes_total', 'Frame bytes (prefixes included) through the peer links', ['protocol', 'direction'], (c) => {
    sync(c, { protocol, direction: 'in' }, stats.bytesIn)
    sync(c, { protocol, direction: 'out' }, stats.bytesOut)
  })
  counter('blackhole_wire_delivered_total', 'Frames accepted and handed to the handler', ['protocol'], (c) => {
    sync(c, { protocol }, stats.delivered)
  })
  counter('blackhole_wire_decode_errors_total', 'Frames that failed to decode, by error code', ['protocol', 'code'], (c) => {
    for (const [code, value] of Object.entries(stats.decodeErrors)) sync(c, { protocol, code }, value)
  })
  counter('blackhole_wire_penalties_total', 'Penalties charged to peers, by offence', ['protocol', 'offence'], (c) => {
    for (const [offence, value] of Object.entries(stats.penalties)) sync(c, { protocol, offence }, value ?? 0)
  })
  counter('blackhole_wire_ignored_total', 'Frames dropped without penalty, by offence', ['protocol', 'offence'], (c) => {
    for (const [offence, value] of Object.entries(stats.ignored)) sync(c, { protocol, offence }, value ?? 0)
  })
  counter('blackhole_wire_frames_dropped_total', 'Outbound frames discarded before reaching the stream, by reason', ['protocol', 'reason'], (c) => {
    for (const [reason, value] of Object.entries(stats.dropped)) sync(c, { protocol, reason }, value)
  })
  counter('blackhole_wire_peer_bans_total', 'Peers disconnected and refused for a cool-down', ['protocol'], (c) => {
    sync(c, { protocol }, stats.bans)
  })
  counter('blackhole_wire_handler_errors_total', 'Exceptions or rejections from the frame handler', ['protocol'], (c) => {
    sync(c, { protocol }, stats.handlerErrors)
  })
  gauge('blackhole_wire_queued_bytes', 'Outbound bytes queued for all peers (links and stream buffers)', ['protocol'], (g) => {
    g.set({ protocol }, gauges.queuedBytes())
  })
  gauge('blackhole_wire_peers', 'Peers with a link or an open stream', ['protocol'], (g) => {
    g.set({ protocol }, gauges.peers())
  })
  gauge('blackhole_wire_streams', 'Open streams by direction', ['protocol', 'direction'], (g) => {
    const streams = gauges.streams()
    g.set({ protocol, direction: 'inbound' }, streams.inbound)
    g.set({ protocol, direction: 'outbound' }, streams.outbound)
  })

  // Stopped links stop reporting; what they counted stays in the counters.
  return () => {
    for (const { list, collect } of mine) {
      const index = list.indexOf(collect)
      if (index !== -1) list.splice(index, 1)
    }
  }
}

// prom-client calls one `collect` per metric; several PeerLinks (one per protocol)
// may share a metric, so each metric keeps a list of collectors and runs them all.
const collectorLists = new WeakMap<object, Array<() => void>>()

function collectors (metric: Counter<string> | Gauge<string>): Array<() => void> {
  let list = collectorLists.get(metric)
  if (list === undefined) {
    const created: Array<() => void> = []
    list = created
    collectorLists.set(metric, created)
    const target = metric as unknown as { collect?: () => void }
    target.collect = () => { for (const collect of created) collect() }
  }
  return list
}
