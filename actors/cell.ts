// The runtime side of one actor: its mailbox, its current incarnation, its children, and the
// lifecycle that the author never sees (create, restart, escalate, stop).
//
// Lifecycle, one step at a time (`busy` while an async step is in flight):
//
//   starting --create ok--> running --receive throws--> restarting --> starting
//       \                      |                    \--limit exceeded--> failed (parent decides)
//        \--create throws------+-- same as a receive failure
//   any --stop requested--> (after the step in flight) stopping --> stopped
//
// A restart and a stop both stop this actor's children in reverse start order, awaiting each,
// then run this incarnation's cleanup. Escalations from children and stop requests are handled
// between messages, never in the middle of a receive.

import type {
  Actor,
  ActorContext,
  ActorFailure,
  ActorRef,
  AskResult,
  ReplyOf,
  ChildSpec,
  SystemEvent,
  TellResult
} from './actor.js'
import type { Asks } from './ask.js'
import type { Clock } from './clock.js'
import type { Dispatcher, Schedulable } from './dispatcher.js'
import { Mailbox } from './mailbox.js'
import type { ActorMetrics, MeteredActor } from './metrics.js'
import { ActorTimers, TimerEntry } from './timers.js'

/** What an actor needs from its system. */
export interface Runtime {
  readonly clock: Clock
  readonly dispatcher: Dispatcher
  readonly metrics: ActorMetrics | undefined
  readonly asks: Asks
  emit(event: SystemEvent): void
}

/** A supervised actor as its parent sees it. */
export interface Child {
  readonly name: string
  readonly path: string
  requestStop(): Promise<void>
}

/** An actor or the system root. */
export interface Parent {
  readonly path: string
  childEscalated(child: Child, failure: ActorFailure): void
  childStopped(child: Child): void
}

/** A parent's children in start order. */
export class Children {
  private readonly started: Child[] = []

  add(child: Child): void {
    if (this.started.some((c) => c.name === child.name)) throw new Error(`duplicate child name: ${child.path}`)
    this.started.push(child)
  }

  remove(child: Child): void {
    const index = this.started.indexOf(child)
    if (index >= 0) this.started.splice(index, 1)
  }

  has(child: Child): boolean {
    return this.started.includes(child)
  }

  /** Reverse start order; each child's stop (cleanup included) finishes before the next begins. */
  async stopAll(): Promise<void> {
    const order = [...this.started].reverse()
    for (const child of order) await child.requestStop()
  }
}

/** Validate `spec`, then start it under `parent`, or hand back a stopped ref if the parent no longer accepts children. */
export function spawnChild<M>(runtime: Runtime, parent: Parent, children: Children, accepting: boolean, spec: ChildSpec<M>): ActorRef<M> {
  if (spec.name === '' || spec.name.includes('/')) throw new Error(`invalid actor name: "${spec.name}"`)
  const { maxRestarts, windowMs } = spec.restart
  if (!Number.isInteger(maxRestarts) || maxRestarts < 0) throw new Error(`${spec.name}: maxRestarts must be a non-negative integer`)
  if (!(windowMs > 0)) throw new Error(`${spec.name}: windowMs must be positive`)
  const cell = new ActorCell(runtime, parent, spec)
  if (!accepting) {
    cell.stopUnstarted()
    return cell.ref
  }
  children.add(cell)
  runtime.metrics?.track(cell)
  cell.start()
  return cell.ref
}

class LocalActorRef<M> implements ActorRef<M> {
  readonly path: string

  constructor(
    private readonly cell: ActorCell<M>,
    private readonly asks: Asks
  ) {
    this.path = cell.path
  }

  tell(msg: M): TellResult {
    return this.cell.tell(msg)
  }

  send(msg: M): Promise<TellResult> {
    return this.cell.send(msg)
  }

  ask<R = ReplyOf<M>>(build: (replyTo: ActorRef<R>) => M, timeoutMs: number): Promise<AskResult<R>> {
    return this.asks.ask(this, build, timeoutMs)
  }
}

class CellContext<M> implements ActorContext<M> {
  readonly self: ActorRef<M>
  readonly path: string
  readonly clock: Clock

  constructor(
    private readonly cell: ActorCell<M>,
    private readonly runtime: Runtime,
    readonly timers: ActorTimers<M>
  ) {
    this.self = cell.ref
    this.path = cell.path
    this.clock = runtime.clock
  }

  spawn<C>(spec: ChildSpec<C>): ActorRef<C> {
    return this.cell.spawn(spec)
  }

