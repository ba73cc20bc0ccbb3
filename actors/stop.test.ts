import assert from 'node:assert/strict'
import type { ActorRef, Behaviour, ChildSpec } from './index.js'
import { TestKit } from './testkit.js'

type WorkMsg = { readonly type: 'work'; readonly n: number; readonly done?: Promise<void> }

/**
 * Logs its lifecycle. Its cleanup waits for `cleanupGate` when given, so a test can hold it
 * open and check that nothing else stops meanwhile.
 */
function worker(name: string, log: string[], cleanupGate?: Promise<void>): Behaviour<WorkMsg> {
  return {
    create: () => ({
      async receive(msg) {
        log.push(`${name} work ${msg.n}`)
        await msg.done
        log.push(`${name} done ${msg.n}`)
      },
      async cleanup() {
        log.push(`${name} cleanup start`)
        await cleanupGate
        log.push(`${name} cleanup end`)
      }
    })
  }
}

function spec<M>(name: string, behaviour: Behaviour<M>): ChildSpec<M> {
  return { name, behaviour, mailbox: { capacity: 10, overflow: 'reject' }, restart: { maxRestarts: 1, windowMs: 1000 } }
}

describe('ordered stop', () => {
  it('stops children in reverse start order, each cleanup awaited before the next, the parent last', async () => {
    const kit = new TestKit()
    const log: string[] = []
    const gates = new Map(['a', 'b', 'c'].map((name) => [name, Promise.withResolvers<void>()]))
    const gate = (name: string): PromiseWithResolvers<void> => gates.get(name) ?? assert.fail(name)
    kit.spawn<never>(
      spec('node', {
        create: (ctx) => {
          for (const name of ['a', 'b', 'c']) ctx.spawn(spec(name, worker(name, log, gate(name).promise)))
          return { receive: () => {}, cleanup: () => void log.push('node cleanup') }
        }
      })
    )
    kit.spawn(spec('api', worker('api', log)))
    await kit.settle()

    let stopped = false
    const stopping = kit.stop().then(() => (stopped = true))
    await kit.settle()
    // The last started top-level actor goes first; then node's children, newest first.
    assert.deepEqual(log, ['api cleanup start', 'api cleanup end', 'c cleanup start'])

    gate('c').resolve()
    await kit.settle()
    assert.deepEqual(log.slice(3), ['c cleanup end', 'b cleanup start'], 'a is untouched while b cleans up')

    gate('b').resolve()
    await kit.settle()
    assert.equal(stopped, false)
    gate('a').resolve()
    await stopping
    assert.deepEqual(log.slice(5), ['b cleanup end', 'a cleanup start', 'a cleanup end', 'node cleanup'])
    assert.deepEqual(await kit.system.whenTerminated, { type: 'stopped' })
  })

  it('waits for the receive in flight before cleanup, and drops what is still queued', async () => {
    const kit = new TestKit()
    const log: string[] = []
    const ref = kit.spawn(spec('store', worker('store', log)))
    const write = Promise.withResolvers<void>()
    ref.tell({ type: 'work', n: 1, done: write.promise })
    ref.tell({ type: 'work', n: 2 })
    await kit.settle()

    const stopping = kit.stop()
    await kit.settle()
    assert.deepEqual(log, ['store work 1'], 'cleanup waits for the write in flight')
    assert.deepEqual(ref.tell({ type: 'work', n: 3 }), { ok: false, error: { code: 'STOPPED', actor: 'store' } })

    write.resolve()
    await stopping
    assert.deepEqual(log, ['store work 1', 'store done 1', 'store cleanup start', 'store cleanup end'])
  })

  it('counts the messages dropped by a stop as dropped for reason "stopped"', async () => {
    const { Registry } = await import('prom-client')
    const registry = new Registry()
    const kit = new TestKit({ registry })
    const ref = kit.spawn(spec('store', worker('store', [])))
    const write = Promise.withResolvers<void>()
    ref.tell({ type: 'work', n: 1, done: write.promise })
    await kit.settle()
    ref.tell({ type: 'work', n: 2 })
    ref.tell({ type: 'work', n: 3 })
    const stopping = kit.stop()
    ref.tell({ type: 'work', n: 4 })
    write.resolve()
    await stopping

    assert.match(await registry.metrics(), /actor_mailbox_dropped_total\{actor="store",reason="stopped"\} 3/)
  })

  it('a stop requested from inside a receive runs after that receive returns', async () => {
    const kit = new TestKit()
    const log: string[] = []
    type ShutdownMsg = { readonly type: 'shutdown' }
    const ref: ActorRef<ShutdownMsg> = kit.spawn<ShutdownMsg>(
      spec('admin', {
        create: () => ({
          receive() {
            void kit.stop()
            log.push('receive returns')
          },
          cleanup: () => void log.push('cleanup')
        })
      })
    )
    ref.tell({ type: 'shutdown' })
    await kit.settle()
    await kit.system.whenTerminated
    assert.deepEqual(log, ['receive returns', 'cleanup'])
  })
})
