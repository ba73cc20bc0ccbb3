// Actor metrics for Prometheus. The hot path only bumps plain number fields on the actor;
// these collectors read them when the registry is scraped, adding the difference since the
// last scrape to the counters. Restarts are rare and counted as they happen.

import { Counter, Gauge, type Registry } from 'prom-client'

export type DropReason = 'overflow' | 'rejected' | 'stopped'

export interface MeteredActor {
  readonly path: string
  readonly mailboxDepth: number
  readonly processedCount: number
  readonly droppedOverflow: number
  readonly droppedRejected: number
  readonly droppedStopped: number
}

interface Reported {
  processed: number
  overflow: number
  rejected: number
  stopped: number
}

export class ActorMetrics {
  private readonly live = new Map<MeteredActor, Reported>()
  private readonly depth: Gauge<'actor'>
  private readonly processed: Counter<'actor'>
  private readonly dropped: Counter<'actor' | 'reason'>
  private readonly restarts: Counter<'actor'>

  constructor(registry: Registry) {
    // Arrow collectors: `this` stays ActorMetrics (prom-client would bind it to the metric).
    this.depth = new Gauge({
      name: 'actor_mailbox_depth',
      help: 'Messages waiting in the actor mailbox',
      labelNames: ['actor'],
      registers: [registry],
      collect: () => {
        this.depth.reset()
        for (const actor of this.live.keys()) this.depth.set({ actor: actor.path }, actor.mailboxDepth)
      }
    })
    this.processed = new Counter({
      name: 'actor_messages_processed_total',
      help: 'Messages handed to the actor receive',
      labelNames: ['actor'],
      registers: [registry],
      collect: () => {
        for (const actor of this.live.keys()) this.flushProcessed(actor)
      }
    })
    this.dropped = new Counter({
      name: 'actor_mailbox_dropped_total',
      help: 'Messages dropped or refused by the actor mailbox, by reason (overflow, rejected, stopped)',
      labelNames: ['actor', 'reason'],
      registers: [registry],
      collect: () => {
        for (const actor of this.live.keys()) this.flushDropped(actor)
      }
    })
    this.restarts = new Counter({
      name: 'actor_restarts_total',
      help: 'Restarts of the actor by its supervisor',
      labelNames: ['actor'],
      registers: [registry]
    })
  }

  track(actor: MeteredActor): void {
    this.live.set(actor, { processed: 0, overflow: 0, rejected: 0, stopped: 0 })
    // Zero series from the start, so a dashboard shows the actor before its first event.
    this.processed.inc({ actor: actor.path }, 0)
    this.restarts.inc({ actor: actor.path }, 0)
  }

  /** The actor stopped: report what it counted since the last scrape, then forget it. */
  untrack(actor: MeteredActor): void {
    this.flushProcessed(actor)
    this.flushDropped(actor)
    this.live.delete(actor)
  }

  restarted(path: string): void {
    this.restarts.inc({ actor: path })
  }

  private flushProcessed(actor: MeteredActor): void {
    const reported = this.live.get(actor)
    if (reported === undefined) return
    this.processed.inc({ actor: actor.path }, actor.processedCount - reported.processed)
    reported.processed = actor.processedCount
  }

  private flushDropped(actor: MeteredActor): void {
    const reported = this.live.get(actor)
    if (reported === undefined) return
    this.incDropped(actor.path, 'overflow', actor.droppedOverflow - reported.overflow)
    this.incDropped(actor.path, 'rejected', actor.droppedRejected - reported.rejected)
    this.incDropped(actor.path, 'stopped', actor.droppedStopped - reported.stopped)
    reported.overflow = actor.droppedOverflow
    reported.rejected = actor.droppedRejected
    reported.stopped = actor.droppedStopped
  }

  private incDropped(actor: string, reason: DropReason, count: number): void {
    if (count > 0) this.dropped.inc({ actor, reason }, count)
  }
}
