import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { HASH_BYTES, inclusionProof, leafHash, merkleRoot, nodeHash, verifyInclusion } from './merkle.js'

/** SHA-256 of the parts, written out independently of merkle.ts. */
function sha256(...parts: Uint8Array[]): Uint8Array {
  const h = createHash('sha256')
  for (const part of parts) h.update(part)
  return new Uint8Array(h.digest())
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex')
const unhex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'hex'))
const LEAF = new Uint8Array([0x00])
const NODE = new Uint8Array([0x01])

/** RFC 6962 §2.1 as written: MTH(D[n]) = H(0x01 || MTH(D[0:k]) || MTH(D[k:n])), k the largest power of two below n. */
function referenceRoot(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256()
  if (leaves.length === 1) return sha256(LEAF, leaves[0]!)
  let k = 1
  while (k * 2 < leaves.length) k *= 2
  return sha256(NODE, referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)))
}

// The reference inputs of Certificate Transparency's Merkle tree tests (google/certificate-
// transparency, merkle_tree_test.cc), with the roots of their first n and some audit paths.
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(unhex)
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328'
]
const CT_PATHS: ReadonlyArray<{ index: number; size: number; path: string[] }> = [
  { index: 0, size: 1, path: [] },
  { index: 0, size: 8, path: ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'] },
  { index: 5, size: 8, path: ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
  { index: 2, size: 3, path: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  { index: 1, size: 5, path: ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'] }
]

const leavesArb = fc.array(fc.uint8Array({ maxLength: 12 }), { maxLength: 40 })

describe('Merkle tree (RFC 6962)', () => {
  it('small trees, derived by hand: empty, one, two and three leaves', () => {
    const [a, b, c] = [new Uint8Array([1]), new Uint8Array([2, 2]), new Uint8Array([3, 3, 3])]
    assert.deepEqual(merkleRoot([]), sha256())
    assert.equal(hex(merkleRoot([])), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    assert.deepEqual(merkleRoot([a]), sha256(LEAF, a))
    assert.deepEqual(merkleRoot([a, b]), sha256(NODE, sha256(LEAF, a), sha256(LEAF, b)))
    // Three leaves: the third is carried up unchanged, not paired with a copy of itself.
    assert.deepEqual(merkleRoot([a, b, c]), sha256(NODE, sha256(NODE, sha256(LEAF, a), sha256(LEAF, b)), sha256(LEAF, c)))
    assert.deepEqual(leafHash(a), sha256(LEAF, a))
    assert.deepEqual(nodeHash(a, b), sha256(NODE, a, b))
    assert.equal(merkleRoot([a, b, c]).length, HASH_BYTES)
  })

  it("Certificate Transparency's reference roots for 0 to 8 leaves", () => {
    for (let n = 0; n <= CT_LEAVES.length; n++) assert.equal(hex(merkleRoot(CT_LEAVES.slice(0, n))), CT_ROOTS[n], `${n} leaves`)
  })

  it("Certificate Transparency's reference audit paths, which verify", () => {
    for (const { index, size, path } of CT_PATHS) {
      const leaves = CT_LEAVES.slice(0, size)
      const proof = inclusionProof(leaves, index)
      assert.deepEqual(proof?.map(hex), path, `leaf ${index} of ${size}`)
      assert.ok(verifyInclusion(merkleRoot(leaves), leaves[index]!, index, size, proof!))
    }
  })

  it('leaves and inner nodes are domain-separated: two hashes as one leaf are not their parent', () => {
    const [a, b] = [new Uint8Array([1]), new Uint8Array([2])]
    const forged = new Uint8Array([...leafHash(a), ...leafHash(b)])
    assert.notDeepEqual(merkleRoot([forged]), merkleRoot([a, b]))
    assert.deepEqual(nodeHash(leafHash(a), leafHash(b)), merkleRoot([a, b]))
  })

  it('property: the bottom-up root is RFC 6962 MTH', () => {
    fc.assert(fc.property(leavesArb, (leaves) => {
      assert.deepEqual(merkleRoot(leaves), referenceRoot(leaves))
    }), { numRuns: 300 })
  })

  it('property: repeating the last leaf changes the root (no CVE-2012-2459 duplicate)', () => {
    fc.assert(fc.property(leavesArb.filter((l) => l.length > 0), (leaves) => {
      assert.notDeepEqual(merkleRoot([...leaves, leaves[leaves.length - 1]!]), merkleRoot(leaves))
    }), { numRuns: 200 })
  })

  // Not "only for that size": leaf 0's path is the same in trees of 3 and 4 leaves; the root binds the size.
  it('property: every leaf has a proof that verifies, and only for that leaf, position and path', () => {
    // Distinct leaves: with two equal ones, each one's proof rightly verifies at the other's place.
    const distinct = fc.uniqueArray(fc.uint8Array({ maxLength: 12 }), { minLength: 1, maxLength: 40, selector: hex })
    fc.assert(fc.property(distinct, fc.nat(), (leaves, pick) => {
      const root = merkleRoot(leaves)
      const size = leaves.length
      const index = pick % size
      const leaf = leaves[index]!
      const proof = inclusionProof(leaves, index)!
      assert.ok(verifyInclusion(root, leaf, index, size, proof))
      assert.equal(verifyInclusion(root, new Uint8Array([...leaf, 0]), index, size, proof), false, 'another leaf')
      if (size > 1) assert.equal(verifyInclusion(root, leaf, (index + 1) % size, size, proof), false, 'another position')
      assert.equal(verifyInclusion(root, leaf, index, size, [...proof, root]), false, 'a longer path')
      if (proof.length > 0) {
        assert.equal(verifyInclusion(root, leaf, index, size, proof.slice(1)), false, 'a shorter path')
        const tampered = proof.map((h) => h.slice())
        tampered[0]![0]! ^= 1
        assert.equal(verifyInclusion(root, leaf, index, size, tampered), false, 'a changed sibling')
      }
    }), { numRuns: 300 })
  })

  it('refuses indexes outside the tree', () => {
    const leaves = CT_LEAVES.slice(0, 3)
    assert.equal(inclusionProof(leaves, 3), undefined)
    assert.equal(inclusionProof(leaves, -1), undefined)
    assert.equal(inclusionProof([], 0), undefined)
    assert.equal(verifyInclusion(merkleRoot(leaves), leaves[0]!, 3, 3, []), false)
    assert.equal(verifyInclusion(merkleRoot([]), new Uint8Array(), 0, 0, []), false)
  })
})
