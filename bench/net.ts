// Network bench: two libp2p nodes (TCP + Noise + Yamux on 127.0.0.1) in this one
// process, talking through PeerLinks.
//
//   node dist/bench/net.js [--frames 2000000] [--frame-bytes 200]
//                          [--bulk-mib 1024] [--bulk-frame-kib 256] [--no-raw]
//
// (a) small frames: frames/s from the first send to the last delivery;
// (b) bulk: payload MB/s with large frames;
// and, unless --no-raw, the same two loads on a bare libp2p stream (no framing,
// no codec) as the baseline the links are measured against, since the machine's
// own speed and load move every figure here.

import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { tcp } from '@libp2p/tcp'
import { createLibp2p } from 'libp2p'
import { PeerLinks } from '../src/net/links/peer-links.js'
import type { WireMessage } from '../src/net/wire/messages.js'
import type { Libp2p, Stream } from '@libp2p/interface'

interface Options {
  frames: number
  frameBytes: number
  bulkBytes: number
  bulkFrameBytes: number
  raw: boolean
}

function parseOptions (argv: string[]): Options {
  const options: Options = { frames: 2_000_000, frameBytes: 200, bulkBytes: 1024 * 1048576, bulkFrameBytes: 256 * 1024, raw: true }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = Number(argv[i + 1])
    switch (flag) {
      case '--frames': options.frames = value; i++; break
      case '--frame-bytes': options.frameBytes = value; i++; break
      case '--bulk-mib': options.bulkBytes = value * 1048576; i++; break
      case '--bulk-frame-kib': options.bulkFrameBytes = value * 1024; i++; break
      case '--no-raw': options.raw = false; break
      case undefined:
      default: throw new Error(`unknown argument ${String(flag)}`)
    }
  }
  return options
}

async function createNode (): Promise<Libp2p> {
  return await createLibp2p({
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()]
  })
}

async function pair (): Promise<{ sender: Libp2p, receiver: Libp2p, stop: () => Promise<void> }> {
  const sender = await createNode()
  const receiver = await createNode()
  await sender.peerStore.merge(receiver.peerId, { multiaddrs: receiver.getMultiaddrs() })
  await sender.dial(receiver.peerId)
  return { sender, receiver, stop: async () => { await sender.stop(); await receiver.stop() } }
}

/** Resolves once `condition` holds, looking after every turn of the event loop. */
async function until (condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise<void>((resolve) => { setImmediate(resolve) })
}

interface Run {
  seconds: number
  count: number
  bytes: number
}

/** Sends `count` Bench frames of `payloadBytes` through PeerLinks and waits for the last delivery. */
async function runLinks (count: number, payloadBytes: number, sizes: { maxFrameBytes: number, maxQueuedBytes: number }): Promise<Run & { pingMs: number }> {
  const { sender, receiver, stop } = await pair()
  let delivered = 0
  let deliveredBytes = 0
  let outOfOrder = 0
  const protocol = '/blackhole/bench/1.0.0'
  const to = new PeerLinks({ libp2p: receiver }, {
    protocol,
    ...sizes,
    handler: (_peer, msg) => {
      if (msg.type !== 'bench') return
      if (msg.seq !== delivered) outOfOrder++
      delivered++
      deliveredBytes += msg.payload.byteLength
    }
  })
  const from = new PeerLinks({ libp2p: sender }, { protocol, ...sizes, handler: () => {} })
  await to.start()
  await from.start()
  const peer = receiver.peerId
  const payload = new Uint8Array(payloadBytes).fill(0x42)
  const started = performance.now()
  for (let seq = 0; seq < count; seq++) {
    const msg: WireMessage = { type: 'bench', seq, payload }
    let result = from.send(peer, msg)
    while (!result.ok) {
      if (result.error.code !== 'QUEUE_FULL') throw new Error(`send failed: ${JSON.stringify(result.error)}`)
      await from.whenWritable(peer)
      result = from.send(peer, msg)
    }
  }
  await until(() => delivered === count)
  const seconds = (performance.now() - started) / 1000
  if (outOfOrder !== 0) throw new Error(`${outOfOrder} frames out of order`)
  // Idle round trip through the same links, once the queues are empty.
  const rtts: number[] = []
  for (let i = 0; i < 50; i++) {
    const ping = await from.ping(peer)
    if (ping.ok) rtts.push(ping.rttMs)
  }
  rtts.sort((a, b) => a - b)
  await from.stop()
  await to.stop()
  await stop()
  return { seconds, count, bytes: deliveredBytes, pingMs: rtts[Math.floor(rtts.length / 2)] ?? Number.NaN }
}

