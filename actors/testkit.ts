// Synchronous, deterministic actor tests: manual time, a dispatcher that runs only when the
// test says so, and probes that record what they receive. No real timers anywhere.
//
//   const kit = new TestKit()
//   const counter = kit.spawn({ name: 'counter', behaviour, mailbox, restart })
//   const probe = kit.probe<number>()
//   counter.tell({ type: 'get', replyTo: probe })
//   await kit.settle()
//   probe.expectMessage(0)

import assert from 'node:assert/strict'
import type { Registry } from 'prom-client'
import { TELL_OK, type ActorRef, type AskResult, type ChildSpec, type ReplyOf, type SystemEvent, type TellResult } from './actor.js'
import type { Asks } from './ask.js'
import { ManualClock } from './clock.js'
import type { Dispatcher, Schedulable } from './dispatcher.js'
import { RingQueue } from './ring-queue.js'
import { ActorSystem } from './system.js'

/** Runs ready actors only inside `runReady`, in the order they became ready. */
export class TestDispatcher implements Dispatcher {
  private readonly ready = new RingQueue<Schedulable>()

  constructor(private readonly throughput = 16) {}

  get idle(): boolean {
    return this.ready.length === 0
  }

  schedule(actor: Schedulable): void {
    this.ready.push(actor)
  }

  /** Run actors until none is ready. Throws after `maxTurns` (actors that keep messaging each other forever). */
  runReady(maxTurns = 1_000_000): void {
    for (let turns = 0; this.ready.length > 0; turns++) {
      if (turns === maxTurns) throw new Error(`actors did not settle within ${maxTurns} turns`)
      this.ready.shift().run(this.throughput)
    }
  }
}

/** An ActorRef that records what it is sent. */
export class TestProbe<M> implements ActorRef<M> {
  private readonly inbox: M[] = []

  constructor(
    readonly path: string,
    private readonly asks: Asks
  ) {}

  tell(msg: M): TellResult {
    this.inbox.push(msg)
    return TELL_OK
  }

  send(msg: M): Promise<TellResult> {
    return Promise.resolve(this.tell(msg))
  }

  ask<R = ReplyOf<M>>(build: (replyTo: ActorRef<R>) => M, timeoutMs: number): Promise<AskResult<R>> {
    return this.asks.ask(this, build, timeoutMs)
  }

  /** Received and not yet taken by expectMessage. */
  get messages(): readonly M[] {
    return this.inbox
  }

  /** Take the oldest unread message; given `expected`, assert the message deep-equals it. */
  expectMessage(...expected: [] | [M]): M {
    assert.ok(this.inbox.length > 0, `${this.path}: expected a message, received none`)
    const msg = this.inbox.shift() as M
    if (expected.length === 1) assert.deepStrictEqual(msg, expected[0], `${this.path}: unexpected message`)
    return msg
  }

  expectNoMessage(): void {
    assert.equal(this.inbox.length, 0, `${this.path}: expected no message, received ${JSON.stringify(this.inbox[0])}`)
  }
}

export interface TestKitOptions {
  readonly registry?: Registry
  readonly startMs?: number
  /** Messages per actor turn; small values interleave actors more. */
  readonly throughput?: number
}

export class TestKit {
  readonly clock: ManualClock
  readonly dispatcher: TestDispatcher
  readonly system: ActorSystem
  /** Every supervision event, in order. */
  readonly events: SystemEvent[] = []
  private probes = 0

  constructor(options: TestKitOptions = {}) {
    this.clock = new ManualClock(options.startMs ?? 0)
    this.dispatcher = new TestDispatcher(options.throughput)
    this.system = new ActorSystem({
      clock: this.clock,
      dispatcher: this.dispatcher,
      registry: options.registry,
      onEvent: (event) => this.events.push(event)
    })
  }

  spawn<M>(spec: ChildSpec<M>): ActorRef<M> {
    return this.system.spawn(spec)
  }

  probe<M>(name = `probe-${++this.probes}`): TestProbe<M> {
    return new TestProbe<M>(`test/${name}`, this.system.asks)
  }

  /**
   * Run every actor until no mailbox has work. Async receives whose promises settle on their
   * own (fakes resolving at once) are followed to the end; one awaiting something the test
   * resolves later stays in flight, so a test can check what happened before it resolves.
   */
  async settle(): Promise<void> {
    for (;;) {
      this.dispatcher.runReady()
      await flushMicrotasks()
      if (this.dispatcher.idle) return
    }
  }

  /** Move time forward by `ms`, firing due timers in time order and settling after each. */
  async advance(ms: number): Promise<void> {
    const until = this.clock.now() + ms
    await this.settle()
    while (this.clock.fireNext(until)) await this.settle()
    this.clock.advance(until - this.clock.now())
  }

  stop(): Promise<void> {
    return this.system.stop()
  }
}

/** Every microtask queued so far, and those they queue, run before a setImmediate callback. */
function flushMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
