// The app's snapshots, one file each: <dataDir>/snapshots/<index>-<term>.snap.
//
// File layout (big-endian):
//   0        magic 'BHSN', format version (1 byte)
//   5        index (u64), term (u64)
//   21       meta length (u32), meta bytes  (the core's snapshot metadata: term, membership)
//   25 + m   data length (u64)
//   33 + m   crc32 of every byte before it and of the data
//   37 + m   data
// A file is self-checking, so the same bytes serve as the transfer unit: a leader streams the
// file in chunks (openReader) and the follower writes them into a temp file (beginReceive) and
// checks the checksum before the snapshot exists for it at all.
//
// A snapshot is written to a temp file, fsynced, renamed into place and the directory fsynced:
// after a crash the file is either all there under its name or not there. The newest `keep`
// (2) are kept: the core may still ask to send the one it last reported while a newer one is
// being taken (raft/core.ts, "what a host must do").

import { createHash, type Hash, randomBytes } from 'node:crypto'
import { mkdir, open, readFile, readdir, rename, rm, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { crc32 } from 'node:zlib'
import { SnapshotTransferError, StorageCorruptError } from './errors.js'

const MAGIC = Uint8Array.of(0x42, 0x48, 0x53, 0x4e) // 'BHSN'
const FORMAT_VERSION = 1
const FIXED_HEADER = 37
const MAX_U32 = 0xffff_ffff
/** Bytes read at a time when checking a file's checksum without loading it whole. */
const VERIFY_CHUNK = 1 << 20
const SNAPSHOT_NAME = /^(\d+)-(\d+)\.snap$/
const TEMP_PREFIX = '.tmp-'

export interface SnapshotInfo {
  readonly index: number
  readonly term: number
  readonly meta: Uint8Array
  /** Length of the app data. */
  readonly dataSize: number
  /** Length of the whole file: what a transfer moves. */
  readonly fileSize: number
}

export interface StoredSnapshot {
  readonly index: number
  readonly term: number
  readonly meta: Uint8Array
  readonly data: Uint8Array
}

/** Reads a stored snapshot file in chunks, to send it to a peer. */
export interface SnapshotReader {
  readonly index: number
  readonly term: number
  readonly meta: Uint8Array
  /** Bytes in the file: the `totalSize` the receiver announces to beginReceive. */
  readonly size: number
  /** Up to `length` bytes at `offset` (shorter at the end of the file). */
  readChunk (offset: number, length: number): Promise<Uint8Array>
  close (): Promise<void>
}

/** Collects a snapshot file sent in chunks; it becomes a stored snapshot only at commit. */
export interface SnapshotReceiver {
  /** Chunks may come in any order; a repeated chunk overwrites the same bytes. */
  writeChunk (offset: number, bytes: Uint8Array): Promise<void>
  /** Checks the file against what was announced and its checksum, then stores it durably. */
  commit (): Promise<SnapshotInfo>
  /** Drops what was received. */
  abort (): Promise<void>
}

export type SnapshotWarning =
  { readonly kind: 'corrupt-snapshot-skipped'; readonly file: string; readonly reason: string }

export interface SnapshotStoreOptions {
  readonly warn?: (message: string, warning: SnapshotWarning) => void
  /** How many snapshots to keep, newest first; at least 1. Default 2. */
  readonly keep?: number
}

export interface SnapshotFile {
  readonly index: number
  readonly term: number
  readonly file: string
}

interface Header {
  readonly index: number
  readonly term: number
  readonly meta: Uint8Array
  readonly dataSize: number
  readonly crc: number
  /** Where the data starts; also the number of header bytes the checksum covers, plus 4. */
  readonly dataOffset: number
}

export class SnapshotStore {
  private readonly keep: number
  private tempCounter = 0

  private constructor (readonly directory: string, private readonly options: SnapshotStoreOptions) {
    this.keep = Math.max(1, options.keep ?? 2)
  }

  /** Opens `<dataDir>/snapshots/`, creating it, and removes temp files a crash left behind. */
  static async open (dataDir: string, options: SnapshotStoreOptions = {}): Promise<SnapshotStore> {
    const directory = path.join(dataDir, 'snapshots')
    await mkdir(directory, { recursive: true })
    await syncDirectory(dataDir)
    for (const file of await readdir(directory)) {
      if (file.startsWith(TEMP_PREFIX)) await rm(path.join(directory, file), { force: true })
    }
    return new SnapshotStore(directory, options)
  }

  /** Stores a snapshot durably (resolves after the rename is fsynced) and prunes old ones. */
  async save (index: number, term: number, meta: Uint8Array, data: Uint8Array): Promise<SnapshotInfo> {
    const header = encodeHeader(index, term, meta, data)
    const temp = this.tempFile()
    try {
      await withHandle(await open(temp, 'wx'), async (handle) => {
        await writeAll(handle, header, 0)
        await writeAll(handle, data, header.length)
        await handle.sync()
      })
    } catch (error) {
      // A full disk or an I/O error: leave no half file behind (open() would remove it anyway).
      await rm(temp, { force: true })
      throw error
    }
    await this.install(temp, index, term)
    return { index, term, meta, dataSize: data.length, fileSize: header.length + data.length }
  }

  /** The newest snapshot whose file checks out; damaged files are skipped with a warning. */
  async latest (): Promise<StoredSnapshot | undefined> {
    for (const name of await this.list()) {
      try {
        return await readSnapshotFile(path.join(this.directory, name.file))
      } catch (error) {
        if (!(error instanceof StorageCorruptError)) throw error
        this.options.warn?.(`snapshot store: skipping ${name.file}: ${error.detail}`, { kind: 'corrupt-snapshot-skipped', file: name.file, reason: error.detail })
      }
    }
    return undefined
  }

  /** The snapshot at `index` (the newest term if there are several); StorageCorruptError if its file is damaged. */
  async read (index: number): Promise<StoredSnapshot | undefined> {
    const name = (await this.list()).find(candidate => candidate.index === index)
    return name === undefined ? undefined : await readSnapshotFile(path.join(this.directory, name.file))
  }

  /** Snapshots on disk by name, newest first (their contents unchecked). */
  async list (): Promise<SnapshotFile[]> {
    const names: SnapshotFile[] = []
    for (const file of await readdir(this.directory)) {
      const match = SNAPSHOT_NAME.exec(file)
      if (match === null) continue
      names.push({ index: Number(match[1]), term: Number(match[2]), file })
    }
    return names.sort((a, b) => b.index - a.index || b.term - a.term)
  }

  /**
   * A chunked reader over the file of the snapshot at `index`, for sending it. Only the header
   * is checked here; the receiver checks the whole file (commit).
   */
  async openReader (index: number): Promise<SnapshotReader | undefined> {
    const name = (await this.list()).find(candidate => candidate.index === index)
    if (name === undefined) return undefined
    const file = path.join(this.directory, name.file)
    const handle = await open(file, 'r')
    try {
      const size = (await handle.stat()).size
      const header = await readHeader(handle, size, file)
      let closed = false
      return {
        index: header.index,
        term: header.term,
        meta: header.meta,
        size,
        async readChunk (offset: number, length: number): Promise<Uint8Array> {
          if (closed) throw new SnapshotTransferError('finished', 'reader is closed')
          if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset > size) {
            throw new SnapshotTransferError('out-of-range', `chunk ${offset}+${length} of a ${size}-byte file`)
          }
          const chunk = new Uint8Array(Math.min(length, size - offset))
          await readAll(handle, chunk, offset, file)
          return chunk
        },
        async close (): Promise<void> {
          if (closed) return
          closed = true
          await handle.close()
        }
      }
    } catch (error) {
      await handle.close()
      throw error
    }
  }

  /**
   * Starts receiving the file of snapshot (index, term, meta), `totalSize` bytes long. With
   * `dataSha256`, the file is stored only if its app data hashes to it (a snapshot a quorum
   * certified, PBFT): a sender cannot plant other state.
   */
  async beginReceive (index: number, term: number, meta: Uint8Array, totalSize: number, dataSha256?: Uint8Array): Promise<SnapshotReceiver> {
    if (!Number.isSafeInteger(totalSize) || totalSize < FIXED_HEADER + meta.length) {
      throw new SnapshotTransferError('mismatch', `${totalSize} bytes cannot hold a snapshot with ${meta.length} bytes of meta`)
    }
    const temp = this.tempFile()
    const handle = await open(temp, 'wx+')
    let finished = false
    const finish = async (): Promise<void> => {
      finished = true
      await handle.close()
    }
    const discard = async (): Promise<void> => {
      if (!finished) await finish()
      await rm(temp, { force: true })
    }
    return {
      writeChunk: async (offset: number, bytes: Uint8Array): Promise<void> => {
        if (finished) throw new SnapshotTransferError('finished', 'receiver already committed or aborted')
        if (!Number.isSafeInteger(offset) || offset < 0 || offset + bytes.length > totalSize) {
          throw new SnapshotTransferError('out-of-range', `chunk ${offset}+${bytes.length} of a ${totalSize}-byte file`)
        }
        await writeAll(handle, bytes, offset)
      },
      commit: async (): Promise<SnapshotInfo> => {
        if (finished) throw new SnapshotTransferError('finished', 'receiver already committed or aborted')
        try {
          const size = (await handle.stat()).size
          if (size !== totalSize) throw new SnapshotTransferError('mismatch', `received ${size} of ${totalSize} bytes`)
          const dataHash = dataSha256 === undefined ? undefined : createHash('sha256')
          const header = await verifyFile(handle, size, temp, dataHash)
          if (header.index !== index || header.term !== term || !bytesEqual(header.meta, meta)) {
            throw new SnapshotTransferError('mismatch', `file holds ${header.index}-${header.term}, announced ${index}-${term}`)
          }
          if (dataHash !== undefined && dataSha256 !== undefined && !bytesEqual(dataHash.digest(), dataSha256)) {
            throw new SnapshotTransferError('bad-checksum', `snapshot ${index}: its data does not hash to the certified digest`)
          }
          await handle.sync()
          await finish()
        } catch (error) {
          await discard()
          if (error instanceof StorageCorruptError) throw new SnapshotTransferError('bad-checksum', error.detail)
          throw error
        }
        await this.install(temp, index, term)
        return { index, term, meta, dataSize: totalSize - FIXED_HEADER - meta.length, fileSize: totalSize }
      },
      abort: discard
    }
  }

  /** Renames a complete, fsynced temp file into place, makes the rename durable, prunes. */
  private async install (temp: string, index: number, term: number): Promise<void> {
    await rename(temp, path.join(this.directory, `${index}-${term}.snap`))
    await syncDirectory(this.directory)
    await this.prune()
  }

  private async prune (): Promise<void> {
    const names = await this.list()
    // An open reader keeps its file readable after the unlink (POSIX), so a transfer in progress survives.
    for (const name of names.slice(this.keep)) await rm(path.join(this.directory, name.file), { force: true })
  }

  private tempFile (): string {
    return path.join(this.directory, `${TEMP_PREFIX}${process.pid}-${this.tempCounter++}-${randomBytes(4).toString('hex')}`)
  }
}

