// Which prefix of the in-memory log is durable. The leader counts itself towards a commit only
// up to here (thesis §10.2.1: it may send before its own write completes, but not count it), and
// a commit effect never hands the app an entry that a crash could still take back.
//
// Each log write (entries, or a snapshot marker) replaces the in-memory log from `start` on and,
// once acknowledged, makes it durable up to `end`. Writes become durable in id order (the host
// applies records in order), so on an acknowledgement the durable prefix grows to the write's
// `end`, clipped by any later write that has already replaced positions before it.

interface PendingWrite {
  readonly id: number
  end: number
}

export class Durability {
  private pending: PendingWrite[] = []

  constructor(public durableIndex: number) {}

  /** A write with persist id `id` changes the log from `start` on; durable, it covers up to `end`. */
  write(id: number, start: number, end: number): void {
    this.durableIndex = Math.min(this.durableIndex, start - 1)
    for (const write of this.pending) write.end = Math.min(write.end, start - 1)
    this.pending.push({ id, end })
  }

  /** Every persist with id <= `id` is durable. */
  acknowledge(id: number): void {
    while (this.pending.length > 0 && (this.pending[0]?.id ?? Infinity) <= id) {
      const write = this.pending.shift()
      if (write !== undefined) this.durableIndex = Math.max(this.durableIndex, write.end)
    }
  }
}
