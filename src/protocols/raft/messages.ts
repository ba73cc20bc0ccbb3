// The messages Raft cores exchange: one closed union (STYLE.md). Plain objects with
// numbers, strings, booleans, Uint8Array and arrays only, so a protobuf codec can
// mirror them field for field. Every message carries the sender's term (Raft paper §5.1).

import type { EntryKind } from '../core.js'

/** One log entry. Its index is implicit: the position in the log, or in an Append, prevIndex + 1 + offset. */
export interface RaftEntry {
  readonly term: number
  readonly kind: EntryKind
  /** 'app': the proposed payload; 'noop': empty; 'config': the encoded membership (membership.ts). */
  readonly payload: Uint8Array
}

/**
 * RequestVote (paper §5.2) and its pre-vote form (thesis §9.6). A pre-vote asks "would you vote
 * for me at `term`?" without anyone changing term: a pre-candidate sends its term + 1.
 */
export interface VoteRequest {
  readonly type: 'voteRequest'
  readonly term: number
  readonly preVote: boolean
  readonly lastIndex: number
  readonly lastTerm: number
  /** Sent by a candidate that a TimeoutNow started: voters skip the leader-lease check (thesis §3.10). */
  readonly transfer: boolean
}

export interface VoteResponse {
  readonly type: 'voteResponse'
  /** The voter's term; for a granted pre-vote, the term the pre-candidate asked about. */
  readonly term: number
  readonly preVote: boolean
  readonly granted: boolean
}

/** AppendEntries (paper §5.3): entries prevIndex+1 .. prevIndex+entries.length; may be empty. */
export interface Append {
  readonly type: 'append'
  readonly term: number
  readonly prevIndex: number
  readonly prevTerm: number
  readonly entries: readonly RaftEntry[]
  /** The leader's commit index. */
  readonly commit: number
}

export interface AppendResponse {
  readonly type: 'appendResponse'
  readonly term: number
  readonly success: boolean
  /**
   * success: the follower's log matches the leader's up to and including `index`.
   * rejection: the prevIndex of the Append that did not match.
   */
  readonly index: number
  /**
   * On rejection, the fast-backup hint (thesis §5.3, end): the term of the follower's entry at
   * prevIndex and the first index the follower holds of that term; or conflictTerm 0 and
   * conflictIndex = follower's lastIndex + 1 when its log is too short. 0 and 0 on success.
   */
  readonly conflictTerm: number
  readonly conflictIndex: number
}

/**
 * The leader's heartbeat (paper §5.2). Separate from Append because it does not check log
 * matching; `commit` is capped at what the follower is known to hold. `context` is the newest
 * ReadIndex round the leader has started (thesis §6.4); 0 when it never started one.
 */
export interface Heartbeat {
  readonly type: 'heartbeat'
  readonly term: number
  readonly commit: number
  readonly context: number
}

export interface HeartbeatResponse {
  readonly type: 'heartbeatResponse'
  readonly term: number
  /** The context of the heartbeat answered: it confirms the sender's leadership for every read round up to it. */
  readonly context: number
}

/** Leader transfer (thesis §3.10): "start an election now, skipping pre-vote". */
export interface TimeoutNow {
  readonly type: 'timeoutNow'
  readonly term: number
}

export type RaftMessage =
  | VoteRequest
  | VoteResponse
  | Append
  | AppendResponse
  | Heartbeat
  | HeartbeatResponse
  | TimeoutNow
