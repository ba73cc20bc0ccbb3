import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ClassicLevel } from 'classic-level'
import type { RaftEntry } from '../protocols/raft/messages.js'
import { compactRecords, type RaftRecord } from '../protocols/raft/records.js'
import { COMMIT_KEY, FORMAT_KEY, HARD_STATE_KEY, SNAPSHOT_MARKER_KEY, encodeEntry, encodeFormat, logKey } from './codec.js'
import { InvalidRecordError, StorageClosedError, StorageCorruptError, StorageWriteError, UnsupportedFormatError } from './errors.js'
import { RaftStore, type StorageWarning, type SyncedBatch } from './raft-store.js'

function entry (term: number, text: string, kind: RaftEntry['kind'] = 'app'): RaftEntry {
  return { term, kind, payload: new TextEncoder().encode(text) }
}

function entries (index: number, ...list: RaftEntry[]): RaftRecord {
  return { type: 'entries', index, entries: list }
}

/** Persists `records` one call each, reopens the store, and returns what it loads. */
async function persistAndReload (dir: string, records: readonly RaftRecord[]): Promise<RaftRecord[]> {
  const store = await RaftStore.open(dir)
  for (const record of records) await store.persist([record])
  await store.close()
  const reopened = await RaftStore.open(dir)
  try {
    return await reopened.load()
  } finally {
    await reopened.close()
  }
}

/** Opens the store's LevelDB directly, as a disk-level tool would, to damage it. */
async function withRawDb (dir: string, use: (db: ClassicLevel<Uint8Array, Uint8Array>) => Promise<void>): Promise<void> {
  const db = new ClassicLevel<Uint8Array, Uint8Array>(path.join(dir, 'raft'), { keyEncoding: 'view', valueEncoding: 'view' })
  await db.open()
  try {
    await use(db)
  } finally {
    await db.close()
  }
}

async function flipByte (db: ClassicLevel<Uint8Array, Uint8Array>, key: Uint8Array, at: number): Promise<void> {
  const value = await db.get(key)
  assert.ok(value !== undefined, 'key to damage exists')
  const damaged = new Uint8Array(value)
  const position = at < 0 ? damaged.length + at : at
  damaged[position] = (damaged[position] ?? 0) ^ 0x5a
  await db.put(key, damaged)
}

async function rawLogIndices (dir: string): Promise<number[]> {
  const indices: number[] = []
  await withRawDb(dir, async (db) => {
    for await (const key of db.keys({ gte: logKey(0), lt: Uint8Array.of(0x6d) })) {
      indices.push(new DataView(key.buffer, key.byteOffset, key.byteLength).getUint32(5))
    }
  })
  return indices
}

