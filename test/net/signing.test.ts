import assert from 'node:assert/strict'
import { createPublicKey, verify as nodeVerify } from 'node:crypto'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { ed25519Signer, ed25519Verifier } from '../../src/net/signing.js'

describe('ed25519 signing with libsodium', () => {
  async function keys (): Promise<{ raw: Uint8Array, publicRaw: Uint8Array, libp2pSign: (bytes: Uint8Array) => Promise<Uint8Array> }> {
    const key = await generateKeyPair('Ed25519')
    return { raw: key.raw, publicRaw: key.publicKey.raw, libp2pSign: async (bytes) => await key.sign(bytes) }
  }

  it('signs exactly as libp2p does with the same identity key, and verifies against the genesis public key', async () => {
    const a = await keys()
    const message = new TextEncoder().encode('prepare v=3 n=17')
    const signature = ed25519Signer(a.raw).sign(message)
    assert.deepEqual(Buffer.from(signature), Buffer.from(await a.libp2pSign(message)), 'ed25519 is deterministic: same key, same bytes, same signature')
    const verifier = ed25519Verifier(new Map([['a', a.publicRaw]]))
    assert.equal(verifier.verify('a', message, signature), true)
  })

  it('agrees with node:crypto (OpenSSL) both ways, so replicas on either library interoperate', async () => {
    const a = await keys()
    const spki = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), a.publicRaw]), format: 'der', type: 'spki' })
    const verifier = ed25519Verifier(new Map([['a', a.publicRaw]]))
    for (const size of [0, 1, 64, 1000, 70_000]) {
      const message = new Uint8Array(size).map((_, i) => (i * 31 + size) & 0xff)
      const signature = ed25519Signer(a.raw).sign(message)
      assert.equal(nodeVerify(null, message, spki, signature), true, `OpenSSL accepts our signature of ${size} bytes`)
      assert.equal(verifier.verify('a', message, await a.libp2pSign(message)), true, `we accept libp2p's signature of ${size} bytes`)
    }
  })

  it('rejects a signature whose S is not reduced (S + L): the malleated twin of a valid one', async () => {
    const a = await keys()
    const message = new TextEncoder().encode('pre-prepare v=0 n=1')
    const signature = Uint8Array.from(ed25519Signer(a.raw).sign(message))
    // S is the little-endian second half; adding the group order L gives the same point equation.
    const order = 2n ** 252n + 27742317777372353535851937790883648493n
    let s = 0n
    for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(signature[i]!)
    let twin = s + order
    for (let i = 32; i < 64; i++) { signature[i] = Number(twin & 0xffn); twin >>= 8n }
    assert.equal(ed25519Verifier(new Map([['a', a.publicRaw]])).verify('a', message, signature), false)
  })

  it('rejects another node\'s signature, altered bytes, a truncated signature and an unknown signer', async () => {
    const [a, b] = await Promise.all([keys(), keys()])
    const verifier = ed25519Verifier(new Map([['a', a.publicRaw], ['b', b.publicRaw]]))
    const message = new TextEncoder().encode('commit v=1 n=2')
    const byA = ed25519Signer(a.raw).sign(message)
    assert.equal(verifier.verify('b', message, byA), false, 'a forged claim that b signed it')
    assert.equal(verifier.verify('a', new TextEncoder().encode('commit v=1 n=3'), byA), false)
    assert.equal(verifier.verify('a', message, byA.subarray(0, 63)), false)
    assert.equal(verifier.verify('c', message, byA), false)
    assert.equal(verifier.stats.rejected, 4)
  })

  it('the cache answers a repeated check without verifying again, and never for different bytes', async () => {
    const a = await keys()
    const verifier = ed25519Verifier(new Map([['a', a.publicRaw]]), { cacheSize: 2 })
    const message = new TextEncoder().encode('view-change v=5')
    const signature = ed25519Signer(a.raw).sign(message)
    assert.equal(verifier.verify('a', message, signature), true)
    assert.equal(verifier.verify('a', message, signature), true)
    assert.deepEqual(verifier.stats, { verified: 1, cacheHits: 1, rejected: 0 })
    assert.equal(verifier.verify('a', new TextEncoder().encode('view-change v=6'), signature), false, 'a cached signature does not vouch for other bytes')
    // Past its capacity the oldest entry goes and is verified again.
    const signer = ed25519Signer(a.raw)
    for (const text of ['x', 'y']) {
      const bytes = new TextEncoder().encode(text)
      assert.equal(verifier.verify('a', bytes, signer.sign(bytes)), true)
    }
    assert.equal(verifier.verify('a', message, signature), true)
    assert.equal(verifier.stats.verified, 4)
  })
})
