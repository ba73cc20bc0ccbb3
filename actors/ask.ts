// Request/reply: the request carries a one-shot `replyTo` ref; the first reply settles the
// ask, the clock settles it with TIMEOUT otherwise. Later replies are refused with STOPPED.

import { TELL_OK, type ActorRef, type AskResult, type ReplyOf, type TellResult } from './actor.js'
import type { Clock, ClockTimer } from './clock.js'

interface PendingReply {
  /** Settle with STOPPED: the system is gone. */
  abandon(): void
}

class ReplyRef<R> implements ActorRef<R>, PendingReply {
  timer: ClockTimer | undefined = undefined
  private settled = false
  private readonly refused: TellResult

  constructor(
    readonly path: string,
    private readonly resolve: (result: AskResult<R>) => void,
    private readonly asks: Asks
  ) {
    this.refused = { ok: false, error: { code: 'STOPPED', actor: path } }
  }

  tell(reply: R): TellResult {
    if (this.settled) return this.refused
    this.settle({ ok: true, value: reply })
    return TELL_OK
  }

  send(reply: R): Promise<TellResult> {
    return Promise.resolve(this.tell(reply))
  }

  ask<Q = ReplyOf<R>>(build: (replyTo: ActorRef<Q>) => R, timeoutMs: number): Promise<AskResult<Q>> {
    return this.asks.ask(this, build, timeoutMs)
  }

  abandon(): void {
    this.settle({ ok: false, error: { code: 'STOPPED', actor: this.path } })
  }

  settle(result: AskResult<R>): void {
    if (this.settled) return
    this.settled = true
    this.timer?.cancel()
    this.asks.settled(this)
    this.resolve(result)
  }
}

/** The asks of one actor system, so that stopping the system settles them all. */
export class Asks {
  private readonly pending = new Set<PendingReply>()
  private closed = false

  constructor(private readonly clock: Clock) {}

  /** `ActorRef.ask` for any ref of this system (see its contract in actor.ts). */
  ask<M, R>(target: ActorRef<M>, build: (replyTo: ActorRef<R>) => M, timeoutMs: number): Promise<AskResult<R>> {
    const { promise, resolve } = Promise.withResolvers<AskResult<R>>()
    const reply = new ReplyRef<R>(`${target.path}/$ask`, resolve, this)
    const request = build(reply)
    if (this.closed) {
      reply.settle({ ok: false, error: { code: 'STOPPED', actor: target.path } })
      return promise
    }
    this.pending.add(reply)
    reply.timer = this.clock.setTimer(timeoutMs, () => {
      reply.settle({ ok: false, error: { code: 'TIMEOUT', actor: target.path, timeoutMs } })
    })
    // send, not tell: on a full 'block' mailbox the ask waits for space within the same timeout.
    void target.send(request).then((sent) => {
      if (!sent.ok) reply.settle({ ok: false, error: sent.error })
    })
    return promise
  }

  settled(reply: PendingReply): void {
    this.pending.delete(reply)
  }

  /** Settle every pending ask with STOPPED and refuse new ones. */
  close(): void {
    this.closed = true
    for (const reply of [...this.pending]) reply.abandon()
  }
}
