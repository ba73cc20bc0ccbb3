// A bounded mailbox with an explicit overflow policy.
//
// 'drop-oldest'  a full mailbox drops its oldest queued message to take the new one (the
//                right choice for gossip and ticks, where the newest supersedes the oldest);
// 'reject'       a full mailbox refuses with MAILBOX_FULL and the sender decides;
// 'block'        `send` waits for space, in arrival order; `tell` on a full mailbox is refused
//                with MAILBOX_FULL like 'reject', because tell never waits.
//
// After `close` (the actor is stopping) every queued message and every waiting sender is
// dropped and counted, and every later offer answers STOPPED.

import { assertNever, TELL_OK, type TellResult } from './actor.js'
import { RingQueue } from './ring-queue.js'
import { TimerEntry } from './timers.js'

export type OverflowPolicy = 'drop-oldest' | 'reject' | 'block'

interface BlockedSend<M> {
  readonly msg: M
  readonly resolve: (result: TellResult) => void
}

export class Mailbox<M> {
  /** User messages and timer entries, in arrival order. */
  private readonly queue = new RingQueue<M | TimerEntry<M>>()
  private readonly blocked = new RingQueue<BlockedSend<M>>(1)
  private userMessages = 0
  private closed = false
  private readonly full: TellResult
  private readonly stopped: TellResult

  /** Dropped by 'drop-oldest' to make room. */
  droppedOverflow = 0
  /** Refused because the mailbox was full. */
  droppedRejected = 0
  /** Dropped or refused because the actor was stopping or stopped. */
  droppedStopped = 0

  constructor(
    readonly actor: string,
    readonly capacity: number,
    readonly overflow: OverflowPolicy
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`mailbox of ${actor}: capacity must be a positive integer, got ${capacity}`)
    this.full = Object.freeze({ ok: false, error: Object.freeze({ code: 'MAILBOX_FULL', actor }) })
    this.stopped = Object.freeze({ ok: false, error: Object.freeze({ code: 'STOPPED', actor }) })
  }

  /** User messages queued (timer entries not counted). */
  get depth(): number {
    return this.userMessages
  }

  get isEmpty(): boolean {
    return this.queue.length === 0
  }

  get isClosed(): boolean {
    return this.closed
  }

  offer(msg: M): TellResult {
    if (this.closed) {
      this.droppedStopped++
      return this.stopped
    }
    if (this.userMessages >= this.capacity) {
      switch (this.overflow) {
        case 'drop-oldest':
          this.dropOldest()
          break
        case 'reject':
        case 'block':
          this.droppedRejected++
          return this.full
        default:
          return assertNever(this.overflow)
      }
    }
    this.queue.push(msg)
    this.userMessages++
    return TELL_OK
  }

  /** The 'block' policy's send: accepted now, or a promise settled when space frees or the mailbox closes. */
  offerOrWait(msg: M): TellResult | Promise<TellResult> {
    if (this.overflow !== 'block' || this.closed || this.userMessages < this.capacity) return this.offer(msg)
    return new Promise((resolve) => this.blocked.push({ msg, resolve }))
  }

  /** Timer entries bypass the bound; see timers.ts. */
  offerTimer(entry: TimerEntry<M>): boolean {
    if (this.closed) return false
    this.queue.push(entry)
    return true
  }

  /** The oldest item. The caller checks `isEmpty` first. */
  shift(): M | TimerEntry<M> {
    const item = this.queue.shift()
    if (item instanceof TimerEntry) return item
    this.userMessages--
    if (this.blocked.length > 0) {
      const sender = this.blocked.shift()
      this.queue.push(sender.msg)
      this.userMessages++
      sender.resolve(TELL_OK)
    }
    return item
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.queue.drain((item) => {
      if (!(item instanceof TimerEntry)) this.droppedStopped++
    })
    this.userMessages = 0
    this.blocked.drain((sender) => {
      this.droppedStopped++
      sender.resolve(this.stopped)
    })
  }

  private dropOldest(): void {
    // Timer entries are outside the bound: rotate any at the head to the back so the message
    // dropped is the oldest user message. A rotated timer is delivered a little later, never lost.
    for (;;) {
      const item = this.queue.shift()
      if (item instanceof TimerEntry) {
        this.queue.push(item)
        continue
      }
      this.userMessages--
      this.droppedOverflow++
      return
    }
  }
}