  ask<T, R = ReplyOf<T>>(target: ActorRef<T>, build: (replyTo: ActorRef<R>) => T, timeoutMs: number): Promise<AskResult<R>> {
    return this.runtime.asks.ask(target, build, timeoutMs)
  }
}

type Status = 'starting' | 'running' | 'restarting' | 'failed' | 'stopping' | 'stopped'

export class ActorCell<M> implements Schedulable, Child, Parent, MeteredActor {
  readonly name: string
  readonly path: string
  readonly ref: ActorRef<M>
  private readonly mailbox: Mailbox<M>
  private readonly timers: ActorTimers<M>
  private readonly context: CellContext<M>
  private readonly children = new Children()
  private instance: Actor<M> | undefined = undefined
  private status: Status = 'starting'
  /** An async create, receive, restart or stop is in flight. */
  private busy = false
  /** On the dispatcher's ready queue, or running. */
  private scheduled = false
  /** Inside run(): a stop requested from within this actor's own receive waits for the loop. */
  private running = false
  private stopRequested = false
  private stopped: Promise<void> | undefined = undefined
  private resolveStopped: () => void = () => {}
  /** A child gave up; handled between messages. */
  private escalation: ActorFailure | undefined = undefined
  /** Clock times of the restarts within the current window, oldest first. */
  private readonly restartTimes: number[] = []
  processedCount = 0

  constructor(
    private readonly runtime: Runtime,
    private readonly parent: Parent,
    private readonly spec: ChildSpec<M>
  ) {
    this.name = spec.name
    this.path = parent.path === '' ? spec.name : `${parent.path}/${spec.name}`
    this.ref = new LocalActorRef(this, runtime.asks)
    this.mailbox = new Mailbox(this.path, spec.mailbox.capacity, spec.mailbox.overflow)
    this.timers = new ActorTimers(runtime.clock, (entry) => this.enqueueTimer(entry))
    this.context = new CellContext(this, runtime, this.timers)
  }

  get mailboxDepth(): number {
    return this.mailbox.depth
  }

  get droppedOverflow(): number {
    return this.mailbox.droppedOverflow
  }

  get droppedRejected(): number {
    return this.mailbox.droppedRejected
  }

  get droppedStopped(): number {
    return this.mailbox.droppedStopped
  }

  start(): void {
    this.schedule()
  }

  /** The parent was already stopping: this actor never runs and refuses every message. */
  stopUnstarted(): void {
    this.stopRequested = true
    this.status = 'stopped'
    this.mailbox.close()
    this.stopped = Promise.resolve()
  }

  tell(msg: M): TellResult {
    const result = this.mailbox.offer(msg)
    if (result.ok && !this.scheduled && !this.busy && this.status === 'running') this.schedule()
    return result
  }

  send(msg: M): Promise<TellResult> {
    const result = this.mailbox.offerOrWait(msg)
    if (result instanceof Promise) return result
    if (result.ok && !this.scheduled && !this.busy && this.status === 'running') this.schedule()
    return Promise.resolve(result)
  }

  spawn<C>(spec: ChildSpec<C>): ActorRef<C> {
    const accepting = (this.status === 'starting' || this.status === 'running') && !this.stopRequested
    return spawnChild(this.runtime, this, this.children, accepting, spec)
  }

  run(budget: number): number {
    this.running = true
    let taken = 0
    for (;;) {
      if (this.busy) break
      if (this.stopRequested) {
        this.beginStop()
        break
      }
      if (this.escalation !== undefined) {
        const failure = this.escalation
        this.escalation = undefined
        this.fail(failure)
        continue
      }
      if (this.status === 'starting') {
        this.create()
        continue
      }
      if (this.status !== 'running' || this.instance === undefined || this.mailbox.isEmpty) break
      if (taken === budget) {
        // More to do: back of the ready queue, still scheduled.
        this.running = false
        this.runtime.dispatcher.schedule(this)
        return taken
      }
      taken++
      const item = this.mailbox.shift()
      let msg: M
      if (item instanceof TimerEntry) {
        if (!this.timers.accept(item)) continue
        msg = item.message
      } else {
        msg = item
      }
      this.processedCount++
      let outcome: void | Promise<void>
      try {
        outcome = this.instance.receive(msg, this.context)
      } catch (error) {
        // The failing message is dropped: it was already taken from the mailbox.
        this.fail({ code: 'CRASHED', actor: this.path, phase: 'receive', error })
        continue
      }
      if (outcome !== undefined) {
        this.busy = true
        outcome.then(this.onReceiveSettled, this.onReceiveRejected)
      }
    }
    this.running = false
    this.scheduled = false
    return taken
  }

