// The durable half of a Raft node: the records its core asks to persist (records.ts), kept in
// LevelDB (classic-level) under <dataDir>/raft/, acknowledged only once fsynced.
//
// Layout. One key per fact, so a write touches only what changed:
//   'v'            format version
//   'h'            hard state (term, vote): the latest one
//   's'            snapshot marker (index, term, membership): the latest one that moved forward
//   'c'            commit hint: the largest one
//   'l' + u64 BE   one log entry per index; big-endian so LevelDB's key order is log order
// Every value carries a CRC32 of its key and bytes (codec.ts). The retained log is exactly the
// keys snapshotIndex + 1 .. lastIndex, gap-free: each persist call becomes puts and deletes that
// keep it so (a conflicting suffix is deleted, compacted entries are deleted with the marker
// that compacts them), and every batch is atomic.
//
// Group commit (DESIGN.md, "Storage": durability is batched, never skipped). One fsync per
// write gives a few thousand writes a second; one synced batch per "whatever arrived while the
// previous one was on its way to disk" gives hundreds of thousands of entries a second. Each
// call is applied to the store's in-memory view of the log when it is made (so a later call
// sees what an earlier one truncated), its puts and deletes join the pending batch, and the
// batch is written with sync: true as soon as the write before it is done. A caller's promise
// resolves only after the batch holding its records is on disk, in call order.
//
// Recovery reads only what is on disk. A log entry that fails its checksum or cannot be decoded
// ends the log there: a later entry cannot be trusted without its predecessor (the Log Matching
// property is about prefixes), so the entries after it are deleted too, with a warning, and the
// core treats the lost tail like entries it never received (the leader sends them again). A
// damaged hard state or snapshot marker refuses to start (StorageCorruptError): a node that
// forgot its vote could vote twice in a term. A damaged commit hint is dropped with a warning:
// it is only a hint, and the core learns the commit index from the leader again.

import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { ClassicLevel } from 'classic-level'
import { assertNever } from '../protocols/core.js'
import type { RaftEntry } from '../protocols/raft/messages.js'
import type { CommitRecord, EntriesRecord, HardStateRecord, RaftRecord, SnapshotRecord } from '../protocols/raft/records.js'
import {
  COMMIT_KEY,
  DecodeError,
  FORMAT_KEY,
  HARD_STATE_KEY,
  LOG_KEYS_END,
  LOG_KEYS_START,
  SNAPSHOT_MARKER_KEY,
  decodeCommitHint,
  decodeEntry,
  decodeFormat,
  decodeHardState,
  decodeSnapshotMarker,
  encodeCommitHint,
  encodeEntry,
  encodeFormat,
  encodeHardState,
  encodeSnapshotMarker,
  logKey,
  logKeyIndex
} from './codec.js'
import {
  InvalidRecordError,
  StorageClosedError,
  StorageCorruptError,
  StorageOpenError,
  StorageWriteError,
  UnsupportedFormatError
} from './errors.js'
import { LogShape } from './log-shape.js'

const FORMAT_VERSION = 1
/** Log keys read per round trip to LevelDB during recovery. */
const RECOVERY_READ_BATCH = 1024

/** Damage recovery repaired and the store reports: where it was and what was done about it. */
export type StorageWarning =
  | { readonly kind: 'log-tail-dropped'; readonly lastIndex: number; readonly reason: string; readonly droppedKeys: number }
  | { readonly kind: 'stale-log-entries'; readonly belowIndex: number; readonly droppedKeys: number }
  | { readonly kind: 'commit-hint-dropped'; readonly reason: string }

export interface RaftStoreOptions {
  /** Told about damage that recovery repaired (a dropped log tail, a dropped commit hint). */
  readonly warn?: (message: string, warning: StorageWarning) => void
  /** Called after each synced batch and before its callers are answered (metrics, tests). */
  readonly onSyncedBatch?: (batch: SyncedBatch) => void
}

export interface SyncedBatch {
  /** persist() calls answered by this batch. */
  readonly calls: number
  readonly records: number
  /** Puts and deletes in the LevelDB batch, after merging calls that touched the same key. */
  readonly operations: number
}

