// A durable, append-only log of opaque records in LevelDB (classic-level), acknowledged only
// once fsynced, with group commit: what a protocol core whose persist records are plain facts
// (PBFT: accepted pre-prepares, prepared certificates, view changes) needs from a store. Raft,
// whose records rewrite a log in place, has its own (raft-store.ts).
//
// Layout: 'v' = format version; 'r' + u64 BE = one record per key, in append order. Values are
// [crc32 of key and body][body] (codec.ts). Recovery reads only what is on disk: a record that
// fails its checksum ends the log there (it and everything after it are deleted, with a
// warning), since a later record cannot be trusted without the ones before it.
//
// Group commit: every append made while a write is on its way to disk joins the next synced
// batch; each caller's promise resolves once the batch holding its records is durable, in call
// order. `replace` swaps the whole log for a shorter equivalent one (compaction after a
// checkpoint) in one atomic batch, ordered with the appends around it.

import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { ClassicLevel } from 'classic-level'
import { DecodeError, FORMAT_KEY, decodeFormat, encodeFormat, openSealed, sealValue } from './codec.js'
import { StorageClosedError, StorageOpenError, StorageWriteError, UnsupportedFormatError } from './errors.js'

const FORMAT_VERSION = 1
const RECORD_PREFIX = 0x72 // 'r'

type Database = ClassicLevel<Uint8Array, Uint8Array>
type Operation = { type: 'put', key: Uint8Array, value: Uint8Array } | { type: 'del', key: Uint8Array }

export interface RecordLogWarning {
  readonly kind: 'record-tail-dropped'
  readonly atRecord: number
  readonly reason: string
  readonly droppedKeys: number
}

export interface RecordLogOptions {
  readonly warn?: (message: string, warning: RecordLogWarning) => void
}

function recordKey (position: number): Uint8Array {
  const key = new Uint8Array(9)
  key[0] = RECORD_PREFIX
  new DataView(key.buffer).setBigUint64(1, BigInt(position))
  return key
}

export class RecordLog {
  /** Position of the next record. */
  private next = 0
  /** Positions currently holding a record: [first, next). */
  private first = 0
  private pending: Operation[] = []
  private waiters: Array<{ resolve: () => void, reject: (error: Error) => void }> = []
  private writing = false
  private flushScheduled = false
  private failure: StorageWriteError | undefined
  private closed: Promise<void> | undefined
  private recovered: Uint8Array[] | undefined

  private constructor (private readonly db: Database) {}

  /** Opens (creating if needed) the log under `dataDir/name`, and recovers what is on disk. */
  static async open (dataDir: string, name: string, options: RecordLogOptions = {}): Promise<RecordLog> {
    const location = path.join(dataDir, name)
    await mkdir(location, { recursive: true })
    const db: Database = new ClassicLevel(location, { keyEncoding: 'view', valueEncoding: 'view' })
    try {
      await db.open()
    } catch (error) {
      throw new StorageOpenError(location, error)
    }
    const log = new RecordLog(db)
    try {
      await log.recover(location, options)
    } catch (error) {
      await db.close()
      throw error
    }
    return log
  }

  /** Every record on disk at open, in append order (once; later records are the caller's own). */
  load (): Uint8Array[] {
    const records = this.recovered ?? []
    this.recovered = undefined
    return records
  }

  /** Appends `records`; resolves once they are durable. */
  async append (records: readonly Uint8Array[]): Promise<void> {
    this.checkOpen()
    for (const record of records) {
      const key = recordKey(this.next++)
      this.pending.push({ type: 'put', key, value: sealValue(key, record) })
    }
    await this.enqueue()
  }

  /** Replaces every record with `records` (an equivalent, shorter history); resolves once durable. */
  async replace (records: readonly Uint8Array[]): Promise<void> {
    this.checkOpen()
    for (let position = this.first; position < this.next; position++) this.pending.push({ type: 'del', key: recordKey(position) })
    this.first = this.next
    return await this.append(records)
  }

  async close (): Promise<void> {
    this.closed ??= (async () => {
      await this.enqueue().catch(() => undefined)
      await this.db.close()
    })()
    return await this.closed
  }

  private checkOpen (): void {
    if (this.closed !== undefined) throw new StorageClosedError()
    if (this.failure !== undefined) throw this.failure
  }

  private async recover (location: string, options: RecordLogOptions): Promise<void> {
    const format = await this.db.get(FORMAT_KEY)
    if (format === undefined) {
      await this.db.put(FORMAT_KEY, encodeFormat(FORMAT_VERSION), { sync: true })
    } else {
      const version = decodeFormat(format)
      if (version !== FORMAT_VERSION) throw new UnsupportedFormatError(location, version, FORMAT_VERSION)
    }
    const records: Uint8Array[] = []
    const bad: Uint8Array[] = []
    let expected: number | undefined
    for await (const [key, value] of this.db.iterator({ gte: recordKey(0), lt: Uint8Array.of(RECORD_PREFIX + 1) })) {
      const position = Number(new DataView(key.buffer, key.byteOffset, key.byteLength).getBigUint64(1))
      if (bad.length > 0) {
        bad.push(key)
        continue
      }
      expected ??= position
      try {
        if (position !== expected) throw new DecodeError(`record ${expected} is missing`)
        records.push(openSealed(key, value))
        expected++
      } catch (error) {
        const reason = error instanceof DecodeError ? error.message : String(error)
        bad.push(key)
        options.warn?.(`record log: dropping records from ${position} (${reason})`, { kind: 'record-tail-dropped', atRecord: position, reason, droppedKeys: 0 })
      }
    }
    if (bad.length > 0) await this.db.batch(bad.map((key) => ({ type: 'del' as const, key })), { sync: true })
    this.first = expected === undefined ? 0 : expected - records.length
    this.next = expected ?? 0
    this.recovered = records
  }

  private enqueue (): Promise<void> {
    const done = new Promise<void>((resolve, reject) => { this.waiters.push({ resolve, reject }) })
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
    if (this.writing || this.waiters.length === 0) return
    const operations = this.pending
    const waiters = this.waiters
    this.pending = []
    this.waiters = []
    if (operations.length === 0) {
      for (const waiter of waiters) waiter.resolve()
      return
    }
    this.writing = true
    this.db.batch(operations, { sync: true }).then(
      () => {
        this.writing = false
        for (const waiter of waiters) waiter.resolve()
        this.flush()
      },
      (error: unknown) => {
        this.writing = false
        this.failure = new StorageWriteError(error)
        const waiting = [...waiters, ...this.waiters]
        this.waiters = []
        this.pending = []
        for (const waiter of waiting) waiter.reject(this.failure)
      }
    )
  }
}
