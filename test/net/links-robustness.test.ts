// Router-level robustness: what a misbehaving peer can and cannot do to a node
// through its PeerLinks. The attacker is a bare libp2p node writing raw bytes on
// the protocol's stream; the victim runs PeerLinks as the router will.

import assert from 'node:assert/strict'
import { Registry } from 'prom-client'
import { encode } from '../../src/net/wire/codec.js'
import { encodeFrame, encodeVarint, frameBytes } from '../../src/net/wire/framing.js'
import { PeerLinks } from '../../src/net/links/peer-links.js'
import { PeerScores } from '../../src/net/links/peer-scores.js'
import { TokenBucket } from '../../src/net/links/token-bucket.js'
import { connect, createTestNode, until } from './links-nodes.js'
import type { PeerLinksInit, VerdictEvent } from '../../src/net/links/peer-links.js'
import type { WireMessage } from '../../src/net/wire/messages.js'
import type { Libp2p, PeerId, Stream } from '@libp2p/interface'

const PROTOCOL = '/blackhole/test/1.0.0'

/** A hand-made Envelope with the wrong wire type for field 4 (bench): MALFORMED. */
const MALFORMED_FRAME = frameBytes(Uint8Array.from([0x20, 0x01]))
/** Envelope field 99, which no version knows: UNKNOWN_TYPE. */
const UNKNOWN_FRAME = frameBytes(Uint8Array.from([0x9a, 0x06, 1, 0]))
const bench = (seq: number): WireMessage => ({ type: 'bench', seq, payload: Uint8Array.of(seq & 0xff) })

interface Victim {
  node: Libp2p
  links: PeerLinks
  delivered: Array<{ from: string, msg: WireMessage }>
  verdicts: VerdictEvent[]
}

