// Quorum sizes for n replicas of which at most f = floor((n - 1) / 3) are Byzantine, and the
// argument for the optimistic fast path's size.
//
// Normal quorum Q = ceil((n + f + 1) / 2): any two quorums meet in at least f + 1 replicas, so in
// at least one correct one (2Q - n >= f + 1), and the n - f correct replicas alone form one
// (Q <= n - f, since n >= 3f + 1). For n = 3f + 1 this is PBFT's 2f + 1. prepared = pre-prepare
// + Q - 1 prepares; committed-local = prepared + Q commits; a stable checkpoint, a view change
// and a new-view all take Q signed messages (Castro & Liskov, OSDI 1999, §4.2-4.4).
//
// ---------------------------------------------------------------------------------------------
// The fast path (after Zyzzyva, Kotla et al. SOSP 2007, and SBFT, Gueta et al. DSN 2019).
//
// A replica that holds the primary's pre-prepare (v, s, d) and matching prepares from enough
// backups that the voters number q (the primary's pre-prepare is its vote) commits (v, s, d) at
// once, one round before the commit phase would. Commits then go only where they are needed (a
// replica that missed a prepare asks with its own; core.ts, `holdOrSendCommit`), so replicas that
// missed a prepare finish on the normal three phases.
//
// What a view change must recover. The new primary sees Q view-change messages; f of them may
// lie (Byzantine replicas report anything a Byzantine primary signed for them, or omit). Let d
// be fast-committed at (v, s) with q votes. In the worst case the Q reporters contain only
// q + Q - n voters of d, f of them lying: q + Q - n - f correct replicas report d. A Byzantine
// primary may have pre-prepared another d' at (v, s) for the correct replicas that did not vote
// d (at most n - q of them), and the f Byzantine replicas back d' too: d' may be reported n - q + f
// times. The new primary can tell d from d' only if q + Q - n - f > n - q + f, that is
//
//     q > n + f - Q / 2          (for n = 3f + 1, Q = 2f + 1:  q > 3f + 1/2,  so q = 3f + 1 = n)
//
// So ceil(3n / 4) is NOT enough for n = 3f + 1: with n = 4 and q = 3, a Byzantine primary p sends
// d to a and b and d' to c; p, a, b vote d and a, b commit it fast; the view-change set {p, c, a}
// shows d' twice (p lies, c is honest) and d once, exactly what it would show had d' been
// committed by {p, c, b} instead. No rule can pick right in both worlds (fast-path.test.ts builds
// this run with the 3-of-4 size, and with 6 of 7: the new primary re-issues d' and the correct
// replicas commit it where one of them had committed d). This is the bound SBFT
// states as 3f + c + 1 of n = 3f + 2c + 1 replicas (c = 0 here) and why Zyzzyva's fast path needs
// all 3f + 1 replicas. The fast quorum is therefore max(ceil(3n / 4), floor(n + f - Q / 2) + 1),
// which is n whenever n = 3f + 1: the fast path is taken only when every replica answers, and a
// single silent or slow replica sends every sequence down the normal path (correct, just slower).
//
// The view-change rule that recovers it (view-change.ts, `chooseForSequence`), with h the highest
// view of a prepared certificate for s among the Q reports: each reporter's latest accepted
// pre-prepare for s counts as support for its digest if its view is above h; a digest with the
// most support, at least f + 1, is re-proposed; else the prepared certificate at h; else a null
// request. Why it is safe, by induction over views:
// - d fast-committed at (v, s): with q = n every correct replica accepted (v, s, d) (and made it
//   durable before voting). In any later view u, every correct reporter's latest pre-prepare for
//   s has a view >= v and, by the induction, digest d (new-views after v re-propose d; no fresh
//   pre-prepare can take s, since the new-view's range covers s). There are >= Q - f >= f + 1 of
//   them, and their views are above any prepared view below v. A prepared certificate at a view
//   >= v is for d (it needs Q - 1 prepares, more than the f Byzantine can sign). Any other digest
//   has at most f supporters (Byzantine only). So d has the most support, or (when the prepared
//   certificate is at a view >= v) no other digest reaches f + 1 and the certificate is for d.
//   This holds with f Byzantine replicas including the primary of v: the primary's signatures
//   let Byzantine reporters claim anything, but each reporter counts once and only f lie.
// - d slow-committed at (w, s): Q commits, so >= Q - f correct replicas prepared (w, s, d) and
//   made the certificate durable before sending their commit; they meet any Q reporters in at
//   least one correct replica (2Q - f - n >= 1), so h >= w and the certificate at h is for d;
//   correct replicas accepted nothing but d for s in views above w, so any other digest has at
//   most f < f + 1 supporters above h. PBFT's own rule (highest prepared view) is the special case
//   where no digest has f + 1 support above h.
//
// The recovery threshold f + 1 must satisfy f + 1 > n - q + f (no competitor at view v) and
// f + 1 <= q + Q - n - f (the fast-committed digest always reaches it): both hold for q = n.

/** Byzantine faults tolerated by n replicas. */
export function faultsTolerated(n: number): number {
  return Math.floor((n - 1) / 3)
}

/** Q: the size of every quorum of the normal protocol (2f + 1 when n = 3f + 1). */
export function quorumSize(n: number): number {
  return Math.ceil((n + faultsTolerated(n) + 1) / 2)
}

/** The smallest fast quorum a view change can always recover (see above): n when n = 3f + 1. */
export function recoverableFastQuorum(n: number): number {
  const f = faultsTolerated(n)
  return Math.floor(n + f - quorumSize(n) / 2) + 1
}

/** The fast quorum the issue asks for, max(ceil(3n / 4), recoverable), capped at n. */
export function fastQuorumSize(n: number): number {
  return Math.min(n, Math.max(Math.ceil((3 * n) / 4), recoverableFastQuorum(n)))
}

/** Support a digest needs among view-change reports to be re-proposed over a prepared certificate. */
export function recoverySupport(n: number): number {
  return faultsTolerated(n) + 1
}
