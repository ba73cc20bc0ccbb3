import assert from 'node:assert/strict'
import type { ActorRef, Behaviour } from './index.js'
import { TestKit } from './testkit.js'

type JournalMsg = { readonly type: 'append'; readonly entry: string; readonly durable: Promise<void>; readonly replyTo: ActorRef<string> }

/** Acknowledges an entry only once its write is durable, one entry at a time. */
const journal: Behaviour<JournalMsg> = {
  create: () => ({
    async receive(msg) {
      await msg.durable
      msg.replyTo.tell(`ack ${msg.entry}`)
    }
  })
}

describe('testkit', () => {
  it('an async receive holds the next message until it settles, and settle leaves it in flight', async () => {
    const kit = new TestKit()
    const ref = kit.spawn({ name: 'journal', behaviour: journal, mailbox: { capacity: 10, overflow: 'reject' }, restart: { maxRestarts: 0, windowMs: 1000 } })
    const probe = kit.probe<string>()
    const first = Promise.withResolvers<void>()
    ref.tell({ type: 'append', entry: 'a', durable: first.promise, replyTo: probe })
    ref.tell({ type: 'append', entry: 'b', durable: Promise.resolve(), replyTo: probe })
    await kit.settle()
    probe.expectNoMessage()

    first.resolve()
    await kit.settle()
    probe.expectMessage('ack a')
    probe.expectMessage('ack b')
    probe.expectNoMessage()
  })

  it('nothing runs until the test settles: tell only enqueues', async () => {
    const kit = new TestKit()
    const ref = kit.spawn({ name: 'journal', behaviour: journal, mailbox: { capacity: 10, overflow: 'reject' }, restart: { maxRestarts: 0, windowMs: 1000 } })
    const probe = kit.probe<string>()
    ref.tell({ type: 'append', entry: 'a', durable: Promise.resolve(), replyTo: probe })
    await Promise.resolve()
    probe.expectNoMessage()
    await kit.settle()
    probe.expectMessage('ack a')
  })

  it('probe expectations fail on a missing or different message', () => {
    const kit = new TestKit()
    const probe = kit.probe<{ readonly n: number }>('numbers')
    assert.throws(() => probe.expectMessage(), /test\/numbers: expected a message, received none/)
    probe.tell({ n: 1 })
    assert.throws(() => probe.expectNoMessage(), /expected no message/)
    assert.throws(() => probe.expectMessage({ n: 2 }), /unexpected message/)
  })

  it('settle reports actors that never go quiet instead of hanging', async () => {
    const kit = new TestKit()
    type PingMsg = { readonly type: 'ping' }
    const ref = kit.spawn<PingMsg>({
      name: 'echo',
      behaviour: { create: (ctx) => ({ receive: (msg) => void ctx.self.tell(msg) }) },
      mailbox: { capacity: 1, overflow: 'reject' },
      restart: { maxRestarts: 0, windowMs: 1000 }
    })
    ref.tell({ type: 'ping' })
    assert.throws(() => kit.dispatcher.runReady(1000), /did not settle within 1000 turns/)
    await kit.stop()
  })
})