describe('raft store: records survive a restart with the replay rules of records.ts', () => {
  let dir: string
  beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'bh-raft-store-')) })
  afterEach(async () => { await rm(dir, { recursive: true, force: true }) })

  it('a fresh store loads nothing', async () => {
    assert.deepEqual(await persistAndReload(dir, []), [])
  })

  it('hard state: the latest wins, with or without a vote', async () => {
    const records: RaftRecord[] = [
      { type: 'hardState', term: 1, vote: 'n0' },
      { type: 'hardState', term: 2 },
      { type: 'hardState', term: 3, vote: 'peer-ü' }
    ]
    assert.deepEqual(await persistAndReload(dir, records), [{ type: 'hardState', term: 3, vote: 'peer-ü' }])
  })

  it('§5.3: entries at i replace the conflicting suffix from i on, and only keys up to the new end remain', async () => {
    const records: RaftRecord[] = [
      entries(1, entry(1, 'a'), entry(1, 'b'), entry(1, 'c'), entry(1, 'd'), entry(1, 'e')),
      entries(3, entry(2, 'C'))
    ]
    assert.deepEqual(await persistAndReload(dir, records), compactRecords(records))
    assert.deepEqual(await rawLogIndices(dir), [1, 2, 3])
  })

  it('§7 rule 6: a snapshot whose entry matches keeps the suffix and deletes the compacted prefix', async () => {
    const records: RaftRecord[] = [
      entries(1, entry(1, 'a'), entry(1, 'b'), entry(2, 'c'), entry(2, 'd')),
      { type: 'snapshot', index: 3, term: 2, voters: ['n1', 'n0'], learners: ['n3'] }
    ]
    const loaded = await persistAndReload(dir, records)
    assert.deepEqual(loaded, compactRecords(records))
    assert.deepEqual(loaded[1], entries(4, entry(2, 'd')))
    assert.deepEqual(await rawLogIndices(dir), [4])
  })

  it('§7 rule 7: a snapshot that does not match the log drops the whole log', async () => {
    const records: RaftRecord[] = [
      entries(1, entry(1, 'a'), entry(1, 'b'), entry(1, 'c')),
      { type: 'snapshot', index: 2, term: 5, voters: ['n0'], learners: [] }
    ]
    assert.deepEqual(await persistAndReload(dir, records), [records[1]])
    assert.deepEqual(await rawLogIndices(dir), [])
  })

  it('a snapshot marker behind the current one changes nothing', async () => {
    const records: RaftRecord[] = [
      entries(1, entry(1, 'a'), entry(1, 'b'), entry(1, 'c')),
      { type: 'snapshot', index: 2, term: 1, voters: ['n0'], learners: [] },
      { type: 'snapshot', index: 1, term: 1, voters: ['n9'], learners: [] }
    ]
    assert.deepEqual(await persistAndReload(dir, records), compactRecords(records))
  })

  it('entries at or below the snapshot are skipped, and the log after the snapshot is rewritten', async () => {
    const records: RaftRecord[] = [
      entries(1, entry(1, 'a'), entry(1, 'b'), entry(1, 'c'), entry(1, 'd')),
      { type: 'snapshot', index: 2, term: 1, voters: ['n0'], learners: [] },
      entries(1, entry(1, 'a'), entry(1, 'b'), entry(3, 'X'))
    ]
    assert.deepEqual(await persistAndReload(dir, records), compactRecords(records))
    assert.deepEqual(await rawLogIndices(dir), [3])
  })

  it('the commit hint only moves forward', async () => {
    const records: RaftRecord[] = [{ type: 'commit', index: 0 }, { type: 'commit', index: 7 }, { type: 'commit', index: 4 }]
    assert.deepEqual(await persistAndReload(dir, records), [{ type: 'commit', index: 7 }])
  })

  it('every entry kind and an empty payload round-trip; terms past 2^32 too', async () => {
    const records: RaftRecord[] = [
      entries(1, entry(1, '', 'noop'), entry(2, 'cfg', 'config'), { term: 2 ** 40 + 3, kind: 'app', payload: new Uint8Array(0) }),
      { type: 'hardState', term: Number.MAX_SAFE_INTEGER }
    ]
    assert.deepEqual(await persistAndReload(dir, records), compactRecords(records))
  })

  it('an entries record that would leave a gap is refused and nothing of its call is written', async () => {
    const store = await RaftStore.open(dir)
    await store.persist([entries(1, entry(1, 'a'))])
    const call = store.persist([{ type: 'hardState', term: 9 }, entries(3, entry(1, 'c'))])
    await assert.rejects(call, (error: unknown) => error instanceof InvalidRecordError && error.code === 'INVALID_RECORD')
    await assert.rejects(store.persist([entries(5, entry(1, 'e'))]), InvalidRecordError)
    await assert.rejects(store.persist([{ type: 'snapshot', index: -1, term: 1, voters: [], learners: [] }]), InvalidRecordError)
    await store.persist([entries(2, entry(1, 'b'))])
    assert.deepEqual(store.stats().lastIndex, 2)
    await store.close()
    const reopened = await RaftStore.open(dir)
    assert.deepEqual(await reopened.load(), [entries(1, entry(1, 'a'), entry(1, 'b'))])
    await reopened.close()
  })

  it('load() after writes reads back exactly what is on disk', async () => {
    const store = await RaftStore.open(dir)
    assert.deepEqual(await store.load(), [])
    const records: RaftRecord[] = [{ type: 'hardState', term: 1 }, entries(1, entry(1, 'a')), { type: 'commit', index: 1 }]
    void store.persist(records.slice(0, 2))
    void store.persist(records.slice(2))
    // load waits for the writes made before it.
    assert.deepEqual(await store.load(), compactRecords(records))
    await store.close()
  })

  it('a closed store refuses writes with a typed error', async () => {
    const store = await RaftStore.open(dir)
    await store.close()
    await assert.rejects(store.persist([{ type: 'commit', index: 1 }]), (error: unknown) => error instanceof StorageClosedError && error.code === 'STORAGE_CLOSED')
  })

  it('a failed synced write stops the store: that call and every later one are refused', async () => {
    const store = await RaftStore.open(dir)
    await store.persist([entries(1, entry(1, 'a'))])
    // Fault injection: pull the database out from under the store, so the next batch fails.
    await (store as unknown as { db: ClassicLevel<Uint8Array, Uint8Array> }).db.close()
    const failed = store.persist([entries(2, entry(1, 'b'))])
    const queued = store.persist([{ type: 'commit', index: 2 }])
    await assert.rejects(failed, (error: unknown) => error instanceof StorageWriteError && error.code === 'STORAGE_WRITE_FAILED')
    await assert.rejects(queued, StorageWriteError)
    await assert.rejects(store.persist([{ type: 'hardState', term: 2 }]), StorageWriteError)
    await assert.rejects(store.load(), StorageWriteError)
    await store.close()
    const reopened = await RaftStore.open(dir)
    assert.deepEqual(await reopened.load(), [entries(1, entry(1, 'a'))])
    await reopened.close()
  })

  it('a second open of the same directory fails with a typed, locked error', async () => {
    const store = await RaftStore.open(dir)
    await assert.rejects(RaftStore.open(dir), (error: unknown) => {
      return typeof error === 'object' && error !== null && 'code' in error && error.code === 'STORAGE_OPEN_FAILED' && 'locked' in error && error.locked === true
    })
    await store.close()
  })
})