export interface RaftStoreStats {
  readonly syncedBatches: number
  readonly persistCalls: number
  readonly records: number
  readonly snapshotIndex: number
  readonly lastIndex: number
}

interface Waiter {
  readonly resolve: () => void
  readonly reject: (error: unknown) => void
}

/** A log entry to write, with its key (made once: it is also in the checksum). */
interface LogPut {
  readonly key: Uint8Array
  readonly value: Uint8Array
}

/** Puts and deletes (null) by key, merged so the last write to a key wins. */
class Changes {
  readonly log = new Map<number, LogPut | null>()
  hardState: Uint8Array | undefined
  snapshotMarker: Uint8Array | undefined
  commitHint: Uint8Array | undefined

  mergeInto (target: Changes): void {
    for (const [index, value] of this.log) target.log.set(index, value)
    if (this.hardState !== undefined) target.hardState = this.hardState
    if (this.snapshotMarker !== undefined) target.snapshotMarker = this.snapshotMarker
    if (this.commitHint !== undefined) target.commitHint = this.commitHint
  }
}

class PendingBatch extends Changes {
  readonly waiters: Waiter[] = []
  calls = 0
  records = 0
}

type Database = ClassicLevel<Uint8Array, Uint8Array>
type Operation = { type: 'put'; key: Uint8Array; value: Uint8Array } | { type: 'del'; key: Uint8Array }

/** What recovery found on disk: the records that rebuild the core, and the shape of the log. */
interface Recovered {
  readonly records: RaftRecord[]
  readonly shape: LogShape
  readonly commitIndex: number | undefined
}

export class RaftStore {
  private shape: LogShape
  /** The largest commit hint accepted so far (hints only move forward); undefined before the first. */
  private commitIndex: number | undefined
  private pending = new PendingBatch()
  private writing = false
  private flushScheduled = false
  private closing = false
  private closed: Promise<void> | undefined
  /** Set when a synced write failed: the store refuses everything after it. */
  private failure: StorageWriteError | undefined
  /** What open() recovered, until load() hands it out or a write makes it stale. */
  private recovered: RaftRecord[] | undefined
  private syncedBatches = 0
  private persistCalls = 0
  private persistedRecords = 0

  private constructor (
    private readonly db: Database,
    readonly location: string,
    private readonly options: RaftStoreOptions,
    recovered: Recovered
  ) {
    this.shape = recovered.shape
    this.commitIndex = recovered.commitIndex
    this.recovered = recovered.records
  }

  /** Opens (or creates) the store in `<dataDir>/raft/` and recovers from exactly what is on disk. */
  static async open (dataDir: string, options: RaftStoreOptions = {}): Promise<RaftStore> {
    const location = path.join(dataDir, 'raft')
    await mkdir(location, { recursive: true })
    const db: Database = new ClassicLevel<Uint8Array, Uint8Array>(location, { keyEncoding: 'view', valueEncoding: 'view' })
    try {
      await db.open()
    } catch (error) {
      throw new StorageOpenError(location, error)
    }
    try {
      await checkFormat(db, location)
      const recovered = await recover(db, location, options)
      return new RaftStore(db, location, options, recovered)
    } catch (error) {
      await db.close()
      throw error
    }
  }

