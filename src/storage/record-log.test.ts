import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ClassicLevel } from 'classic-level'
import { RecordLog, type RecordLogWarning } from './record-log.js'

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)
const texts = (records: readonly Uint8Array[]): string[] => records.map((record) => new TextDecoder().decode(record))

describe('RecordLog: durable append-only records with group commit', () => {
  let dir: string
  beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'bh-record-log-')) })
  afterEach(async () => { await rm(dir, { recursive: true, force: true }) })

  it('reopens with exactly the records appended, in order, across many concurrent appends', async () => {
    const log = await RecordLog.open(dir, 'records')
    assert.deepEqual(log.load(), [])
    await Promise.all(Array.from({ length: 50 }, async (_, i) => { await log.append([bytes(`a${i}`), bytes(`b${i}`)]) }))
    await log.close()
    const reopened = await RecordLog.open(dir, 'records')
    const expected = Array.from({ length: 50 }, (_, i) => [`a${i}`, `b${i}`]).flat()
    assert.deepEqual(texts(reopened.load()), expected)
    await reopened.append([bytes('after')])
    await reopened.close()
    const again = await RecordLog.open(dir, 'records')
    assert.deepEqual(texts(again.load()), [...expected, 'after'], 'appends after a reopen continue the order')
    await again.close()
  })

  it('replace swaps the whole history atomically, ordered with the appends around it', async () => {
    const log = await RecordLog.open(dir, 'records')
    await log.append(['one', 'two', 'three'].map(bytes))
    const appends = [log.replace([bytes('compact')]), log.append([bytes('four')])]
    await Promise.all(appends)
    await log.close()
    const reopened = await RecordLog.open(dir, 'records')
    assert.deepEqual(texts(reopened.load()), ['compact', 'four'])
    await reopened.close()
  })

  it('a record that fails its checksum ends the log there: it and everything after it are dropped, with a warning', async () => {
    const log = await RecordLog.open(dir, 'records')
    await log.append(['r0', 'r1', 'r2', 'r3'].map(bytes))
    await log.close()
    // Flip a byte of record 2's body behind the log's back.
    const db = new ClassicLevel<Uint8Array, Uint8Array>(path.join(dir, 'records'), { keyEncoding: 'view', valueEncoding: 'view' })
    const key = Uint8Array.of(0x72, 0, 0, 0, 0, 0, 0, 0, 2)
    const value = await db.get(key)
    assert.ok(value !== undefined)
    const damaged = Uint8Array.from(value)
    damaged[damaged.length - 1] = (damaged[damaged.length - 1] ?? 0) ^ 0xff
    await db.put(key, damaged)
    await db.close()
    const warnings: RecordLogWarning[] = []
    const reopened = await RecordLog.open(dir, 'records', { warn: (_message, warning) => { warnings.push(warning) } })
    assert.deepEqual(texts(reopened.load()), ['r0', 'r1'])
    assert.equal(warnings[0]?.atRecord, 2)
    await reopened.append([bytes('r2-again')])
    await reopened.close()
    const third = await RecordLog.open(dir, 'records')
    assert.deepEqual(texts(third.load()), ['r0', 'r1', 'r2-again'], 'the dropped tail is gone from disk too')
    await third.close()
  })

  it('refuses appends once closed', async () => {
    const log = await RecordLog.open(dir, 'records')
    await log.close()
    await assert.rejects(log.append([bytes('late')]), /closed/)
  })
})
