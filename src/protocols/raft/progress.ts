// What the leader knows about one follower or learner, and how fast it may send to it
// (flow control after etcd raft's progress tracker, described in words in thesis §10.2.1/§10.2.2):
//
//   probe      the leader does not know where the follower's log matches: one Append at a time,
//              then wait for the answer (or the next heartbeat answer) before sending another.
//   replicate  the follower's log matches at `match`: stream Appends back to back (pipelining),
//              optimistically advancing `next`, with at most `maxInflight` unacknowledged.
//   snapshot   the follower needs entries the leader compacted away: a snapshot is on its way,
//              send nothing until it is acknowledged (or the retry timer gives up on it).

export type ReplicationState = 'probe' | 'replicate' | 'snapshot'

/** The last indices of Appends sent and not yet acknowledged, oldest first. */
export class Inflights {
  private lastIndices: number[] = []

  constructor(readonly capacity: number) {}

  get count(): number {
    return this.lastIndices.length
  }

  full(): boolean {
    return this.lastIndices.length >= this.capacity
  }

  add(lastIndex: number): void {
    if (this.full()) throw new Error('raft inflights: window is full')
    this.lastIndices.push(lastIndex)
  }

  /** An acknowledgement up to `index` frees every Append that ended at or before it. */
  freeTo(index: number): void {
    let freed = 0
    while (freed < this.lastIndices.length && (this.lastIndices[freed] ?? Infinity) <= index) freed++
    if (freed > 0) this.lastIndices = this.lastIndices.slice(freed)
  }

  reset(): void {
    this.lastIndices = []
  }
}

export class Progress {
  /** Highest index known to be replicated on the follower (paper Figure 2, matchIndex). */
  match = 0
  /** Next index to send (paper Figure 2, nextIndex). */
  next: number
  state: ReplicationState = 'probe'
  /** probe: an Append is out and unanswered. */
  probeSent = false
  /** snapshot: the index of the snapshot sent. */
  pendingSnapshot = 0
  /** snapshot: ticks since it was sent. */
  snapshotElapsed = 0
  /** Ticks since the leader last heard from this peer (check-quorum, thesis §6.2). */
  inactiveTicks = 0
  /** Newest ReadIndex context this peer acknowledged (thesis §6.4). */
  readAck = 0
  readonly inflights: Inflights

  constructor(next: number, maxInflight: number) {
    this.next = next
    this.inflights = new Inflights(maxInflight)
  }

  becomeProbe(): void {
    this.state = 'probe'
    this.next = this.match + 1
    this.probeSent = false
    this.inflights.reset()
  }

  becomeReplicate(): void {
    this.state = 'replicate'
    this.next = this.match + 1
    this.inflights.reset()
  }

  becomeSnapshot(index: number): void {
    this.state = 'snapshot'
    this.pendingSnapshot = index
    this.snapshotElapsed = 0
    this.inflights.reset()
  }

  /** Sending is paused: probe waiting for an answer, replicate window full, or snapshot in flight. */
  isPaused(): boolean {
    switch (this.state) {
      case 'probe': return this.probeSent
      case 'replicate': return this.inflights.full()
      case 'snapshot': return true
    }
  }

  /** An Append covering entries up to `lastIndex` (undefined: an empty Append) went out. */
  onAppendSent(lastIndex: number | undefined): void {
    switch (this.state) {
      case 'probe':
        this.probeSent = true
        return
      case 'replicate':
        if (lastIndex !== undefined) {
          this.next = lastIndex + 1
          this.inflights.add(lastIndex)
        }
        return
      case 'snapshot':
        return
    }
  }

  /** A successful acknowledgement up to `index`. Returns whether `match` advanced. */
  maybeUpdate(index: number): boolean {
    const advanced = index > this.match
    if (advanced) {
      this.match = index
      this.probeSent = false
    }
    this.next = Math.max(this.next, index + 1)
    return advanced
  }

  /**
   * A rejection of the Append whose prevIndex was `rejected`; `hintNext` is where the fast-backup
   * hint says to resume. Returns false when the rejection is stale (answers an Append the leader
   * already moved past), true when `next` moved back and a new probe should go out.
   */
  maybeDecrTo(rejected: number, hintNext: number): boolean {
    switch (this.state) {
      case 'replicate':
        if (rejected <= this.match) return false
        this.becomeProbe()
        break
      case 'probe':
        if (rejected !== this.next - 1) return false
        break
      case 'snapshot':
        return false
    }
    this.next = Math.max(this.match + 1, Math.min(rejected, hintNext))
    this.probeSent = false
    return true
  }
}
