import assert from 'node:assert/strict'
import { assertNever, type ActorRef, type AskResult, type Behaviour } from './index.js'
import { TestKit } from './testkit.js'

type KvMsg =
  | { readonly type: 'put'; readonly key: string; readonly value: string }
  | { readonly type: 'get'; readonly key: string; readonly replyTo: ActorRef<string | undefined> }
  /** Never answered: the caller's ask must time out. */
  | { readonly type: 'ignore'; readonly replyTo: ActorRef<string | undefined> }

const kv: Behaviour<KvMsg> = {
  create: () => {
    const entries = new Map<string, string>()
    return {
      receive(msg) {
        switch (msg.type) {
          case 'put':
            entries.set(msg.key, msg.value)
            return
          case 'get':
            msg.replyTo.tell(entries.get(msg.key))
            return
          case 'ignore':
            return
          default:
            return assertNever(msg)
        }
      }
    }
  }
}

function spawnKv(kit: TestKit, capacity = 10): ActorRef<KvMsg> {
  return kit.spawn({ name: 'kv', behaviour: kv, mailbox: { capacity, overflow: 'reject' }, restart: { maxRestarts: 0, windowMs: 1000 } })
}

describe('ask (request/reply with timeout)', () => {
  it('settles with the reply', async () => {
    const kit = new TestKit()
    const ref = spawnKv(kit)
    ref.tell({ type: 'put', key: 'a', value: '1' })
    const reply = ref.ask((replyTo) => ({ type: 'get', key: 'a', replyTo }), 100)
    const viaSystem = kit.system.ask<KvMsg, string | undefined>(ref, (replyTo) => ({ type: 'get', key: 'b', replyTo }), 100)
    await kit.settle()
    assert.deepEqual(await reply, { ok: true, value: '1' })
    assert.deepEqual(await viaSystem, { ok: true, value: undefined })
  })

  it('times out with a typed TIMEOUT error at exactly its deadline, and a late reply is refused', async () => {
    const kit = new TestKit()
    const ref = spawnKv(kit)
    let replyTo: ActorRef<string | undefined> | undefined
    let result: AskResult<string | undefined> | undefined
    void ref
      .ask((r) => {
        replyTo = r
        return { type: 'ignore', replyTo: r }
      }, 100)
      .then((r) => (result = r))

    await kit.advance(99)
    assert.equal(result, undefined, 'still waiting one millisecond before the deadline')
    await kit.advance(1)
    assert.deepEqual(result, { ok: false, error: { code: 'TIMEOUT', actor: 'kv', timeoutMs: 100 } })
    assert.deepEqual(replyTo?.tell('late'), { ok: false, error: { code: 'STOPPED', actor: 'kv/$ask' } })
  })

  it('fails at once with MAILBOX_FULL on a full reject mailbox, and with STOPPED on a stopped actor', async () => {
    const kit = new TestKit()
    const ref = spawnKv(kit, 1)
    ref.tell({ type: 'put', key: 'a', value: '1' })
    const full = ref.ask((replyTo) => ({ type: 'get', key: 'a', replyTo }), 100)
    assert.deepEqual(await full, { ok: false, error: { code: 'MAILBOX_FULL', actor: 'kv' } })

    await kit.stop()
    const stopped = ref.ask((replyTo) => ({ type: 'get', key: 'a', replyTo }), 100)
    assert.deepEqual(await stopped, { ok: false, error: { code: 'STOPPED', actor: 'kv' } })
  })

  it('asks still pending when the system stops settle with STOPPED', async () => {
    const kit = new TestKit()
    const probe = kit.probe<KvMsg>('silent')
    const pending = probe.ask((replyTo) => ({ type: 'get', key: 'a', replyTo }), 60_000)
    await kit.stop()
    assert.deepEqual(await pending, { ok: false, error: { code: 'STOPPED', actor: 'test/silent/$ask' } })
  })

  it('the reply type is the one the request names; a replyTo of another type does not compile', async () => {
    type StatusMsg = { readonly type: 'height'; readonly replyTo: ActorRef<number> } | { readonly type: 'leader'; readonly replyTo: ActorRef<string> }
    const kit = new TestKit()
    const ref = kit.spawn<StatusMsg>({
      name: 'status',
      behaviour: {
        create: () => ({
          receive(msg) {
            if (msg.type === 'height') msg.replyTo.tell(42)
            else msg.replyTo.tell('n1')
          }
        })
      },
      mailbox: { capacity: 10, overflow: 'reject' },
      restart: { maxRestarts: 0, windowMs: 1000 }
    })
    // Unannotated, the reply is any reply the union names; annotating replyTo narrows it.
    const either: Promise<AskResult<number | string>> = ref.ask((replyTo) => ({ type: 'leader', replyTo }), 100)
    const height: Promise<AskResult<number>> = ref.ask((replyTo: ActorRef<number>) => ({ type: 'height', replyTo }), 100)
    const neverSent = (): unknown =>
      // @ts-expect-error a string reply ref cannot carry a height request
      ref.ask((replyTo: ActorRef<string>) => ({ type: 'height', replyTo }), 100)
    void neverSent
    await kit.settle()
    assert.deepEqual(await either, { ok: true, value: 'n1' })
    assert.deepEqual(await height, { ok: true, value: 42 })
  })

  it('an actor can ask another from its receive (ctx.ask) and act on the reply', async () => {
    const kit = new TestKit()
    const store = spawnKv(kit)
    store.tell({ type: 'put', key: 'leader', value: 'n2' })
    type FrontMsg = { readonly type: 'whoLeads'; readonly replyTo: ActorRef<string> }
    const front = kit.spawn<FrontMsg>({
      name: 'front',
      behaviour: {
        create: (ctx) => ({
          async receive(msg) {
            const answer = await ctx.ask<KvMsg, string | undefined>(store, (replyTo) => ({ type: 'get', key: 'leader', replyTo }), 50)
            msg.replyTo.tell(answer.ok ? `leader is ${answer.value ?? 'unknown'}` : answer.error.code)
          }
        })
      },
      mailbox: { capacity: 10, overflow: 'reject' },
      restart: { maxRestarts: 0, windowMs: 1000 }
    })
    const probe = kit.probe<string>()
    front.tell({ type: 'whoLeads', replyTo: probe })
    await kit.settle()
    probe.expectMessage('leader is n2')
  })
})