  /**
   * Makes `records` durable, applying them in order with the replay rules of records.ts. Resolves
   * once they are fsynced; calls resolve in the order they were made. Rejects with
   * InvalidRecordError (nothing of the call is written), StorageWriteError or StorageClosedError.
   */
  persist (records: readonly RaftRecord[]): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure)
    if (this.closing) return Promise.reject(new StorageClosedError())
    // A call must be applied whole or not at all. Each record is checked before it changes
    // anything, so one record can go straight into the pending batch; several go through a copy
    // of the log shape and a scratch batch, so a bad last record leaves the first ones unwritten.
    const single = records.length <= 1
    const shape = single ? this.shape : this.shape.clone()
    const changes = single ? this.pending : new Changes()
    let commitIndex = this.commitIndex
    try {
      for (const record of records) {
        switch (record.type) {
          case 'hardState':
            changes.hardState = encodeHardState(checkHardState(record))
            break
          case 'entries':
            stageEntries(shape, changes, record)
            break
          case 'snapshot':
            stageSnapshot(shape, changes, record)
            break
          case 'commit':
            checkIndex(record.index, 'commit index')
            if (commitIndex === undefined || record.index > commitIndex) {
              commitIndex = record.index
              changes.commitHint = encodeCommitHint(record.index)
            }
            break
          default:
            assertNever(record)
        }
      }
    } catch (error) {
      if (error instanceof InvalidRecordError) return Promise.reject(error)
      throw error
    }
    if (!single) {
      this.shape = shape
      changes.mergeInto(this.pending)
    }
    this.commitIndex = commitIndex
    this.recovered = undefined
    this.pending.calls++
    this.pending.records += records.length
    this.persistCalls++
    return this.enqueue()
  }

  /**
   * The records that rebuild the core from what is durable: hard state, snapshot marker, the
   * retained log as one entries record, commit hint; the same list compactRecords would make
   * of every record ever persisted. Waits for writes already made to finish first.
   */
  async load (): Promise<RaftRecord[]> {
    if (this.failure !== undefined) throw this.failure
    if (this.closing) throw new StorageClosedError()
    await this.enqueue()
    if (this.recovered !== undefined) {
      const records = this.recovered
      this.recovered = undefined
      return records
    }
    // Read the disk again rather than trusting memory: load() promises what is on disk. A host
    // loads at start-up, before it writes; should a write slip in while this reads, memory (which
    // already holds that write) stays as it is.
    const callsBefore = this.persistCalls
    const recovered = await recover(this.db, this.location, this.options)
    if (this.persistCalls === callsBefore) {
      this.shape = recovered.shape
      this.commitIndex = recovered.commitIndex
    }
    return recovered.records
  }

  stats (): RaftStoreStats {
    return {
      syncedBatches: this.syncedBatches,
      persistCalls: this.persistCalls,
      records: this.persistedRecords,
      snapshotIndex: this.shape.snapshotIndex,
      lastIndex: this.shape.lastIndex
    }
  }

  /** Finishes the writes already made, then closes the database. Later calls are refused. */
  close (): Promise<void> {
    this.closed ??= (async () => {
      this.closing = true
      // A write failure rejects the barrier too; the database must be closed either way.
      await this.enqueue().catch(() => undefined)
      await this.db.close()
    })()
    return this.closed
  }

  /** A promise for the pending batch, written after everything before it. */
  private enqueue (): Promise<void> {
    const done = new Promise<void>((resolve, reject) => { this.pending.waiters.push({ resolve, reject }) })
    if (!this.writing && !this.flushScheduled) {
      // Let the calls made in the same turn of the event loop join this batch.
      this.flushScheduled = true
      queueMicrotask(() => {
        this.flushScheduled = false
        this.flush()
      })
    }
    return done
  }

  private flush (): void {
    if (this.writing || this.pending.waiters.length === 0) return
    const batch = this.pending
    this.pending = new PendingBatch()
    const operations = toOperations(batch)
    if (operations.length === 0) {
      // Nothing to write (barriers, empty calls): earlier batches are done, so answer now.
      for (const waiter of batch.waiters) waiter.resolve()
      return
    }
    this.writing = true
    this.db.batch(operations, { sync: true }).then(
      () => {
        this.writing = false
        this.syncedBatches++
        this.persistedRecords += batch.records
        this.options.onSyncedBatch?.({ calls: batch.calls, records: batch.records, operations: operations.length })
        // Answer first (an empty next batch answers at once and must not overtake these); the
        // next write still starts before any caller's continuation runs.
        for (const waiter of batch.waiters) waiter.resolve()
        this.flush()
      },
      (error: unknown) => {
        this.writing = false
        this.failure = new StorageWriteError(error)
        const waiting = [...batch.waiters, ...this.pending.waiters]
        this.pending = new PendingBatch()
        for (const waiter of waiting) waiter.reject(this.failure)
      }
    )
  }
}

function checkIndex (value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new InvalidRecordError(`${what} ${value} is not a non-negative integer`)
}

