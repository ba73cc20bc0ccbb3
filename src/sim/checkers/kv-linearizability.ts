// Linearizability of a KV client history, checked per independent part (P-compositionality,
// Herlihy & Wing: a history is linearizable iff its restriction to each object is).
//
// Objects are keys, but a multi-key transaction or a prefix range reads or writes several keys
// atomically, so those keys are one object for this purpose: keys are merged (union-find) when
// one operation touches them together, and each merged group is checked as one KV store of its
// own. A range touches every key of the history that has its prefix. The simulator's workload
// keeps transactions and ranges inside small key groups, so parts stay small; a workload that
// mixes all keys would still be checked exactly, just as one big part.
//
// Values are compared as byte strings (each byte one char), versions are checked (they follow
// from the history alone), create/mod indexes are not (they depend on log positions the client
// history does not carry); a compare on them makes the check of that part `unknown`.

import { checkLinearizable, type Budget, type HistoryEntry, type Model, type Verdict } from './linearizability.js'
import { compareHolds, type KeyValue, type KvOp, type KvResult, type StepResult, type TxnStep, type Compare, type Value } from '../../app/kv-ops.js'
import { assertNever } from '../../protocols/core.js'

export interface KvHistoryOp {
  readonly id: number
  readonly client: string
  /** Real-time order of the call and the return (a shared counter); `ret` is Infinity when no result is known. */
  readonly invoke: number
  readonly ret: number
  readonly op: KvOp
  /** The observed result; undefined when unknown (no reply, or an error reply). */
  readonly result: KvResult | undefined
}

export type KvVerdict =
  | { readonly kind: 'ok'; readonly parts: number; readonly steps: number }
  | { readonly kind: 'violation'; readonly keys: readonly string[]; readonly stuck: KvHistoryOp; readonly prefix: readonly KvHistoryOp[]; readonly steps: number }
  | { readonly kind: 'unknown'; readonly keys: readonly string[]; readonly reason: string; readonly steps: number }

interface KvState {
  readonly values: readonly (string | undefined)[]
  readonly versions: readonly number[]
}

class UnsupportedOp extends Error {}

/** Check a whole history; the budget applies to each part separately. */
export function checkKvHistory(history: readonly KvHistoryOp[], budget: Budget = {}): KvVerdict {
  // Reads that never returned constrain nothing: drop them before the search.
  const ops = history.filter((h) => h.result !== undefined || writes(h.op))
  const universe = new Set<string>()
  for (const h of ops) for (const key of namedKeys(h.op)) universe.add(key)
  const sortedUniverse = [...universe].sort()

  // Union-find over keys.
  const parent = new Map<string, string>()
  for (const key of sortedUniverse) parent.set(key, key)
  const find = (key: string): string => {
    let root = key
    while (parent.get(root) !== root) root = parent.get(root)!
    parent.set(key, root)
    return root
  }
  const touched = ops.map((h) => touchedKeys(h.op, sortedUniverse))
  for (const keys of touched) for (let i = 1; i < keys.length; i++) parent.set(find(keys[i]!), find(keys[0]!))

  const parts = new Map<string, KvHistoryOp[]>()
  ops.forEach((h, i) => {
    const keys = touched[i]!
    const root = keys.length === 0 ? '' : find(keys[0]!)
    let part = parts.get(root)
    if (part === undefined) parts.set(root, (part = []))
    part.push(h)
  })

  let steps = 0
  let unknown: KvVerdict | undefined
  for (const [root, part] of parts) {
    const keys = sortedUniverse.filter((k) => root !== '' && find(k) === root)
    let verdict: Verdict<KvHistoryOp>
    try {
      verdict = checkLinearizable(kvModel(keys), part.map(toEntry), budget)
    } catch (error) {
      if (!(error instanceof UnsupportedOp)) throw error
      unknown ??= { kind: 'unknown', keys, reason: error.message, steps }
      continue
    }
    steps += verdict.steps
    switch (verdict.kind) {
      case 'ok':
        break
      case 'violation':
        return { kind: 'violation', keys, stuck: verdict.stuck.op, prefix: verdict.longestPrefix.map((e) => e.op), steps }
      case 'unknown':
        unknown ??= { kind: 'unknown', keys, reason: verdict.reason, steps }
        break
      default:
        assertNever(verdict)
    }
  }
  return unknown ?? { kind: 'ok', parts: parts.size, steps }
}

function toEntry(h: KvHistoryOp): HistoryEntry<KvHistoryOp> {
  return { invoke: h.invoke, ret: h.result === undefined ? Infinity : h.ret, op: h }
}

function writes(op: KvOp): boolean {
  switch (op.type) {
    case 'get':
    case 'range':
      return false
    case 'put':
    case 'delete':
    case 'cas':
      return true
    case 'txn':
      return [...op.success, ...op.failure].some((s) => s.type === 'put' || s.type === 'delete')
    default:
      return assertNever(op)
  }
}

