// What a Raft core asks its host to make durable: one closed union, applied in persist-id order.
// A restarted core is rebuilt by replaying exactly the acknowledged records, oldest first
// (RaftCore's constructor); the rules below are the whole replay semantics.

import { assertNever, type NodeId } from '../core.js'
import { RaftLog } from './log.js'
import { normalizeMembership } from './membership.js'
import type { RaftEntry } from './messages.js'

/** currentTerm and votedFor (paper Figure 2, "persistent state"). The latest one wins. */
export interface HardStateRecord {
  readonly type: 'hardState'
  readonly term: number
  /** Absent when the node has not voted in `term`. */
  readonly vote?: NodeId
}

/**
 * Entries written at `index`, `index + 1`, ...: every entry at `index` or above that was in the
 * log before is discarded first (a conflicting suffix, paper §5.3, receiver rule 3).
 */
export interface EntriesRecord {
  readonly type: 'entries'
  readonly index: number
  readonly entries: readonly RaftEntry[]
}

/**
 * The app's state covers the log up to `index` (whose entry has `term`), with the membership in
 * force at `index`. Entries up to `index` are dropped. If the log held an entry at `index` with
 * this term, the entries after it are kept; otherwise the whole log is dropped (paper §7,
 * InstallSnapshot receiver rules 6 and 7).
 */
export interface SnapshotRecord {
  readonly type: 'snapshot'
  readonly index: number
  readonly term: number
  readonly voters: readonly NodeId[]
  readonly learners: readonly NodeId[]
}

/**
 * A hint: entries up to `index` are known committed. Lets a restarted node hand them to its app
 * again before it hears from a leader. Nothing waits for it to be durable.
 */
export interface CommitRecord {
  readonly type: 'commit'
  readonly index: number
}

export type RaftRecord = HardStateRecord | EntriesRecord | SnapshotRecord | CommitRecord

/**
 * A shorter list of records that rebuilds the same core (term, vote, log, snapshot, commit hint):
 * for a host that wants to compact its record store, e.g. after a snapshot marker. Rebuilding
 * needs the whole list otherwise. Persist ids of a core rebuilt from it start at length + 1.
 */
export function compactRecords(records: readonly RaftRecord[]): RaftRecord[] {
  let hardState: HardStateRecord | undefined
  let snapshot: SnapshotRecord | undefined
  let commit: CommitRecord | undefined
  // Replay the log part with the same rules the core uses (RaftLog), remembering only its shape.
  const log = new RaftLog({ index: 0, term: 0, membership: { voters: [], learners: [] } })
  for (const record of records) {
    switch (record.type) {
      case 'hardState':
        hardState = record
        break
      case 'entries':
        log.truncateAndAppend(record.index, record.entries)
        break
      case 'snapshot':
        if (record.index > log.snapshotIndex) {
          log.installSnapshot({ index: record.index, term: record.term, membership: normalizeMembership(record.voters, record.learners) })
          snapshot = record
        }
        break
      case 'commit':
        if (commit === undefined || record.index > commit.index) commit = record
        break
      default:
        assertNever(record)
    }
  }
  const compacted: RaftRecord[] = []
  if (hardState !== undefined) compacted.push(hardState)
  if (snapshot !== undefined) compacted.push(snapshot)
  if (log.lastIndex() >= log.firstIndex()) {
    compacted.push({ type: 'entries', index: log.firstIndex(), entries: log.slice(log.firstIndex(), log.lastIndex()) })
  }
  if (commit !== undefined) compacted.push(commit)
  return compacted
}
