// A node's identity is its libp2p ed25519 key. It is created once, kept in the
// data directory, and never silently replaced: a validator whose peer id
// changed would no longer match the genesis validator set.
import { randomUUID } from 'node:crypto'
import { constants } from 'node:fs'
import { link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf, publicKeyFromProtobuf, publicKeyToProtobuf } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey, peerIdFromPublicKey } from '@libp2p/peer-id'
import type { Ed25519PrivateKey, PeerId, PublicKey } from '@libp2p/interface'

/** Protobuf-marshalled private key (the libp2p key format), mode 0600. */
export const KEY_FILE = 'node.key'
/** Public half for building a genesis: `{ peerId, publicKey, keyType }`, mode 0644. */
export const PUBLIC_FILE = 'node.pub.json'

export type IdentityErrorCode =
  | 'IDENTITY_NOT_FOUND' // neither a key file nor a public file in the directory
  | 'IDENTITY_UNREADABLE' // the file exists but cannot be read (permissions, a directory, ...)
  | 'IDENTITY_CORRUPT' // the bytes are not a libp2p key, or the public file contradicts itself
  | 'IDENTITY_WRONG_TYPE' // a valid libp2p key, but not ed25519
  | 'IDENTITY_INSECURE_MODE' // group- or world-accessible key file
  | 'IDENTITY_EXISTS' // keygen would overwrite an existing key

/** A failure that stops a node from starting; `path` names the file to look at. */
export class IdentityError extends Error {
  override readonly name = 'IdentityError'
  constructor (readonly code: IdentityErrorCode, readonly path: string, message: string, options?: { cause?: unknown }) {
    super(`${message}: ${path}`, options)
  }
}

export interface NodeIdentity {
  privateKey: Ed25519PrivateKey
  peerId: PeerId
  /** True when this call generated the key (first start of a fresh data directory). */
  created: boolean
}

/** What a genesis file needs to know about a validator. */
export interface PublicIdentity {
  peerId: string
  /** base64 (RFC 4648, padded) of the protobuf-marshalled libp2p public key. */
  publicKey: string
  keyType: 'Ed25519'
}

export interface LoadIdentityOptions {
  /**
   * A key file readable by group or others is refused by default, as ssh does: the
   * key signs consensus messages. `true` downgrades the refusal to a warning.
   */
  allowInsecureMode?: boolean
  /** Receives the warning when `allowInsecureMode` lets an insecure file through. */
  warn?: (message: string) => void
}

/**
 * Reads `<dataDir>/node.key`, or creates it (and the directory, mode 0700) when
 * absent. Any other problem with an existing file is an IdentityError: starting
 * under a fresh identity would be worse than not starting.
 */
export async function loadOrCreateIdentity (dataDir: string, options: LoadIdentityOptions = {}): Promise<NodeIdentity> {
  const path = join(dataDir, KEY_FILE)
  const existing = await readKeyFile(path, options)
  if (existing != null) return { ...existing, created: false }

  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  const privateKey = await generateKeyPair('Ed25519')
  const won = await writeFileAtomic(path, privateKeyToProtobuf(privateKey), 0o600, { overwrite: false })
  if (!won) {
    // Another process created the key between our read and our write: use theirs,
    // so both end up with the same peer id.
    const theirs = await readKeyFile(path, options)
    if (theirs == null) throw new IdentityError('IDENTITY_UNREADABLE', path, 'key file vanished while being created')
    return { ...theirs, created: false }
  }
  return { privateKey, peerId: peerIdFromPrivateKey(privateKey), created: true }
}

/**
 * `blackhole keygen --out DIR`: a new key in DIR/node.key (0600) and its public half
 * in DIR/node.pub.json (0644). Refuses to replace an existing key.
 */
export async function writeIdentity (dir: string): Promise<PublicIdentity & { keyPath: string, publicPath: string }> {
  const keyPath = join(dir, KEY_FILE)
  const publicPath = join(dir, PUBLIC_FILE)
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const privateKey = await generateKeyPair('Ed25519')
  const won = await writeFileAtomic(keyPath, privateKeyToProtobuf(privateKey), 0o600, { overwrite: false })
  if (!won) throw new IdentityError('IDENTITY_EXISTS', keyPath, 'refusing to overwrite an existing identity')
  const identity = publicIdentityOf(privateKey)
  await writeFileAtomic(publicPath, new TextEncoder().encode(JSON.stringify(identity, null, 2) + '\n'), 0o644, { overwrite: true })
  return { ...identity, keyPath, publicPath }
}

/**
 * The public identity in `dir`, for `blackhole genesis --keys DIR...`. DIR may be a
 * keygen output (node.pub.json) or a node's data directory (only node.key); when
 * both files exist they must agree.
 */
export async function readPublicIdentity (dir: string): Promise<PublicIdentity> {
  const keyPath = join(dir, KEY_FILE)
  const publicPath = join(dir, PUBLIC_FILE)
  const fromPublic = await readPublicFile(publicPath)
  // Only the public half is needed here, so the key file's mode is not policed.
  const fromKey = await readKeyFile(keyPath, { allowInsecureMode: true, warn: () => {} })
  if (fromKey != null) {
    const derived = publicIdentityOf(fromKey.privateKey)
    if (fromPublic != null && fromPublic.peerId !== derived.peerId) {
      throw new IdentityError('IDENTITY_CORRUPT', publicPath, `public file names ${fromPublic.peerId} but ${KEY_FILE} is ${derived.peerId}`)
    }
    return derived
  }
  if (fromPublic != null) return fromPublic
  throw new IdentityError('IDENTITY_NOT_FOUND', dir, `no ${KEY_FILE} or ${PUBLIC_FILE} in directory`)
}

