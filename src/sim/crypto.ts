// Deterministic stand-in for the nodes' ed25519 keys in the simulator (and in core tests).
//
// Each node has a secret only this object knows (derived from the run's seed and the node's id).
// Its "signature" of some bytes is a 128-bit keyed hash of the bytes under that secret, and
// verifying recomputes it. Like a real signature scheme, a node can sign only as itself: an
// adversary is handed its own node's Crypto and nothing else, so it cannot produce another
// node's signature, and a forged one fails verification (the adversaries never try to break the
// hash; it is a stand-in for a signature's unforgeability, not a MAC to trust outside the sim).
// The keyed hash is four murmur3 lanes: a PBFT run verifies a few hundred thousand signatures and
// sha256 through node:crypto would be a third of its time.
//
// Digests are real sha256 (node:crypto): deterministic, so a core that calls them stays a
// function of its inputs, and hosts hash app snapshots with it for checkpoint digests.

import { createHash } from 'node:crypto'
import type { Crypto, NodeId } from '../protocols/core.js'

function sha256(bytes: Uint8Array): Uint8Array {
  return createHash('sha256').update(bytes).digest()
}

/** murmur3 (32-bit) of `bytes` with `seed`. */
function murmur3(bytes: Uint8Array, seed: number): number {
  let h = seed | 0
  const n = bytes.length
  const blocks = n & ~3
  for (let i = 0; i < blocks; i += 4) {
    let k = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)
    k = Math.imul(k, 0xcc9e2d51)
    k = (k << 15) | (k >>> 17)
    k = Math.imul(k, 0x1b873593)
    h ^= k
    h = (h << 13) | (h >>> 19)
    h = (Math.imul(h, 5) + 0xe6546b64) | 0
  }
  const tail = n & 3
  if (tail > 0) {
    let k = bytes[blocks]!
    if (tail > 1) k ^= bytes[blocks + 1]! << 8
    if (tail > 2) k ^= bytes[blocks + 2]! << 16
    k = Math.imul(k, 0xcc9e2d51)
    k = (k << 15) | (k >>> 17)
    h ^= Math.imul(k, 0x1b873593)
  }
  h ^= n
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** 128 bits: four lanes seeded with the four words of the secret. */
function keyedHash(secret: Uint32Array, bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(16)
  const view = new DataView(out.buffer)
  for (let lane = 0; lane < 4; lane++) view.setUint32(lane * 4, murmur3(bytes, secret[lane]!))
  return out
}

const encoder = new TextEncoder()

export class SimCrypto {
  private readonly secrets = new Map<NodeId, Uint32Array>()

  constructor(private readonly seed: number) {}

  /** The signing identity of `id`: hand it to that node's core only. */
  forNode(id: NodeId): Crypto {
    const secret = this.secret(id)
    return {
      sign: (bytes) => keyedHash(secret, bytes),
      verify: (node, bytes, signature) => signature.length === 16 && equal(keyedHash(this.secret(node), bytes), signature),
      digest: sha256
    }
  }

  /** Digest only (for hosts that hash app snapshots). */
  digest(bytes: Uint8Array): Uint8Array {
    return sha256(bytes)
  }

  private secret(id: NodeId): Uint32Array {
    let secret = this.secrets.get(id)
    if (secret === undefined) {
      const digest = sha256(encoder.encode(`blackhole-sim-secret:${this.seed}:${id}`))
      secret = new Uint32Array([0, 4, 8, 12].map((i) => new DataView(digest.buffer, digest.byteOffset).getUint32(i)))
      this.secrets.set(id, secret)
    }
    return secret
  }
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
