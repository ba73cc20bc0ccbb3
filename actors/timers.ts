// Timers are messages an actor sends itself (Akka's TimerScheduler).
//
// A fired timer enqueues its own entry object in the actor's mailbox rather than the message,
// so that when the entry reaches the head the runtime can check it is still the current timer
// for its key: a timer cancelled or replaced after firing, but before its message was handled,
// is never delivered. Without that, resetting an election timer could still deliver the old
// timeout. Timer entries are not counted against the mailbox bound (a dropped election timeout
// is a liveness bug), and a periodic timer never has more than one entry waiting, so the
// overshoot is at most one entry per key.

import type { Clock, ClockTimer } from './clock.js'

export interface Timers<M> {
  /** Deliver `msg` once after `delayMs`, replacing any timer with this key. */
  startSingle(key: string, msg: M, delayMs: number): void
  /** Deliver `msg` every `intervalMs` (fixed delay), replacing any timer with this key. */
  startPeriodic(key: string, msg: M, intervalMs: number): void
  /** Cancel the timer with this key; its message is not delivered even if already queued. */
  cancel(key: string): void
  /** A single timer is active until its message is delivered; a periodic one until cancelled. */
  isActive(key: string): boolean
}

export class TimerEntry<M> {
  handle: ClockTimer | undefined = undefined
  /** This entry sits in the mailbox, not yet handled. */
  queued = false
  readonly fire: () => void

  constructor(
    readonly key: string,
    readonly message: M,
    /** undefined for a single timer. */
    readonly intervalMs: number | undefined,
    timers: ActorTimers<M>
  ) {
    this.fire = () => timers.fired(this)
  }
}

export class ActorTimers<M> implements Timers<M> {
  private readonly active = new Map<string, TimerEntry<M>>()

  constructor(
    private readonly clock: Clock,
    /** Puts the entry in the actor's mailbox. */
    private readonly enqueue: (entry: TimerEntry<M>) => void
  ) {}

  startSingle(key: string, msg: M, delayMs: number): void {
    this.start(new TimerEntry(key, msg, undefined, this), delayMs)
  }

  startPeriodic(key: string, msg: M, intervalMs: number): void {
    if (!(intervalMs > 0)) throw new Error(`periodic timer ${key}: interval must be positive, got ${intervalMs}`)
    this.start(new TimerEntry(key, msg, intervalMs, this), intervalMs)
  }

  cancel(key: string): void {
    const entry = this.active.get(key)
    if (entry === undefined) return
    entry.handle?.cancel()
    this.active.delete(key)
  }

  isActive(key: string): boolean {
    return this.active.has(key)
  }

  cancelAll(): void {
    for (const entry of this.active.values()) entry.handle?.cancel()
    this.active.clear()
  }

  /** The clock fired `entry`. */
  fired(entry: TimerEntry<M>): void {
    if (this.active.get(entry.key) !== entry) return
    entry.handle = entry.intervalMs === undefined ? undefined : this.clock.setTimer(entry.intervalMs, entry.fire)
    if (entry.queued) return
    entry.queued = true
    this.enqueue(entry)
  }

  /** `entry` reached the head of the mailbox: true if its message should be delivered. */
  accept(entry: TimerEntry<M>): boolean {
    entry.queued = false
    if (this.active.get(entry.key) !== entry) return false
    if (entry.intervalMs === undefined) this.active.delete(entry.key)
    return true
  }

  private start(entry: TimerEntry<M>, delayMs: number): void {
    this.cancel(entry.key)
    this.active.set(entry.key, entry)
    entry.handle = this.clock.setTimer(delayMs, entry.fire)
  }
}