describe('net/links robustness', function () {
  this.timeout(30_000)
  const running: Array<{ stop: () => unknown }> = []

  async function victim (init: Partial<PeerLinksInit> = {}, node?: Libp2p): Promise<Victim> {
    const host = node ?? await createTestNode()
    const delivered: Victim['delivered'] = []
    const verdicts: VerdictEvent[] = []
    const links = new PeerLinks({ libp2p: host }, {
      protocol: PROTOCOL,
      handler: (peer, msg) => { delivered.push({ from: peer.toString(), msg }) },
      onVerdict: (event) => { verdicts.push(event) },
      // Scores decay with time; a clock that stands still keeps the arithmetic exact.
      now: () => 0,
      ...init
    })
    await links.start()
    running.push(links, host)
    return { node: host, links, delivered, verdicts }
  }

  async function attacker (target: Libp2p): Promise<{ node: Libp2p, stream: Stream }> {
    const node = await createTestNode()
    running.push(node)
    await connect(node, target)
    const stream = await node.dialProtocol(target.peerId, PROTOCOL)
    return { node, stream }
  }

  async function honestPeer (target: Libp2p): Promise<{ node: Libp2p, links: PeerLinks }> {
    const node = await createTestNode()
    const links = new PeerLinks({ libp2p: node }, { protocol: PROTOCOL, handler: () => {} })
    await links.start()
    running.push(links, node)
    await connect(node, target)
    return { node, links }
  }

  const disconnected = (a: Libp2p, b: PeerId): boolean => a.getConnections(b).length === 0

  afterEach(async () => {
    // Links before their nodes: the list is in creation order, so stop in reverse.
    for (const item of running.reverse()) await item.stop()
    running.length = 0
  })

  it('malformed frames are rejected and penalised, never delivered; valid frames between them still are', async () => {
    const v = await victim()
    const { node: a, stream } = await attacker(v.node)
    stream.send(encodeFrame(bench(1)))
    stream.send(MALFORMED_FRAME)
    stream.send(encodeFrame(bench(2)))
    stream.send(MALFORMED_FRAME)
    await until(() => v.verdicts.length === 2 && v.delivered.length === 2)

    assert.deepEqual(v.delivered.map(({ msg }) => msg.type === 'bench' ? msg.seq : -1), [1, 2])
    for (const event of v.verdicts) {
      assert.equal(event.verdict.action, 'reject')
      assert.equal(event.verdict.offence, 'MALFORMED')
      assert.equal(event.banned, false)
    }
    assert.equal(v.links.scores.score(a.peerId), 40)
    assert.equal(v.links.stats().decodeErrors.MALFORMED, 2)
    assert.equal(stream.status, 'open', 'a bad body does not break framing, so the stream stays')
  })

  it('past the threshold the peer is disconnected and refused for the cool-down', async () => {
    const v = await victim()
    const { node: a, stream } = await attacker(v.node)
    for (let i = 0; i < 5; i++) stream.send(MALFORMED_FRAME) // 5 x 20 = the threshold
    await until(() => v.verdicts.some((event) => event.banned))
    await until(() => disconnected(a, v.node.peerId) && disconnected(v.node, a.peerId))

    assert.equal(v.delivered.length, 0)
    assert.equal(v.links.scores.isDenied(a.peerId), true)
    assert.equal(v.links.stats().bans, 1)

    // Coming back within the cool-down: the connection is cut as soon as it opens,
    // and a stream, should one get through, is refused before any frame is read.
    await a.dial(v.node.peerId).then(async () => {
      const again = await a.dialProtocol(v.node.peerId, PROTOCOL)
      again.send(encodeFrame(bench(9)))
    }).catch(() => { /* refused outright is just as good */ })
    await until(() => disconnected(a, v.node.peerId) && disconnected(v.node, a.peerId))
    assert.equal(v.delivered.length, 0)
  })

  it('an oversized frame resets the stream at once without buffering its body', async () => {
    const v = await victim({ maxFrameBytes: 64 * 1024 })
    const { node: a, stream } = await attacker(v.node)
    // Only the prefix is needed for the verdict: 10 MiB announced, none of it sent.
    stream.send(encodeVarint(10 * 1024 * 1024))
    await until(() => v.verdicts.length === 1)
    const [event] = v.verdicts
    assert.equal(event?.verdict.offence, 'FRAMING_TOO_LARGE')
    assert.equal(event?.verdict.resetStream, true)
    await until(() => stream.status !== 'open')
    assert.equal(v.links.scores.score(a.peerId), 50)

    // A second one on a fresh stream crosses the threshold.
    const second = await a.dialProtocol(v.node.peerId, PROTOCOL)
    second.send(encodeVarint(10 * 1024 * 1024))
    await until(() => v.verdicts.some((e) => e.banned))
    await until(() => disconnected(v.node, a.peerId))
    assert.equal(v.delivered.length, 0)
  })

  it('unknown frame types are counted against the peer lightly and never reach the handler', async () => {
    const v = await victim()
    const { node: a, stream } = await attacker(v.node)
    for (let i = 0; i < 3; i++) stream.send(UNKNOWN_FRAME)
    stream.send(encodeFrame(bench(7)))
    await until(() => v.delivered.length === 1)
    assert.deepEqual(v.verdicts.map((e) => e.verdict.offence), ['UNKNOWN_TYPE', 'UNKNOWN_TYPE', 'UNKNOWN_TYPE'])
    assert.equal(v.links.scores.score(a.peerId), 15)
    assert.equal(v.links.stats().decodeErrors.UNKNOWN_TYPE, 3)
  })

  it('message types this protocol does not carry are refused like unknown ones', async () => {
    const v = await victim({ accepts: [] })
    const { stream } = await attacker(v.node)
    stream.send(encodeFrame(bench(1)))
    await until(() => v.verdicts.length === 1)
    assert.equal(v.verdicts[0]?.verdict.offence, 'UNKNOWN_TYPE')
    assert.equal(v.delivered.length, 0)
  })

  it('a length prefix that is not a varint resets the stream', async () => {
    const v = await victim()
    const { stream } = await attacker(v.node)
    stream.send(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))
    await until(() => v.verdicts.length === 1)
    assert.equal(v.verdicts[0]?.verdict.offence, 'FRAMING_MALFORMED')
    await until(() => stream.status !== 'open')
  })

  it('frames past the per-peer rate limit are dropped and penalised; the rest are delivered', async () => {
    // The clock stands still, so the bucket never refills during the test.
    const v = await victim({ rateLimit: { framesPerSecond: 10, bytesPerSecond: 1_000_000 }, now: () => 1_000 })
    const { node: a, stream } = await attacker(v.node)
    const frames = Array.from({ length: 30 }, (_, i) => encodeFrame(bench(i)))
    stream.send(new Uint8Array(Buffer.concat(frames)))
    await until(() => v.delivered.length + v.verdicts.length === 30)
    assert.deepEqual(v.delivered.map(({ msg }) => msg.type === 'bench' ? msg.seq : -1), Array.from({ length: 10 }, (_, i) => i))
    assert.ok(v.verdicts.every((e) => e.verdict.offence === 'RATE_LIMITED'))
    assert.equal(v.links.scores.score(a.peerId), 40)
  })

  it('the node keeps serving honest peers while an attacker is banned', async () => {
    const v = await victim()
    const { node: a, stream } = await attacker(v.node)
    const honest = await honestPeer(v.node)
    for (let i = 0; i < 5; i++) stream.send(MALFORMED_FRAME)
    for (let i = 0; i < 100; i++) assert.deepEqual(honest.links.send(v.node.peerId, bench(i)), { ok: true })
    await until(() => v.delivered.length === 100 && disconnected(v.node, a.peerId))
    assert.ok(v.delivered.every(({ from }) => from === honest.node.peerId.toString()))
    assert.equal(v.links.scores.score(honest.node.peerId), 0)
  })

  it('with the scores as connection gater, a banned peer cannot even connect until the cool-down ends', async () => {
    let now = 0
    const scores = new PeerScores({ now: () => now, cooldownMs: 60_000 })
    const node = await createTestNode({ connectionGater: scores.connectionGater() })
    const v = await victim({ scores, now: () => now }, node)
    const { node: a, stream } = await attacker(v.node)
    for (let i = 0; i < 5; i++) stream.send(MALFORMED_FRAME)
    await until(() => disconnected(a, v.node.peerId) && disconnected(v.node, a.peerId))

    await assert.rejects(async () => {
      await a.dial(v.node.peerId)
      // The refusal may land just after the dial resolved; a stream then fails.
      await a.dialProtocol(v.node.peerId, PROTOCOL)
    })

    now += 60_001
    assert.equal(scores.isDenied(a.peerId), false)
    const again = await a.dialProtocol(v.node.peerId, PROTOCOL)
    again.send(encodeFrame(bench(3)))
    await until(() => v.delivered.length === 1)
  })

  it('with a handshake, a peer of another chain is refused on its first frame', async () => {
    const hello = { chainId: 'blackhole-test', genesisHash: new Uint8Array(32).fill(1), protocol: 'raft', nodeVersion: '0.1.0', listenAddrs: [] }
    const v = await victim({ handshake: { hello } })
    const { node: stranger, stream } = await attacker(v.node)
    stream.send(encodeFrame({ type: 'hello', ...hello, chainId: 'another-chain' }))
    stream.send(encodeFrame(bench(1)))
    await until(() => v.verdicts.some((e) => e.banned))
    assert.equal(v.verdicts[0]?.verdict.offence, 'HANDSHAKE')
    await until(() => disconnected(v.node, stranger.peerId))

    // A peer of the same chain says hello first (PeerLinks does it for us) and is served.
    const friendNode = await createTestNode()
    const friend = new PeerLinks({ libp2p: friendNode }, { protocol: PROTOCOL, handler: () => {}, handshake: { hello } })
    await friend.start()
    running.push(friend, friendNode)
    await connect(friendNode, v.node)
    friend.send(v.node.peerId, bench(5))
    await until(() => v.delivered.length === 2)
    assert.deepEqual(v.delivered.map(({ msg }) => msg.type), ['hello', 'bench'])
    assert.equal(v.links.status(friendNode.peerId)?.hello?.chainId, 'blackhole-test')
  })

  it('a frame without a hello first is a handshake failure', async () => {
    const hello = { chainId: 'c', genesisHash: new Uint8Array(32), protocol: 'raft', nodeVersion: '0.1.0', listenAddrs: [] }
    const v = await victim({ handshake: { hello } })
    const { stream } = await attacker(v.node)
    stream.send(encodeFrame(bench(1)))
    await until(() => v.verdicts.length === 1)
    assert.equal(v.verdicts[0]?.verdict.offence, 'HANDSHAKE')
    assert.equal(v.delivered.length, 0)
  })

  it('a handler that throws costs the frame, not the stream or the node', async () => {
    let calls = 0
    const v = await victim({ handler: () => { calls++; if (calls === 1) throw new Error('bug in the router') } })
    const honest = await honestPeer(v.node)
    honest.links.send(v.node.peerId, bench(1))
    honest.links.send(v.node.peerId, bench(2))
    await until(() => calls === 2)
    assert.equal(v.links.stats().handlerErrors, 1)
    assert.equal(v.verdicts.length, 0)
  })

  it('a dead outbound stream is reopened on the next send', async () => {
    const v = await victim()
    const honest = await honestPeer(v.node)
    honest.links.send(v.node.peerId, bench(1))
    await until(() => v.delivered.length === 1)
    const outbound = honest.node.getConnections(v.node.peerId)
      .flatMap((connection) => connection.streams)
      .find((s) => s.protocol === PROTOCOL && s.direction === 'outbound')
    assert.ok(outbound !== undefined)
    outbound.abort(new Error('test kills the stream'))
    await until(() => honest.links.status(v.node.peerId)?.state !== 'open')
    honest.links.send(v.node.peerId, bench(2))
    await until(() => v.delivered.length === 2)
    assert.equal(honest.links.stats().streamsOpened.outbound, 2)
  })

  it('send() answers with typed errors: too large, banned, not started, self', async () => {
    const v = await victim({ maxFrameBytes: 1024, maxQueuedBytes: 4096 })
    const honest = await honestPeer(v.node)
    const big = v.links.send(honest.node.peerId, { type: 'bench', seq: 1, payload: new Uint8Array(2000) })
    assert.equal(big.ok ? undefined : big.error.code, 'TOO_LARGE')
    const self = v.links.send(v.node.peerId, bench(1))
    assert.equal(self.ok ? undefined : self.error.code, 'SELF')
    v.links.scores.ban(honest.node.peerId)
    const banned = v.links.send(honest.node.peerId, bench(1))
    assert.equal(banned.ok ? undefined : banned.error.code, 'PEER_BANNED')
    await v.links.stop()
    const stopped = v.links.send(honest.node.peerId, bench(1))
    assert.equal(stopped.ok ? undefined : stopped.error.code, 'NOT_STARTED')
  })

  it('an unreachable peer gives UNREACHABLE until its back-off passes', async () => {
    let now = 0
    const v = await victim({ now: () => now, backoffMs: { initial: 1_000, max: 8_000 } })
    const ghost = await createTestNode()
    const ghostId = ghost.peerId
    await ghost.stop() // never listened to by v: no address known, no connection
    assert.equal(v.links.send(ghostId, bench(1)).ok, true)
    await until(() => v.links.status(ghostId)?.state === 'backoff')
    const refused = v.links.send(ghostId, bench(2))
    assert.equal(refused.ok ? undefined : refused.error.code, 'UNREACHABLE')
    assert.equal(v.links.stats().dropped.unreachable, 1)
    now += 1_000
    assert.equal(v.links.send(ghostId, bench(3)).ok, true, 'after the back-off a send tries again')
  })

  it('ping measures a round trip through the links', async () => {
    const v = await victim()
    const honest = await honestPeer(v.node)
    const result = await honest.links.ping(v.node.peerId)
    assert.ok(result.ok && result.rttMs >= 0, JSON.stringify(result))
    assert.equal(v.delivered.length, 0, 'pings and pongs are the links\' own business')
  })

  it('counters reach prom-client', async () => {
    const registry = new Registry()
    const v = await victim()
    const metered = await createTestNode()
    const meteredLinks = new PeerLinks({ libp2p: metered, registry }, { protocol: PROTOCOL, handler: () => {} })
    await meteredLinks.start()
    running.push(meteredLinks, metered)
    await connect(metered, v.node)
    for (let i = 0; i < 10; i++) meteredLinks.send(v.node.peerId, bench(i))
    await until(() => v.delivered.length === 10)
    const text = await registry.metrics()
    assert.match(text, /blackhole_wire_frames_total\{protocol="\/blackhole\/test\/1.0.0",direction="out"\} 10/)
    assert.match(text, /blackhole_wire_queued_bytes\{protocol="\/blackhole\/test\/1.0.0"\} \d+/)
    assert.match(text, /blackhole_wire_streams\{protocol="\/blackhole\/test\/1.0.0",direction="outbound"\} 1/)
  })
})

