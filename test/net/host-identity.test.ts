import assert from 'node:assert/strict'
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateKeyPair, privateKeyToProtobuf } from '@libp2p/crypto/keys'
import { createHost } from '../../src/net/host.js'
import {
  IdentityError, KEY_FILE, PUBLIC_FILE, decodePublicKey, loadOrCreateIdentity, readPublicIdentity, writeIdentity
} from '../../src/net/identity.js'
import type { IdentityErrorCode } from '../../src/net/identity.js'

function isIdentityError (code: IdentityErrorCode, path: string) {
  return (err: unknown): boolean => {
    assert.ok(err instanceof IdentityError, `expected IdentityError, got ${String(err)}`)
    assert.equal(err.code, code)
    assert.equal(err.path, path)
    assert.ok(err.message.includes(path), `message names the file: ${err.message}`)
    return true
  }
}

describe('net/identity', () => {
  let dir: string
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'blackhole-identity-')) })
  afterEach(async () => { await rm(dir, { recursive: true, force: true }) })

  it('a node restarted on the same data directory keeps its peer id', async () => {
    const dataDir = join(dir, 'node')
    const first = await loadOrCreateIdentity(dataDir)
    assert.equal(first.created, true)
    const host1 = await createHost({ privateKey: first.privateKey })
    const peerId1 = host1.peerId.toString()
    await host1.stop()

    const second = await loadOrCreateIdentity(dataDir)
    assert.equal(second.created, false)
    const host2 = await createHost({ privateKey: second.privateKey })
    try {
      assert.equal(host2.peerId.toString(), peerId1)
      assert.equal(second.peerId.toString(), peerId1)
    } finally {
      await host2.stop()
    }
  })

  it('the key file is created with mode 0600 in a 0700 directory', async () => {
    const dataDir = join(dir, 'fresh', 'node')
    await loadOrCreateIdentity(dataDir)
    assert.equal((await stat(join(dataDir, KEY_FILE))).mode & 0o777, 0o600)
    assert.equal((await stat(dataDir)).mode & 0o777, 0o700)
  })

  it('a corrupt key file is refused with IDENTITY_CORRUPT naming the file', async () => {
    const path = join(dir, KEY_FILE)
    await writeFile(path, 'not a key', { mode: 0o600 })
    await assert.rejects(loadOrCreateIdentity(dir), isIdentityError('IDENTITY_CORRUPT', path))
    // The broken file is left for the operator, never replaced by a new identity.
    assert.equal(await readFile(path, 'utf8'), 'not a key')
  })

  it('an empty key file (crash of a non-atomic writer) is refused, not replaced', async () => {
    const path = join(dir, KEY_FILE)
    await writeFile(path, '', { mode: 0o600 })
    await assert.rejects(loadOrCreateIdentity(dir), isIdentityError('IDENTITY_CORRUPT', path))
  })

  it('a non-ed25519 key is refused with IDENTITY_WRONG_TYPE', async () => {
    const path = join(dir, KEY_FILE)
    await writeFile(path, privateKeyToProtobuf(await generateKeyPair('secp256k1')), { mode: 0o600 })
    await assert.rejects(loadOrCreateIdentity(dir), isIdentityError('IDENTITY_WRONG_TYPE', path))
  })

  it('a group-readable key file is refused unless allowInsecureMode, which warns', async function () {
    if (process.platform === 'win32') this.skip()
    const created = await loadOrCreateIdentity(dir)
    const path = join(dir, KEY_FILE)
    await chmod(path, 0o640)
    await assert.rejects(loadOrCreateIdentity(dir), isIdentityError('IDENTITY_INSECURE_MODE', path))
    const warnings: string[] = []
    const loaded = await loadOrCreateIdentity(dir, { allowInsecureMode: true, warn: m => warnings.push(m) })
    assert.equal(loaded.peerId.toString(), created.peerId.toString())
    assert.equal(warnings.length, 1)
    assert.ok(warnings[0]?.includes(path))
  })

  it('an unreadable key path is refused with IDENTITY_UNREADABLE', async () => {
    const path = join(dir, KEY_FILE)
    await mkdir(path)
    await assert.rejects(loadOrCreateIdentity(dir), isIdentityError('IDENTITY_UNREADABLE', path))
  })

  it('concurrent first starts on one directory agree on one identity', async () => {
    const results = await Promise.all([1, 2, 3, 4].map(async () => await loadOrCreateIdentity(dir)))
    assert.equal(new Set(results.map(r => r.peerId.toString())).size, 1)
    assert.equal(results.filter(r => r.created).length, 1)
  })

  it('keygen writes a key the node uses and a public file genesis reads back', async () => {
    const out = join(dir, 'validator-1')
    const written = await writeIdentity(out)
    assert.equal((await stat(written.keyPath)).mode & 0o777, 0o600)
    assert.equal(written.publicPath, join(out, PUBLIC_FILE))

    const node = await loadOrCreateIdentity(out)
    assert.equal(node.created, false)
    assert.equal(node.peerId.toString(), written.peerId)

    const pub = await readPublicIdentity(out)
    assert.deepEqual(pub, { peerId: written.peerId, publicKey: written.publicKey, keyType: 'Ed25519' })
    assert.ok(decodePublicKey(pub.publicKey).equals(node.privateKey.publicKey))

    // Without the private key (what a genesis builder is usually handed).
    await rm(written.keyPath)
    assert.deepEqual(await readPublicIdentity(out), pub)
  })

  it('keygen refuses to overwrite an existing identity', async () => {
    const first = await writeIdentity(dir)
    await assert.rejects(writeIdentity(dir), isIdentityError('IDENTITY_EXISTS', join(dir, KEY_FILE)))
    assert.equal((await loadOrCreateIdentity(dir)).peerId.toString(), first.peerId)
  })

  it('readPublicIdentity derives from a data directory holding only node.key', async () => {
    const node = await loadOrCreateIdentity(dir)
    const pub = await readPublicIdentity(dir)
    assert.equal(pub.peerId, node.peerId.toString())
  })

  it('a public file that contradicts its key, or is missing, is an error naming the path', async () => {
    await writeIdentity(dir)
    const other = await writeIdentity(join(dir, 'other'))
    const publicPath = join(dir, PUBLIC_FILE)
    const text = await readFile(publicPath, 'utf8')
    await writeFile(publicPath, text.replace(/"peerId": "[^"]+"/, `"peerId": "${other.peerId}"`))
    await assert.rejects(readPublicIdentity(dir), isIdentityError('IDENTITY_CORRUPT', publicPath))
    const empty = join(dir, 'empty')
    await mkdir(empty)
    await assert.rejects(readPublicIdentity(empty), isIdentityError('IDENTITY_NOT_FOUND', empty))
  })
})
