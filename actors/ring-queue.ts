/**
 * FIFO queue over a power-of-two ring that doubles when full. Push and shift are O(1) and
 * allocate nothing until the ring grows, which matters on the 100k messages/s router path.
 */
export class RingQueue<T> {
  private slots: (T | undefined)[]
  private head = 0
  private count = 0

  constructor(initialSize = 16) {
    let size = 1
    while (size < initialSize) size *= 2
    this.slots = new Array<T | undefined>(size).fill(undefined)
  }

  get length(): number {
    return this.count
  }

  push(item: T): void {
    if (this.count === this.slots.length) this.grow()
    this.slots[(this.head + this.count) & (this.slots.length - 1)] = item
    this.count++
  }

  /** The oldest item. The caller checks `length > 0` first. */
  shift(): T {
    const item = this.slots[this.head] as T
    this.slots[this.head] = undefined
    this.head = (this.head + 1) & (this.slots.length - 1)
    this.count--
    return item
  }

  /** Remove every item, oldest first, handing each to `onItem`. */
  drain(onItem: (item: T) => void): void {
    while (this.count > 0) onItem(this.shift())
  }

  private grow(): void {
    const next = new Array<T | undefined>(this.slots.length * 2).fill(undefined)
    const mask = this.slots.length - 1
    for (let i = 0; i < this.count; i++) next[i] = this.slots[(this.head + i) & mask]
    this.slots = next
    this.head = 0
  }
}
