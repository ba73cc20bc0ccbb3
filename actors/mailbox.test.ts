import assert from 'node:assert/strict'
import { Registry } from 'prom-client'
import type { ActorRef, Behaviour, OverflowPolicy, TellResult } from './index.js'
import { RingQueue } from './ring-queue.js'
import { TestKit } from './testkit.js'

type SinkMsg = { readonly type: 'item'; readonly n: number } | { readonly type: 'tick' } | { readonly type: 'arm'; readonly delayMs: number }

/** Records what it handles, in order. */
function sink(received: string[]): Behaviour<SinkMsg> {
  return {
    create: (ctx) => ({
      receive(msg) {
        switch (msg.type) {
          case 'item':
            received.push(`item ${msg.n}`)
            return
          case 'tick':
            received.push('tick')
            return
          case 'arm':
            ctx.timers.startSingle('tick', { type: 'tick' }, msg.delayMs)
            return
        }
      }
    })
  }
}

function spawnSink(kit: TestKit, overflow: OverflowPolicy, capacity: number, received: string[]): ActorRef<SinkMsg> {
  return kit.spawn({ name: 'sink', behaviour: sink(received), mailbox: { capacity, overflow }, restart: { maxRestarts: 0, windowMs: 1000 } })
}

const item = (n: number): SinkMsg => ({ type: 'item', n })
const FULL: TellResult = { ok: false, error: { code: 'MAILBOX_FULL', actor: 'sink' } }
const STOPPED: TellResult = { ok: false, error: { code: 'STOPPED', actor: 'sink' } }

describe('mailbox overflow policies', () => {
  it('drop-oldest: a full mailbox drops its oldest message to take the new one, and counts the drop', async () => {
    const registry = new Registry()
    const kit = new TestKit({ registry })
    const received: string[] = []
    const ref = spawnSink(kit, 'drop-oldest', 3, received)
    const results = [1, 2, 3, 4, 5].map((n) => ref.tell(item(n)))
    await kit.settle()

    assert.ok(results.every((r) => r.ok))
    assert.deepEqual(received, ['item 3', 'item 4', 'item 5'])
    const metrics = await metricLines(registry)
    assert.ok(metrics.includes('actor_mailbox_dropped_total{actor="sink",reason="overflow"} 2'))
  })

  it('reject: a full mailbox refuses with MAILBOX_FULL and keeps what it holds', async () => {
    const kit = new TestKit()
    const received: string[] = []
    const ref = spawnSink(kit, 'reject', 2, received)
    assert.deepEqual([1, 2, 3].map((n) => ref.tell(item(n))), [{ ok: true }, { ok: true }, FULL])
    await kit.settle()

    assert.deepEqual(received, ['item 1', 'item 2'])
    assert.deepEqual(ref.tell(item(4)), { ok: true }, 'space again once drained')
  })

  it('block: send waits for space and is delivered in order; tell on the full mailbox is refused', async () => {
    const kit = new TestKit()
    const received: string[] = []
    const ref = spawnSink(kit, 'block', 2, received)
    ref.tell(item(1))
    ref.tell(item(2))
    const sent: TellResult[] = []
    const third = ref.send(item(3)).then((r) => sent.push(r))
    const fourth = ref.send(item(4)).then((r) => sent.push(r))
    assert.deepEqual(ref.tell(item(5)), FULL)
    await flush()
    assert.deepEqual(sent, [], 'senders wait while the mailbox is full')

    await kit.settle()
    await Promise.all([third, fourth])
    assert.deepEqual(sent, [{ ok: true }, { ok: true }])
    assert.deepEqual(received, ['item 1', 'item 2', 'item 3', 'item 4'])
  })

  it('block: senders still waiting when the actor stops are answered STOPPED', async () => {
    const kit = new TestKit()
    const ref = spawnSink(kit, 'block', 1, [])
    ref.tell(item(1))
    const waiting = ref.send(item(2))
    await kit.stop()
    assert.deepEqual(await waiting, STOPPED)
  })

  it('a timer message is outside the bound: it reaches a full reject mailbox', async () => {
    const kit = new TestKit()
    const received: string[] = []
    const ref = spawnSink(kit, 'reject', 1, received)
    ref.tell({ type: 'arm', delayMs: 10 })
    await kit.settle()
    ref.tell(item(1))
    kit.clock.advance(10) // fire without running the actor: the mailbox is full when the tick arrives
    assert.deepEqual(ref.tell(item(2)), FULL)
    await kit.settle()

    assert.deepEqual(received, ['item 1', 'tick'])
  })

  it('drop-oldest never drops a queued timer message: the oldest user message goes instead', async () => {
    const kit = new TestKit()
    const received: string[] = []
    const ref = spawnSink(kit, 'drop-oldest', 1, received)
    ref.tell({ type: 'arm', delayMs: 10 })
    await kit.settle()
    kit.clock.advance(10)
    ref.tell(item(1))
    ref.tell(item(2))
    await kit.settle()

    assert.deepEqual(received, ['tick', 'item 2'])
  })
})

describe('RingQueue', () => {
  it('stays first-in first-out across wrap-around and growth', () => {
    const queue = new RingQueue<number>(4)
    const out: number[] = []
    let next = 0
    // Interleave pushes and shifts so the head wraps before the ring doubles, twice.
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 3; i++) queue.push(next++)
      for (let i = 0; i < 2; i++) out.push(queue.shift())
    }
    queue.drain((n) => out.push(n))
    assert.deepEqual(out, Array.from({ length: next }, (_, i) => i))
    assert.equal(queue.length, 0)
  })
})

async function metricLines(registry: Registry): Promise<string[]> {
  return (await registry.metrics()).split('\n')
}

function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
