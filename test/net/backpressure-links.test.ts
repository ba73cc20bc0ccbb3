// Backpressure end to end: a receiver that stalls on a fixed schedule must slow the
// sender down (its send() reports QUEUE_FULL) instead of making anyone buffer
// without bound, and every frame must still arrive, once, in order.

import assert from 'node:assert/strict'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { PeerLinks } from '../../src/net/links/peer-links.js'
import { connect, createTestNode, until } from './links-nodes.js'
import type { WireMessage } from '../../src/net/wire/messages.js'
import type { Libp2p } from '@libp2p/interface'

const PROTOCOL = '/blackhole/backpressure/1.0.0'
const FRAMES = 100_000
const PAYLOAD_BYTES = 1024 // 100,000 frames carry ~100 MiB: far more than any buffer on the way
const MAX_QUEUED_BYTES = 256 * 1024
const STREAM_WINDOW_BYTES = 2 * 1024 * 1024
/**
 * Growth of live memory (heap plus array buffers, measured after full GCs)
 * allowed at any sample. Samples are taken every 10,000 frames and at the moment
 * each long stall has backed up to the sender, when every buffer on the way is as
 * full as backpressure lets it get: the sender's queue, one window of ciphertext
 * in the sender's socket buffer, one window paused in the receiver's stream and
 * what the reader holds; both ends live in this one process. Buffering without
 * bound would need the whole ~100 MiB.
 */
const MEMORY_GROWTH_LIMIT = 16 * 1024 * 1024
/**
 * Long stalls: the handler holds frame `seq` until the stall has reached the
 * sender: it was refused (QUEUE_FULL) since the stall began, or it is waiting
 * with its stream blocked. Each leaves over 20 MiB to send, more than any stream
 * window plus our queue, so the sender cannot finish around one.
 */
const LONG_STALLS = new Set([5_000, 40_000, 75_000])
/** Short stalls: every SHORT_STALL_EVERY-th frame waits one macrotask (pause/resume churn). */
const SHORT_STALL_EVERY = 997

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

// Array buffers are released by V8 in the background after a collection; two
// collections a turn apart let the count settle before it is read.
async function liveMemory (): Promise<number> {
  gc()
  await new Promise<void>((resolve) => { setImmediate(resolve) })
  gc()
  const usage = process.memoryUsage()
  return usage.heapUsed + usage.arrayBuffers
}

describe('net/links backpressure', function () {
  this.timeout(180_000)
  const nodes: Libp2p[] = []
  const links: PeerLinks[] = []

  afterEach(async () => {
    for (const l of links) await l.stop()
    for (const n of nodes) await n.stop()
    links.length = 0
    nodes.length = 0
  })

  it('100,000 frames arrive complete and in order through a stalling receiver; queues and memory stay bounded', async () => {
    // A 2 MiB stream window (yamux's default is 16 MiB) keeps what a paused stream
    // may still take in small beside the 100 MiB sent; see MEMORY_GROWTH_LIMIT.
    const senderNode = await createTestNode({ maxStreamWindowBytes: STREAM_WINDOW_BYTES })
    const receiverNode = await createTestNode({ maxStreamWindowBytes: STREAM_WINDOW_BYTES })
    nodes.push(senderNode, receiverNode)

    let expected = 0
    const outOfOrder: Array<{ expected: number, got: number }> = []
    let refusals = 0
    let senderWaiting = false
    let senderDone = false
    let stallsFeltBySender = 0
    let peakMemory = 0
    const peer = receiverNode.peerId

    const receiver = new PeerLinks({ libp2p: receiverNode }, {
      protocol: PROTOCOL,
      maxFrameBytes: 4096,
      handler: (_peer, msg: WireMessage) => {
        if (msg.type !== 'bench') return
        if (msg.seq !== expected) outOfOrder.push({ expected, got: msg.seq })
        expected = msg.seq + 1
        if (LONG_STALLS.has(msg.seq)) {
          const refusalsAtStall = refusals
          const felt = (): boolean => refusals > refusalsAtStall || (senderWaiting && sender.status(peer)?.blocked === true)
          return (async () => {
            await until(() => felt() || senderDone)
            if (felt()) stallsFeltBySender++
            peakMemory = Math.max(peakMemory, await liveMemory())
          })()
        }
        // Sampling takes a few turns; the receiver simply stalls for them.
        if (msg.seq % 10_000 === 0) return liveMemory().then((live) => { peakMemory = Math.max(peakMemory, live) })
        if (msg.seq % SHORT_STALL_EVERY === 0) {
          return new Promise<void>((resolve) => { setImmediate(resolve) })
        }
        return undefined
      }
    })
    const sender = new PeerLinks({ libp2p: senderNode }, { protocol: PROTOCOL, maxFrameBytes: 4096, maxQueuedBytes: MAX_QUEUED_BYTES, handler: () => {} })
    links.push(sender, receiver)
    await receiver.start()
    await sender.start()
    await connect(senderNode, receiverNode)

    const baseline = await liveMemory()
    peakMemory = baseline
    const payload = new Uint8Array(PAYLOAD_BYTES).fill(0x5a)
    let maxQueued = 0
    for (let seq = 0; seq < FRAMES; seq++) {
      const msg: WireMessage = { type: 'bench', seq, payload }
      let result = sender.send(peer, msg)
      while (!result.ok) {
        assert.equal(result.error.code, 'QUEUE_FULL', JSON.stringify(result.error))
        refusals++
        senderWaiting = true
        await sender.whenWritable(peer)
        senderWaiting = false
        result = sender.send(peer, msg)
      }
      maxQueued = Math.max(maxQueued, sender.queuedBytes(peer))
    }
    senderDone = true
    await until(() => expected === FRAMES || outOfOrder.length > 0)

    assert.deepEqual(outOfOrder, [], 'frames arrive once each, in order')
    assert.equal(expected, FRAMES)
    assert.equal(receiver.stats().delivered, FRAMES)
    assert.ok(maxQueued <= MAX_QUEUED_BYTES, `sender queue peaked at ${maxQueued} bytes, bound ${MAX_QUEUED_BYTES}`)
    assert.equal(stallsFeltBySender, LONG_STALLS.size, 'every long stall pushed back on the sender')
    assert.ok(refusals > 0)
    const growth = peakMemory - baseline
    assert.ok(growth < MEMORY_GROWTH_LIMIT, `memory grew by ${(growth / 1048576).toFixed(1)} MiB, limit ${MEMORY_GROWTH_LIMIT / 1048576} MiB`)
    const sent = sender.stats()
    assert.equal(sent.framesOut, FRAMES)
    assert.deepEqual(sent.dropped, { unreachable: 0, 'stream-closed': 0, shutdown: 0 })
  })
})