function namedKeys(op: KvOp): string[] {
  switch (op.type) {
    case 'put':
    case 'delete':
    case 'get':
    case 'cas':
      return [op.key]
    case 'range':
      return []
    case 'txn': {
      const keys: string[] = []
      for (const c of op.compare) keys.push(c.key)
      for (const s of op.success) if (s.type !== 'range') keys.push(s.key)
      for (const s of op.failure) if (s.type !== 'range') keys.push(s.key)
      return keys
    }
    default:
      return assertNever(op)
  }
}

function touchedKeys(op: KvOp, universe: readonly string[]): string[] {
  const keys = namedKeys(op)
  const prefixes: string[] = []
  if (op.type === 'range') prefixes.push(op.prefix)
  else if (op.type === 'txn') for (const s of [...op.success, ...op.failure]) if (s.type === 'range') prefixes.push(s.prefix)
  for (const prefix of prefixes) for (const key of universe) if (key.startsWith(prefix) && !keys.includes(key)) keys.push(key)
  return keys
}

function bytesKey(value: Value): string {
  let s = ''
  for (let i = 0; i < value.length; i++) s += String.fromCharCode(value[i]!)
  return s
}

/** The sequential specification of a KV store restricted to `keys` (sorted). */
function kvModel(keys: readonly string[]): Model<KvState, KvHistoryOp> {
  const slot = new Map(keys.map((k, i) => [k, i]))
  const slotOf = (key: string): number => {
    const i = slot.get(key)
    if (i === undefined) throw new Error(`key ${key} outside its part`) // a partitioning bug
    return i
  }

  // Mutable working copy of one step.
  let values: (string | undefined)[] = []
  let versions: number[] = []

  const put = (key: string, value: Value): void => {
    const i = slotOf(key)
    versions[i] = (values[i] === undefined ? 0 : versions[i]!) + 1
    values[i] = bytesKey(value)
  }
  const found = (i: number, key: string, kv: KeyValue | undefined): boolean =>
    values[i] === undefined ? kv === undefined : kv !== undefined && kv.key === key && kv.version === versions[i] && bytesKey(kv.value) === values[i]

  const runStep = (step: TxnStep, observed: StepResult | undefined): boolean => {
    switch (step.type) {
      case 'put':
        put(step.key, step.value)
        return observed === undefined || observed.type === 'put'
      case 'delete': {
        const i = slotOf(step.key)
        const existed = values[i] !== undefined
        values[i] = undefined
        versions[i] = 0
        return observed === undefined || (observed.type === 'delete' && observed.deleted === existed)
      }
      case 'get':
        return observed === undefined || (observed.type === 'get' && found(slotOf(step.key), step.key, observed.found))
      case 'range': {
        if (observed === undefined) return true
        if (observed.type !== 'range') return false
        let count = 0
        let more = false
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i]!
          if (!key.startsWith(step.prefix) || values[i] === undefined) continue
          if (step.limit > 0 && count === step.limit) {
            more = true
            break
          }
          if (!found(i, key, observed.entries[count])) return false
          count++
        }
        return count === observed.entries.length && more === observed.more
      }
      default:
        return assertNever(step)
    }
  }

  const holds = (c: Compare): boolean => {
    const i = slotOf(c.key)
    let difference: number
    switch (c.target) {
      case 'value': {
        const current = values[i]
        if (current === undefined) return false
        const operand = bytesKey(c.operand)
        difference = current < operand ? -1 : current > operand ? 1 : 0
        break
      }
      case 'version':
        difference = versions[i]! - c.operand
        break
      case 'createIndex':
      case 'modIndex':
        throw new UnsupportedOp(`compare on ${c.target} cannot be checked from a client history`)
      default:
        return assertNever(c)
    }
    return compareHolds(c.op, difference)
  }

  const run = (op: KvOp, result: KvResult | undefined): boolean => {
    switch (op.type) {
      case 'put':
      case 'delete':
      case 'get':
      case 'range':
        return runStep(op, result as StepResult | undefined)
      case 'cas': {
        const i = slotOf(op.key)
        const matches = op.expected === undefined ? values[i] === undefined : values[i] === bytesKey(op.expected)
        if (matches) put(op.key, op.value)
        return result === undefined || (result.type === 'cas' && result.succeeded === matches)
      }
      case 'txn': {
        const succeeded = op.compare.every(holds)
        if (result !== undefined && (result.type !== 'txn' || result.succeeded !== succeeded)) return false
        const steps = succeeded ? op.success : op.failure
        const observed = result?.type === 'txn' ? result.results : undefined
        if (observed !== undefined && observed.length !== steps.length) return false
        for (let s = 0; s < steps.length; s++) if (!runStep(steps[s]!, observed?.[s])) return false
        return true
      }
      default:
        return assertNever(op)
    }
  }

  return {
    init: { values: keys.map(() => undefined), versions: keys.map(() => 0) },
    step(state, h) {
      values = state.values.slice()
      versions = state.versions.slice()
      if (!run(h.op, h.result)) return undefined
      return { values, versions }
    },
    key(state) {
      let s = ''
      for (let i = 0; i < state.values.length; i++) s += `${state.versions[i]}\u0000${state.values[i] ?? ''}\u0001`
      return s
    }
  }
}
