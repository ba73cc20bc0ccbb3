import assert from 'node:assert/strict'
import fc from 'fast-check'
import { decode, encode, writeEnvelope } from '../../src/net/wire/codec.js'
import { SlabWriter } from '../../src/net/wire/slab-writer.js'
import * as pb from '../../src/net/wire/wire.pb.js'
import { appendArb, forwardArb, forwardResultArb, messageArb, raftArb, readIndexArb, readIndexResultArb } from './wire-arbitraries.js'
import { assertSameMessage, DECODE_ERROR_CODES, decodedOk, errorCode } from './wire-assert.js'
import type { EntryKind } from '../../src/protocols/core.js'
import type { Append, RaftEntry, RaftMessage } from '../../src/protocols/raft/messages.js'
import type { WireMessage } from '../../src/net/wire/messages.js'
import type { CheckpointCertificate, PbftMessage, PrePrepare, ViewChange } from '../../src/protocols/pbft/messages.js'

const raft = (message: RaftMessage): WireMessage => ({ type: 'raft', message })

const PB_KIND: Record<EntryKind, pb.EntryKind> = {
  app: pb.EntryKind.ENTRY_KIND_APP,
  noop: pb.EntryKind.ENTRY_KIND_NOOP,
  config: pb.EntryKind.ENTRY_KIND_CONFIG
}

/** The same message as the generated Envelope codec takes it: the reference for our hand-written bytes. */
function toPbEnvelope (msg: WireMessage): pb.Envelope {
  switch (msg.type) {
    case 'raft': {
      const m = msg.message
      switch (m.type) {
        case 'voteRequest': return { voteRequest: m }
        case 'voteResponse': return { voteResponse: m }
        case 'append': return { append: { ...m, entries: m.entries.map((e) => ({ term: e.term, kind: PB_KIND[e.kind], payload: e.payload as Uint8Array<ArrayBuffer> })) } }
        case 'appendResponse': return { appendResponse: m }
        case 'heartbeat': return { heartbeat: m }
        case 'heartbeatResponse': return { heartbeatResponse: m }
        case 'timeoutNow': return { timeoutNow: m }
      }
      break
    }
    case 'pbft': return pbftEnvelope(msg.message)
    case 'forward': return { forward: msg as pb.Forward }
    case 'forwardResult': return { forwardResult: msg as unknown as pb.ForwardResult }
    case 'readIndex': return { readIndex: msg }
    case 'readIndexResult': return { readIndexResult: msg }
    case 'hello': return { hello: msg as pb.Hello }
    case 'ping': return { ping: msg }
    case 'pong': return { pong: msg }
    case 'bench': return { bench: msg as pb.Bench }
    case 'snapshotOffer': return { snapshotOffer: msg as pb.SnapshotOffer }
    case 'snapshotChunkRequest': return { snapshotChunkRequest: msg }
    case 'snapshotChunk': return { snapshotChunk: msg as pb.SnapshotChunk }
    case 'joinRequest': return { joinRequest: msg }
    case 'adminRequest': return { adminRequest: msg }
    case 'adminResult': return { adminResult: msg }
  }
  throw new Error('unreachable')
}

/** The generated codec's view of a PBFT message: the same fields, requests as {noop, payload}. */
function pbftEnvelope (m: PbftMessage): pb.Envelope {
  const requests = (batch: PrePrepare['batch']): pb.PbftRequest[] => batch.map((r) => ({ noop: r.kind === 'noop', payload: r.payload as Uint8Array<ArrayBuffer> }))
  const prePrepare = (p: PrePrepare): pb.PbftPrePrepare => ({ ...p, batch: requests(p.batch) } as unknown as pb.PbftPrePrepare)
  const certificate = (c: CheckpointCertificate): pb.PbftCheckpointCertificate => c as unknown as pb.PbftCheckpointCertificate
  const viewChange = (v: ViewChange): pb.PbftViewChange => ({ ...v, checkpoint: certificate(v.checkpoint), prepared: v.prepared.map((c) => ({ prePrepare: prePrepare(c.prePrepare), prepares: c.prepares })), accepted: v.accepted.map(prePrepare) } as unknown as pb.PbftViewChange)
  switch (m.type) {
    case 'request': return { pbftRequest: { ...m, requests: requests(m.requests) } as unknown as pb.PbftRequestMessage }
    case 'prePrepare': return { pbftPrePrepare: prePrepare(m) }
    case 'prepare': return { pbftPrepare: m as unknown as pb.PbftVote }
    case 'commit': return { pbftCommit: m as unknown as pb.PbftVote }
    case 'checkpoint': return { pbftCheckpoint: m as unknown as pb.PbftCheckpoint }
    case 'viewChange': return { pbftViewChange: viewChange(m) }
    case 'newView': return { pbftNewView: { ...m, viewChanges: m.viewChanges.map(viewChange), prePrepares: m.prePrepares.map(prePrepare) } as unknown as pb.PbftNewView }
    case 'status': return { pbftStatus: m as unknown as pb.PbftStatus }
    case 'fetchState': return { pbftFetchState: m as unknown as pb.PbftFetchState }
    case 'committed': return { pbftCommitted: { ...m, prePrepare: prePrepare(m.prePrepare) } as unknown as pb.PbftCommitted }
    case 'stableCheckpoint': return { pbftStableCheckpoint: { ...m, certificate: certificate(m.certificate) } as unknown as pb.PbftStableCheckpoint }
  }
}

