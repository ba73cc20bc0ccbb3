import assert from 'node:assert/strict'
import { assertNever, describeFailure, type Actor, type ActorRef, type Behaviour, type ChildSpec } from './index.js'
import { TestKit } from './testkit.js'

type CounterMsg =
  | { readonly type: 'add'; readonly amount: number }
  | { readonly type: 'get'; readonly replyTo: ActorRef<number> }
  | { readonly type: 'crash' }
  | { readonly type: 'crashAsync' }

/** Counts; `log` records every create and cleanup so tests can see incarnations. */
function counter(name: string, log: string[]): Behaviour<CounterMsg> {
  return { create: () => counterActor(name, log) }
}

function counterActor(name: string, log: string[]): Actor<CounterMsg> {
  log.push(`${name} create`)
  let total = 0
  return {
    receive(msg) {
      switch (msg.type) {
        case 'add':
          total += msg.amount
          return
        case 'get':
          msg.replyTo.tell(total)
          return
        case 'crash':
          throw new Error(`${name} crashed`)
        case 'crashAsync':
          return Promise.reject(new Error(`${name} crashed later`))
        default:
          return assertNever(msg)
      }
    },
    cleanup() {
      log.push(`${name} cleanup`)
    }
  }
}

function counterSpec(name: string, log: string[], maxRestarts = 3, windowMs = 1000): ChildSpec<CounterMsg> {
  return { name, behaviour: counter(name, log), mailbox: { capacity: 100, overflow: 'reject' }, restart: { maxRestarts, windowMs } }
}

type ParentMsg = { readonly type: 'children'; readonly replyTo: ActorRef<readonly ActorRef<CounterMsg>[]> }

/** A supervisor that spawns its children from specs, in order, and hands out their refs. */
function parent(name: string, log: string[], specs: () => ChildSpec<CounterMsg>[]): Behaviour<ParentMsg> {
  return {
    create: (ctx) => {
      log.push(`${name} create`)
      const children = specs().map((spec) => ctx.spawn(spec))
      return {
        receive(msg) {
          msg.replyTo.tell(children)
        },
        cleanup() {
          log.push(`${name} cleanup`)
        }
      }
    }
  }
}

async function childrenOf(kit: TestKit, ref: ActorRef<ParentMsg>): Promise<readonly ActorRef<CounterMsg>[]> {
  const probe = kit.probe<readonly ActorRef<CounterMsg>[]>()
  ref.tell({ type: 'children', replyTo: probe })
  await kit.settle()
  return probe.expectMessage()
}

async function totalOf(kit: TestKit, ref: ActorRef<CounterMsg>): Promise<number> {
  const probe = kit.probe<number>()
  assert.deepEqual(ref.tell({ type: 'get', replyTo: probe }), { ok: true })
  await kit.settle()
  return probe.expectMessage()
}