describe('net/links peer scores', () => {
  it('a score halves every half-life, so occasional slips never add up to a ban', () => {
    let now = 0
    const scores = new PeerScores({ now: () => now, halfLifeMs: 1_000, threshold: 100 })
    assert.deepEqual(scores.penalise('peer', 60), { score: 60, banned: false })
    now += 1_000
    assert.equal(scores.score('peer'), 30)
    assert.deepEqual(scores.penalise('peer', 60), { score: 90, banned: false })
    now += 2_000
    assert.equal(scores.score('peer'), 22.5)
  })

  it('reaching the threshold bans for the cool-down, then the peer starts afresh', () => {
    let now = 0
    const scores = new PeerScores({ now: () => now, threshold: 100, cooldownMs: 5_000 })
    const banned: string[] = []
    scores.onBan((peer) => { banned.push(peer) })
    assert.deepEqual(scores.penalise('peer', 100), { score: 0, banned: true })
    assert.deepEqual(banned, ['peer'])
    assert.equal(scores.bannedUntil('peer'), 5_000)
    const gater = scores.connectionGater()
    now = 4_999
    assert.equal(gater.denyDialPeer?.({ toString: () => 'peer' } as unknown as PeerId), true)
    now = 5_000
    assert.equal(scores.isDenied('peer'), false)
    assert.equal(scores.score('peer'), 0)
  })
})

describe('net/links token bucket', () => {
  it('allows a burst, then the rate', () => {
    const bucket = new TokenBucket(10, 5, 0)
    const taken = Array.from({ length: 8 }, () => bucket.take(1, 0))
    assert.deepEqual(taken, [true, true, true, true, true, false, false, false])
    assert.equal(bucket.take(1, 99), false)
    assert.equal(bucket.take(1, 100), true) // 100 ms at 10/s refills one
    assert.equal(bucket.take(5, 10_000), true) // never more than the burst
    assert.equal(bucket.take(1, 10_000), false)
  })

  it('encode is stable for the frames the attacker tests use', () => {
    // Guards the hand-made frames above against a schema change.
    assert.deepEqual([...encode(bench(1))].slice(0, 1), [0x22])
  })
})
