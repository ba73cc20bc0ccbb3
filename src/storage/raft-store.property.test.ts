// The store's one promise, as a property: whatever records a core persists, in whatever groups
// and with whatever overlap between calls, reopening the store and loading gives exactly
// compactRecords(all of them), the list that rebuilds the same core (records.ts).

import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { RaftLog } from '../protocols/raft/log.js'
import type { RaftEntry } from '../protocols/raft/messages.js'
import { compactRecords, type RaftRecord } from '../protocols/raft/records.js'
import { RaftStore } from './raft-store.js'

type Command =
  | { readonly kind: 'write'; readonly back: number; readonly entries: readonly RaftEntry[] }
  | { readonly kind: 'hardState'; readonly term: number; readonly vote: string | undefined }
  | { readonly kind: 'snapshot'; readonly offset: number; readonly matching: boolean; readonly term: number; readonly voters: readonly string[]; readonly learners: readonly string[] }
  | { readonly kind: 'commit'; readonly index: number }

const nodeId = fc.constantFrom('n0', 'n1', 'n2', 'n3')
const entryArb: fc.Arbitrary<RaftEntry> = fc.record({
  // Any terms, not only growing ones: the store must not depend on Raft's ordering of terms.
  term: fc.integer({ min: 0, max: 6 }),
  kind: fc.constantFrom('app', 'noop', 'config'),
  payload: fc.uint8Array({ maxLength: 12 })
}).map(({ term, kind, payload }) => ({ term, kind, payload })) // plain objects, as a core makes them

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  // Appends are the common case; `back` > 0 rewrites a suffix (and `back` past the snapshot
  // makes an entries record that starts at or below it).
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('write' as const), back: fc.constant(0), entries: fc.array(entryArb, { maxLength: 5 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('write' as const), back: fc.integer({ min: 1, max: 8 }), entries: fc.array(entryArb, { maxLength: 5 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('hardState' as const), term: fc.integer({ min: 0, max: 9 }), vote: fc.option(nodeId, { nil: undefined }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('snapshot' as const),
      // Relative to the current marker: <= 0 is a stale marker, past the log end drops everything.
      offset: fc.integer({ min: -2, max: 10 }),
      matching: fc.boolean(),
      term: fc.integer({ min: 0, max: 6 }),
      voters: fc.array(nodeId, { maxLength: 3 }),
      learners: fc.array(nodeId, { maxLength: 2 })
    })
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('commit' as const), index: fc.integer({ min: 0, max: 40 }) }) }
)

/** Turns commands into records a core could persist: entries records never leave a gap. */
function toRecords (commands: readonly Command[]): RaftRecord[] {
  const log = new RaftLog({ index: 0, term: 0, membership: { voters: [], learners: [] } })
  const records: RaftRecord[] = []
  for (const command of commands) {
    switch (command.kind) {
      case 'write': {
        const index = Math.max(1, log.lastIndex() + 1 - command.back)
        records.push({ type: 'entries', index, entries: command.entries })
        log.truncateAndAppend(index, command.entries)
        break
      }
      case 'hardState':
        records.push(command.vote === undefined ? { type: 'hardState', term: command.term } : { type: 'hardState', term: command.term, vote: command.vote })
        break
      case 'snapshot': {
        const index = Math.max(0, log.snapshotIndex + command.offset)
        const term = command.matching ? (log.term(index) ?? command.term) : command.term
        records.push({ type: 'snapshot', index, term, voters: command.voters, learners: command.learners })
        if (index > log.snapshotIndex) log.installSnapshot({ index, term, membership: { voters: [], learners: [] } })
        break
      }
      case 'commit':
        records.push({ type: 'commit', index: command.index })
        break
      default: {
        const unreachable: never = command
        throw new Error(`unknown command ${JSON.stringify(unreachable)}`)
      }
    }
  }
  return records
}

/** Cuts `records` into consecutive calls of the given sizes (the last call takes the rest). */
function split (records: readonly RaftRecord[], sizes: readonly number[]): RaftRecord[][] {
  const calls: RaftRecord[][] = []
  let at = 0
  for (const size of sizes) {
    if (at >= records.length) break
    calls.push(records.slice(at, at + size))
    at += size
  }
  if (at < records.length) calls.push(records.slice(at))
  return calls
}

describe('raft store: load() after any persisted history is compactRecords(history)', () => {
  let root: string
  let run = 0
  before(async () => { root = await mkdtemp(path.join(tmpdir(), 'bh-raft-property-')) })
  after(async () => { await rm(root, { recursive: true, force: true }) })

  it('random records, random group splits and overlapping calls, a reopen midway and at the end', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(commandArb, { maxLength: 40 }).map(toRecords),
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 40 }),
        fc.array(fc.boolean(), { maxLength: 40 }),
        fc.option(fc.nat({ max: 20 }), { nil: undefined }),
        async (records, sizes, awaitEach, reopenBefore) => {
          const dir = path.join(root, `run-${run++}`)
          const calls = split(records, sizes)
          let store = await RaftStore.open(dir)
          try {
            let inFlight: Promise<void>[] = []
            for (const [i, call] of calls.entries()) {
              if (i === reopenBefore) {
                await Promise.all(inFlight)
                inFlight = []
                await store.close()
                store = await RaftStore.open(dir)
                assert.deepStrictEqual(await store.load(), compactRecords(calls.slice(0, i).flat()), 'after a reopen midway')
              }
              const persisted = store.persist(call)
              inFlight.push(persisted)
              // Awaiting some calls and not others mixes lone batches with grouped ones.
              if (awaitEach[i] === true) await persisted
            }
            await Promise.all(inFlight)
            const expected = compactRecords(records)
            assert.deepStrictEqual(await store.load(), expected, 'load() on the open store')
            await store.close()
            store = await RaftStore.open(dir)
            assert.deepStrictEqual(await store.load(), expected, 'load() after reopening')
          } finally {
            await store.close()
            await rm(dir, { recursive: true, force: true })
          }
        }
      ),
      { numRuns: 150 }
    )
  })
})
