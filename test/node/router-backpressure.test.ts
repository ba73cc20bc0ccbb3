import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Registry } from 'prom-client'
import { type ActorRef, ActorSystem, type Behaviour } from '../../actors/index.js'
import { buildGenesis } from '../../src/config/build-genesis.js'
import { type Genesis, genesisHash } from '../../src/config/genesis.js'
import { createLogger } from '../../src/log.js'
import { loadOrCreateIdentity, writeIdentity } from '../../src/net/identity.js'
import { type InboundFrame, type RouterMsg, type RouterStatus, routerBehaviour } from '../../src/node/router.js'
import { RaftStore } from '../../src/storage/raft-store.js'
import { storeBehaviour } from '../../src/node/store.js'
import { waitFor } from '../e2e/helpers.js'

const FRAMES = 100_000
const PAYLOAD = new Uint8Array(200).fill(7)
/** PeerLinks' default per-peer bound on queued outbound bytes. */
const MAX_QUEUED_BYTES = 4 * 1024 * 1024

interface Received { count: number, outOfOrder: number, nextSeq: number, done: PromiseWithResolvers<void> }

/** A deliberately slow consumer: it stops for a few milliseconds every 500 frames. */
function slowConsumer (received: Received): Behaviour<InboundFrame> {
  return {
    create () {
      return {
        async receive (frame) {
          if (frame.message.type !== 'bench') return
          if (frame.message.seq !== received.nextSeq) received.outOfOrder++
          received.nextSeq = frame.message.seq + 1
          received.count++
          if (received.count === FRAMES) received.done.resolve()
          if (received.count % 500 === 0) await new Promise((resolve) => setTimeout(resolve, 5))
        }
      }
    }
  }
}

async function startRouter (system: ActorSystem, dataDir: string, genesis: Genesis, inbound: ActorRef<InboundFrame>, bootstrap: string[]): Promise<ActorRef<RouterMsg>> {
  const identity = await loadOrCreateIdentity(dataDir)
  const restart = { maxRestarts: 0, windowMs: 1000 }
  const store = system.spawn({ name: 'store', behaviour: storeBehaviour(dataDir, async (dir, warn) => await RaftStore.open(dir, { warn })), mailbox: { capacity: 64, overflow: 'block' }, restart })
  return system.spawn({
    name: 'router',
    mailbox: { capacity: 1024, overflow: 'block' },
    restart,
    behaviour: routerBehaviour({
      privateKey: identity.privateKey,
      hello: { chainId: genesis.chainId, genesisHash: Buffer.from(genesisHash(genesis), 'hex'), protocol: genesis.protocol, nodeVersion: 'test' },
      inbound,
      listen: ['/ip4/127.0.0.1/tcp/0'],
      bootstrap,
      mdns: false,
      validators: new Set(genesis.validators.map((validator) => validator.peerId)),
      registry: new Registry(),
      store,
      logger: createLogger({ level: 'silent' })
    })
  })
}

async function routerStatus (router: ActorRef<RouterMsg>): Promise<RouterStatus> {
  const reply = await router.ask<RouterStatus>((replyTo) => ({ type: 'status', replyTo }), 5000)
  if (!reply.ok) throw new Error(`router status: ${reply.error.code}`)
  return reply.value
}

describe('router: backpressure between two nodes in one process', function () {
  this.timeout(120_000)
  let dir: string
  const systems: ActorSystem[] = []

  before(async () => { dir = await mkdtemp(path.join(tmpdir(), 'bh-router-')) })
  after(async () => {
    await Promise.all(systems.map(async (system) => { await system.stop() }))
    await rm(dir, { recursive: true, force: true })
  })

  it(`${FRAMES.toLocaleString('en')} frames arrive complete and in order while the receiver is slowed, with the sender's queue and the heap bounded`, async () => {
    const dirs = [path.join(dir, 'sender'), path.join(dir, 'receiver')]
    for (const dataDir of dirs) await writeIdentity(dataDir)
    const genesis = await buildGenesis({ protocol: 'raft', keyDirs: dirs, params: {}, chainId: 'router-test' })

    const receiverSystem = new ActorSystem()
    const senderSystem = new ActorSystem()
    systems.push(receiverSystem, senderSystem)
    const received: Received = { count: 0, outOfOrder: 0, nextSeq: 0, done: Promise.withResolvers() }
    const consumer = receiverSystem.spawn({ name: 'consumer', behaviour: slowConsumer(received), mailbox: { capacity: 256, overflow: 'block' }, restart: { maxRestarts: 0, windowMs: 1000 } })
    const receiverRouter = await startRouter(receiverSystem, dirs[1] ?? '', genesis, consumer, [])
    const receiverAddr = (await routerStatus(receiverRouter)).addrs[0] ?? ''
    const ignore = senderSystem.spawn<InboundFrame>({ name: 'ignore', behaviour: { create: () => ({ receive () {} }) }, mailbox: { capacity: 16, overflow: 'drop-oldest' }, restart: { maxRestarts: 0, windowMs: 1000 } })
    const senderRouter = await startRouter(senderSystem, dirs[0] ?? '', genesis, ignore, [receiverAddr])
    const receiverId = receiverAddr.split('/p2p/')[1] ?? ''
    await waitFor('the sender to connect', 10_000, async () => (await routerStatus(senderRouter)).peers.some((peer) => peer.peerId === receiverId) ? true : undefined)

    global.gc?.()
    const heapBefore = process.memoryUsage().heapUsed
    let heapPeak = heapBefore
    let queuedPeak = 0
    const sampler = setInterval(() => {
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)
      routerStatus(senderRouter).then((status) => {
        for (const peer of status.peers) queuedPeak = Math.max(queuedPeak, peer.queuedBytes)
      }, () => {})
    }, 10)

    const started = performance.now()
    for (let seq = 0; seq < FRAMES; seq++) {
      const sent = await senderRouter.send({ type: 'send', to: receiverId, message: { type: 'bench', seq, payload: PAYLOAD }, whenFull: 'wait' })
      assert.ok(sent.ok)
    }
    await received.done.promise
    const seconds = (performance.now() - started) / 1000
    clearInterval(sampler)

    process.stdout.write(`      (${FRAMES} frames in ${seconds.toFixed(2)} s through a slowed receiver; sender queue peak ${(queuedPeak / 1024).toFixed(0)} KiB; heap growth peak ${((heapPeak - heapBefore) / 1e6).toFixed(1)} MB)\n`)
    assert.equal(received.count, FRAMES)
    assert.equal(received.outOfOrder, 0)
    assert.ok(queuedPeak <= MAX_QUEUED_BYTES + 64 * 1024, `sender queue peaked at ${queuedPeak} bytes`)
    assert.ok(queuedPeak > 0, 'the sender did queue: the receiver was slower')
    // 100,000 frames of 200 bytes are 20 MB; unbounded buffering would hold most of them.
    assert.ok(heapPeak - heapBefore < 64e6, `heap grew by ${heapPeak - heapBefore} bytes`)
  })
})