// --- Raw protobuf, for frames our encoder would never write ----------------------

function varint (value: number | bigint): number[] {
  let v = BigInt(value)
  const out: number[] = []
  while (v > 127n) {
    out.push(Number(v & 127n) | 128)
    v >>= 7n
  }
  out.push(Number(v))
  return out
}

const varintField = (field: number, value: number | bigint): number[] => [...varint(field << 3), ...varint(value)]
const bytesField = (field: number, body: ArrayLike<number>): number[] => [...varint((field << 3) | 2), ...varint(body.length), ...Array.from(body)]
const envelope = (field: number, body: ArrayLike<number>): Uint8Array => Uint8Array.from(bytesField(field, body))

const APPEND_FIELD = 18
const FORWARD_FIELD = 112
const FORWARD_RESULT_FIELD = 113
const READ_INDEX_RESULT_FIELD = 115

const bigAppend = (entries: number, payloadBytes: number): Append => ({
  type: 'append',
  term: 7,
  prevIndex: 123_456,
  prevTerm: 6,
  commit: 123_000,
  entries: Array.from({ length: entries }, (_, i): RaftEntry => ({
    term: 7,
    kind: i === 0 ? 'noop' : 'app',
    payload: Uint8Array.from({ length: payloadBytes }, (_, j) => (i * 31 + j) & 0xff)
  }))
})

