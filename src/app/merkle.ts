// The Merkle tree hash of RFC 6962 §2.1 (Certificate Transparency) over SHA-256. A batch
// carries the root of its requests: every replica recomputes it before applying the batch,
// and an inclusion proof shows that one request is in a batch without the rest of it.
//
// Leaves and inner nodes hash under different prefixes (0x00, 0x01), so an inner node can
// never pass for a leaf (the second-preimage attack on unprefixed trees). A level with an
// odd count carries its last node up unchanged: bottom up, that is exactly RFC 6962's split
// at the largest power of two below n. Nothing is duplicated, unlike Bitcoin's tree, where
// a duplicated last node lets two different lists share a root (CVE-2012-2459).

import { hash } from 'node:crypto'
import { bytesEqual } from './bytes.js'

export const HASH_BYTES = 32

const LEAF_PREFIX = 0x00
const NODE_PREFIX = 0x01

function sha256(input: Uint8Array): Uint8Array {
  const digest = hash('sha256', input, 'buffer')
  // A plain Uint8Array view, so roots compare with deepEqual against decoded ones.
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength)
}

/** MTH({d}) = SHA-256(0x00 || d). */
export function leafHash(leaf: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + leaf.length)
  input[0] = LEAF_PREFIX
  input.set(leaf, 1)
  return sha256(input)
}

/** SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + left.length + right.length)
  input[0] = NODE_PREFIX
  input.set(left, 1)
  input.set(right, 1 + left.length)
  return sha256(input)
}

/** The root over `leaves` in order; the empty tree's root is SHA-256 of nothing. */
export function merkleRoot(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256(new Uint8Array(0))
  let level = leaves.map(leafHash)
  while (level.length > 1) level = parentLevel(level)
  return level[0]!
}

function parentLevel(level: readonly Uint8Array[]): Uint8Array[] {
  const parents: Uint8Array[] = []
  for (let i = 0; i + 1 < level.length; i += 2) parents.push(nodeHash(level[i]!, level[i + 1]!))
  if (level.length % 2 === 1) parents.push(level[level.length - 1]!)
  return parents
}

/**
 * The audit path of leaf `index` (RFC 6962 §2.1.1 PATH): sibling hashes from the leaf up.
 * Undefined when `index` is not a leaf of the tree.
 */
export function inclusionProof(leaves: readonly Uint8Array[], index: number): Uint8Array[] | undefined {
  if (!Number.isSafeInteger(index) || index < 0 || index >= leaves.length) return undefined
  const path: Uint8Array[] = []
  let level = leaves.map(leafHash)
  let position = index
  while (level.length > 1) {
    const sibling = position % 2 === 1 ? position - 1 : position + 1
    // The last node of an odd level has no sibling: it goes up unchanged, adding nothing.
    if (sibling < level.length) path.push(level[sibling]!)
    level = parentLevel(level)
    position = Math.floor(position / 2)
  }
  return path
}

/**
 * Whether `proof` shows `leaf` at `index` in a tree of `size` leaves with this `root`: the
 * verification algorithm of RFC 9162 §2.1.3.2 (RFC 6962's successor), which also rejects a
 * path of the wrong length.
 */
export function verifyInclusion(root: Uint8Array, leaf: Uint8Array, index: number, size: number, proof: readonly Uint8Array[]): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false
  // Sizes stay below 2^53; halving by division keeps them exact where `>>` would wrap at 2^31.
  let fn = index
  let sn = size - 1
  let computed = leafHash(leaf)
  for (const sibling of proof) {
    if (sibling.length !== HASH_BYTES || sn === 0) return false
    if (fn % 2 === 1 || fn === sn) {
      computed = nodeHash(sibling, computed)
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2
        sn = Math.floor(sn / 2)
      }
    } else {
      computed = nodeHash(computed, sibling)
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  return sn === 0 && bytesEqual(computed, root)
}
