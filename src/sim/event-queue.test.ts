import assert from 'node:assert/strict'
import { EventQueue } from './event-queue.js'
import { SimRng } from './rng.js'
import { Network, CALM_LINK } from './network.js'

describe('event queue', () => {
  it('pops by virtual time, and events at the same instant in scheduling order', () => {
    const queue = new EventQueue()
    const rng = new SimRng(7)
    const scheduled: { time: number; label: number }[] = []
    for (let label = 0; label < 2000; label++) {
      const time = rng.int(0, 50)
      scheduled.push({ time, label })
      queue.schedule(time, 'tick', 0, -1, -1, label)
    }
    const expected = scheduled.slice().sort((a, b) => a.time - b.time || a.label - b.label).map((e) => e.label)
    const popped: number[] = []
    for (let event = queue.pop(); event !== undefined; event = queue.pop()) {
      popped.push(event.data as number)
      queue.release(event)
    }
    assert.deepEqual(popped, expected)
  })
})

describe('seeded randomness', () => {
  it('a seed and a stream give one sequence; other seeds and streams give others', () => {
    const draw = (seed: number, stream: number) => Array.from({ length: 8 }, ((rng) => () => rng.nextU32())(new SimRng(seed, stream)))
    assert.deepEqual(draw(1, 0), draw(1, 0))
    assert.notDeepEqual(draw(1, 0), draw(2, 0))
    assert.notDeepEqual(draw(1, 0), draw(1, 1))
  })

  it('int(min, max) covers the range inclusively and next() stays in [0, 1)', () => {
    const rng = new SimRng(3)
    const seen = new Set<number>()
    for (let i = 0; i < 10_000; i++) {
      const n = rng.int(-2, 2)
      assert.ok(n >= -2 && n <= 2)
      seen.add(n)
      const f = rng.next()
      assert.ok(f >= 0 && f < 1)
    }
    assert.equal(seen.size, 5)
  })
})

describe('network model', () => {
  it('partitions are any grouping; cuts may be one-way; heal restores every link', () => {
    const network = new Network(5, new SimRng(1), CALM_LINK)
    network.partition([[0, 1], [2, 3]])
    assert.equal(network.isCut(0, 1), false)
    assert.equal(network.isCut(1, 2), true)
    assert.equal(network.isCut(4, 0), true) // unlisted: isolated
    network.heal()
    network.cutLink(0, 1)
    assert.equal(network.isCut(0, 1), true)
    assert.equal(network.isCut(1, 0), false)
    network.heal()
    network.isolate(3)
    assert.equal(network.plan(3, 1), 0)
    assert.equal(network.plan(1, 2), 1)
    network.reconnect(3)
    assert.equal(network.plan(3, 1), 1)
  })

  it('drops, duplicates and delays at the configured rates', () => {
    const network = new Network(2, new SimRng(9), CALM_LINK)
    network.setFaultRates(0.25, 0.1, 0, 0)
    let sent = 0
    let delivered = 0
    for (let i = 0; i < 20_000; i++) {
      sent++
      delivered += network.plan(0, 1)
      for (const delay of network.delays) assert.ok(delay >= 1)
    }
    const ratio = delivered / sent
    assert.ok(ratio > 0.75 * 1.1 - 0.02 && ratio < 0.75 * 1.1 + 0.02, `delivery ratio ${ratio}`)
  })
})