/** The same load on a bare stream: `perSend` messages of `messageBytes` per send(), drain-waited. */
async function runRaw (count: number, messageBytes: number, perSend: number): Promise<Run> {
  const { sender, receiver, stop } = await pair()
  let received = 0
  await receiver.handle('/bench/raw/1.0.0', (stream: Stream) => {
    stream.addEventListener('message', (evt) => { received += evt.data.byteLength })
  })
  const stream = await sender.dialProtocol(receiver.peerId, '/bench/raw/1.0.0')
  const total = count * messageBytes
  const chunk = new Uint8Array(messageBytes * perSend).fill(0x42)
  const started = performance.now()
  for (let sent = 0; sent < total; sent += chunk.byteLength) {
    if (!stream.send(chunk)) {
      await new Promise<void>((resolve) => { stream.addEventListener('drain', () => { resolve() }, { once: true }) })
    }
  }
  await until(() => received >= total)
  const seconds = (performance.now() - started) / 1000
  await stop()
  return { seconds, count, bytes: total }
}

const perSecond = (run: Run): string => Math.round(run.count / run.seconds).toLocaleString('en-US')
const megabytesPerSecond = (run: Run): string => (run.bytes / run.seconds / 1e6).toFixed(1)

async function main (): Promise<void> {
  const options = parseOptions(process.argv.slice(2))
  const small = { maxFrameBytes: 64 * 1024, maxQueuedBytes: 4 * 1048576 }
  const bulkCount = Math.ceil(options.bulkBytes / options.bulkFrameBytes)
  const bulk = { maxFrameBytes: Math.max(1048576, options.bulkFrameBytes + 64), maxQueuedBytes: 4 * Math.max(1048576, options.bulkFrameBytes + 64) }

  console.log(`blackhole bench/net: node ${process.version}, two nodes in one process, tcp+noise+yamux on 127.0.0.1`)
  // Warm-up, so the JIT has compiled the hot paths before anything is timed.
  await runLinks(200_000, options.frameBytes, small)

  const frames = await runLinks(options.frames, options.frameBytes, small)
  console.log(`(a) links, ${options.frameBytes}-byte frames:    ${perSecond(frames)} frames/s  (${options.frames.toLocaleString('en-US')} frames in ${frames.seconds.toFixed(2)} s, ${megabytesPerSecond(frames)} MB/s of payload; idle ping ${frames.pingMs.toFixed(2)} ms)`)
  const bulkRun = await runLinks(bulkCount, options.bulkFrameBytes, bulk)
  console.log(`(b) links, ${options.bulkFrameBytes / 1024} KiB frames:      ${megabytesPerSecond(bulkRun)} MB/s  (${(bulkRun.bytes / 1048576).toFixed(0)} MiB in ${bulkRun.seconds.toFixed(2)} s)`)

  if (options.raw) {
    const rawSmall = await runRaw(options.frames, options.frameBytes, 64)
    console.log(`    raw libp2p, ${options.frameBytes}-byte messages, 64 per send: ${perSecond(rawSmall)} messages/s`)
    const rawBulk = await runRaw(bulkCount, options.bulkFrameBytes, 1)
    console.log(`    raw libp2p, ${options.bulkFrameBytes / 1024} KiB sends:          ${megabytesPerSecond(rawBulk)} MB/s`)
  }
}

main().then(() => { process.exit(0) }, (err: unknown) => {
  console.error(err)
  process.exit(1)
})
