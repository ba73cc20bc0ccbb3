// The messages a Blackhole stream carries, as a closed union. wire.proto is the
// byte-level truth; these types are what the rest of the node sees. Byte fields
// are plain `Uint8Array` (any backing buffer) so callers can pass Node Buffers.
//
// Adding a message: a field in `Envelope` (wire.proto, `npm run proto`), a member
// here, and its row in codec.ts; the exhaustive switches point at anything missed.

/** First frame on a stream when the links run with a handshake. */
export interface Hello {
  type: 'hello'
  chainId: string
  genesisHash: Uint8Array
  /** The agreement protocol the sender runs: raft, pbft, hotstuff, avalanche. */
  protocol: string
  nodeVersion: string
  /** Binary multiaddrs (at most 32, enforced by the decoder). */
  listenAddrs: Uint8Array[]
}

/** Application-level latency probe; the receiver echoes it as a Pong. */
export interface Ping {
  type: 'ping'
  nonce: number
  /** Sender's wall clock, microseconds since the epoch. */
  sentAtUs: number
}

export interface Pong {
  type: 'pong'
  nonce: number
  sentAtUs: number
}

/** Ordering and throughput probe for tests and bench/net.ts. */
export interface Bench {
  type: 'bench'
  seq: number
  payload: Uint8Array
}

export type WireMessage = Hello | Ping | Pong | Bench

export type WireMessageType = WireMessage['type']

/** Every message type, in Envelope field order. */
export const WIRE_MESSAGE_TYPES: readonly WireMessageType[] = ['hello', 'ping', 'pong', 'bench']