describe('supervision (one-for-one)', () => {
  it('a child whose receive throws is restarted with fresh state behind the same ref, and the failing message is dropped', async () => {
    const kit = new TestKit()
    const log: string[] = []
    const ref = kit.spawn(counterSpec('counter', log))
    ref.tell({ type: 'add', amount: 5 })
    ref.tell({ type: 'crash' })
    ref.tell({ type: 'add', amount: 1 })
    await kit.settle()

    assert.equal(await totalOf(kit, ref), 1)
    assert.deepEqual(log, ['counter create', 'counter cleanup', 'counter create'])
    assert.deepEqual(
      kit.events.map((e) => [e.type, e.actor]),
      [['restarted', 'counter']]
    )
  })

  it('a rejected async receive restarts the child like a throw', async () => {
    const kit = new TestKit()
    const log: string[] = []
    const ref = kit.spawn(counterSpec('counter', log))
    ref.tell({ type: 'add', amount: 5 })
    ref.tell({ type: 'crashAsync' })
    await kit.settle()

    assert.equal(await totalOf(kit, ref), 0)
    const event = kit.events[0]
    assert.equal(event?.type, 'restarted')
    assert.match(event.type === 'restarted' ? describeFailure(event.failure) : '', /counter crashed in receive: Error: counter crashed later/)
  })

  it('a sibling keeps its state while a child restarts (one-for-one)', async () => {
    const kit = new TestKit()
    const log: string[] = []
    const node = kit.spawn({
      name: 'node',
      behaviour: parent('node', log, () => [counterSpec('a', log), counterSpec('b', log)]),
      mailbox: { capacity: 10, overflow: 'reject' },
      restart: { maxRestarts: 1, windowMs: 1000 }
    })
    const [a, b] = await childrenOf(kit, node)
    assert.ok(a !== undefined && b !== undefined)
    b.tell({ type: 'add', amount: 7 })
    a.tell({ type: 'add', amount: 3 })
    a.tell({ type: 'crash' })
    await kit.settle()

    assert.equal(await totalOf(kit, a), 0)
    assert.equal(await totalOf(kit, b), 7)
    assert.deepEqual(log, ['node create', 'a create', 'b create', 'a cleanup', 'a create'])
  })

  it('a child exceeding maxRestarts within the window escalates, and its parent restarts with fresh children', async () => {
    const kit = new TestKit()
    const log: string[] = []
    const node = kit.spawn({
      name: 'node',
      behaviour: parent('node', log, () => [counterSpec('store', log, 2), counterSpec('api', log)]),
      mailbox: { capacity: 10, overflow: 'reject' },
      restart: { maxRestarts: 1, windowMs: 1000 }
    })
    const [store, api] = await childrenOf(kit, node)
    assert.ok(store !== undefined && api !== undefined)
    api.tell({ type: 'add', amount: 9 })
    for (let i = 0; i < 3; i++) store.tell({ type: 'crash' })
    await kit.settle()

    assert.deepEqual(
      kit.events.map((e) => [e.type, e.actor]),
      [
        ['restarted', 'node/store'],
        ['restarted', 'node/store'],
        ['escalated', 'node/store'],
        ['restarted', 'node']
      ]
    )
    // The parent's restart stopped its children in reverse order before creating itself anew.
    assert.deepEqual(log.slice(-6), ['api cleanup', 'store cleanup', 'node cleanup', 'node create', 'store create', 'api create'])
    // Old refs belong to the stopped incarnation; the new children start from fresh state.
    assert.deepEqual(api.tell({ type: 'add', amount: 1 }), { ok: false, error: { code: 'STOPPED', actor: 'node/api' } })
    const [, freshApi] = await childrenOf(kit, node)
    assert.ok(freshApi !== undefined)
    assert.equal(await totalOf(kit, freshApi), 0)
  })

  it('restarts older than the window no longer count toward the limit', async () => {
    const kit = new TestKit()
    const log: string[] = []
    const ref = kit.spawn(counterSpec('counter', log, 1, 1000))
    ref.tell({ type: 'crash' })
    await kit.settle()
    await kit.advance(1000)
    ref.tell({ type: 'crash' })
    await kit.settle()
    assert.deepEqual(
      kit.events.map((e) => e.type),
      ['restarted', 'restarted']
    )

    await kit.advance(999)
    ref.tell({ type: 'crash' })
    await kit.settle()
    assert.deepEqual(
      kit.events.map((e) => e.type),
      ['restarted', 'restarted', 'escalated']
    )
  })

  it('a failure escalated past a top-level actor stops the system in order and reports the failure chain', async () => {
    const kit = new TestKit()
    const log: string[] = []
    const node = kit.spawn({
      name: 'node',
      behaviour: parent('node', log, () => [counterSpec('store', log, 0)]),
      mailbox: { capacity: 10, overflow: 'reject' },
      restart: { maxRestarts: 0, windowMs: 1000 }
    })
    const [store] = await childrenOf(kit, node)
    store?.tell({ type: 'crash' })
    await kit.settle()

    const termination = await kit.system.whenTerminated
    assert.equal(termination.type, 'failed')
    assert.ok(termination.type === 'failed')
    assert.equal(termination.failure.code, 'CHILD_ESCALATED')
    assert.equal(describeFailure(termination.failure), 'node failed because its child gave up: node/store crashed in receive: Error: store crashed')
    assert.deepEqual(log, ['node create', 'store create', 'store cleanup', 'node cleanup'])
    assert.deepEqual(node.tell({ type: 'children', replyTo: kit.probe() }), { ok: false, error: { code: 'STOPPED', actor: 'node' } })
  })

  it('a create that throws is a failure: retried under the restart policy', async () => {
    const kit = new TestKit()
    let attempts = 0
    const flaky: Behaviour<CounterMsg> = {
      create: () => {
        attempts++
        if (attempts < 3) throw new Error('database not ready')
        return counterActor('flaky', [])
      }
    }
    const ref = kit.spawn({ name: 'flaky', behaviour: flaky, mailbox: { capacity: 10, overflow: 'reject' }, restart: { maxRestarts: 2, windowMs: 1000 } })
    ref.tell({ type: 'add', amount: 4 })
    await kit.settle()

    assert.equal(attempts, 3)
    assert.equal(await totalOf(kit, ref), 4)
    assert.deepEqual(
      kit.events.map((e) => (e.type === 'restarted' && e.failure.code === 'CRASHED' ? e.failure.phase : e.type)),
      ['create', 'create']
    )
  })

  it('an async create holds messages until the actor exists', async () => {
    const kit = new TestKit()
    const opened = Promise.withResolvers<void>()
    const log: string[] = []
    const ref = kit.spawn({
      name: 'store',
      behaviour: {
        create: async () => {
          await opened.promise
          return counterActor('store', log)
        }
      },
      mailbox: { capacity: 10, overflow: 'reject' },
      restart: { maxRestarts: 0, windowMs: 1000 }
    })
    const probe = kit.probe<number>()
    ref.tell({ type: 'add', amount: 2 })
    ref.tell({ type: 'get', replyTo: probe })
    await kit.settle()
    probe.expectNoMessage()

    opened.resolve()
    await kit.settle()
    probe.expectMessage(2)
  })
})
