// The node's cryptography against the alternatives it replaced, one core:
// - ed25519 through libsodium (src/net/signing.ts, what the Byzantine protocols use) and through
//   node:crypto (OpenSSL): signatures/s, verifications/s, cached verifications/s;
// - ChaCha20-Poly1305 seals of Noise frames: libsodium (src/net/noise.ts) against Noise's own
//   default (WebAssembly below 1,200 bytes, node:crypto above), in µs per seal.
//
//   node dist/bench/crypto.js [--seconds 2]

import { generateKeyPair } from '@libp2p/crypto/keys'
import { defaultCrypto } from '@chainsafe/libp2p-noise/crypto'
import { createPrivateKey, createPublicKey, randomBytes, sign, verify } from 'node:crypto'
import { cpus, loadavg } from 'node:os'
import { ed25519Signer, ed25519Verifier } from '../src/net/signing.js'
import { sodiumCrypto } from '../src/net/noise.js'

function rate (seconds: number, work: (i: number) => void): number {
  const end = performance.now() + seconds * 1000
  let done = 0
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) work(done + i)
    done += 100
  }
  return done / seconds
}

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1] ?? 2) || 2
const key = await generateKeyPair('Ed25519')
const signer = ed25519Signer(key.raw)
const messages = Array.from({ length: 4096 }, (_, i) => new TextEncoder().encode(`prepare view=1 seq=${i} digest=${'ab'.repeat(32)}`))
const signatures = messages.map((message) => signer.sign(message))
const fresh = ed25519Verifier(new Map([['n0', key.publicKey.raw]]), { cacheSize: 1 })
const cached = ed25519Verifier(new Map([['n0', key.publicKey.raw]]))
for (let i = 0; i < messages.length; i++) cached.verify('n0', messages[i]!, signatures[i]!)
const opensslPrivate = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), key.raw.subarray(0, 32)]), format: 'der', type: 'pkcs8' })
const opensslPublic = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), key.publicKey.raw]), format: 'der', type: 'spki' })

const at = (i: number): number => i % messages.length
const perSecond = (work: (i: number) => void): string => `${rate(seconds, work).toFixed(0)}/s`.padStart(9)
console.log(`machine: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; one core`)
console.log('ed25519             libsodium  node:crypto')
console.log(`sign:               ${perSecond((i) => { signer.sign(messages[at(i)]!) })}  ${perSecond((i) => { sign(null, messages[at(i)]!, opensslPrivate) })}`)
console.log(`verify:             ${perSecond((i) => { fresh.verify('n0', messages[at(i)]!, signatures[at(i)]!) })}  ${perSecond((i) => { verify(null, messages[at(i)]!, opensslPublic, signatures[at(i)]!) })}`)
console.log(`verify (cached):    ${perSecond((i) => { cached.verify('n0', messages[at(i)]!, signatures[at(i)]!) })}`)

const noiseKey = randomBytes(32)
const nonce = Buffer.alloc(12)
const ad = new Uint8Array(0)
const microseconds = (work: () => void): string => `${(1e6 / rate(seconds / 2, work)).toFixed(2)} µs`.padStart(10)
console.log('chacha20-poly1305   libsodium  Noise default')
for (const size of [100, 300, 2_000, 16_000]) {
  const frame = randomBytes(size)
  console.log(`seal ${String(size).padStart(6)} bytes: ${microseconds(() => sodiumCrypto.chaCha20Poly1305Encrypt(frame, nonce, ad, noiseKey))}  ${microseconds(() => defaultCrypto.chaCha20Poly1305Encrypt(frame, nonce, ad, noiseKey))}`)
}