  requestStop(): Promise<void> {
    if (this.stopped !== undefined) return this.stopped
    const { promise, resolve } = Promise.withResolvers<void>()
    this.stopped = promise
    this.resolveStopped = resolve
    this.stopRequested = true
    this.mailbox.close()
    if (!this.busy && !this.running) this.beginStop()
    return promise
  }

  childEscalated(child: Child, failure: ActorFailure): void {
    // A child of an incarnation that is already going away: its failure no longer matters.
    if (this.status !== 'starting' && this.status !== 'running') return
    if (this.stopRequested || !this.children.has(child)) return
    this.escalation ??= { code: 'CHILD_ESCALATED', actor: this.path, child: failure }
    this.resume()
  }

  childStopped(child: Child): void {
    this.children.remove(child)
  }

  private readonly onReceiveSettled = (): void => {
    this.busy = false
    this.resume()
  }

  private readonly onReceiveRejected = (error: unknown): void => {
    this.busy = false
    this.fail({ code: 'CRASHED', actor: this.path, phase: 'receive', error })
    this.resume()
  }

  /** After an async step: stop if asked to, otherwise get back on the dispatcher. */
  private resume(): void {
    if (this.busy || this.running) return
    if (this.stopRequested) this.beginStop()
    else this.schedule()
  }

  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    this.runtime.dispatcher.schedule(this)
  }

  private enqueueTimer(entry: TimerEntry<M>): void {
    if (this.mailbox.offerTimer(entry) && !this.scheduled && !this.busy && this.status === 'running') this.schedule()
  }

  private create(): void {
    let created: Actor<M> | Promise<Actor<M>>
    try {
      created = this.spec.behaviour.create(this.context)
    } catch (error) {
      this.fail({ code: 'CRASHED', actor: this.path, phase: 'create', error })
      return
    }
    if (!(created instanceof Promise)) {
      this.instance = created
      this.status = 'running'
      return
    }
    this.busy = true
    created.then(
      (instance) => {
        this.busy = false
        this.instance = instance
        this.status = 'running'
        this.resume()
      },
      (error: unknown) => {
        this.busy = false
        this.fail({ code: 'CRASHED', actor: this.path, phase: 'create', error })
        this.resume()
      }
    )
  }

  /** One-for-one: restart within the limit, otherwise give up and let the parent decide. */
  private fail(failure: ActorFailure): void {
    if (this.stopRequested) return
    const { maxRestarts, windowMs } = this.spec.restart
    const now = this.runtime.clock.now()
    while (this.restartTimes.length > 0 && now - (this.restartTimes[0] ?? now) >= windowMs) this.restartTimes.shift()
    if (this.restartTimes.length < maxRestarts) {
      this.restartTimes.push(now)
      this.runtime.metrics?.restarted(this.path)
      this.runtime.emit({ type: 'restarted', actor: this.path, failure, restartsInWindow: this.restartTimes.length })
      this.status = 'restarting'
      this.busy = true
      void this.restart()
      return
    }
    this.status = 'failed'
    this.timers.cancelAll()
    this.runtime.emit({ type: 'escalated', actor: this.path, failure })
    this.parent.childEscalated(this, failure)
  }

  private async restart(): Promise<void> {
    this.timers.cancelAll()
    await this.children.stopAll()
    await this.cleanupInstance()
    // Escalations came from children of the old incarnation, all stopped now.
    this.escalation = undefined
    this.status = 'starting'
    this.busy = false
    this.resume()
  }

  private beginStop(): void {
    if (this.status === 'stopping' || this.status === 'stopped') return
    this.status = 'stopping'
    this.busy = true
    void this.stopInOrder()
  }

  private async stopInOrder(): Promise<void> {
    this.timers.cancelAll()
    await this.children.stopAll()
    await this.cleanupInstance()
    this.status = 'stopped'
    this.busy = false
    this.runtime.metrics?.untrack(this)
    this.parent.childStopped(this)
    this.resolveStopped()
  }

  private async cleanupInstance(): Promise<void> {
    const instance = this.instance
    this.instance = undefined
    if (instance?.cleanup === undefined) return
    try {
      await instance.cleanup()
    } catch (error) {
      this.runtime.emit({ type: 'cleanupFailed', actor: this.path, error })
    }
  }
}