function checkHardState (record: HardStateRecord): HardStateRecord {
  checkIndex(record.term, 'term')
  return record
}

/**
 * Entries at `record.index`...: everything at that index or above goes (a conflicting suffix,
 * paper §5.3), except what is rewritten; entries at or below the snapshot marker are skipped.
 * The same arithmetic as RaftLog.truncateAndAppend.
 */
function stageEntries (shape: LogShape, changes: Changes, record: EntriesRecord): void {
  checkIndex(record.index, 'entries index')
  if (record.index > shape.lastIndex + 1) {
    throw new InvalidRecordError(`entries at ${record.index} leave a gap after ${shape.lastIndex}`)
  }
  for (const entry of record.entries) checkIndex(entry.term, 'entry term')
  const skip = Math.max(0, shape.firstIndex - record.index)
  const start = record.index + skip
  for (let index = start; index <= shape.lastIndex; index++) changes.log.set(index, null)
  shape.truncateAfter(start - 1)
  for (let i = skip; i < record.entries.length; i++) {
    const entry = record.entries[i] as RaftEntry
    const index = shape.lastIndex + 1
    const key = logKey(index)
    changes.log.set(index, { key, value: encodeEntry(key, entry) })
    shape.appendTerm(entry.term)
  }
}

/**
 * A snapshot marker ahead of the current one compacts the log through its index: the suffix
 * after it stays only when the log holds the marker's entry with the marker's term (paper §7,
 * InstallSnapshot rules 6 and 7), as in RaftLog.installSnapshot. An older marker changes nothing.
 */
function stageSnapshot (shape: LogShape, changes: Changes, record: SnapshotRecord): void {
  checkIndex(record.index, 'snapshot index')
  checkIndex(record.term, 'snapshot term')
  if (record.index <= shape.snapshotIndex) return
  const keepSuffix = shape.termAt(record.index) === record.term
  const deleteThrough = keepSuffix ? record.index : shape.lastIndex
  for (let index = shape.firstIndex; index <= deleteThrough; index++) changes.log.set(index, null)
  if (!keepSuffix) shape.truncateAfter(shape.snapshotIndex)
  shape.compactThrough(record.index)
  changes.snapshotMarker = encodeSnapshotMarker(record)
}

function toOperations (batch: Changes): Operation[] {
  const operations: Operation[] = []
  if (batch.hardState !== undefined) operations.push({ type: 'put', key: HARD_STATE_KEY, value: batch.hardState })
  if (batch.snapshotMarker !== undefined) operations.push({ type: 'put', key: SNAPSHOT_MARKER_KEY, value: batch.snapshotMarker })
  if (batch.commitHint !== undefined) operations.push({ type: 'put', key: COMMIT_KEY, value: batch.commitHint })
  for (const [index, put] of batch.log) {
    operations.push(put === null ? { type: 'del', key: logKey(index) } : { type: 'put', key: put.key, value: put.value })
  }
  return operations
}

/** A fresh store gets the format key; an existing one must carry a version this code reads. */
async function checkFormat (db: Database, location: string): Promise<void> {
  const value = await db.get(FORMAT_KEY)
  if (value === undefined) {
    // The format key is the first write to a store, so a store with keys but no format is not ours.
    const keys = db.keys({ limit: 1 })
    const any = await keys.next().finally(() => keys.close())
    if (any !== undefined) throw new StorageCorruptError('format', location, 'keys present but no format version')
    await db.put(FORMAT_KEY, encodeFormat(FORMAT_VERSION), { sync: true })
    return
  }
  let version: number
  try {
    version = decodeFormat(value)
  } catch (error) {
    if (error instanceof DecodeError) throw new StorageCorruptError('format', location, error.message)
    throw error
  }
  if (version !== FORMAT_VERSION) throw new UnsupportedFormatError(location, version, FORMAT_VERSION)
}

function decodeOrRefuse<T> (decode: (value: Uint8Array) => T, value: Uint8Array, part: 'hardState' | 'snapshotMarker', location: string): T {
  try {
    return decode(value)
  } catch (error) {
    if (error instanceof DecodeError) throw new StorageCorruptError(part, location, error.message)
    throw error
  }
}

