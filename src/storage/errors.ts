// The errors that leave the storage layer: classes with a `code` (STYLE.md), so a host can
// switch on the code instead of parsing messages. Each says what the host must do about it.

export type StorageErrorCode =
  | 'STORAGE_CORRUPT'
  | 'STORAGE_OPEN_FAILED'
  | 'STORAGE_WRITE_FAILED'
  | 'STORAGE_CLOSED'
  | 'INVALID_RECORD'
  | 'UNSUPPORTED_FORMAT'
  | 'SNAPSHOT_TRANSFER'

export abstract class StorageError extends Error {
  abstract readonly code: StorageErrorCode
}

/** What was found damaged. */
export type CorruptPart = 'format' | 'hardState' | 'snapshotMarker' | 'snapshotFile' | 'record'

/**
 * State the node cannot run without failed its checksum or could not be decoded. The store
 * refuses to start: voting with a damaged term or vote, or rebuilding from a damaged snapshot
 * marker, could break Raft's safety, which is worse than a node that stays down.
 */
export class StorageCorruptError extends StorageError {
  readonly code = 'STORAGE_CORRUPT'
  constructor (readonly part: CorruptPart, readonly location: string, readonly detail: string) {
    super(`storage corrupt: ${part} at ${location}: ${detail}`)
    this.name = 'StorageCorruptError'
  }
}

/**
 * A synced write failed. The store stops accepting writes: its view of the log is now ahead of
 * the disk and nothing written after it could be trusted (etcd stops the same way). The host
 * restarts the node, which recovers from exactly what is on disk.
 */
export class StorageWriteError extends StorageError {
  readonly code = 'STORAGE_WRITE_FAILED'
  constructor (readonly reason: unknown) {
    super(`storage write failed: ${reason instanceof Error ? reason.message : String(reason)}`, { cause: reason })
    this.name = 'StorageWriteError'
  }
}

export class StorageClosedError extends StorageError {
  readonly code = 'STORAGE_CLOSED'
  constructor () {
    super('storage is closed')
    this.name = 'StorageClosedError'
  }
}

/** A record the replay rules cannot apply (an entries record that would leave a gap). Nothing of it was written. */
export class InvalidRecordError extends StorageError {
  readonly code = 'INVALID_RECORD'
  constructor (readonly detail: string) {
    super(`invalid record: ${detail}`)
    this.name = 'InvalidRecordError'
  }
}

/** The data directory was written by a format this code does not know. */
export class UnsupportedFormatError extends StorageError {
  readonly code = 'UNSUPPORTED_FORMAT'
  constructor (readonly location: string, readonly found: number, readonly supported: number) {
    super(`unsupported storage format ${found} at ${location} (this build reads ${supported})`)
    this.name = 'UnsupportedFormatError'
  }
}

export type SnapshotTransferProblem =
  /** A chunk falls outside the announced size. */
  | 'out-of-range'
  /** The received file does not describe the snapshot that was announced (index, term, meta, size). */
  | 'mismatch'
  /** The received bytes fail the file's checksum: a chunk was lost, duplicated wrongly or damaged. */
  | 'bad-checksum'
  /** The receiver was already committed or aborted. */
  | 'finished'

export class SnapshotTransferError extends StorageError {
  readonly code = 'SNAPSHOT_TRANSFER'
  constructor (readonly problem: SnapshotTransferProblem, readonly detail: string) {
    super(`snapshot transfer: ${problem}: ${detail}`)
    this.name = 'SnapshotTransferError'
  }
}

/** The database could not be opened; `locked` when another process (or this one) holds it. */
export class StorageOpenError extends StorageError {
  readonly code = 'STORAGE_OPEN_FAILED'
  readonly locked: boolean
  constructor (readonly location: string, readonly reason: unknown) {
    super(`cannot open storage at ${location}: ${reason instanceof Error ? reason.message : String(reason)}`, { cause: reason })
    this.name = 'StorageOpenError'
    this.locked = isLockedError(reason)
  }
}

function isLockedError (reason: unknown): boolean {
  // abstract-level wraps LevelDB's lock failure: LEVEL_DATABASE_NOT_OPEN caused by LEVEL_LOCKED.
  const cause = reason instanceof Error ? reason.cause : undefined
  return typeof cause === 'object' && cause !== null && 'code' in cause && cause.code === 'LEVEL_LOCKED'
}
