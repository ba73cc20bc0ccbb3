// Who runs actors. An actor with work puts itself on its dispatcher's ready queue once; the
// dispatcher gives it a turn of at most `throughput` messages, and it re-queues itself at the
// back if it still has work, so one busy actor cannot starve the others.

import { RingQueue } from './ring-queue.js'

export interface Schedulable {
  /** Handle at most `budget` messages; returns how many were taken from the mailbox. */
  run(budget: number): number
}

export interface Dispatcher {
  schedule(actor: Schedulable): void
}

export interface EventLoopDispatcherOptions {
  /** Messages per actor turn. */
  readonly throughput?: number
  /** Messages handled before yielding to the event loop so I/O callbacks can run. */
  readonly yieldEvery?: number
}

/**
 * The production dispatcher. Work that arrives while idle starts on a microtask (low latency
 * after an I/O callback); after `yieldEvery` messages it continues on setImmediate, which runs
 * after pending I/O, so a flood of messages never starves the sockets that feed it.
 */
export class EventLoopDispatcher implements Dispatcher {
  private readonly ready = new RingQueue<Schedulable>()
  private draining = false
  private readonly throughput: number
  private readonly yieldEvery: number

  constructor(options: EventLoopDispatcherOptions = {}) {
    this.throughput = options.throughput ?? 64
    this.yieldEvery = options.yieldEvery ?? 2048
  }

  schedule(actor: Schedulable): void {
    this.ready.push(actor)
    if (this.draining) return
    this.draining = true
    queueMicrotask(this.drain)
  }

  private readonly drain = (): void => {
    let budget = this.yieldEvery
    try {
      // Every turn costs at least 1, so the loop ends even when turns take no messages.
      while (budget > 0 && this.ready.length > 0) budget -= 1 + this.ready.shift().run(this.throughput)
    } finally {
      if (this.ready.length > 0) setImmediate(this.drain)
      else this.draining = false
    }
  }
}
