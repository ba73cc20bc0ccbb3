// Linearizability of a concurrent history: Wing & Gong's search with Lowe's improvements
// (G. Lowe, "Testing for linearizability", 2017) as in porcupine/Knossos-style checkers:
// walk the history's call/return entries in real-time order, tentatively linearize a call
// whose operation the sequential model accepts, backtrack at a return whose operation was not
// linearized yet, and memoise (set of linearized operations, model state) so that no
// configuration is explored twice.
//
// Operations that never returned (the client timed out, the run ended) have no return entry:
// they may take effect at any point after their call, or never; linearizing them "never" is
// the same as linearizing them after every completed operation, so the search ends as soon as
// every completed operation is linearized.
//
// The search is exponential in the worst case; a budget (steps, and wall milliseconds) makes
// it answer `unknown` instead of hanging.

export interface Model<State, Op> {
  readonly init: State
  /** The state after `op`, or undefined if `op`'s observed result is impossible in `state`. */
  step(state: State, op: Op): State | undefined
  /** A string that is equal for equal states (memoisation key). */
  key(state: State): string
}

export interface HistoryEntry<Op> {
  /** Position of the call in real-time order (any strictly increasing numbering). */
  readonly invoke: number
  /** Position of the return in the same order; `Infinity` for an operation that never returned. */
  readonly ret: number
  readonly op: Op
}

export interface Budget {
  /** Search steps (deterministic); default unlimited. */
  readonly maxSteps?: number
  /** Wall-clock milliseconds; default unlimited. */
  readonly maxMillis?: number
}

export type Verdict<Op> =
  | { readonly kind: 'ok'; readonly steps: number }
  | {
      readonly kind: 'violation'
      readonly steps: number
      /** The completed operation that could not be placed, with the longest linearizable prefix found. */
      readonly stuck: HistoryEntry<Op>
      readonly longestPrefix: readonly HistoryEntry<Op>[]
    }
  | { readonly kind: 'unknown'; readonly steps: number; readonly reason: string }

interface Node<Op> {
  readonly entry: HistoryEntry<Op>
  readonly index: number
  readonly isCall: boolean
  /** For a call: its return node (undefined when pending). */
  match: Node<Op> | undefined
  prev: Node<Op> | undefined
  next: Node<Op> | undefined
}

export function checkLinearizable<State, Op>(model: Model<State, Op>, history: readonly HistoryEntry<Op>[], budget: Budget = {}): Verdict<Op> {
  const n = history.length
  // Zobrist hashing of the linearized set: two random 32-bit words per operation, XORed in and
  // out, stand in for the bitset in the memo key (a collision needs ~2^32 distinct sets).
  const zobristA = new Uint32Array(n)
  const zobristB = new Uint32Array(n)
  let seed = 0x12345678
  for (let i = 0; i < n; i++) {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0
    zobristA[i] = seed >>> 0
    seed = (Math.imul(seed ^ (seed >>> 12), 0x297a2d39) + 0x9e3779b9) | 0
    zobristB[i] = seed >>> 0
  }

  // Build the entry list in real-time order; calls sort before returns at the same position.
  const nodes: Node<Op>[] = []
  history.forEach((entry, index) => {
    const call: Node<Op> = { entry, index, isCall: true, match: undefined, prev: undefined, next: undefined }
    nodes.push(call)
    if (entry.ret !== Infinity) {
      const ret: Node<Op> = { entry, index, isCall: false, match: undefined, prev: undefined, next: undefined }
      call.match = ret
      nodes.push(ret)
    }
  })
  nodes.sort((x, y) => {
    const tx = x.isCall ? x.entry.invoke : x.entry.ret
    const ty = y.isCall ? y.entry.invoke : y.entry.ret
    if (tx !== ty) return tx - ty
    return (x.isCall ? 0 : 1) - (y.isCall ? 0 : 1)
  })
  const head: Node<Op> = { entry: undefined as unknown as HistoryEntry<Op>, index: -1, isCall: false, match: undefined, prev: undefined, next: undefined }
  let tail = head
  for (const node of nodes) {
    node.prev = tail
    tail.next = node
    tail = node
  }

  const lift = (call: Node<Op>): void => {
    call.prev!.next = call.next
    if (call.next !== undefined) call.next.prev = call.prev
    const ret = call.match
    if (ret !== undefined) {
      ret.prev!.next = ret.next
      if (ret.next !== undefined) ret.next.prev = ret.prev
    }
  }
  const unlift = (call: Node<Op>): void => {
    const ret = call.match
    if (ret !== undefined) {
      ret.prev!.next = ret
      if (ret.next !== undefined) ret.next.prev = ret
    }
    call.prev!.next = call
    if (call.next !== undefined) call.next.prev = call
  }

  let remaining = 0
  for (const entry of history) if (entry.ret !== Infinity) remaining++

  const maxSteps = budget.maxSteps ?? Infinity
  const deadline = budget.maxMillis === undefined ? Infinity : performance.now() + budget.maxMillis
  const cache = new Set<string>()
  const stack: { call: Node<Op>; state: State }[] = []
  let longest: Node<Op>[] = []
  let state = model.init
  let hashA = 0
  let hashB = 0
  let steps = 0
  let node = head.next

  while (remaining > 0) {
    steps++
    if (steps > maxSteps) return { kind: 'unknown', steps, reason: `search exceeded ${maxSteps} steps` }
    if ((steps & 0xfff) === 0 && performance.now() > deadline) {
      return { kind: 'unknown', steps, reason: `search exceeded ${budget.maxMillis} ms` }
    }
    if (node !== undefined && node.isCall) {
      const next = model.step(state, node.entry.op)
      if (next !== undefined) {
        const a = (hashA ^ zobristA[node.index]!) >>> 0
        const b = (hashB ^ zobristB[node.index]!) >>> 0
        const key = `${a}:${b}:${model.key(next)}`
        if (!cache.has(key)) {
          cache.add(key)
          stack.push({ call: node, state })
          state = next
          hashA = a
          hashB = b
          if (node.match !== undefined) remaining--
          lift(node)
          node = head.next
          continue
        }
      }
      node = node.next
      continue
    }
    // A return whose operation is not linearized yet (or the end of the list): backtrack.
    if (stack.length > longest.length) longest = stack.map((s) => s.call)
    const top = stack.pop()
    if (top === undefined) {
      const stuck = node?.entry ?? firstCompleted(history)
      return { kind: 'violation', steps, stuck, longestPrefix: longest.map((c) => c.entry) }
    }
    state = top.state
    hashA = (hashA ^ zobristA[top.call.index]!) >>> 0
    hashB = (hashB ^ zobristB[top.call.index]!) >>> 0
    if (top.call.match !== undefined) remaining++
    unlift(top.call)
    node = top.call.next
  }
  return { kind: 'ok', steps }
}

function firstCompleted<Op>(history: readonly HistoryEntry<Op>[]): HistoryEntry<Op> {
  return history.find((h) => h.ret !== Infinity) ?? history[0]!
}
