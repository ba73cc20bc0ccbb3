// The client history: one record per logical operation, from its first call to the reply that
// ended it (a retry with the same session is the same operation). `invoke`/`ret` are positions
// in one shared counter, the real-time order the linearizability checker needs.

import type { KvOp, KvResult } from '../app/kv-ops.js'

export interface SimOp {
  readonly id: number
  readonly client: number
  readonly clientId: string
  /** Session seq for writes, 0 for reads. */
  readonly seq: number
  readonly path: 'log' | 'read'
  readonly op: KvOp
  /** The encoded request (writes). */
  readonly payload: Uint8Array | undefined
  readonly invoke: number
  readonly invokeUs: number
  ret: number
  retUs: number
  /** Undefined until a successful reply. */
  result: KvResult | undefined
  /** Log index of the entry that answered a write; read index of a read. */
  index: number
  attempts: number
}
