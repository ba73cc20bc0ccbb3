// The root of an actor tree. It supervises the top-level actors like any parent, except that
// a failure escalated to it ends the system: every actor is stopped in order, and
// `whenTerminated` reports the failure so the node program can exit non-zero.

import type { Registry } from 'prom-client'
import type { ActorFailure, ActorRef, AskResult, ChildSpec, ReplyOf, SystemEvent, Termination } from './actor.js'
import { Asks } from './ask.js'
import { Children, spawnChild, type Child, type Parent, type Runtime } from './cell.js'
import { SystemClock, type Clock } from './clock.js'
import { EventLoopDispatcher, type Dispatcher } from './dispatcher.js'
import { ActorMetrics } from './metrics.js'

export interface ActorSystemOptions {
  /** Defaults to the real clock. */
  readonly clock?: Clock
  /** Defaults to an EventLoopDispatcher. */
  readonly dispatcher?: Dispatcher
  /** Where to export actor metrics; one actor system per registry. */
  readonly registry?: Registry
  /** Restarts, escalations and failed cleanups, for the log. */
  readonly onEvent?: (event: SystemEvent) => void
}

export class ActorSystem implements Parent, Runtime {
  readonly path = ''
  readonly clock: Clock
  readonly dispatcher: Dispatcher
  readonly metrics: ActorMetrics | undefined
  /** Pending asks of this system; use `ref.ask`. */
  readonly asks: Asks
  /** Settles once every actor has stopped: on `stop()`, or after a failure reached the root. */
  readonly whenTerminated: Promise<Termination>
  private readonly resolveTerminated: (termination: Termination) => void
  private readonly children = new Children()
  private readonly onEvent: ((event: SystemEvent) => void) | undefined
  private stopping: Promise<void> | undefined = undefined
  private failure: ActorFailure | undefined = undefined

  constructor(options: ActorSystemOptions = {}) {
    this.clock = options.clock ?? new SystemClock()
    this.dispatcher = options.dispatcher ?? new EventLoopDispatcher()
    this.metrics = options.registry === undefined ? undefined : new ActorMetrics(options.registry)
    this.onEvent = options.onEvent
    this.asks = new Asks(this.clock)
    const { promise, resolve } = Promise.withResolvers<Termination>()
    this.whenTerminated = promise
    this.resolveTerminated = resolve
  }

  /** Start a top-level actor. After `stop()` began, the ref answers STOPPED. */
  spawn<M>(spec: ChildSpec<M>): ActorRef<M> {
    return spawnChild(this, this, this.children, this.stopping === undefined, spec)
  }

  /** `target.ask(build, timeoutMs)`; pass the type arguments (see ActorContext.ask). */
  ask<M, R = ReplyOf<M>>(target: ActorRef<M>, build: (replyTo: ActorRef<R>) => M, timeoutMs: number): Promise<AskResult<R>> {
    return this.asks.ask(target, build, timeoutMs)
  }

  /**
   * Stop the top-level actors in reverse start order, each after its own children, awaiting
   * every cleanup. Asks still pending afterwards settle with STOPPED.
   */
  stop(): Promise<void> {
    this.stopping ??= this.stopInOrder()
    return this.stopping
  }

  emit(event: SystemEvent): void {
    this.onEvent?.(event)
  }

  childEscalated(child: Child, failure: ActorFailure): void {
    if (this.stopping !== undefined || !this.children.has(child)) return
    this.failure = failure
    void this.stop()
  }

  childStopped(child: Child): void {
    this.children.remove(child)
  }

  private async stopInOrder(): Promise<void> {
    await this.children.stopAll()
    this.asks.close()
    this.resolveTerminated(this.failure === undefined ? { type: 'stopped' } : { type: 'failed', failure: this.failure })
  }
}
