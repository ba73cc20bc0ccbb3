import assert from 'node:assert/strict'
import type { ActorRef } from '../../actors/index.js'
import { PersistBatch } from '../../src/node/protocol.js'
import type { StoreMsg } from '../../src/node/store.js'

type Sent = { readonly id: number, readonly records: readonly string[] }

function recordingStore (): { store: ActorRef<StoreMsg<string>>, sent: Sent[] } {
  const sent: Sent[] = []
  const record = async (msg: StoreMsg<string>): Promise<{ ok: true }> => {
    if (msg.type === 'persist') sent.push({ id: msg.id, records: msg.records })
    return { ok: true }
  }
  const store = { path: 'test/store', tell: record, send: record } as unknown as ActorRef<StoreMsg<string>>
  return { store, sent }
}

describe('node/protocol: PersistBatch holds deferrable records for the next write', () => {
  const replyTo = { path: 'test/protocol' } as unknown as ActorRef<{ readonly type: 'persisted', readonly id: number }>

  it('a deferrable record waits across flushes and goes first with the next record that is not', async () => {
    const { store, sent } = recordingStore()
    const batch = new PersistBatch<string>(store, replyTo)
    batch.add(1, 'prePrepare 1')
    await batch.flush()
    batch.add(2, 'prepared 1', true)
    batch.add(3, 'committed 1', true)
    await batch.flush()
    await batch.flush()
    assert.deepEqual(sent, [{ id: 1, records: ['prePrepare 1'] }], 'held records are not written by a flush')
    batch.add(4, 'prePrepare 2')
    await batch.flush()
    assert.deepEqual(sent.at(-1), { id: 4, records: ['prepared 1', 'committed 1', 'prePrepare 2'] }, 'in id order, acknowledged together')
  })

  it('flushDeferred writes held records (the tick), and nothing when none are held', async () => {
    const { store, sent } = recordingStore()
    const batch = new PersistBatch<string>(store, replyTo)
    await batch.flushDeferred()
    assert.equal(sent.length, 0)
    batch.add(7, 'committed 3', true)
    await batch.flushDeferred()
    assert.deepEqual(sent, [{ id: 7, records: ['committed 3'] }])
    await batch.flushDeferred()
    assert.equal(sent.length, 1)
  })
})
