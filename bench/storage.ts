// How fast the Raft store makes entries durable: 200-byte entries, N concurrent writers each
// persisting one entry per call and waiting for it, every call acknowledged only after its batch
// is fsynced. Group commit is what makes more writers faster: calls that arrive while one batch
// is being synced go to disk together in the next. A second table shows one writer handing over
// many entries per call, as a leader or a follower applying an Append does.
//
//   npm run build && node dist/bench/storage.js [--seconds S] [--dir DIR] [--writers 1,16,64,256] [--per-call 16,256]
//
// DIR must be on the disk you care about (a tmpfs makes fsync free and the numbers meaningless).

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { RaftStore } from '../src/storage/raft-store.js'

const ENTRY_BYTES = 200

interface Result {
  readonly writers: number
  readonly entries: number
  readonly seconds: number
  readonly batches: number
  readonly p50Ms: number
  readonly p99Ms: number
}

function percentile (sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0
}

async function run (root: string, writers: number, perCall: number, seconds: number): Promise<Result> {
  const dir = await mkdtemp(path.join(root, `w${writers}-`))
  const store = await RaftStore.open(dir)
  const payload = new Uint8Array(ENTRY_BYTES).fill(7)
  const latencies: number[] = []
  let next = 1
  let stop = false
  const started = performance.now()
  const batch = Array.from({ length: perCall }, () => ({ term: 1, kind: 'app' as const, payload }))
  let entries = 0
  const writer = async (): Promise<void> => {
    while (!stop) {
      const index = next
      next += perCall
      const before = performance.now()
      await store.persist([{ type: 'entries', index, entries: batch }])
      latencies.push(performance.now() - before)
      entries += perCall
    }
  }
  const timer = setTimeout(() => { stop = true }, seconds * 1000)
  await Promise.all(Array.from({ length: writers }, writer))
  clearTimeout(timer)
  const elapsed = (performance.now() - started) / 1000
  const { syncedBatches } = store.stats()
  await store.close()
  await rm(dir, { recursive: true, force: true })
  latencies.sort((a, b) => a - b)
  return { writers, entries, seconds: elapsed, batches: syncedBatches, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) }
}

async function main (): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '3' },
      dir: { type: 'string' },
      writers: { type: 'string', default: '1,16,64,256' },
      'per-call': { type: 'string', default: '16,256' }
    }
  })
  const seconds = Number(values.seconds)
  const writerCounts = values.writers.split(',').map(Number)
  const perCallCounts = values['per-call'].split(',').filter(Boolean).map(Number)
  const root = await mkdtemp(path.join(values.dir ?? tmpdir(), 'bh-bench-storage-'))
  console.log(`raft store (classic-level, sync: true), ${ENTRY_BYTES}-byte entries, ${seconds}s per run, in ${root}`)
  const header = 'writers  entries/call  entries/s  synced batches/s  entries/batch  call p50 ms  call p99 ms'
  const print = (result: Result, perCall: number): void => {
    console.log([
      String(result.writers).padStart(7),
      String(perCall).padStart(13),
      (result.entries / result.seconds).toFixed(0).padStart(10),
      (result.batches / result.seconds).toFixed(0).padStart(17),
      (result.entries / Math.max(1, result.batches)).toFixed(1).padStart(14),
      result.p50Ms.toFixed(2).padStart(12),
      result.p99Ms.toFixed(2).padStart(12)
    ].join(' '))
  }
  try {
    console.log(`\nN writers, one entry per call\n${header}`)
    for (const writers of writerCounts) print(await run(root, writers, 1, seconds), 1)
    if (perCallCounts.length > 0) {
      console.log(`\none writer, many entries per call\n${header}`)
      for (const perCall of perCallCounts) print(await run(root, 1, perCall, seconds), perCall)
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

await main()
