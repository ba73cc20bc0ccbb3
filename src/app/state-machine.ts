// The replicated state machine behind consensus (DESIGN.md: "an interface that users can
// replace with their own state machine, the way CometBFT's ABCI or hashicorp/raft's FSM does").
//
// The host hands every committed batch to `apply`, in order, exactly as the core emitted it.
// Everything here must be deterministic: the same entries from the same state give the same
// results and the same snapshot bytes on every node, or replicas diverge.

import type { CommittedEntry } from '../protocols/core.js'

/** The result of one applied `app` entry. */
export interface Applied<R> {
  readonly index: number
  readonly result: R
}

export type RestoreError = { readonly code: 'BAD_SNAPSHOT'; readonly reason: string }

export interface StateMachine<Result, Query, Answer> {
  /** Index of the last entry applied (or restored from a snapshot); 0 for an empty machine. */
  readonly appliedIndex: number
  /**
   * Apply committed entries. Entries at or below `appliedIndex` are skipped (a core may emit
   * them again after a restart); the rest must continue at `appliedIndex + 1` without a gap.
   * `noop` and `config` entries advance the index and produce no result.
   */
  apply(entries: readonly CommittedEntry[]): Applied<Result>[]
  /** Answer a read against the current state (the host calls it once a linearizable read is ready). */
  query(query: Query): Answer
  /** Deterministic bytes for the whole state at `appliedIndex`, client sessions included. */
  snapshot(): Uint8Array
  /** Replace the whole state with a snapshot; on error the state is left unchanged. */
  restore(snapshot: Uint8Array): RestoreError | undefined
}

/** Raised when `apply` is handed a gap: a host or core bug, not an input error. */
export class ApplyGapError extends Error {
  readonly code = 'APPLY_GAP'
  constructor(readonly appliedIndex: number, readonly nextIndex: number) {
    super(`apply gap: applied ${appliedIndex}, next entry ${nextIndex}`)
  }
}
