// The KV state machine's snapshot, as PBFT takes one at every checkpoint (on each replica's app
// actor, which applies nothing meanwhile): milliseconds per snapshot of N keys with 200-byte
// values, and the restore of it.
//
//   node dist/bench/kv-snapshot.js [--keys 10000] [--rounds 10]

import { cpus, loadavg } from 'node:os'
import { encodeRequest } from '../src/app/kv-codec.js'
import { KvStore } from '../src/app/kv-store.js'

const option = (name: string, fallback: number): number => Number(process.argv[process.argv.indexOf(name) + 1] ?? fallback) || fallback
const keys = option('--keys', 10_000)
const rounds = option('--rounds', 10)
const kv = new KvStore()
const value = new Uint8Array(200).fill(7)
for (let i = 0; i < keys; i++) {
  const session = { client: `client-${i % 64}`, seq: Math.floor(i / 64) + 1, ack: Math.floor(i / 64) + 1 }
  kv.apply([{ index: i + 1, kind: 'app', payload: encodeRequest({ session, op: { type: 'put', key: `key-${String(i).padStart(6, '0')}`, value } }) }])
}
const time = (work: () => void): number => {
  const start = performance.now()
  work()
  return performance.now() - start
}
const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!
let snapshot = kv.snapshot()
const taken: number[] = []
const restored: number[] = []
for (let round = 0; round < rounds; round++) {
  taken.push(time(() => { snapshot = kv.snapshot() }))
  restored.push(time(() => { new KvStore().restore(snapshot) }))
}
console.log(`machine: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${keys} keys, ${snapshot.length} bytes`)
console.log(`snapshot: median ${median(taken).toFixed(1)} ms, slowest ${Math.max(...taken).toFixed(1)} ms (first round included: JIT warm-up)`)
console.log(`restore:  median ${median(restored).toFixed(1)} ms`)
