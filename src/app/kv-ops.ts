// The key-value store's operations and results (DESIGN.md "Interfaces": put, get, delete,
// compare-and-set, multi-key transactions, prefix range). These are what a client proposes;
// the codec (kv-codec.ts) turns a `KvRequest` into the core's opaque Payload.

import { assertNever } from '../protocols/core.js'

export type Key = string
export type Value = Uint8Array

export type CompareOp = 'equal' | 'notEqual' | 'less' | 'greater'

/**
 * One guard of a transaction, as in etcd's Txn. On an absent key, `value` guards are false
 * (whatever the operator) and `version`/`createIndex`/`modIndex` read as 0, so
 * `{ target: 'version', op: 'equal', operand: 0 }` means "the key does not exist".
 */
export type Compare =
  | { readonly target: 'value'; readonly key: Key; readonly op: CompareOp; readonly operand: Value }
  | { readonly target: 'version'; readonly key: Key; readonly op: CompareOp; readonly operand: number }
  | { readonly target: 'createIndex'; readonly key: Key; readonly op: CompareOp; readonly operand: number }
  | { readonly target: 'modIndex'; readonly key: Key; readonly op: CompareOp; readonly operand: number }

export interface PutOp {
  readonly type: 'put'
  readonly key: Key
  readonly value: Value
}
export interface DeleteOp {
  readonly type: 'delete'
  readonly key: Key
}
export interface GetOp {
  readonly type: 'get'
  readonly key: Key
}
/** Keys starting with `prefix` in byte order; `limit` 0 means no limit. */
export interface RangeOp {
  readonly type: 'range'
  readonly prefix: Key
  readonly limit: number
}
/** Set `key` to `value` if its current value is `expected` (`undefined`: the key must be absent). */
export interface CasOp {
  readonly type: 'cas'
  readonly key: Key
  readonly expected: Value | undefined
  readonly value: Value
}
/** All compares hold -> run `success` in order, else `failure`; atomically, at one log index. */
export interface TxnOp {
  readonly type: 'txn'
  readonly compare: readonly Compare[]
  readonly success: readonly TxnStep[]
  readonly failure: readonly TxnStep[]
}

/** What a transaction branch may do. */
export type TxnStep = PutOp | DeleteOp | GetOp | RangeOp

export type KvOp = PutOp | DeleteOp | GetOp | RangeOp | CasOp | TxnOp

/** Reads served outside the log (after the core's `readReady`). */
export type KvQuery = GetOp | RangeOp

/**
 * Client session (Raft dissertation §6.3): `seq` numbers a client's requests; a retried request
 * carries the same pair and is applied once, the retry getting the original result. `ack` is the
 * lowest seq the client has not yet seen a response for (default `seq`: one request in flight);
 * results below it are forgotten.
 */
export interface Session {
  readonly client: string
  readonly seq: number
  readonly ack?: number
}

export interface KvRequest {
  readonly session?: Session
  readonly op: KvOp
}

export interface KeyValue {
  readonly key: Key
  readonly value: Value
  /** Modifications since the key was (re)created; 0 means absent. */
  readonly version: number
  readonly createIndex: number
  readonly modIndex: number
}

export type KvError =
  /** The committed payload is not a valid request (decoded deterministically on every node). */
  | { readonly code: 'DECODE_ERROR'; readonly reason: string }
  /** The session has already moved past `seq`: its result was acknowledged and forgotten. */
  | { readonly code: 'STALE_REQUEST'; readonly client: string; readonly seq: number }

export type StepResult =
  | { readonly type: 'put' }
  | { readonly type: 'delete'; readonly deleted: boolean }
  | { readonly type: 'get'; readonly found: KeyValue | undefined }
  | { readonly type: 'range'; readonly entries: readonly KeyValue[]; readonly more: boolean }

export type KvResult =
  | StepResult
  | { readonly type: 'cas'; readonly succeeded: boolean }
  | { readonly type: 'txn'; readonly succeeded: boolean; readonly results: readonly StepResult[] }
  | { readonly type: 'error'; readonly error: KvError }

/** Size limits enforced by the decoder; generous, they only keep a hostile payload from exhausting memory. */
export const KV_LIMITS = {
  maxKeyBytes: 4096,
  maxValueBytes: 1 << 20,
  maxClientIdBytes: 256,
  maxTxnSteps: 128,
  maxCompares: 128,
  maxRangeEntries: 1 << 20,
  /** Requests in one batch payload; the mempool's own cap (1000 by default) is far below it. */
  maxBatchRequests: 1 << 16
} as const

/** Whether a txn compare holds, given the sign of (current - operand). Shared by the store and the linearizability checker. */
export function compareHolds(op: CompareOp, difference: number): boolean {
  switch (op) {
    case 'equal':
      return difference === 0
    case 'notEqual':
      return difference !== 0
    case 'less':
      return difference < 0
    case 'greater':
      return difference > 0
    default:
      return assertNever(op)
  }
}