/**
 * Reads the store back into records, repairing what the rules above allow: a damaged log tail
 * and a damaged commit hint are deleted (synced) before anything else is written.
 */
async function recover (db: Database, location: string, options: RaftStoreOptions): Promise<Recovered> {
  const warn = (message: string, warning: StorageWarning): void => options.warn?.(message, warning)
  const repairs: Operation[] = []

  const hardStateValue = await db.get(HARD_STATE_KEY)
  const hardState: HardStateRecord | undefined = hardStateValue === undefined
    ? undefined
    : decodeOrRefuse(decodeHardState, hardStateValue, 'hardState', `${location} key 'h'`)
  const markerValue = await db.get(SNAPSHOT_MARKER_KEY)
  const snapshot: SnapshotRecord | undefined = markerValue === undefined
    ? undefined
    : decodeOrRefuse(decodeSnapshotMarker, markerValue, 'snapshotMarker', `${location} key 's'`)

  let commit: CommitRecord | undefined
  const commitValue = await db.get(COMMIT_KEY)
  if (commitValue !== undefined) {
    try {
      commit = { type: 'commit', index: decodeCommitHint(commitValue) }
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error
      repairs.push({ type: 'del', key: COMMIT_KEY })
      warn(`raft store: commit hint dropped (${error.message}); the leader will tell the commit index again`, { kind: 'commit-hint-dropped', reason: error.message })
    }
  }

  const snapshotIndex = snapshot?.index ?? 0
  const shape = LogShape.afterSnapshot(snapshotIndex)
  const entries: RaftEntry[] = []
  let endReason: string | undefined
  let droppedTail = 0
  let staleBelow = 0
  const iterator = db.iterator({ gte: LOG_KEYS_START, lt: LOG_KEYS_END })
  try {
    for (;;) {
      const page = await iterator.nextv(RECOVERY_READ_BATCH)
      if (page.length === 0) break
      for (const [key, value] of page) {
        if (endReason !== undefined) {
          repairs.push({ type: 'del', key })
          droppedTail++
          continue
        }
        const index = logKeyIndex(key)
        if (index !== undefined && index <= snapshotIndex) {
          // Compaction deletes these in the same atomic batch as the marker; left over only by damage, and unused.
          repairs.push({ type: 'del', key })
          staleBelow++
          continue
        }
        const expected = shape.lastIndex + 1
        if (index !== expected) {
          endReason = index === undefined ? 'a malformed key in the log range' : `entry ${expected} is missing`
          repairs.push({ type: 'del', key })
          droppedTail++
          continue
        }
        try {
          const entry = decodeEntry(key, value)
          entries.push(entry)
          shape.appendTerm(entry.term)
        } catch (error) {
          if (!(error instanceof DecodeError)) throw error
          endReason = `entry ${index}: ${error.message}`
          repairs.push({ type: 'del', key })
          droppedTail++
        }
      }
    }
  } finally {
    await iterator.close()
  }
  if (staleBelow > 0) {
    warn(`raft store: deleted ${staleBelow} entries at or below the snapshot marker ${snapshotIndex}`, { kind: 'stale-log-entries', belowIndex: snapshotIndex, droppedKeys: staleBelow })
  }
  if (endReason !== undefined) {
    warn(
      `raft store: the log ends at ${shape.lastIndex} (${endReason}); ${droppedTail} entries from there on are dropped and will be fetched from the leader`,
      { kind: 'log-tail-dropped', lastIndex: shape.lastIndex, reason: endReason, droppedKeys: droppedTail }
    )
  }
  // The repair must be durable before anything new is written: an old entry left past the new
  // end of the log would look like a valid continuation of it at the next start.
  if (repairs.length > 0) await db.batch(repairs, { sync: true })

  const records: RaftRecord[] = []
  if (hardState !== undefined) records.push(hardState)
  if (snapshot !== undefined) records.push(snapshot)
  if (entries.length > 0) records.push({ type: 'entries', index: snapshotIndex + 1, entries })
  if (commit !== undefined) records.push(commit)
  return { records, shape, commitIndex: commit?.index }
}