describe('raft store: group commit', () => {
  let dir: string
  beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'bh-raft-group-')) })
  afterEach(async () => { await rm(dir, { recursive: true, force: true }) })

  it('1,000 concurrent calls share a few synced batches; each resolves after its batch, in call order', async () => {
    const batches: SyncedBatch[] = []
    let callsWritten = 0
    const store = await RaftStore.open(dir, {
      onSyncedBatch: (batch) => {
        batches.push(batch)
        callsWritten += batch.calls
      }
    })
    const resolved: number[] = []
    const calls: Promise<void>[] = []
    // 50 writers × 20 sequential calls, plus the first round all at once: calls that arrive while
    // a batch is being written wait for the next one.
    let next = 1
    const writer = async (): Promise<void> => {
      for (let i = 0; i < 20; i++) {
        const index = next++
        const call = store.persist([entries(index, entry(1, `e${index}`))]).then(() => {
          assert.ok(index <= callsWritten, `call ${index} answered before its batch was synced (${callsWritten} written)`)
          resolved.push(index)
        })
        calls.push(call)
        await call
      }
    }
    await Promise.all(Array.from({ length: 50 }, writer))
    await Promise.all(calls)
    const total = batches.reduce((sum, batch) => sum + batch.calls, 0)
    assert.equal(total, 1000)
    assert.ok(batches.length <= 100, `${batches.length} synced batches for 1000 calls`)
    assert.equal(store.stats().syncedBatches, batches.length)
    assert.deepEqual(resolved, Array.from({ length: 1000 }, (_, i) => i + 1), 'resolved in call order')
    await store.close()
    const reopened = await RaftStore.open(dir)
    const [log] = await reopened.load()
    assert.equal(log?.type === 'entries' ? log.entries.length : 0, 1000)
    await reopened.close()
  })

  it('calls made in the same turn share one batch', async () => {
    const batches: SyncedBatch[] = []
    const store = await RaftStore.open(dir, { onSyncedBatch: (batch) => batches.push(batch) })
    await Promise.all(Array.from({ length: 1000 }, (_, i) => store.persist([entries(i + 1, entry(1, 'x'))])))
    assert.deepEqual(batches, [{ calls: 1000, records: 1000, operations: 1000 }])
    await store.close()
  })

  it('writes to the same key within one batch are merged: the last one wins', async () => {
    const batches: SyncedBatch[] = []
    const store = await RaftStore.open(dir, { onSyncedBatch: (batch) => batches.push(batch) })
    const records: RaftRecord[] = [
      { type: 'hardState', term: 1 },
      entries(1, entry(1, 'a'), entry(1, 'b')),
      { type: 'hardState', term: 2, vote: 'n1' },
      entries(2, entry(2, 'B'))
    ]
    await Promise.all(records.map(record => store.persist([record])))
    assert.deepEqual(batches, [{ calls: 4, records: 4, operations: 3 }])
    assert.deepEqual(await store.load(), compactRecords(records))
    await store.close()
  })
})

