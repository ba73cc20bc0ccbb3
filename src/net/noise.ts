// Noise as the node uses it: libp2p's Noise with two per-message costs removed, and each
// connection's writes coalesced (coalesced-writes.ts).
//
// Under load (3-node Raft mesh, 64 clients, `perf record` with `--perf-basic-prof`) each node
// spent 5-6 % of its main thread building Error objects that nobody reads:
//
// - The encrypted stream's length decoder throws a RangeError whenever fewer than 2 bytes of
//   the next frame's length are buffered, which is the end of every inbound TCP chunk; the
//   decoder catches it and waits for more (about 3.4 % on the leader).
// - Frames of 1,200 bytes and more are sealed by `node:crypto` from the raw key bytes, and
//   turning raw bytes into a key constructs (and drops) a TypeError inside Node on every call
//   (about 2 %).
//
// `quietLengthDecoder` reports "not enough bytes" as a zero length instead (the decoder then
// sees that the 2-byte prefix is not all there and waits, as it does after the throw), and
// `keyedCrypto` keeps one KeyObject per Noise key. Measured per seal + open on this machine:
// the WebAssembly cipher costs about 25 ns a byte, Node's about 15 µs a call plus 2 ns a byte,
// so frames from `NODE_CIPHER_MIN_BYTES` up go to Node.

import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject } from 'node:crypto'
import { noise } from '@chainsafe/libp2p-noise'
import { asCrypto, defaultCrypto } from '@chainsafe/libp2p-noise/crypto'
import type { ICryptoInterface } from '@chainsafe/libp2p-noise'
import type { ConnectionEncrypter, MessageStream } from '@libp2p/interface'
import { coalesceWrites } from './coalesced-writes.js'

const CHACHA = 'chacha20-poly1305'
const TAG_BYTES = 16
export const NODE_CIPHER_MIN_BYTES = 600

export const quietDecoderStats = { hooked: 0, notHooked: 0 }

/** What Noise hands over: one array, or a list of them (`Uint8ArrayList`) when a frame spans chunks. */
type Bytes = Uint8Array | { readonly length: number, getUint16: (offset: number) => number, subarray: () => Uint8Array }

/** Noise's 2-byte big-endian frame length, 0 (never a throw) while the prefix is incomplete. */
export function quietLengthDecoder (data: Bytes): number {
  if (data.length < 2) return 0
  if (data instanceof Uint8Array) return (data[0]! << 8) | data[1]!
  return data.getUint16(0)
}

// A Noise CipherState fixes its key when it is made, so the key's bytes identify it for the
// connection's lifetime; the WeakMap lets the KeyObject go with the connection.
const keyObjects = new WeakMap<Uint8Array, KeyObject>()

function keyObject (k: Uint8Array): KeyObject {
  let key = keyObjects.get(k)
  if (key === undefined) {
    key = createSecretKey(k)
    keyObjects.set(k, key)
  }
  return key
}

const contiguous = (data: Bytes): Uint8Array => data instanceof Uint8Array ? data : data.subarray()

function nodeSeal (plaintext: Uint8Array, nonce: Uint8Array, ad: Uint8Array, k: Uint8Array): Buffer {
  const cipher = createCipheriv(CHACHA, keyObject(k), nonce, { authTagLength: TAG_BYTES })
  cipher.setAAD(ad, { plaintextLength: plaintext.byteLength })
  const body = cipher.update(plaintext)
  cipher.final() // a stream cipher: nothing is held back
  return Buffer.concat([body, cipher.getAuthTag()])
}

function nodeOpen (ciphertext: Uint8Array, nonce: Uint8Array, ad: Uint8Array, k: Uint8Array): Buffer {
  if (ciphertext.byteLength < TAG_BYTES) throw new Error('Invalid chacha20poly1305 decryption')
  const text = ciphertext.subarray(0, ciphertext.byteLength - TAG_BYTES)
  const decipher = createDecipheriv(CHACHA, keyObject(k), nonce, { authTagLength: TAG_BYTES })
  decipher.setAAD(ad, { plaintextLength: text.byteLength })
  decipher.setAuthTag(ciphertext.subarray(text.byteLength))
  const body = decipher.update(text)
  decipher.final() // checks the tag (throws if it is wrong); a stream cipher holds nothing back
  return body
}

// Noise's wrapCrypto takes these functions off the object, so none of them may use `this`.
export const keyedCrypto: ICryptoInterface = {
  ...defaultCrypto,
  chaCha20Poly1305Encrypt: (plaintext, nonce, ad, k) => plaintext.byteLength < NODE_CIPHER_MIN_BYTES
    ? asCrypto.chaCha20Poly1305Encrypt(plaintext, nonce, ad, k)
    : nodeSeal(contiguous(plaintext), nonce, ad, k),
  chaCha20Poly1305Decrypt: (ciphertext, nonce, ad, k, dst) => ciphertext.byteLength < NODE_CIPHER_MIN_BYTES + TAG_BYTES
    ? asCrypto.chaCha20Poly1305Decrypt(ciphertext, nonce, ad, k, dst)
    : nodeOpen(contiguous(ciphertext), nonce, ad, k)
}

interface EncryptedStreamShape {
  decoder?: { lengthDecoder?: unknown }
}

/**
 * Give `connection` (Noise's encrypted stream) the quiet length decoder. It relies on Noise's
 * stream keeping its `decoder.lengthDecoder`; `quietDecoderStats` counts the streams it could
 * not hook and a test fails if any are (test/net/noise.test.ts), so an upgrade is noticed.
 */
export function quietenDecoder (connection: MessageStream): MessageStream {
  const decoder = (connection as unknown as EncryptedStreamShape).decoder
  if (decoder == null || typeof decoder.lengthDecoder !== 'function') {
    quietDecoderStats.notHooked++
    return connection
  }
  decoder.lengthDecoder = quietLengthDecoder
  quietDecoderStats.hooked++
  return connection
}

/**
 * `encrypter` with the raw connection passed through `raw` before the handshake and the
 * encrypted one through `secured` after it: the two places libp2p lets us see a connection.
 */
function hookedEncrypter<Components> (
  encrypter: (components: Components) => ConnectionEncrypter,
  hooks: { raw: (connection: MessageStream) => MessageStream, secured: (connection: MessageStream) => MessageStream }
): (components: Components) => ConnectionEncrypter {
  return (components) => {
    const inner = encrypter(components)
    const secureInbound = inner.secureInbound.bind(inner)
    const secureOutbound = inner.secureOutbound.bind(inner)
    inner.secureInbound = async (connection, options) => {
      const result = await secureInbound(hooks.raw(connection), options)
      return { ...result, connection: hooks.secured(result.connection) }
    }
    inner.secureOutbound = async (connection, options) => {
      const result = await secureOutbound(hooks.raw(connection), options)
      return { ...result, connection: hooks.secured(result.connection) }
    }
    return inner
  }
}

/** The node's connection encrypter: Noise with keyed crypto, coalesced writes and the quiet decoder. */
export function tunedNoise (): (components: Parameters<ReturnType<typeof noise>>[0]) => ConnectionEncrypter {
  return hookedEncrypter(noise({ crypto: keyedCrypto }), { raw: coalesceWrites, secured: quietenDecoder })
}
