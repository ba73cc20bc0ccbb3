// ed25519 through node:crypto, as the Byzantine protocols use it (src/net/signing.ts):
// signatures/s, verifications/s, and cached verifications/s (a signature seen before).
//
//   node dist/bench/crypto.js [--seconds 2]

import { generateKeyPair } from '@libp2p/crypto/keys'
import { cpus, loadavg } from 'node:os'
import { ed25519Signer, ed25519Verifier } from '../src/net/signing.js'

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

const at = (i: number): number => i % messages.length
console.log(`machine: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; one core`)
console.log(`sign:            ${rate(seconds, (i) => { signer.sign(messages[at(i)]!) }).toFixed(0)}/s`)
console.log(`verify:          ${rate(seconds, (i) => { fresh.verify('n0', messages[at(i)]!, signatures[at(i)]!) }).toFixed(0)}/s`)
console.log(`verify (cached): ${rate(seconds, (i) => { cached.verify('n0', messages[at(i)]!, signatures[at(i)]!) }).toFixed(0)}/s`)
