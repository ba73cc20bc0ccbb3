// The production dispatcher on the real event loop. Completion is awaited through replies,
// never through sleeps; the throughput numbers are printed, not asserted.

import assert from 'node:assert/strict'
import { ActorSystem, EventLoopDispatcher, type ActorRef, type Behaviour } from './index.js'

type CountMsg =
  | { readonly type: 'count'; readonly n: number }
  | { readonly type: 'flood'; readonly remaining: number; readonly replyTo: ActorRef<number> }
  | { readonly type: 'total'; readonly replyTo: ActorRef<number> }

/** Counts, checks order, and can keep itself busy by messaging itself. */
function counter(outOfOrder: number[]): Behaviour<CountMsg> {
  return {
    create: (ctx) => {
      let total = 0
      let last = -1
      return {
        receive(msg) {
          switch (msg.type) {
            case 'count':
              if (msg.n !== last + 1) outOfOrder.push(msg.n)
              last = msg.n
              total++
              return
            case 'flood':
              total++
              if (msg.remaining === 0) msg.replyTo.tell(total)
              else ctx.self.tell({ type: 'flood', remaining: msg.remaining - 1, replyTo: msg.replyTo })
              return
            case 'total':
              msg.replyTo.tell(total)
              return
          }
        }
      }
    }
  }
}

type RelayMsg = { readonly type: 'count'; readonly n: number }

function relay(next: ActorRef<CountMsg>): Behaviour<RelayMsg> {
  return { create: () => ({ receive: (msg) => void next.tell(msg) }) }
}

/** Resolves once the counter has counted `n` (asks again while a relay still holds messages). */
async function drained(ref: ActorRef<CountMsg>, n: number): Promise<void> {
  for (;;) {
    const total = await ref.ask((replyTo) => ({ type: 'total', replyTo }), 60_000)
    if (!total.ok) assert.fail(total.error.code)
    if (total.value >= n) return
  }
}

function spawnCounter(system: ActorSystem, outOfOrder: number[], capacity: number): ActorRef<CountMsg> {
  return system.spawn({ name: 'counter', behaviour: counter(outOfOrder), mailbox: { capacity, overflow: 'reject' }, restart: { maxRestarts: 0, windowMs: 1000 } })
}

describe('EventLoopDispatcher', () => {
  it('delivers every message in order through a bounded mailbox', async () => {
    const system = new ActorSystem()
    const outOfOrder: number[] = []
    const ref = spawnCounter(system, outOfOrder, 1001) // a batch plus the ask
    let n = 0
    for (let batch = 0; batch < 20; batch++) {
      for (let i = 0; i < 1000; i++) assert.ok(ref.tell({ type: 'count', n: n++ }).ok)
      const drained = await ref.ask((replyTo) => ({ type: 'total', replyTo }), 5000)
      assert.ok(drained.ok)
    }
    const total = await ref.ask((replyTo) => ({ type: 'total', replyTo }), 5000)
    assert.deepEqual(total, { ok: true, value: 20_000 })
    assert.deepEqual(outOfOrder, [])
    await system.stop()
  })

  it('an actor flooding itself yields to the event loop instead of starving it', async () => {
    const system = new ActorSystem({ dispatcher: new EventLoopDispatcher({ yieldEvery: 1000 }) })
    const ref = spawnCounter(system, [], 10)
    const flood = ref.ask((replyTo) => ({ type: 'flood', remaining: 100_000, replyTo }), 60_000)
    // Queued before the flood starts: it runs at the flood's first yield, and its ask is
    // answered right behind the flood message then in the mailbox.
    const midFlood = new Promise<number>((resolve) => {
      setImmediate(() => void ref.ask((replyTo) => ({ type: 'total', replyTo }), 60_000).then((r) => resolve(r.ok ? r.value : -1)))
    })
    assert.deepEqual(await flood, { ok: true, value: 100_001 })
    const seen = await midFlood
    assert.ok(seen > 0 && seen < 100_001, `the event loop ran after ${seen} of 100001 messages`)
    await system.stop()
  })

  it('throughput (printed, not asserted)', async function () {
    this.timeout(60_000)
    const messages = 2_000_000
    const batch = 50_000

    async function measure(label: string, viaRelay: boolean): Promise<void> {
      const system = new ActorSystem()
      const ref = spawnCounter(system, [], batch + 1)
      const entry: ActorRef<RelayMsg> = viaRelay
        ? system.spawn({ name: 'relay', behaviour: relay(ref), mailbox: { capacity: batch, overflow: 'reject' }, restart: { maxRestarts: 0, windowMs: 1000 } })
        : ref
      const started = performance.now()
      let n = 0
      while (n < messages) {
        for (let i = 0; i < batch; i++) entry.tell({ type: 'count', n: n++ })
        await drained(ref, n)
      }
      const seconds = (performance.now() - started) / 1000
      console.log(`      ${label}: ${Math.round(messages / seconds).toLocaleString('en-US')} messages/s (${messages.toLocaleString('en-US')} in ${seconds.toFixed(2)} s)`)
      const total = await ref.ask((replyTo) => ({ type: 'total', replyTo }), 5000)
      assert.deepEqual(total, { ok: true, value: messages })
      await system.stop()
    }

    await measure('tell -> one actor', false)
    await measure('tell -> relay actor -> counter actor', true)
  })
})
