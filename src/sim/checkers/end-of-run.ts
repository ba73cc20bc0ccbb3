// The checks that need the whole run: durability and liveness. (Agreement and validity run
// online in agreement.ts; linearizability in kv-linearizability.ts.)

import { bytesEqual } from '../../app/bytes.js'
import type { CheckFailure, CommitLedger } from './agreement.js'
import type { SimOp } from '../history.js'

/**
 * Durability: a write acknowledged to a client at index i stays committed: the agreed log holds
 * that very request at i, it took effect at or before i, and by the end of the run (after the
 * faults healed) a majority of the honest nodes have applied past i, so no crash of a minority
 * can take it back (for acknowledgements older than the last second of the run).
 */
export function checkDurability(
  history: readonly SimOp[],
  ledger: CommitLedger,
  appliedByNode: readonly number[],
  clusterSize: number,
  /** Acknowledgements after this time (µs) are exempt from the quorum part: followers learn of a commit one heartbeat later. */
  settledUs: number
): CheckFailure | undefined {
  const quorum = Math.floor(clusterSize / 2) + 1
  const sorted = appliedByNode.slice().sort((a, b) => b - a)
  const quorumApplied = sorted[quorum - 1] ?? 0
  for (const op of history) {
    if (op.path !== 'log' || op.result === undefined || op.payload === undefined) continue
    const entry = ledger.entries[op.index - 1]
    if (entry === undefined || !bytesEqual(entry.payload, op.payload)) {
      return { check: 'durability', detail: `op ${op.id} (${op.clientId} seq ${op.seq}) was acknowledged at index ${op.index}, which holds ${entry === undefined ? 'nothing' : 'another entry'} in the agreed log` }
    }
    const effective = ledger.effectiveAt.get(`${op.clientId}:${op.seq}`)
    if (effective === undefined || effective > op.index) {
      return { check: 'durability', detail: `op ${op.id} (${op.clientId} seq ${op.seq}) was acknowledged at ${op.index} but took effect ${effective === undefined ? 'nowhere' : `only at ${effective}`}` }
    }
    if (op.index > quorumApplied && op.retUs <= settledUs) {
      return { check: 'durability', detail: `op ${op.id} acknowledged at index ${op.index}, but at the end only ${sorted.filter((a) => a >= op.index).length} of ${clusterSize} nodes had applied it (quorum ${quorum})` }
    }
  }
  return undefined
}

export interface LivenessInput {
  readonly healUs: number
  readonly boundUs: number
  /** Highest index applied anywhere at healUs + boundUs. */
  readonly indexAtBound: number
  readonly appliedByNode: readonly number[]
  readonly names: readonly string[]
}

/**
 * Liveness: once the last fault heals, a client write is acknowledged within the bound, and by the
 * end of the run every honest node has caught up to what the cluster had committed at the bound.
 */
export function checkLiveness(history: readonly SimOp[], input: LivenessInput): CheckFailure | undefined {
  const resumed = history.some((op) => op.path === 'log' && op.result !== undefined && op.retUs > input.healUs && op.retUs <= input.healUs + input.boundUs)
  if (!resumed) {
    return { check: 'liveness', detail: `no write was acknowledged within ${input.boundUs / 1e6}s after the faults healed at ${input.healUs / 1e6}s` }
  }
  const behind = input.appliedByNode.map((applied, node) => ({ applied, node })).filter((n) => n.applied < input.indexAtBound)
  if (behind.length > 0) {
    return {
      check: 'liveness',
      detail: `${behind.map((b) => `${input.names[b.node]} (applied ${b.applied})`).join(', ')} did not catch up to index ${input.indexAtBound} by the end of the run`
    }
  }
  return undefined
}
