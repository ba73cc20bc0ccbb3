// Signatures for the Byzantine protocols: the node signs with its libp2p ed25519 identity
// and verifies with the validators' public keys from the genesis, through libsodium
// (sodium-native). Measured on this machine (2-core EPYC VM, Node 24): libsodium verifies in
// 71 µs and signs in 25 µs, node:crypto (OpenSSL) in 133 and 49 µs, a pure-JS ed25519 about
// ten times slower still. Signatures are ed25519 either way (deterministic, RFC 8032: the same
// bytes from both libraries). Under load a PBFT replica spent a sixth of its main thread in
// signature checks with node:crypto.
//
// Verification is the expensive half (roughly 100 µs against 35 µs to sign) and the same
// signature is checked more than once: by the validator actor when a frame arrives, and again
// by the core when that message comes back embedded in a certificate (a view change carries
// prepares, a new view carries view changes). A bounded cache remembers signatures already
// found valid, keyed by signer and signature and checked against a digest of the signed
// bytes, so a cached signature never vouches for different bytes.

import { createHash } from 'node:crypto'
import sodium from 'sodium-native'

/** SHA-256: the digest the Byzantine cores certify (app snapshots, batches, messages). */
export function sha256 (bytes: Uint8Array): Uint8Array {
  return createHash('sha256').update(bytes).digest()
}

export interface Signer {
  sign(bytes: Uint8Array): Uint8Array
}

export interface SignatureVerifier {
  /** True when `signature` is `node`'s signature of `bytes`; false for a node without a known key. */
  verify(node: string, bytes: Uint8Array, signature: Uint8Array): boolean
}

const ED25519_SEED_BYTES = 32
const ED25519_SIGNATURE_BYTES = 64

/** A signer over a raw ed25519 private key: the 32-byte seed, or libp2p's 64-byte seed + public key. */
export function ed25519Signer (rawPrivateKey: Uint8Array): Signer {
  if (rawPrivateKey.length !== ED25519_SEED_BYTES && rawPrivateKey.length !== 2 * ED25519_SEED_BYTES) {
    throw new Error(`an ed25519 private key is 32 or 64 bytes, not ${rawPrivateKey.length}`)
  }
  const publicKey = new Uint8Array(sodium.crypto_sign_PUBLICKEYBYTES)
  const secretKey = new Uint8Array(sodium.crypto_sign_SECRETKEYBYTES)
  sodium.crypto_sign_seed_keypair(publicKey, secretKey, rawPrivateKey.subarray(0, ED25519_SEED_BYTES))
  return {
    sign: (bytes) => {
      // Its own memory: signatures are kept (votes, certificates), and a slice of Buffer's shared
      // pool would keep the whole 8 KiB pool alive with it.
      const signature = new Uint8Array(ED25519_SIGNATURE_BYTES)
      sodium.crypto_sign_detached(signature, bytes, secretKey)
      return signature
    }
  }
}

export interface VerifierOptions {
  /** Signatures remembered as valid; the oldest go first. Default 65,536 (about 10 MB). */
  readonly cacheSize?: number
}

export interface CachingVerifier extends SignatureVerifier {
  readonly stats: { verified: number, cacheHits: number, rejected: number }
}

/** A verifier for the given raw 32-byte ed25519 public keys, by node id. */
export function ed25519Verifier (publicKeys: ReadonlyMap<string, Uint8Array>, options: VerifierOptions = {}): CachingVerifier {
  const keys = new Map<string, Uint8Array>()
  for (const [node, raw] of publicKeys) {
    if (raw.length !== sodium.crypto_sign_PUBLICKEYBYTES) throw new Error(`the ed25519 public key of ${node} is ${raw.length} bytes, not 32`)
    keys.set(node, Uint8Array.from(raw))
  }
  const capacity = options.cacheSize ?? 65_536
  /** `${node}/${signature in base64}` -> hex digest of the bytes it signed. */
  const valid = new Map<string, string>()
  const stats = { verified: 0, cacheHits: 0, rejected: 0 }
  return {
    stats,
    verify (node, bytes, signature) {
      const key = keys.get(node)
      if (key === undefined || signature.length !== ED25519_SIGNATURE_BYTES) {
        stats.rejected++
        return false
      }
      const cacheKey = `${node}/${Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString('base64')}`
      const digest = createHash('sha256').update(bytes).digest('hex')
      if (valid.get(cacheKey) === digest) {
        stats.cacheHits++
        return true
      }
      if (!sodium.crypto_sign_verify_detached(signature, bytes, key)) {
        stats.rejected++
        return false
      }
      stats.verified++
      if (valid.size >= capacity) {
        const oldest = valid.keys().next()
        if (oldest.done !== true) valid.delete(oldest.value)
      }
      valid.set(cacheKey, digest)
      return true
    }
  }
}
