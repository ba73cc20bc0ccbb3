// Where actors get time. Production uses the event loop's timers; tests use `ManualClock`,
// whose time moves only when the test says so.

export interface ClockTimer {
  cancel(): void
}

export interface Clock {
  /** Milliseconds, monotonic; only differences are meaningful. */
  now(): number
  /** Call `fire` once, `delayMs` from now. */
  setTimer(delayMs: number, fire: () => void): ClockTimer
}

export class SystemClock implements Clock {
  now(): number {
    return performance.now()
  }

  setTimer(delayMs: number, fire: () => void): ClockTimer {
    const timeout = setTimeout(fire, delayMs)
    return { cancel: () => clearTimeout(timeout) }
  }
}

interface ManualTimer {
  readonly dueAt: number
  readonly fire: () => void
}

/** Virtual time. Timers fire in due-time order, ties in the order they were set. */
export class ManualClock implements Clock {
  private time: number
  /** Sorted by dueAt; a new timer goes after every timer due at the same time. */
  private readonly timers: ManualTimer[] = []

  constructor(startMs = 0) {
    this.time = startMs
  }

  now(): number {
    return this.time
  }

  setTimer(delayMs: number, fire: () => void): ClockTimer {
    const timer: ManualTimer = { dueAt: this.time + Math.max(0, delayMs), fire }
    this.timers.splice(this.insertionIndex(timer.dueAt), 0, timer)
    return {
      cancel: () => {
        const index = this.timers.indexOf(timer)
        if (index >= 0) this.timers.splice(index, 1)
      }
    }
  }

  get pendingTimers(): number {
    return this.timers.length
  }

  /** Due time of the earliest timer, if any. */
  nextDueAt(): number | undefined {
    return this.timers[0]?.dueAt
  }

  /**
   * Fire the earliest timer if it is due at or before `until`, moving time to its due time.
   * Returns false when no timer is due. One timer per call lets a caller run the actors
   * between firings, so a timer cancelled by the reaction to an earlier one never fires.
   */
  fireNext(until: number): boolean {
    const timer = this.timers[0]
    if (timer === undefined || timer.dueAt > until) return false
    this.timers.shift()
    this.time = Math.max(this.time, timer.dueAt)
    timer.fire()
    return true
  }

  /** Fire every timer due within `ms`, in order, then set time to now + ms. */
  advance(ms: number): void {
    const until = this.time + ms
    while (this.fireNext(until)) {
      // each firing may set new timers that are themselves due before `until`
    }
    this.time = until
  }

  private insertionIndex(dueAt: number): number {
    let low = 0
    let high = this.timers.length
    while (low < high) {
      const mid = (low + high) >>> 1
      const timer = this.timers[mid]
      if (timer !== undefined && timer.dueAt <= dueAt) low = mid + 1
      else high = mid
    }
    return low
  }
}
