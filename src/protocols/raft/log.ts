// The in-memory Raft log: a snapshot (index, term, membership) followed by the entries after it.
// Indices are 1-based; index 0 with term 0 is the empty log's sentinel. Terms never decrease
// along a log (each leader appends its own term after what it inherited), which the searches
// below rely on.

import { decodeMembership, type Membership } from './membership.js'
import type { RaftEntry } from './messages.js'

export interface SnapshotPoint {
  readonly index: number
  readonly term: number
  readonly membership: Membership
}

/** A membership and the index of the entry (or snapshot) that set it. */
export interface ConfigPoint {
  readonly membership: Membership
  readonly index: number
}

export class RaftLog {
  private snapshot: SnapshotPoint
  /** entries[0] is at snapshot.index + 1. */
  private entries: RaftEntry[] = []

  constructor(snapshot: SnapshotPoint) {
    this.snapshot = snapshot
  }

  get snapshotIndex(): number {
    return this.snapshot.index
  }

  get snapshotTerm(): number {
    return this.snapshot.term
  }

  get snapshotMembership(): Membership {
    return this.snapshot.membership
  }

  firstIndex(): number {
    return this.snapshot.index + 1
  }

  lastIndex(): number {
    return this.snapshot.index + this.entries.length
  }

  lastTerm(): number {
    return this.entries.at(-1)?.term ?? this.snapshot.term
  }

  /** The term at `index`, or undefined when it was compacted away or is past the end. */
  term(index: number): number | undefined {
    if (index === this.snapshot.index) return this.snapshot.term
    return this.entry(index)?.term
  }

  entry(index: number): RaftEntry | undefined {
    if (index <= this.snapshot.index) return undefined
    return this.entries[index - this.snapshot.index - 1]
  }

  matchTerm(index: number, term: number): boolean {
    return this.term(index) === term
  }

  /** Entries from..to inclusive; the caller keeps them inside [firstIndex, lastIndex]. */
  slice(from: number, to: number): RaftEntry[] {
    if (from < this.firstIndex() || to > this.lastIndex()) {
      throw new Error(`raft log: slice ${from}..${to} outside ${this.firstIndex()}..${this.lastIndex()}`)
    }
    return this.entries.slice(from - this.snapshot.index - 1, to - this.snapshot.index)
  }

  /**
   * Up to `maxCount` entries starting at `from`, stopping before `maxBytes` of payload (but at
   * least one entry). Undefined when `from` was compacted away: the follower needs a snapshot.
   */
  entriesFrom(from: number, maxCount: number, maxBytes: number): RaftEntry[] | undefined {
    if (from <= this.snapshot.index) return undefined
    const batch: RaftEntry[] = []
    let bytes = 0
    for (let index = from; index <= this.lastIndex() && batch.length < maxCount; index++) {
      const entry = this.entries[index - this.snapshot.index - 1]
      if (entry === undefined) break
      if (batch.length > 0 && bytes + entry.payload.length > maxBytes) break
      bytes += entry.payload.length
      batch.push(entry)
    }
    return batch
  }

  /**
   * Write `entries` at `index`, discarding whatever was at `index` and after. Entries that fall
   * at or below the snapshot are skipped: they are committed and already agree.
   */
  truncateAndAppend(index: number, entries: readonly RaftEntry[]): void {
    if (index > this.lastIndex() + 1) {
      throw new Error(`raft log: write at ${index} leaves a gap after ${this.lastIndex()}`)
    }
    const skip = Math.max(0, this.snapshot.index + 1 - index)
    const start = index + skip
    this.entries.length = start - this.snapshot.index - 1
    for (let i = skip; i < entries.length; i++) {
      const entry = entries[i]
      if (entry !== undefined) this.entries.push(entry)
    }
  }

  /**
   * The first index after `prevIndex` where `entries` disagree with the log (missing or a
   * different term), or 0 when the log already holds all of them.
   */
  findConflict(prevIndex: number, entries: readonly RaftEntry[]): number {
    for (let i = 0; i < entries.length; i++) {
      const index = prevIndex + 1 + i
      const entry = entries[i]
      if (index <= this.snapshot.index) continue
      if (entry === undefined || this.term(index) !== entry.term) return index
    }
    return 0
  }

  /** The first index at or below `atMost` holding `term` (fast backup hint, thesis §5.3); at least firstIndex. */
  firstIndexOfTerm(term: number, atMost: number): number {
    // Terms never decrease: binary search for the first entry whose term is >= `term`.
    let low = this.firstIndex()
    let high = Math.min(atMost, this.lastIndex())
    while (low < high) {
      const middle = Math.floor((low + high) / 2)
      if ((this.term(middle) ?? 0) < term) low = middle + 1
      else high = middle
    }
    return low
  }

  /** The last index at or below `atMost` holding `term`, if the log holds that term there. */
  lastIndexOfTerm(term: number, atMost: number): number | undefined {
    // Binary search for the last index whose term is <= `term`, then check it is exactly `term`.
    let low = this.snapshot.index
    let high = Math.min(atMost, this.lastIndex())
    if (high < low) return undefined
    if ((this.term(low) ?? 0) > term) return undefined
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      if ((this.term(middle) ?? 0) <= term) low = middle
      else high = middle - 1
    }
    return this.term(low) === term ? low : undefined
  }

  append(entries: readonly RaftEntry[]): void {
    this.entries.push(...entries)
  }

  /**
   * Make `point` the snapshot. If the log holds an entry at point.index with point.term, the
   * entries after it are kept and only the prefix is dropped; otherwise everything is dropped
   * (paper §7, receiver rules 6 and 7). Returns whether the suffix was kept.
   */
  installSnapshot(point: SnapshotPoint): boolean {
    if (point.index <= this.snapshot.index) return true
    const keep = this.term(point.index) === point.term
    this.entries = keep ? this.entries.slice(point.index - this.snapshot.index) : []
    this.snapshot = point
    return keep
  }

  /** The membership in force at `index`: the latest config entry at or below it, else the snapshot's. */
  configAt(index: number): ConfigPoint {
    for (let i = Math.min(index, this.lastIndex()); i > this.snapshot.index; i--) {
      const entry = this.entry(i)
      if (entry?.kind === 'config') return { membership: decodeMembership(entry.payload), index: i }
    }
    return { membership: this.snapshot.membership, index: this.snapshot.index }
  }

  /** The latest configuration in the log, committed or not: the one a server uses (thesis §4.1). */
  latestConfig(): ConfigPoint {
    return this.configAt(this.lastIndex())
  }
}