function encodeHeader (index: number, term: number, meta: Uint8Array, data: Uint8Array): Uint8Array {
  for (const [what, value] of [['index', index], ['term', term]] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`snapshot ${what} ${value} is not a non-negative integer`)
  }
  if (meta.length > MAX_U32) throw new RangeError('snapshot meta too large')
  const header = new Uint8Array(FIXED_HEADER + meta.length)
  const view = new DataView(header.buffer)
  header.set(MAGIC, 0)
  header[4] = FORMAT_VERSION
  view.setBigUint64(5, BigInt(index))
  view.setBigUint64(13, BigInt(term))
  view.setUint32(21, meta.length)
  header.set(meta, 25)
  view.setBigUint64(25 + meta.length, BigInt(data.length))
  view.setUint32(33 + meta.length, crc32(data, crc32(header.subarray(0, 33 + meta.length))))
  return header
}

/**
 * Parses a header from the first bytes of a file of `size` bytes. StorageCorruptError when it is
 * not the header of a whole snapshot file; `prefix` may be short only when the file is.
 */
function parseHeader (prefix: Uint8Array, size: number, file: string): Header {
  const corrupt = (detail: string): StorageCorruptError => new StorageCorruptError('snapshotFile', file, detail)
  if (size < FIXED_HEADER || prefix.length < 25) throw corrupt(`${size} bytes is shorter than a header`)
  if (!bytesEqual(prefix.subarray(0, 4), MAGIC)) throw corrupt('bad magic')
  if (prefix[4] !== FORMAT_VERSION) throw corrupt(`unknown format ${prefix[4]}`)
  const view = new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength)
  const index = Number(view.getBigUint64(5))
  const term = Number(view.getBigUint64(13))
  const metaLength = view.getUint32(21)
  const dataOffset = FIXED_HEADER + metaLength
  if (dataOffset > size || dataOffset > prefix.length) throw corrupt('meta length beyond the file')
  const dataSize = Number(view.getBigUint64(25 + metaLength))
  if (dataOffset + dataSize !== size) throw corrupt(`file is ${size} bytes, header says ${dataOffset + dataSize}`)
  return { index, term, meta: new Uint8Array(prefix.subarray(25, 25 + metaLength)), dataSize, crc: view.getUint32(33 + metaLength), dataOffset }
}

