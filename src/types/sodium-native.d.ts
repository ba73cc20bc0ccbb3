// The part of sodium-native (libsodium bindings) the node uses. The package ships no types;
// @types/sodium-native describes an older major version. Outputs are written into the first
// argument; the functions throw on bad sizes, and the AEAD decrypt throws on a wrong tag.
declare module 'sodium-native' {
  type Bytes = Uint8Array
  const sodium: {
    readonly crypto_sign_BYTES: number
    readonly crypto_sign_PUBLICKEYBYTES: number
    readonly crypto_sign_SECRETKEYBYTES: number
    readonly crypto_sign_SEEDBYTES: number
    readonly crypto_aead_chacha20poly1305_ietf_ABYTES: number
    crypto_sign_seed_keypair: (publicKey: Bytes, secretKey: Bytes, seed: Bytes) => void
    crypto_sign_detached: (signature: Bytes, message: Bytes, secretKey: Bytes) => void
    crypto_sign_verify_detached: (signature: Bytes, message: Bytes, publicKey: Bytes) => boolean
    crypto_aead_chacha20poly1305_ietf_encrypt: (ciphertext: Bytes, message: Bytes, additionalData: Bytes | null, nsec: null, nonce: Bytes, key: Bytes) => number
    crypto_aead_chacha20poly1305_ietf_decrypt: (message: Bytes, nsec: null, ciphertext: Bytes, additionalData: Bytes | null, nonce: Bytes, key: Bytes) => number
  }
  export default sodium
}
