// The mempool's in-flight window: at most `maxBatchesInFlight` batches on their way at once,
// so under load the requests that wait go together in the next batch (one log entry, one round
// of Appends and acks, one fsync for many requests), and under light load a request goes at once.

import assert from 'node:assert/strict'
import { TestKit, type TestProbe } from '../../actors/testkit.js'
import type { ActorRef } from '../../actors/index.js'
import { encodeResult, payloadRequestCount } from '../../src/app/kv-codec.js'
import type { AppMsg, SubmitOutcome } from '../../src/node/app.js'
import { type MempoolMsg, mempoolBehaviour } from '../../src/node/mempool.js'
import type { HostMsg, ProposeOutcome } from '../../src/node/protocol.js'
import type { RouterMsg } from '../../src/node/router.js'

const SELF = 'node-self'
const LEADER = 'node-leader'

interface Setup {
  readonly kit: TestKit
  readonly mempool: ActorRef<MempoolMsg>
  readonly protocol: TestProbe<HostMsg>
  readonly app: TestProbe<AppMsg>
  readonly router: TestProbe<RouterMsg>
  readonly clients: TestProbe<SubmitOutcome>
}

function setup (maxBatchesInFlight: number): Setup {
  const kit = new TestKit()
  const protocol = kit.probe<HostMsg>('protocol')
  const app = kit.probe<AppMsg>('app')
  const router = kit.probe<RouterMsg>('router')
  const mempool = kit.spawn<MempoolMsg>({
    name: 'mempool',
    behaviour: mempoolBehaviour({ peerId: SELF, protocol, app, router, maxBatchesInFlight }),
    mailbox: { capacity: 10_000, overflow: 'reject' },
    restart: { maxRestarts: 0, windowMs: 1000 }
  })
  return { kit, mempool, protocol, app, router, clients: kit.probe<SubmitOutcome>('clients') }
}

function submit (s: Setup, count: number, from: number, session = 'client-a'): void {
  for (let i = 0; i < count; i++) {
    s.mempool.tell({ type: 'submit', op: { type: 'put', key: `k${from + i}`, value: new Uint8Array([1]) }, session: { client: session, seq: from + i }, replyTo: s.clients })
  }
}

/** The proposals the protocol received and not yet taken: request counts, each accepted at once. */
function takeProposals (s: Setup): number[] {
  const sizes: number[] = []
  for (;;) {
    const msg = s.protocol.messages[0]
    if (msg === undefined) return sizes
    s.protocol.expectMessage()
    assert.equal(msg.type, 'propose')
    if (msg.type !== 'propose') return sizes
    assert.equal(msg.payloads.length, 1, 'a batch is one payload, one log entry')
    sizes.push(payloadRequestCount(msg.payloads[0]!))
    const accepted: ProposeOutcome = { ok: true }
    msg.replyTo.tell(accepted)
  }
}

function drain<M> (probe: TestProbe<M>): M[] {
  const taken: M[] = []
  while (probe.messages.length > 0) taken.push(probe.expectMessage())
  return taken
}

function applied (s: Setup, seqs: readonly number[], session = 'client-a'): void {
  for (const seq of seqs) s.mempool.tell({ type: 'applied', client: session, seq, index: seq, result: { type: 'put' } })
}

describe('mempool: batching behind an in-flight window', () => {
  it('a lone request is proposed at once; under load the waiting requests share one batch', async () => {
    const s = setup(2)
    submit(s, 1, 1)
    await s.kit.settle()
    assert.deepEqual(takeProposals(s), [1], 'light load: proposed at once, alone')

    submit(s, 1, 2)
    await s.kit.settle()
    assert.deepEqual(takeProposals(s), [1], 'the second batch fits the window')

    // The window (2) is full: the next 30 requests wait, whatever their number.
    submit(s, 30, 3)
    await s.kit.settle()
    assert.deepEqual(takeProposals(s), [], 'no proposal while two batches are unanswered')

    // The first batch is answered: its place goes to one batch of everything that waited.
    applied(s, [1])
    await s.kit.settle()
    assert.deepEqual(takeProposals(s), [30])
    assert.equal(s.clients.messages.length, 1)
    await s.kit.stop()
  })

  it('a batch holds its place until every request in it is answered', async () => {
    const s = setup(1)
    submit(s, 1, 1)
    await s.kit.settle()
    assert.deepEqual(takeProposals(s), [1])
    submit(s, 3, 2)
    await s.kit.settle()
    assert.deepEqual(takeProposals(s), [], 'the window of one is full')
    applied(s, [1])
    await s.kit.settle()
    assert.deepEqual(takeProposals(s), [3])
    submit(s, 1, 5)
    applied(s, [2, 3])
    await s.kit.settle()
    assert.deepEqual(takeProposals(s), [], 'one request of the batch is still unanswered')
    applied(s, [4])
    await s.kit.settle()
    assert.deepEqual(takeProposals(s), [1])
    await s.kit.stop()
  })

  it('a follower that knows the leader forwards its batches straight to it, behind the same window', async () => {
    const s = setup(2)
    s.mempool.tell({ type: 'leader', leader: LEADER })
    submit(s, 2, 1)
    submit(s, 5, 3)
    await s.kit.settle()
    s.protocol.expectNoMessage()
    const forwards = (): Array<{ requestId: number, size: number }> => drain(s.router).flatMap((msg) =>
      msg.type === 'send' && msg.to === LEADER && msg.message.type === 'forward' ? [{ requestId: msg.message.requestId, size: msg.message.payloads.length }] : [])
    const first = forwards()
    assert.deepEqual(first.map((f) => f.size), [1, 1], 'two batches on their way; the other five wait')
    s.mempool.tell({ type: 'inbound', from: LEADER, message: { type: 'forwardResult', requestId: first[0]!.requestId, results: [{ ok: true, index: 1, result: encodeResult({ type: 'put' }) }] } })
    await s.kit.settle()
    assert.deepEqual(forwards().map((f) => f.size), [5], 'the answered batch frees its place for all five')
    assert.equal(s.clients.messages.length, 1)
    await s.kit.stop()
  })
})
