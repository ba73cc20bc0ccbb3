import assert from 'node:assert/strict'
import { ManualClock, type ActorRef, type Behaviour } from './index.js'
import { TestKit } from './testkit.js'

type ElectionMsg =
  | { readonly type: 'arm'; readonly delayMs: number }
  | { readonly type: 'heartbeat'; readonly intervalMs: number }
  | { readonly type: 'stopHeartbeat' }
  | { readonly type: 'timeout'; readonly generation: number }
  | { readonly type: 'beat' }
  | { readonly type: 'hold'; readonly until: Promise<void> }
  | { readonly type: 'crash' }

/** Records the timer messages it receives as "<message>@<time>". */
function election(received: string[]): Behaviour<ElectionMsg> {
  return {
    create: (ctx) => {
      let generation = 0
      return {
        receive(msg) {
          switch (msg.type) {
            case 'arm':
              ctx.timers.startSingle('election', { type: 'timeout', generation: ++generation }, msg.delayMs)
              return
            case 'heartbeat':
              ctx.timers.startPeriodic('heartbeat', { type: 'beat' }, msg.intervalMs)
              return
            case 'stopHeartbeat':
              ctx.timers.cancel('heartbeat')
              return
            case 'timeout':
              received.push(`timeout ${msg.generation}@${ctx.clock.now()}`)
              return
            case 'beat':
              received.push(`beat@${ctx.clock.now()}`)
              return
            case 'hold':
              return msg.until
            case 'crash':
              throw new Error('crash')
          }
        }
      }
    }
  }
}

function spawnElection(kit: TestKit, received: string[]): ActorRef<ElectionMsg> {
  return kit.spawn({ name: 'election', behaviour: election(received), mailbox: { capacity: 10, overflow: 'reject' }, restart: { maxRestarts: 5, windowMs: 1000 } })
}

describe('timers', () => {
  it('a single timer delivers its message once, at its due time', async () => {
    const kit = new TestKit()
    const received: string[] = []
    const ref = spawnElection(kit, received)
    ref.tell({ type: 'arm', delayMs: 150 })
    await kit.advance(149)
    assert.deepEqual(received, [])
    await kit.advance(1000)
    assert.deepEqual(received, ['timeout 1@150'])
  })

  it('a periodic timer delivers every interval until cancelled', async () => {
    const kit = new TestKit()
    const received: string[] = []
    const ref = spawnElection(kit, received)
    ref.tell({ type: 'heartbeat', intervalMs: 50 })
    await kit.advance(160)
    ref.tell({ type: 'stopHeartbeat' })
    await kit.advance(1000)
    assert.deepEqual(received, ['beat@50', 'beat@100', 'beat@150'])
  })

  it('re-arming replaces the timer: the earlier one never fires', async () => {
    const kit = new TestKit()
    const received: string[] = []
    const ref = spawnElection(kit, received)
    ref.tell({ type: 'arm', delayMs: 100 })
    await kit.advance(60)
    ref.tell({ type: 'arm', delayMs: 100 })
    await kit.advance(1000)
    assert.deepEqual(received, ['timeout 2@160'])
  })

  it('a timer replaced after it fired, while its message waited in the mailbox, is not delivered', async () => {
    const kit = new TestKit()
    const received: string[] = []
    const ref = spawnElection(kit, received)
    ref.tell({ type: 'arm', delayMs: 100 })
    await kit.settle()
    const busy = Promise.withResolvers<void>()
    ref.tell({ type: 'hold', until: busy.promise })
    ref.tell({ type: 'arm', delayMs: 100 }) // queued behind the hold, ahead of the firing below
    await kit.advance(100) // timeout 1 fires and waits in the mailbox behind the re-arm
    busy.resolve()
    await kit.settle()
    await kit.advance(1000)
    assert.deepEqual(received, ['timeout 2@200'])
  })

  it('a restart cancels every timer of the failed incarnation', async () => {
    const kit = new TestKit()
    const received: string[] = []
    const ref = spawnElection(kit, received)
    ref.tell({ type: 'heartbeat', intervalMs: 50 })
    ref.tell({ type: 'arm', delayMs: 70 })
    await kit.advance(50)
    ref.tell({ type: 'crash' })
    await kit.advance(1000)
    assert.deepEqual(received, ['beat@50'])
    assert.equal(kit.clock.pendingTimers, 0)
  })

  it('stop cancels every timer', async () => {
    const kit = new TestKit()
    const ref = spawnElection(kit, [])
    ref.tell({ type: 'heartbeat', intervalMs: 50 })
    ref.tell({ type: 'arm', delayMs: 70 })
    await kit.settle()
    assert.equal(kit.clock.pendingTimers, 2)
    await kit.stop()
    assert.equal(kit.clock.pendingTimers, 0)
  })
})

describe('ManualClock', () => {
  it('fires timers in due-time order, ties in the order they were set, and never a cancelled one', () => {
    const clock = new ManualClock()
    const fired: string[] = []
    clock.setTimer(30, () => fired.push(`c@${clock.now()}`))
    clock.setTimer(10, () => fired.push(`a@${clock.now()}`))
    clock.setTimer(30, () => fired.push(`d@${clock.now()}`))
    clock.setTimer(10, () => {
      fired.push(`b@${clock.now()}`)
      clock.setTimer(5, () => fired.push(`chained@${clock.now()}`))
    })
    const cancelled = clock.setTimer(20, () => fired.push('cancelled'))
    cancelled.cancel()

    clock.advance(29)
    assert.deepEqual(fired, ['a@10', 'b@10', 'chained@15'])
    assert.equal(clock.now(), 29)
    clock.advance(1)
    assert.deepEqual(fired.slice(3), ['c@30', 'd@30'])
  })
})