async function readHeader (handle: FileHandle, size: number, file: string): Promise<Header> {
  const fixed = new Uint8Array(Math.min(25, size))
  await readAll(handle, fixed, 0, file)
  if (fixed.length < 25) return parseHeader(fixed, size, file)
  const metaLength = new DataView(fixed.buffer).getUint32(21)
  const prefix = new Uint8Array(Math.min(FIXED_HEADER + metaLength, size))
  await readAll(handle, prefix, 0, file)
  return parseHeader(prefix, size, file)
}

/** Checks a whole file's checksum, reading it in chunks (feeding the data to `dataHash` too); returns its header. */
async function verifyFile (handle: FileHandle, size: number, file: string, dataHash?: Hash): Promise<Header> {
  const header = await readHeader(handle, size, file)
  const covered = new Uint8Array(header.dataOffset - 4)
  await readAll(handle, covered, 0, file)
  let crc = crc32(covered)
  const chunk = new Uint8Array(Math.min(VERIFY_CHUNK, Math.max(1, header.dataSize)))
  for (let offset = header.dataOffset; offset < size; offset += chunk.length) {
    const part = chunk.subarray(0, Math.min(chunk.length, size - offset))
    await readAll(handle, part, offset, file)
    crc = crc32(part, crc)
    dataHash?.update(part)
  }
  if (crc !== header.crc) throw new StorageCorruptError('snapshotFile', file, 'checksum mismatch')
  return header
}