describe('net/wire raft and forwarding messages', () => {
  it('every Raft message round-trips exactly', () => {
    fc.assert(fc.property(raftArb, (msg) => {
      assertSameMessage(decodedOk(decode(encode(msg))), msg)
    }), { numRuns: 3000 })
  })

  it('every forwarding message round-trips exactly, absent optional fields staying absent', () => {
    fc.assert(fc.property(fc.oneof(forwardArb, forwardResultArb, readIndexArb, readIndexResultArb), (msg) => {
      assertSameMessage(decodedOk(decode(encode(msg))), msg)
    }), { numRuns: 3000 })
  })

  it('our encoding is byte for byte the generated Envelope codec, so any protobuf peer reads it', () => {
    fc.assert(fc.property(messageArb, (msg) => {
      assert.deepEqual([...encode(msg)], [...pb.Envelope.encode(toPbEnvelope(msg))])
    }), { numRuns: 3000 })
  })

  it('optional and union fields come back with exactly the keys that were sent', () => {
    const bare = decodedOk(decode(encode({ type: 'readIndexResult', requestId: 1, ok: true, index: 9 })))
    assert.deepStrictEqual(bare, { type: 'readIndexResult', requestId: 1, ok: true, index: 9 })
    const refused = decodedOk(decode(encode({ type: 'readIndexResult', requestId: 2, ok: false, index: 0, code: 'NOT_LEADER', leader: '' })))
    assert.deepStrictEqual(refused, { type: 'readIndexResult', requestId: 2, ok: false, index: 0, code: 'NOT_LEADER', leader: '' })
    const results = decodedOk(decode(encode({
      type: 'forwardResult',
      requestId: 3,
      results: [{ ok: true, index: 0, result: new Uint8Array(0) }, { ok: false, code: '' }, { ok: false, code: 'NOT_LEADER', leader: 'n1' }]
    })))
    assert.equal(results.type, 'forwardResult')
    assert.deepStrictEqual(results.type === 'forwardResult' ? results.results.map((r) => Object.keys(r)) : [], [['ok', 'index', 'result'], ['ok', 'code'], ['ok', 'code', 'leader']])
  })

  it('an Append of 1,000 entries of 200 bytes round-trips, through the slab writer as through protons', () => {
    const msg = raft(bigAppend(1000, 200))
    const bytes = encode(msg)
    assert.ok(bytes.byteLength > 200_000 && bytes.byteLength < 210_000, `${bytes.byteLength} bytes`)
    assertSameMessage(decodedOk(decode(bytes)), msg)
    const slab = new SlabWriter()
    writeEnvelope(slab, msg)
    const slabBytes = slab.finish()
    assert.deepEqual(Buffer.from(slabBytes), Buffer.from(bytes))
    assertSameMessage(decodedOk(decode(slabBytes)), msg)
  })

  it('prints the encode and decode rate of Appends of 1,000 entries of 200 bytes', function () {
    this.timeout(60_000)
    const msg = raft(bigAppend(1000, 200))
    const slab = new SlabWriter()
    const bytes = encode(msg)
    // Per CPU-second of this process, so other work on the machine skews it less than wall time would.
    const perCpuSecond = (run: () => void): number => {
      for (let i = 0; i < 300; i++) run() // warm-up: let the JIT settle
      let count = 0
      const start = process.cpuUsage()
      let usedUs = 0
      while (usedUs < 1_000_000) {
        for (let i = 0; i < 20; i++) run()
        count += 20
        const used = process.cpuUsage(start)
        usedUs = used.user + used.system
      }
      return count / (usedUs / 1e6)
    }
    const encodes = perCpuSecond(() => { writeEnvelope(slab, msg); slab.finish() })
    const decodes = perCpuSecond(() => { if (!decode(bytes).ok) throw new Error('decode failed') })
    const rate = (perSecond: number): string =>
      `${perSecond.toFixed(0)} appends/s (${(perSecond * bytes.byteLength / 1e6).toFixed(0)} MB/s, ${(perSecond * 1000 / 1e6).toFixed(1)}M entries/s)`
    // Encoding takes a fresh slab per frame this large, so its rate falls as the heap
    // grows (external memory triggers full GCs): the heap size goes with the numbers.
    const heapMb = (process.memoryUsage().heapUsed / 1e6).toFixed(0)
    console.log(`      append of 1000 x 200 B entries, ${bytes.byteLength} B: encode ${rate(encodes)}, decode ${rate(decodes)} per CPU-second (heap ${heapMb} MB)`)
  })

  it('every strict prefix of a Raft or forwarding frame is a typed decode error', () => {
    fc.assert(fc.property(fc.oneof(raftArb, forwardArb, forwardResultArb, readIndexResultArb), fc.nat(), (msg, cut) => {
      const bytes = encode(msg)
      const code = errorCode(decode(bytes.subarray(0, cut % bytes.byteLength)))
      assert.ok(code === 'TRUNCATED' || code === 'MALFORMED', code)
    }), { numRuns: 5000 })
  })

  it('mutated frames never throw: they decode or give a typed error', () => {
    const mutation = fc.tuple(fc.constantFrom('set', 'insert', 'delete'), fc.nat(), fc.nat({ max: 255 }))
    fc.assert(fc.property(fc.oneof(raftArb, forwardArb, forwardResultArb, readIndexResultArb), fc.array(mutation, { minLength: 1, maxLength: 4 }), (msg, mutations) => {
      const bytes = [...encode(msg)]
      for (const [kind, at, value] of mutations) {
        const i = at % (bytes.length + 1)
        if (kind === 'set') bytes[i % bytes.length] = value
        else if (kind === 'insert') bytes.splice(i, 0, value)
        else bytes.splice(i % bytes.length, 1)
      }
      const result = decode(Uint8Array.from(bytes))
      if (!result.ok) assert.ok(DECODE_ERROR_CODES.includes(result.error.code), result.error.code)
    }), { numRuns: 20_000 })
  })

  it('random bodies under every Raft and forwarding field never throw', () => {
    const fields = [16, 17, 18, 19, 20, 21, 22, 112, 113, 114, 115]
    fc.assert(fc.property(fc.constantFrom(...fields), fc.uint8Array({ maxLength: 200 }), (field, body) => {
      const result = decode(envelope(field, body))
      if (!result.ok) assert.ok(DECODE_ERROR_CODES.includes(result.error.code), result.error.code)
    }), { numRuns: 20_000 })
  })

  describe('decoder limits: a hostile frame cannot make us allocate without bound', () => {
    it('an Append with more entries than appendEntries is TOO_LARGE; at the limit it decodes', () => {
      const msg = raft(bigAppend(10, 1))
      assert.equal(errorCode(decode(encode(msg), { limits: { appendEntries: 9 } })), 'TOO_LARGE')
      assertSameMessage(decodedOk(decode(encode(msg), { limits: { appendEntries: 10 } })), msg)
    })

    it('a 1 MiB frame of empty entries (two bytes each) is TOO_LARGE under the default limits', () => {
      const entry = [0x2a, 0x00]
      const body = new Uint8Array(((1 << 20) - 8) & ~1)
      for (let i = 0; i < body.length; i += 2) body.set(entry, i)
      const frame = envelope(APPEND_FIELD, body)
      assert.ok(frame.byteLength <= 1 << 20)
      const result = decode(frame)
      assert.equal(errorCode(result), 'TOO_LARGE')
      assert.ok(!result.ok && /8192/.test(result.error.detail), !result.ok ? result.error.detail : '')
      // 8,192 of them are fine.
      const allowed = decodedOk(decode(envelope(APPEND_FIELD, body.subarray(0, 2 * 8192))))
      assert.equal(allowed.type === 'raft' && allowed.message.type === 'append' ? allowed.message.entries.length : -1, 8192)
    })

    it('a Forward with more payloads than forwardPayloads, or a ForwardResult with more results than forwardResults, is TOO_LARGE', () => {
      const forward: WireMessage = { type: 'forward', requestId: 1, payloads: [Uint8Array.of(1), Uint8Array.of(2), Uint8Array.of(3)] }
      assert.equal(errorCode(decode(encode(forward), { limits: { forwardPayloads: 2 } })), 'TOO_LARGE')
      assertSameMessage(decodedOk(decode(encode(forward), { limits: { forwardPayloads: 3 } })), forward)
      const results: WireMessage = { type: 'forwardResult', requestId: 1, results: [{ ok: false, code: 'A' }, { ok: false, code: 'B' }] }
      assert.equal(errorCode(decode(encode(results), { limits: { forwardResults: 1 } })), 'TOO_LARGE')
      assertSameMessage(decodedOk(decode(encode(results), { limits: { forwardResults: 2 } })), results)
      const many = envelope(FORWARD_FIELD, Array.from({ length: 8193 }, () => [0x12, 0x00]).flat())
      assert.equal(errorCode(decode(many)), 'TOO_LARGE')
    })

    it('payloads over payloadBytes and strings over stringBytes are TOO_LARGE', () => {
      const append = raft(bigAppend(3, 100))
      assert.equal(errorCode(decode(encode(append), { limits: { payloadBytes: 99 } })), 'TOO_LARGE')
      decodedOk(decode(encode(append), { limits: { payloadBytes: 100 } }))
      const forward: WireMessage = { type: 'forward', requestId: 1, payloads: [new Uint8Array(50)] }
      assert.equal(errorCode(decode(encode(forward), { limits: { payloadBytes: 49 } })), 'TOO_LARGE')
      const leader = 'x'.repeat(257)
      assert.equal(errorCode(decode(encode({ type: 'readIndexResult', requestId: 1, ok: false, index: 0, leader }))), 'TOO_LARGE')
      assert.equal(errorCode(decode(encode({ type: 'forwardResult', requestId: 1, results: [{ ok: false, code: leader }] }))), 'TOO_LARGE')
      decodedOk(decode(encode({ type: 'readIndexResult', requestId: 1, ok: false, index: 0, leader: leader.slice(1) })))
    })

    it('a type the stream does not carry is refused before its body is read', () => {
      const body = new Uint8Array(2 * 9000)
      for (let i = 0; i < body.length; i += 2) body[i] = 0x2a
      // Over the entry limit, but refused as UNKNOWN_TYPE first: the entries are never looked at.
      assert.equal(errorCode(decode(envelope(APPEND_FIELD, body), { accepts: new Set(['bench']) })), 'UNKNOWN_TYPE')
      assert.equal(errorCode(decode(encode(raft({ type: 'timeoutNow', term: 1 })), { accepts: new Set(['forward']) })), 'UNKNOWN_TYPE')
      assert.equal(decodedOk(decode(encode(raft({ type: 'timeoutNow', term: 1 })), { accepts: new Set(['raft']) })).type, 'raft')
    })
  })

  describe('frames our encoder never writes', () => {
    it('an entry kind this version does not know is MALFORMED', () => {
      const entry = [...varintField(1, 2), ...varintField(2, 3)]
      assert.equal(errorCode(decode(envelope(APPEND_FIELD, bytesField(5, entry)))), 'MALFORMED')
    })

    it('a term, index or request id above 2^53 - 1 is MALFORMED, 2^53 - 1 itself decodes', () => {
      assert.equal(errorCode(decode(envelope(APPEND_FIELD, varintField(1, 2n ** 53n)))), 'MALFORMED')
      assert.equal(errorCode(decode(envelope(APPEND_FIELD, bytesField(5, varintField(1, 2n ** 64n - 1n))))), 'MALFORMED')
      assert.equal(errorCode(decode(envelope(FORWARD_FIELD, varintField(1, 2n ** 60n)))), 'MALFORMED')
      const max = decodedOk(decode(envelope(APPEND_FIELD, varintField(1, Number.MAX_SAFE_INTEGER))))
      assert.equal(max.type === 'raft' ? max.message.term : -1, Number.MAX_SAFE_INTEGER)
    })

    it('non-minimal varints decode to their value', () => {
      // term 5 written in three bytes.
      const msg = decodedOk(decode(envelope(APPEND_FIELD, [0x08, 0x85, 0x80, 0x00])))
      assert.equal(msg.type === 'raft' ? msg.message.term : -1, 5)
    })

    it('a forwarded result that mixes the fields of both outcomes is MALFORMED', () => {
      const okWithCode = [...varintField(1, 1), ...bytesField(4, [0x41])]
      const failedWithIndex = [...varintField(2, 3), ...bytesField(4, [0x41])]
      const failedWithResult = bytesField(3, [1])
      for (const result of [okWithCode, failedWithIndex, failedWithResult]) {
        assert.equal(errorCode(decode(envelope(FORWARD_RESULT_FIELD, bytesField(2, result)))), 'MALFORMED')
      }
    })

    it('a known field with the wrong wire type, field number 0, or an entry overrunning its Append is MALFORMED', () => {
      assert.equal(errorCode(decode(envelope(APPEND_FIELD, bytesField(1, [1])))), 'MALFORMED')
      assert.equal(errorCode(decode(envelope(APPEND_FIELD, varintField(5, 1)))), 'MALFORMED')
      assert.equal(errorCode(decode(envelope(READ_INDEX_RESULT_FIELD, varintField(4, 1)))), 'MALFORMED')
      assert.equal(errorCode(decode(envelope(APPEND_FIELD, [0x00, 0x00]))), 'MALFORMED')
      // An entry declaring 10 bytes inside an Append of 4.
      assert.equal(errorCode(decode(envelope(APPEND_FIELD, [0x2a, 10, 0x08, 1]))), 'MALFORMED')
    })

    it('fields a newer peer adds are skipped, inside an Append and inside its entries', () => {
      const entry = [...varintField(1, 4), ...varintField(9, 12345), ...bytesField(3, [7, 8]), ...bytesField(10, [1, 2, 3])]
      const body = [...varintField(1, 4), ...bytesField(5, entry), 0x7d, 1, 2, 3, 4, ...varintField(4, 2)] // 0x7d: field 15, fixed32
      assertSameMessage(decodedOk(decode(envelope(APPEND_FIELD, body))), raft({
        type: 'append', term: 4, prevIndex: 0, prevTerm: 0, commit: 2, entries: [{ term: 4, kind: 'app', payload: Uint8Array.of(7, 8) }]
      }))
    })
  })

  it('an Append round-trips with any slab size, entries straddling slab boundaries', () => {
    fc.assert(fc.property(appendArb, fc.integer({ min: 16, max: 2048 }), (append, slabBytes) => {
      const slab = new SlabWriter(slabBytes)
      writeEnvelope(slab, raft(append))
      assertSameMessage(decodedOk(decode(slab.finish())), raft(append))
    }), { numRuns: 500 })
  })
})
