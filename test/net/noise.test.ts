import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { asCrypto, defaultCrypto, nodeCrypto } from '@chainsafe/libp2p-noise/crypto'
import type { MessageStream, Stream, StreamMessageEvent } from '@libp2p/interface'
import { LengthPrefixedDecoder } from '@libp2p/utils'
import { Uint8ArrayList } from 'uint8arraylist'
import { quietDecoderStats, quietenDecoder, quietLengthDecoder, sodiumCrypto } from '../../src/net/noise.js'
import { HostPool, loopbackAddr, until } from '../fixtures/hosts.js'

const frame = (body: Uint8Array): Uint8Array => {
  const out = new Uint8Array(2 + body.length)
  out[0] = body.length >> 8
  out[1] = body.length & 0xff
  out.set(body, 2)
  return out
}

function noiseDecoder (): LengthPrefixedDecoder {
  return new LengthPrefixedDecoder({ lengthDecoder: quietLengthDecoder, maxBufferSize: 16 * 1024 * 1024, encodingLength: () => 2 })
}

describe('net/noise: libp2p Noise with libsodium\'s cipher and without per-message exceptions', function () {
  this.timeout(30_000)
  const pool = new HostPool()
  afterEach(async () => { await pool.stopAll() })

  it('the quiet length decoder reads every split of a frame stream as the frames themselves', () => {
    const bodies = [randomBytes(1), randomBytes(300), randomBytes(2), randomBytes(70)]
    const wire = Buffer.concat(bodies.map(frame))
    // Every cut point, including cuts inside a length prefix (1 byte of 2 buffered).
    for (let cut = 0; cut <= wire.length; cut++) {
      const decoder = noiseDecoder()
      const out: Buffer[] = []
      for (const part of [wire.subarray(0, cut), wire.subarray(cut)]) {
        for (const buf of decoder.decode(part)) out.push(Buffer.from(buf.subarray()))
      }
      assert.deepEqual(out, bodies.map(b => Buffer.from(b)), `cut at ${cut}`)
    }
    // Byte by byte: a prefix is incomplete on every other call, and nothing throws.
    const decoder = noiseDecoder()
    const out: Buffer[] = []
    for (const byte of wire) for (const buf of decoder.decode(Uint8Array.of(byte))) out.push(Buffer.from(buf.subarray()))
    assert.deepEqual(out, bodies.map(b => Buffer.from(b)))
  })

  it('the quiet length decoder reads lengths as big-endian 16-bit from arrays and lists', () => {
    assert.equal(quietLengthDecoder(Uint8Array.of(0x12, 0x34, 0xff)), 0x1234)
    assert.equal(quietLengthDecoder(new Uint8ArrayList(Uint8Array.of(0xab), Uint8Array.of(0xcd))), 0xabcd)
    assert.equal(quietLengthDecoder(Uint8Array.of(0xff)), 0)
    assert.equal(quietLengthDecoder(new Uint8ArrayList()), 0)
  })

  it('libsodium seals and opens interchangeably with Noise\'s own ciphers (WebAssembly and node:crypto)', () => {
    const key = randomBytes(32)
    const ad = randomBytes(32)
    const sizes = [0, 1, 64, 599, 600, 1199, 1200, 4000, 65_519]
    for (const [i, size] of sizes.entries()) {
      const nonce = Buffer.alloc(12)
      nonce.writeUInt32LE(i, 4)
      const plaintext = randomBytes(size)
      const ours = sodiumCrypto.chaCha20Poly1305Encrypt(plaintext, nonce, ad, key)
      const theirs = defaultCrypto.chaCha20Poly1305Encrypt(plaintext, nonce, ad, key)
      assert.deepEqual(Buffer.from(ours.subarray()), Buffer.from(theirs.subarray()), `same ciphertext for ${size} bytes`)
      assert.deepEqual(Buffer.from(sodiumCrypto.chaCha20Poly1305Decrypt(theirs, nonce, ad, key).subarray()), plaintext, `opens theirs, ${size} bytes`)
      assert.deepEqual(Buffer.from(asCrypto.chaCha20Poly1305Decrypt(ours, nonce, ad, key).subarray()), plaintext, `WebAssembly opens ours, ${size} bytes`)
      assert.deepEqual(Buffer.from(nodeCrypto.chaCha20Poly1305Decrypt(ours, nonce, ad, key).subarray()), plaintext, `node:crypto opens ours, ${size} bytes`)
      // Noise opens in place: the plaintext goes over the ciphertext's own bytes.
      const inPlace = Buffer.from(ours.subarray())
      const opened = sodiumCrypto.chaCha20Poly1305Decrypt(inPlace, nonce, ad, key, inPlace.subarray(0, size))
      assert.deepEqual(Buffer.from(opened.subarray()), plaintext, `opens in place, ${size} bytes`)
      // Noise hands over lists when a message spans chunks.
      const sealed = Buffer.from(ours.subarray())
      // (Noise has its own copy of uint8arraylist, hence the cast.)
      const list = new Uint8ArrayList(sealed.subarray(0, 5), sealed.subarray(5)) as unknown as Parameters<typeof sodiumCrypto.chaCha20Poly1305Decrypt>[0]
      assert.deepEqual(Buffer.from(sodiumCrypto.chaCha20Poly1305Decrypt(list, nonce, ad, key).subarray()), plaintext, `opens a list, ${size} bytes`)
      const tampered = Buffer.from(sealed)
      tampered[tampered.length - 1]! ^= 1
      assert.throws(() => sodiumCrypto.chaCha20Poly1305Decrypt(tampered, nonce, ad, key), `a bad tag is refused, ${size} bytes`)
    }
  })

  it('a stream without Noise\'s decoder is left as it is, and counted', () => {
    const before = quietDecoderStats.notHooked
    const stream = {}
    assert.equal(quietenDecoder(stream as unknown as MessageStream), stream)
    assert.equal(quietDecoderStats.notHooked, before + 1)
  })

  // Guards the hook against a Noise upgrade: its encrypted stream must still keep
  // `decoder.lengthDecoder`, or every inbound chunk throws again. Small and large messages
  // (several Noise frames) cross the real connection both ways.
  it('every connection between two real hosts is hooked and carries small and large messages', async () => {
    const before = { ...quietDecoderStats }
    const protocol = '/blackhole-test/echo/1'
    const a = await pool.start()
    const b = await pool.start()
    await b.handle(protocol, (stream: Stream) => {
      stream.addEventListener('message', (event: StreamMessageEvent) => { stream.send(event.data) })
    })
    const stream = await a.dialProtocol(loopbackAddr(b), protocol)
    assert.equal(quietDecoderStats.notHooked, before.notHooked, 'no connection was left unhooked')
    assert.ok(quietDecoderStats.hooked >= before.hooked + 2, 'both ends of the connection are hooked')

    const sent = [randomBytes(10), randomBytes(650), randomBytes(70_000), randomBytes(3)]
    const expected = Buffer.concat(sent)
    const received: Buffer[] = []
    stream.addEventListener('message', (event: StreamMessageEvent) => { received.push(Buffer.from(event.data.subarray())) })
    for (const message of sent) stream.send(message)
    await until(() => Buffer.concat(received).length >= expected.length, 10_000, 'the echo')
    assert.deepEqual(Buffer.concat(received), expected)
    await stream.close()
  })
})