describe('raft store: checksums, a torn or corrupt tail is never used', () => {
  let dir: string
  let warnings: StorageWarning[]
  const warn = (_message: string, warning: StorageWarning): void => { warnings.push(warning) }
  const logEntries = (count: number): RaftEntry[] => Array.from({ length: count }, (_, i) => entry(1, `entry ${i + 1}`))
  const log = (count: number): RaftRecord => entries(1, ...logEntries(count))

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bh-raft-corrupt-'))
    warnings = []
  })
  afterEach(async () => { await rm(dir, { recursive: true, force: true }) })

  it('a flipped byte in an entry ends the log before it; the entries after it are deleted with a warning', async () => {
    await persistAndReload(dir, [{ type: 'hardState', term: 1, vote: 'n0' }, log(8)])
    await withRawDb(dir, db => flipByte(db, logKey(5), -1))
    const store = await RaftStore.open(dir, { warn })
    assert.deepEqual(await store.load(), [{ type: 'hardState', term: 1, vote: 'n0' }, log(4)])
    assert.deepEqual(warnings, [{ kind: 'log-tail-dropped', lastIndex: 4, reason: 'entry 5: checksum mismatch', droppedKeys: 4 }])
    // The repair is on disk: new entries continue at 5 and nothing old comes back after them.
    await store.persist([entries(5, entry(2, 'new 5'))])
    await store.close()
    assert.deepEqual(await rawLogIndices(dir), [1, 2, 3, 4, 5])
    warnings = []
    const reopened = await RaftStore.open(dir, { warn })
    const loaded = await reopened.load()
    assert.deepEqual(loaded[1], entries(1, ...logEntries(4), entry(2, 'new 5')))
    assert.deepEqual(warnings, [])
    await reopened.close()
  })

  it('a damaged term byte (undecodable or wrong) is caught by the checksum too', async () => {
    await persistAndReload(dir, [log(3)])
    await withRawDb(dir, db => flipByte(db, logKey(2), 4))
    const store = await RaftStore.open(dir, { warn })
    assert.deepEqual(await store.load(), [entries(1, entry(1, 'entry 1'))])
    assert.equal(warnings[0]?.kind, 'log-tail-dropped')
    await store.close()
  })

  it("an entry's value moved under another index fails the checksum (it covers the key)", async () => {
    await persistAndReload(dir, [log(3)])
    await withRawDb(dir, async (db) => {
      const value = await db.get(logKey(2))
      assert.ok(value !== undefined)
      await db.put(logKey(3), value)
    })
    const store = await RaftStore.open(dir, { warn })
    assert.deepEqual(await store.load(), [entries(1, entry(1, 'entry 1'), entry(1, 'entry 2'))])
    assert.deepEqual(warnings, [{ kind: 'log-tail-dropped', lastIndex: 2, reason: 'entry 3: checksum mismatch', droppedKeys: 1 }])
    await store.close()
  })

  it('a missing entry ends the log before the gap', async () => {
    await persistAndReload(dir, [log(5)])
    await withRawDb(dir, db => db.del(logKey(3)))
    const store = await RaftStore.open(dir, { warn })
    assert.deepEqual(await store.load(), [entries(1, entry(1, 'entry 1'), entry(1, 'entry 2'))])
    assert.deepEqual(warnings, [{ kind: 'log-tail-dropped', lastIndex: 2, reason: 'entry 3 is missing', droppedKeys: 2 }])
    await store.close()
  })

  it('a truncated value (a torn write) ends the log there', async () => {
    await persistAndReload(dir, [log(3)])
    await withRawDb(dir, async (db) => {
      const value = await db.get(logKey(3))
      assert.ok(value !== undefined)
      await db.put(logKey(3), value.subarray(0, 3))
    })
    const store = await RaftStore.open(dir, { warn })
    assert.deepEqual(await store.load(), [entries(1, entry(1, 'entry 1'), entry(1, 'entry 2'))])
    assert.equal(warnings.length, 1)
    await store.close()
  })

  it('a corrupt hard state refuses to start: a forgotten vote could be given twice', async () => {
    await persistAndReload(dir, [{ type: 'hardState', term: 4, vote: 'n2' }, log(2)])
    await withRawDb(dir, db => flipByte(db, HARD_STATE_KEY, -1))
    await assert.rejects(RaftStore.open(dir, { warn }), (error: unknown) => {
      return error instanceof StorageCorruptError && error.code === 'STORAGE_CORRUPT' && error.part === 'hardState'
    })
    // The refusal released the database: a repaired directory can be opened again.
    await withRawDb(dir, db => db.del(HARD_STATE_KEY))
    const store = await RaftStore.open(dir)
    await store.close()
  })

  it('a corrupt snapshot marker refuses to start', async () => {
    await persistAndReload(dir, [log(3), { type: 'snapshot', index: 2, term: 1, voters: ['n0'], learners: [] }])
    await withRawDb(dir, db => flipByte(db, SNAPSHOT_MARKER_KEY, 5))
    await assert.rejects(RaftStore.open(dir), (error: unknown) => error instanceof StorageCorruptError && error.part === 'snapshotMarker')
  })

  it('entries left at or below the snapshot marker are deleted with a warning and not used', async () => {
    await persistAndReload(dir, [log(4), { type: 'snapshot', index: 2, term: 1, voters: ['n0'], learners: [] }])
    await withRawDb(dir, db => db.put(logKey(1), encodeEntry(logKey(1), entry(1, 'entry 1'))))
    const store = await RaftStore.open(dir, { warn })
    assert.deepEqual(await store.load(), [{ type: 'snapshot', index: 2, term: 1, voters: ['n0'], learners: [] }, entries(3, ...logEntries(4).slice(2))])
    assert.deepEqual(warnings, [{ kind: 'stale-log-entries', belowIndex: 2, droppedKeys: 1 }])
    await store.close()
    assert.deepEqual(await rawLogIndices(dir), [3, 4])
  })

  it('a store written by an unknown format version, or keys without a format, refuse to start', async () => {
    await persistAndReload(dir, [log(1)])
    await withRawDb(dir, db => db.put(FORMAT_KEY, encodeFormat(2)))
    await assert.rejects(RaftStore.open(dir), (error: unknown) => error instanceof UnsupportedFormatError && error.code === 'UNSUPPORTED_FORMAT' && error.found === 2)
    await withRawDb(dir, db => db.del(FORMAT_KEY))
    await assert.rejects(RaftStore.open(dir), (error: unknown) => error instanceof StorageCorruptError && error.part === 'format')
  })

  it('a corrupt commit hint is dropped with a warning (the leader repeats the commit index)', async () => {
    await persistAndReload(dir, [log(3), { type: 'commit', index: 3 }])
    await withRawDb(dir, db => flipByte(db, COMMIT_KEY, -1))
    const store = await RaftStore.open(dir, { warn })
    assert.deepEqual(await store.load(), [log(3)])
    assert.deepEqual(warnings, [{ kind: 'commit-hint-dropped', reason: 'checksum mismatch' }])
    await store.close()
  })
})