async function readSnapshotFile (file: string): Promise<StoredSnapshot> {
  // The app restores from the whole snapshot anyway: read it once and check it in memory.
  const bytes = await readFile(file)
  const header = parseHeader(bytes, bytes.length, file)
  const data = new Uint8Array(bytes.subarray(header.dataOffset))
  if (crc32(data, crc32(bytes.subarray(0, header.dataOffset - 4))) !== header.crc) {
    throw new StorageCorruptError('snapshotFile', file, 'checksum mismatch')
  }
  return { index: header.index, term: header.term, meta: header.meta, data }
}

async function withHandle<T> (handle: FileHandle, use: (handle: FileHandle) => Promise<T>): Promise<T> {
  try {
    return await use(handle)
  } finally {
    await handle.close()
  }
}

async function writeAll (handle: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  let written = 0
  while (written < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, written, bytes.length - written, position + written)
    written += bytesWritten
  }
}

async function readAll (handle: FileHandle, into: Uint8Array, position: number, file: string): Promise<void> {
  let read = 0
  while (read < into.length) {
    const { bytesRead } = await handle.read(into, read, into.length - read, position + read)
    // Only a file shorter than its header says ends early: damage, or a file cut under us.
    if (bytesRead === 0) throw new StorageCorruptError('snapshotFile', file, `unexpected end of file at ${position + read}`)
    read += bytesRead
  }
}

async function syncDirectory (directory: string): Promise<void> {
  // fsync on the directory makes a rename or a new entry in it durable (POSIX leaves it to the caller).
  await withHandle(await open(directory, 'r'), handle => handle.sync())
}

function bytesEqual (a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
