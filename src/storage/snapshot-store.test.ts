import assert from 'node:assert/strict'
import { mkdtemp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { SnapshotTransferError, StorageCorruptError } from './errors.js'
import { SnapshotStore, type SnapshotReader, type SnapshotWarning } from './snapshot-store.js'

const meta = (text: string): Uint8Array => new TextEncoder().encode(text)

/** Deterministic pseudo-random bytes (a fixed seed, so a failure replays). */
function bytes (length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length)
  let state = seed >>> 0
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    out[i] = state >>> 24
  }
  return out
}

async function flipByteInFile (file: string, at: number): Promise<void> {
  const content = await readFile(file)
  const position = at < 0 ? content.length + at : at
  content[position] = (content[position] ?? 0) ^ 0xff
  await writeFile(file, content)
}

async function readWhole (reader: SnapshotReader, chunkSize: number): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = []
  for (let offset = 0; offset < reader.size; offset += chunkSize) chunks.push(await reader.readChunk(offset, chunkSize))
  return chunks
}

describe('snapshot store: app snapshots as checksummed files', () => {
  let dataDir: string
  let warnings: SnapshotWarning[]
  const warn = (_message: string, warning: SnapshotWarning): void => { warnings.push(warning) }

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'bh-snapshots-'))
    warnings = []
  })
  afterEach(async () => { await rm(dataDir, { recursive: true, force: true }) })

  it('round trip: save, then read and latest give back index, term, meta and data', async () => {
    const store = await SnapshotStore.open(dataDir)
    const data = bytes(100_000, 1)
    const info = await store.save(42, 3, meta('membership n0,n1,n2'), data)
    assert.deepEqual(info, { index: 42, term: 3, meta: meta('membership n0,n1,n2'), dataSize: 100_000, fileSize: 37 + 19 + 100_000 })
    const expected = { index: 42, term: 3, meta: meta('membership n0,n1,n2'), data }
    assert.deepStrictEqual(await store.read(42), expected)
    assert.deepStrictEqual(await store.latest(), expected)
    assert.deepEqual(await readdir(path.join(dataDir, 'snapshots')), ['42-3.snap'])
    assert.equal(await store.read(41), undefined)
  })

  it('an empty store has no latest; empty meta and data are fine', async () => {
    const store = await SnapshotStore.open(dataDir)
    assert.equal(await store.latest(), undefined)
    await store.save(1, 1, new Uint8Array(0), new Uint8Array(0))
    assert.deepStrictEqual(await store.latest(), { index: 1, term: 1, meta: new Uint8Array(0), data: new Uint8Array(0) })
  })

  it('keeps the newest two and deletes older ones', async () => {
    const store = await SnapshotStore.open(dataDir)
    for (const index of [10, 20, 30, 40]) await store.save(index, 1, meta('m'), bytes(100, index))
    assert.deepEqual((await store.list()).map(name => name.file), ['40-1.snap', '30-1.snap'])
    assert.equal((await store.latest())?.index, 40)
  })

  it('latest() skips a corrupt newest file with a warning; read() of it is a typed error', async () => {
    const store = await SnapshotStore.open(dataDir, { warn })
    await store.save(10, 1, meta('old'), bytes(5000, 1))
    await store.save(20, 2, meta('new'), bytes(5000, 2))
    await flipByteInFile(path.join(dataDir, 'snapshots', '20-2.snap'), -100)
    const latest = await store.latest()
    assert.equal(latest?.index, 10)
    assert.deepStrictEqual(latest?.data, bytes(5000, 1))
    assert.deepEqual(warnings, [{ kind: 'corrupt-snapshot-skipped', file: '20-2.snap', reason: 'checksum mismatch' }])
    await assert.rejects(store.read(20), (error: unknown) => error instanceof StorageCorruptError && error.part === 'snapshotFile')
  })

  it('a truncated file or a damaged header is skipped too', async () => {
    const store = await SnapshotStore.open(dataDir, { warn })
    await store.save(10, 1, meta('a'), bytes(1000, 1))
    await store.save(20, 1, meta('b'), bytes(1000, 2))
    await store.save(30, 1, meta('c'), bytes(1000, 3))
    // keep: 2 left 20 and 30; damage both, one by truncation, one in its header (the meta length).
    await truncate(path.join(dataDir, 'snapshots', '30-1.snap'), 500)
    await flipByteInFile(path.join(dataDir, 'snapshots', '20-1.snap'), 24)
    assert.equal(await store.latest(), undefined)
    assert.deepEqual(warnings.map(warning => warning.file), ['30-1.snap', '20-1.snap'])
  })

  it('leftover temp files of a crashed save are removed on open and never read', async () => {
    const directory = path.join(dataDir, 'snapshots')
    const store = await SnapshotStore.open(dataDir)
    await store.save(5, 1, meta('m'), bytes(10, 5))
    await writeFile(path.join(directory, '.tmp-999-0-deadbeef'), 'half a snapshot')
    const reopened = await SnapshotStore.open(dataDir)
    assert.deepEqual(await readdir(directory), ['5-1.snap'])
    assert.equal((await reopened.latest())?.index, 5)
  })

  describe('chunked transfer', () => {
    let leader: SnapshotStore
    let follower: SnapshotStore
    let followerDir: string
    const data = bytes(300_000, 7)

    beforeEach(async () => {
      leader = await SnapshotStore.open(dataDir)
      followerDir = path.join(dataDir, 'follower')
      follower = await SnapshotStore.open(followerDir)
      await leader.save(100, 4, meta('voters n0,n1,n2'), data)
    })

    it('round-trips chunk by chunk, in any order, with repeats', async () => {
      const reader = await leader.openReader(100)
      assert.ok(reader !== undefined)
      assert.deepEqual([reader.index, reader.term, reader.meta], [100, 4, meta('voters n0,n1,n2')])
      const chunkSize = 64 * 1024
      const chunks = await readWhole(reader, chunkSize)
      await reader.close()
      const receiver = await follower.beginReceive(100, 4, meta('voters n0,n1,n2'), reader.size)
      const order = chunks.map((_, i) => i).reverse()
      for (const i of [...order, 0]) await receiver.writeChunk(i * chunkSize, chunks[i] as Uint8Array)
      const info = await receiver.commit()
      assert.equal(info.dataSize, data.length)
      assert.deepStrictEqual(await follower.latest(), { index: 100, term: 4, meta: meta('voters n0,n1,n2'), data })
    })

    it('a chunk damaged in transit fails the checksum at commit; nothing is stored', async () => {
      const reader = await leader.openReader(100)
      assert.ok(reader !== undefined)
      const chunks = await readWhole(reader, 50_000)
      await reader.close()
      const damaged = new Uint8Array(chunks[3] as Uint8Array)
      damaged[17] = (damaged[17] ?? 0) ^ 1
      chunks[3] = damaged
      const receiver = await follower.beginReceive(100, 4, meta('voters n0,n1,n2'), reader.size)
      for (const [i, chunk] of chunks.entries()) await receiver.writeChunk(i * 50_000, chunk)
      await assert.rejects(receiver.commit(), (error: unknown) => {
        return error instanceof SnapshotTransferError && error.code === 'SNAPSHOT_TRANSFER' && error.problem === 'bad-checksum'
      })
      assert.equal(await follower.latest(), undefined)
      assert.deepEqual(await readdir(path.join(followerDir, 'snapshots')), [], 'the temp file is gone')
      await assert.rejects(receiver.writeChunk(0, new Uint8Array(1)), (error: unknown) => error instanceof SnapshotTransferError && error.problem === 'finished')
    })

    it('a missing chunk in the middle fails the checksum; a missing last chunk fails the size', async () => {
      const reader = await leader.openReader(100)
      assert.ok(reader !== undefined)
      const chunks = await readWhole(reader, 50_000)
      await reader.close()
      const holed = await follower.beginReceive(100, 4, meta('voters n0,n1,n2'), reader.size)
      for (const [i, chunk] of chunks.entries()) if (i !== 2) await holed.writeChunk(i * 50_000, chunk)
      await assert.rejects(holed.commit(), (error: unknown) => error instanceof SnapshotTransferError && error.problem === 'bad-checksum')
      const short = await follower.beginReceive(100, 4, meta('voters n0,n1,n2'), reader.size)
      for (const [i, chunk] of chunks.slice(0, -1).entries()) await short.writeChunk(i * 50_000, chunk)
      await assert.rejects(short.commit(), (error: unknown) => error instanceof SnapshotTransferError && error.problem === 'mismatch')
      assert.equal(await follower.latest(), undefined)
    })

    it('a file that is not the announced snapshot is refused; chunks past the size are refused', async () => {
      const reader = await leader.openReader(100)
      assert.ok(reader !== undefined)
      const [whole] = await readWhole(reader, reader.size)
      await reader.close()
      assert.ok(whole !== undefined)
      const wrongTerm = await follower.beginReceive(100, 5, meta('voters n0,n1,n2'), reader.size)
      await wrongTerm.writeChunk(0, whole)
      await assert.rejects(wrongTerm.commit(), (error: unknown) => error instanceof SnapshotTransferError && error.problem === 'mismatch')
      const receiver = await follower.beginReceive(100, 4, meta('voters n0,n1,n2'), reader.size)
      await assert.rejects(receiver.writeChunk(reader.size - 1, new Uint8Array(2)), (error: unknown) => error instanceof SnapshotTransferError && error.problem === 'out-of-range')
      await receiver.abort()
      assert.deepEqual(await readdir(path.join(followerDir, 'snapshots')), [])
    })

    it('a reader keeps serving its file after newer snapshots prune it', async () => {
      const reader = await leader.openReader(100)
      assert.ok(reader !== undefined)
      await leader.save(200, 4, meta('m'), bytes(10, 1))
      await leader.save(300, 4, meta('m'), bytes(10, 2))
      assert.equal(await leader.openReader(100), undefined)
      const chunks = await readWhole(reader, 100_000)
      await reader.close()
      const receiver = await follower.beginReceive(100, 4, meta('voters n0,n1,n2'), reader.size)
      for (const [i, chunk] of chunks.entries()) await receiver.writeChunk(i * 100_000, chunk)
      await receiver.commit()
      assert.deepStrictEqual((await follower.read(100))?.data, data)
    })
  })

  it('data of many sizes (around page boundaries, 1 MiB) round-trips through save and through transfer', async () => {
    const store = await SnapshotStore.open(dataDir)
    const follower = await SnapshotStore.open(path.join(dataDir, 'f'))
    for (const size of [0, 1, 4095, 4096, 4097, 1 << 20]) {
      const data = bytes(size, size + 11)
      await store.save(size + 1, 2, meta(`size ${size}`), data)
      assert.deepStrictEqual((await store.read(size + 1))?.data, data)
      const reader = await store.openReader(size + 1)
      assert.ok(reader !== undefined)
      const chunks = await readWhole(reader, 8192)
      await reader.close()
      const receiver = await follower.beginReceive(size + 1, 2, meta(`size ${size}`), reader.size)
      for (const [i, chunk] of chunks.entries()) await receiver.writeChunk(i * 8192, chunk)
      await receiver.commit()
      assert.deepStrictEqual((await follower.read(size + 1))?.data, data)
    }
  })
})
