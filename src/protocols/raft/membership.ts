// Cluster membership: voters (counted in every quorum) and learners (receive the log, are never
// counted). Changes are single-server changes (thesis §4.1), one at a time.
//
// Why single-server changes are safe
// ----------------------------------
// 1. A server uses the latest configuration in its log, committed or not (thesis §4.1); the
//    leader counts votes and acknowledgements against that configuration.
// 2. Adding or removing one voter keeps every majority of the old voter set C and every majority
//    of the new set C' overlapping: with |C| = n and |C'| = n + 1, the two majorities hold at
//    least (⌊n/2⌋ + 1) + (⌊(n+1)/2⌋ + 1) = n + 2 servers, more than the n + 1 that exist, so they
//    share one, and that server votes once per term (removal is the same argument read
//    backwards). Two leaders in one term, one elected under C and one under C', are impossible,
//    and an entry committed under either is held by the other's majority.
// 3. The argument needs the configurations in use at any moment to differ by at most one voter.
//    So a leader appends a configuration entry only when the previous one is committed: then
//    every server's latest configuration is the committed one or the single pending successor.
// 4. That is not quite enough across leader changes (Ongaro, raft-dev, 2015: "bug in
//    single-server membership changes"): a leader of term t appends C1 and crashes before it
//    commits; the leader of term t+1, still under C0, appends C2. C1 and C2 differ by two voters
//    and their majorities can be disjoint, so both could be committed by different leaders.
//    The fix, applied here: a leader appends a configuration entry only after it has committed
//    an entry of its own term (its election noop). Once that noop is committed, a majority of
//    the current configuration holds the leader's log, so an older uncommitted configuration
//    that is not in that log can no longer win an election, and one that is in it is committed.
// 5. Learners are outside the voter set, so adding, removing or holding them changes no quorum;
//    promotion is an "add one voter" change and obeys 2-4. A learner is promoted only once its
//    log is within a small lag of the leader's (thesis §4.2.1, catching up new servers), so the
//    new quorum does not stall behind a server that is far behind.
// 6. Removing the leader itself (thesis §4.2.2): from the moment the entry is in its log the
//    leader no longer counts itself, keeps replicating, and steps down once the entry commits.

import type { AdminCommand, NodeId } from '../core.js'

export interface Membership {
  readonly voters: readonly NodeId[]
  readonly learners: readonly NodeId[]
}

/** The commands that change membership (leader transfer does not). */
export type MembershipCommand = Exclude<AdminCommand, { readonly kind: 'transferLeadership' }>

export type MembershipChange =
  | { readonly ok: true; readonly membership: Membership }
  | { readonly ok: false; readonly reason: string }

/** Sorted, duplicate-free, and no node both voter and learner (voter wins). */
export function normalizeMembership(voters: readonly NodeId[], learners: readonly NodeId[]): Membership {
  const voterSet = [...new Set(voters)].sort()
  const learnerSet = [...new Set(learners)].filter(id => !voterSet.includes(id)).sort()
  return { voters: voterSet, learners: learnerSet }
}

export function isVoter(membership: Membership, id: NodeId): boolean {
  return membership.voters.includes(id)
}

export function isLearner(membership: Membership, id: NodeId): boolean {
  return membership.learners.includes(id)
}

/** Everyone the leader replicates to: voters and learners except `self`. */
export function replicationPeers(membership: Membership, self: NodeId): NodeId[] {
  return [...membership.voters, ...membership.learners].filter(id => id !== self)
}

export function quorumSize(membership: Membership): number {
  return Math.floor(membership.voters.length / 2) + 1
}

/**
 * The largest index that a majority of voters hold, given each voter's match index: sort
 * descending and take the quorum-th value.
 */
export function quorumIndex(membership: Membership, matchOf: (voter: NodeId) => number): number {
  const matches = membership.voters.map(matchOf).sort((a, b) => b - a)
  return matches[quorumSize(membership) - 1] ?? 0
}

/** The configuration after one single-server change, or why the change is refused. */
export function applyMembershipChange(membership: Membership, command: MembershipCommand): MembershipChange {
  const { voters, learners } = membership
  switch (command.kind) {
    case 'addLearner':
      if (voters.includes(command.node) || learners.includes(command.node)) {
        return { ok: false, reason: `${command.node} is already a member` }
      }
      return { ok: true, membership: normalizeMembership(voters, [...learners, command.node]) }
    case 'promote':
      if (!learners.includes(command.node)) return { ok: false, reason: `${command.node} is not a learner` }
      return {
        ok: true,
        membership: normalizeMembership([...voters, command.node], learners.filter(id => id !== command.node))
      }
    case 'remove':
      if (voters.includes(command.node)) {
        if (voters.length === 1) return { ok: false, reason: 'cannot remove the last voter' }
        return { ok: true, membership: normalizeMembership(voters.filter(id => id !== command.node), learners) }
      }
      if (learners.includes(command.node)) {
        return { ok: true, membership: normalizeMembership(voters, learners.filter(id => id !== command.node)) }
      }
      return { ok: false, reason: `${command.node} is not a member` }
    default:
      return assertNeverCommand(command)
  }
}

function assertNeverCommand(command: never): never {
  throw new Error(`unknown membership command: ${JSON.stringify(command)}`)
}

// Config entries and snapshot metadata are bytes (CommittedEntry.payload, sendSnapshot.meta).
// JSON keeps them readable to the app and to humans reading a log dump.

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** The payload of a 'config' entry: the complete new membership (thesis §4.1 stores whole configurations). */
export function encodeMembership(membership: Membership): Uint8Array {
  return encoder.encode(JSON.stringify({ voters: membership.voters, learners: membership.learners }))
}

export function decodeMembership(payload: Uint8Array): Membership {
  const value: unknown = JSON.parse(decoder.decode(payload))
  return parseMembership(value)
}

/** What a snapshot needs besides the app state: the term of its last entry and its membership. */
export interface SnapshotMeta {
  readonly term: number
  readonly membership: Membership
}

export function encodeSnapshotMeta(meta: SnapshotMeta): Uint8Array {
  return encoder.encode(JSON.stringify({
    term: meta.term,
    voters: meta.membership.voters,
    learners: meta.membership.learners
  }))
}

export function decodeSnapshotMeta(bytes: Uint8Array): SnapshotMeta {
  const value: unknown = JSON.parse(decoder.decode(bytes))
  if (typeof value !== 'object' || value === null || !('term' in value) || typeof value.term !== 'number') {
    throw new Error('raft snapshot meta: missing term')
  }
  return { term: value.term, membership: parseMembership(value) }
}

function parseMembership(value: unknown): Membership {
  if (typeof value !== 'object' || value === null || !('voters' in value) || !('learners' in value)) {
    throw new Error('raft membership: expected {voters, learners}')
  }
  const { voters, learners } = value
  if (!isStringArray(voters) || !isStringArray(learners)) {
    throw new Error('raft membership: voters and learners must be string arrays')
  }
  return normalizeMembership(voters, learners)
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(item => typeof item === 'string')
}
