// The simulator's agenda: a binary min-heap keyed by (virtual time, sequence number). The
// sequence number is the insertion order, so two events at the same instant always run in the
// order they were scheduled: that tie-break is what makes a run a function of its seed.

/** Everything a scheduled event can be. Node-bound events carry the incarnation they belong to. */
export type EventKind =
  | 'tick'
  | 'deliver'
  | 'snapshot'
  | 'persisted'
  | 'fault'
  | 'restart'
  | 'client-request'
  | 'client-response'
  | 'client-timeout'
  | 'client-next'
  | 'mark'

/**
 * One shape for every event keeps the heap's property reads monomorphic (it is the hottest loop
 * of the simulator); `data` holds the kind-specific part.
 */
export class SimEvent {
  constructor(
    public time: number,
    public seq: number,
    public kind: EventKind,
    /** Target node index (or client index for client-* events). */
    public node: number,
    /** Sending node index where it applies, else -1. */
    public from: number,
    /** The target's incarnation when scheduled, for timers that die with a crash; -1 = any. */
    public incarnation: number,
    public data: unknown
  ) {}
}

export class EventQueue {
  private heap: SimEvent[] = []
  private nextSeq = 0
  /** Processed events, reused: a run schedules millions, and allocating each is GC pressure. */
  private free: SimEvent[] = []

  get size(): number {
    return this.heap.length
  }

  schedule(time: number, kind: EventKind, node: number, from: number, incarnation: number, data: unknown): void {
    let event = this.free.pop()
    if (event === undefined) {
      event = new SimEvent(time, this.nextSeq++, kind, node, from, incarnation, data)
    } else {
      event.time = time
      event.seq = this.nextSeq++
      event.kind = kind
      event.node = node
      event.from = from
      event.incarnation = incarnation
      event.data = data
    }
    const heap = this.heap
    let i = heap.length
    heap.push(event)
    while (i > 0) {
      const parent = (i - 1) >> 1
      const p = heap[parent]!
      if (p.time < time || (p.time === time && p.seq < event.seq)) break
      heap[i] = p
      i = parent
    }
    heap[i] = event
  }

  peekTime(): number {
    return this.heap.length === 0 ? Infinity : this.heap[0]!.time
  }

  /** Hand a popped event back once it is fully processed; it must not be used afterwards. */
  release(event: SimEvent): void {
    event.data = undefined
    this.free.push(event)
  }

  pop(): SimEvent | undefined {
    const heap = this.heap
    const top = heap[0]
    if (top === undefined) return undefined
    const last = heap.pop()!
    const n = heap.length
    if (n > 0) {
      let i = 0
      while (true) {
        const left = 2 * i + 1
        if (left >= n) break
        const right = left + 1
        let child = left
        let c = heap[left]!
        if (right < n) {
          const r = heap[right]!
          if (r.time < c.time || (r.time === c.time && r.seq < c.seq)) {
            child = right
            c = r
          }
        }
        if (last.time < c.time || (last.time === c.time && last.seq < c.seq)) break
        heap[i] = c
        i = child
      }
      heap[i] = last
    }
    return top
  }
}
