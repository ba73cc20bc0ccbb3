// Noise as the node uses it: libp2p's Noise with its cipher replaced, one per-message cost
// removed, and each connection's writes coalesced (coalesced-writes.ts).
//
// The cipher. Noise seals every frame with ChaCha20-Poly1305, by default in WebAssembly below
// 1,200 bytes and with `node:crypto` above. Measured per seal on this machine (2-core EPYC VM,
// Node 24): the WebAssembly cipher costs about 25 ns a byte; `node:crypto` about 10 µs a call
// (a cipher object each time) plus 1-2 ns a byte; libsodium (`sodium-native`, one call, no
// object) 1.3 µs for 300 bytes, 3.1 µs for 2,000 and 14 µs for 16,000. Consensus frames are
// mostly a few hundred bytes, so `sodiumCrypto` seals and opens every size with libsodium.
// (It also avoids a TypeError that Node builds and drops on each call given raw key bytes.)
//
// The decoder. Under load (3-node Raft mesh, 64 clients, `perf record` with
// `--perf-basic-prof`) the encrypted stream's length decoder threw a RangeError whenever fewer
// than 2 bytes of the next frame's length were buffered, which is the end of every inbound TCP
// chunk; the decoder catches it and waits for more (about 3.4 % of the leader's main thread).
// `quietLengthDecoder` reports "not enough bytes" as a zero length instead: the decoder then
// sees that the 2-byte prefix is not all there and waits, as it does after the throw.

import sodium from 'sodium-native'
import { noise } from '@chainsafe/libp2p-noise'
import { defaultCrypto } from '@chainsafe/libp2p-noise/crypto'
import type { ICryptoInterface } from '@chainsafe/libp2p-noise'
import type { ConnectionEncrypter, MessageStream } from '@libp2p/interface'
import { coalesceWrites } from './coalesced-writes.js'

const TAG_BYTES = sodium.crypto_aead_chacha20poly1305_ietf_ABYTES

export const quietDecoderStats = { hooked: 0, notHooked: 0 }

/** What Noise hands over: one array, or a list of them (`Uint8ArrayList`) when a frame spans chunks. */
type Bytes = Uint8Array | { readonly length: number, getUint16: (offset: number) => number, subarray: () => Uint8Array }

/** Noise's 2-byte big-endian frame length, 0 (never a throw) while the prefix is incomplete. */
export function quietLengthDecoder (data: Bytes): number {
  if (data.length < 2) return 0
  if (data instanceof Uint8Array) return (data[0]! << 8) | data[1]!
  return data.getUint16(0)
}

const contiguous = (data: Bytes): Uint8Array => data instanceof Uint8Array ? data : data.subarray()

function seal (plaintext: Uint8Array, nonce: Uint8Array, ad: Uint8Array, k: Uint8Array): Buffer {
  const sealed = Buffer.allocUnsafe(plaintext.byteLength + TAG_BYTES)
  sodium.crypto_aead_chacha20poly1305_ietf_encrypt(sealed, plaintext, ad, null, nonce, k)
  return sealed
}

function open (ciphertext: Uint8Array, nonce: Uint8Array, ad: Uint8Array, k: Uint8Array, dst?: Uint8Array): Uint8Array {
  if (ciphertext.byteLength < TAG_BYTES) throw new Error('Invalid chacha20poly1305 decryption')
  const length = ciphertext.byteLength - TAG_BYTES
  // Decoded messages keep views of the plaintext, so it gets its own memory, never a slice of
  // Buffer's shared pool (a kept view would pin the whole pool). Noise usually opens in place.
  const opened = dst !== undefined && dst.byteLength >= length ? dst.subarray(0, length) : Buffer.allocUnsafeSlow(length)
  sodium.crypto_aead_chacha20poly1305_ietf_decrypt(opened, null, ciphertext, ad, nonce, k) // throws on a wrong tag
  return opened
}

// Noise's wrapCrypto takes these functions off the object, so none of them may use `this`.
export const sodiumCrypto: ICryptoInterface = {
  ...defaultCrypto,
  chaCha20Poly1305Encrypt: (plaintext, nonce, ad, k) => seal(contiguous(plaintext), nonce, ad, k),
  chaCha20Poly1305Decrypt: (ciphertext, nonce, ad, k, dst) => open(contiguous(ciphertext), nonce, ad, k, dst)
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

/** The node's connection encrypter: Noise with libsodium's cipher, coalesced writes and the quiet decoder. */
export function tunedNoise (): (components: Parameters<ReturnType<typeof noise>>[0]) => ConnectionEncrypter {
  return hookedEncrypter(noise({ crypto: sodiumCrypto }), { raw: coalesceWrites, secured: quietenDecoder })
}
