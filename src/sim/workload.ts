// What the simulated clients ask for. Keys live in small groups (`g0/k0`, `g0/k1`, ...):
// transactions and prefix ranges stay inside one group, so the linearizability checker's
// independent parts are the groups (see checkers/kv-linearizability.ts) and stay small, while
// every kind of operation still races with every other on the same keys. Every written value
// is unique (`v<op id>`), which is what lets a stale or lost write show up in a later read.

import { fromUtf8 } from '../app/bytes.js'
import type { Compare, KvOp, KvQuery, KvResult, StepResult, TxnStep } from '../app/kv-ops.js'
import type { SimRng } from './rng.js'

export interface WorkloadShape {
  readonly groups: number
  readonly keysPerGroup: number
}

export const DEFAULT_WORKLOAD: WorkloadShape = { groups: 3, keysPerGroup: 3 }

export type PlannedOp = { readonly path: 'log'; readonly op: KvOp } | { readonly path: 'read'; readonly op: KvQuery }

/** Per-client memory of the last value it saw for each key, so compare-and-set has a fair chance. */
export class ClientView {
  private readonly seen = new Map<string, Uint8Array | undefined>()

  expected(key: string): Uint8Array | undefined {
    return this.seen.get(key)
  }

  learn(op: KvOp, result: KvResult): void {
    switch (op.type) {
      case 'put':
      case 'delete':
      case 'get':
      case 'range':
        if (result.type === op.type) this.learnStep(op, result)
        return
      case 'cas':
        if (result.type === 'cas' && result.succeeded) this.seen.set(op.key, op.value)
        return
      case 'txn': {
        if (result.type !== 'txn') return
        const steps = result.succeeded ? op.success : op.failure
        steps.forEach((step, i) => {
          const r = result.results[i]
          if (r !== undefined) this.learnStep(step, r)
        })
        return
      }
    }
  }

  private learnStep(step: TxnStep, result: StepResult): void {
    switch (step.type) {
      case 'put':
        this.seen.set(step.key, step.value)
        return
      case 'delete':
        this.seen.set(step.key, undefined)
        return
      case 'get':
        if (result.type === 'get') this.seen.set(step.key, result.found?.value)
        return
      case 'range':
        if (result.type === 'range') for (const kv of result.entries) this.seen.set(kv.key, kv.value)
        return
    }
  }
}

export function planOperation(rng: SimRng, shape: WorkloadShape, view: ClientView, opId: number): PlannedOp {
  const group = rng.int(0, shape.groups - 1)
  const key = (): string => `g${group}/k${rng.int(0, shape.keysPerGroup - 1)}`
  const value = asciiBytes(`v${opId}`)
  const roll = rng.next()
  if (roll < 0.26) return { path: 'log', op: { type: 'put', key: key(), value } }
  if (roll < 0.46) return { path: 'read', op: { type: 'get', key: key() } }
  if (roll < 0.58) {
    const k = key()
    return { path: 'log', op: { type: 'cas', key: k, expected: rng.chance(0.2) ? undefined : view.expected(k), value } }
  }
  if (roll < 0.64) return { path: 'log', op: { type: 'delete', key: key() } }
  if (roll < 0.8) {
    const a = key()
    const b = key()
    const seen = view.expected(a)
    const guard: Compare = seen === undefined ? { target: 'version', key: a, op: 'equal', operand: 0 } : { target: 'value', key: a, op: 'equal', operand: seen }
    if (rng.chance(0.5)) {
      return { path: 'log', op: { type: 'txn', compare: [guard], success: [{ type: 'put', key: a, value }, { type: 'put', key: b, value }], failure: [{ type: 'get', key: a }, { type: 'get', key: b }] } }
    }
    return {
      path: 'log',
      op: { type: 'txn', compare: [{ target: 'version', key: a, op: 'greater', operand: 0 }], success: [{ type: 'delete', key: b }, { type: 'range', prefix: `g${group}/`, limit: 0 }], failure: [{ type: 'put', key: a, value }] }
    }
  }
  if (roll < 0.88) return { path: 'read', op: { type: 'range', prefix: `g${group}/`, limit: rng.chance(0.3) ? 2 : 0 } }
  if (roll < 0.94) return { path: 'log', op: { type: 'get', key: key() } }
  return { path: 'log', op: { type: 'put', key: key(), value } }
}

/** ASCII text to bytes without a TextEncoder call (measurably cheaper for the short values here). */
function asciiBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i)
  return bytes
}

/** Short text of an operation for failure reports. */
export function describeOp(op: KvOp): string {
  const v = (bytes: Uint8Array | undefined): string => (bytes === undefined ? '∅' : fromUtf8(bytes))
  switch (op.type) {
    case 'put':
      return `put ${op.key}=${v(op.value)}`
    case 'delete':
      return `delete ${op.key}`
    case 'get':
      return `get ${op.key}`
    case 'range':
      return `range ${op.prefix}*${op.limit > 0 ? ` limit ${op.limit}` : ''}`
    case 'cas':
      return `cas ${op.key} ${v(op.expected)}->${v(op.value)}`
    case 'txn':
      return `txn if ${op.compare.map((c) => `${c.target}(${c.key}) ${c.op} ${c.target === 'value' ? v(c.operand) : c.operand}`).join(' & ')} then [${op.success.map(describeOp).join('; ')}] else [${op.failure.map(describeOp).join('; ')}]`
  }
}

export function describeResult(result: KvResult | undefined): string {
  if (result === undefined) return '(no result)'
  const kv = (found: { key: string; value: Uint8Array; version: number } | undefined): string => (found === undefined ? '∅' : `${fromUtf8(found.value)}@v${found.version}`)
  switch (result.type) {
    case 'put':
      return 'ok'
    case 'delete':
      return result.deleted ? 'deleted' : 'absent'
    case 'get':
      return kv(result.found)
    case 'range':
      return `[${result.entries.map((e) => `${e.key}=${kv(e)}`).join(', ')}]${result.more ? '+' : ''}`
    case 'cas':
      return result.succeeded ? 'swapped' : 'not swapped'
    case 'txn':
      return `${result.succeeded ? 'success' : 'failure'} [${result.results.map(describeResult).join('; ')}]`
    case 'error':
      return `error ${result.error.code}`
  }
}
