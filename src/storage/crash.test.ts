// DESIGN.md, "Storage": a write that was acknowledged survives kill -9. A child process writes
// through the store with concurrent writers and prints every acknowledgement; the test kills it
// with SIGKILL in the middle of the stream, several times over the same directory, and checks
// that every acknowledged entry and hard state is there, and that nothing is torn.
//
// What this does and does not show: SIGKILL loses everything the process held in memory, so an
// acknowledgement given before the write reached the operating system would be caught here. It
// cannot cut the power, so it does not prove the fsync itself; that rests on LevelDB's sync
// write (fdatasync of its write-ahead log), which the store asks for on every batch.

import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { RaftRecord } from '../protocols/raft/records.js'
import { RaftStore, type StorageWarning } from './raft-store.js'

const writerScript = fileURLToPath(new URL('./fixtures/crash-writer.js', import.meta.url))

interface Acknowledged {
  readonly firstIndex: number
  readonly indices: number[]
  readonly maxTerm: number
}

/** Runs the writer on `dir` until it has acknowledged `acks` writes, then kills it with SIGKILL. */
async function writeUntilKilled (dir: string, acks: number): Promise<Acknowledged> {
  const child = spawn(process.execPath, [writerScript, dir, '16'], { stdio: ['ignore', 'pipe', 'inherit'] })
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('close', (_code, signal) => resolve(signal)))
  const indices: number[] = []
  let firstIndex = 0
  let maxTerm = 0
  let killed = false
  // Read to the end: acks printed just before the kill are still in the pipe.
  for await (const line of createInterface({ input: child.stdout })) {
    const [word, index, term] = line.split(' ')
    if (word === 'ready') {
      firstIndex = Number(index)
    } else if (word === 'ack') {
      indices.push(Number(index))
      maxTerm = Math.max(maxTerm, Number(term))
      if (indices.length >= acks && !killed) {
        killed = true
        child.kill('SIGKILL')
      }
    }
  }
  assert.equal(await exited, 'SIGKILL', 'the writer was killed, not finished')
  return { firstIndex, indices, maxTerm }
}

describe('raft store: acknowledged writes survive kill -9', () => {
  let dir: string
  before(async () => { dir = await mkdtemp(path.join(tmpdir(), 'bh-raft-crash-')) })
  after(async () => { await rm(dir, { recursive: true, force: true }) })

  it('five kills mid-stream: every acknowledged entry and term is on disk, nothing torn, nothing after a hole', async () => {
    const decoder = new TextDecoder()
    for (let round = 0; round < 5; round++) {
      const acknowledged = await writeUntilKilled(dir, 1500)
      assert.ok(acknowledged.indices.length >= 1500)

      const warnings: StorageWarning[] = []
      const store = await RaftStore.open(dir, { warn: (_message, warning) => warnings.push(warning) })
      const records: RaftRecord[] = await store.load()
      await store.close()

      assert.deepEqual(warnings, [], 'a crash leaves no damage for recovery to repair')
      const hardState = records.find(record => record.type === 'hardState')
      const log = records.find(record => record.type === 'entries')
      assert.ok(log !== undefined && log.index === 1, 'the log starts at 1')
      const lastIndex = log.index + log.entries.length - 1
      // Every entry present is whole and is the one written at its index: present or absent, never torn.
      log.entries.forEach((entry, offset) => {
        assert.equal(decoder.decode(entry.payload), `entry ${log.index + offset}`)
      })
      const highestAck = Math.max(...acknowledged.indices)
      assert.ok(lastIndex >= highestAck, `round ${round}: acknowledged ${highestAck} but the log ends at ${lastIndex}`)
      assert.ok((hardState?.type === 'hardState' ? hardState.term : 0) >= acknowledged.maxTerm, 'the acknowledged term is durable')
      assert.ok(acknowledged.firstIndex <= lastIndex)
    }
  })
})