/** Inverse of PublicIdentity.publicKey, for verifying signatures of genesis validators. */
export function decodePublicKey (base64: string): PublicKey {
  return publicKeyFromProtobuf(Buffer.from(base64, 'base64'))
}

export function publicIdentityOf (privateKey: Ed25519PrivateKey): PublicIdentity {
  return {
    peerId: peerIdFromPrivateKey(privateKey).toString(),
    publicKey: Buffer.from(publicKeyToProtobuf(privateKey.publicKey)).toString('base64'),
    keyType: 'Ed25519'
  }
}

async function readKeyFile (path: string, options: LoadIdentityOptions): Promise<Omit<NodeIdentity, 'created'> | undefined> {
  let bytes: Uint8Array
  try {
    const info = await stat(path)
    if (!info.isFile()) throw new IdentityError('IDENTITY_UNREADABLE', path, 'key path is not a regular file')
    // Mode bits mean nothing on Windows.
    if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
      const mode = (info.mode & 0o777).toString(8).padStart(4, '0')
      const message = `key file mode ${mode} lets group or others read it (chmod 600 to fix)`
      if (options.allowInsecureMode !== true) throw new IdentityError('IDENTITY_INSECURE_MODE', path, message)
      ;(options.warn ?? ((m: string) => process.emitWarning(m)))(`${message}: ${path}`)
    }
    bytes = await readFile(path)
  } catch (err) {
    if (err instanceof IdentityError) throw err
    if (isErrno(err, 'ENOENT')) return undefined
    throw new IdentityError('IDENTITY_UNREADABLE', path, `cannot read key file (${errnoCode(err)})`, { cause: err })
  }
  let key
  try {
    key = privateKeyFromProtobuf(bytes)
  } catch (err) {
    throw new IdentityError('IDENTITY_CORRUPT', path, 'key file is not a protobuf-marshalled libp2p private key', { cause: err })
  }
  if (key.type !== 'Ed25519') throw new IdentityError('IDENTITY_WRONG_TYPE', path, `key is ${key.type}, expected Ed25519`)
  return { privateKey: key, peerId: peerIdFromPrivateKey(key) }
}

async function readPublicFile (path: string): Promise<PublicIdentity | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return undefined
    throw new IdentityError('IDENTITY_UNREADABLE', path, `cannot read public identity (${errnoCode(err)})`, { cause: err })
  }
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed !== 'object' || parsed == null) throw new Error('not an object')
    const { peerId, publicKey } = parsed as Record<string, unknown>
    if (typeof peerId !== 'string' || typeof publicKey !== 'string') throw new Error('peerId and publicKey must be strings')
    const key = decodePublicKey(publicKey)
    if (key.type !== 'Ed25519') throw new Error(`key is ${key.type}, expected Ed25519`)
    // The peer id is derived from the key; a file where they disagree was edited by hand.
    const derived = peerIdFromPublicKey(key).toString()
    if (derived !== peerId) throw new Error(`peerId ${peerId} does not match publicKey (${derived})`)
    return { peerId, publicKey, keyType: 'Ed25519' }
  } catch (err) {
    throw new IdentityError('IDENTITY_CORRUPT', path, `invalid public identity (${err instanceof Error ? err.message : String(err)})`, { cause: err })
  }
}

/**
 * Writes via a temporary file, fsyncs it, then moves it into place, so a crash
 * never leaves a half-written key. Without `overwrite` the move is a hard link,
 * which fails if the target exists: the result says whether we created it.
 */
async function writeFileAtomic (path: string, bytes: Uint8Array, mode: number, { overwrite }: { overwrite: boolean }): Promise<boolean> {
  const tmp = `${path}.tmp-${process.pid}-${randomUUID()}`
  const handle = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode)
  try {
    // open()'s mode is filtered by the umask; set it explicitly.
    await handle.chmod(mode)
    await handle.writeFile(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
  let created = true
  try {
    if (overwrite) {
      await rename(tmp, path)
    } else {
      try {
        await link(tmp, path)
      } catch (err) {
        if (!isErrno(err, 'EEXIST')) throw err
        created = false
      }
    }
  } finally {
    if (!overwrite) await unlink(tmp).catch(() => {})
  }
  await syncDirectory(path)
  return created
}

async function syncDirectory (path: string): Promise<void> {
  const dir = dirname(path)
  // fsync on a directory makes the new entry durable; not all platforms allow it.
  const handle = await open(dir, constants.O_RDONLY).catch(() => undefined)
  if (handle == null) return
  try {
    await handle.sync().catch(() => {})
  } finally {
    await handle.close()
  }
}

function isErrno (err: unknown, code: string): boolean {
  return err instanceof Error && (err as NodeJS.ErrnoException).code === code
}

function errnoCode (err: unknown): string {
  return err instanceof Error ? ((err as NodeJS.ErrnoException).code ?? err.message) : String(err)
}
