// What the Raft store remembers about its log without reading it: where the retained log starts
// and ends, and the term of every retained entry, run-length encoded. That is all the replay
// rules of records.ts need (truncating a suffix deletes keys up to lastIndex; a snapshot keeps
// the suffix only when the log holds an entry at its index with its term), so a write never
// scans the database. Raft terms only grow along a log, so the runs are few: one per term.

interface TermRun {
  /** The first index of the run; the run goes on to the next run's start, or to lastIndex. */
  readonly start: number
  readonly term: number
}

export class LogShape {
  private constructor (
    /** The snapshot marker's index: entries up to it are compacted away (0: no marker). */
    private snapshotIndexValue: number,
    private lastIndexValue: number,
    private runs: TermRun[]
  ) {}

  static empty (): LogShape {
    return new LogShape(0, 0, [])
  }

  /** Starts a shape at a snapshot marker, with no entries yet; `appendTerm` adds them. */
  static afterSnapshot (snapshotIndex: number): LogShape {
    return new LogShape(snapshotIndex, snapshotIndex, [])
  }

  clone (): LogShape {
    return new LogShape(this.snapshotIndexValue, this.lastIndexValue, [...this.runs])
  }

  get snapshotIndex (): number {
    return this.snapshotIndexValue
  }

  get firstIndex (): number {
    return this.snapshotIndexValue + 1
  }

  get lastIndex (): number {
    return this.lastIndexValue
  }

  /** The term of the retained entry at `index`, or undefined outside firstIndex..lastIndex. */
  termAt (index: number): number | undefined {
    if (index < this.firstIndex || index > this.lastIndexValue) return undefined
    // The last run starting at or before `index`.
    let low = 0
    let high = this.runs.length - 1
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      const run = this.runs[middle]
      if (run !== undefined && run.start <= index) low = middle
      else high = middle - 1
    }
    return this.runs[low]?.term
  }

  /** Forgets every entry after `index` (index >= snapshotIndex). */
  truncateAfter (index: number): void {
    this.lastIndexValue = index
    while ((this.runs.at(-1)?.start ?? 0) > index) this.runs.pop()
  }

  /** Adds the entry at lastIndex + 1. */
  appendTerm (term: number): void {
    this.lastIndexValue++
    if (this.runs.at(-1)?.term !== term) this.runs.push({ start: this.lastIndexValue, term })
  }

  /** Moves the snapshot marker to `index` and keeps only the entries after it. */
  compactThrough (index: number): void {
    this.snapshotIndexValue = index
    if (this.lastIndexValue < index) this.lastIndexValue = index
    const first = index + 1
    // Drop the runs that end before `first`; the run that holds `first` now starts there.
    while (this.runs.length > 1 && (this.runs[1]?.start ?? Infinity) <= first) this.runs.shift()
    const head = this.runs[0]
    if (head === undefined) return
    if (first > this.lastIndexValue) this.runs = []
    else if (head.start < first) this.runs[0] = { start: first, term: head.term }
  }
}
