// The synchronizer's choice on an offer (PBFT state transfer, Castro-Liskov §4.3 / TOCS §6.2).
// A core that certifies snapshots names the one it wants and its digest; an app that already
// passed that index (it restored its own copy after a crash) must not make the offer vanish:
// the core moves on only once it hears of bytes that hash to the certified digest.

import assert from 'node:assert/strict'
import { Registry } from 'prom-client'
import { TestKit, type TestProbe } from '../../actors/testkit.js'
import { createLogger } from '../../src/log.js'
import type { AppMsg } from '../../src/node/app.js'
import type { HostMsg } from '../../src/node/protocol.js'
import type { RouterMsg } from '../../src/node/router.js'
import type { CommonStoreMsg } from '../../src/node/store.js'
import { type SynchronizerMsg, synchronizerBehaviour } from '../../src/node/synchronizer.js'
import type { CoreStatus } from '../../src/protocols/core.js'

const OFFER = { type: 'snapshotOffer', index: 10, fileTerm: 0, fileMeta: new Uint8Array(), size: 100, coreMeta: Uint8Array.of(1) } as const
const DIGEST = new Uint8Array(32).fill(7)

interface Offered { readonly kit: TestKit, readonly store: TestProbe<CommonStoreMsg>, readonly protocol: TestProbe<HostMsg> }

async function offerWith (snapshotWanted: CoreStatus['snapshotWanted'], appliedIndex: number): Promise<Offered> {
  const kit = new TestKit()
  const store = kit.probe<CommonStoreMsg>('store')
  const protocol = kit.probe<HostMsg>('protocol')
  const app = kit.probe<AppMsg>('app')
  const router = kit.probe<RouterMsg>('router')
  const synchronizer = kit.spawn<SynchronizerMsg>({
    name: 'synchronizer',
    behaviour: synchronizerBehaviour({ store, router, app, protocol, registry: new Registry(), logger: createLogger({ level: 'silent' }) }),
    mailbox: { capacity: 100, overflow: 'reject' },
    restart: { maxRestarts: 0, windowMs: 1000 }
  })
  synchronizer.tell({ type: 'inbound', from: 'peer-a', message: OFFER })
  await kit.settle()
  const status = protocol.expectMessage()
  assert.equal(status.type, 'status')
  if (status.type !== 'status') return { kit, store, protocol }
  const reported: CoreStatus = { role: 'follower', epoch: 1, leader: 'peer-a', commitIndex: 9, ...(snapshotWanted !== undefined ? { snapshotWanted } : {}) } as CoreStatus
  status.replyTo.tell(reported)
  await kit.settle()
  const asked = app.messages[0]
  if (asked?.type === 'appliedIndex') {
    app.expectMessage()
    asked.replyTo.tell(appliedIndex)
    await kit.settle()
  }
  return { kit, store, protocol }
}

describe('synchronizer: taking an offered snapshot', () => {
  it('PBFT: the wanted checkpoint is pulled and checked against its digest even when the app has passed it', async () => {
    const { kit, store, protocol } = await offerWith({ index: 10, digest: DIGEST }, 12)
    const begin = store.expectMessage()
    assert.equal(begin.type, 'beginSnapshotReceive')
    if (begin.type === 'beginSnapshotReceive') {
      assert.deepEqual(begin.dataSha256, DIGEST, 'the store checks the bytes against the certified digest')
      begin.replyTo.tell({ ok: false, reason: 'the test stops here' })
    }
    await kit.settle()
    protocol.expectNoMessage()
    await kit.stop()
  })

  it('PBFT: an offer of another index than the certified one is ignored', async () => {
    const { kit, store, protocol } = await offerWith({ index: 20, digest: DIGEST }, 5)
    store.expectNoMessage()
    protocol.expectNoMessage()
    await kit.stop()
  })

  it('Raft: a snapshot the app has passed is acknowledged to the core without moving a byte', async () => {
    const { kit, store, protocol } = await offerWith(undefined, 12)
    store.expectNoMessage()
    const told = protocol.expectMessage()
    assert.equal(told.type, 'snapshotInstalled')
    if (told.type === 'snapshotInstalled') assert.equal(told.digest, undefined)
    await kit.stop()
  })
})
