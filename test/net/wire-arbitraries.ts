// fast-check generators for every wire message, shared by the wire tests.

import fc from 'fast-check'
import type { Bench, Hello, Ping, Pong, WireMessage } from '../../src/net/wire/messages.js'

const bytes = (maxLength: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ maxLength })
const uint32 = fc.nat({ max: 0xffff_ffff })
// uint64 fields are JS numbers on our side: anything a double holds exactly.
const uint53 = fc.maxSafeNat()

export const helloArb: fc.Arbitrary<Hello> = fc.record({
  type: fc.constant('hello' as const),
  chainId: fc.string({ maxLength: 40, unit: 'binary' }),
  genesisHash: bytes(64),
  protocol: fc.constantFrom('raft', 'pbft', 'hotstuff', 'avalanche', ''),
  nodeVersion: fc.string({ maxLength: 20 }),
  listenAddrs: fc.array(bytes(40), { maxLength: 32 })
})

export const pingArb: fc.Arbitrary<Ping> = fc.record({ type: fc.constant('ping' as const), nonce: uint32, sentAtUs: uint53 })
export const pongArb: fc.Arbitrary<Pong> = fc.record({ type: fc.constant('pong' as const), nonce: uint32, sentAtUs: uint53 })
export const benchArb: fc.Arbitrary<Bench> = fc.record({ type: fc.constant('bench' as const), seq: uint53, payload: bytes(600) })

export const messageArb: fc.Arbitrary<WireMessage> = fc.oneof(helloArb, pingArb, pongArb, benchArb)
